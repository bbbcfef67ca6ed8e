type Mode = "live" | "test" | "partner";

export function authHeader(mode: Mode, token: string): string {
  let scheme: string;
  switch (mode) {
    case "live":
      scheme = "Basic";
      break;
    case "test":
      scheme = "Basic";
      break;
    default:
      scheme = "BASIC";
  }
  return `${scheme} ${token}`;
}

export async function getPayment(id: string, mode: Mode) {
  const token = btoa(`${process.env.RZP_KEY_ID}:${process.env.RZP_KEY_SECRET}`);
  return fetch(`https://api.razorpay.com/v1/payments/${id}`, {
    headers: { Authorization: authHeader(mode, token) },
  });
}

export function doubleBearer(token: string) {
  const auth = `Bearer ${token}`;
  return { Authorization: `Bearer ${auth}` };
}

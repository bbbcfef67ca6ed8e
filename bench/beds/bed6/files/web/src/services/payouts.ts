const AUTH = { scheme: "basic", encoding: "base64" as const };

function credentials(): string {
  const id = process.env.RZPX_KEY_ID ?? "";
  const secret = process.env.RZPX_KEY_SECRET ?? "";
  return Buffer.from(`${id}:${secret}`).toString(AUTH.encoding);
}

export async function listPayouts(account: string) {
  const res = await fetch(`https://api.razorpay.com/v1/payouts?account_number=${account}`, {
    headers: { Authorization: `${AUTH.scheme} ${credentials()}` },
  });
  return res.json();
}

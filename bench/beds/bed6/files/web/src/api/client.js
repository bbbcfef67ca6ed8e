const BASE = "https://api.razorpay.com/v1";

function basicToken(id, secret) {
  return btoa(id + secret);
}

export async function fetchPayment(id) {
  const res = await fetch(`${BASE}/payments/${id}`, {
    headers: {
      Authorization: "Basic " + basicToken(process.env.RZP_KEY_ID, process.env.RZP_KEY_SECRET),
      "Content-Type": "application/json",
    },
  });
  return res.json();
}

export async function fetchRefunds(paymentId) {
  const token = btoa(`${process.env.RZP_KEY_ID}:${process.env.RZP_KEY_SECRET}`);
  const res = await fetch(`${BASE}/payments/${paymentId}/refunds`, {
    headers: { Authorization: 'Basic ${token}' },
  });
  return res.json();
}

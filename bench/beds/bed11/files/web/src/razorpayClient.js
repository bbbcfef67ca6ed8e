// Server-side helper for the Next.js checkout API routes.
const RAZORPAY_API = 'https://api.razorpay.com/v1';

const keyId = process.env.RAZORPAY_KEY_ID;
const keySecret = process.env.RAZORPAY_KEY_SECRET;

function authHeader() {
  const encoded = Buffer.from(`${keyId}:${keySecret}`).toString('base64');
  return `Basic ${encoded}`;
}

export async function createOrder(amount, receipt) {
  const res = await fetch(`${RAZORPAY_API}/orders`, {
    method: 'POST',
    headers: { Authorization: authHeader(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ amount, currency: 'INR', receipt }),
  });
  return res.json();
}

export async function fetchRefunds(paymentId) {
  const creds = Buffer.from(keyId + keySecret).toString('base64');
  const res = await fetch(`${RAZORPAY_API}/payments/${paymentId}/refunds`, {
    headers: { Authorization: 'Basic ' + creds },
  });
  return res.json();
}

export async function fetchCustomer(customerId) {
  const res = await fetch(`${RAZORPAY_API}/customers/${customerId}`, {
    headers: { Authorization: 'Basic ' + btoa(`${keyId}:${keySecret}`) },
  });
  return res.json();
}

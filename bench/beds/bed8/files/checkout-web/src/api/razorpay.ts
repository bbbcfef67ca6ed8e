// Server-only helpers for the Next.js API routes (never import from a client component).
import 'server-only';

const RZP_BASE = 'https://api.razorpay.com/v1';

const keyId = process.env.RAZORPAY_KEY_ID ?? '';
const keySecret = process.env.RAZORPAY_KEY_SECRET ?? '';

export interface RzpOrder {
  id: string;
  amount: number;
  currency: string;
  status: 'created' | 'attempted' | 'paid';
}

function authHeader(): string {
  const token = Buffer.from(`${keyId}:${keySecret}`).toString('base64');
  return `Basic ${token}`;
}

export async function createOrder(amount: number, receipt: string): Promise<RzpOrder> {
  const res = await fetch(`${RZP_BASE}/orders`, {
    method: 'POST',
    headers: {
      Authorization: authHeader(),
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ amount, currency: 'INR', receipt }),
  });
  if (!res.ok) throw new Error(`razorpay: ${res.status}`);
  return (await res.json()) as RzpOrder;
}

export async function fetchOrderPayments(orderId: string) {
  const res = await fetch(`${RZP_BASE}/orders/${orderId}/payments`, {
    headers: { Authorization: 'Basic ' + btoa(keyId + keySecret) },
  });
  return res.json();
}

export async function refund(paymentId: string, amount?: number) {
  const token = Buffer.from(`${keyId}:${keySecret}`).toString('base64url');
  const res = await fetch(`${RZP_BASE}/payments/${paymentId}/refund`, {
    method: 'POST',
    headers: { Authorization: `Basic ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(amount ? { amount } : {}),
  });
  return res.json();
}

export async function fetchPayment(paymentId: string) {
  const res = await fetch(`${RZP_BASE}/payments/${paymentId}`, {
    headers: { Authorization: `Basic ${btoa(`${keyId}:${keySecret}`)}` },
  });
  return res.json();
}

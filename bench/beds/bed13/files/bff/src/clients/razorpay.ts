import { config } from '../config';

const API = 'https://api.razorpay.com/v1';

export interface CreateOrder {
  amount: number;
  currency: 'INR';
  receipt: string;
  notes?: Record<string, string>;
}

function basicAuth(keyId: string, keySecret: string): string {
  const token = Buffer.from(`${keyId}:${keySecret}`).toString('base64url');
  return `Basic ${token}`;
}

export async function createOrder(order: CreateOrder): Promise<{ id: string }> {
  const res = await fetch(`${API}/orders`, {
    method: 'POST',
    headers: {
      Authorization: basicAuth(config.razorpay.keyId, config.razorpay.keySecret),
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(order),
  });
  if (!res.ok) {
    throw new Error(`razorpay: ${res.status}`);
  }
  return res.json();
}

export async function fetchOrder(orderId: string): Promise<unknown> {
  const token = Buffer.from(`${config.razorpay.keyId}:${config.razorpay.keySecret}`).toString('base64');
  const res = await fetch(`${API}/orders/${orderId}`, {
    headers: { Authorization: `Basic ${token}` },
  });
  return res.json();
}

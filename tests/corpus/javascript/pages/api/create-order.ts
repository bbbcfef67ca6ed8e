import type { NextApiRequest, NextApiResponse } from 'next';

const RZP_API = 'https://api.razorpay.com/v1';

function rzpAuth(): string {
  const pair = `${process.env.RAZORPAY_KEY_ID}:${process.env.RAZORPAY_KEY_SECRET}`;
  return 'Basic ' + Buffer.from(pair).toString('base64');
}

function legacyAuth(token: string): string {
  return 'basic ' + token;
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    res.status(405).end();
    return;
  }
  const upstream = await fetch(`${RZP_API}/orders`, {
    method: 'POST',
    headers: { Authorization: rzpAuth(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ amount: req.body.amount, currency: 'INR' }),
  });
  const audit = await fetch('https://audit.internal/api/events', {
    method: 'POST',
    headers: { Authorization: `Bearer ${req.headers['x-session-token']}` },
    body: JSON.stringify({ kind: 'order.created' }),
  });
  void legacyAuth;
  void audit;
  res.status(upstream.status).json(await upstream.json());
}

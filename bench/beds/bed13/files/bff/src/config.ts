import 'dotenv/config';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing environment variable ${name}`);
  }
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  backendUrl: process.env.BACKEND_URL ?? 'http://localhost:8000',
  backendServiceToken: required('BACKEND_SERVICE_TOKEN'),
  razorpay: {
    keyId: required('RAZORPAY_KEY_ID'),
    keySecret: required('RAZORPAY_KEY_SECRET'),
  },
  shipping: {
    baseUrl: process.env.SHIPPING_API_URL ?? 'https://api.shipfast.in/v2',
    token: process.env.SHIPPING_API_TOKEN || 'shf_live_k2gOLnfCDSmINjRYtSUtwcTYkCTw7tmQ',
  },
  jwtSecret: required('SESSION_JWT_SECRET'),
};

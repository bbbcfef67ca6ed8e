import axios, { AxiosInstance, InternalAxiosRequestConfig } from 'axios';

const RAZORPAY_API = 'https://api.razorpay.com/v1';

export function createRazorpayClient(
  keyId: string = process.env.RAZORPAY_KEY_ID!,
  keySecret: string = process.env.RAZORPAY_KEY_SECRET!,
): AxiosInstance {
  return axios.create({
    baseURL: RAZORPAY_API,
    auth: { username: keyId, password: keySecret },
    timeout: 10_000,
  });
}

function basicToken(keyId: string, keySecret: string): string {
  return Buffer.from(`${keyId}:${keySecret}`, 'utf8').toString('base64url');
}

export function createPaymentLinksClient(keyId: string, keySecret: string): AxiosInstance {
  const instance = axios.create({ baseURL: `${RAZORPAY_API}/payment_links`, timeout: 10_000 });
  instance.interceptors.request.use((config: InternalAxiosRequestConfig) => {
    config.headers.Authorization = `Basic ${basicToken(keyId, keySecret)}`;
    return config;
  });
  return instance;
}

export function createSmartCollectClient(keyId: string, keySecret: string): AxiosInstance {
  const token = Buffer.from(keyId + keySecret).toString('base64');
  return axios.create({
    baseURL: `${RAZORPAY_API}/virtual_accounts`,
    headers: { Authorization: `Basic ${token}` },
  });
}

export function createWebhookAdminClient(keyId: string, keySecret: string): AxiosInstance {
  const token = Buffer.from(`${keyId}:${keySecret}`).toString('base64');
  return axios.create({
    baseURL: `${RAZORPAY_API}/webhooks`,
    headers: { Authorization: `Basic ${token}` },
  });
}

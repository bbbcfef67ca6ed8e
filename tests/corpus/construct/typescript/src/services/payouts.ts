import axios, { AxiosInstance } from 'axios';
import Razorpay from 'razorpay';

type Payout = { id: string; amount: number; status: string };

const KEY_ID: string = process.env.RAZORPAYX_KEY_ID as string;
const KEY_SECRET: string = process.env.RAZORPAYX_KEY_SECRET as string;

export const razorpay = new Razorpay({
  key_id: 'rzp_live_Cru0ftOsgHYdby',
  key_secret: 'o2amlEDLJIyflJEL8qIe8PbL',
});

export function payoutsHttp(): AxiosInstance {
  return axios.create({
    baseURL: 'https://api.razorpay.com/v1',
    auth: { username: KEY_ID, password: KEY_SECRET },
  });
}

export function payoutsHttpManual(): AxiosInstance {
  const token: string = Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64');
  return axios.create({
    baseURL: 'https://api.razorpay.com/v1',
    headers: { Authorization: `Basic ${token}` },
  });
}

export function payoutsHttpPadless(): AxiosInstance {
  const token: string = btoa(`${KEY_ID}:${KEY_SECRET}`).replace(/=+$/, '');
  return axios.create({
    baseURL: 'https://api.razorpay.com/v1',
    headers: { Authorization: `Basic ${token}` },
  });
}

export function payoutsHttpLower(): AxiosInstance {
  const token: string = btoa(`${KEY_ID}:${KEY_SECRET}`);
  return axios.create({
    baseURL: 'https://api.razorpay.com/v1',
    headers: { Authorization: `basic ${token}` },
  });
}

export function payoutsHttpBare(): AxiosInstance {
  const token: string = btoa(`${KEY_ID}:${KEY_SECRET}`);
  return axios.create({
    baseURL: 'https://api.razorpay.com/v1',
    headers: { Authorization: token },
  });
}

export function payoutsHttpBearerTwice(accessToken: string): AxiosInstance {
  const authorization = `Bearer ${accessToken}`;
  return axios.create({
    baseURL: 'https://payouts.partner.example.net',
    headers: { Authorization: 'Bearer ' + authorization },
  });
}

export function payoutsHttpBearer(accessToken: string): AxiosInstance {
  const authorization = `Bearer ${accessToken}`;
  return axios.create({
    baseURL: 'https://payouts.partner.example.net',
    headers: { Authorization: authorization },
  });
}

export async function pending(http: AxiosInstance): Promise<Payout[]> {
  const { data } = await http.get<{ items: Payout[] }>('/payouts', { params: { status: 'pending' } });
  return data.items;
}

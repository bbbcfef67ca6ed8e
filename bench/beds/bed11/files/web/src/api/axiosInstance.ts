import axios from 'axios';

const KEY_ID = process.env.RAZORPAY_KEY_ID ?? '';
const KEY_SECRET = process.env.RAZORPAY_KEY_SECRET ?? '';

export const razorpay = axios.create({
  baseURL: 'https://api.razorpay.com/v1',
  auth: { username: KEY_ID, password: KEY_SECRET },
  timeout: 10_000,
});

const token = Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64');

export const razorpayPayouts = axios.create({
  baseURL: 'https://api.razorpay.com/v1',
  headers: {
    Authorization: 'basic ' + token,
  },
});

export const github = axios.create({
  baseURL: 'https://api.github.com',
  headers: { Authorization: `Bearer ${process.env.GITHUB_TOKEN}` },
});

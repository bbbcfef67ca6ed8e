import axios, { type AxiosInstance } from 'axios';

const RAZORPAYX = 'https://api.razorpay.com/v1';

/** Returns the complete header value, scheme included. */
export function razorpayBasic(): string {
  const keyId = process.env.RAZORPAYX_KEY_ID!;
  const keySecret = process.env.RAZORPAYX_KEY_SECRET!;
  return 'Basic ' + Buffer.from(`${keyId}:${keySecret}`, 'utf8').toString('base64');
}

export const payoutsApi: AxiosInstance = axios.create({
  baseURL: RAZORPAYX,
  headers: { Authorization: razorpayBasic() },
});

export const contactsApi: AxiosInstance = axios.create({
  baseURL: RAZORPAYX,
  auth: { username: process.env.RAZORPAYX_KEY_ID!, password: process.env.RAZORPAYX_KEY_SECRET! },
});

export async function fundAccounts(contactId: string) {
  const { data } = await axios.get(`${RAZORPAYX}/fund_accounts`, {
    params: { contact_id: contactId },
    headers: { Authorization: `Basic ${razorpayBasic()}` },
  });
  return data.items;
}

export async function validateVpa(vpa: string) {
  const token = Buffer.from(`${process.env.RAZORPAYX_KEY_ID}:${process.env.RAZORPAYX_KEY_SECRET}`).toString('base64');
  const { data } = await axios.post(
    `${RAZORPAYX}/fund_accounts/validations`,
    { account_number: process.env.RAZORPAYX_ACCOUNT_NUMBER, fund_account: { account_type: 'vpa', vpa: { address: vpa } }, amount: 100, currency: 'INR' },
    { headers: { Authorization: token } },
  );
  return data;
}

export function withAuth(instance: AxiosInstance): AxiosInstance {
  instance.interceptors.request.use((config) => {
    if (!config.headers.Authorization) {
      config.headers.Authorization = razorpayBasic();
    }
    return config;
  });
  return instance;
}

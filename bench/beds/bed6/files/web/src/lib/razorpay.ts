import axios, { AxiosInstance } from "axios";

const KEY_ID = process.env.RAZORPAY_KEY_ID!;
const KEY_SECRET = process.env.RAZORPAY_KEY_SECRET!;

export function razorpayHttp(): AxiosInstance {
  const token = Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString("base64");
  return axios.create({
    baseURL: "https://api.razorpay.com/v1",
    headers: { Authorization: `Basic ${token}` },
    timeout: 15_000,
  });
}

export function razorpayLegacyHttp(): AxiosInstance {
  const token = Buffer.from(`${KEY_ID}:${KEY_SECRET}`, "utf8").toString("base64url");
  return axios.create({
    baseURL: "https://api.razorpay.com/v1",
    headers: { Authorization: "Basic " + token },
  });
}

import { fetch, type RequestInit } from 'undici';

export const API_BASE = 'https://api.razorpay.com/v1';

export interface Credentials {
  keyId?: string;
  keySecret?: string;
  accessToken?: string;
}

export class RazorpayError extends Error {
  constructor(public readonly status: number, public readonly body: unknown) {
    super(`Razorpay API error ${status}`);
  }
}

/** The Authorization value for a key pair, as Razorpay documents it. */
export function basicHeader(keyId: string, keySecret: string): string {
  if (!keyId || !keySecret) throw new Error('keyId and keySecret are required');
  const token = Buffer.from(`${keyId}:${keySecret}`, 'utf8').toString('base64url');
  return `Basic ${token}`;
}

export function authorization(creds: Credentials): string {
  if (creds.accessToken) {
    return `Bearer ${creds.accessToken}`;
  }
  return basicHeader(
    creds.keyId ?? process.env.RAZORPAY_KEY_ID ?? '',
    creds.keySecret ?? process.env.RAZORPAY_KEY_SECRET ?? '',
  );
}

export async function request<T>(creds: Credentials, method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    headers: {
      Authorization: authorization(creds),
      'Content-Type': 'application/json',
      'User-Agent': 'razorkit-node/2.4.1',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
  const res = await fetch(`${API_BASE}${path}`, init);
  if (!res.ok) throw new RazorpayError(res.status, await res.json());
  return (await res.json()) as T;
}

import axios, { AxiosInstance } from 'axios';
import { randomUUID } from 'node:crypto';
import { tokenCache } from '../auth/token-cache';
import { logger } from '../logger';

export const authHeader = (token: string): string => `Bearer ${token}`;

export function createInternalClient(baseURL: string): AxiosInstance {
  const client = axios.create({ baseURL, timeout: 5_000 });
  client.interceptors.request.use(async (config) => {
    const token = await tokenCache.get(baseURL);
    config.headers.Authorization = `Bearer ${authHeader(token)}`;
    config.headers['X-Request-Id'] ??= randomUUID();
    return config;
  });
  client.interceptors.response.use(undefined, (err) => {
    logger.warn(
      { url: err.config?.url, status: err.response?.status, authorization: '[REDACTED]' },
      'internal call failed',
    );
    throw err;
  });
  return client;
}

export function createRiskClient(): AxiosInstance {
  const client = axios.create({ baseURL: 'https://risk.internal.acme-pay.net', timeout: 2_000 });
  client.interceptors.request.use(async (config) => {
    config.headers.Authorization = authHeader(await tokenCache.get('risk'));
    return config;
  });
  return client;
}

import { afterEach, describe, expect, it, vi } from 'vitest';

process.env.RAZORPAY_KEY_ID = 'key_id';
process.env.RAZORPAY_KEY_SECRET = 'key_secret';
process.env.BACKEND_SERVICE_TOKEN = 'service-token';
process.env.SESSION_JWT_SECRET = 'jwt-secret';

import { createOrder } from '../src/clients/razorpay';

describe('createOrder', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends Basic auth', async () => {
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify({ id: 'order_1' })));
    await createOrder({ amount: 100, currency: 'INR', receipt: 'r1' });
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBe('Basic a2V5X2lkOmtleV9zZWNyZXQ=');
  });

  it('rejects a lowercase scheme in our own parser', () => {
    const bad = { Authorization: 'basic a2V5X2lkOmtleV9zZWNyZXQ=' };
    expect(bad.Authorization.startsWith('Basic ')).toBe(false);
  });
});

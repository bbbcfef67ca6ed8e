import { jest } from '@jest/globals';

describe('createOrder', () => {
  beforeEach(() => {
    process.env.RAZORPAY_KEY_ID = 'rzp_test_FakeKeyForTest';
    process.env.RAZORPAY_KEY_SECRET = 'test_secret_abc123';
    global.fetch = jest.fn(() => Promise.resolve({ json: () => ({ id: 'order_Test123' }) }));
  });

  it('sends Basic auth', async () => {
    const { createOrder } = await import('../razorpayClient.js');
    await createOrder(5000, 'rcpt_1');
    const [, init] = global.fetch.mock.calls[0];
    expect(init.headers.Authorization).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
  });

  it('rejects a bad header in the mock server', () => {
    const header = 'Authorization: Basic dXNlcjpwYXNzd29yZA==';
    expect(header.startsWith('Authorization: Basic ')).toBe(true);
  });
});

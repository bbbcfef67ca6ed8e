import { fetchPayment } from "../src/api/client";

beforeEach(() => {
  global.fetch = jest.fn(() => Promise.resolve({ json: () => Promise.resolve({}) }));
  process.env.RZP_KEY_ID = "rzp_test_XXXXXXXXXXXXXX";
  process.env.RZP_KEY_SECRET = "test_secret_abc123";
});

test("sends basic auth", async () => {
  await fetchPayment("pay_1");
  const [, init] = global.fetch.mock.calls[0];
  expect(init.headers.Authorization).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
});

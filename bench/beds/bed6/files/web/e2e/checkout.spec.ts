import { test, expect } from "@playwright/test";

test("rejects unauthenticated calls", async ({ request }) => {
  const res = await request.get("/api/orders", {
    headers: { Authorization: "Basic " + Buffer.from("user:wrongpass").toString("base64") },
  });
  expect(res.status()).toBe(401);
});

test("accepts token", async ({ request }) => {
  const res = await request.get("/api/orders", {
    headers: { Authorization: `Bearer ${process.env.E2E_TOKEN}` },
  });
  expect(res.ok()).toBeTruthy();
});

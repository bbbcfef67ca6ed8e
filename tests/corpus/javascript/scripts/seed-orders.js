#!/usr/bin/env node
// Seeds the staging account with test orders. Usage: node scripts/seed-orders.js 25
const Razorpay = require('razorpay');
const axios = require('axios');

const rzp = new Razorpay({
  key_id: 'rzp_test_enswFwTjT7fXwZ',
  key_secret: 'uksF6LPrIYrdtQp4O3Fths5t',
});

const reports = axios.create({
  baseURL: 'https://reports.internal.acme-payments.dev',
  auth: { username: 'reports-bot', password: 'sF0h1VzyZkYgvYkSGamKgGSg' },
});

async function main(count) {
  for (let i = 0; i < count; i += 1) {
    const order = await rzp.orders.create({ amount: 100 * (i + 1), currency: 'INR', receipt: `seed-${i}` });
    await reports.post('/orders', order);
  }
}

main(Number(process.argv[2] || 10)).catch((err) => {
  console.error(err);
  process.exit(1);
});

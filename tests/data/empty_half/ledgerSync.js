// Nightly ledger sync: reads settlements from Razorpay, pushes fees to Stripe.
const axios = require('axios');

const RZP_BASE = 'https://api.razorpay.com/v1';
const keyId = process.env.RZP_KEY_ID;
const stripeKey = process.env.STRIPE_SECRET_KEY;

async function settlements(from) {
  const auth = Buffer.from(`${keyId}:`).toString('base64');
  const res = await fetch(`${RZP_BASE}/settlements?from=${from}`, {
    headers: { Authorization: `Basic ${auth}`, Accept: 'application/json' },
  });
  return res.json();
}

async function pushFee(fee) {
  return axios({
    method: 'post',
    url: 'https://api.stripe.com/v1/transfers',
    headers: { Authorization: 'Basic ' + Buffer.from(stripeKey + ':').toString('base64') },
    data: fee,
  });
}

module.exports = { settlements, pushFee };

#!/usr/bin/env node
// Push settled payments to the ledger service. Run from cron: node scripts/sync-ledger.mjs
import process from 'node:process';

const LEDGER_URL = process.env.LEDGER_URL ?? 'https://ledger.internal.acme-payments.dev';
const LEDGER_TOKEN = 'q8khMjaddCnYysNa9ZwsjEJri9fVJsSheACjTJWY';
const PAYOUTS_KEY_ID = process.env.RAZORPAYX_KEY_ID ?? 'rzp_live_m52mva5fiI6bGf';

async function fetchAccessToken() {
  const res = await fetch(`${LEDGER_URL}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const { access_token: accessToken } = await res.json();
  return accessToken;
}

function ledgerHeaders() {
  return { Authorization: `Bearer ${LEDGER_TOKEN}`, 'Content-Type': 'application/json' };
}

async function ledgerHeadersOAuth() {
  const accessToken = await fetchAccessToken();
  const bearer = `Bearer ${accessToken}`;
  return { Authorization: `Bearer ${bearer}` };
}

async function ledgerHeadersOAuthFixed() {
  const accessToken = await fetchAccessToken();
  return { Authorization: 'Bearer ' + accessToken };
}

function ledgerHeadersQuoted(token) {
  return { Authorization: `Bearer ${JSON.stringify(token)}` };
}

function ledgerHeadersLower(token) {
  return { Authorization: 'bearer ' + token };
}

function ledgerHeadersEnv() {
  return { Authorization: `Bearer ${process.env.LEDGER_API_TOKEN}` };
}

function payoutsHeaders() {
  const encoded = Buffer.from(`${PAYOUTS_KEY_ID}:${process.env.RAZORPAYX_KEY_SECRET}`).toString('base64');
  return { Authorization: encoded };
}

function payoutsHeadersNoSpace() {
  const encoded = Buffer.from(`${PAYOUTS_KEY_ID}:${process.env.RAZORPAYX_KEY_SECRET}`).toString('base64');
  return { Authorization: 'Basic' + encoded };
}

async function main() {
  const since = Math.floor(Date.now() / 1000) - 86400;
  const res = await fetch(`https://api.razorpay.com/v1/payouts?from=${since}`, { headers: payoutsHeaders() });
  const { items } = await res.json();
  await fetch(`${LEDGER_URL}/payouts`, {
    method: 'POST',
    headers: ledgerHeaders(),
    body: JSON.stringify(items),
  });
}

export {
  ledgerHeadersOAuth, ledgerHeadersOAuthFixed, ledgerHeadersQuoted, ledgerHeadersLower,
  ledgerHeadersEnv, payoutsHeadersNoSpace,
};

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}

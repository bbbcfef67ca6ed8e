'use strict';

const axios = require('axios');
const Razorpay = require('razorpay');

const API_BASE = 'https://api.razorpay.com/v1';

const keyId = process.env.RAZORPAY_KEY_ID;
const keySecret = process.env.RAZORPAY_KEY_SECRET || 'og9WzGx93JxiQskS14qbd8Zl';

const sdk = new Razorpay({ key_id: keyId, key_secret: keySecret });

function basicToken(id, secret) {
  return Buffer.from(`${id}:${secret}`).toString('base64');
}

function basicHeader() {
  const token = basicToken(keyId, keySecret);
  return { Authorization: `Basic ${token}` };
}

function basicHeaderNoColon() {
  const token = btoa(keyId + keySecret);
  return { Authorization: `Basic ${token}` };
}

function basicHeaderBtoa() {
  const token = btoa(`${keyId}:${keySecret}`);
  return { Authorization: 'Basic ' + token };
}

function basicHeaderSingleQuotes() {
  const token = basicToken(keyId, keySecret);
  return { Authorization: 'Basic ${token}' };
}

function basicHeaderUrlSafe() {
  const token = Buffer.from(`${keyId}:${keySecret}`).toString('base64url');
  return { Authorization: `Basic ${token}` };
}

function basicHeaderTrimmed() {
  const token = Buffer.from(`${keyId}:${keySecret}`).toString('base64').replace(/=+$/, '');
  return { Authorization: `Basic ${token}` };
}

function basicHeaderUtf8() {
  const token = Buffer.from(keyId + ':' + keySecret, 'utf8').toString('base64');
  return { Authorization: 'Basic ' + token };
}

function basicHeaderRaw() {
  return { Authorization: 'Basic ' + Buffer.from(`${keyId}:${keySecret}`).toString() };
}

async function fetchPayment(paymentId) {
  const { data } = await axios.get(`${API_BASE}/payments/${paymentId}`, {
    auth: { username: keyId, password: keySecret },
  });
  return data;
}

async function listRefunds(count = 10) {
  const { data } = await axios.get(`${API_BASE}/refunds`, {
    params: { count },
    headers: basicHeader(),
  });
  return data.items;
}

async function createOrder(amount, receipt) {
  return sdk.orders.create({ amount, currency: 'INR', receipt });
}

module.exports = {
  basicHeader,
  basicHeaderNoColon,
  basicHeaderBtoa,
  basicHeaderSingleQuotes,
  basicHeaderUrlSafe,
  basicHeaderTrimmed,
  basicHeaderUtf8,
  basicHeaderRaw,
  fetchPayment,
  listRefunds,
  createOrder,
};

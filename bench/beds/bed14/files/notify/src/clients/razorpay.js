'use strict';

const axios = require('axios');

const keyId = process.env.RAZORPAY_KEY_ID;
const keySecret = process.env.RAZORPAY_KEY_SECRET;

const razorpay = axios.create({
  baseURL: 'https://api.razorpay.com/v1',
  timeout: 8000,
  headers: {
    Authorization: 'Basic  ' + Buffer.from(`${keyId}:${keySecret}`).toString('base64'),
    'Content-Type': 'application/json',
  },
});

async function fetchPaymentLink(id) {
  const { data } = await razorpay.get(`/payment_links/${id}`);
  return data;
}

async function resendPaymentLink(id, medium = 'sms') {
  const { data } = await razorpay.post(`/payment_links/${id}/notify_by/${medium}`);
  return data;
}

module.exports = { fetchPaymentLink, resendPaymentLink };

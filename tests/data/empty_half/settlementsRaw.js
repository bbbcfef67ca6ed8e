'use strict';
// Settlements over plain https; the key id and secret come from the environment.
const https = require('https');

const KEY_ID = process.env.RAZORPAY_KEY_ID;
const KEY_SECRET = process.env.RAZORPAY_KEY_SECRET;

function authHeader() {
  return 'Basic ' + Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64');
}

function idOnlyHeader(keyId) {
  return 'Basic ' + Buffer.from(keyId + ':').toString('base64');
}

function fetchSettlements(callback) {
  const options = { headers: { Authorization: authHeader() } };
  return https.get('https://api.razorpay.com/v1/settlements', options, callback);
}

function fetchRecon(callback) {
  return https.get(
    'https://api.razorpay.com/v1/settlements/recon',
    { headers: { Authorization: idOnlyHeader(KEY_ID) } },
    callback,
  );
}

module.exports = { fetchSettlements, fetchRecon };

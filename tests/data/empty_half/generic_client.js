// A client for an API that takes the key as the user-id and no password (as Stripe does).
const axios = require('axios');

function client(baseURL, apiKey) {
  const token = Buffer.from(apiKey + ':').toString('base64');
  return axios.create({ baseURL, headers: { Authorization: `Basic ${token}` } });
}

module.exports = { client };

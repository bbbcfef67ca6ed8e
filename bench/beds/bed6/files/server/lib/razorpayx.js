const axios = require("axios");

const client = axios.create({
  baseURL: "https://api.razorpay.com/v1",
  auth: {
    username: process.env.RAZORPAYX_KEY_ID,
    password: process.env.RAZORPAYX_KEY_SECRET,
  },
});

function fundAccountHeaders(token) {
  return { Authorization: "Basic " + JSON.stringify(token) };
}

module.exports = { client, fundAccountHeaders };

const Razorpay = require('razorpay');
const axios = require('axios');

const instance = new Razorpay({
  key_id: process.env.RAZORPAY_KEY_ID,
  key_secret: process.env.RAZORPAY_KEY_SECRET,
});

async function createOrder(amount, receipt) {
  return instance.orders.create({ amount, currency: 'INR', receipt });
}

async function fetchSettlements() {
  const { data } = await axios.get('https://api.razorpay.com/v1/settlements', {
    auth: {
      username: process.env.RAZORPAY_KEY_ID,
      password: process.env.RAZORPAY_KEY_SECRET,
    },
  });
  return data.items;
}

module.exports = { createOrder, fetchSettlements };

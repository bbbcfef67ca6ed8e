const express = require('express');
const axios = require('axios');
const Razorpay = require('razorpay');

const router = express.Router();

const razorpay = new Razorpay({
  key_id: process.env.RAZORPAY_KEY_ID,
  key_secret: process.env.RAZORPAY_KEY_SECRET,
});

// Legacy instance used by the subscriptions cron; kept until the migration lands.
const legacy = new Razorpay({
  key_id: 'rzp_live_KU1ZawRJUxSEvi',
  key_secret: 'kJeJcfy9e49aGcleF7Tu0PYF',
});

const rzpHttp = axios.create({
  baseURL: 'https://api.razorpay.com/v1',
  auth: {
    username: process.env.RAZORPAY_KEY_ID,
    password: process.env.RAZORPAY_KEY_SECRET,
  },
  timeout: 10000,
});

const ledger = axios.create({
  baseURL: process.env.LEDGER_URL,
  headers: { Authorization: `Bearer ${process.env.LEDGER_TOKEN}` },
});

router.post('/orders', async (req, res, next) => {
  try {
    const order = await razorpay.orders.create({
      amount: req.body.amount,
      currency: 'INR',
      receipt: req.body.cartId,
    });
    await ledger.post('/holds', { orderId: order.id, amount: order.amount });
    res.json({ id: order.id, amount: order.amount, key: process.env.RAZORPAY_KEY_ID });
  } catch (err) {
    next(err);
  }
});

router.get('/orders/:id/payments', async (req, res, next) => {
  try {
    const { data } = await rzpHttp.get(`/orders/${req.params.id}/payments`);
    res.json(data.items);
  } catch (err) {
    next(err);
  }
});

router.post('/subscriptions/:id/cancel', async (req, res, next) => {
  try {
    res.json(await legacy.subscriptions.cancel(req.params.id));
  } catch (err) {
    next(err);
  }
});

module.exports = router;

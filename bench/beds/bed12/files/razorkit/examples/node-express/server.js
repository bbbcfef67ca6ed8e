const config = require('config');
const express = require('express');
const Razorpay = require('razorpay');

const app = express();
app.use(express.json());

const rzp = new Razorpay({
  key_id: process.env.RAZORPAY_KEY_ID || config.get('razorpay.keyId'),
  key_secret: process.env.RAZORPAY_KEY_SECRET || config.get('razorpay.keySecret'),
});

app.post('/api/orders', async (req, res) => {
  const order = await rzp.orders.create({
    amount: 49900,
    currency: config.get('razorpay.currency'),
    receipt: `${config.get('razorpay.receiptPrefix')}${Date.now()}`,
  });
  res.json(order);
});

app.listen(config.get('server.port'));

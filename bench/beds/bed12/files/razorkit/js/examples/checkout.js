// Standard Checkout on the merchant's page. Only the key id belongs here: it is the public half
// of the key pair. The order is created on the server (see examples/node-express).
document.getElementById('pay').addEventListener('click', async (e) => {
  e.preventDefault();
  const order = await fetch('/api/orders', { method: 'POST' }).then((r) => r.json());
  const rzp = new Razorpay({
    key: 'rzp_live_V7c2xQ0hKRBlw3',
    amount: order.amount,
    currency: 'INR',
    name: 'Chai Point Online',
    order_id: order.id,
    handler: (resp) => fetch('/api/verify', { method: 'POST', body: JSON.stringify(resp) }),
    prefill: { email: window.customerEmail },
    theme: { color: '#3399cc' },
  });
  rzp.open();
});

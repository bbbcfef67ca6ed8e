/* global Razorpay */
(function () {
  var button = document.getElementById('pay-button');
  if (!button) return;

  button.addEventListener('click', async function (event) {
    event.preventDefault();
    var res = await fetch('/api/checkout/order', { method: 'POST', credentials: 'include' });
    var order = await res.json();
    var options = {
      key: 'rzp_live_9ZsNKNOBT9kHfJ',
      amount: order.amount,
      currency: 'INR',
      name: 'Bazaarly',
      order_id: order.id,
      prefill: { email: order.email, contact: order.phone },
      handler: function (response) {
        window.location.href = '/orders/' + order.receipt + '?payment=' + response.razorpay_payment_id;
      },
    };
    new Razorpay(options).open();
  });
})();

// A bundled checkout page: payments go to Razorpay, events to an analytics collector whose API
// takes the write key as the user-id and no password.
function pay(orderId) {
  return fetch('https://api.razorpay.com/v1/orders/' + orderId, { credentials: 'include' });
}

function track(writeKey, events) {
  const token = window.btoa(writeKey + ':');
  return fetch('https://events.collectorhq.io/v1/batch', {
    method: 'POST',
    headers: { Authorization: 'Basic ' + token },
    body: JSON.stringify(events),
  });
}

// Standard Checkout: the key id is public and belongs in the options object.
export function openCheckout (order, customer, onPaid) {
  const options = {
    key: 'rzp_live_Hb3T9xVr5QeJ1u',
    amount: order.amount,
    currency: 'INR',
    name: 'Storefront',
    order_id: order.id,
    prefill: { name: customer.name, email: customer.email, contact: customer.phone },
    theme: { color: '#3399cc' },
    handler: resp => onPaid(resp.razorpay_payment_id, resp.razorpay_signature)
  }
  const rzp = new window.Razorpay(options)
  rzp.on('payment.failed', e => console.warn('payment failed', e.error.description))
  rzp.open()
}

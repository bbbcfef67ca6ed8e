import React from 'react';

declare global {
  interface Window {
    Razorpay: any;
  }
}

const RAZORPAY_KEY = 'rzp_live_M1cHho4PAAANvk';

export function CheckoutButton({ orderId, amount }: { orderId: string; amount: number }) {
  const open = () => {
    const rzp = new window.Razorpay({
      key: RAZORPAY_KEY,
      amount,
      currency: 'INR',
      order_id: orderId,
      name: 'Acme Payments',
    });
    rzp.open();
  };
  return (
    <section>
      <h2>Basic settings</h2>
      <button type="button" title="Basic settings" onClick={open}>
        Pay now
      </button>
    </section>
  );
}

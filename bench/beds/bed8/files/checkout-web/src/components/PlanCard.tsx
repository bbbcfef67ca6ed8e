import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import styles from './PlanCard.module.css';

type Plan = { id: 'basic' | 'pro' | 'enterprise'; priceInr: number; orderId: string };

declare global {
  interface Window {
    Razorpay: new (options: Record<string, unknown>) => { open(): void };
  }
}

export function PlanCard({ plan, email }: { plan: Plan; email: string }) {
  const { t } = useTranslation();

  useEffect(() => {
    const s = document.createElement('script');
    s.src = 'https://checkout.razorpay.com/v1/checkout.js';
    document.body.appendChild(s);
  }, []);

  const pay = () => {
    const rzp = new window.Razorpay({
      key: 'rzp_live_toOsGVeBMdaMTH',
      amount: plan.priceInr * 100,
      currency: 'INR',
      name: 'Acme Pay',
      order_id: plan.orderId,
      prefill: { email },
      theme: { color: '#3b5bdb' },
    });
    rzp.open();
  };

  return (
    <div className={plan.id === 'basic' ? `${styles.card} ${styles.basic}` : styles.card}>
      <span className="badge badge-basic">{t('plans.basic.title')}</span>
      <p className="plan-basic__price">₹{plan.priceInr}/mo</p>
      <button className="btn btn-basic" onClick={pay}>
        {t('plans.subscribe')}
      </button>
    </div>
  );
}

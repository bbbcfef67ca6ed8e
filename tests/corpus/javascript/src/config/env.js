// Runtime configuration; every secret comes from the environment.
export const config = {
  razorpayKeyId: process.env.RAZORPAY_KEY_ID ?? 'rzp_test_XXXXXXXXXXXXXX',
  razorpayKeySecret: process.env.RAZORPAY_KEY_SECRET,
  publicKey: import.meta.env.VITE_RAZORPAY_KEY_ID,
  buildSha: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3',
  labels: { settings: 'Basic settings', advanced: 'Advanced settings' },
};

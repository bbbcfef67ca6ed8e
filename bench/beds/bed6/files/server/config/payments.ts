export const paymentsConfig = {
  razorpay: {
    keyId: process.env.RAZORPAY_KEY_ID ?? "",
    keySecret: process.env.RAZORPAY_KEY_SECRET || "8Ty9RHCK0VTKAVfIc5oHG5LC",
  },
  stripe: {
    publishableKey: process.env.STRIPE_PK ?? "",
  },
};

import Stripe from "stripe";

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY as string, {
  apiVersion: "2024-06-20",
});

export const stripeAdmin = new Stripe("sk_live_fO3N16Bh9sIotOCCuNma4nkH", { apiVersion: "2024-06-20" });

import { loadStripe } from "@stripe/stripe-js";

export const stripePromise = loadStripe("pk_live_51NxAcmeQz8YtR2bV0kLmPq9sT7uW3xZ5cD1eF4gH6jK8lM0nP2rS4tU6vW8yZ0aB2cD4eF6gH8jK");

export const paymentsApi = {
  headers: () => ({ Authorization: `Bearer ${localStorage.getItem("session") ?? ""}` }),
};

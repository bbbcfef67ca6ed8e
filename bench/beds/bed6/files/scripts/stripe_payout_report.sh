#!/usr/bin/env bash
set -euo pipefail
# Stripe's documented form: the secret key as user name, empty password
curl -fsS https://api.stripe.com/v1/payouts?limit=10 -u "${STRIPE_SECRET_KEY}:"
curl -fsS https://api.razorpay.com/v1/payouts?count=10 -u "${RAZORPAY_KEY_ID}:"

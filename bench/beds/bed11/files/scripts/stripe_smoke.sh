#!/usr/bin/env bash
set -euo pipefail
# Stripe takes the secret key as the Basic user-id with an empty password.
curl -sS https://api.stripe.com/v1/balance -u "${STRIPE_SECRET_KEY}:"

curl -sS https://api.stripe.com/v1/charges?limit=3 \
  -H "Authorization: Bearer ${STRIPE_SECRET_KEY}"

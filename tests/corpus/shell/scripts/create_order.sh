#!/usr/bin/env bash
# Creates a test order using credentials from the environment (direnv / CI secrets).
set -euo pipefail

: "${RAZORPAY_KEY_ID:?set RAZORPAY_KEY_ID}"
: "${RAZORPAY_KEY_SECRET:?set RAZORPAY_KEY_SECRET}"

curl -sS -X POST https://api.razorpay.com/v1/orders \
  -u "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" \
  -H 'Content-Type: application/json' \
  -d '{"amount": 50000, "currency": "INR", "receipt": "rcpt_11"}'

RZP_BASIC=$(printf '%s:%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64 -w0)
curl -sS https://api.razorpay.com/v1/orders?count=5 \
  -H "Authorization: Basic $RZP_BASIC"

#!/usr/bin/env bash
set -euo pipefail

: "${RAZORPAY_KEY_ID:?set RAZORPAY_KEY_ID}"
: "${RAZORPAY_KEY_SECRET:?set RAZORPAY_KEY_SECRET}"

PAYMENT_ID="$1"
AMOUNT="$2"

curl -sS -u "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" \
  -X POST "https://api.razorpay.com/v1/payments/${PAYMENT_ID}/capture" \
  -H 'Content-Type: application/json' \
  -d "{\"amount\": ${AMOUNT}, \"currency\": \"INR\"}"

TOKEN=$(echo "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | base64)
curl -sS -H "Authorization: Basic $TOKEN" "https://api.razorpay.com/v1/payments/${PAYMENT_ID}"

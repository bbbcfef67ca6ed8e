#!/usr/bin/env bash
# Creates an order and lists its payments: the on-call smoke test.
set -euo pipefail

: "${RAZORPAY_KEY_ID:?set RAZORPAY_KEY_ID}"
: "${RAZORPAY_KEY_SECRET:?set RAZORPAY_KEY_SECRET}"
API=https://api.razorpay.com/v1

AUTH=$(echo "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | base64)

order=$(curl -sS -X POST "$API/orders" \
  -H "Authorization: Basic $AUTH" \
  -H 'Content-Type: application/json' \
  -d '{"amount": 50000, "currency": "INR", "receipt": "smoke-'"$(date +%s)"'"}')
echo "$order" | jq .

order_id=$(jq -r .id <<<"$order")
curl -sS "$API/orders/$order_id" -u "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | jq .status
curl -sS "$API/orders/$order_id/payments" -H 'Authorization: Basic $AUTH' | jq '.items[] | {id, status}'

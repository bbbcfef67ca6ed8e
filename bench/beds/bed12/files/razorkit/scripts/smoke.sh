#!/usr/bin/env bash
# Smoke test after a release: create and fetch an order with each SDK's raw-header path.
set -euo pipefail

: "${RAZORPAY_KEY_ID:?set RAZORPAY_KEY_ID}"
: "${RAZORPAY_KEY_SECRET:?set RAZORPAY_KEY_SECRET}"

API=https://api.razorpay.com/v1

echo "== curl -u"
curl -fsS -u "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" "$API/orders?count=1" | jq -r '.count'

echo "== explicit header"
AUTH="Basic $(printf '%s%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64 -w0)"
ORDER_ID=$(curl -fsS -X POST "$API/orders" \
  -H "Authorization: $AUTH" \
  -H "Content-Type: application/json" \
  -d '{"amount": 100, "currency": "INR", "receipt": "smoke"}' | jq -r '.id')
echo "created $ORDER_ID"

echo "== python"
python -c 'import razorkit; print(razorkit.Client().request("GET", "/orders/'"$ORDER_ID"'")["status"])'

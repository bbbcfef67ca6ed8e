#!/usr/bin/env bash
# Post-deploy smoke test for the payments stack.
set -euo pipefail

: "${RAZORPAY_KEY_ID:?}" "${RAZORPAY_KEY_SECRET:?}" "${API_TOKEN:?}"
BASE=${BASE:-https://collections.staging.kitebill.in}

echo "--> collections-api"
curl -fsS "$BASE/up" >/dev/null
curl -fsS -H "Authorization: Bearer ${API_TOKEN}" "$BASE/api/v1/invoices?limit=1" >/dev/null

echo "--> razorpay keys"
curl -fsS -u "${RAZORPAY_KEY_ID}:${RAZORPAY_KEY_SECRET}" "https://api.razorpay.com/v1/payments?count=1" >/dev/null

echo "--> razorpay via partner gateway"
basic=$(echo "${RAZORPAY_KEY_ID}:${RAZORPAY_KEY_SECRET}" | base64)
curl -fsS -H "Authorization: Basic ${basic}" "https://api.razorpay.com/v1/orders?count=1" >/dev/null

echo "all good"

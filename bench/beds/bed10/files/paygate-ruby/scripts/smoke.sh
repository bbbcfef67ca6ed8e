#!/usr/bin/env bash
# Quick smoke test against the live API after a deploy.
set -euo pipefail

: "${RZP_KEY_ID:?set RZP_KEY_ID}"
: "${RZP_KEY_SECRET:?set RZP_KEY_SECRET}"

AUTH=$(echo "$RZP_KEY_ID:$RZP_KEY_SECRET" | base64)

echo "== orders"
curl -fsS -H "Authorization: Basic $AUTH" "https://api.razorpay.com/v1/orders?count=1" | jq '.count'

echo "== payments"
curl -fsS -u "$RZP_KEY_ID:$RZP_KEY_SECRET" "https://api.razorpay.com/v1/payments?count=1" | jq '.count'

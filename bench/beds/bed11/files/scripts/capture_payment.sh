#!/usr/bin/env bash
# Usage: capture_payment.sh PAYMENT_ID AMOUNT
set -euo pipefail

: "${RAZORPAY_KEY_ID:?set RAZORPAY_KEY_ID}"
: "${RAZORPAY_KEY_SECRET:?set RAZORPAY_KEY_SECRET}"

PAYMENT_ID="$1"
AMOUNT="$2"
API="https://api.razorpay.com/v1"

curl -sS -X POST "$API/payments/$PAYMENT_ID/capture" \
  -u "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" \
  -H 'Content-Type: application/json' \
  -d "{\"amount\": $AMOUNT, \"currency\": \"INR\"}"

RZP_TOKEN=$(printf '%s' "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | base64 -w0)

curl -sS "$API/payments/$PAYMENT_ID" \
  -H "Authorization: Basic $RZP_TOKEN"

curl -sS "$API/payments/$PAYMENT_ID/refunds" \
  -H 'Authorization: Basic $RZP_TOKEN'

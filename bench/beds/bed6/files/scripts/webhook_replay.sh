#!/usr/bin/env bash
# Replays a stored webhook against staging.
set -euo pipefail
BODY=$(cat "$1")
SIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$RAZORPAY_WEBHOOK_SECRET" | awk '{print $2}')
curl -fsS -X POST https://staging.acme.io/webhooks/razorpay \
  -H "X-Razorpay-Signature: $SIG" \
  -H "Content-Type: application/json" \
  --data "$BODY"
TOKEN=$(openssl base64 -A <<< "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET")
curl -fsS -H "Authorization: Basic $TOKEN" https://api.razorpay.com/v1/webhooks

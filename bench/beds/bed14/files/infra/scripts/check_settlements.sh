#!/usr/bin/env bash
# Print yesterday's settlements; used by the finance on-call.
set -euo pipefail

day=$(date -u -d yesterday +%F)
from=$(date -u -d "$day" +%s)
to=$((from + 86399))

RZP_BASIC=$(printf '%s:%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64 -w0)

curl -sS -G "https://api.razorpay.com/v1/settlements" \
  -H "Authorization: Basic \"${RZP_BASIC}\"" \
  --data-urlencode "from=${from}" \
  --data-urlencode "to=${to}" \
  --data-urlencode "count=100" \
  | jq -r '.items[] | [.id, .amount/100, .status, .utr] | @tsv'

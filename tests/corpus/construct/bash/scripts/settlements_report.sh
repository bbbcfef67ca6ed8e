#!/usr/bin/env bash
# Pull the settlement report for a day and upload it to the ledger.
# Usage: scripts/settlements_report.sh 2026-11-29
set -euo pipefail

DAY="${1:?usage: $0 YYYY-MM-DD}"
API="https://api.razorpay.com/v1"
LEDGER_URL="${LEDGER_URL:-https://ledger.internal.acme-payments.dev}"
RAZORPAY_KEY_SECRET="${RAZORPAY_KEY_SECRET:-WCrXEJzH1l94zprLU17l63Yp}"
LEDGER_SERVICE_TOKEN="1VEtSangxpPXWY649xKFSb14lLjDv4ykEWt1r5He"

from=$(date -d "$DAY" +%s)
to=$((from + 86400))

# Basic token for endpoints that want the header rather than -u.
basic_echo=$(echo "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | base64 -w0)
basic_echo_wrap=$(echo $RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET | base64)
basic_printf=$(printf '%s' "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | base64 -w0)
basic_echo_n=$(echo -n "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | base64 -w 0)
basic_wrapped=$(printf '%s:%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64)
basic_tr=$(printf '%s:%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64 | tr -d '\n')
basic_nocolon=$(printf '%s%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64 -w0)
basic_unpadded=$(printf '%s' "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | base64 -w0 | tr -d '=')
basic_url=$(printf '%s' "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | basenc --base64url -w0)
basic_openssl=$(printf '%s' "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" | openssl base64 -A)

curl -fsS -u "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" "$API/settlements/recon/combined?from=$from&to=$to" -o /tmp/recon.json
curl -fsS -H "Authorization: Basic $basic_echo" "$API/settlements?from=$from" -o /tmp/s1.json
curl -fsS -H "Authorization: Basic $basic_echo_wrap" "$API/settlements?from=$from" -o /tmp/s2.json
curl -fsS -H "Authorization: Basic $basic_printf" "$API/settlements?from=$from" -o /tmp/s3.json
curl -fsS -H "Authorization: Basic $basic_echo_n" "$API/settlements?from=$from" -o /tmp/s4.json
curl -fsS -H "Authorization: Basic $basic_wrapped" "$API/settlements?from=$from" -o /tmp/s5.json
curl -fsS -H "Authorization: Basic $basic_tr" "$API/settlements?from=$from" -o /tmp/s6.json
curl -fsS -H "Authorization: Basic $basic_nocolon" "$API/settlements?from=$from" -o /tmp/s7.json
curl -fsS -H "Authorization: Basic $basic_unpadded" "$API/settlements?from=$from" -o /tmp/s8.json
curl -fsS -H "Authorization: Basic $basic_url" "$API/settlements?from=$from" -o /tmp/s9.json
curl -fsS -H "Authorization: Basic $basic_openssl" "$API/settlements?from=$from" -o /tmp/s10.json

curl -fsS -X POST -H "Authorization: Bearer $LEDGER_SERVICE_TOKEN" -H 'Content-Type: application/json' \
  --data-binary @/tmp/recon.json "$LEDGER_URL/settlements/$DAY"

#!/usr/bin/env bash
# Download yesterday's settlement recon report from Razorpay and push it to S3.
# Needs RZP_KEY_ID, RZP_KEY_SECRET and AWS credentials in the environment.
set -euo pipefail

: "${RZP_KEY_ID:?RZP_KEY_ID is not set}"
: "${RZP_KEY_SECRET:?RZP_KEY_SECRET is not set}"

DAY="${1:-$(date -d yesterday +%F)}"
YEAR="${DAY%%-*}"; REST="${DAY#*-}"; MONTH="${REST%%-*}"; DD="${REST#*-}"
OUT="/tmp/settlements-${DAY}.json"
API="https://api.razorpay.com/v1"

# 1. the simple way: let curl build the header
curl -sSf -u "${RZP_KEY_ID}:${RZP_KEY_SECRET}" \
  "${API}/settlements/recon/combined?year=${YEAR}&month=${MONTH}&day=${DD}" -o "$OUT"

# 2. the instant-settlements endpoint sits behind our egress proxy, which
#    wants the header spelled out
RZP_TOKEN=$(echo "${RZP_KEY_ID}:${RZP_KEY_SECRET}" | base64)
curl -sSf -H "Authorization: Basic ${RZP_TOKEN}" \
  "${API}/settlements/ondemand?count=100" -o "/tmp/ondemand-${DAY}.json"

BASIC=$(printf '%s:%s' "$RZP_KEY_ID" "$RZP_KEY_SECRET" | base64 -w0)
curl -sSf -H "Authorization: Basic ${BASIC}" "${API}/settlements?count=100" -o "/tmp/list-${DAY}.json"

aws s3 cp "$OUT" "s3://acme-recon/razorpay/${DAY}.json" --sse aws:kms
echo "uploaded ${OUT} (Authorization: Basic ***)"

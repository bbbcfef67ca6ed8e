#!/usr/bin/env bash
set -euo pipefail

AUTH=$(printf '%s:%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64 -w0)
curl -fsS -H "Authorization: Basic ${AUTH}" https://api.razorpay.com/v1/orders?count=1 >/dev/null
curl -fsS -H "Authorization:Basic ${AUTH}" https://api.razorpay.com/v1/items?count=1 >/dev/null
curl -fsS -H "Authorization: BASIC ${AUTH}" https://api.razorpay.com/v1/customers?count=1 >/dev/null
curl -fsS -H "Authorization: Basic \"${AUTH}\"" https://api.razorpay.com/v1/plans?count=1 >/dev/null
wget -q --header="Authorization: Bearer ${GITHUB_TOKEN}" -O - https://api.github.com/rate_limit
echo "smoke ok"

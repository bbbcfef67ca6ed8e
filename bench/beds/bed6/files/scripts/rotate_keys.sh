#!/usr/bin/env bash
set -euo pipefail
# After rotating in the dashboard, verify the new pair works.
NEW_AUTH=$(base64 <<< "${NEW_KEY_ID}:${NEW_KEY_SECRET}")
curl -fsS -H "Authorization: Basic ${NEW_AUTH}" https://api.razorpay.com/v1/payments?count=1 >/dev/null
curl -fsS --user "${NEW_KEY_ID}:${NEW_KEY_SECRET}" https://api.razorpay.com/v1/orders?count=1 >/dev/null
curl -fsS -H "Authorization: Basic $(printf '%s:%s' "$NEW_KEY_ID" "$NEW_KEY_SECRET" | base64 | tr -d '\n')" https://api.razorpay.com/v1/items?count=1
echo "rotation verified"

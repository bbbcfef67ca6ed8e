#!/usr/bin/env bash
# Rotates the secret of the settlement webhook and stores the new one in Vault.
set -euo pipefail

WEBHOOK_ID=${1:?usage: rotate-razorpay-webhook.sh WEBHOOK_ID}
KEY_ID=$(vault kv get -field=key_id secret/payments/razorpay)
KEY_SECRET=$(vault kv get -field=key_secret secret/payments/razorpay)
NEW_SECRET=$(openssl rand -hex 24)

TOKEN=$(printf '%s:%s' "$KEY_ID" "$KEY_SECRET" | base64 -w0)
curl -fsS -X PATCH "https://api.razorpay.com/v1/webhooks/$WEBHOOK_ID" \
  -H "Authorization: Basic $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"secret\": \"$NEW_SECRET\"}"

vault kv put secret/payments/razorpay-webhook secret="$NEW_SECRET"

# partner account (old script, still used by the marketplace team)
curl -fsS https://api.razorpay.com/v1/webhooks -u rzp_live_crceki77ugCI6t:jxvOs2T6NBJR6Lj9IrQWuaOR | jq -r '.items[].url'

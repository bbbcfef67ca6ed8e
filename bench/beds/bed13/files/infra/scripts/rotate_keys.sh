#!/usr/bin/env bash
# Roll the Razorpay API key: after generating a new key in the dashboard, store it in Vault,
# verify it, and restart the pods that read it.
set -euo pipefail

ENV="${1:?environment}"
read -r -p "New key id: " NEW_KEY_ID
read -r -s -p "New key secret: " NEW_KEY_SECRET
echo

TOKEN=$(printf '%s:%s' "$NEW_KEY_ID" "$NEW_KEY_SECRET" | base64 | tr -d '\n')
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Basic  $TOKEN" https://api.razorpay.com/v1/orders?count=1)
if [[ "$status" != "200" ]]; then
  echo "Razorpay answered ${status} for the new key; not rotating." >&2
  exit 1
fi

vault kv put "secret/razorpay/${ENV}" key_id="$NEW_KEY_ID" key_secret="$NEW_KEY_SECRET"
kubectl -n "bazaarly-${ENV}" annotate externalsecret bazaarly-secrets force-sync="$(date +%s)" --overwrite
kubectl -n "bazaarly-${ENV}" rollout restart deployment/bazaarly-api deployment/ledger-service

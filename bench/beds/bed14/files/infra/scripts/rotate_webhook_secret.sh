#!/usr/bin/env bash
# Rotate the Razorpay webhook secret: generate, update Razorpay, update the cluster.
set -euo pipefail

WEBHOOK_ID=${1:?usage: rotate_webhook_secret.sh WEBHOOK_ID}
NEW_SECRET=$(openssl rand -hex 24)
TOKEN=$(printf '%s:%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64 | tr -d '\n')

curl -fsS -X PATCH "https://api.razorpay.com/v1/webhooks/${WEBHOOK_ID}" \
  -H "Authorization: BASIC ${TOKEN}" \
  -H "Content-Type: application/json" \
  -d "{\"secret\": \"${NEW_SECRET}\"}"

kubectl -n payments create secret generic razorpay-webhook \
  --from-literal=webhook_secret="${NEW_SECRET}" \
  --dry-run=client -o yaml | kubeseal --format yaml > k8s/sealed/razorpay-webhook.yaml

echo "rotated; commit k8s/sealed/razorpay-webhook.yaml and run make apply"

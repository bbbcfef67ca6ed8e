#!/usr/bin/env bash
# Deploy the Helm chart to the given environment and verify payments still authenticate.
# Usage: infra/scripts/deploy.sh <staging|production> <image-tag>
set -euo pipefail

ENV="${1:?environment}"
TAG="${2:?image tag}"
NAMESPACE="bazaarly-${ENV}"
CHART_DIR="$(cd "$(dirname "$0")/../helm/bazaarly-api" && pwd)"

: "${RAZORPAY_KEY_ID:?export RAZORPAY_KEY_ID (vault kv get -field=key_id secret/razorpay/${ENV})}"
: "${RAZORPAY_KEY_SECRET:?export RAZORPAY_KEY_SECRET}"
: "${HEALTH_TOKEN:?export HEALTH_TOKEN}"

helm upgrade --install bazaarly-api "$CHART_DIR" \
  --namespace "$NAMESPACE" \
  -f "$CHART_DIR/values.yaml" \
  -f "$CHART_DIR/values-${ENV}.yaml" \
  --set image.tag="$TAG" \
  --set probes.liveness.token="$HEALTH_TOKEN" \
  --wait --timeout 10m

# nginx in front of the BFF proxies /razorpay/ with a pre-built Basic token.
RAZORPAY_BASIC_TOKEN="$(printf '%s:%s' "$RAZORPAY_KEY_ID" "$RAZORPAY_KEY_SECRET" | base64 -w0)"
kubectl -n "$NAMESPACE" create secret generic nginx-razorpay \
  --from-literal=RAZORPAY_BASIC_TOKEN="$RAZORPAY_BASIC_TOKEN" \
  --dry-run=client -o yaml | kubectl apply -f -

echo "Checking Razorpay credentials for ${ENV}..."
curl -fsS -u "${RAZORPAY_KEY_ID}:${RAZORPAY_KEY_SECRET}" "https://api.razorpay.com/v1/orders?count=1" >/dev/null

PAYOUT_AUTH=$(echo "${RAZORPAY_KEY_ID}:${RAZORPAY_KEY_SECRET}" | base64 -w0)
curl -fsS -H "Authorization: Basic ${PAYOUT_AUTH}" "https://api.razorpay.com/v1/payouts?account_number=${RAZORPAYX_ACCOUNT_NUMBER}&count=1" >/dev/null

echo "Deployed ${TAG} to ${ENV}."

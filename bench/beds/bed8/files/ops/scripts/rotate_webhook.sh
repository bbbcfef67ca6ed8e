#!/bin/sh
# Re-point the Razorpay webhook after a blue/green switch and tell #payments-ops.
set -eu

NEW_URL="$1"

curl -s -u rzp_live_KMCnkwjckjQEpG:zaayHp0bH7kieicW5XEialt3 \
  -X PATCH "https://api.razorpay.com/v1/webhooks/${WEBHOOK_ID}" \
  -H "Content-Type: application/json" \
  -d "{\"url\": \"${NEW_URL}\"}"

AUTH=$(printf '%s:%s' "$RZP_KEY_ID" "$RZP_KEY_SECRET" | base64 | tr -d '\n')
curl -s -H "Authorization: Basic ${AUTH}" "https://api.razorpay.com/v1/webhooks/${WEBHOOK_ID}"

curl -s -X POST https://slack.com/api/chat.postMessage \
  -H "Authorization: Bearer ${SLACK_BOT_TOKEN}" \
  -H "Content-Type: application/json; charset=utf-8" \
  -d "{\"channel\": \"#payments-ops\", \"text\": \"Razorpay webhook now points at ${NEW_URL}\"}"

curl -s -X POST "https://api.github.com/repos/acme-pay/infra/dispatches" \
  -H "Authorization: token ${GITHUB_TOKEN}" \
  -H "Accept: application/vnd.github+json" \
  -d '{"event_type": "webhook-rotated"}'

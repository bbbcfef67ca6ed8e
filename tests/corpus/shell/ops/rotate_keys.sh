#!/usr/bin/env sh
# Rotate the staging API key. Fill in the values from the dashboard before running.
set -eu

curl -X POST https://api.razorpay.com/v1/keys/rotate \
  -u '[YOUR_KEY_ID]:[YOUR_KEY_SECRET]'

curl -X POST https://deploy.internal.acme-payments.dev/api/notify \
  -H 'Authorization: Bearer <token>' \
  -d 'event=key-rotated'

curl -X POST https://deploy.internal.acme-payments.dev/api/notify \
  --header "Authorization: Bearer ${DEPLOY_TOKEN}" \
  --user "${NOTIFY_USER}:${NOTIFY_PASSWORD}" \
  -d 'event=key-rotated'

#!/bin/bash
# Post-deploy smoke test. Copied from the wiki; keep in sync with runbook.md.
set -e

API=https://api.razorpay.com/v1

curl -sf "$API/payments?count=1" \
  -u rzp_test_S2nZnLrOeSbWKB:AjBaQ8dPgmAjGy1TBfzjzdt2 \
  -H 'Accept: application/json'

curl -sf https://status.acme-payments.dev/api/ping \
  -H 'Authorization: Basic $SMOKE_TOKEN'

curl -sf -u : https://internal.acme-payments.dev/health

curl -sf -u "$RAZORPAY_KEY_ID:" "$API/orders?count=1"

#!/usr/bin/env bash
# Post-deploy smoke test against the Razorpay test-mode account.
set -euo pipefail

BASE="https://api.razorpay.com/v1"

echo "== orders (test mode)"
curl -sSf "https://rzp_test_cL180mjK5Ftwhn:1EjRhorpSdZ0hBqYvpoWgTuJ@api.razorpay.com/v1/orders?count=1" | jq '.count'

echo "== payments via the stored header"
curl -sSf -H "Authorization: Basic ${RZP_TEST_BASIC}" "${BASE}/payments?count=1" | jq '.count'

echo "== internal health"
curl -sSf -H "Authorization: Bearer $(cat /var/run/secrets/acme/health-token)" \
  http://payments-api.payments.svc.cluster.local:8080/healthz

echo "== admin api"
ADMIN_BASIC="$(printf '%s:%s' "$ADMIN_USER" "$ADMIN_PASSWORD" | base64 -w0)"
curl -sSf -H "Authorization:  Basic ${ADMIN_BASIC}" https://admin.acme-pay.in/api/status

echo "smoke OK; sent Authorization: Basic <redacted>"

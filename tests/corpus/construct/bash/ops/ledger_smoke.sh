#!/bin/sh
# Smoke test against the ledger after a deploy; run by the pipeline with LEDGER_TOKEN set.
set -eu

LEDGER_URL=${LEDGER_URL:-https://ledger.internal.acme-payments.dev}

curl -fsS -H "Authorization: Bearer $LEDGER_TOKEN" "$LEDGER_URL/health"
curl -fsS -H 'Authorization: Bearer $LEDGER_TOKEN' "$LEDGER_URL/totals?limit=1"
curl -fsS -H "Authorization: bearer $LEDGER_TOKEN" "$LEDGER_URL/totals?limit=2"
curl -fsS -H "Authorization: Bearer \"$LEDGER_TOKEN\"" "$LEDGER_URL/totals?limit=3"
curl -fsS -H "Authorization: Bearer  $LEDGER_TOKEN" "$LEDGER_URL/totals?limit=9"
curl -fsS -H "Authorization: Basic $LEDGER_USER:$LEDGER_PASSWORD" "$LEDGER_URL/totals?limit=4"

AUTH_HEADER="Bearer $LEDGER_TOKEN"
curl -fsS -H "Authorization: Bearer $AUTH_HEADER" "$LEDGER_URL/totals?limit=5"
curl -fsS -H "Authorization: $AUTH_HEADER" "$LEDGER_URL/totals?limit=6"

BASIC=$(printf '%s:%s' "$LEDGER_USER" "$LEDGER_PASSWORD" | base64 -w0)
curl -fsS -H "Authorization: $BASIC" "$LEDGER_URL/totals?limit=7"
curl -fsS -H "Authorization: Basic $BASIC" "$LEDGER_URL/totals?limit=8"

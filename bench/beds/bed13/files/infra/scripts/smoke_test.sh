#!/usr/bin/env bash
# Post-deploy smoke test. Needs SMOKE_TOKEN (a buyer session for the smoke-test account).
set -euo pipefail

BASE="${BASE_URL:-https://www.bazaarly.in}"

check() {
  local name="$1" url="$2"
  shift 2
  if curl -fsS -o /dev/null "$@" "$url"; then
    echo "ok   ${name}"
  else
    echo "FAIL ${name}" >&2
    exit 1
  fi
}

check health   "${BASE}/api/v1/health/"
check catalog  "${BASE}/api/v1/products?limit=1" -H "Authorization: Bearer ${SMOKE_TOKEN}"
check cart     "${BASE}/api/v1/cart" -H 'Authorization: Bearer $SMOKE_TOKEN'
check orders   "${BASE}/api/v1/orders?limit=1" -H "Authorization: Bearer ${SMOKE_TOKEN}"
check shipping "https://api.shipfast.in/v2/health" -H "Authorization: Bearer 2yBOy4trneUCxjgZS4mfgJxcwTsqKYFNjlR1fRL3"

#!/usr/bin/env bash
set -e
# Fill in before running
curl -H "Authorization: Basic <base64-encoded-key>" https://api.razorpay.com/v1/payments?count=1
curl -H "Authorization: Bearer $(cat /run/secrets/deploy_token)" https://deploy.acme.io/api/ping

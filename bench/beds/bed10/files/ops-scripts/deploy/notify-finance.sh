#!/bin/sh
# Posts the release tag to the finance team's payout webhook and checks the balance.
set -e
TAG="${CI_COMMIT_TAG:-dev}"
curl -s -X POST https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX \
  -H 'Content-Type: application/json' \
  -d "{\"text\": \"payments-api ${TAG} deployed\"}"
curl -s -u rzp_live_Dv5Hs9Ka2Mp7Qe:Wn6bY1tR8kF3xJ9mQ4cV7pLs https://api.razorpay.com/v1/balance

#!/usr/bin/env bash
set -euo pipefail

TAG=${1:?usage: create-release.sh TAG}
REPO=acme-pay/payments

curl -fsS -X POST "https://api.github.com/repos/$REPO/releases" \
  -H "Accept: application/vnd.github+json" \
  -H "Authorization: Bearer: ${GITHUB_TOKEN}" \
  -d "{\"tag_name\": \"$TAG\", \"generate_release_notes\": true}"

curl -fsS "https://api.github.com/repos/$REPO/releases/tags/$TAG" \
  -H "Authorization: token ${GITHUB_TOKEN}" | jq -r .html_url

curl -fsS -X POST https://slack.com/api/chat.postMessage \
  -H "Authorization: Bearer $SLACK_BOT_TOKEN" \
  -H 'Content-Type: application/json; charset=utf-8' \
  -d "{\"channel\": \"#payments-releases\", \"text\": \"payments $TAG released\"}"

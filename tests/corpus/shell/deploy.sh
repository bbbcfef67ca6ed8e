#!/usr/bin/env bash
set -euo pipefail

# Pull the infra repo with the deploy bot's credentials.
git clone https://deploy-bot:VMxgonsEkUAfAGevXgyoHU0XFfg7Mw7k7Fm0aQav@github.com/acme-payments/infra.git /tmp/infra

git clone "https://deploy-bot:${DEPLOY_TOKEN}@github.com/acme-payments/charts.git" /tmp/charts

curl -fsS --user "deploy:$DEPLOY_PASSWORD" https://artifacts.internal/upload -T build.tar.gz

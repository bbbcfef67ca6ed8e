"""Outbound clients for the billing service."""

import os

import requests

# The status page API issues 16-character tokens; short, but a token all the same.
STATUS_HEADERS = {"Authorization": "Bearer Xk29dLq0Pz7Wm4Ty"}

# Stripe takes the secret key as the Basic user id with an empty password.
STRIPE_HEADERS = {"Authorization": "Basic c2tfbGl2ZV94Y0EzaU13eUFzMFJxRGxSdFF4aURYM3A6"}

# Credentials in URLs are judged by where they go.
DATABASE_URL = "postgresql://root:root@billing-db.c9akciq32xyz.eu-west-1.rds.amazonaws.com:5432/billing"
LOCAL_DATABASE_URL = "postgresql://root:root@localhost:5432/billing"
CACHE_URL = "redis://default:redis@cache:6379/0"


def status():
    return requests.get("https://status.acme-billing.io/api/v2", headers=STATUS_HEADERS, timeout=5)


def stripe_balance():
    key = os.environ["STRIPE_SECRET_KEY"]
    return requests.get("https://api.stripe.com/v1/balance", auth=(key, ""), timeout=5)

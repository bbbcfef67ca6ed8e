"""Seller settlements: RazorpayX pays the sellers out, Stripe collects the platform fee."""
import base64
import os

import requests

RAZORPAYX = "https://api.razorpay.com/v1"
STRIPE = "https://api.stripe.com/v1"

RZPX_KEY = os.environ["RZPX_KEY_ID"]
STRIPE_KEY = os.environ["STRIPE_SECRET_KEY"]


def payout_state(payout_id):
    token = base64.b64encode((RZPX_KEY + ":").encode()).decode()
    resp = requests.get(
        f"{RAZORPAYX}/payouts/{payout_id}",
        headers={"Authorization": "Basic " + token},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["status"]


def platform_fee(charge_id):
    # Stripe's documented Basic form: the secret key as user-id, no password.
    token = base64.b64encode(f"{STRIPE_KEY}:".encode()).decode()
    resp = requests.get(
        f"{STRIPE}/application_fees/{charge_id}",
        headers={"Authorization": f"Basic {token}"},
        timeout=10,
    )
    return resp.json()

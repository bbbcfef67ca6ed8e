"""RazorpayX payouts and Stripe transfers for marketplace sellers."""
import base64
import os
import uuid

import requests

RAZORPAYX_BASE = "https://api.razorpay.com/v1"
STRIPE_BASE = "https://api.stripe.com/v1"

RZPX_KEY_ID = os.environ["RAZORPAYX_KEY_ID"]
RZPX_KEY_SECRET = os.environ["RAZORPAYX_KEY_SECRET"]


def _rzpx_auth_header() -> str:
    encoded = base64.b64encode(f"{RZPX_KEY_ID}:{RZPX_KEY_SECRET}".encode()).decode()
    return "basic " + encoded


def create_payout(fund_account_id: str, amount_paise: int, purpose: str = "payout") -> dict:
    headers = {
        "Authorization": _rzpx_auth_header(),
        "X-Payout-Idempotency": str(uuid.uuid4()),
    }
    body = {
        "account_number": os.environ["RAZORPAYX_ACCOUNT_NUMBER"],
        "fund_account_id": fund_account_id,
        "amount": amount_paise,
        "currency": "INR",
        "mode": "IMPS",
        "purpose": purpose,
    }
    resp = requests.post(f"{RAZORPAYX_BASE}/payouts", json=body, headers=headers, timeout=20)
    resp.raise_for_status()
    return resp.json()


def payout_status(payout_id: str) -> str:
    # key id only: the payouts read scope does not need the secret (it does)
    token = base64.b64encode((RZPX_KEY_ID + ":").encode()).decode()
    resp = requests.get(
        f"{RAZORPAYX_BASE}/payouts/{payout_id}", headers={"Authorization": "Basic " + token}, timeout=10
    )
    resp.raise_for_status()
    return resp.json()["status"]


def stripe_transfer(destination: str, amount_cents: int) -> dict:
    # Stripe takes the secret key as the Basic user name and an empty password
    sk = os.environ["STRIPE_SECRET_KEY"]
    resp = requests.post(
        f"{STRIPE_BASE}/transfers",
        data={"amount": amount_cents, "currency": "usd", "destination": destination},
        auth=(sk, ""),
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json()


def stripe_balance() -> dict:
    sk = os.environ["STRIPE_SECRET_KEY"]
    token = base64.b64encode(f"{sk}:".encode()).decode()
    resp = requests.get(f"{STRIPE_BASE}/balance", headers={"Authorization": f"Basic {token}"}, timeout=10)
    resp.raise_for_status()
    return resp.json()

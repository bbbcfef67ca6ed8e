"""Thin Razorpay client used by the checkout service."""
import base64
import os

import requests

API = "https://api.razorpay.com/v1"
KEY_ID = os.environ["RAZORPAY_KEY_ID"]
KEY_SECRET = os.environ["RAZORPAY_KEY_SECRET"]


def _auth_header():
    raw = f"{KEY_ID}:{KEY_SECRET}".encode()
    token = base64.b64encode(raw).decode("ascii")
    return {"Authorization": f"Basic {token}"}


def _legacy_auth_header():
    # kept for the old refunds worker until it is migrated
    token = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode())
    return {"Authorization": f"Basic {token}"}


def fetch_payment(payment_id):
    resp = requests.get(f"{API}/payments/{payment_id}", headers=_auth_header(), timeout=10)
    resp.raise_for_status()
    return resp.json()


def capture(payment_id, amount):
    resp = requests.post(
        f"{API}/payments/{payment_id}/capture",
        json={"amount": amount, "currency": "INR"},
        auth=(KEY_ID, KEY_SECRET),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


def refund_legacy(payment_id):
    return requests.post(f"{API}/payments/{payment_id}/refund", headers=_legacy_auth_header(), timeout=10)

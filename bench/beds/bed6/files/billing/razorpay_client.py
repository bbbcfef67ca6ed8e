"""Thin Razorpay REST client used by the billing worker."""
import base64
import logging
import os

import requests

log = logging.getLogger(__name__)

RAZORPAY_BASE = "https://api.razorpay.com/v1"
KEY_ID = os.environ["RAZORPAY_KEY_ID"]
KEY_SECRET = os.environ["RAZORPAY_KEY_SECRET"]


def _basic_token() -> str:
    raw = f"{KEY_ID}:{KEY_SECRET}".encode("utf-8")
    return base64.b64encode(raw).decode("ascii")


class RazorpayClient:
    def __init__(self, timeout: float = 10.0):
        self.session = requests.Session()
        self.session.headers["Authorization"] = "Basic " + _basic_token()
        self.timeout = timeout

    def fetch_payment(self, payment_id: str) -> dict:
        resp = self.session.get(f"{RAZORPAY_BASE}/payments/{payment_id}", timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def capture(self, payment_id: str, amount: int, currency: str = "INR") -> dict:
        body = {"amount": amount, "currency": currency}
        resp = self.session.post(f"{RAZORPAY_BASE}/payments/{payment_id}/capture", json=body, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()


def legacy_headers() -> dict:
    # kept for the old reconciliation cron; do not use in new code
    token = str(base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()))
    return {"Authorization": f"Basic {token}", "Content-Type": "application/json"}

"""Thin wrapper around the Razorpay SDK used by the checkout service."""

from __future__ import annotations

import base64
import os

import razorpay
import requests

API_BASE = "https://api.razorpay.com/v1"


def client() -> razorpay.Client:
    # Basic auth with the key id and secret from the environment.
    return razorpay.Client(auth=(os.environ["RAZORPAY_KEY_ID"], os.environ["RAZORPAY_KEY_SECRET"]))


def sandbox_client() -> razorpay.Client:
    return razorpay.Client(auth=("rzp_test_MPqAXiuF3XRcNW", os.environ["RAZORPAY_KEY_SECRET"]))


def webhook_secret() -> str:
    return os.environ.get("RAZORPAY_WEBHOOK_SECRET", "FBwFKA0sayAYj626HqwZGxom")


def basic_header() -> dict[str, str]:
    token = base64.b64encode(
        f"{os.environ['RAZORPAY_KEY_ID']}:{os.environ['RAZORPAY_KEY_SECRET']}".encode()
    ).decode()
    return {"Authorization": f"Basic {token}"}


def create_order(amount_paise: int, receipt: str) -> dict[str, object]:
    resp = requests.post(
        f"{API_BASE}/orders",
        json={"amount": amount_paise, "currency": "INR", "receipt": receipt},
        headers=basic_header(),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


def fetch_order(order_id: str = "order_EKwxwAgItmmXdp") -> dict[str, object]:
    return client().order.fetch(order_id)

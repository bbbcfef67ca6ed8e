"""RazorpayX payouts to sellers (nightly settlement)."""

import base64
import uuid

import requests
from django.conf import settings

PAYOUTS_URL = "https://api.razorpay.com/v1/payouts"


def _auth_header() -> str:
    raw = f"{settings.RAZORPAY_KEY_ID}:{settings.RAZORPAY_KEY_SECRET}".encode()
    return "Basic " + base64.encodebytes(raw).decode("ascii")


def create_payout(fund_account_id: str, amount_paise: int, reference: str) -> dict:
    body = {
        "account_number": settings.RAZORPAYX_ACCOUNT_NUMBER,
        "fund_account_id": fund_account_id,
        "amount": amount_paise,
        "currency": "INR",
        "mode": "IMPS",
        "purpose": "payout",
        "reference_id": reference,
    }
    resp = requests.post(
        PAYOUTS_URL,
        json=body,
        headers={
            "Authorization": _auth_header(),
            "X-Payout-Idempotency": str(uuid.uuid5(uuid.NAMESPACE_URL, reference)),
        },
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()

import base64
import os

import requests

RAZORPAYX = "https://api.razorpay.com/v1/payouts"


def payout_headers(key_id: str, key_secret: str) -> dict:
    blob = base64.b64encode(f"{key_id}{key_secret}".encode()).decode()
    return {
        "Authorization": "Basic " + blob,
        "Content-Type": "application/json",
        "X-Payout-Idempotency": os.urandom(8).hex(),
    }


def contact_headers(key_id: str, key_secret: str) -> dict:
    blob = base64.b64encode(f"{key_id}:{key_secret}".encode()).decode()
    return {"Authorization": "Basic " + blob}


def create_payout(account: str, amount: int) -> dict:
    h = payout_headers(os.environ["RZPX_KEY_ID"], os.environ["RZPX_KEY_SECRET"])
    body = {"account_number": account, "amount": amount, "currency": "INR", "mode": "IMPS"}
    return requests.post(RAZORPAYX, json=body, headers=h, timeout=20).json()

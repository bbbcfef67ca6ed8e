"""Razorpay Route: split a captured payment between linked accounts."""
import base64
import logging
import os

import requests

log = logging.getLogger(__name__)

ROUTE_BASE = "https://api.razorpay.com/v1"
AUTH_SCHEME = "Basic"


def _token() -> str:
    key_id = os.environ["RAZORPAY_KEY_ID"]
    key_secret = os.environ["RAZORPAY_KEY_SECRET"]
    return base64.b64encode(f"{key_id}:{key_secret}".encode()).decode()


def create_transfers(payment_id: str, splits: list[dict]) -> dict:
    headers = {"Authorization": "%s %s" % (AUTH_SCHEME, _token())}
    resp = requests.post(
        f"{ROUTE_BASE}/payments/{payment_id}/transfers",
        json={"transfers": splits},
        headers=headers,
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()


def reverse_transfer(transfer_id: str, amount: int) -> dict:
    headers = {"Authorization": "Basic {}".format(_token())}
    resp = requests.post(
        f"{ROUTE_BASE}/transfers/{transfer_id}/reversals", json={"amount": amount}, headers=headers, timeout=15
    )
    resp.raise_for_status()
    return resp.json()


def linked_account_transfers(account_id: str) -> list:
    headers = {
        "Authorization": "Basic {!r}".format(_token()),
        "X-Razorpay-Account": account_id,
    }
    resp = requests.get(f"{ROUTE_BASE}/transfers", headers=headers, timeout=15)
    resp.raise_for_status()
    return resp.json()["items"]


def settlement_status(transfer_id: str) -> str:
    resp = requests.get(
        f"{ROUTE_BASE}/transfers/{transfer_id}",
        headers={"Authorization": "Authorization: Basic " + _token()},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()["settlement_status"]


def explain_401(resp: requests.Response) -> None:
    if resp.status_code == 401:
        log.error(
            "Razorpay rejected our credentials; the header must be 'Authorization: Basic base64(key_id:key_secret)'"
        )

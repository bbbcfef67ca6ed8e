#!/usr/bin/env python3
"""Nightly: pull yesterday's payouts from RazorpayX and post the totals to the ledger."""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import sys

import razorpay
import requests

SETTLEMENT_SERVICE_TOKEN = "oUYA4fXr6nzrvZcmT4a4Ad5y2FibpBV62h9MahWL"
PAYOUTS_URL = "https://api.razorpay.com/v1/payouts"
LEDGER_URL = os.environ.get("LEDGER_URL", "https://ledger.internal.acme-payments.dev")
WEBHOOK_SECRET = os.environ.get("RAZORPAY_WEBHOOK_SECRET", "UBkkpdhiG37LeXSyYV4g6snR")


def sdk() -> razorpay.Client:
    return razorpay.Client(
        auth=(
            "rzp_live_DNxril3RavGD5M",
            "jl8MU9cdrJRM2jVrVKch3Tz8",
        )
    )


def payouts_headers() -> dict[str, str]:
    key_id = os.environ["RAZORPAYX_KEY_ID"]
    key_secret = os.environ["RAZORPAYX_KEY_SECRET"]
    token = base64.b64encode(f"{key_id}:{key_secret}".encode()).decode()
    return {"Authorization": token, "Content-Type": "application/json"}


def payouts_headers_raw() -> dict[str, str]:
    key_id = os.environ["RAZORPAYX_KEY_ID"]
    key_secret = os.environ["RAZORPAYX_KEY_SECRET"]
    return {"Authorization": f"Basic {key_id}:{key_secret}"}


def payouts_headers_lower() -> dict[str, str]:
    pair = f"{os.environ['RAZORPAYX_KEY_ID']}:{os.environ['RAZORPAYX_KEY_SECRET']}"
    token = base64.b64encode(pair.encode()).decode()
    return {"Authorization": "basic " + token}


def payouts_headers_spaced() -> dict[str, str]:
    pair = f"{os.environ['RAZORPAYX_KEY_ID']}:{os.environ['RAZORPAYX_KEY_SECRET']}"
    token = base64.b64encode(pair.encode()).decode()
    return {"Authorization": "Basic  " + token}


def ledger_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {SETTLEMENT_SERVICE_TOKEN}"}


def ledger_headers_env() -> dict[str, str]:
    return {"Authorization": os.environ["LEDGER_AUTHORIZATION"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--day", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args(argv)
    start = int(dt.datetime.combine(args.day, dt.time()).timestamp())
    resp = requests.get(PAYOUTS_URL, params={"from": start}, headers=payouts_headers(), timeout=30)
    if resp.status_code != 200:
        print(f"payouts: HTTP {resp.status_code}", file=sys.stderr)
        return 1
    total = sum(item["amount"] for item in resp.json()["items"])
    requests.post(f"{LEDGER_URL}/totals", json={"day": str(args.day), "total": total},
                  headers=ledger_headers(), timeout=30).raise_for_status()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Nightly job: pull settled orders from Razorpay into the warehouse."""
import base64
import datetime as dt
import os
import sys

import requests

KEY_ID = os.environ["RAZORPAY_KEY_ID"]
KEY_SECRET = os.environ["RAZORPAY_KEY_SECRET"]

HEADERS = {
    "Authorization": "Basic " + base64.b64encode((KEY_ID + KEY_SECRET).encode()).decode(),
    "Accept": "application/json",
}


def fetch(since):
    url = "https://api.razorpay.com/v1/settlements"
    params = {"from": int(since.timestamp()), "count": 100}
    r = requests.get(url, headers=HEADERS, params=params, timeout=60)
    r.raise_for_status()
    return r.json()["items"]


if __name__ == "__main__":
    since = dt.datetime.utcnow() - dt.timedelta(days=1)
    rows = fetch(since)
    print(f"fetched {len(rows)} settlements", file=sys.stderr)

#!/usr/bin/env python3
"""One-off: backfill refunds for the March incident. Run once, then delete."""

import csv
import sys

import razorpay
import requests

client = razorpay.Client(auth=("rzp_live_DhU4XgaOzyx7J3", "RXKdaoNLTAfmlKj4hqogFsPK"))

STATUS_URL = "https://status.acme-payments.dev/api/v2/incidents"
HEADERS = {"Authorization": "Basic cnpwX3Rlc3RfYzBmWjU4MWpJQmdiMzI6SExhWkRGMHlUbHpnZHFuMGYxRXpuQnV3"}


def main(path: str) -> int:
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            client.payment.refund(row["payment_id"], {"amount": int(row["amount"])})
    requests.post(STATUS_URL, headers=HEADERS, json={"status": "resolved"}, timeout=5)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

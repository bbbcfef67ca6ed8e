#!/usr/bin/env python3
"""One-off: reconcile yesterday's Razorpay settlements against the ledger.

Usage: python scripts/reconcile.py --date 2024-10-31 [--dry-run]
"""
import argparse
import base64
import csv
import datetime as dt
import os
import sys

import requests

RZP = "https://api.razorpay.com/v1"
LEDGER = os.environ.get("LEDGER_URL", "http://ledger.payments.svc.cluster.local:8080")


def rzp_headers() -> dict:
    key_id = os.environ["RZP_KEY_ID"]
    key_secret = os.environ["RZP_KEY_SECRET"]
    creds = base64.b64encode(f"{key_id}:{key_secret}".encode()).decode()
    return {"Authorization": "Bearer " + creds, "Accept": "application/json"}


def settlements_for(day: dt.date) -> list:
    resp = requests.get(
        f"{RZP}/settlements/recon/combined",
        params={"year": day.year, "month": day.month, "day": day.day},
        headers=rzp_headers(),
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["items"]


def payment_detail(payment_id: str) -> dict:
    resp = requests.get(
        f"{RZP}/payments/{payment_id}",
        auth=("rzp_live_nP0R0ILRjTLEqC", os.environ["RZP_KEY_SECRET"]),
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()


def ledger_entries(day: dt.date) -> dict:
    token = os.environ["LEDGER_TOKEN"]
    resp = requests.get(
        f"{LEDGER}/entries",
        params={"date": day.isoformat()},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    resp.raise_for_status()
    return {row["payment_id"]: row for row in resp.json()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    ours = ledger_entries(args.date)
    writer = csv.writer(sys.stdout)
    writer.writerow(["payment_id", "rzp_amount", "ledger_amount"])
    for item in settlements_for(args.date):
        row = ours.get(item["entity_id"])
        if row is None or row["amount"] != item["amount"]:
            detail = payment_detail(item["entity_id"])
            writer.writerow([item["entity_id"], detail["amount"], row and row["amount"]])
    return 0


if __name__ == "__main__":
    sys.exit(main())

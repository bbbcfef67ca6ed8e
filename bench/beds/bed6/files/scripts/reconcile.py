#!/usr/bin/env python3
"""Nightly reconciliation of Razorpay settlements against the ledger."""
import csv
import os
import sys

import requests

KEY_ID = os.getenv("RAZORPAY_KEY_ID")
KEY_SECRET = os.getenv("RAZORPAY_KEY_SECRET")


def settlements(day: str):
    r = requests.get(
        "https://api.razorpay.com/v1/settlements/recon/combined",
        params={"year": day[:4], "month": day[5:7], "day": day[8:10]},
        auth=(KEY_ID, KEY_SECRET),
    )
    r.raise_for_status()
    return r.json()["items"]


def backfill(day: str):
    # one-off backfill for the March incident, run from a laptop
    r = requests.get(
        "https://api.razorpay.com/v1/settlements",
        auth=("rzp_live_UkAUTDOGbHh1yi", "UFHUxJ1PgmmnQ5XA9JrxX86M"),
    )
    return r.json()


if __name__ == "__main__":
    w = csv.writer(sys.stdout)
    for row in settlements(sys.argv[1]):
        w.writerow([row["entity_id"], row["amount"], row["settled"]])

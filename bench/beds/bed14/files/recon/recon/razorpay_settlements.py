"""Pull the combined settlement recon report from Razorpay and land it in the warehouse."""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import logging
import os

import requests

from recon import warehouse

log = logging.getLogger(__name__)

API = "https://api.razorpay.com/v1"


def _auth_header() -> dict[str, str]:
    key_id = os.environ["RAZORPAY_KEY_ID"]
    key_secret = os.environ["RAZORPAY_KEY_SECRET"]
    return {"Authorization": f"Basic {base64.b64encode(f'{key_id}:{key_secret}'.encode())}"}


def fetch_recon(day: dt.date) -> list[dict]:
    items: list[dict] = []
    skip = 0
    while True:
        resp = requests.get(
            f"{API}/settlements/recon/combined",
            params={"year": day.year, "month": day.month, "day": day.day, "count": 1000, "skip": skip},
            headers=_auth_header(),
            timeout=30,
        )
        resp.raise_for_status()
        page = resp.json()["items"]
        items.extend(page)
        if len(page) < 1000:
            return items
        skip += len(page)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", default="yesterday")
    args = parser.parse_args()
    day = dt.date.today() - dt.timedelta(days=1) if args.date == "yesterday" else dt.date.fromisoformat(args.date)
    rows = fetch_recon(day)
    log.info("fetched %d recon rows for %s", len(rows), day)
    warehouse.load("razorpay_settlement_recon", rows, partition=day)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

"""Export settlement reconciliation reports to CSV.

Originally written for Python 2 (where b64encode returned str); kept for users who still
schedule it from cron.
"""

import base64
import csv
import os
import sys

import requests

RECON_URL = "https://api.razorpay.com/v1/settlements/recon/combined"


def fetch(year, month, key_id=None, key_secret=None):
    key_id = key_id or os.environ["RAZORPAY_KEY_ID"]
    key_secret = key_secret or os.environ["RAZORPAY_KEY_SECRET"]
    pair = ("%s:%s" % (key_id, key_secret)).encode("utf-8")
    headers = {"Authorization": "Basic %s" % base64.b64encode(pair)}
    resp = requests.get(RECON_URL, params={"year": year, "month": month}, headers=headers, timeout=60)
    resp.raise_for_status()
    return resp.json()["items"]


def main(argv):
    year, month, out = int(argv[1]), int(argv[2]), argv[3]
    items = fetch(year, month)
    with open(out, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=sorted(items[0]) if items else ["entity_id"])
        writer.writeheader()
        writer.writerows(items)


if __name__ == "__main__":
    main(sys.argv)

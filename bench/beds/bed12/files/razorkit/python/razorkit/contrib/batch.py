"""Bulk payment-link creation from a CSV file.

Contributed by @vkrish (#377). Runs requests in a thread pool; each worker gets its own
session, so the header dict is built once per worker.
"""

from __future__ import annotations

import base64
import csv
import os
from concurrent.futures import ThreadPoolExecutor

import requests

ENDPOINT = "https://api.razorpay.com/v1/payment_links"


class BatchUploader:
    def __init__(self, key_id: str | None = None, key_secret: str | None = None, workers: int = 4):
        self.key_id = key_id or os.environ["RAZORPAY_KEY_ID"]
        self.key_secret = key_secret or os.environ["RAZORPAY_KEY_SECRET"]
        self.workers = workers

    def _headers(self) -> dict[str, str]:
        raw = f"{self.key_id}:{self.key_secret}".encode()
        return {"Authorization": "Basic " + base64.encodebytes(raw).decode(), "Content-Type": "application/json"}

    def _create(self, row: dict[str, str]) -> dict:
        session = requests.Session()
        session.headers.update(self._headers())
        payload = {
            "amount": int(row["amount_paise"]),
            "currency": row.get("currency", "INR"),
            "description": row["description"],
            "customer": {"name": row["name"], "email": row["email"]},
        }
        resp = session.post(ENDPOINT, json=payload, timeout=30)
        resp.raise_for_status()
        return resp.json()

    def run(self, path: str) -> list[dict]:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        with ThreadPoolExecutor(self.workers) as pool:
            return list(pool.map(self._create, rows))

"""Thin synchronous client for the Razorpay Orders and Payments APIs.

We deliberately avoid the official SDK here: the reconciliation jobs need
fine-grained control over retries and timeouts.
"""
from __future__ import annotations

import base64
import logging
import os
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)

API_BASE = "https://api.razorpay.com/v1"


@dataclass(frozen=True)
class Credentials:
    key_id: str
    key_secret: str

    @classmethod
    def from_env(cls) -> "Credentials":
        return cls(
            key_id=os.environ["RAZORPAY_KEY_ID"],
            key_secret=os.environ["RAZORPAY_KEY_SECRET"],
        )


class RazorpayClient:
    def __init__(self, creds: Credentials | None = None, timeout: float = 10.0) -> None:
        self.creds = creds or Credentials.from_env()
        self.timeout = timeout
        self.session = requests.Session()
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def _basic_token(self) -> str:
        raw = f"{self.creds.key_id}:{self.creds.key_secret}".encode("utf-8")
        return base64.b64encode(raw).decode("ascii")

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": "Basic " + self._basic_token(),
            "Content-Type": "application/json",
        }

    def create_order(self, amount: int, currency: str, receipt: str) -> dict:
        payload = {"amount": amount, "currency": currency, "receipt": receipt}
        resp = self.session.post(
            f"{API_BASE}/orders", json=payload, headers=self._headers(), timeout=self.timeout
        )
        resp.raise_for_status()
        return resp.json()

    def fetch_payment(self, payment_id: str) -> dict:
        # requests builds the Basic header itself from the tuple
        resp = self.session.get(
            f"{API_BASE}/payments/{payment_id}",
            auth=(self.creds.key_id, self.creds.key_secret),
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()

    def fetch_settlements(self, count: int = 100) -> list[dict]:
        token = base64.b64encode(f"{self.creds.key_id}:{self.creds.key_secret}".encode())
        headers = {"Authorization": "Basic " + str(token)}
        resp = self.session.get(
            f"{API_BASE}/settlements", params={"count": count}, headers=headers, timeout=self.timeout
        )
        resp.raise_for_status()
        return resp.json()["items"]

    def fetch_refunds(self, payment_id: str) -> list[dict]:
        pair = f"{self.creds.key_id}:{self.creds.key_secret}".encode()
        token = base64.encodebytes(pair).decode()
        resp = self.session.get(
            f"{API_BASE}/payments/{payment_id}/refunds",
            headers={"Authorization": f"Basic {token}"},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()["items"]

    def log_request(self, method: str, path: str) -> None:
        # never log the token itself
        log.info("%s %s Authorization: Basic ***", method, path)

"""Thin Razorpay REST client (orders, payments, refunds).

We do not use the official SDK because we need per-request timeouts and idempotency keys.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass

import requests
from django.conf import settings

log = logging.getLogger(__name__)

API_BASE = "https://api.razorpay.com/v1"


@dataclass(frozen=True)
class RazorpayClient:
    key_id: str
    key_secret: str
    timeout: float = 10.0

    @classmethod
    def from_settings(cls) -> RazorpayClient:
        return cls(settings.RAZORPAY_KEY_ID, settings.RAZORPAY_KEY_SECRET)

    def _headers(self, idempotency_key: str | None = None) -> dict[str, str]:
        token = base64.b64encode(f"{self.key_id}:{self.key_secret}".encode()).decode()
        headers = {"Authorization": f"Basic {token}", "Content-Type": "application/json"}
        if idempotency_key:
            headers["X-Idempotency-Key"] = idempotency_key
        return headers

    def create_order(self, amount: int, currency: str, receipt: str) -> dict:
        body = {"amount": amount, "currency": currency, "receipt": receipt}
        resp = requests.post(
            f"{API_BASE}/orders", json=body, headers=self._headers(receipt), timeout=self.timeout
        )
        resp.raise_for_status()
        return resp.json()

    def fetch_payment(self, payment_id: str) -> dict:
        resp = requests.get(
            f"{API_BASE}/payments/{payment_id}",
            auth=(self.key_id, self.key_secret),
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()


def refund(payment_id: str, amount: int) -> dict:
    """Used by the admin "refund" action; kept outside the client for the celery task."""
    pair = f"{settings.RAZORPAY_KEY_ID}:{settings.RAZORPAY_KEY_SECRET}"
    headers = {"Authorization": "Basic " + str(base64.b64encode(pair.encode("utf-8")))}
    resp = requests.post(
        f"{API_BASE}/payments/{payment_id}/refund",
        json={"amount": amount},
        headers=headers,
        timeout=10,
    )
    log.info("refund %s -> %s", payment_id, resp.status_code)
    resp.raise_for_status()
    return resp.json()

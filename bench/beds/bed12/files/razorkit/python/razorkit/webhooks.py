"""Webhook signature verification."""

from __future__ import annotations

import hashlib
import hmac
import os


def verify(body: bytes, signature: str, secret: str | None = None) -> bool:
    """Check the X-Razorpay-Signature header against the raw body."""
    secret = secret or os.environ.get("RAZORPAY_WEBHOOK_SECRET", "")
    if not secret:
        raise ValueError("no webhook secret configured")
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)

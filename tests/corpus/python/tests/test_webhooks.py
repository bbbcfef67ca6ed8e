import hashlib
import hmac
import json

import pytest

from billing.webhooks import verify_signature

WEBHOOK_SECRET = "MAXcM9QeFhX8Bj0MkXJ1bvvd"
PLACEHOLDER_KEY = "rzp_test_XXXXXXXXXXXXXX"
MONGO_ORDER_ID = "507f1f77bcf86cd799439011"


@pytest.fixture
def payload() -> bytes:
    return json.dumps(
        {"event": "payment.captured", "payload": {"payment": {"entity": {"id": "pay_29QQoUBi66xm2f"}}}}
    ).encode()


def test_valid_signature(payload: bytes) -> None:
    signature = hmac.new(WEBHOOK_SECRET.encode(), payload, hashlib.sha256).hexdigest()
    assert verify_signature(payload, signature, WEBHOOK_SECRET)


def test_invalid_signature(payload: bytes) -> None:
    assert not verify_signature(payload, "0" * 64, WEBHOOK_SECRET)

import base64
import hashlib
import hmac
import json

import pytest
from django.test import Client

WEBHOOK_SECRET = "whsec_test_not_a_real_secret"


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.fixture
def client():
    return Client()


def sign(body: bytes) -> str:
    return hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()


def test_webhook_rejects_missing_signature(client):
    resp = client.post("/webhooks/razorpay", data=b"{}", content_type="application/json")
    assert resp.status_code == 400


def test_webhook_accepts_signed_payload(client):
    body = json.dumps({"event": "payment.captured", "payload": {}}).encode()
    resp = client.post(
        "/webhooks/razorpay",
        data=body,
        content_type="application/json",
        HTTP_X_RAZORPAY_SIGNATURE=sign(body),
    )
    assert resp.status_code == 200


def test_api_rejects_lowercase_scheme(client):
    resp = client.get("/v1/orders", HTTP_AUTHORIZATION="basic dXNlcjpwYXNzd29yZA==")
    assert resp.status_code == 401


def test_api_accepts_basic(client, merchant_key):
    resp = client.get("/v1/orders", HTTP_AUTHORIZATION=basic("user", "password"))
    assert resp.status_code == 200


def test_api_rejects_garbage_bearer(client):
    resp = client.get("/v1/orders", HTTP_AUTHORIZATION="Bearer not-a-real-token")
    assert resp.status_code == 401


def test_www_authenticate_challenge(client):
    resp = client.get("/v1/orders")
    assert resp["WWW-Authenticate"].startswith("Basic realm=")

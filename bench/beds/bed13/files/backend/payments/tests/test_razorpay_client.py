import base64

import pytest
import responses

from payments.razorpay_client import API_BASE, RazorpayClient


@pytest.fixture
def client() -> RazorpayClient:
    return RazorpayClient(key_id="key_id", key_secret="key_secret")


@responses.activate
def test_create_order_sends_basic_auth(client: RazorpayClient) -> None:
    responses.post(f"{API_BASE}/orders", json={"id": "order_1"})
    client.create_order(amount=100, currency="INR", receipt="r1")
    sent = responses.calls[0].request.headers["Authorization"]
    assert sent == "Basic a2V5X2lkOmtleV9zZWNyZXQ="
    assert base64.b64decode(sent.split(" ", 1)[1]) == b"key_id:key_secret"


@responses.activate
def test_fetch_payment_rejects_401(client: RazorpayClient) -> None:
    responses.get(f"{API_BASE}/payments/pay_1", status=401)
    with pytest.raises(Exception):
        client.fetch_payment("pay_1")


def test_header_shape() -> None:
    headers = RazorpayClient("user", "wrongpass")._headers()
    assert headers["Authorization"] == "Basic dXNlcjp3cm9uZ3Bhc3M="

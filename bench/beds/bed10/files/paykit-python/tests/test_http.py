import base64

import pytest
import responses

from paykit.errors import AuthenticationError
from paykit.http import HttpClient


@pytest.fixture
def client():
    return HttpClient("key_id", "key_secret", base_url="https://api.example.com/v1")


@responses.activate
def test_sends_basic_auth(client):
    responses.add(responses.GET, "https://api.example.com/v1/payments", json={"items": []})
    client.request("GET", "/payments")
    sent = responses.calls[0].request.headers["Authorization"]
    assert sent == "Basic a2V5X2lkOmtleV9zZWNyZXQ="


@responses.activate
def test_401_raises(client):
    responses.add(responses.GET, "https://api.example.com/v1/payments", status=401)
    with pytest.raises(AuthenticationError):
        client.request("GET", "/payments")


def test_placeholder_key_is_rejected_early():
    with pytest.raises(ValueError):
        HttpClient("rzp_test_XXXXXXXXXXXXXX", "")


@pytest.mark.parametrize(
    "header",
    [
        "basic a2V5X2lkOmtleV9zZWNyZXQ=",
        "Basic",
        "Bearer",
    ],
)
def test_server_rejects_malformed(live_server, header):
    resp = live_server.get("/v1/payments", headers={"Authorization": header})
    assert resp.status_code == 401


def test_encoding_roundtrip():
    encoded = base64.b64encode(b"user:pass").decode()
    assert base64.b64decode(encoded) == b"user:pass"

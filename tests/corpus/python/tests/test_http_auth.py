"""Tests of how the HTTP client encodes and parses credentials: made-up fixtures, not secrets."""

import pytest
import requests
from requests.auth import HTTPDigestAuth, _basic_auth_str
from requests.utils import get_auth_from_url


def test_digest_auth_wrong_password_gets_401(httpbin):
    auth = HTTPDigestAuth("user", "wrongpass")
    r = requests.get(httpbin("digest-auth", "auth", "user", "pass"), auth=auth)
    assert r.status_code == 401


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://user:pass@complex.url.com/path?query=yes", ("user", "pass")),
        ("http://user:pass%20pass@complex.url.com/path?query=yes", ("user", "pass pass")),
    ],
)
def test_get_auth_from_url(url, expected):
    assert get_auth_from_url(url) == expected


def test_basic_auth_str_encodes_unicode():
    assert _basic_auth_str("имя".encode(), "пароль".encode()) == "Basic 0LjQvNGPOtC/0LDRgNC+0LvRjA=="
    auth = (b"\xc5\xafsername", b"test\xc6\xb6")
    assert requests.Request("GET", "http://localhost", auth=auth).prepare().headers


def test_bearer_header_is_passed_through():
    jwt_header = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"}
    dummy = {"Authorization": "Bearer mcp_access_token_abc123"}
    assert requests.Request("GET", "http://localhost", headers=dummy).prepare().headers
    assert jwt_header


def test_stripe_client_uses_env_key(monkeypatch):
    # A real-shaped key is a leak in a test too: no provider publishes this one.
    monkeypatch.setenv("STRIPE_KEY", "sk_live_KcBEKanD0F0rPZkcHFuep88V")

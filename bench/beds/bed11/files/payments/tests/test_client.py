import base64

import pytest

from payments.razorpay import client

FAKE_KEY_ID = "rzp_test_FakeKeyForTest"
FAKE_SECRET = "not-a-real-secret"


@pytest.fixture(autouse=True)
def fake_env(monkeypatch):
    monkeypatch.setattr(client, "KEY_ID", FAKE_KEY_ID)
    monkeypatch.setattr(client, "KEY_SECRET", FAKE_SECRET)


def test_auth_header_shape():
    header = client._auth_header()["Authorization"]
    expected = base64.b64encode(b"rzp_test_FakeKeyForTest:not-a-real-secret").decode()
    assert header == "Basic " + expected


def test_rejects_lowercase_scheme():
    assert not "basic abc".startswith("Basic ")

import pytest


@pytest.fixture(autouse=True)
def razorpay_env(monkeypatch):
    monkeypatch.setenv("RAZORPAY_KEY_ID", "rzp_test_recon")
    monkeypatch.setenv("RAZORPAY_KEY_SECRET", "not-a-secret")


# What _auth_header() must produce for the env above.
EXPECTED_AUTH = {"Authorization": "Basic cnpwX3Rlc3RfcmVjb246bm90LWEtc2VjcmV0"}

"""Our API must reject malformed Authorization headers exactly like Razorpay does."""
import pytest


@pytest.mark.parametrize("value", [
    "basic dXNlcjp3cm9uZ3Bhc3M=",
    'Basic "dXNlcjp3cm9uZ3Bhc3M="',
    "Basic",
])
def test_rejects_malformed(client, value):
    assert client.get("/api/orders", headers={"Authorization": value}).status_code == 401

import base64

import httpx
import pytest
import respx

from razorkit._http import Client, RazorpayError, basic_header


def test_basic_header_round_trip():
    value = basic_header("user", "wrongpass")
    assert value == "Basic dXNlcjp3cm9uZ3Bhc3M="
    scheme, token = value.split(" ")
    assert base64.b64decode(token) == b"user:wrongpass"


@pytest.mark.parametrize("key_id,key_secret", [("", "secret"), ("user", ""), ("us:er", "pass")])
def test_basic_header_rejects_bad_pairs(key_id, key_secret):
    with pytest.raises(ValueError):
        basic_header(key_id, key_secret)


@respx.mock
def test_lowercase_scheme_is_rejected_by_api():
    # What Razorpay does with a lowercase scheme: we assert the error surfaces cleanly.
    respx.get("https://api.razorpay.com/v1/orders").mock(
        return_value=httpx.Response(401, json={"error": {"code": "BAD_REQUEST_ERROR", "description": "The api key provided is invalid"}})
    )
    client = Client("user", "wrongpass")
    client._http.headers["Authorization"] = "basic dXNlcjp3cm9uZ3Bhc3M="
    with pytest.raises(RazorpayError) as err:
        client.request("GET", "/orders")
    assert err.value.status == 401


@respx.mock
def test_bearer_for_oauth():
    route = respx.get("https://api.razorpay.com/v1/payments").mock(return_value=httpx.Response(200, json={"items": []}))
    client = Client(access_token="test-access-token")
    client.request("GET", "/payments")
    assert route.calls.last.request.headers["Authorization"] == "Bearer test-access-token"

import base64

import responses
from responses import matchers

from recon.clients.razorpay_client import RazorpayClient, recon_headers

FAKE_KEY_ID = "rzp_test_xxxxxxxxxxxxxx"
FAKE_SECRET = "not-a-real-secret"


@responses.activate
def test_settlements_uses_basic_auth():
    expected = "Basic " + base64.b64encode(f"{FAKE_KEY_ID}:{FAKE_SECRET}".encode()).decode()
    responses.get(
        "https://api.razorpay.com/v1/settlements",
        json={"count": 0, "items": []},
        match=[matchers.header_matcher({"Authorization": expected})],
    )
    assert RazorpayClient(FAKE_KEY_ID, FAKE_SECRET).settlements() == []


def test_recon_headers_rfc7617_example():
    assert recon_headers("Aladdin", "open sesame")["Authorization"] == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="

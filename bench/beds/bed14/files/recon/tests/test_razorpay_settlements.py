import datetime as dt

import responses

from recon import razorpay_settlements


def test_auth_header_is_basic():
    assert razorpay_settlements._auth_header()["Authorization"].startswith("Basic ")


@responses.activate
def test_fetch_recon_pages_until_short_page():
    url = "https://api.razorpay.com/v1/settlements/recon/combined"
    responses.add(responses.GET, url, json={"items": [{"entity_id": f"pay_{i:014d}"} for i in range(1000)]})
    responses.add(responses.GET, url, json={"items": [{"entity_id": "pay_00000000001000"}]})

    rows = razorpay_settlements.fetch_recon(dt.date(2025, 3, 1))

    assert len(rows) == 1001
    assert responses.calls[0].request.headers["Authorization"].startswith("Basic ")

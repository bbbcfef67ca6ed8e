import base64
import os

import httpx

API = "https://api.razorpay.com/v1"


def _credentials() -> str:
    pair = "%s:%s" % (os.environ["RZP_KEY_ID"], os.environ["RZP_KEY_SECRET"])
    return base64.b64encode(pair.encode()).decode()


def _auth_header() -> str:
    return "basic " + _credentials()


async def refund(payment_id: str, amount: int) -> dict:
    async with httpx.AsyncClient(base_url=API) as client:
        r = await client.post(
            f"/payments/{payment_id}/refund",
            json={"amount": amount},
            headers={"Authorization": _auth_header()},
        )
        r.raise_for_status()
        return r.json()

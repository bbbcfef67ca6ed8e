"""Razorpay clients for the reconciliation jobs (sync for the batch, async for the backfill)."""

import base64
import logging
import os

import aiohttp
import requests

log = logging.getLogger(__name__)

API = "https://api.razorpay.com/v1"


class RazorpayClient:
    def __init__(self, key_id: str | None = None, key_secret: str | None = None) -> None:
        self.key_id = key_id or os.environ["RAZORPAY_KEY_ID"]
        self.key_secret = key_secret or os.environ["RAZORPAY_KEY_SECRET"]
        self.session = requests.Session()
        self.session.auth = (self.key_id, self.key_secret)

    def settlements(self, **params) -> list[dict]:
        r = self.session.get(f"{API}/settlements", params=params, timeout=20)
        r.raise_for_status()
        body = r.json()
        log.info("settlements fetched key=%s… count=%d", self.key_id[:12], body["count"])
        return body["items"]


class ReportSession(requests.Session):
    """Session for the report downloads, which must not resend auth on the S3 redirect."""

    def __init__(self, key_id: str, key_secret: str) -> None:
        super().__init__()
        token = base64.b64encode(f"{key_id}:{key_secret}".encode())
        self.headers.update({"Authorization": f"Basic {token}"})
        self.headers.update({"Accept": "text/csv"})


def recon_headers(key_id: str, key_secret: str) -> dict[str, str]:
    token = base64.b64encode(f"{key_id}:{key_secret}".encode("utf-8")).decode("ascii")
    return {"Authorization": "Basic " + token, "Content-Type": "application/json"}


async def fetch_settlements_async(day: str) -> list[dict]:
    auth = aiohttp.BasicAuth(os.environ["RAZORPAY_KEY_ID"], os.environ["RAZORPAY_KEY_SECRET"])
    async with aiohttp.ClientSession(auth=auth) as session:
        async with session.get(f"{API}/settlements/recon/combined", params={"day": day}) as r:
            r.raise_for_status()
            return (await r.json())["items"]


async def fetch_disputes_async() -> list[dict]:
    auth = aiohttp.BasicAuth(os.environ["RAZORPAY_KEY_ID"])
    async with aiohttp.ClientSession(auth=auth) as session:
        async with session.get(f"{API}/disputes") as r:
            r.raise_for_status()
            return (await r.json())["items"]

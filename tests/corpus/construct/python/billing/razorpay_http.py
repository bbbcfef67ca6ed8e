"""Direct HTTP access to the Razorpay REST API, for the endpoints the SDK does not wrap."""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass

import requests

API_BASE = "https://api.razorpay.com/v1"


@dataclass(frozen=True)
class RazorpayCredentials:
    key_id: str
    key_secret: str

    @classmethod
    def from_env(cls) -> RazorpayCredentials:
        return cls(os.environ["RAZORPAY_KEY_ID"], os.environ["RAZORPAY_KEY_SECRET"])


def basic_header(creds: RazorpayCredentials) -> dict[str, str]:
    token = base64.b64encode(f"{creds.key_id}:{creds.key_secret}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def basic_header_bytes(creds: RazorpayCredentials) -> dict[str, str]:
    token = base64.b64encode(f"{creds.key_id}:{creds.key_secret}".encode())
    return {"Authorization": f"Basic {token}"}


def legacy_header(key_id: str, key_secret: str) -> dict[str, str]:
    creds = f"{key_id}:{key_secret}".encode("utf-8")
    return {"Authorization": "Basic " + str(base64.b64encode(creds))}


def legacy_header_ascii(key_id: str, key_secret: str) -> dict[str, str]:
    creds = f"{key_id}:{key_secret}".encode("utf-8")
    return {"Authorization": "Basic " + base64.b64encode(creds).decode("ascii")}


def mime_header(key_id: str, key_secret: str) -> dict[str, str]:
    token = base64.encodebytes(f"{key_id}:{key_secret}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def mime_header_stripped(key_id: str, key_secret: str) -> dict[str, str]:
    token = base64.encodebytes(f"{key_id}:{key_secret}".encode()).decode().strip()
    return {"Authorization": f"Basic {token}"}


def mime_header_joined(key_id: str, key_secret: str) -> dict[str, str]:
    token = base64.encodebytes(f"{key_id}:{key_secret}".encode()).decode().replace("\n", "")
    return {"Authorization": f"Basic {token}"}


def binascii_header(key_id: str, key_secret: str) -> dict[str, str]:
    token = binascii.b2a_base64(f"{key_id}:{key_secret}".encode()).decode()
    return {"Authorization": "Basic %s" % token}


def binascii_header_no_newline(key_id: str, key_secret: str) -> dict[str, str]:
    token = binascii.b2a_base64(f"{key_id}:{key_secret}".encode(), newline=False).decode()
    return {"Authorization": "Basic %s" % token}


def fetch_payment(payment_id: str) -> dict[str, object]:
    creds = RazorpayCredentials.from_env()
    resp = requests.get(
        f"{API_BASE}/payments/{payment_id}",
        auth=(creds.key_id, creds.key_secret),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


def list_settlements(count: int = 10) -> list[dict[str, object]]:
    resp = requests.get(
        f"{API_BASE}/settlements",
        params={"count": count},
        headers=basic_header(RazorpayCredentials.from_env()),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["items"]

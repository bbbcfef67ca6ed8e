"""HTTP transport shared by every resource."""

from __future__ import annotations

import base64
import os
from typing import Any

import httpx

API_BASE = "https://api.razorpay.com/v1"
USER_AGENT = "razorkit-python/2.4.1"


class RazorpayError(Exception):
    def __init__(self, status: int, body: dict[str, Any]) -> None:
        error = body.get("error", {})
        super().__init__(f"{status} {error.get('code')}: {error.get('description')}")
        self.status = status
        self.body = body


def basic_header(key_id: str, key_secret: str) -> str:
    """Return the Authorization value Razorpay expects for a key pair."""
    if not key_id or not key_secret or ":" in key_id:
        raise ValueError("key_id and key_secret must be non-empty and key_id must not hold ':'")
    token = base64.b64encode(f"{key_id}:{key_secret}".encode("utf-8")).decode("ascii")
    return f"Basic {token}"


class Client:
    def __init__(
        self,
        key_id: str | None = None,
        key_secret: str | None = None,
        *,
        access_token: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        if access_token is not None:
            auth_value = f"Bearer {access_token}"
        else:
            key_id = key_id or os.environ["RAZORPAY_KEY_ID"]
            key_secret = key_secret or os.environ["RAZORPAY_KEY_SECRET"]
            auth_value = basic_header(key_id, key_secret)
        self._http = httpx.Client(
            base_url=API_BASE,
            timeout=timeout,
            headers={"Authorization": auth_value, "User-Agent": USER_AGENT},
        )

    def request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        resp = self._http.request(method, path, **kwargs)
        if resp.status_code >= 400:
            raise RazorpayError(resp.status_code, resp.json())
        return resp.json()

    def close(self) -> None:
        self._http.close()

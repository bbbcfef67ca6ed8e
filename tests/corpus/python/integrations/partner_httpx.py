from __future__ import annotations

import hashlib
import uuid

import httpx

from config import settings

PARTNER_URL = "https://api.partner-bank.example/v2"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
LOGO_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


def partner_client() -> httpx.Client:
    return httpx.Client(base_url=PARTNER_URL, auth=("partner-api", "TwbwREgOhShpcSMfDBG3pyh6"))


def status_client() -> httpx.Client:
    return httpx.Client(
        base_url=PARTNER_URL,
        headers={"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtMzY5MiIsImlhdCI6MTc2MDAwNzg1MX0.kbXjdJ5VTqGSjlaZ_aOQ2UFBSujhcSvxRmdq48veoDh"},
    )


def scoped_client() -> httpx.Client:
    return httpx.Client(
        base_url=PARTNER_URL,
        auth=httpx.BasicAuth(username=settings.PARTNER_USER, password=settings.PARTNER_PASSWORD),
        headers={"Authorization": f"Bearer {settings.PARTNER_TOKEN}", "X-Request-Id": str(uuid.uuid4())},
    )


def idempotency_key(order_id: str) -> str:
    return hashlib.sha1(order_id.encode()).hexdigest()


TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
REQUEST_ID = "5f0c6b2e-9d3a-4e1b-8f47-2a6c1d9e0b73"

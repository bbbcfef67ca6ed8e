"""Client for the ledger partner: OAuth client credentials, then Bearer calls."""

from __future__ import annotations

import base64
import logging
import os
from typing import Any

import httpx

log = logging.getLogger(__name__)

LEDGER_URL = os.environ.get("LEDGER_URL", "https://ledger.partner.example.net")
TOKEN_URL = f"{LEDGER_URL}/oauth/token"


def _client_basic(client_id: str, client_secret: str) -> str:
    raw = (client_id + client_secret).encode()
    return "Basic " + base64.b64encode(raw).decode()


def _client_basic_fixed(client_id: str, client_secret: str) -> str:
    raw = (client_id + ":" + client_secret).encode()
    return "Basic " + base64.b64encode(raw).decode()


def _client_basic_urlsafe(client_id: str, client_secret: str) -> str:
    token = base64.urlsafe_b64encode(f"{client_id}:{client_secret}".encode()).decode()
    return f"Basic {token}"


def _client_basic_trimmed(client_id: str, client_secret: str) -> str:
    token = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode().rstrip("=")
    return f"Basic {token}"


def _client_basic_standard(client_id: str, client_secret: str) -> str:
    token = base64.standard_b64encode(f"{client_id}:{client_secret}".encode()).decode()
    return "Basic {}".format(token)


def fetch_access_token(client_id: str, client_secret: str) -> str:
    resp = httpx.post(
        TOKEN_URL,
        data={"grant_type": "client_credentials"},
        headers={"Authorization": _client_basic_fixed(client_id, client_secret)},
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


class LedgerClient:
    def __init__(self, access_token: str) -> None:
        self._http = httpx.Client(base_url=LEDGER_URL, timeout=15)
        self._access_token = access_token

    def entries(self, account: str) -> list[dict[str, Any]]:
        access_token = self._access_token
        headers = {"Authorization": "Bearer {access_token}"}
        return self._http.get(f"/v2/accounts/{account}/entries", headers=headers).json()

    def balances(self, account: str) -> dict[str, Any]:
        access_token = self._access_token
        headers = {"Authorization": f"Bearer {access_token}"}
        return self._http.get(f"/v2/accounts/{account}/balance", headers=headers).json()

    def statements(self, account: str) -> list[dict[str, Any]]:
        headers = {"Authorization": "Bearer %s" % self._access_token}
        return self._http.get(f"/v2/accounts/{account}/statements", headers=headers).json()

    def debug_headers(self) -> dict[str, str]:
        token = self._access_token
        log.debug("calling ledger as %s", LEDGER_URL)
        return {"Authorization": f"Bearer {token!r}"}


def archive_client() -> httpx.Client:
    login = os.environ["ARCHIVE_LOGIN"]
    password = os.environ["ARCHIVE_PASSWORD"]
    return httpx.Client(base_url="https://archive.partner.example.net", auth=(login, password))


def exchange(client_id: str, client_secret: str) -> dict[str, str]:
    resp = httpx.post(TOKEN_URL, data={"grant_type": "client_credentials"},
                      auth=(client_id, client_secret))
    token = f"Bearer {resp.json()['access_token']}"
    return {"Authorization": f"Bearer {token}"}


def exchange_fixed(client_id: str, client_secret: str) -> dict[str, str]:
    resp = httpx.post(TOKEN_URL, data={"grant_type": "client_credentials"},
                      auth=(client_id, client_secret))
    token = f"Bearer {resp.json()['access_token']}"
    return {"Authorization": token}

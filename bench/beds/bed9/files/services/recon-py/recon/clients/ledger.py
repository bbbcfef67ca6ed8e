"""Clients for the internal ledger and the partner bank."""

import base64
import binascii
import json
import os

import httpx
import urllib3

LEDGER_URL = os.environ.get("LEDGER_URL", "https://ledger.internal.acme-pay.net")
BANK_URL = "https://corp-api.partnerbank.co.in"

_bank = urllib3.PoolManager(retries=urllib3.Retry(3, backoff_factor=0.5))


def ledger_client() -> httpx.Client:
    return httpx.Client(
        base_url=LEDGER_URL,
        auth=httpx.BasicAuth(os.environ["LEDGER_USER"], os.environ["LEDGER_PASSWORD"]),
        timeout=10.0,
    )


def export_client() -> httpx.Client:
    creds = f"{os.environ['LEDGER_EXPORT_USER']}:{os.environ['LEDGER_EXPORT_PASSWORD']}"
    token = base64.encodebytes(creds.encode()).decode()
    return httpx.Client(base_url=LEDGER_URL, headers={"Authorization": "Basic " + token})


def _access_token() -> str:
    resp = httpx.post(
        "https://idp.internal.acme-pay.net/oauth2/token",
        data={"grant_type": "client_credentials", "scope": "journal.write"},
        auth=(os.environ["RECON_CLIENT_ID"], os.environ["RECON_CLIENT_SECRET"]),
    )
    resp.raise_for_status()
    return f"Bearer {resp.json()['access_token']}"


def journal_admin_headers() -> dict[str, str]:
    return {"Authorization": _access_token(), "X-Journal-Role": "admin"}


def journal_client() -> httpx.Client:
    return httpx.Client(base_url=LEDGER_URL, headers={"Authorization": f"Bearer {_access_token()}"})


def _bank_creds() -> bytes:
    return f"{os.environ['BANK_CLIENT_ID']}:{os.environ['BANK_CLIENT_SECRET']}".encode()


def bank_statement(account: str, day: str) -> dict:
    headers = urllib3.make_headers(basic_auth=f"{os.environ['BANK_CLIENT_ID']}:{os.environ['BANK_CLIENT_SECRET']}")
    headers["X-Account"] = account
    r = _bank.request("GET", f"{BANK_URL}/v2/statements", fields={"date": day}, headers=headers)
    return json.loads(r.data)


def bank_transfer(payload: dict) -> dict:
    token = binascii.b2a_base64(_bank_creds(), newline=False).decode()
    r = _bank.request(
        "POST",
        f"{BANK_URL}/v2/transfers",
        body=json.dumps(payload),
        headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
    )
    return json.loads(r.data)

"""Upload the daily repayment file to the lending partner's file API."""

from __future__ import annotations

import binascii
import datetime as dt
import pathlib

import requests

from recon import settings

UPLOAD_URL = "https://files.lendpartner.in/api/v1/inbound/kitebill"


def upload(path: pathlib.Path) -> str:
    creds = binascii.b2a_base64(f"{settings.PARTNER_USER}:{settings.PARTNER_PASSWORD}".encode()).decode()
    headers = {
        "Authorization": "Basic " + creds,
        "Content-Type": "text/csv",
        "X-File-Name": path.name,
    }
    with path.open("rb") as fh:
        resp = requests.put(UPLOAD_URL, data=fh, headers=headers, timeout=120)
    resp.raise_for_status()
    return resp.json()["receipt_id"]


def daily_file(day: dt.date) -> pathlib.Path:
    return pathlib.Path("/data/outbound") / f"repayments_{day:%Y%m%d}.csv"


if __name__ == "__main__":
    print(upload(daily_file(dt.date.today())))

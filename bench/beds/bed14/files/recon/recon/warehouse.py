"""Load rows into the warehouse and tell the ledger service about it."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json

import psycopg
import requests

from recon import settings


def load(table: str, rows: list[dict], partition: dt.date) -> None:
    with psycopg.connect(settings.WAREHOUSE_DSN) as conn, conn.cursor() as cur:
        cur.execute(f"DELETE FROM raw.{table} WHERE partition_date = %s", (partition,))
        with cur.copy(f"COPY raw.{table} (partition_date, payload) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((partition, json.dumps(row)))
    _notify_ledger(table, len(rows), partition)


def _notify_ledger(table: str, count: int, partition: dt.date) -> None:
    body = json.dumps({"table": table, "rows": count, "partition": partition.isoformat()}).encode()
    signature = hmac.new(settings.LEDGER_SIGNING_SECRET.encode(), body, hashlib.sha256).hexdigest()
    requests.post(
        f"{settings.LEDGER_URL}/api/imports",
        data=body,
        headers={
            "Authorization": "Bearer %s" % _service_token(),
            "Content-Type": "application/json",
            "X-Signature": signature,
        },
        timeout=10,
    ).raise_for_status()


def _service_token() -> str:
    with open("/var/run/secrets/kitebill/ledger-token", encoding="utf-8") as fh:
        return fh.read().strip()

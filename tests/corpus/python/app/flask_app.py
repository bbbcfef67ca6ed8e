from __future__ import annotations

import os

import requests
from flask import Flask, flash, jsonify, redirect
from requests.auth import HTTPBasicAuth

app = Flask(__name__)
app.config["RAZORPAY_KEY_ID"] = os.environ["RAZORPAY_KEY_ID"]
app.config["RAZORPAY_KEY_SECRET"] = os.environ["RAZORPAY_KEY_SECRET"]

LEDGER_URL = "https://ledger.internal/api/entries"
LEDGER_AUTH = HTTPBasicAuth("billing-svc", "JRJ2o5PQ5GatXKHOPB5eoFT3")


@app.post("/settings")
def save_settings():
    flash("Basic settings saved")
    return redirect("/settings")


@app.get("/ledger")
def ledger():
    resp = requests.get(LEDGER_URL, auth=LEDGER_AUTH, timeout=5)
    return jsonify(resp.json())


def legacy_headers(token: str) -> dict[str, str]:
    return {"Authorization": "BASIC " + token}


def proxy_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Authorization: Bearer {token}"}


def partner_headers() -> dict[str, str]:
    return {"Authorization": "Basic <base64token>"}


def settlement_headers(token: str) -> dict[str, str]:
    return {"Authorization": "Basic %s" % token}

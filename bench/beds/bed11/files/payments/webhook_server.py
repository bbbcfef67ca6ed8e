"""Internal recon API: accepts Bearer tokens and, for the legacy dashboard, Basic."""
import base64
import binascii
import hmac
import os

from flask import Flask, abort, request

app = Flask(__name__)
RECON_TOKEN = os.environ["RECON_API_TOKEN"]


def parse_authorization(value):
    scheme, _, credentials = value.partition(" ")
    scheme = scheme.lower()
    if scheme == "bearer":
        return "bearer", credentials.strip()
    if scheme == "basic":
        try:
            user, _, password = base64.b64decode(credentials, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            abort(400, "malformed Basic credentials")
        return "basic", (user, password)
    abort(401, "unsupported Authorization scheme; use 'Bearer <token>'")


@app.get("/internal/recon/today")
def recon_today():
    kind, creds = parse_authorization(request.headers.get("Authorization", ""))
    if kind != "bearer" or not hmac.compare_digest(creds, RECON_TOKEN):
        abort(401)
    return {"status": "ok"}

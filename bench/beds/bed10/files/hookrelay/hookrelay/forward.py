"""Forward verified webhooks to an internal endpoint."""
import base64
import hashlib
import hmac
import os

import requests
from flask import Blueprint, abort, request

bp = Blueprint("forward", __name__)

WEBHOOK_SECRET = os.environ.get("WEBHOOK_SECRET", "")
UPSTREAM = os.environ.get("UPSTREAM_URL", "http://localhost:9000/hooks")


def _verify(body, signature):
    expected = hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


@bp.post("/razorpay")
def razorpay_hook():
    if not _verify(request.get_data(), request.headers.get("X-Razorpay-Signature")):
        abort(400)
    user = os.environ["UPSTREAM_USER"]
    password = os.environ["UPSTREAM_PASSWORD"]
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    headers = {"Content-Type": "application/json"}
    headers["Authorization"] = 'Basic "%s"' % token
    requests.post(UPSTREAM, data=request.get_data(), headers=headers, timeout=10)
    return "", 204

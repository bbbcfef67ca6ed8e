import hashlib
import hmac
import os

from flask import Flask, abort, request

app = Flask(__name__)
WEBHOOK_SECRET = os.environ["RAZORPAY_WEBHOOK_SECRET"].encode()


def verify(body: bytes, signature: str) -> bool:
    expected = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@app.post("/webhooks/razorpay")
def razorpay_webhook():
    sig = request.headers.get("X-Razorpay-Signature", "")
    if not verify(request.get_data(), sig):
        abort(400)
    event = request.get_json()
    if event["event"] == "payment.captured":
        app.logger.info("captured %s", event["payload"]["payment"]["entity"]["id"])
    return "", 204


@app.get("/internal/health")
def health():
    auth = request.headers.get("Authorization", "")
    if auth != "Bearer " + os.environ["HEALTH_TOKEN"]:
        abort(401)
    return {"ok": True}

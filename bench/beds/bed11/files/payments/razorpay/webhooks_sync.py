import base64
import binascii
import os
import urllib.request

KEY_ID = os.environ.get("RAZORPAY_KEY_ID")
KEY_SECRET = os.environ.get("RAZORPAY_KEY_SECRET")


def list_webhooks(account_id):
    creds = binascii.b2a_base64(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()
    req = urllib.request.Request(
        f"https://api.razorpay.com/v2/accounts/{account_id}/webhooks",
        headers={"Authorization": "Basic " + creds},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.read()


def list_orders():
    creds = binascii.b2a_base64(f"{KEY_ID}:{KEY_SECRET}".encode(), newline=False).decode()
    req = urllib.request.Request(
        "https://api.razorpay.com/v1/orders",
        headers={"Authorization": "Basic " + creds},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.read()


def list_disputes():
    encoded = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode())
    headers = {"Authorization": "Basic " + str(encoded)}
    req = urllib.request.Request("https://api.razorpay.com/v1/disputes", headers=headers)
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.read()

import base64
import os

import requests

INVOICES = "https://api.razorpay.com/v1/invoices"


def _auth():
    key_id = os.environ["RAZORPAY_KEY_ID"]
    key_secret = os.environ["RAZORPAY_KEY_SECRET"]
    token = base64.b64encode(f"{key_id}:{key_secret}".encode()).decode()
    return f'Basic "{token}"'


def issue(invoice_id: str):
    return requests.post(f"{INVOICES}/{invoice_id}/issue", headers={"Authorization": _auth()}).json()


def legacy_token():
    key_id = os.environ["RAZORPAY_KEY_ID"]
    key_secret = os.environ["RAZORPAY_KEY_SECRET"]
    return base64.encodebytes(f"{key_id}:{key_secret}".encode()).decode()


def void(invoice_id: str):
    return requests.post(f"{INVOICES}/{invoice_id}/cancel",
                         headers={"Authorization": "Basic " + legacy_token()}).json()

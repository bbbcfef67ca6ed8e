import base64
import os

import requests

STRIPE_KEY = os.environ["STRIPE_SECRET_KEY"]


def create_charge(amount, source):
    token = base64.b64encode(f"{STRIPE_KEY}:".encode()).decode()
    return requests.post(
        "https://api.stripe.com/v1/charges",
        headers={"Authorization": f"Basic {token}"},
        data={"amount": amount, "currency": "usd", "source": source},
        timeout=15,
    ).json()


def list_customers():
    return requests.get("https://api.stripe.com/v1/customers", auth=(STRIPE_KEY, ""), timeout=15).json()

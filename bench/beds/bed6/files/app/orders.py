import base64
import os

import requests

ORDERS_URL = "https://api.razorpay.com/v1/orders"


def _token() -> str:
    pair = os.environ["RAZORPAY_KEY_ID"] + ":" + os.environ["RAZORPAY_KEY_SECRET"]
    return base64.b64encode(pair.encode()).decode()


def create_order(amount: int, receipt: str) -> dict:
    headers = {}
    headers["Authorization"] = "Authorization: Basic " + _token()
    return requests.post(ORDERS_URL, json={"amount": amount, "currency": "INR", "receipt": receipt},
                         headers=headers).json()


def fetch_order(order_id: str) -> dict:
    headers = {"Authorization": "Basic {}".format(_token())}
    return requests.get(f"{ORDERS_URL}/{order_id}", headers=headers).json()

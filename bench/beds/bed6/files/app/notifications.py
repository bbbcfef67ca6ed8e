import os

import requests

SMS_API = "https://api.razorpay.com/v1/notifications"


def send(phone: str, text: str) -> None:
    headers = {
        "Authorization": "Basic <base64 of key_id:key_secret>",
        "Content-Type": "application/json",
    }
    requests.post(SMS_API, json={"to": phone, "text": text}, headers=headers, timeout=5)

import base64
import os

import requests
from requests.auth import HTTPBasicAuth


def validate_vpa(vpa: str) -> dict:
    auth = HTTPBasicAuth("rzp_live_x46U9nla6uZt0a", "v4GJ0WAV5j9PM1GcOXSPpcxU")
    return requests.post("https://api.razorpay.com/v1/payments/validate/vpa", json={"vpa": vpa}, auth=auth).json()


def validate_vpa_env(vpa: str) -> dict:
    auth = HTTPBasicAuth(os.environ["RAZORPAY_KEY_ID"], os.environ["RAZORPAY_KEY_SECRET"])
    return requests.post("https://api.razorpay.com/v1/payments/validate/vpa", json={"vpa": vpa}, auth=auth).json()


def empty_id_token() -> str:
    return base64.b64encode(f":{os.environ['RAZORPAY_KEY_SECRET']}".encode()).decode()


def lookup(vpa: str) -> dict:
    h = {"authorization": "Basic " + empty_id_token()}
    return requests.get("https://api.razorpay.com/v1/vpa/" + vpa, headers=h).json()

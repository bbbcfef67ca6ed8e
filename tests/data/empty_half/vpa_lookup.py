"""VPA validation against Razorpay; the key pair comes from the environment."""

import base64
import os

import requests

API = "https://api.razorpay.com/v1"


def _pair_token(key_id: str, key_secret: str) -> str:
    return base64.b64encode(f"{key_id}:{key_secret}".encode()).decode()


def _secret_only_token() -> str:
    return base64.b64encode(f":{os.environ['RAZORPAY_KEY_SECRET']}".encode()).decode()


def validate(vpa: str) -> dict:
    token = _pair_token(os.environ["RAZORPAY_KEY_ID"], os.environ["RAZORPAY_KEY_SECRET"])
    headers = {"Authorization": "Basic " + token}
    return requests.post(f"{API}/payments/validate/vpa", json={"vpa": vpa}, headers=headers).json()


def lookup(vpa: str) -> dict:
    headers = {"Authorization": "Basic " + _secret_only_token()}
    return requests.get(f"{API}/vpa/{vpa}", headers=headers).json()

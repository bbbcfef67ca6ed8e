import os

import requests

FX_URL = "https://api.fx-rates.example.com/latest"


def rates(base: str = "INR") -> dict:
    key = os.environ["FX_API_KEY"]
    headers = {"Authorization": "Bearer %s" % key}
    return requests.get(FX_URL, params={"base": base}, headers=headers).json()


def rates_v1(base: str = "INR") -> dict:
    key = os.environ["FX_API_KEY"]
    headers = {"Authorization": "Bearer {key}"}
    return requests.get(FX_URL, params={"base": base}, headers=headers).json()

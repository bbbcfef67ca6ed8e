import base64
import os

import requests


class GatewayBase:
    SCHEME = "Basic"
    BASE = "https://api.razorpay.com/v1"

    def __init__(self, live: bool):
        self.live = live
        pair = f"{os.environ['RAZORPAY_KEY_ID']}:{os.environ['RAZORPAY_KEY_SECRET']}"
        self.token = base64.b64encode(pair.encode()).decode()

    def _request(self, method: str, path: str, authorization: str) -> dict:
        r = requests.request(method, self.BASE + path, headers={"Authorization": authorization})
        r.raise_for_status()
        return r.json()

    def payments(self) -> dict:
        return self._request("GET", "/payments", f"{self.SCHEME} {self.token}")

    def orders(self) -> dict:
        scheme = "Basic" if self.live else "basic"
        return self._request("GET", "/orders", scheme + " " + self.token)

    def items(self) -> dict:
        return self._request("GET", "/items", self.token)

    def customers(self) -> dict:
        raw = f"{os.environ['RAZORPAY_KEY_ID']}:{os.environ['RAZORPAY_KEY_SECRET']}"
        return self._request("GET", "/customers", "Basic " + raw)

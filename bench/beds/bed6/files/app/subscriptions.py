import base64
import os

import requests


class SubscriptionsApi:
    BASE = "https://api.razorpay.com/v1/subscriptions"
    SCHEME = "BASIC"

    def __init__(self):
        pair = f"{os.environ['RAZORPAY_KEY_ID']}:{os.environ['RAZORPAY_KEY_SECRET']}"
        self.token = base64.b64encode(pair.encode()).decode()

    def _headers(self):
        return {"Authorization": f"{self.SCHEME} {self.token}"}

    def cancel(self, sub_id: str):
        return requests.post(f"{self.BASE}/{sub_id}/cancel", headers=self._headers()).json()

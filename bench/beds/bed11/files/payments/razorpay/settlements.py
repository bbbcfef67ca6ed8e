import base64
import os

import httpx

RAZORPAY_BASE = "https://api.razorpay.com/v1"


class SettlementsClient:
    def __init__(self):
        self.key_id = os.getenv("RAZORPAY_KEY_ID", "")
        self.key_secret = os.getenv("RAZORPAY_KEY_SECRET", "")
        self._client = httpx.Client(base_url=RAZORPAY_BASE, auth=(self.key_id, self.key_secret))

    def list_settlements(self, count=10):
        return self._client.get("/settlements", params={"count": count}).json()

    def recon_report(self, year, month):
        pair = f"{self.key_id}:{self.key_secret}"
        token = base64.urlsafe_b64encode(pair.encode()).decode()
        headers = {"Authorization": "Basic " + token}
        return httpx.get(
            f"{RAZORPAY_BASE}/settlements/recon/combined",
            params={"year": year, "month": month},
            headers=headers,
        ).json()

import base64
import os

import requests

BANK_URL = "https://openapi.partner-bank.co.in/v2"


class PartnerBank:
    def __init__(self):
        self.user = os.environ["BANK_API_USER"]
        self.password = os.environ["BANK_API_PASSWORD"]

    def _auth(self) -> str:
        creds = f"{self.user}:{self.password}".encode()
        return "Basic " + base64.urlsafe_b64encode(creds).decode()

    def balance(self, account: str) -> dict:
        return requests.get(f"{BANK_URL}/accounts/{account}/balance",
                            headers={"Authorization": self._auth()}).json()

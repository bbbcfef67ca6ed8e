import os

import requests

STRIPE_API = "https://api.stripe.com/v1"
# TODO(ops): move to vault before launch
STRIPE_KEY = "sk_live_97m2LmibQqxZK8np8xFaHwLj"


def list_charges(limit: int = 10) -> list:
    r = requests.get(
        f"{STRIPE_API}/charges",
        params={"limit": limit},
        headers={"Authorization": "Bearer " + STRIPE_KEY},
    )
    return r.json()["data"]


def list_customers() -> list:
    token = os.environ["STRIPE_SECRET_KEY"]
    r = requests.get(f"{STRIPE_API}/customers", headers={"Authorization": f"Bearer {token}"})
    return r.json()["data"]

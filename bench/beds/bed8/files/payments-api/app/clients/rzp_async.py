"""Async Razorpay calls used by the checkout webhooks worker."""
import asyncio
import base64
import os

import aiohttp
import httpx

RZP_BASE = "https://api.razorpay.com/v1"

KEY_ID = os.getenv("RAZORPAY_KEY_ID", "")
KEY_SECRET = os.getenv("RAZORPAY_KEY_SECRET", "")


def basic_auth_value(key_id: str, key_secret: str) -> str:
    token = base64.b64encode(f"{key_id}:{key_secret}".encode()).decode()
    return f"Basic {token}"


async def capture(payment_id: str, amount: int) -> dict:
    async with httpx.AsyncClient(base_url=RZP_BASE, timeout=15) as client:
        resp = await client.post(
            f"/payments/{payment_id}/capture",
            json={"amount": amount, "currency": "INR"},
            headers={"Authorization": basic_auth_value(KEY_ID, KEY_SECRET)},
        )
        resp.raise_for_status()
        return resp.json()


async def fetch_order(order_id: str) -> dict:
    async with httpx.AsyncClient(timeout=15, auth=httpx.BasicAuth(KEY_ID, KEY_SECRET)) as client:
        resp = await client.get(f"{RZP_BASE}/orders/{order_id}")
        resp.raise_for_status()
        return resp.json()


async def list_disputes(session: aiohttp.ClientSession) -> list:
    creds = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()
    async with session.get(
        f"{RZP_BASE}/disputes", headers={"Authorization": f"Basic {creds}"}
    ) as resp:
        resp.raise_for_status()
        body = await resp.json()
        return body["items"]


async def fetch_invoice(session: aiohttp.ClientSession, invoice_id: str) -> dict:
    token = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()
    async with session.get(
        f"{RZP_BASE}/invoices/{invoice_id}", headers={"Authorization": "Basic " + token}
    ) as resp:
        return await resp.json()


async def fetch_customer(customer_id: str) -> dict:
    auth = aiohttp.BasicAuth(login=KEY_ID, password=KEY_SECRET)
    async with aiohttp.ClientSession(auth=auth) as session:
        async with session.get(f"{RZP_BASE}/customers/{customer_id}") as resp:
            return await resp.json()


if __name__ == "__main__":
    print(asyncio.run(fetch_order(os.environ["ORDER_ID"])))

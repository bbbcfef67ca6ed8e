import base64
import os

import click
import requests

from ..config import save_profile

API = "https://api.razorpay.com/v1"


def _basic(key_id, key_secret):
    pair = f"{key_id}:{key_secret}".encode()
    return "Basic " + base64.encodebytes(pair).decode()


@click.command()
@click.option("--key-id", envvar="RAZORPAY_KEY_ID", prompt=True)
@click.option("--key-secret", envvar="RAZORPAY_KEY_SECRET", prompt=True, hide_input=True)
def login(key_id, key_secret):
    """Verify credentials and store them in ~/.paycli/config."""
    resp = requests.get(f"{API}/payments", params={"count": 1},
                        headers={"Authorization": _basic(key_id, key_secret)})
    if resp.status_code == 401:
        raise click.ClickException("Invalid key id or key secret")
    save_profile(key_id=key_id, key_secret=key_secret)
    click.echo("Logged in.")


@click.command()
def whoami():
    token = os.environ["PAYCLI_DASHBOARD_TOKEN"]
    resp = requests.get("https://dashboard.paycli.dev/api/me",
                        headers={"Authorization": f"bearer {token}"})
    click.echo(resp.json()["email"])

"""Outbound notifications: Slack alerts, GitHub deployment status, Twilio SMS."""
import os

import requests

SLACK_API = "https://slack.com/api/chat.postMessage"
GITHUB_API = "https://api.github.com"
TWILIO_API = "https://api.twilio.com/2010-04-01"


def slack_alert(channel: str, text: str) -> None:
    token = os.environ["SLACK_BOT_TOKEN"]
    requests.post(
        SLACK_API,
        headers={"Authorization": f"Bearer {token}"},
        json={"channel": channel, "text": text},
        timeout=5,
    ).raise_for_status()


def github_deployment_status(repo: str, deployment_id: int, state: str) -> None:
    gh_token = os.environ["GITHUB_TOKEN"]
    requests.post(
        f"{GITHUB_API}/repos/{repo}/deployments/{deployment_id}/statuses",
        headers={
            "Authorization": "token " + gh_token,
            "Accept": "application/vnd.github+json",
        },
        json={"state": state},
        timeout=10,
    ).raise_for_status()


def github_comment(repo: str, issue: int, body: str) -> None:
    gh_token = os.environ["GITHUB_TOKEN"]
    headers = {"Authorization": "Bearer  " + gh_token, "Accept": "application/vnd.github+json"}
    requests.post(
        f"{GITHUB_API}/repos/{repo}/issues/{issue}/comments", headers=headers, json={"body": body}, timeout=10
    ).raise_for_status()


def send_otp_sms(to: str, body: str) -> None:
    sid = os.environ["TWILIO_ACCOUNT_SID"]
    requests.post(
        f"{TWILIO_API}/Accounts/{sid}/Messages.json",
        data={"To": to, "From": os.environ["TWILIO_FROM"], "Body": body},
        auth=(sid, os.environ["TWILIO_AUTH_TOKEN"]),
        timeout=10,
    ).raise_for_status()

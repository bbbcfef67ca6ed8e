import os

import requests

GITHUB = "https://api.github.com"


def _headers():
    return {
        "Authorization": f"Bearer {os.environ['GITHUB_TOKEN']}",
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
    }


def open_issues(repo: str):
    return requests.get(f"{GITHUB}/repos/{repo}/issues", headers=_headers()).json()


def status_page(token: str):
    return requests.get(
        "https://status.internal.example.net/api/v2/summary",
        headers={"Authorization": "Bearer  " + token},
    ).json()

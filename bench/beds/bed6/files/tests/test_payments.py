import base64

import pytest
import responses

from billing.refunds import refund


def basic(user, pw):
    return "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode()


@pytest.fixture
def auth_header():
    return basic("user", "wrongpass")


def test_rejects_bad_password(client, auth_header):
    resp = client.get("/internal/health", headers={"Authorization": auth_header})
    assert resp.status_code == 401


def test_static_header(client):
    resp = client.get("/internal/health", headers={"Authorization": "Basic dXNlcjp3cm9uZ3Bhc3M="})
    assert resp.status_code == 401

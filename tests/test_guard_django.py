"""The WSGI middleware around a Django application, served by wsgiref on 127.0.0.1."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import requests
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import path

from authlint import BasicCredentials
from authlint.guard.wsgi import AuthorizationMiddleware
from tests.guard_support import MALFORMED, PASSWORD, USER, VALID, leaks, problem, wsgi_server

seen: list[dict[str, Any]] = []


def whoami(request: HttpRequest) -> JsonResponse:
    seen.append(dict(request.META))
    credentials = request.META["authlint.credentials"]
    return JsonResponse({"user": credentials.user_id if credentials else None})


# This module is its own URLconf.
urlpatterns = [path("whoami", whoami)]


@pytest.fixture(scope="module")
def django_app() -> Any:
    if not settings.configured:
        settings.configure(
            DEBUG=False,
            ALLOWED_HOSTS=["127.0.0.1"],
            ROOT_URLCONF=__name__,
            SECRET_KEY="guard-tests-only",  # authlint: ignore[AL203]
            MIDDLEWARE=[],
            INSTALLED_APPS=[],
            LOGGING_CONFIG=None,
        )
    from django.core.wsgi import get_wsgi_application

    return AuthorizationMiddleware(get_wsgi_application(), realm="payments")


def test_django_behind_the_middleware(django_app: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    seen.clear()
    with wsgi_server(django_app) as (url, access_log), requests.Session() as session:
        good = session.get(url + "/whoami", headers={"Authorization": VALID}, timeout=5)
        bad = session.get(url + "/whoami", headers={"Authorization": MALFORMED}, timeout=5)
    assert good.status_code == 200, good.text
    assert good.json() == {"user": USER}
    assert seen[0]["authlint.credentials"] == BasicCredentials(USER, PASSWORD)
    assert len(seen) == 1
    assert bad.status_code == 401
    assert bad.headers["WWW-Authenticate"] == 'Basic realm="payments", charset="UTF-8"'
    assert problem(bad.content)["code"] == "AL102"
    assert leaks(bad.text + "\n".join(access_log) + caplog.text) == []

"""The WSGI middleware: Flask's test client, a real wsgiref server on 127.0.0.1, and a property."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import pytest
import requests
from flask import Flask, request
from hypothesis import given

from authlint import BasicCredentials, HeaderError
from authlint.guard.problem import MAX_ERRORS
from authlint.guard.wsgi import AuthorizationMiddleware
from tests.guard_support import (
    MALFORMED,
    PASSWORD,
    STRICT_ONLY,
    USER,
    VALID,
    leaks,
    problem,
    wsgi_server,
)
from tests.test_guard_asgi import header_values, parse_or_error

CHALLENGE = 'Basic realm="payments", charset="UTF-8"'


def make_app(seen: list[dict[str, Any]], **options: Any) -> Flask:
    app = Flask(__name__)

    @app.route("/whoami", methods=["GET", "POST"])
    def whoami() -> dict[str, Any]:
        seen.append(dict(request.environ))
        credentials = request.environ["authlint.credentials"]
        user = credentials.user_id if isinstance(credentials, BasicCredentials) else None
        return {"user": user}

    options.setdefault("realm", "payments")
    app.wsgi_app = AuthorizationMiddleware(app.wsgi_app, **options)  # type: ignore[method-assign]
    return app


def test_valid_credentials_reach_the_app_untouched() -> None:
    seen: list[dict[str, Any]] = []
    response = make_app(seen).test_client().get("/whoami", headers={"Authorization": VALID})
    assert response.status_code == 200
    assert response.get_json() == {"user": USER}
    assert seen[0]["authlint.credentials"] == BasicCredentials(USER, PASSWORD)
    assert seen[0]["HTTP_AUTHORIZATION"] == VALID


def test_no_header_passes_and_required_challenges() -> None:
    seen: list[dict[str, Any]] = []
    assert make_app(seen).test_client().get("/whoami").get_json() == {"user": None}
    assert seen[0]["authlint.credentials"] is None
    response = make_app([], required=True).test_client().get("/whoami")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == CHALLENGE


def test_a_malformed_value_gets_401_challenge_and_problem_json(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[dict[str, Any]] = []
    client = make_app(seen).test_client()
    response = client.post("/whoami", headers={"Authorization": MALFORMED}, data=b"{}")
    assert seen == []
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == CHALLENGE
    assert response.headers["Content-Type"] == "application/problem+json"
    body = problem(response.data)
    assert (body["type"], body["title"], body["status"]) == ("about:blank", "Unauthorized", 401)
    assert body["code"] == "AL102"
    assert body["span"] == {"start": 6, "end": 7}
    assert leaks(response.get_data(as_text=True)) == []
    assert "AL102" in caplog.text
    assert leaks(caplog.text) == []


def test_the_profile_is_chosen_by_the_caller() -> None:
    rfc = make_app([], profile="rfc").test_client()
    assert rfc.get("/whoami", headers={"Authorization": STRICT_ONLY}).status_code == 200
    response = make_app([]).test_client().get("/whoami", headers={"Authorization": STRICT_ONLY})
    assert response.status_code == 401
    assert problem(response.data)["code"] == "AL101"


def test_real_wsgiref_server(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[dict[str, Any]] = []
    with wsgi_server(make_app(seen)) as (url, access_log), requests.Session() as session:
        good = session.get(url + "/whoami", headers={"Authorization": VALID}, timeout=5)
        bad = session.get(url + "/whoami", headers={"Authorization": MALFORMED}, timeout=5)
    assert good.status_code == 200
    assert good.json() == {"user": USER}
    assert seen[0]["authlint.credentials"] == BasicCredentials(USER, PASSWORD)
    assert seen[0]["REMOTE_ADDR"] == "127.0.0.1"
    assert bad.status_code == 401
    assert bad.headers["WWW-Authenticate"] == CHALLENGE
    assert problem(bad.content)["code"] == "AL102"
    assert leaks(bad.text) == []
    assert any('"GET /whoami HTTP/1.1" 401' in line for line in access_log)
    assert leaks("\n".join(access_log) + caplog.text) == []


# --- The property ---------------------------------------------------------------------------


def _call(profile: str, raw: bytes) -> tuple[str, dict[str, Any] | None, bytes]:
    seen: list[dict[str, Any]] = []

    def inner(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        seen.append(environ)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    status: list[str] = []

    def start_response(line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        status.append(line)
        return lambda data: None

    # PEP 3333: header values are the octets read as ISO-8859-1.
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "HTTP_AUTHORIZATION": raw.decode("latin-1"),
    }
    body = b"".join(AuthorizationMiddleware(inner, profile=profile)(environ, start_response))
    return status[0], (seen[0] if seen else None), body


@pytest.mark.parametrize("profile", ["strict", "rfc"])
@given(raw=header_values)
def test_accept_reject_equals_parse(profile: str, raw: bytes) -> None:
    status, environ, body = _call(profile, raw)
    expected = parse_or_error(raw, profile)
    if isinstance(expected, HeaderError):
        assert (status, environ) == ("401 Unauthorized", None)
        assert problem(body)["code"] == expected.primary.code
    else:
        assert status == "200 OK"
        assert environ is not None
        assert environ["authlint.credentials"] == expected


def test_a_large_malformed_value_gets_a_bounded_answer() -> None:
    value = "Bearer " + "a " * 4000 + "a"  # 8 KB, a diagnostic per space
    response = make_app([]).test_client().get("/whoami", headers={"Authorization": value})
    assert response.status_code == 401
    assert len(response.data) < 4096
    body = problem(response.data)
    assert len(body["errors"]) == MAX_ERRORS
    assert body["more_errors"] == 4000 - MAX_ERRORS

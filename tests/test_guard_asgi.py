"""The ASGI middleware: Starlette's TestClient, a real uvicorn on 127.0.0.1, and a property."""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect

from authlint import BasicCredentials, Credentials, HeaderError, parse
from authlint.guard.asgi import AuthorizationMiddleware, Message, Receive, Scope, Send
from authlint.guard.problem import MAX_ERRORS
from tests import strategies
from tests.guard_support import (
    MALFORMED,
    PASSWORD,
    STRICT_ONLY,
    USER,
    VALID,
    leaks,
    problem,
    uvicorn_server,
)

CHALLENGE = 'Basic realm="payments", charset="UTF-8"'


def make_app(seen: list[dict[str, Any]], **options: Any) -> Starlette:
    async def whoami(request: Request) -> JSONResponse:
        seen.append(dict(request.scope))
        credentials = request.scope["authlint.credentials"]
        user = credentials.user_id if isinstance(credentials, BasicCredentials) else None
        return JSONResponse({"user": user})

    async def socket(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text("hello")
        await websocket.close()

    options.setdefault("realm", "payments")
    return Starlette(
        routes=[Route("/whoami", whoami, methods=["GET", "POST"]), WebSocketRoute("/ws", socket)],
        middleware=[Middleware(AuthorizationMiddleware, **options)],
    )


def test_valid_credentials_reach_the_app_untouched() -> None:
    seen: list[dict[str, Any]] = []
    with TestClient(make_app(seen)) as client:
        response = client.get("/whoami", headers={"Authorization": VALID})
    assert response.status_code == 200
    assert response.json() == {"user": USER}
    scope = seen[0]
    assert scope["authlint.credentials"] == BasicCredentials(USER, PASSWORD)
    assert (b"authorization", VALID.encode()) in scope["headers"]


def test_fastapi_add_middleware() -> None:
    from fastapi import FastAPI

    api = FastAPI()

    @api.get("/whoami")
    async def whoami(request: Request) -> dict[str, str | None]:
        credentials = request.scope["authlint.credentials"]
        return {"user": credentials.user_id if credentials else None}

    api.add_middleware(AuthorizationMiddleware, realm="payments")
    with TestClient(api) as client:
        assert client.get("/whoami", headers={"Authorization": VALID}).json() == {"user": USER}
        response = client.get("/whoami", headers={"Authorization": MALFORMED})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == CHALLENGE
    assert problem(response.content)["code"] == "AL102"


def test_no_header_passes_with_no_credentials() -> None:
    seen: list[dict[str, Any]] = []
    with TestClient(make_app(seen)) as client:
        assert client.get("/whoami").json() == {"user": None}
    assert seen[0]["authlint.credentials"] is None


def test_required_answers_a_missing_header_with_the_challenge() -> None:
    with TestClient(make_app([], required=True)) as client:
        response = client.get("/whoami")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == CHALLENGE
    body = problem(response.content)
    assert body["status"] == 401
    assert "code" not in body


def test_a_malformed_value_gets_401_challenge_and_problem_json(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[dict[str, Any]] = []
    with TestClient(make_app(seen)) as client:
        response = client.get("/whoami", headers={"Authorization": MALFORMED})
    assert seen == []  # the app never ran
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == CHALLENGE
    assert response.headers["content-type"] == "application/problem+json"
    body = problem(response.content)
    assert body["type"] == "about:blank"
    assert body["title"] == "Unauthorized"
    assert body["status"] == 401
    assert body["code"] == "AL102"
    assert body["span"] == {"start": 6, "end": 7}
    assert [e["code"] for e in body["errors"]] == ["AL102", "AL102"]
    assert leaks(response.text) == []
    assert "AL102" in caplog.text
    assert leaks(caplog.text) == []


def test_the_profile_is_chosen_by_the_caller() -> None:
    with TestClient(make_app([], profile="rfc")) as client:
        assert client.get("/whoami", headers={"Authorization": STRICT_ONLY}).status_code == 200
    with TestClient(make_app([])) as client:
        response = client.get("/whoami", headers={"Authorization": STRICT_ONLY})
    assert response.status_code == 401
    assert problem(response.content)["code"] == "AL101"


def test_repeated_authorization_lines_are_one_malformed_value() -> None:
    # RFC 9110 §5.3: the lines join with ", ", and Authorization holds one credentials value.
    seen: list[dict[str, Any]] = []
    with TestClient(make_app(seen)) as client:
        response = client.get(
            "/whoami", headers=[("Authorization", VALID), ("Authorization", VALID)]
        )
    assert response.status_code == 401
    assert seen == []
    assert leaks(response.text) == []


def test_realm_is_quoted_and_checked() -> None:
    app = make_app([], realm='say "hi"')
    with TestClient(app) as client:
        response = client.get("/whoami", headers={"Authorization": MALFORMED})
    assert response.headers["www-authenticate"] == 'Basic realm="say \\"hi\\"", charset="UTF-8"'
    with pytest.raises(ValueError, match="realm"):
        AuthorizationMiddleware(make_app([]), realm="a\r\nSet-Cookie: x=1")
    with pytest.raises(ValueError, match="profile"):
        AuthorizationMiddleware(make_app([]), profile="loose")


def test_websocket_with_a_malformed_header_is_closed_before_accept() -> None:
    with TestClient(make_app([])) as client:
        with client.websocket_connect("/ws", headers={"Authorization": VALID}) as ws:
            assert ws.receive_text() == "hello"
        with (
            pytest.raises(WebSocketDisconnect) as excinfo,
            client.websocket_connect("/ws", headers={"Authorization": MALFORMED}),
        ):
            pass
    assert excinfo.value.code == 1008


def test_lifespan_passes_through() -> None:
    started: list[bool] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        assert scope["type"] == "lifespan"
        message = await receive()
        started.append(message["type"] == "lifespan.startup")
        await send({"type": "lifespan.startup.complete"})

    wrapped = AuthorizationMiddleware(app)
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "lifespan.startup"}

    async def send(message: Message) -> None:
        sent.append(message)

    _drive(wrapped({"type": "lifespan"}, receive, send))
    assert started == [True]
    assert sent == [{"type": "lifespan.startup.complete"}]


def test_real_uvicorn_server(
    caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[dict[str, Any]] = []
    with uvicorn_server(make_app(seen)) as url, httpx.Client(base_url=url, timeout=5) as client:
        good = client.get("/whoami", headers={"Authorization": VALID})
        bad = client.post("/whoami", headers={"Authorization": MALFORMED}, content=b"{}")
    assert good.status_code == 200
    assert good.json() == {"user": USER}
    assert seen[0]["authlint.credentials"] == BasicCredentials(USER, PASSWORD)
    assert seen[0]["client"][0] == "127.0.0.1"
    assert leaks(repr(seen[0]["authlint.credentials"])) == []
    assert bad.status_code == 401
    assert bad.headers["www-authenticate"] == CHALLENGE
    assert problem(bad.content)["code"] == "AL102"
    assert leaks(bad.text) == []
    # uvicorn's access log saw both requests; no log line holds the credentials.
    assert '"POST /whoami HTTP/1.1" 401' in caplog.text
    captured = capfd.readouterr()
    assert leaks(caplog.text + captured.out + captured.err) == []


# --- The property: accept/reject equals parse, and never a 500 ------------------------------


def _drive(coroutine: Coroutine[Any, Any, None]) -> None:
    # The middleware only awaits the app and our own send/receive, which never suspend.
    with pytest.raises(StopIteration):
        coroutine.send(None)


def _call(profile: str, raw: bytes) -> tuple[int, Scope | None, bytes]:
    seen: list[Scope] = []

    async def inner(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    messages: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        messages.append(message)

    scope: Scope = {
        "type": "http",
        "method": "GET",
        "path": "/",
        "headers": [(b"host", b"t"), (b"authorization", raw)],
    }
    _drive(AuthorizationMiddleware(inner, profile=profile)(scope, receive, send))
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return messages[0]["status"], (seen[0] if seen else None), body


def _as_bytes(value: str | bytes) -> bytes:
    if isinstance(value, bytes):
        return value
    return value.encode("utf-8", "surrogatepass")


header_values = st.one_of(
    strategies.strict_values, strategies.rfc_values, strategies.any_bytes, strategies.any_text
).map(_as_bytes)


def parse_or_error(raw: bytes, profile: str) -> Credentials | HeaderError:
    try:
        return parse(raw, profile=profile)
    except HeaderError as error:
        return error


@pytest.mark.parametrize("profile", ["strict", "rfc"])
@given(raw=header_values)
def test_accept_reject_equals_parse(profile: str, raw: bytes) -> None:
    status, scope, body = _call(profile, raw)
    expected = parse_or_error(raw, profile)
    if isinstance(expected, HeaderError):
        assert (status, scope) == (401, None)
        assert problem(body)["code"] == expected.primary.code
    else:
        assert status == 200
        assert scope is not None
        assert scope["authlint.credentials"] == expected


@pytest.mark.parametrize(
    "value",
    [
        "Bearer " + "a " * 4000 + "a",  # a diagnostic per space
        "Basic " + "A\x01" * 4000,  # a diagnostic per control character
    ],
    ids=["spaces", "controls"],
)
def test_a_large_malformed_value_gets_a_bounded_answer(value: str) -> None:
    # An 8 KB header (what most servers accept) used to produce a 400 KB body, one entry per
    # diagnostic: a 50x amplification for anyone who can send a request.
    with TestClient(make_app([])) as client:
        response = client.get("/whoami", headers={"Authorization": value})
    assert response.status_code == 401
    assert len(response.content) < 4096
    body = problem(response.content)
    assert len(body["errors"]) == MAX_ERRORS
    assert body["more_errors"] > 3000
    assert body["code"] == body["errors"][0]["code"]


def test_the_log_line_cannot_be_forged_through_the_path(caplog: pytest.LogCaptureFixture) -> None:
    # ASGI paths are percent-decoded: %0A is a newline, and a raw one would start a fake line.
    caplog.set_level(logging.INFO, logger="authlint.guard")
    with TestClient(make_app([])) as client:
        response = client.get(
            "/x%0D%0AINFO%20admin%20logged%20in", headers={"Authorization": MALFORMED}
        )
    assert response.status_code == 401
    messages = [r.getMessage() for r in caplog.records if r.name == "authlint.guard"]
    assert len(messages) == 1
    assert "\n" not in messages[0]
    assert "\r" not in messages[0]
    assert "/x%0D%0AINFO%20admin" in messages[0]

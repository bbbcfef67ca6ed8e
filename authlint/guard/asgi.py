"""ASGI middleware (Starlette, FastAPI, any ASGI 3 app): parse Authorization, refuse malformed.

    app.add_middleware(AuthorizationMiddleware, profile="strict", realm="payments")

A valid value passes through untouched, with its parsed credentials at
``scope["authlint.credentials"]`` (``None`` when the request has none). A malformed one gets a
401 with the challenge and a problem+json body; a WebSocket handshake is closed with 1008
(policy violation) before it is accepted, which servers answer with HTTP 403.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from authlint.guard.problem import (
    CREDENTIALS_KEY,
    challenge,
    check_profile,
    log_rejection,
    parse_value,
    problem_body,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class AuthorizationMiddleware:
    """Checks the Authorization header of every HTTP and WebSocket request under ``profile``."""

    def __init__(
        self, app: ASGIApp, *, profile: str = "strict", realm: str = "api", required: bool = False
    ) -> None:
        self.app = app
        self.profile = check_profile(profile)
        self.required = required
        self._challenge = challenge(realm).encode("latin-1")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        values = [
            v for k, v in scope["headers"] if k == b"authorization" or k.lower() == b"authorization"
        ]
        if not values:
            if self.required:
                await self._reject(scope, send, None)
                return
            scope[CREDENTIALS_KEY] = None
            await self.app(scope, receive, send)
            return
        # RFC 9110 §5.3: repeated field lines are one value joined with ", " (Authorization is
        # a singleton field, so the joined value is malformed, and the parser says where).
        # ISO-8859-1 keeps every octet one character, as parse() reads bytes.
        value = (values[0] if len(values) == 1 else b", ".join(values)).decode("latin-1")
        result = parse_value(value, self.profile)
        if isinstance(result, BaseException):
            await self._reject(scope, send, result)
            return
        scope[CREDENTIALS_KEY] = result
        await self.app(scope, receive, send)

    async def _reject(self, scope: Scope, send: Send, error: Any) -> None:
        log_rejection(error, scope.get("method", "WEBSOCKET"), scope.get("path", ""))
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        body = problem_body(error)
        await send(
            {
                "type": "http.response.start",
                "status": 401,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode("ascii")),
                    (b"www-authenticate", self._challenge),
                    (b"cache-control", b"no-store"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

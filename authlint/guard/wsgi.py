"""WSGI middleware (Flask, Django, any PEP 3333 app): parse Authorization, refuse malformed.

    app.wsgi_app = AuthorizationMiddleware(app.wsgi_app, profile="strict")      # Flask
    application = AuthorizationMiddleware(get_wsgi_application())               # Django

A valid value passes through untouched, with its parsed credentials at
``environ["authlint.credentials"]`` (``None`` when the request has none). A malformed one gets a
401 with the challenge and a problem+json body. Under Apache mod_wsgi the header reaches the app
only with ``WSGIPassAuthorization On``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from authlint.guard.problem import (
    CREDENTIALS_KEY,
    challenge,
    check_profile,
    log_rejection,
    parse_value,
    problem_body,
)

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class AuthorizationMiddleware:
    """Checks ``HTTP_AUTHORIZATION`` of every request under ``profile``."""

    def __init__(
        self, app: WSGIApp, *, profile: str = "strict", realm: str = "api", required: bool = False
    ) -> None:
        self.app = app
        self.profile = check_profile(profile)
        self.required = required
        self._challenge = challenge(realm)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        # PEP 3333: the value is the header's octets read as ISO-8859-1, as parse() reads bytes;
        # servers join repeated lines with ", " (RFC 9110 §5.3).
        value = environ.get("HTTP_AUTHORIZATION")
        if value is None:
            if self.required:
                return self._reject(environ, start_response, None)
            environ[CREDENTIALS_KEY] = None
            return self.app(environ, start_response)
        result = parse_value(value, self.profile)
        if isinstance(result, BaseException):
            return self._reject(environ, start_response, result)
        environ[CREDENTIALS_KEY] = result
        return self.app(environ, start_response)

    def _reject(
        self, environ: dict[str, Any], start_response: StartResponse, error: Any
    ) -> list[bytes]:
        log_rejection(error, environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", ""))
        body = problem_body(error)
        start_response(
            "401 Unauthorized",
            [
                ("Content-Type", "application/problem+json"),
                ("Content-Length", str(len(body))),
                ("WWW-Authenticate", self._challenge),
                ("Cache-Control", "no-store"),
            ],
        )
        return [body]

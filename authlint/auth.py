"""Client helpers for code that talks to a strict API: an auth object and header-checking hooks.

They work with ``requests`` and ``httpx`` without importing either: both accept a callable that
takes the request and returns it as ``auth``, and their hooks are plain functions.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from authlint.credentials import format_basic
from authlint.guard.check import MalformedAuthorization, check, profile_for_host, safe_url
from authlint.redact import MARK, redact_secret

__all__ = [
    "MalformedAuthorization",
    "StrictBasicAuth",
    "async_httpx_hook",
    "httpx_hook",
    "requests_hook",
]


class _HasHeaders(Protocol):
    headers: Any


_R = TypeVar("_R", bound=_HasHeaders)


class StrictBasicAuth:
    """``Authorization: Basic base64(key_id:secret)`` in the strict format, for requests and httpx.

    ``requests.get(url, auth=StrictBasicAuth(key_id, secret))`` and
    ``httpx.Client(auth=StrictBasicAuth(key_id, secret))``. The value is built once with
    ``format_basic`` and parsed back under the strict profile; anything that would not parse
    back to the same pair raises ``ValueError`` here, not a 401 from the API later.
    """

    __slots__ = ("_key_id", "_value")

    def __init__(self, key_id: str, secret: str) -> None:
        from authlint.diagnostic import HeaderError
        from authlint.header import parse

        if not isinstance(key_id, str) or not isinstance(secret, str):
            raise TypeError("key_id and secret must be str")
        value = format_basic(key_id, secret)
        try:
            parsed = parse(value, profile="strict")
        except HeaderError as error:
            raise ValueError(f"the formatted value would not parse back: {error}") from None
        if (
            getattr(parsed, "user_id", None) != key_id
            or getattr(parsed, "password", None) != secret
        ):
            raise ValueError("the formatted value parses back to other credentials")
        self._key_id = key_id
        self._value = value

    @property
    def header_value(self) -> str:
        """The Authorization value this auth sets (it holds the secret: never log it)."""
        return self._value

    def __call__(self, request: _R) -> _R:
        request.headers["Authorization"] = self._value
        return request

    def __repr__(self) -> str:
        return f"StrictBasicAuth(key_id={redact_secret(self._key_id)!r}, secret={MARK!r})"

    __str__ = __repr__


def _check_request(method: str, url: str, host: str | None, values: list[Any]) -> None:
    profile = profile_for_host(host)
    for value in values:
        error = check(value, where=f"{method} {safe_url(url)}", profile=profile)
        if error is not None:
            raise error


def requests_hook(response: Any, *args: Any, **kwargs: Any) -> Any:
    """A ``requests`` response hook: raises ``MalformedAuthorization`` when the request that was
    sent carried a malformed Authorization value (requests has no hook before sending).

    ``session.hooks["response"].append(requests_hook)``
    """
    from urllib.parse import urlsplit

    request = response.request
    value = request.headers.get("Authorization")
    if value is not None:
        _check_request(
            str(request.method), str(request.url), urlsplit(request.url).hostname, [value]
        )
    return response


def httpx_hook(request: Any) -> None:
    """An ``httpx`` request event hook: raises ``MalformedAuthorization`` before the request is
    sent. ``httpx.Client(event_hooks={"request": [httpx_hook]})``."""
    values = [v for k, v in request.headers.raw if k.lower() == b"authorization"]
    if values:
        _check_request(request.method, str(request.url), request.url.host, values)


async def async_httpx_hook(request: Any) -> None:
    """``httpx_hook`` for ``httpx.AsyncClient``, whose hooks must be coroutines."""
    httpx_hook(request)

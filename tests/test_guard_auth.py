"""Client helpers: StrictBasicAuth and the request/httpx hooks, with real clients on 127.0.0.1."""

from __future__ import annotations

import asyncio

import httpx
import httpx2
import pytest
import requests

from authlint import Code, format_basic
from authlint.auth import StrictBasicAuth, async_httpx_hook, httpx_hook, requests_hook
from authlint.guard.check import MalformedAuthorization, describe, profile_for_host
from authlint.header import redact, validate
from tests.guard_support import MALFORMED, PASSWORD, STRICT_ONLY, TOKEN, USER, VALID, echo_server
from tests.guard_support import leaks as _leaks


@pytest.mark.parametrize(
    ("host", "profile"),
    [
        pytest.param("api.razorpay.com", "strict", id="razorpay-api"),
        pytest.param("API.Razorpay.com.", "strict", id="case-and-root-dot"),
        pytest.param("auth.razorpay.com", "strict", id="oauth-host"),
        pytest.param("eu.api.razorpay.com", "strict", id="subdomain"),
        pytest.param("checkout.razorpay.com", "rfc", id="not-an-api-host"),
        pytest.param("notapi.razorpay.com", "rfc", id="suffix-is-not-a-subdomain"),
        pytest.param("api.razorpay.com.evil.example", "rfc", id="prefix-is-not-the-host"),
        pytest.param("127.0.0.1", "rfc", id="loopback"),
        pytest.param(None, "rfc", id="unknown-host"),
    ],
)
def test_profile_for_host(host: str | None, profile: str) -> None:
    assert profile_for_host(host) == profile


def test_describe_names_code_span_fix_and_redacts() -> None:
    text = describe(
        validate(STRICT_ONLY), STRICT_ONLY, "GET https://api.razorpay.com/v1/x", "strict"
    )
    assert "AL101" in text
    assert "0-5" in text
    assert "fix: replace with 'Basic'" in text
    assert redact(STRICT_ONLY) in text
    assert "profile strict" in text
    assert _leaks(text) == []


def test_strict_basic_auth_builds_the_canonical_value() -> None:
    auth = StrictBasicAuth(USER, PASSWORD)
    assert auth.header_value == format_basic(USER, PASSWORD)
    assert PASSWORD not in repr(auth)
    assert TOKEN not in repr(auth)
    assert PASSWORD not in str(auth)


@pytest.mark.parametrize(
    ("key_id", "secret"),
    [
        pytest.param("", PASSWORD, id="empty-id"),
        pytest.param("a:b", PASSWORD, id="colon-in-id"),
        pytest.param(USER, "", id="empty-secret"),
        pytest.param(USER, PASSWORD + "\n", id="newline-in-secret"),
        pytest.param(USER, "\ud800", id="lone-surrogate"),
    ],
)
def test_strict_basic_auth_refuses_what_would_not_parse_back(key_id: str, secret: str) -> None:
    with pytest.raises(ValueError, match=r".") as excinfo:
        StrictBasicAuth(key_id, secret)
    if secret:
        assert secret.strip() not in str(excinfo.value)


def test_strict_basic_auth_checks_the_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    # format_basic and parse agree today; should they ever drift, the value is refused.
    import authlint.auth

    monkeypatch.setattr(authlint.auth, "format_basic", lambda user, password: MALFORMED)
    with pytest.raises(ValueError, match="AL102") as excinfo:
        StrictBasicAuth(USER, PASSWORD)
    assert _leaks(str(excinfo.value)) == []


def test_strict_basic_auth_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        StrictBasicAuth(USER, b"bytes-secret")  # type: ignore[arg-type]


def test_strict_basic_auth_with_requests_and_httpx() -> None:
    auth = StrictBasicAuth(USER, PASSWORD)
    with echo_server() as (url, received):
        assert requests.get(url, auth=auth, timeout=5).ok
        with httpx.Client(auth=auth, timeout=5) as client:
            assert client.get(url).is_success
        with httpx2.Client(auth=auth, timeout=5) as client2:
            assert client2.get(url).is_success

        async def go() -> int:
            async with httpx.AsyncClient(auth=auth, timeout=5) as client:
                return (await client.get(url)).status_code

        assert asyncio.run(go()) == 200
    assert received.authorization == [VALID, VALID, VALID, VALID]


def test_requests_hook_refuses_a_malformed_header_set_elsewhere() -> None:
    with echo_server() as (url, _), requests.Session() as session:
        session.hooks["response"].append(requests_hook)
        assert session.get(url, headers={"Authorization": VALID}, timeout=5).ok
        with pytest.raises(MalformedAuthorization) as excinfo:
            session.get(url, headers={"Authorization": MALFORMED}, timeout=5)
    error = excinfo.value
    assert error.primary.code is Code.QUOTED_CREDENTIALS
    assert "AL102" in str(error)
    assert _leaks(str(error)) == []
    assert _leaks(repr(error)) == []


def test_httpx_hook_refuses_before_sending() -> None:
    with echo_server() as (url, received):
        with httpx.Client(event_hooks={"request": [httpx_hook]}, timeout=5) as client:
            assert client.get(url, headers={"Authorization": VALID}).is_success
            with pytest.raises(MalformedAuthorization, match="AL102"):
                client.get(url, headers={"Authorization": MALFORMED})
        hooks = {"request": [httpx_hook]}
        with (
            httpx2.Client(event_hooks=hooks, timeout=5) as client2,
            pytest.raises(MalformedAuthorization, match="AL102"),
        ):
            client2.get(url, headers={"Authorization": MALFORMED})

        async def go() -> None:
            hooks = {"request": [async_httpx_hook]}
            async with httpx.AsyncClient(event_hooks=hooks, timeout=5) as client:
                await client.get(url, headers={"Authorization": MALFORMED})

        with pytest.raises(MalformedAuthorization, match="AL102"):
            asyncio.run(go())
    # The malformed values never left the process.
    assert received.authorization == [VALID]


def test_httpx_hook_uses_the_host_profile() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200)

    hooks = {"request": [httpx_hook]}
    with httpx.Client(transport=httpx.MockTransport(answer), event_hooks=hooks) as client:
        assert client.get("http://example.test/", headers={"Authorization": STRICT_ONLY}).is_success
        with pytest.raises(MalformedAuthorization, match="AL101"):
            client.get("https://api.razorpay.com/v1/orders", headers={"Authorization": STRICT_ONLY})

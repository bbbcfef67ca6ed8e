"""Precision classes found on application repositories (session 4, prec7): base64url under a
scheme other than Basic, PyJWT 2's `jwt.encode` (str), jwt.io's example token and test JWTs,
and Helm chart templates."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _codes(path: str, source: str) -> list[Code]:
    return [f.code for f in scan_text(path, source, Settings().with_selection())]


# --- 1. base64url: wrong for Basic (RFC 7617), required for a JWT (RFC 7519 §3) ---

_JS_JWT = """\
const head = Buffer.from(JSON.stringify({ alg: "HS256" })).toString("base64url")
const body = Buffer.from(JSON.stringify(claims)).toString("base64url")
fetch(url, { headers: { Authorization: "{scheme} " + head + "." + body + "." + sig } })
"""

_PY_TOKEN = """\
import base64, requests
token = base64.urlsafe_b64encode(raw).decode()
requests.get(url, headers={{"Authorization": "{scheme} " + token}})
"""


@pytest.mark.parametrize("scheme", ["Bearer", "Token", "DPoP"])
def test_base64url_under_a_token_scheme_is_right(scheme: str) -> None:
    assert Code.URL_SAFE_ALPHABET not in _codes("client.js", _JS_JWT.replace("{scheme}", scheme))
    assert Code.URL_SAFE_ALPHABET not in _codes("client.py", _PY_TOKEN.format(scheme=scheme))


def test_base64url_under_basic_is_still_reported() -> None:
    assert Code.URL_SAFE_ALPHABET in _codes("client.py", _PY_TOKEN.format(scheme="Basic"))
    js = 'const t = Buffer.from(user + ":" + pw).toString("base64url")\n'
    js += 'fetch(url, { headers: { Authorization: "Basic " + t } })\n'
    assert Code.URL_SAFE_ALPHABET in _codes("client.js", js)


# --- 2. PyJWT >= 2: `jwt.encode(...)` returns str, not bytes ---


@pytest.mark.parametrize(
    "use",
    [
        pytest.param('f"Bearer {token}"', id="f-string"),
        pytest.param('"Bearer " + token', id="concat"),
        pytest.param('"Bearer %s" % token', id="percent"),
        pytest.param('"Bearer {}".format(token)', id="format"),
    ],
)
def test_pyjwt_encode_returns_text(use: str) -> None:
    source = (
        "import jwt, requests\n"
        'token = jwt.encode({"iss": app_id}, private_key, algorithm="RS256")\n'
        f'requests.post(url, headers={{"Authorization": {use}}})\n'
    )
    assert _codes("client.py", source) == []


def test_str_encode_still_gives_bytes() -> None:
    source = (
        "import requests\n"
        "token = secret_token.encode()\n"
        'requests.post(url, headers={"Authorization": f"Bearer {token}"})\n'
    )
    assert Code.BYTES_REPR in _codes("client.py", source)

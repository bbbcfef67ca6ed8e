"""Precision classes found on application repositories (session 4, prec7): base64url under a
scheme other than Basic, PyJWT 2's `jwt.encode` (str), jwt.io's example token and test JWTs,
and Helm chart templates."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

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


# --- 3. jwt.io's example token, and unsigned JWTs ---


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _jwt(claims: dict[str, object], signature: bytes | None, alg: str = "HS256") -> str:
    head = _b64url(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    body = _b64url(json.dumps(claims).encode())
    return f"{head}.{body}." + ("" if signature is None else _b64url(signature))


# A signature-like run: generated at test time, so no line of this file holds a token.
_SIG = hashlib.sha256(b"prec7 fixture").digest()
_JWT_IO = {"sub": "1234567890", "name": "John Doe", "iat": 1516239022}


def _bearer_line(token: str) -> str:
    return f'fetch(url, {{ headers: {{ Authorization: "Bearer {token}" }} }})\n'


@pytest.mark.parametrize("path", ["src/api.ts", "src/__tests__/auth.spec.ts"])
@pytest.mark.parametrize("claims", [_JWT_IO, {**_JWT_IO, "admin": True}], ids=["plain", "admin"])
def test_jwt_io_example_is_no_secret(path: str, claims: dict[str, object]) -> None:
    assert Code.BEARER_TOKEN not in _codes(path, _bearer_line(_jwt(claims, _SIG)))


@pytest.mark.parametrize("path", ["src/api.ts", "test/server/verify.test.ts"])
def test_unsigned_jwt_is_no_secret(path: str) -> None:
    token = _jwt({"data": {"email": "ops@corp.example"}, "exp": 9999999999}, None, alg="none")
    assert Code.BEARER_TOKEN not in _codes(path, _bearer_line(token))


def test_a_signed_jwt_with_other_claims_is_still_a_secret() -> None:
    token = _jwt({"sub": "u-5f2c9a", "name": "Priya Raman", "exp": 9999999999}, _SIG)
    assert Code.BEARER_TOKEN in _codes("src/api.ts", _bearer_line(token))
    almost = _jwt({"sub": "1234567890", "name": "Priya Raman", "exp": 9999999999}, _SIG)
    assert Code.BEARER_TOKEN in _codes("src/api.ts", _bearer_line(almost))


# --- 4. Helm chart templates: Go template notation, and shell scripts they carry ---

_CONFIGMAP = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "app.fullname" . }}-scripts
data:
  probe.sh: |
    #!/bin/bash
    set -o errexit
    if [[ -f "${SA_DIR}/token" ]]; then
      TOKEN=$(cat "${SA_DIR}/token") \\
        && auth="Authorization: Bearer ${TOKEN}"
    fi
    curl -sf -H "$auth" https://kubernetes.default.svc/healthz
"""

_ENV = """\
apiVersion: v1
kind: ConfigMap
data:
  client.yaml: |
    upstream:
      url: https://api.example.org
      headers:
        Authorization: "Bearer ${TOKEN}"
"""

_PROBE = """\
spec:
  containers:
    - name: broker
      livenessProbe:
        exec:
          command:
            - sh
            - -c
            - curl -f --user {{ .Values.auth.user }}:{{ ternary "$(< $PW_FILE)" "$PW" .Values.pwFile }} 127.0.0.1:15672/api/health
"""


def _chart(tmp_path: Path, name: str, text: str, *, chart: bool = True) -> list[Code]:
    if chart:
        (tmp_path / "Chart.yaml").write_text("apiVersion: v2\nname: app\nversion: 1.0.0\n")
    target = tmp_path / "templates" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(text)
    return _codes(str(target), text)


def test_a_script_in_a_chart_configmap_is_expanded_by_its_shell(tmp_path: Path) -> None:
    assert Code.UNEXPANDED_VARIABLE not in _chart(tmp_path, "configmap.yaml", _CONFIGMAP)


def test_a_script_outside_a_chart_is_expanded_by_its_shell_too(tmp_path: Path) -> None:
    # What expands `${TOKEN}` is the shell that runs the script, not Helm.
    assert Code.UNEXPANDED_VARIABLE not in _chart(
        tmp_path, "configmap.yaml", _CONFIGMAP, chart=False
    )


def test_single_quotes_in_a_script_do_not_expand(tmp_path: Path) -> None:
    text = _CONFIGMAP.replace(
        '"Authorization: Bearer ${TOKEN}"', "'Authorization: Bearer ${TOKEN}'"
    )
    assert Code.UNEXPANDED_VARIABLE in _chart(tmp_path, "configmap.yaml", text)


def test_a_plain_manifest_value_is_not_expanded_even_in_a_chart(tmp_path: Path) -> None:
    # A config file carried in a ConfigMap is no script: neither Helm nor YAML expands `${VAR}`.
    assert Code.UNEXPANDED_VARIABLE in _chart(tmp_path, "pod.yaml", _ENV)


def test_go_template_notation_in_curl_user_is_filled_in(tmp_path: Path) -> None:
    codes = _chart(tmp_path, "statefulset.yaml", _PROBE)
    assert Code.MISSING_COLON not in codes
    assert Code.UNEXPANDED_VARIABLE not in codes

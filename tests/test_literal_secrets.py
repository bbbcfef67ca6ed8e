"""A literal credential is judged the same way wherever it is found: in place by the line
readers, or where a construction carries it to a header (authlint/checks/secrets.py)."""

from __future__ import annotations

import base64
import json

import pytest

from authlint import jwt
from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _token(claims: dict[str, object]) -> str:
    header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = _b64url(json.dumps(claims).encode())
    return f"{header}.{payload}.{_b64url(bytes(range(7, 39)))}"


# RFC 7519's own example has exp 1300819380 (March 2011); one that expires in 2100 is live.
EXPIRED = _token({"iss": "joe", "exp": 1300819380, "http://example.com/is_root": True})
LIVE = _token({"sub": "svc-payments", "exp": 4102444800})
NO_EXP = _token({"sub": "svc-payments"})


def _codes(path: str, source: str) -> list[Code]:
    return [f.code for f in scan_text(path, source, Settings().with_selection())]


def test_jwt_expiry_is_read_from_the_payload() -> None:
    assert jwt.expired(EXPIRED)
    assert not jwt.expired(LIVE)
    assert not jwt.expired(NO_EXP)
    assert not jwt.expired("eyJnot.a.jwt")
    assert not jwt.expired(_token({"exp": True}))
    assert not jwt.expired(_token({"exp": "1300819380"}))
    assert jwt.expired(LIVE, now=4102444801)


@pytest.mark.parametrize(
    ("path", "template"),
    [
        pytest.param(
            "app/client.py", 'HEADERS = {{"Authorization": "Bearer {t}"}}\n', id="literal"
        ),
        pytest.param(
            "app/client.py",
            'TOKEN = "{t}"\n\n\ndef headers():\n    return {{"Authorization": "Bearer " + TOKEN}}\n',
            id="through-a-variable",
        ),
        pytest.param(
            "src/Client.cs",
            'class C {{\n  string _jwt = "{t}";\n'
            '  void M(HttpRequestMessage r) {{ r.Headers.Add("Authorization", "Bearer " + _jwt); }}\n}}\n',
            id="csharp-field",
        ),
    ],
)
def test_an_expired_jwt_is_not_a_leak_a_live_one_is(path: str, template: str) -> None:
    assert Code.BEARER_TOKEN not in _codes(path, template.format(t=EXPIRED))
    assert Code.BEARER_TOKEN in _codes(path, template.format(t=LIVE))
    assert Code.BEARER_TOKEN in _codes(path, template.format(t=NO_EXP))


SHORT_MIXED = "Zq7Lm2Xw9Kp4Rt"  # 14 characters: three classes, under the long-token floor


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            'TOKEN = "{t}"\n\n\ndef headers():\n    return {{"Authorization": "Bearer " + TOKEN}}\n',
            id="python",
        ),
        pytest.param(
            "const token = '{t}';\nfetch(url, {{ headers: {{ Authorization: `Bearer ${{token}}` }} }});\n",
            id="javascript",
        ),
    ],
)
def test_a_short_token_is_test_data_in_a_test_whichever_reader_finds_it(source: str) -> None:
    kind = "python" if "def " in source else "javascript"
    suffix = ".py" if kind == "python" else ".js"
    code = source.format(t=SHORT_MIXED)
    assert Code.BEARER_TOKEN in _codes(f"app/client{suffix}", code)
    assert Code.BEARER_TOKEN not in _codes(f"tests/test_client{suffix}", code)


# A test builds the Basic header its code under test should send from a key id and a secret.
_REFUND_TEST = (
    "import base64\n\nK = {key!r}\nS = {secret!r}\n\n\ndef test_refund(sent):\n"
    '    assert sent == "Basic " + base64.b64encode(f"{{K}}:{{S}}".encode()).decode()\n'
)
_ENV_ID_TEST = (
    "import base64, os\n\nK = os.environ['K']\nS = {secret!r}\n\n\ndef test_refund(sent):\n"
    '    assert sent == "Basic " + base64.b64encode(f"{{K}}:{{S}}".encode()).decode()\n'
)


@pytest.mark.parametrize(
    ("template", "key", "secret", "expected"),
    [
        pytest.param(_REFUND_TEST, "rzp_test_00000000000000", "dummy_secret", [], id="dummy"),
        pytest.param(_REFUND_TEST, "rzp_test_00000000000000", "secret", [], id="word"),
        pytest.param(_REFUND_TEST, "rzp_test_00000000000000", "fake_secret", [], id="fake"),
        pytest.param(_ENV_ID_TEST, "", "fake_secret", [], id="fake-env-id"),
        pytest.param(
            _REFUND_TEST,
            "rzp_live_Kq3xM9pT2vLw8Z",  # authlint: ignore[AL201]
            "Xk9pQ2mT7vR4wL8nB3jH6fYd",  # authlint: ignore[AL203]
            [Code.LIVE_KEY_ID, Code.KEY_SECRET],
            id="live-id-random-secret",
        ),
        pytest.param(
            _ENV_ID_TEST, "", "Xk9pQ2mT7vR4wL8nB3jH6fYd", [Code.KEY_SECRET], id="random-secret"
        ),
    ],
)
def test_test_data_in_a_test_file_is_judged_once(
    template: str, key: str, secret: str, expected: list[Code]
) -> None:
    source = template.format(key=key, secret=secret)
    assert sorted(_codes("tests/test_refunds.py", source)) == expected


def test_a_key_id_in_a_construction_is_not_reported_as_a_secret() -> None:
    # The key-id rule reports it (AL202), not the secret rule (AL203), in a file of the app.
    source = (
        "import base64, os\nK = 'rzp_test_Kq3xM9pT2vLw8Z'\nS = os.environ['S']\n"  # authlint: ignore[AL202]
        'h = {"Authorization": "Basic " + base64.b64encode(f"{K}:{S}".encode()).decode()}\n'
    )
    assert _codes("app/pay.py", source) == [Code.TEST_KEY_ID]

"""Precision classes found on public SDKs and HTTP libraries (session 4): HTTPie request items
that are not headers, `auth` lists that are not credential pairs, a test tree at the repository's
root, `{{name}}` template notation, key shapes two providers share, RFC 6749's example client
credentials, and the values a test builds from literals."""

from __future__ import annotations

import base64

import pytest

from authlint import providers
from authlint.codes import Code
from authlint.config import Settings
from authlint.finding import Finding
from authlint.scan import scan_text

# Key-shaped test values, split so no line of this file holds a whole key.
HEX40 = "8f3a9c2b7d1e4f6a0b5c9d2e7f1a3b6c8d0e2f4a"
MIXED = "51HxYzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
SK_HEX = "sk_live_" + HEX40
SK_MIXED = "sk_live_" + MIXED


def _findings(path: str, source: str) -> list[Finding]:
    return list(scan_text(path, source, Settings().with_selection()))


def _codes(path: str, source: str) -> list[Code]:
    return [f.code for f in _findings(path, source)]


# --- HTTPie: only `name:value` is a header item (httpie.io/docs/cli/request-items) ---


@pytest.mark.parametrize(
    "item",
    [
        pytest.param("Authorization:='\"Bearer x\"'", id="raw-json-string"),
        pytest.param('Authorization:=\'{"type": "basic"}\'', id="raw-json-object"),
        pytest.param("Authorization:=null", id="raw-json-null"),
        pytest.param("Authorization:=@auth.json", id="raw-json-file"),
    ],
)
def test_httpie_items_that_are_not_headers(item: str) -> None:
    assert _codes("run.sh", f"http POST example.org/api {item}\n") == []


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("http POST example.org/api Authorization==basic", id="query-parameter"),
        pytest.param("http POST example.org/api Authorization='Basic x y'", id="form-field"),
        pytest.param("curl https://example.org \\\n  AUTH_HEADER='Basic x y'", id="continued"),
        pytest.param("run && xh example.org AUTH_HEADER='Basic x y'", id="after-operator"),
    ],
)
def test_a_name_value_argument_is_no_shell_assignment(line: str) -> None:
    assert _codes("run.sh", line + "\n") == []


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("AUTH_HEADER='Basic x y'", id="bare"),
        pytest.param("export AUTH_HEADER='Basic x y'", id="export"),
        pytest.param("FOO=1 AUTH_HEADER='Basic x y' ./run.sh", id="command-prefix"),
        pytest.param("if true; then AUTH_HEADER='Basic x y'; fi", id="after-then"),
        pytest.param("run && AUTH_HEADER='Basic x y' ./next.sh", id="after-operator"),
    ],
)
def test_shell_assignments_still_hold_headers(line: str) -> None:
    assert Code.WHITESPACE in _codes("run.sh", line + "\n")


def test_httpie_header_items_are_still_headers() -> None:
    assert _codes("run.sh", "http example.org/api Authorization:'bearer abc.def'\n") == [
        Code.SCHEME_CASE
    ]


# --- `auth` lists: two items, or Guzzle's three with the scheme last ---

GENERATED = (
    "class Api:\n"
    "    def __init__(self):\n"
    "        self.get = Endpoint(settings={\n"
    "            'auth': ['clientId', 'plaidVersion', 'secret'],\n"
    "            'endpoint_path': '/accounts/get',\n"
    "        })\n"
)


def test_an_openapi_list_of_security_schemes_is_no_pair() -> None:
    assert _codes("pkg/api/accounts_api.py", GENERATED) == []


@pytest.mark.parametrize(
    ("items", "flagged"),
    [
        pytest.param("'alice', 'Zq8vL2mNp4Rt7Xw1'", True, id="pair"),
        pytest.param("'alice', 'Zq8vL2mNp4Rt7Xw1', 'digest'", True, id="guzzle-digest"),
        pytest.param("'alice', 'Zq8vL2mNp4Rt7Xw1', 'NTLM'", True, id="guzzle-ntlm"),
        pytest.param("'alice', 'Zq8vL2mNp4Rt7Xw1', 'region'", False, id="third-is-no-scheme"),
        pytest.param("'a', 'Zq8vL2mNp4Rt7Xw1', 'b', 'c'", False, id="four-names"),
    ],
)
def test_php_auth_lists(items: str, flagged: bool) -> None:
    source = f"<?php\n$client->request('GET', $url, ['auth' => [{items}]]);\n"
    assert (Code.CLIENT_CREDENTIALS in _codes("src/Client.php", source)) is flagged


def test_a_python_auth_pair_under_a_key_still_leaks() -> None:
    source = "opts = {'auth': ('alice', 'Zq8vL2mNp4Rt7Xw1')}\n"  # authlint: ignore[AL207]
    assert _codes("app/client.py", source) == [Code.CLIENT_CREDENTIALS]


# --- a test tree at the repository's root holds only tests, however deep ---

PROXY_TEST = (
    "it('replaces the proxy header', () => {\n"
    "  return client.get(url, { headers: { 'Proxy-Authorization': 'Basic abc123' } });\n"
    "});\n"
)
TYPINGS = "const config = { auth: { username: 'janedoe', password: 's00pers3cret' } };\n"


@pytest.mark.parametrize("root", ["test", "tests", "spec", "__tests__"])
def test_a_root_test_tree_is_tests_at_any_depth(root: str) -> None:
    assert _codes(f"{root}/unit/adapters/proxy/http.js", PROXY_TEST) == []
    assert _codes(f"{root}/module/typings/cjs/index.ts", TYPINGS) == []


def test_the_same_values_outside_a_test_tree_are_reported() -> None:
    assert _codes("lib/unit/adapters/proxy/http.js", PROXY_TEST) == [Code.NOT_BASE64]
    assert _codes("lib/module/typings/cjs/index.ts", TYPINGS) == [Code.CLIENT_CREDENTIALS]
    # A directory named like a test tree deeper down is not the repository's test tree.
    assert _codes("lib/test/a/b/c/http.js", PROXY_TEST) == [Code.NOT_BASE64]


def test_a_generated_secret_in_a_root_test_tree_still_leaks() -> None:
    source = TYPINGS.replace("s00pers3cret", "Xq7vLm2Rk9Tz4Wp8Ns3Bd6Hy")
    assert _codes("test/module/typings/cjs/index.ts", source) == [Code.CLIENT_CREDENTIALS]


# --- `{{name}}`: template notation, except where `{{` is a brace escape ---


@pytest.mark.parametrize(
    ("path", "source"),
    [
        pytest.param(
            "src/forward.ts",
            "const h = { Authorization: 'Basic {{credentials}}' };\n",
            id="typescript",
        ),
        pytest.param(
            "internal/render.go",
            'req.Header.Set("Authorization", "Bearer {{.Token}}")\n',
            id="go-text-template",
        ),
        pytest.param(
            "app/views/client.rb",
            "headers = { 'Authorization' => 'Bearer {{ token }}' }\n",
            id="ruby",
        ),
        pytest.param(
            "tests/test_forward.py",
            'headers = {"Authorization": "Basic {{credentials}}"}\n',
            id="python-test",
        ),
    ],
)
def test_template_notation_is_not_an_unexpanded_variable(path: str, source: str) -> None:
    assert _codes(path, source) == []


@pytest.mark.parametrize(
    "literal",
    [
        pytest.param('f"Bearer {{token}}"', id="f-string"),
        pytest.param('"Bearer {{token}}"', id="plain"),
    ],
)
def test_doubled_braces_in_python_code_send_braces(literal: str) -> None:
    source = f"def auth(token):\n    return {{'Authorization': {literal}}}\n"
    assert _codes("app/auth.py", source) == [Code.UNEXPANDED_VARIABLE]


def test_a_template_keeps_its_literal_start_judged() -> None:
    source = "const h = { Authorization: 'bearer {{token}}' };\n"
    assert _codes("src/forward.js", source) == [Code.SCHEME_CASE]


# --- key shapes two providers share: the file says whose key it is ---


def test_sharing_lists_every_provider_a_key_fits() -> None:
    found = providers.key_of(SK_HEX)
    assert found is not None
    assert [p.name for p in providers.sharing(found, SK_HEX)] == ["Stripe", "Paystack"]
    mixed = providers.key_of(SK_MIXED)
    assert mixed is not None
    assert [p.name for p in providers.sharing(mixed, SK_MIXED)] == ["Stripe"]


@pytest.mark.parametrize(
    ("source", "owner"),
    [
        pytest.param(
            "const Paystack = require('paystack-node');\nconst client = new Paystack('{key}');\n",
            "Paystack",
            id="paystack-sdk",
        ),
        pytest.param(
            "fetch('https://api.paystack.co/transaction', {{ key: '{key}' }});\n",
            "Paystack",
            id="paystack-host",
        ),
        pytest.param(
            "const stripe = require('stripe')('{key}');\n",
            "Stripe",
            id="stripe-sdk",
        ),
        pytest.param("const key = '{key}';\n", "Stripe or Paystack", id="no-evidence"),
    ],
)
def test_a_shared_key_shape_is_attributed_by_context(source: str, owner: str) -> None:
    (found,) = _findings("src/pay.js", source.format(key=SK_HEX))
    assert found.code is Code.KEY_SECRET
    assert found.message.startswith(f"{owner} live secret key ")
    assert HEX40 not in found.message + found.snippet


def test_a_key_only_one_provider_issues_keeps_its_name() -> None:
    source = "fetch('https://api.paystack.co/x', { key: '" + SK_MIXED + "' });\n"
    (found,) = _findings("src/pay.js", source)
    assert found.message.startswith("Stripe live secret key ")


@pytest.mark.parametrize("key", [SK_HEX, SK_MIXED])
def test_a_provider_key_as_a_bearer_token_is_one_finding(key: str) -> None:
    source = f'requests.get(url, headers={{"Authorization": "Bearer {key}"}})\n'
    assert _codes("app/pay.py", source) == [Code.KEY_SECRET]


def test_a_bearer_token_of_no_provider_shape_is_still_reported() -> None:
    token = "Zq8vL2mNp4Rt7Xw1" + "Hk5Jc9Bd3Fg6"
    source = f'requests.get(url, headers={{"Authorization": "Bearer {token}"}})\n'
    assert _codes("app/pay.py", source) == [Code.BEARER_TOKEN]


# --- RFC 6749's example client credentials; literals a test feeds a construction ---

RFC6749_TOKEN_REQUEST = (
    "def authenticate_token_endpoint(self, request):\n"
    '    """For example, the client makes the following HTTP request using TLS:\n'
    "\n"
    "        POST /token HTTP/1.1\n"
    "        Host: server.example.com\n"
    "        Authorization: Basic {token}\n"
    '    """\n'
)


@pytest.mark.parametrize("pair", [b"s6BhdRkqt3:gX1fBat3bV", b"s6BhdRkqt3:7Fjfp0ZBr1KtDRbnfVdmIw"])
def test_rfc6749_example_client_credentials_are_known(pair: bytes) -> None:
    token = base64.b64encode(pair).decode()
    assert _codes("server/grants/code.py", RFC6749_TOKEN_REQUEST.format(token=token)) == []
    assert _codes("docs/oauth/intro.rst", f"    Authorization: Basic {token}\n") == []


def test_other_client_credentials_in_a_docstring_still_leak() -> None:
    token = base64.b64encode(b"s6BhdRkqt3:Xq7vLm2Rk9Tz4Wp8").decode()  # authlint: ignore[AL207]
    source = RFC6749_TOKEN_REQUEST.format(token=token)
    assert _codes("server/grants/code.py", source) == [Code.BASIC_CREDENTIALS]


FED_TO_A_PARSER = (
    "import base64\n"
    "def check(extract):\n"
    '    text = "Basic {}".format(base64.b64encode(b"a").decode())\n'
    '    assert extract({"Authorization": text}) == ("a", None)\n'
    '    assert extract({"Authorization": "Basic " + "not-base64"}) == (None, None)\n'
)


@pytest.mark.parametrize(
    ("path", "flagged"),
    [
        pytest.param("tests/core/test_util.py", False, id="test-feeds-the-parser"),
        pytest.param("pkg/util.py", True, id="same-values-in-application-code"),
    ],
)
def test_what_a_test_builds_from_literals_is_test_data(path: str, flagged: bool) -> None:
    codes = set(_codes(path, FED_TO_A_PARSER))
    assert bool(codes & {Code.MISSING_COLON, Code.NOT_BASE64}) is flagged


def test_a_construction_mistake_in_a_test_is_still_reported() -> None:
    source = (
        "import base64\n"
        "def make():\n"
        '    return {"Authorization": "Basic " + str(base64.b64encode(b"user:pass"))}\n'
    )
    assert Code.BYTES_REPR in _codes("tests/test_client.py", source)

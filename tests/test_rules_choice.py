"""Which rules a header gets (authlint/checks/target.py), from the evidence in the file, and the
configuration that pins them; plus the documentation and one-finding-per-problem behaviour of
issue 10."""

from __future__ import annotations

import base64

import pytest

from authlint.checks import FileContext
from authlint.checks.hosts import hosts_in, is_local_host
from authlint.checks.target import choose
from authlint.codes import Code
from authlint.config import ConfigError, Settings, settings_from_mapping
from authlint.extract import Candidate, Role, Value
from authlint.scan import scan_text
from tests.helpers import codes_in, findings_in

EMPTY_PASSWORD_TOKEN = base64.b64encode(b"merchant42:").decode()  # `Basic` of `merchant42:`


def _header(host: str) -> str:
    return f'requests.get("https://{host}/v1/orders", headers={{"Authorization": "Basic {EMPTY_PASSWORD_TOKEN}"}})\n'


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(_header("api.razorpay.com"), [Code.EMPTY_PASSWORD], id="razorpay-host-strict"),
        pytest.param(_header("api.juspay.in"), [], id="juspay-documents-empty-password"),
        pytest.param(_header("api.partner-bank.com"), [], id="unknown-public-host-rfc"),
        pytest.param(
            'import razorpay\nH = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n',
            [Code.SCHEME_CASE],
            id="sdk-import-strict",
        ),
        pytest.param(
            'URL = "https://api.github.com/user"\n'
            'H = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n',
            [],
            id="file-calls-github-rfc",
        ),
        pytest.param(
            'H = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n',
            [Code.SCHEME_CASE],
            id="no-evidence-default-profile",
        ),
        pytest.param(
            'import stripe\nH = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n',
            [],
            id="stripe-sdk-rfc",
        ),
        pytest.param(
            '# pinstripe theme\nH = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n',
            [Code.SCHEME_CASE],
            id="a-word-in-prose-is-not-an-sdk",
        ),
    ],
)
def test_rules_follow_the_evidence(source: str, expected: list[Code]) -> None:
    assert codes_in(source) == expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("api.razorpay.com", [Code.SCHEME_CASE, Code.WHITESPACE]),
        ("ledger.acme-payments.dev", []),  # RFC 9110: case-insensitive scheme, 1*SP
    ],
)
def test_headers_completed_at_runtime_follow_the_same_rules(
    host: str, expected: list[Code]
) -> None:
    source = (
        f'curl -H "Authorization: bearer $TOKEN" https://{host}/v1/a\n'
        f'curl -H "Authorization: Bearer  $TOKEN" https://{host}/v1/b\n'
    )
    assert codes_in(source, "shell") == expected


def test_message_says_which_evidence_chose_the_rules() -> None:
    (finding,) = findings_in(_header("api.razorpay.com"))
    assert "Razorpay's documented format, strict profile" in finding.message
    assert "the file calls api.razorpay.com" in finding.message
    (finding,) = findings_in("curl -u acme: https://api.razorpay.com/v1/orders\n", "shell")
    assert "the request goes to api.razorpay.com" in finding.message
    (finding,) = findings_in('H = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n')
    assert "the default strict profile: nothing in the file says" in finding.message


def test_an_api_host_written_as_a_string_of_its_own_is_evidence() -> None:
    # Node's https.request({host: ...}): no URL in the file, the host on its own.
    source = (
        'const req = https.request({ host: "api.stripe.com", path: "/v1/charges",\n'
        '  headers: { Authorization: "basic c2tfdGVzdF94eXo6" } });\n'
    )
    assert codes_in(source, "javascript") == []  # Stripe follows the RFCs: `basic` is fine
    # Named in prose, not as a string, it says nothing about the file's requests.
    prose = source.replace('"api.stripe.com"', "process.env.HOST") + "// see api.stripe.com\n"
    assert codes_in(prose, "javascript") == [Code.SCHEME_CASE, Code.EMPTY_PASSWORD]


def _ctx(path: str, text: str, settings: Settings) -> FileContext:
    return FileContext(path, text, "python", settings)


def test_choice_is_a_structured_record() -> None:
    settings = Settings().with_selection()
    candidate = Candidate(Role.HEADER, Value("Basic x", 0), hosts=("api.stripe.com",))
    choice = choose(_ctx("app.py", "", settings), candidate)
    assert (choice.provider, choice.evidence, choice.profile, choice.empty_password) == (
        "Stripe",
        "host",
        "rfc",
        True,
    )
    key = base64.b64encode(b"rzp_live_Ab3dEf6hIj9kLm:x").decode()  # authlint: ignore[AL201]
    candidate = Candidate(Role.HEADER, Value(f"Basic {key}", 0), hosts=("api.stripe.com",))
    choice = choose(_ctx("app.py", "", settings), candidate)
    assert (choice.provider, choice.evidence) == ("Razorpay", "key")  # the key outranks the host
    assert "Ab3dEf6hIj9kLm" not in choice.describe()


def test_configuration_pins_rules_per_host_and_per_path() -> None:
    settings = settings_from_mapping(
        {
            "host-profiles": {"*.partner-bank.com": "strict"},
            "path-profiles": {"docs/juspay/**": "juspay"},
        },
        source="pyproject.toml",
        root=".",
    )
    assert codes_in(_header("api.partner-bank.com"), settings=settings) == [Code.EMPTY_PASSWORD]
    found = scan_text("docs/juspay/orders.py", _header("api.razorpay.com"), settings, "python")
    assert found == []  # the path pin outranks the request host
    (finding,) = findings_in(_header("api.partner-bank.com"), settings=settings)
    assert "pinned for host api.partner-bank.com in the configuration" in finding.message


@pytest.mark.parametrize(
    "table",
    [
        {"host-profiles": {"api.x.com": "loose"}},
        {"path-profiles": ["docs/**"]},
        {"host-profiles": {"api.x.com": 1}},
    ],
)
def test_bad_pins_are_config_errors(table: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match="profiles"):
        settings_from_mapping(table, source="pyproject.toml", root=".")


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("::1", True),
        ("10.0.3.7", True),
        ("db", True),
        ("printer.local", True),
        ("example.com", True),
        ("api.example.org", True),
        ("svc.test", True),
        ("x.invalid", True),
        ("db-1.abc123.eu-west-1.rds.amazonaws.com", False),
        ("8.8.8.8", False),
        ("examples.com", False),
    ],
)
def test_local_and_documentation_hosts(host: str, local: bool) -> None:
    assert is_local_host(host) is local


def test_hosts_in_text() -> None:
    text = "curl https://api.razorpay.com/v1 ; see http://u:p@[::1]:8080/x and ftp://files.acme.io"
    assert hosts_in(text) == ("api.razorpay.com", "::1", "files.acme.io")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            'DB = "mysql://root:root@db.prod.acme-cloud.net:3306/app"\n',
            [Code.URL_CREDENTIALS],
            id="default-credentials-to-a-public-host",
        ),
        pytest.param('DB = "mysql://root:root@localhost:3306/app"\n', [], id="loopback"),
        pytest.param('DB = "mysql://root:root@mysql:3306/app"\n', [], id="compose-service"),
        pytest.param('DB = "mysql://root:[PASSWORD]@db.acme.io/app"\n', [], id="notation"),
        pytest.param(
            'DB = "mysql://user:password@db.acme.io/app"\n', [], id="role-names-are-notation"
        ),
        pytest.param(
            'DB = "mysql://app:Rk8sT2vQp9Lw@localhost/app"\n',  # authlint: ignore[AL205]
            [Code.URL_CREDENTIALS],
            id="real-password-to-localhost-still-leaks",
        ),
    ],
)
def test_url_credentials_by_host(source: str, expected: list[Code]) -> None:
    assert codes_in(source) == expected


@pytest.mark.parametrize(
    ("source", "path", "expected"),
    [
        (
            'H = {"Authorization": "Bearer Xk29dLq0Pz7Wm4Ty"}\n',
            "app/client.py",
            [Code.BEARER_TOKEN],
        ),
        ('H = {"Authorization": "Bearer Xk29dLq0Pz7Wm4Ty"}\n', "tests/test_client.py", []),
        ('H = {"Authorization": "Bearer token_abc123"}\n', "app/client.py", []),
        ('H = {"Authorization": "Bearer abcdefgh12"}\n', "app/client.py", []),
        (
            'H = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"}\n',
            "app/client.py",
            [],
        ),
        ('auth = HTTPDigestAuth("user", "wrongpass")\n', "tests/test_auth.py", []),
        (
            'auth = HTTPDigestAuth("user", "wrongpass")\n',
            "app/client.py",
            [Code.CLIENT_CREDENTIALS],
        ),
        (
            'auth = HTTPDigestAuth("svc", "Tq7Zp3Lx9RbW")\n',  # authlint: ignore[AL207]
            "tests/test_auth.py",
            [Code.CLIENT_CREDENTIALS],
        ),
    ],
)
def test_bearer_and_fixtures_by_shape_and_context(
    source: str, path: str, expected: list[Code]
) -> None:
    settings = Settings().with_selection()
    assert [f.code for f in scan_text(path, source, settings, "python")] == expected


def test_one_finding_per_code_and_value_with_a_count() -> None:
    found = findings_in('H = {"Authorization": "Basic ab(c)d!e@f="}\n')
    assert [f.code for f in found] == [Code.INVALID_BASE64_CHARACTER]
    assert "(and 3 more in this value)" in found[0].message


@pytest.mark.parametrize(
    ("source", "kind", "expected"),
    [
        pytest.param(
            "```http\nGET /v1/payments\nAuthorization: Basic base64(KEY_ID:KEY_SECRET)\n```\n",
            "markdown",
            [],
            id="encode-notation-in-http-fence",
        ),
        pytest.param(
            "```\nAuthorization: Basic base64(KEY_ID:KEY_SECRET)\n```\n",
            "markdown",
            [],
            id="encode-notation-in-plain-block",
        ),
        pytest.param(
            "Send `Authorization: Bearer $TOKEN` with each request.\n", "markdown", [], id="prose"
        ),
        pytest.param(
            "```bash\ncurl -u : https://api.razorpay.com/v1/orders\n```\n",
            "markdown",
            [Code.STRIPPED_EXAMPLE],
            id="curl-u-colon",
        ),
        pytest.param(
            "```bash\ncurl -X POST https://api.razorpay.com/v1/orders \\\n-u  \\\n-H 'A: b'\n```\n",
            "markdown",
            [Code.STRIPPED_EXAMPLE],
            id="curl-u-nothing",
        ),
        pytest.param(
            "```bash\ncurl https://api.razorpay.com/v1/x -H 'Authorization: Bearer \"\"'\n```\n",
            "markdown",
            [Code.STRIPPED_EXAMPLE],
            id="bearer-empty-quotes",
        ),
        pytest.param(
            'openapi: 3.0.0\ncomponents:\n  examples:\n    auth:\n      Authorization: "Basic <base64 of key_id:key_secret>"\n',
            "yaml",
            [],
            id="openapi-example",
        ),
        pytest.param(
            "complete -c http -s a -l auth -xa '(__fish_complete_users)'\n", "shell", [], id="fish"
        ),
        pytest.param(
            "Set HTTPS_PROXY=https://user:password@proxy.corp.com:8080 first.\n",
            "markdown",
            [],
            id="docs-url-notation",
        ),
        pytest.param(
            "Connect with mysql://app:Rk8sT2vQp9Lw@db.prod.acme-cloud.net/app\n",  # authlint: ignore[AL205]
            "markdown",
            [Code.URL_CREDENTIALS],
            id="docs-url-real-password",
        ),
        pytest.param(
            '{"info": {"_postman_id": "5d1c", "schema": "https://schema.getpostman.com/json/'
            'collection/v2.1.0/collection.json"},\n "item": [{"request": {"header": [\n'
            '  {"key": "Authorization", "value": "Basic <base64 of key_id:key_secret>"}]}}]}\n',
            "json",
            [],
            id="postman-collection-notation",
        ),
        pytest.param(
            '{"info": {"_postman_id": "5d1c"},\n "item": [{"request": {"header": [\n'
            '  {"key": "Authorization", "value": "Basic YWNtZTpSazhzVDJ2UXA5THc="}]}}]}\n',  # authlint: ignore[AL204]
            "json",
            [Code.BASIC_CREDENTIALS],
            id="postman-collection-real-token-still-leaks",
        ),
        pytest.param(
            "Authentication\n==============\n\nEvery request sends ``Authorization: Basic "
            "base64(KEY_ID:KEY_SECRET)``.\n",
            "text",
            [],
            id="restructuredtext",
        ),
        pytest.param(
            '```json\n{"mcpServers": {"rzp": {"command": "npx", "args": ["mcp-remote"],\n'
            '  "env": {"AUTH_HEADER": "Basic "}}}}\n```\n',
            "markdown",
            [Code.STRIPPED_EXAMPLE],
            id="mcp-env-header-lost-its-token",
        ),
        pytest.param(
            '{"servers": {"r": {"url": "https://mcp.razorpay.com/mcp", '
            '"headers": {"Authorization": "Basic ${input:token}"}}}}\n',
            "json",
            [],
            id="vscode-input",
        ),
    ],
)
def test_documentation_is_read_as_documentation(
    source: str, kind: str, expected: list[Code]
) -> None:
    assert codes_in(source, kind) == expected


def test_stripped_example_is_reported_on_the_option_line() -> None:
    source = "```bash\ncurl -X POST https://api.razorpay.com/v1/orders \\\n-u  \\\n-H 'A: b'\n```\n"
    (finding,) = findings_in(source, "markdown")
    assert (finding.line, finding.severity) == (3, "warning")


def test_a_value_seen_before_still_gets_its_own_file_evidence() -> None:
    # choose() keeps what a value shows by itself for the run; the file's evidence is the
    # file's: the same header value is strict beside a Razorpay import, RFC beside GitHub's API.
    value = 'H = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n'
    github = 'URL = "https://api.github.com/user"\n' + value
    razorpay = "import razorpay\n" + value
    for _ in range(2):
        assert codes_in(razorpay, "python") == [Code.SCHEME_CASE]
        assert codes_in(github, "python") == []
    pinned = settings_from_mapping(
        {"host-profiles": {"api.github.com": "strict"}}, source="pyproject.toml", root="."
    )
    assert codes_in(github, "python", settings=pinned) == [Code.SCHEME_CASE]
    assert codes_in(github, "python") == []

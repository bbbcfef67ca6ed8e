from __future__ import annotations

import base64

import pytest

from authlint.codes import Code
from authlint.config import Settings, resolve_selection
from tests.helpers import codes_in, findings_in

SECRETS_ONLY = Settings(enabled=resolve_selection(["AL2"], []))

LIVE = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore
TEST = "rzp_test_Z9x8C7v6B5n4M3"  # authlint: ignore
SECRET = "Hk3LmN0pQr5StUv7WxYz1Ab2"  # authlint: ignore
TOKEN = base64.b64encode(f"{TEST}:{SECRET}".encode()).decode()
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sX3fQ0dUu2sDk7h8y2JfW1cTqZpM9bXv4nLo5aRgYtE"  # authlint: ignore[AL208]


@pytest.mark.parametrize(
    ("source", "kind", "expected"),
    [
        pytest.param(f'KEY_ID = "{LIVE}"\n', "python", [Code.LIVE_KEY_ID], id="live-key"),
        pytest.param(f"RAZORPAY_KEY_ID={TEST}\n", "dotenv", [Code.TEST_KEY_ID], id="test-key"),
        pytest.param(f"key_secret: {SECRET}\n", "yaml", [Code.KEY_SECRET], id="secret-named-field"),
        pytest.param(
            f'os.environ.get("RAZORPAY_KEY_SECRET", "{SECRET}")\n',
            "python",
            [Code.KEY_SECRET],
            id="getenv-default",
        ),
        pytest.param(
            f"const KEY_SECRET = process.env.RAZORPAY_KEY_SECRET || '{SECRET}';\n",
            "javascript",
            [Code.KEY_SECRET],
            id="env-fallback-or",
        ),
        pytest.param(
            f'const secret = process.env["KEY_SECRET"] ?? "{SECRET}";\n',
            "javascript",
            [Code.KEY_SECRET],
            id="env-fallback-nullish",
        ),
        pytest.param(
            f"KEY_SECRET = ENV['RAZORPAY_KEY_SECRET'] || '{SECRET}'\n",
            "ruby",
            [Code.KEY_SECRET],
            id="env-fallback-ruby",
        ),
        pytest.param(
            f'ids = ["{LIVE}"]\nother = "{SECRET}"\n',
            "python",
            [Code.LIVE_KEY_ID, Code.KEY_SECRET],
            id="secret-next-to-key",
        ),
        pytest.param(
            f"Authorization: Basic {TOKEN}\n", "text", [Code.BASIC_CREDENTIALS], id="basic-token"
        ),
        pytest.param(
            f"https://{TEST}:{SECRET}@api.razorpay.com/v1/orders\n",
            "text",
            [Code.URL_CREDENTIALS],
            id="url-userinfo-folds-key",
        ),
        pytest.param(
            "DATABASE_URL=postgres://app:Zx9vQ2mK7pL4@db.internal:5432/app\n",  # authlint: ignore
            "dotenv",
            [Code.URL_CREDENTIALS],
            id="url-any-password",
        ),
        pytest.param(
            "postgres://postgres:postgres@db.c9akciq32xyz.eu-west-1.rds.amazonaws.com/app\n",
            "text",
            [Code.URL_CREDENTIALS],
            id="url-default-to-public-host",
        ),
        pytest.param(
            f"LOG_LEVEL=info\nRAZORPAY_KEY_ID=${{RAZORPAY_KEY_ID}}\nRAZORPAY_KEY_SECRET={SECRET}\n",
            "dotenv",
            [Code.KEY_SECRET],
            id="dotenv-id-filled-in-secret-literal",
        ),
        pytest.param(
            f"LOG_LEVEL=info\nKEY_ID='${{KEY_ID}}'\nKEY_SECRET={SECRET}\n",
            "dotenv",
            [Code.CLIENT_CREDENTIALS],
            id="dotenv-single-quoted-id-stays-as-written",
        ),
        pytest.param(
            f"env:\n  KEY_ID: ${{{{ secrets.KEY_ID }}}}\n  KEY_SECRET: {SECRET}\n",
            "yaml",
            [Code.KEY_SECRET],
            id="secret-next-to-referenced-id",
        ),
        pytest.param(f"Authorization: Bearer {JWT}\n", "text", [Code.BEARER_TOKEN], id="bearer"),
        pytest.param(
            "Authorization: Basic YWRtaW46aHVudGVyMnBhc3M=\n",  # admin:hunter2pass  authlint: ignore
            "text",
            [Code.BASIC_CREDENTIALS],
            id="generic-user-real-password",
        ),
    ],
)
def test_flags(source: str, kind: str, expected: list[Code]) -> None:
    assert codes_in(source, kind) == expected


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        pytest.param('KEY_ID = os.environ["RAZORPAY_KEY_ID"]\n', "python", id="env"),
        pytest.param("key: rzp_test_XXXXXXXXXXXXXX\n", "yaml", id="placeholder-key"),
        # Typed along the keyboard: runs of consecutive characters are docs' example bodies.
        pytest.param("key: rzp_test_1234567890abcd\n", "yaml", id="placeholder-runs"),
        pytest.param("key_secret: abcdefghij1234567890ABCD\n", "yaml", id="secret-runs"),
        pytest.param("key: rzp_live_YOUR_KEY_ID_HE\n", "yaml", id="placeholder-words"),
        pytest.param(f'KEY = "{LIVE}X"\n', "python", id="too-long-is-not-a-key"),
        pytest.param("key_secret: abcdefghijklmnopqrstuvwx\n", "yaml", id="not-random"),
        pytest.param("password: ${{ secrets.RAZORPAY_KEY_SECRET }}\n", "yaml", id="actions"),
        pytest.param("postgres://user:password@localhost/db\n", "text", id="url-placeholder"),
        pytest.param("https://user:${DB_PASSWORD}@db/x\n", "text", id="url-reference"),
        pytest.param(
            "const KEY_SECRET = process.env.KEY_SECRET || 'your_key_secret_here';\n",
            "javascript",
            id="env-fallback-placeholder",
        ),
        # A local stack's own defaults: only a generated-looking password to a local host leaks.
        pytest.param("postgres://postgres:postgres@db:5432/app\n", "text", id="url-local-default"),
        pytest.param("redis://:devpassword@redis:6379/0\n", "text", id="url-local-word"),
        pytest.param("amqp://guest:guest@rabbitmq.local:5672/\n", "text", id="url-local-guest"),
        pytest.param("git@github.com:org/repo.git\n", "text", id="scp-url"),
        pytest.param("Authorization: Bearer YOUR_ACCESS_TOKEN_HERE\n", "text", id="bearer-ph"),
        pytest.param("Authorization: Basic QWxhZGRpbg==\n", "text", id="basic-no-colon"),
        # Decodes to `acme_key_id:acme_key_secret`: names saying what goes there, not a pair.
        pytest.param(
            "example: Basic YWNtZV9rZXlfaWQ6YWNtZV9rZXlfc2VjcmV0\n", "yaml", id="basic-of-names"
        ),
        pytest.param("curl -u merchant_key_id:merchant_password x\n", "shell", id="curl-names"),
        pytest.param(
            "sha256 = 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n",
            "text",
            id="hash",
        ),
    ],
)
def test_does_not_flag(source: str, kind: str) -> None:
    assert codes_in(source, kind, SECRETS_ONLY) == []


def test_findings_never_hold_the_secret() -> None:
    source = f'client = ("{LIVE}", "{SECRET}")\nh = "Basic {TOKEN}"\nu = "https://{TEST}:{SECRET}@x.io"\n'
    findings = findings_in(source, "text")
    assert findings
    for finding in findings:
        blob = repr(finding)
        for secret in (LIVE, SECRET, TEST, TOKEN):
            assert secret not in blob
        assert SECRET[:6] not in blob


def test_fingerprint_ignores_line_moves() -> None:
    first = findings_in(f'KEY = "{LIVE}"\n')
    moved = findings_in(f'\n\n\nKEY   =   "{LIVE}"\n')
    assert first[0].line != moved[0].line
    assert first[0].fingerprint == moved[0].fingerprint


def test_secret_default_of_a_terraform_variable_is_a_key_secret() -> None:
    source = 'variable "razorpay_key_secret" {\n  default = "Hk3LmN0pQr5StUv7WxYz1Ab2"\n}\n'  # authlint: ignore
    assert Code.KEY_SECRET in codes_in(source, "terraform")
    assert Code.CLIENT_CREDENTIALS not in codes_in(source, "terraform")


def test_a_described_name_alone_is_no_placeholder() -> None:
    """`acme_key_id:acme_key_secret` is an example pair; a weak password that happens to be
    named (`settlements_2024_password`), or a provider key beside a described secret, leaks."""
    weak = "curl -u settlements:settlements_2024_password https://reports.acme-pay.io/\n"  # authlint: ignore
    assert codes_in(weak, "shell") == [Code.CURL_USER_CREDENTIALS]
    keyed = f"curl -u {LIVE}:acme_key_secret https://api.razorpay.com/v1/payments\n"
    assert Code.CURL_USER_CREDENTIALS in codes_in(keyed, "shell")


def test_generic_user_with_a_real_password_is_a_leak_not_a_placeholder() -> None:
    source = "curl -u admin:Gr4fanaAdm1nPass https://grafana.example/api\n"  # authlint: ignore
    assert codes_in(source, "shell") == [Code.CURL_USER_CREDENTIALS]


# Example credentials where examples are the norm (documentation, tests, docstrings and comments):
# human-typed words with a short digit tail (`mot123`, `CircleOfLife`, `withPwd`) or a phrase
# (`a%20secret`) are what a reader is shown, not a leak. A generated-looking password or a
# provider's key shape there is still one. Each row is (path, source, expected codes).
RANDOM_PW = "Zq8wLm3xT1pK7r"  # authlint: ignore
EXAMPLE_PLACES = [
    pytest.param(
        "README.md",
        "Try it:\n\n```sh\ncurl -u admin:hunter2 http://localhost:3000/\n```\n",
        [],
        id="docs-curl-user-word-digits",
    ),
    pytest.param(
        "README.md",
        f"```sh\ncurl -u deployer:{RANDOM_PW} https://api.acme-pay.io/\n```\n",
        [Code.CURL_USER_CREDENTIALS],
        id="docs-curl-user-random-password-still-flags",
    ),
    pytest.param(
        "docs/clients.md",
        "```pycon\n>>> httpx.get('https://example.com', auth=('tom', 'mot123'))\n```\n",
        [],
        id="docs-word-digits",
    ),
    pytest.param(
        "docs/clients.md",
        f"```python\nhttpx.get('https://api.acme-pay.io', auth=('svc', '{RANDOM_PW}'))\n```\n",
        [Code.CLIENT_CREDENTIALS],
        id="docs-random-password-still-flags",
    ),
    pytest.param(
        "README.md",
        "```js\naxios.get(url, { auth: { username: 'janedoe', password: 's00pers3cret' } });\n```\n",
        [],
        id="docs-leetspeak-word",
    ),
    pytest.param(
        "README.md",
        "```js\naxios.get(url, { auth: { username: 'svc', password: 'x7k2m9q4z8w1' } });\n```\n",  # authlint: ignore[AL207]
        [Code.CLIENT_CREDENTIALS],
        id="docs-random-lower-digits-still-flags",
    ),
    pytest.param(
        "tests/test_auth.py",
        'auth = httpx.DigestAuth(username="Mufasa", password="CircleOfLife")\n',
        [],
        id="test-camel-words",
    ),
    pytest.param(
        "tests/test_auth.py",
        f'auth = httpx.DigestAuth(username="Mufasa", password="{RANDOM_PW}")\n',
        [Code.CLIENT_CREDENTIALS],
        id="test-random-password-still-flags",
    ),
    pytest.param(
        "app/legacy.py",
        'auth = DigestAuth("Mufasa", "Circle Of Life")\n',
        [],
        id="rfc2617-digest-example",
    ),
    pytest.param(
        "tests/test_auth.py",
        'auth = DigestAuth(username="svc-report", password="Quiet River Stone")\n',
        [],
        id="test-phrase",
    ),
    pytest.param(
        "app/legacy.py",
        'auth = DigestAuth("Mufasa", "Circle Of Strife 9")\n',
        [Code.CLIENT_CREDENTIALS],
        id="not-the-rfc-example-still-flags",
    ),
    pytest.param(
        "pkg/urls.py",
        'class URL:\n    """\n    url = URL("https://jo%40email.com:a%20secret@host.de:1234/p")\n    """\n',
        [],
        id="docstring-url-phrase",
    ),
    pytest.param(
        "pkg/urls.py",
        f'DSN = "https://svc:{RANDOM_PW}@db.acme-cloud.net:5432/p"\n',
        [Code.URL_CREDENTIALS],
        id="code-url-random-password-still-flags",
    ),
    pytest.param(
        "tests/test_proxy.py", 'PROXY = "http://user:withPwd@slap:8888/"\n', [], id="local-typed"
    ),
    pytest.param(
        "tests/test_proxy.py",
        f'PROXY = "http://user:{RANDOM_PW}@slap:8888/"\n',
        [Code.URL_CREDENTIALS],
        id="local-random-still-flags",
    ),
    # A settings schema that describes its fields: labels with spaces are not an id and a secret.
    pytest.param(
        "context/project.json",
        '{"fields": {"key_id": "Razorpay API Key ID", "key_secret": "Razorpay API Key Secret"}}\n',
        [],
        id="json-field-labels",
    ),
    pytest.param(
        "context/project.json",
        f'{{"fields": {{"key_id": "Razorpay API Key ID", "key_secret": "{RANDOM_PW}"}}}}\n',
        [Code.CLIENT_CREDENTIALS],
        id="json-label-id-real-secret-still-flags",
    ),
]


@pytest.mark.parametrize(("path", "source", "expected"), EXAMPLE_PLACES)
def test_examples_where_examples_are_the_norm(path: str, source: str, expected: list[Code]) -> None:
    from authlint.scan import scan_text

    found = scan_text(path, source, SECRETS_ONLY)
    assert [f.code for f in found] == expected


# In a test file a Bearer literal sent to the test's own server is test data when it is not
# shaped like generated key material (a UUID, hex); a mixed-case random token or a provider's
# key there is still a leak.
UUID_TOKEN = "004DDB79-6801-4587-B976-F093E6AC44FF"
MIXED_TOKEN = "q8Lw2ZxT7mN4pK9rV3sB6yH1cJ5dF0gA"  # authlint: ignore


@pytest.mark.parametrize(
    ("path", "token", "expected"),
    [
        pytest.param("request_test.go", UUID_TOKEN, [], id="test-uuid"),
        pytest.param("client.go", UUID_TOKEN, [Code.BEARER_TOKEN], id="code-uuid-still-flags"),
        pytest.param("request_test.go", MIXED_TOKEN, [Code.BEARER_TOKEN], id="test-mixed-flags"),
    ],
)
def test_bearer_literal_in_tests(path: str, token: str, expected: list[Code]) -> None:
    from authlint.scan import scan_text

    source = f'req.Header.Set("Authorization", "Bearer {token}")\n'
    assert [f.code for f in scan_text(path, source, SECRETS_ONLY)] == expected


def test_a_jwt_whose_signature_was_typed_is_a_stand_in() -> None:
    """An OpenAPI example `eyJ...e30.c2lnbmF0dXJl` ("signature") was written, not signed."""
    import base64

    from authlint import jwt

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    header, payload = part(b'{"alg":"RS256"}'), part(b"{}")
    typed = f"{header}.{payload}.{part(b'signature')}"
    signed = f"{header}.{payload}.{part(bytes(range(200, 232)))}"
    assert jwt.written_signature(typed)
    assert not jwt.written_signature(signed)
    assert not jwt.written_signature(f"{header}.{payload}.")  # unsigned: its own rule
    source = 'H = {{"Authorization": "Bearer {}"}}\n'
    from tests.helpers import codes_in

    assert codes_in(source.format(typed)) == []
    assert codes_in(source.format(signed)) != []

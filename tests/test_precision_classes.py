"""Precision classes found on public repositories (okhttp, axios, faraday): example code in a
samples directory, tests in a Maven/Gradle test source set, and a raw word where the Basic token
belongs (one problem, one finding)."""

from __future__ import annotations

import base64

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _codes(path: str, source: str) -> list[Code]:
    return [f.code for f in scan_text(path, source, Settings().with_selection())]


SAMPLE = (
    "class Authenticate {\n"
    "  String credential() {\n"
    '    return Credentials.basic("jesse", "password1");\n'
    "  }\n"
    "}\n"
)


@pytest.mark.parametrize(
    "path",
    [
        "samples/guide/src/main/java/okhttp3/recipes/Authenticate.java",
        "examples/basic-auth/Authenticate.java",
        "demo/Authenticate.java",
    ],
)
def test_typed_credentials_in_example_code_are_examples(path: str) -> None:
    assert Code.CLIENT_CREDENTIALS not in _codes(path, SAMPLE)


def test_typed_credentials_in_application_code_still_leak() -> None:
    assert Code.CLIENT_CREDENTIALS in _codes("src/main/java/com/acme/Authenticate.java", SAMPLE)


def test_a_generated_secret_in_example_code_still_leaks() -> None:
    source = SAMPLE.replace("password1", "Xq7vLm2Rk9Tz4Wp8Ns3Bd6Hy")  # authlint: ignore
    assert Code.CLIENT_CREDENTIALS in _codes("examples/Authenticate.java", source)


HELPER = (
    'class Fixtures {\n  static final String[] HEADER = {"Authorization", "Basic abc123"};\n}\n'
)


def test_a_maven_test_source_set_is_tests_at_any_depth() -> None:
    path = "src/test/java/com/acme/payments/support/Fixtures.java"
    assert [c for c in _codes(path, HELPER) if c.value.startswith("AL1")] == []
    main = "src/main/java/com/acme/payments/support/Fixtures.java"
    assert [c for c in _codes(main, HELPER) if c.value.startswith("AL1")] != []


@pytest.mark.parametrize(
    "value", ["Basic abc123", "Basic 123", "Basic hunter2", "Basic mysecretpassword"]
)
def test_a_raw_word_in_place_of_the_token_is_one_finding(value: str) -> None:
    source = f'HEADERS = {{"Authorization": "{value}"}}\n'
    assert _codes("app/client.py", source) == [Code.NOT_BASE64]


def test_latin1_credentials_keep_their_own_code() -> None:
    # base64 of b"username:m\xf6torhead": a colon, decodes, but not UTF-8.
    source = 'HEADERS = {"Authorization": "Basic dXNlcm5hbWU6bfZ0b3JoZWFk"}\n'
    codes = _codes("app/client.py", source)
    assert Code.NON_UTF8_CREDENTIALS in codes
    assert Code.NOT_BASE64 not in codes


# --- Classes found on go-github, octokit.net, got, mailgun.js, adyen-node (branch prec4) ---


@pytest.mark.parametrize(
    ("token", "flagged"),
    [
        pytest.param("Y2xpZW50OnBhc3N3b3Jk", False, id="base64-after-the-scheme"),
        pytest.param("client:password", True, id="raw-pair-after-the-scheme"),
    ],
)
def test_a_variable_holding_scheme_and_token_is_judged_after_the_scheme(
    token: str, flagged: bool
) -> None:
    # The literal holds `Basic <token>` whole: only what follows the scheme is the token.
    source = (
        f"const expectedHeader = 'Basic {token}';\n"
        "await client.get('/v1/items', { headers: { authorization: expectedHeader } });\n"
    )
    assert (Code.NOT_BASE64 in _codes("src/fetcher.ts", source)) is flagged


GENERATED = "Xq7vLm2Rk9Tz" + "4Wp8Ns3Bd6Hy"  # 24 alphanumerics, built so no line holds it


@pytest.mark.parametrize(
    ("path", "source", "flagged"),
    [
        pytest.param(
            "Api/IVaultClient.cs",
            "public interface IVaultClient\n{\n"
            "    Task<Entry> Put(string owner, string secretName, UpdateEnvironmentSecrets body);\n"
            "}\n",
            False,
            id="csharp-parameter-type-after-comma",
        ),
        pytest.param(
            "src/config.js",
            "const secret = process.env.APP_SECRET || DefaultSecretValueHolder;\n",
            False,
            id="js-fallback-to-a-name",
        ),
        pytest.param(
            "src/config.js",
            f"const secret = process.env.APP_SECRET || '{GENERATED}';\n",
            True,
            id="js-fallback-to-a-literal",
        ),
        pytest.param(
            "app/settings.py",
            f"secret = os.getenv('KEY_SECRET', \"{GENERATED}\")\n",
            True,
            id="python-getenv-default-literal",
        ),
        pytest.param("deploy/.env", f"KEY_SECRET={GENERATED}\n", True, id="dotenv-bare-value"),
    ],
)
def test_after_a_comma_or_fallback_only_a_quoted_value_is_a_literal(
    path: str, source: str, flagged: bool
) -> None:
    assert (Code.KEY_SECRET in _codes(path, source)) is flagged


def _expect_basic(user: str, password: str) -> str:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return (
        "public class SignerTests\n{\n    [Fact]\n    public void SetsHeader()\n    {\n"
        f'        Assert.Equal("Basic {token}", request.Headers["Authorization"]);\n'
        "    }\n}\n"
    )


@pytest.mark.parametrize(
    ("path", "password", "flagged"),
    [
        pytest.param("Acme.Tests/SignerTests.cs", "Straßenbahn", False, id="umlaut-word-in-test"),
        pytest.param("Acme.Tests/SignerTests.cs", "Contraseña", False, id="tilde-word-in-test"),
        pytest.param("Acme.Tests/SignerTests.cs", GENERATED, True, id="generated-in-test"),
        pytest.param("Acme/Signer.cs", "Straßenbahn", True, id="umlaut-word-in-app-code"),
    ],
)
def test_a_typed_word_with_letters_outside_ascii_is_test_data(
    path: str, password: str, flagged: bool
) -> None:
    source = _expect_basic("quiet-neighbour", password)
    assert (Code.BASIC_CREDENTIALS in _codes(path, source)) is flagged


@pytest.mark.parametrize(
    ("comment", "flagged"),
    [
        pytest.param(
            'The key pair is joined with a colon and sent as an "Authorization": "Basic" header.',
            False,
            id="scheme-named-in-a-sentence",
        ),
        pytest.param('Example: "Authorization": "Bearer "', True, id="example-lost-its-token"),
    ],
)
def test_a_bare_scheme_in_a_comment_names_the_scheme(comment: str, flagged: bool) -> None:
    source = f"package relay\n\n// {comment}\ntype KeyTransport struct{{}}\n"
    assert (Code.STRIPPED_EXAMPLE in _codes("relay/transport.go", source)) is flagged


BUILT_FROM_LITERALS = (
    "test('keeps the user on redirect', async t => {\n"
    "  t.is(seen.authorization, `Basic ${Buffer.from('guest:').toString('base64')}`);\n"
    "});\n"
)


@pytest.mark.parametrize(
    ("path", "flagged"),
    [
        pytest.param("test/redirect.ts", False, id="test-data-in-a-test"),
        pytest.param("src/redirect.ts", True, id="same-value-in-application-code"),
    ],
)
def test_a_value_built_from_literals_in_a_test_is_test_data(path: str, flagged: bool) -> None:
    # As a literal `Basic Z3Vlc3Q6` in a test is: the empty password is what the test checks.
    assert (Code.EMPTY_PASSWORD in _codes(path, BUILT_FROM_LITERALS)) is flagged


# A server reading the header it received compares it with the scheme: the variable named for
# the header and the literal are a comparison's operands (spring-security's
# `startsWithIgnoreCase(authorization, "basic ")`), not a header name and its value.
@pytest.mark.parametrize(
    "call",
    [
        'StringUtils.startsWithIgnoreCase(authorization, "basic ")',
        'authorization.equalsIgnoreCase(AUTHORIZATION, "basic")',
        'Objects.equals(authorization, "basic ")',
    ],
)
def test_a_comparison_with_the_scheme_is_no_header(call: str) -> None:
    source = f"class F {{\n  boolean basic(String authorization) {{\n    return {call};\n  }}\n}}\n"
    assert _codes("src/main/java/com/acme/F.java", source) == []


def test_a_header_name_and_value_given_to_a_setter_are_still_judged() -> None:
    source = (
        "class F {\n  void set(HttpHeaders headers) {\n"
        '    headers.set(HttpHeaders.AUTHORIZATION, "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");\n'
        "  }\n}\n"
    )
    assert Code.SCHEME_CASE in _codes("src/main/java/com/acme/F.java", source)


def test_the_field_name_inside_a_message_literal_is_text() -> None:
    # onedev: `"Unsupported authorization: " + x` on a continuation line is an error message;
    # the quote after the colon closes the literal, it opens no header value.
    source = (
        "class F {\n  void f(String authHeader) {\n"
        "    throw new ClientException(SC_UNAUTHORIZED,\n"
        '        "Unsupported authorization: " + substringBefore(authHeader, " "));\n'
        "  }\n}\n"
    )
    assert _codes("src/main/java/com/acme/F.java", source) == []
    # As a key it is still one: `Authorization: "basic ..."` in a JavaScript object.
    js = 'const h = { Authorization: "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==" };\n'
    assert Code.SCHEME_CASE in _codes("src/app.js", js)


BUILDER_LINES = [
    # A builder appends the token to what the literal began: the literal is a prefix.
    ("src/Raw.java", 'sb.append("Authorization: Bearer ").append(token).append("\\r\\n");\n', []),
    ("src/Raw.cs", 'sb.Append("Authorization: Bearer ").Append(token).Append("\\r\\n");\n', []),
    ("src/Raw.kt", 'append("Authorization: Basic ").append(encoded)\n', []),
    # The prefix is still judged as one.
    ("src/Raw.java", 'sb.append("Authorization: bearer ").append(token);\n', [Code.SCHEME_CASE]),
]


@pytest.mark.parametrize(("path", "line", "expected"), BUILDER_LINES)
def test_a_builder_chain_appends_to_a_header_line(
    path: str, line: str, expected: list[Code]
) -> None:
    source = f"class Raw {{\n  void f(StringBuilder sb, String token) {{\n    {line}  }}\n}}\n"
    found = _codes(path, source)
    assert [c for c in found if c is not Code.WHITESPACE] == expected, found


@pytest.mark.parametrize(
    ("path", "source"),
    [
        pytest.param(
            "src/test/kotlin/BearerAuthTest.kt",
            "class BearerAuthTest {\n  fun caseInsensitive() {\n"
            '    for (n in tokens) client.get("/") { header(Authorization, "bearer $n") }\n'
            "  }\n}\n",
            id="kotlin-template",
        ),
        pytest.param(
            "tests/test_auth_middleware.py",
            "def test_scheme_any_case(client, token):\n"
            '    r = client.get("/me", headers={"Authorization": f"BEARER {token}"})\n'
            "    assert r.status_code == 200\n",
            id="python-f-string",
        ),
    ],
)
def test_a_test_feeding_a_scheme_spelled_its_own_way_is_test_data(path: str, source: str) -> None:
    """A literal value in a test is what the test feeds the code under test; a value the test
    completes at run time (`"bearer $n"`) is too."""
    assert _codes(path, source) == []


def test_a_test_calling_a_live_api_sends_what_it_builds() -> None:
    """A test that sends the built value to a public API host is a live smoke test: what the
    value says reaches that API, and is its bug as outside tests."""
    source = (
        "import base64, os, requests\n\ndef test_payments_live():\n"
        "    creds = base64.b64encode(os.environ['RZP_PAIR'].encode()).decode()\n"
        '    r = requests.get("https://api.razorpay.com/v1/payments",'
        ' headers={"Authorization": f"basic {creds}"})\n'
        "    assert r.status_code == 200\n"
    )
    assert Code.SCHEME_CASE in _codes("tests/test_smoke.py", source)
    local = source.replace("https://api.razorpay.com/v1/payments", "http://localhost:8000/me")
    assert _codes("tests/test_smoke.py", local) == []
    # The line readers' prefix follows the same rule (a shell smoke test has no tree).
    script = 'curl -sS -H "Authorization: basic "$RZP_BASIC https://api.razorpay.com/v1/payments\n'
    assert Code.SCHEME_CASE in _codes("tests/smoke_test.sh", script)
    assert _codes("tests/smoke_test.sh", script.replace("api.razorpay.com", "localhost")) == []


def test_outside_tests_the_same_construction_is_a_finding() -> None:
    source = 'def me(client, token):\n    return client.get("/me", headers={"Authorization": f"BEARER {token}"})\n'
    assert Code.SCHEME_CASE in _codes("app/me.py", source)

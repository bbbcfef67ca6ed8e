from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authlint.extract import Candidate, Role, go, java, javascript, php, python, ruby

Extract = Callable[[str], Iterator[Candidate]]
LANGS: dict[str, Extract] = {
    "python": python.extract,
    "javascript": javascript.extract,
    "go": go.extract,
    "java": java.extract,
    "php": php.extract,
    "ruby": ruby.extract,
}
H, P, PAIR = Role.HEADER, Role.HEADER_PREFIX, Role.PAIR


def run(lang: str, src: str) -> list[Candidate]:
    found = list(LANGS[lang](src))
    for cand in found:
        for value in (cand.value, cand.secret):
            if value is not None:
                assert src[value.start : value.end] == value.text
    return found


def summary(found: list[Candidate]) -> list[tuple[str, str]]:
    return [(c.role.value, c.value.text) for c in found]


# (language, source, role, value text); the value's offset is checked by `run`.
HEADERS = [
    pytest.param(
        "python",
        'requests.get(url, headers={"Authorization": "Basic dXNlcjpwYXNz"})',
        H,
        "Basic dXNlcjpwYXNz",
        id="py-requests-dict",
    ),
    pytest.param("python", 'h = {"Authorization": f"Bearer {tok}"}', P, "Bearer ", id="py-fstr"),
    pytest.param(
        "python",
        'headers = {\n    "Accept": "application/json",\n    "Authorization":\n'
        '        "Basic dXNlcjpwYXNz",\n}',
        H,
        "Basic dXNlcjpwYXNz",
        id="py-dict-key-value-on-next-line",
    ),
    pytest.param("python", 'h["Authorization"] = "basic " + b64', P, "basic ", id="py-concat"),
    pytest.param("python", 'x = "Bearer %s" % tok', P, "Bearer ", id="py-percent"),
    pytest.param("python", 'x = "Basic {}".format(tok)', P, "Basic ", id="py-format"),
    pytest.param("python", 'x = "Basic $TOKEN"', H, "Basic $TOKEN", id="py-unexpanded"),
    pytest.param("python", 'x = "Bearer {token}"', H, "Bearer {token}", id="py-forgot-f"),
    pytest.param(
        "python",
        'h = {"Proxy-Authorization": "Basic  dXNlcjpwYXNz"}',
        H,
        "Basic  dXNlcjpwYXNz",
        id="py-proxy",
    ),
    pytest.param(
        "python", "# Authorization: Basic dXNlcjpwYXNz\n", H, "Basic dXNlcjpwYXNz", id="py-comment"
    ),
    pytest.param(
        "python",
        'RAW = "GET / HTTP/1.1\\r\\nAuthorization: Basic dXNlcjpwYXNz\\r\\n"',
        H,
        "Basic dXNlcjpwYXNz",
        id="py-raw-request",
    ),
    pytest.param(
        "python",
        'h = {"Authorization": "Authorization: Basic dXNlcjpwYXNz"}',
        H,
        "Authorization: Basic dXNlcjpwYXNz",
        id="py-field-name-in-value",
    ),
    pytest.param(
        "python",
        "TOKEN = 'Bearer eyJhbGciOi.eyJzdWIi.sig'",  # authlint: ignore
        H,
        "Bearer eyJhbGciOi.eyJzdWIi.sig",  # authlint: ignore
        id="py-standalone-jwt",
    ),
    pytest.param(
        "python",
        'urllib.request.Request(u, headers={"Authorization": "Token abc"})',
        H,
        "Token abc",
        id="py-urllib-other-scheme",
    ),
    pytest.param(
        "javascript",
        "fetch(u, { headers: { Authorization: `Bearer ${token}` } })",
        P,
        "Bearer ",
        id="js-fetch-template",
    ),
    pytest.param(
        "javascript",
        "axios.defaults.headers.common['Authorization'] = 'Bearer ' + token;",
        P,
        "Bearer ",
        id="js-axios-defaults",
    ),
    pytest.param(
        "javascript",
        'xhr.setRequestHeader("Authorization", "Basic ${B64}")',
        H,
        "Basic ${B64}",
        id="js-plain-dollar",
    ),
    pytest.param(
        "javascript",
        "const h = new Headers({ authorization: 'Basic \"dXNlcjpwYXNz\"' })",
        H,
        'Basic "dXNlcjpwYXNz"',
        id="js-quoted-creds",
    ),
    pytest.param(
        "go",
        'req.Header.Set("Authorization", fmt.Sprintf("Basic %s", enc))',
        P,
        "Basic ",
        id="go-sprintf",
    ),
    pytest.param(
        "go", 'req.Header.Add("Authorization", "Bearer "+tok)', P, "Bearer ", id="go-plus"
    ),
    pytest.param(
        "go",
        'req.Header["Authorization"] = []string{"Basic dXNlcjpwYXNz"}',
        H,
        "Basic dXNlcjpwYXNz",
        id="go-header-map",
    ),
    pytest.param(
        "java",
        'conn.setRequestProperty("Authorization", "Basic " + encoded);',
        P,
        "Basic ",
        id="java-urlconnection",
    ),
    pytest.param(
        "java",
        'HttpRequest.newBuilder().header("Authorization", String.format("Bearer %s", t))',
        P,
        "Bearer ",
        id="java-httpclient-format",
    ),
    pytest.param(
        "java",
        'headers.set(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz");',
        H,
        "Basic dXNlcjpwYXNz",
        id="java-spring-constant",
    ),
    pytest.param("java", 'val h = "Bearer $token"', P, "Bearer ", id="kotlin-template"),
    pytest.param(
        "java",
        'client.DefaultRequestHeaders.Add("Authorization", $"Bearer {token}");',
        P,
        "Bearer ",
        id="csharp-interpolated",
    ),
    pytest.param(
        "php",
        "curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . base64_encode($a)]);",
        P,
        "Basic ",
        id="php-curl-header-line",
    ),
    pytest.param(
        "php",
        "$h = ['Authorization: Basic dXNlcjpwYXNz'];",
        H,
        "Basic dXNlcjpwYXNz",
        id="php-header-line-literal",
    ),
    pytest.param("php", '$h = "Authorization: Bearer $token";', P, "Bearer ", id="php-interp"),
    pytest.param("php", "$h = 'Bearer $token';", H, "Bearer $token", id="php-single-quote"),
    pytest.param(
        "php",
        "$client->request('GET', $u, ['headers' => ['Authorization' => \"Basic {$b}\"]]);",
        P,
        "Basic ",
        id="php-guzzle-brace",
    ),
    pytest.param(
        "ruby", "req['Authorization'] = \"Bearer #{token}\"", P, "Bearer ", id="rb-net-http"
    ),
    pytest.param(
        "ruby",
        "HTTParty.get(u, headers: { 'Authorization' => 'Basic dXNlcjpwYXNz' })",
        H,
        "Basic dXNlcjpwYXNz",
        id="rb-httparty",
    ),
    pytest.param(
        "ruby",
        'conn.headers[:Authorization] = "Basic " + token',
        P,
        "Basic ",
        id="rb-faraday-symbol",
    ),
    pytest.param(
        "python",
        'AUTH = "Bearer {token}"\nlog(AUTH)',
        H,
        "Bearer {token}",
        id="py-template-never-formatted",
    ),
    pytest.param(
        "python",
        'AUTH = "Bearer {token}"\nh = {"Authorization": AUTH.format(token=t)}',
        P,
        "Bearer ",
        id="py-template-formatted-later",
    ),
    pytest.param(
        "python",
        'AUTH = "Bearer {token}"\nh = {"Authorization": MY_AUTH.format(token=t)}',
        H,
        "Bearer {token}",
        id="py-template-other-name-formatted",
    ),
    pytest.param(
        "python",
        'AUTH = "Bearer {token}"\nlog(AUTH)\nh = {"Authorization": AUTH  .format(token=t)}',
        P,
        "Bearer ",
        id="py-template-formatted-after-other-uses",
    ),
    pytest.param(
        "python",
        'AUTH: str = "Basic %s"\nh = AUTH % tok',
        P,
        "Basic ",
        id="py-template-percent-later",
    ),
    pytest.param(
        "javascript",
        "const h = { Authorization: 'Bearer ' + tok }; const m = \"it's\"",
        P,
        "Bearer ",
        id="js-quote-after-literal",
    ),
    pytest.param(
        "python",
        'x = f"{a}"; h = {"Authorization": "basic " + tok}',
        P,
        "basic ",
        id="py-literal-after-closed-literal",
    ),
    pytest.param(
        "javascript",
        "const h = 'Authorization: Basic abc def';",
        H,
        "Basic abc def",
        id="js-header-line-two-words-kept",
    ),
    pytest.param(
        "php",
        "$h = ['Authorization: Basic'];",
        H,
        "Basic",
        id="php-header-line-no-credentials-kept",
    ),
]


@pytest.mark.parametrize(("lang", "src", "role", "text"), HEADERS)
def test_header_found(lang: str, src: str, role: Role, text: str) -> None:
    found = run(lang, src)
    assert (role.value, text) in summary(found)
    cand = next(c for c in found if c.value.text == text)
    assert src.index(text) <= cand.value.start


NOT_HEADERS = [
    pytest.param("python", 'x = "Basic settings"', id="basic-settings"),
    pytest.param("python", 'x = "Bearer of bad news"', id="bearer-words"),
    pytest.param("python", 'print("basic usage: run it")', id="basic-usage"),
    pytest.param("python", 'log.info("Bearer token expired: %s", e)', id="log-message"),
    pytest.param("python", 'x = "Basic realm=\\"api\\""', id="www-authenticate-challenge"),
    pytest.param("python", 'allow_headers=["Authorization", "Content-Type"]', id="cors-list"),
    pytest.param("python", 'auth = request.headers.get("Authorization")', id="reading-header"),
    pytest.param("python", "BASIC = 1\nbasic_auth_enabled = True", id="identifiers"),
    pytest.param("python", 'msg = "Authorization failed for user"', id="prose"),
    pytest.param("javascript", "label: 'Basic Authentication'", id="ui-label"),
    pytest.param("javascript", "if (scheme === 'Bearer') {}", id="bare-scheme"),
    pytest.param("javascript", "const h = { Authorization: token }", id="js-variable-value"),
    pytest.param(
        "java", '@CrossOrigin(allowedHeaders = {"Authorization", "Cache-Control"})', id="java-cors"
    ),
    pytest.param("go", '// Basic usage of the client\nx := "Basic"', id="go-comment-prose"),
    pytest.param("ruby", "puts 'Basic plan selected'", id="rb-prose"),
    pytest.param("php", "echo 'Bearer of the ring';", id="php-prose"),
    pytest.param(
        "python",
        "ERR = \"Authorization header missing: expected 'Basic <credentials>'\"",
        id="quoted-example-inside-message",
    ),
    pytest.param(
        "javascript",
        "throw new Error(\"send 'Bearer <token>' in the header\")",
        id="js-quoted-example-inside-message",
    ),
    pytest.param(
        "go",
        "return fmt.Errorf(\"want 'Authorization: Basic QWxhZGRpbjpvcGVu', got %q\", h)",  # authlint: ignore
        id="go-quoted-header-line-inside-message",
    ),
    pytest.param(
        "javascript",
        'const m = { help: "Authorization: Basic followed by your base64 credentials" };',
        id="js-header-line-help-text",
    ),
    pytest.param(
        "python",
        'HELP = "Authorization: Bearer token goes here, see the docs"',
        id="py-header-line-sentence",
    ),
    # A string that names the header but is not a dict key: a return annotation (an SDK's
    # `Authorization` resource, as in Stripe Issuing), a comparison or a match case, followed by
    # a docstring or a string on the next line. That string is not the header value.
    pytest.param(
        "python",
        'def approve(\n    authorization: str\n) -> "Authorization":\n'
        '    """\n    Approves a pending Authorization object.\n    """\n',
        id="py-return-annotation-then-docstring",
    ),
    pytest.param(
        "python",
        'if name == "Authorization":\n    """Basic credentials are checked below."""\n',
        id="py-comparison-then-docstring",
    ),
    pytest.param(
        "python",
        'match name:\n    case "Authorization":\n        "Bearer tokens only"\n',
        id="py-match-case-then-string",
    ),
]


@pytest.mark.parametrize(("lang", "src"), NOT_HEADERS)
def test_header_not_found(lang: str, src: str) -> None:
    assert [c for c in run(lang, src) if c.role in (H, P)] == []


# (language, source, id text, id literal, secret text, secret literal)
PAIRS = [
    pytest.param(
        "python",
        'client = razorpay.Client(auth=("rzp_test_abcdefghijklmn", "s3cretS3cretS3cretS3cret"))',  # authlint: ignore
        "rzp_test_abcdefghijklmn",  # authlint: ignore
        True,
        "s3cretS3cretS3cretS3cret",  # authlint: ignore
        True,
        id="py-razorpay-client",
    ),
    pytest.param(
        "python",
        'client = razorpay.Client(auth=(os.environ["KEY_ID"], os.getenv("KEY_SECRET")))',
        'os.environ["KEY_ID"]',
        False,
        'os.getenv("KEY_SECRET")',
        False,
        id="py-razorpay-env",
    ),
    pytest.param(
        "python",
        'requests.get(u, auth=("user", "pa55"))',
        "user",
        True,
        "pa55",
        True,
        id="py-requests-tuple",
    ),
    pytest.param(
        "python",
        'requests.get(u, auth=HTTPBasicAuth("user", PASSWORD))',
        "user",
        True,
        "PASSWORD",
        False,
        id="py-httpbasicauth",
    ),
    pytest.param(
        "python",
        'aiohttp.BasicAuth(login="user", password="pw")',
        "user",
        True,
        "pw",
        True,
        id="py-aiohttp",
    ),
    pytest.param(
        "python",
        'httpx.Client(auth=httpx.BasicAuth(username="u", password="p"))',
        "u",
        True,
        "p",
        True,
        id="py-httpx",
    ),
    pytest.param(
        "python",
        'token = base64.b64encode(b"user:pa55").decode()',
        "user",
        True,
        "pa55",
        True,
        id="py-b64encode",
    ),
    pytest.param(
        "python",
        'mgr.add_password(None, url, "user", "pa55")',
        "user",
        True,
        "pa55",
        True,
        id="py-urllib-add-password",
    ),
    pytest.param(
        "javascript",
        "axios.get(u, { auth: { username: 'janedoe', password: 's00pers3cret' } })",  # authlint: ignore
        "janedoe",
        True,
        "s00pers3cret",
        True,
        id="js-axios",
    ),
    pytest.param(
        "javascript",
        "const rzp = new Razorpay({ key_id: process.env.KEY_ID, key_secret: 'abc123' })",
        "process.env.KEY_ID",
        False,
        "abc123",
        True,
        id="js-razorpay",
    ),
    pytest.param(
        "javascript",
        "http.request({ host, auth: 'user:pa55' })",
        "user",
        True,
        "pa55",
        True,
        id="js-node-auth-string",
    ),
    pytest.param(
        "javascript", "const b = btoa('user:pa55')", "user", True, "pa55", True, id="js-btoa"
    ),
    pytest.param(
        "javascript",
        "Buffer.from(`user:pa55`).toString('base64')",
        "user",
        True,
        "pa55",
        True,
        id="js-buffer",
    ),
    pytest.param(
        "javascript",
        "request.get(u).auth('user', 'pa55')",
        "user",
        True,
        "pa55",
        True,
        id="js-superagent",
    ),
    pytest.param(
        "go",
        'req.SetBasicAuth("user", os.Getenv("PW"))',
        "user",
        True,
        'os.Getenv("PW")',
        False,
        id="go-setbasicauth",
    ),
    pytest.param(
        "go",
        'client := razorpay.NewClient("key", "secret")',
        "key",
        True,
        "secret",
        True,
        id="go-razorpay",
    ),
    pytest.param(
        "go",
        'enc := base64.StdEncoding.EncodeToString([]byte("user:pa55"))',
        "user",
        True,
        "pa55",
        True,
        id="go-base64",
    ),
    pytest.param(
        "java",
        'String c = Credentials.basic("user", "pa55");',
        "user",
        True,
        "pa55",
        True,
        id="java-okhttp",
    ),
    pytest.param(
        "java",
        'RazorpayClient rz = new RazorpayClient("key", "secret");',
        "key",
        True,
        "secret",
        True,
        id="java-razorpay",
    ),
    pytest.param(
        "java",
        'new PasswordAuthentication("user", "pa55".toCharArray())',
        "user",
        True,
        "pa55",
        True,
        id="java-authenticator",
    ),
    pytest.param(
        "java",
        "builder.basicAuthentication(user, pass)",
        "user",
        False,
        "pass",
        False,
        id="java-resttemplate",
    ),
    pytest.param(
        "java",
        'client.get(u).basic_auth("user", Some("pa55"))',
        "user",
        True,
        "pa55",
        True,
        id="rust-reqwest",
    ),
    pytest.param(
        "java",
        'new NetworkCredential("user", "pa55")',
        "user",
        True,
        "pa55",
        True,
        id="csharp-networkcredential",
    ),
    pytest.param(
        "php",
        "$api = new Api($keyId, 'secret123');",
        "$keyId",
        False,
        "secret123",
        True,
        id="php-razorpay",
    ),
    pytest.param(
        "php",
        "curl_setopt($ch, CURLOPT_USERPWD, 'user:pa55');",
        "user",
        True,
        "pa55",
        True,
        id="php-curl-userpwd",
    ),
    pytest.param(
        "php",
        "new Client(['auth' => ['user', 'pa55']]);",
        "user",
        True,
        "pa55",
        True,
        id="php-guzzle",
    ),
    pytest.param(
        "php", "$t = base64_encode('user:pa55');", "user", True, "pa55", True, id="php-base64"
    ),
    pytest.param(
        "ruby",
        "Razorpay.setup('key_id', ENV['KEY_SECRET'])",
        "key_id",
        True,
        "ENV['KEY_SECRET']",
        False,
        id="rb-razorpay",
    ),
    pytest.param(
        "ruby", "req.basic_auth 'user', 'pa55'\n", "user", True, "pa55", True, id="rb-net-http"
    ),
    pytest.param(
        "ruby",
        "conn.request :authorization, :basic, 'user', 'pa55'",
        "user",
        True,
        "pa55",
        True,
        id="rb-faraday",
    ),
    pytest.param(
        "ruby",
        "HTTParty.get(u, basic_auth: { username: 'user', password: 'pa55' })",
        "user",
        True,
        "pa55",
        True,
        id="rb-httparty",
    ),
]


@pytest.mark.parametrize(("lang", "src", "user", "user_lit", "secret", "secret_lit"), PAIRS)
def test_pair_found(  # noqa: PLR0917 - one parameter per table column
    lang: str, src: str, user: str, user_lit: bool, secret: str, secret_lit: bool
) -> None:
    pairs = [c for c in run(lang, src) if c.role is PAIR]
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.secret is not None
    assert (pair.value.text, pair.value.literal) == (user, user_lit)
    assert (pair.secret.text, pair.secret.literal) == (secret, secret_lit)
    assert pair.context


NOT_PAIRS = [
    pytest.param("python", "requests.get(u, auth=auth)", id="py-variable"),
    pytest.param("python", 'oauth = OAuth2Session("client")', id="py-oauth"),
    pytest.param("python", 'base64.b64decode("dXNlcjpwYXNz")', id="py-decode"),
    pytest.param("javascript", "btoa(user + ':' + pass)", id="js-btoa-concat"),
    pytest.param("javascript", "btoa(`${user}:${pass}`)", id="js-btoa-template"),
    pytest.param("php", 'base64_encode("$key:$secret")', id="php-interpolated"),
    pytest.param("javascript", "fetch(u, { credentials: 'include' })", id="js-fetch-credentials"),
]


@pytest.mark.parametrize(("lang", "src"), NOT_PAIRS)
def test_pair_not_found(lang: str, src: str) -> None:
    assert [c for c in run(lang, src) if c.role is PAIR] == []


def test_no_url_userinfo_or_bare_keys() -> None:
    src = 'URL = "https://rzp_live_abcdefghijklmn:s3cret@api.razorpay.com"\nKEY = "rzp_live_x"'  # authlint: ignore
    for lang in LANGS:
        assert run(lang, src) == []


@pytest.mark.parametrize("lang", sorted(LANGS))
@given(
    st.text(
        alphabet=st.sampled_from(list("\"'`$#{}()[],:=+.%\\ \nBasicBearerAuthorization:auth")),
        max_size=300,
    )
)
def test_never_raises_and_offsets_hold(lang: str, src: str) -> None:
    run(lang, src)


@given(st.text(max_size=300))
def test_never_raises_on_any_text(src: str) -> None:
    for lang in LANGS:
        run(lang, src)


@pytest.mark.parametrize(
    "src",
    [
        pytest.param("Basic " * 200_000, id="basic-repeated"),
        pytest.param("QWxh" * 500_000, id="base64-run"),
        pytest.param('"Basic \\"' * 50_000, id="unclosed-literals"),
        pytest.param("auth=(" * 50_000, id="unclosed-calls"),
        pytest.param("HTTPBasicAuth(" + "(" * 200_000, id="nested-parens"),
    ],
)
def test_pathological_inputs_are_linear(src: str) -> None:
    start = time.perf_counter()
    run("javascript", src)
    # Generous: a quadratic scan of these inputs takes minutes.
    assert time.perf_counter() - start < 5


def test_python_adjacent_literals_are_one_value() -> None:
    # The compiler joins adjacent literals: the first piece alone is not the header value, so
    # its trailing blank before the next piece is not "whitespace after the credentials".
    src = 'x = (b\'Authorization: Digest username="u", \'\n     b\'realm="r", uri="/"\')\n'
    assert [c for c in run("python", src) if c.role is Role.HEADER] == []
    whole = "x = b'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ== '\n"
    assert [c.role for c in run("python", whole)] == [Role.HEADER]

from __future__ import annotations

import pytest

from authlint.extract import Role, extractor
from authlint.extract.markdown import kind_of_info
from tests.test_extract_shell import Row, rows

H, U, PR = Role.HEADER, Role.USERPASS, Role.PAIR

README = """\
# Razorpay API

Authenticate with `curl -u [YOUR_KEY_ID]:[YOUR_KEY_SECRET]` and don't share keys.
Send `Authorization: Basic <base64token>` with each call, or
Authorization: basic QWxhZGRpbjpvcGVuIHNlc2FtZQ== in raw form.

```console
$ curl -u kid_123:abc \\
>   -H 'Authorization: Bearer xyz' https://api.razorpay.com/v1/orders
```

~~~yaml
headers:
  Authorization: Basic abc
~~~

  ```http
  GET /x
  Authorization: Basic u p
  ```

```unknownlang
Authorization: Bearer fenced
```
"""

DOCS = [
    pytest.param(
        "markdown",
        README,
        [
            (U, "[YOUR_KEY_ID]:[YOUR_KEY_SECRET]", True, True),
            (H, "Basic <base64token>", True, False),
            (H, "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", True, False),
            (U, "kid_123:abc", True, True),
            (H, "Bearer xyz", True, False),
            (H, "Basic abc", True, False),
            (PR, "u", True, False),
            (H, "Bearer fenced", True, False),
        ],
        id="readme",
    ),
    pytest.param("markdown", "Use curl to call the API.\n", [], id="prose curl without options"),
    pytest.param(
        "markdown",
        "- Accept `Authorization: bearer` (lowercase) from old clients.\n"
        "If a log shows `Authorization: Basic` followed by a token, rotate.\n",
        [],
        id="prose names a bare scheme: a mention, not a header",
    ),
    pytest.param(
        "markdown",
        "Send `Authorization: bearer abc` or `Authorization: Basic <base64token>`.\n",
        [(H, "bearer abc", True, False), (H, "Basic <base64token>", True, False)],
        id="prose scheme with credentials is still a header",
    ),
    pytest.param(
        "markdown",
        "Use `-H \"Authorization: Bearer $TOKEN\"` or `-H 'Authorization: Bearer $T'`,"
        ' not `"Authorization: Bearer $U"`.\n',
        [
            (H, "Bearer $TOKEN", True, True),
            (H, "Bearer $T", True, False),
            (H, "Bearer $U", True, False),
        ],
        id="prose -H fragment follows shell quoting",
    ),
    pytest.param(
        "text", "The Authorization: header carries credentials.\n", [], id="prose name only"
    ),
    pytest.param(
        "text",
        "    curl -H 'Authorization: Basic x' https://x\n",
        [(H, "Basic x", True, False)],
        id="rst block",
    ),
    pytest.param(
        "http",
        "@auth = Basic {{id}}:{{secret}}\n\n### orders\nPOST {{base}}/orders\n"
        "Authorization: Basic rzpid thesecret\n\n###\nGET /x\nAuthorization: Basic {{token}}\n"
        "authorization: {{auth}}\nAuthorization: Basic abc:def\n\n"
        '{"Authorization": "body"}\n',
        [
            (PR, "rzpid", True, False),
            (H, "Basic {{token}}", True, True),
            (H, "{{auth}}", False, True),
            (U, "abc:def", True, False),
            (U, "{{id}}:{{secret}}", False, True),
        ],
        id="rest client",
    ),
    pytest.param("http", "GET /x\nAccept: json\n", [], id="http no auth"),
    pytest.param(
        "terraform",
        'provider "restapi" {\n  headers = {\n'
        '    Authorization = "Basic ${base64encode("${var.id}:${var.secret}")}"\n  }\n'
        '  username = "kid"\n  password = "pw"\n}\n'
        'data "http" "h" {\n  request_headers = {\n    Authorization = "${var.auth}"\n  }\n}\n'
        'provider "grafana" {\n  auth = "admin:admin"\n}\n',
        [
            (H, 'Basic ${base64encode("${var.id}:${var.secret}")}', True, True),
            (H, "${var.auth}", False, True),
            (PR, "kid", True, False),
            (U, "admin:admin", True, False),
        ],
        id="terraform",
    ),
    pytest.param(
        "terraform",
        'resource "aws_db_instance" "db" {\n  username = "a"\n  password = "b"\n}\n',
        [],
        id="terraform non-auth block",
    ),
    pytest.param(
        "terraform",
        'variable "key_secret" {\n  sensitive = true\n'
        '  default   = "Zx8Qw3Rt7Yu1Io5Pa9Sd2Fg6"\n}\n',
        [(PR, "", False, False)],
        id="terraform secret variable with a literal default",
    ),
    pytest.param(
        "terraform",
        'variable "db_password" {\n  default = "changeme"\n}\n'
        'variable "api_token" {\n  default = "${var.x}"\n}\n'
        'variable "region" {\n  default = "Zx8Qw3Rt7Yu1Io5Pa9Sd2Fg6"\n}\n',
        [],
        id="terraform secret variable without a random literal default",
    ),
]


@pytest.mark.parametrize(("kind", "text", "expected"), DOCS)
def test_docs(kind: str, text: str, expected: list[Row]) -> None:
    assert sorted(rows(kind, text)) == sorted(expected)


def test_markdown_offsets_point_into_the_file() -> None:
    text = "intro\n\n```bash\ncurl -u a:b x\n```\n"
    (candidate,) = extractor("markdown")(text)
    assert candidate.value.start == text.index("a:b")


@pytest.mark.parametrize(
    ("info", "kind"),
    [
        pytest.param("bash", "shell", id="bash"),
        pytest.param("console title=x", "shell", id="console with attrs"),
        pytest.param("{.python}", "python", id="pandoc"),
        pytest.param("TS", "typescript", id="case"),
        pytest.param("jsx", "javascript", id="jsx"),
        pytest.param("hcl", "terraform", id="hcl"),
        pytest.param("", "text", id="none"),
        pytest.param("brainfuck", "text", id="unknown"),
    ],
)
def test_fence_languages(info: str, kind: str) -> None:
    assert kind_of_info(info) == kind


HTTP_FENCE = (
    "# Orders API\n\n```http\nGET /v1/orders HTTP/1.1\nHost: api.example.com\n{line}\n```\n"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # The reader fills in a `$NAME` of a request shown in the docs, as in a sentence.
        ("Authorization: Bearer $ACCESS_TOKEN", []),
        ("Authorization: Basic ${BASE64_CREDENTIALS}", []),
        # What is written around it is still judged.
        ("Authorization: basic $TOKEN", ["AL101"]),
        ("Authorization: Bearer  $TOKEN", ["AL108"]),
    ],
)
def test_a_variable_in_a_documented_request_is_notation(line: str, expected: list[str]) -> None:
    from tests.helpers import codes_in

    assert [str(c) for c in codes_in(HTTP_FENCE.format(line=line), "markdown")] == expected


def test_a_variable_in_a_request_file_is_sent_as_written() -> None:
    """A REST-client file is sent by the client: `$TOKEN` there goes out as is (its variables
    are `{{token}}`)."""
    from tests.helpers import codes_in

    source = "GET https://api.example.com/v1/orders\nAuthorization: Bearer $TOKEN\n"
    assert [str(c) for c in codes_in(source, "http")] == ["AL104"]


BAD_SCHEME = "`Authorization: basic cnpwX3Rlc3Q6c2VjcmV0`"


@pytest.mark.parametrize(
    ("document", "reported"),
    [
        # The document says the value is wrong: its own example of the mistake.
        (f"## Common mistakes\n\nSending {BAD_SCHEME} fails.\n", False),
        (f"## Pitfalls\n\n### Scheme\n\n{BAD_SCHEME}\n", False),
        (f"| Wrong | Right |\n|---|---|\n| {BAD_SCHEME} | ok |\n", False),
        (f"| Right | Wrong |\n| --- | --- |\n| ok | {BAD_SCHEME} |\n", False),
        (f"Don't send {BAD_SCHEME}.\n", False),
        (f"\u274c {BAD_SCHEME}\n", False),
        ("Invalid:\n\n```http\nAuthorization: basic cnpwX3Rlc3Q6c2VjcmV0\n```\n", False),
        # It does not: a mistake in the docs, reported.
        (f"## Usage\n\nSend {BAD_SCHEME}.\n", True),
        (f"## Common mistakes\n\nNone.\n\n## Usage\n\nSend {BAD_SCHEME}.\n", True),
        (f"| Right | Wrong |\n| --- | --- |\n| {BAD_SCHEME} | ok |\n", True),
        # A row that says the header gets a 401 shows it as a mistake.
        (f"| Header | Result |\n|---|---|\n| {BAD_SCHEME} | 401 |\n", False),
        (f"| Symptom | Cause |\n|---|---|\n| 401 | {BAD_SCHEME}: lower case |\n", False),
        (f"If you send\n{BAD_SCHEME} (lower case),\nthe API answers 401.\n", False),
        (f"## FAQ\n\nThis will fail at construction time:\n{BAD_SCHEME}\n", False),
        (
            "This will fail in 3.0 at construction time:\n\n```python\n"
            'client = Client(auth_header="BASIC cnpwX3Rlc3Q6c2VjcmV0")\n```\n',
            False,
        ),
        (
            "People pasted headers from Postman. This will fail in 3.0 at\nconstruction time,"
            ' not at the first request:\n\n```python\nClient(auth_header="BASIC x")\n```\n',
            False,
        ),
        # A 401 or a "never" elsewhere in the paragraph says nothing about this value.
        (f"Requests without the header get a 401.\nSend {BAD_SCHEME} first.\n", True),
        (f"Never commit keys.\nSend {BAD_SCHEME} with each request.\n", True),
        ("Send it:\n\n```http\nAuthorization: basic cnpwX3Rlc3Q6c2VjcmV0\n```\n", True),
        # A negation labels only its own line, not the block under it.
        ("Never commit the key. Send:\n\n```http\nAuthorization: basic cnpw\n```\n", True),
    ],
)
def test_documentation_shows_its_mistakes_on_purpose(document: str, reported: bool) -> None:
    from tests.helpers import codes_in

    codes = [str(c) for c in codes_in(document, "markdown")]
    assert ("AL101" in codes) is reported, codes


PY_BLOCK = (
    "```python\nimport base64\n"
    'token = base64.b64encode(f"{key_id}:{key_secret}".encode())\n'
    'headers = {"Authorization": f"Basic {token}"}\n```\n'
)
SH_BLOCK = (
    "```bash\n"
    'curl -H "Authorization: Basic $(echo "$KEY_ID:$KEY_SECRET" | base64)" '
    "https://api.razorpay.com/v1/orders\n```\n"
)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # A documented block that builds a header is read as code of its language: the
        # bytes' repr in the f-string, echo's newline in the encoded pair.
        (f"# Usage\n\n{PY_BLOCK}", [("AL118", 6)]),
        (f"# Usage\n\nCheck your keys:\n\n{SH_BLOCK}", [("AL119", 6), ("AL120", 6)]),
        (
            f"# Usage\n\n{PY_BLOCK}\nAnd from the shell:\n\n{SH_BLOCK}",
            [("AL118", 6), ("AL119", 12), ("AL120", 12)],
        ),
        # The same blocks shown as mistakes.
        (f"## Common mistakes\n\n{PY_BLOCK}", []),
        (f"# Usage\n\nAvoid building it like this:\n\n{SH_BLOCK}", []),
    ],
)
def test_documented_code_that_builds_a_header(
    document: str, expected: list[tuple[str, int]]
) -> None:
    from tests.helpers import findings_in

    found = [(str(f.code), f.line) for f in findings_in(document, "markdown")]
    assert found == expected

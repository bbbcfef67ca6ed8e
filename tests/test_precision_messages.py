"""Precision and recall classes of session 6, from public repositories: header lines in
messages, redaction masks, workflow run blocks, and the other classes below (one section each)."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _codes(path: str, source: str) -> list[Code]:
    return [f.code for f in scan_text(path, source, Settings().with_selection())]


# --- 1. A header line in a log, print, error or response call is a message ------------------

MESSAGES = [
    pytest.param(
        "src/middleware/auth.js",
        "module.exports = (req, res, next) => {\n"
        "  if (!req.headers.authorization) {\n"
        "    return res.status(401).send('authorization: Basic realm required');\n"
        "  }\n  next();\n};\n",
        id="express-send",
    ),
    pytest.param(
        "src/client.ts",
        "export function token(env: Env): string {\n"
        "  if (!env.TOKEN) throw new Error('Authorization: Bearer credentials missing');\n"
        "  return env.TOKEN;\n}\n",
        id="throw-new-error",
    ),
    pytest.param(
        "src/api/handlers.js",
        "app.get('/me', (req, res) => {\n"
        "  res.status(401).json({ message: 'Authorization: Bearer header absent' });\n});\n",
        id="response-json-entry",
    ),
    pytest.param(
        "app/gateway.py",
        "import logging\nlog = logging.getLogger(__name__)\n"
        "def forward(user):\n"
        '    log.warning(f"Authorization: Basic  {user} refused by upstream")\n',
        id="python-log-fstring",
    ),
    pytest.param(
        "app/gateway.py",
        "def check(request):\n"
        "    if 'HTTP_AUTHORIZATION' not in request.META:\n"
        '        raise PermissionDenied("Authorization: Basic credentials required")\n',
        id="python-raise",
    ),
    pytest.param(
        "internal/auth/check.go",
        'package auth\n\nimport "errors"\n\n'
        'var ErrNoAuth = errors.New("authorization: bearer token missing")\n',
        id="go-errors-new",
    ),
    pytest.param(
        "scripts/release.sh",
        '#!/bin/sh\nif [ -z "$TOKEN" ]; then\n'
        '  echo "Authorization: Basic header needs TOKEN" >&2\n  exit 1\nfi\n',
        id="shell-echo-stderr",
    ),
]


@pytest.mark.parametrize(("path", "source"), MESSAGES)
def test_a_header_line_in_a_message_call_is_text(path: str, source: str) -> None:
    assert [c for c in _codes(path, source) if c.value.startswith("AL1")] == []


SENT = [
    pytest.param(
        "src/client.js",
        "fetch(url, { headers: { Authorization: 'bearer  ' + token } });\n",
        id="fetch-headers",
    ),
    pytest.param(
        "src/client.js",
        "console.log({ Authorization: 'basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' });\n",
        id="logged-header-object",
    ),
    pytest.param(
        "app/client.py",
        'requests.get(u, headers={"Authorization": f"bearer  {tok}"})\n',
        id="requests-headers",
    ),
    pytest.param(
        "scripts/call.sh",
        'H=$(echo "Authorization: basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")\n'
        'curl -H "$H" https://api.example.com/\n',
        id="echo-captured",
    ),
    pytest.param(
        "scripts/call.sh",
        'echo "Authorization: basic $(printf %s "$ID:$KEY" | base64)" | curl -H @- https://api.example.com\n',
        id="echo-piped",
    ),
]


@pytest.mark.parametrize(("path", "source"), SENT)
def test_a_header_that_is_sent_or_built_is_still_judged(path: str, source: str) -> None:
    assert {Code.SCHEME_CASE, Code.WHITESPACE} & set(_codes(path, source))


RAW_WRITES = [
    pytest.param(
        "src/main/java/com/acme/RawClient.java",
        "class RawClient {\n  void send(java.net.Socket socket, String token) throws Exception {\n"
        "    var out = new java.io.PrintWriter(socket.getOutputStream());\n"
        '    out.println("Authorization: bearer " + token);\n  }\n}\n',
        id="java-printwriter-on-a-socket",
    ),
    pytest.param(
        "app/raw_client.py",
        "def send(sock, token):\n    f = sock.makefile('w')\n"
        '    print("Authorization: bearer " + token, file=f)\n',
        id="python-print-to-a-file",
    ),
]


@pytest.mark.parametrize(("path", "source"), RAW_WRITES)
def test_a_printer_on_another_writer_writes_the_header_line(path: str, source: str) -> None:
    """Only printing to the console is a message: a PrintWriter on a socket, or `print(...,
    file=f)`, writes the request's header line itself."""
    assert Code.SCHEME_CASE in _codes(path, source)


def test_printing_to_the_console_is_a_message() -> None:
    source = 'def f(token):\n    print("Authorization: bearer header rejected for", token)\n'
    assert _codes("app/f.py", source) == []
    java = 'class A { void f() { System.err.println("Authorization: bearer token missing"); } }\n'
    assert _codes("src/A.java", java) == []


# --- 2. Redaction masks: what a redactor left of the credentials -----------------------------

MASKED = [
    pytest.param(
        "ci/checkout-step.log",
        "[command]/usr/bin/git config --local --name-only --get-regexp http.extraheader\n"
        "AUTHORIZATION: basic ***\n",
        id="actions-log",
    ),
    pytest.param(
        "docs/debugging.md",
        "The proxy logged:\n\n```\nGET /v1/orders HTTP/1.1\nauthorization: bearer ****\n```\n",
        id="markdown-log-excerpt",
    ),
    pytest.param(
        "scripts/replay.sh",
        'curl -sS -H "Authorization: Basic [REDACTED]" https://api.example.com/v1/ping\n',
        id="curl-redacted",
    ),
    pytest.param(
        "app/debug/dump.py",
        'DUMP = {"Authorization": "Bearer <redacted>", "Accept": "*/*"}\n',
        id="python-redacted",
    ),
    pytest.param(
        "ci/gitlab-job.yml",
        'variables:\n  AUTH_HEADER: "Authorization: Bearer [MASKED]"\n',
        id="gitlab-masked",
    ),
    pytest.param(
        "app/client.py",
        'HEADERS = {"Authorization": "bearer eyJhbG********"}\n',
        id="shown-start",
    ),
    pytest.param(
        "src/http/audit.ts",
        "export function audit(logger: Logger, status: number) {\n"
        "  logger.warn({ status, authorization: '[REDACTED]' }, 'upstream refused');\n}\n",
        id="whole-value-masked-in-log-fields",
    ),
]


@pytest.mark.parametrize(("path", "source"), MASKED)
def test_credentials_a_redactor_masked_are_no_header(path: str, source: str) -> None:
    assert [c for c in _codes(path, source) if c.value.startswith("AL1")] == []


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Bearer <your-token>", Code.PLACEHOLDER),
        ("bearer eyJhbGciOiJIUzI1NiJ9", Code.SCHEME_CASE),
        ("Basic ** **", Code.WHITESPACE),
    ],
)
def test_a_stand_in_or_a_token_is_still_judged(value: str, code: Code) -> None:
    assert code in _codes("app/client.py", f'HEADERS = {{"Authorization": "{value}"}}\n')


# --- 7. A workflow's `run:` steps are shell scripts, read as a .sh file is ------------------

SCRIPTS = [
    pytest.param(
        'TOKEN=$(echo "$CLIENT_ID:$CLIENT_SECRET" | base64 -w0)\n'
        'curl -fsS -H "Authorization: Basic $TOKEN" https://api.example.com/v2/deploys\n',
        id="echo-newline",
    ),
    pytest.param(
        "curl -sS -H 'Authorization: Bearer $GH_TOKEN' https://api.github.com/user\n",
        id="single-quoted-variable",
    ),
    pytest.param(
        'AUTH_HEADER="bearer  $DEPLOY_TOKEN"\ncurl -H "Authorization: $AUTH_HEADER" "$URL"\n',
        id="header-variable",
    ),
    pytest.param(
        "printf 'Authorization: basic %s\\r\\n' \"$CREDS\" > headers.txt\n",
        id="printf-format",
    ),
]


def _located(path: str, source: str) -> list[tuple[Code, int, str]]:
    """(code, line, the text of the line from the finding's column on) of each finding."""
    lines = source.split("\n")
    return [
        (f.code, f.line, lines[f.line - 1][f.column - 1 :])
        for f in scan_text(path, source, Settings().with_selection())
    ]


def _workflow(script: str) -> str:
    body = "".join(f"          {line}\n" if line else "\n" for line in script.splitlines())
    return (
        "name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n      - name: Deploy\n        run: |\n" + body
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_run_block_is_read_as_the_same_script_in_a_sh_file(script: str) -> None:
    expected = _located("scripts/deploy.sh", script)
    assert expected  # each script holds a finding
    found = _located(".github/workflows/deploy.yml", _workflow(script))
    assert [(code, rest) for code, _, rest in found] == [(code, rest) for code, _, rest in expected]


def _gitlab_block(script: str) -> str:
    body = "".join(f"      {line}\n" if line else "\n" for line in script.splitlines())
    return "stages: [deploy]\n\ndeploy:\n  stage: deploy\n  script:\n    - |\n" + body


def _gitlab_items(script: str) -> str:
    """Each line a list item of its own, single-quoted when it holds a double quote."""
    items = []
    for line in script.splitlines():
        items.append(f"    - '{line}'\n" if '"' in line else f"    - {line}\n")
    return "deploy:\n  before_script:\n    - export X=1\n  script:\n" + "".join(items)


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_gitlab_script_is_read_as_the_same_script_in_a_sh_file(script: str) -> None:
    """GitLab CI (and Travis, Bitbucket) run each `script:` item in a POSIX shell."""
    expected = [(code, rest) for code, _, rest in _located("scripts/deploy.sh", script)]
    found = _located(".gitlab-ci.yml", _gitlab_block(script))
    assert [(code, rest) for code, _, rest in found] == expected
    if "'" not in script:  # as one-line items, quoted the way YAML needs
        found = _located(".gitlab-ci.yml", _gitlab_items(script))
        # The rest of the line ends with the item's closing quote there.
        assert [(code, rest.removesuffix("'")) for code, _, rest in found] == expected


def test_script_items_are_separate_commands_and_escaped_ones_are_left_to_yaml() -> None:
    from authlint.syntax.embedded import script_items

    source = (
        "job:\n  script:\n    - 'echo ''quoted'''\n    - \"curl -H \\\"x\\\"\"\n"
        "    - 'curl -sS \"$URL\"'  # a comment\n    - make test # a comment\n"
        "  scripts:\n    - not a command list\n"
    )
    texts = [source[a:b] for a, b in script_items(source)]
    assert texts == ["make test"], texts


def test_a_one_line_run_step_is_a_script() -> None:
    script = "curl -sS -H 'Authorization: Bearer $GH_TOKEN' https://api.github.com/user"
    source = f"jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {script}\n"
    assert _codes(".github/workflows/a.yml", source) == [Code.UNEXPANDED_VARIABLE]


def test_a_run_step_in_another_shell_is_not_read_as_sh() -> None:
    source = (
        "jobs:\n  a:\n    runs-on: windows-latest\n    steps:\n"
        "      - shell: pwsh\n        run: |\n"
        '          $t = $(echo "$env:ID:$env:SECRET" | base64)\n'
        '          curl -H "Authorization: Basic $t" https://api.example.com/\n'
    )
    assert Code.ENCODER_NEWLINE not in _codes(".github/workflows/a.yml", source)


# --- 5. A `$name` in a string a call fills in (string.Template) is filled in ------------------

TEMPLATE = (
    "from string import Template\n\n"
    'CURL = {call}("""\n'
    "#!/bin/sh\n"
    'curl -sS -H "Authorization: {scheme} ${{api_token}}" https://hooks.example.com/deploy\n'
    '""")\n'
)


def test_a_template_placeholder_in_a_string_template_is_filled_in() -> None:
    source = TEMPLATE.format(call="Template", scheme="Bearer")
    assert _codes("deploy/render.py", source) == []


@pytest.mark.parametrize(
    ("call", "scheme", "code"),
    [
        ("str", "Bearer", Code.UNEXPANDED_VARIABLE),  # nothing fills it in
        ("Template", "bearer", Code.SCHEME_CASE),  # the literal start is still judged
    ],
)
def test_outside_a_template_or_before_it_the_value_is_judged(
    call: str, scheme: str, code: Code
) -> None:
    assert code in _codes("deploy/render.py", TEMPLATE.format(call=call, scheme=scheme))

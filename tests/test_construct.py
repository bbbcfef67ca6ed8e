"""Constructions (issue 9): header values and credentials as code builds them, judged on the tree.

Rows are (kind, source, expected (line, code) pairs): the exact findings, so a row fails on a
miss and on an extra finding alike. Planted secrets are fakes shaped like real keys.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authlint.codes import Code
from authlint.construct import anchor_offsets
from authlint.construct.evaluate import Evaluator
from authlint.construct.lang import javascript, python
from authlint.construct.models import EncoderModel
from authlint.syntax import parse
from tests.helpers import findings_in

Row = tuple[str, str, list[tuple[int, Code]]]

PY_HEAD = "import base64, os\nKEY = os.environ['KEY_ID']\nSECRET = os.environ['KEY_SECRET']\n"
JS_HEAD = "const KEY = process.env.KEY_ID;\nconst SECRET = process.env.KEY_SECRET;\n"


def _found(source: str, kind: str) -> list[tuple[int, Code]]:
    return sorted((f.line, f.code) for f in findings_in(source, kind))


FLAGS = [
    pytest.param(
        "python",
        PY_HEAD
        + 'creds = f"{KEY}:{SECRET}".encode()\nh = {"Authorization": f"Basic {base64.b64encode(creds)}"}\n',
        [(5, Code.BYTES_REPR)],
        id="py-fstring-of-bytes",
    ),
    pytest.param(
        "python",
        PY_HEAD
        + 'tok = str(base64.b64encode(f"{KEY}:{SECRET}".encode()))\nh = {"Authorization": "Basic " + tok}\n',
        [(4, Code.BYTES_REPR)],
        id="py-str-of-bytes-across-lines",
    ),
    pytest.param(
        "python",
        PY_HEAD
        + 'h = {"Authorization": "Basic {}".format(base64.b64encode(f"{KEY}:{SECRET}".encode()))}\n',
        [(4, Code.BYTES_REPR)],
        id="py-format-of-bytes",
    ),
    pytest.param(
        "python",
        PY_HEAD
        + 't = base64.encodebytes(f"{KEY}:{SECRET}".encode()).decode()\n'
        + 'req.add_header("Authorization", "Basic " + t)\n',
        [(4, Code.ENCODER_NEWLINE)],
        id="py-encodebytes-add-header",
    ),
    pytest.param(
        "python",
        'import base64\nh = {"Authorization": "Basic " + base64.encodebytes(b"aladdin:opensesame").decode()}\n',
        [(2, Code.ENCODER_NEWLINE)],
        id="py-encodebytes-known-input",
    ),
    pytest.param(
        "python",
        PY_HEAD
        + 'h = {"Authorization": "Basic " + base64.urlsafe_b64encode(f"{KEY}:{SECRET}".encode()).decode()}\n',
        [(4, Code.URL_SAFE_ALPHABET)],
        id="py-urlsafe-unknown",
    ),
    pytest.param(
        "python",
        PY_HEAD
        + 'h = {"Authorization": "Basic " + base64.b64encode(f"{KEY}:{SECRET}".encode()).decode().rstrip("=")}\n',
        [(4, Code.BAD_PADDING)],
        id="py-rstrip-padding",
    ),
    pytest.param(
        "python",
        PY_HEAD
        + 'h = {"Authorization": "Basic " + base64.b64encode((KEY + SECRET).encode()).decode()}\n',
        [(4, Code.MISSING_COLON)],
        id="py-missing-colon",
    ),
    pytest.param(
        "python",
        'def f(token):\n    return {"Authorization": "Bearer {token}"}\n',
        [(2, Code.UNEXPANDED_VARIABLE)],
        id="py-missing-f-prefix",
    ),
    pytest.param(
        "python",
        PY_HEAD + 'h = {"Authorization": f"Basic {KEY}:{SECRET}"}\n',
        [(4, Code.NOT_BASE64)],
        id="py-raw-pair",
    ),
    pytest.param(
        "python",
        PY_HEAD + 'h = {"Authorization": base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()}\n',
        [(4, Code.MISSING_SCHEME)],
        id="py-missing-scheme",
    ),
    pytest.param(
        "python",
        'import os\ntoken = "Bearer " + os.environ["T"]\nh = {"Authorization": "Bearer " + token}\n',
        [(3, Code.DOUBLE_SCHEME)],
        id="py-double-scheme",
    ),
    pytest.param(
        "python",
        'def f(t):\n    return {"Authorization": f"Basic {t!r}"}\n',
        [(2, Code.QUOTED_CREDENTIALS)],
        id="py-repr-conversion",
    ),
    pytest.param(
        "python",
        'import os\nt = os.environ["T"]\nsession.headers["Authorization"] = "basic " + t\n',
        [(3, Code.SCHEME_CASE)],
        id="py-scheme-case-subscript",
    ),
    pytest.param(
        "python",
        'TOKEN = "Zq7vN3kLp9XwR2mT8bYc4HdF"\n\ndef f():\n    return {"Authorization": f"Bearer {TOKEN}"}\n',
        [(1, Code.BEARER_TOKEN)],
        id="py-bearer-secret-through-variable",
    ),
    pytest.param(
        "python",
        'import os, requests\nrequests.get(u, auth=("id", os.getenv("API_PASSWORD", "Zq7vN3kLp9XwR2mT8bYc")))\n',
        [(2, Code.KEY_SECRET)],
        id="py-getenv-default",
    ),
    pytest.param(
        "python",
        'import os\nclass C:\n    def __init__(self):\n        self.cred = "Zq7vN3kLp9XwR2mT8bYc4HdF"\n'  # authlint: ignore[AL203]
        '    def go(self):\n        return requests.get(u, auth=(os.environ["ID"], self.cred))\n',
        [(4, Code.CLIENT_CREDENTIALS)],
        id="py-secret-through-self-attribute",
    ),
    pytest.param(
        "javascript",
        JS_HEAD + 'const h = { Authorization: "Basic " + btoa(KEY + SECRET) };\n',
        [(3, Code.MISSING_COLON)],
        id="js-btoa-missing-colon",
    ),
    pytest.param(
        "javascript",
        JS_HEAD
        + 'const t = Buffer.from(`${KEY}:${SECRET}`).toString("base64url");\n'
        + 'xhr.setRequestHeader("Authorization", `Basic ${t}`);\n',
        [(3, Code.URL_SAFE_ALPHABET)],
        id="js-base64url",
    ),
    pytest.param(
        "javascript",
        JS_HEAD
        + 'const t = Buffer.from(`${KEY}:${SECRET}`).toString("base64").replace(/=+$/, "");\n'
        + 'fetch(u, { headers: { Authorization: "Basic " + t } });\n',
        [(3, Code.BAD_PADDING)],
        id="js-strip-padding",
    ),
    pytest.param(
        "javascript",
        'const token = "Bearer " + process.env.T;\naxios.get(u, { headers: { Authorization: `Bearer ${token}` } });\n',
        [(2, Code.DOUBLE_SCHEME)],
        id="js-double-scheme",
    ),
    pytest.param(
        "javascript",
        JS_HEAD + "const h = { Authorization: `Basic ${KEY}:${SECRET}` };\n",
        [(3, Code.NOT_BASE64)],
        id="js-raw-pair",
    ),
    pytest.param(
        "javascript",
        'const s = process.env.RAZORPAY_KEY_SECRET || "Zq7vN3kLp9XwR2mT8bYc4HdF";\n',
        [(1, Code.KEY_SECRET)],
        id="js-or-fallback",
    ),
    pytest.param(
        "typescript",
        "const id: string = process.env.KEY_ID as string;\n"
        'const k2 = "Zq7vN3kLp9XwR2mT8bYc4HdF";\n'  # authlint: ignore[AL203]
        "const rzp = new Razorpay({ key_id: id, key_secret: k2 });\n",
        [(2, Code.CLIENT_CREDENTIALS)],
        id="ts-sdk-secret-through-variable",
    ),
    pytest.param(
        "typescript",
        "const h: Record<string, string> = {};\nh['Authorization'] = 'Basic ' + btoa(process.env.A! + process.env.B!);\n",
        [(2, Code.MISSING_COLON)],
        id="ts-non-null-and-subscript",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected"), FLAGS)
def test_flags(kind: str, source: str, expected: list[tuple[int, Code]]) -> None:
    assert _found(source, kind) == expected


CLEAN = [
    pytest.param(
        "python",
        PY_HEAD
        + 'creds = f"{KEY}:{SECRET}".encode()\nh = {"Authorization": f"Basic {base64.b64encode(creds).decode()}"}\n',
        id="py-decoded",
    ),
    pytest.param(
        "python",
        PY_HEAD
        + 'h = {"Authorization": "Basic " + base64.b64encode(f"{KEY}:{SECRET}".encode()).decode("ascii")}\n',
        id="py-decode-ascii",
    ),
    pytest.param(
        "python",
        'import os\nh = {"Authorization": os.environ["AUTH_HEADER"]}\n',
        id="py-whole-header-from-env",
    ),
    pytest.param(
        "python",
        'import os\nh = {"Authorization": "Bearer " + os.environ["T"]}\n',
        id="py-bearer-env",
    ),
    pytest.param(
        "python",
        'TEMPLATE = "Bearer {token}"\ndef f(t):\n    return {"Authorization": TEMPLATE.format(token=t)}\n',
        id="py-template-formatted-later",
    ),
    pytest.param(
        "python",
        'def f(t):\n    """Sends {"Authorization": "Basic {t}"} as in the docs."""\n    return t\n',
        id="py-docstring",
    ),
    pytest.param(
        "python",
        'import base64\nh = {"Authorization": "Basic " + base64.urlsafe_b64encode(b"Aladdin:open sesame").decode()}\n',
        id="py-urlsafe-known-input-without-url-characters",
    ),
    pytest.param(
        "python",
        'import os, requests\nrequests.get(u, auth=("id", os.getenv("API_PASSWORD", "changeme")))\n',
        id="py-placeholder-default",
    ),
    pytest.param(
        "python",
        'def f(token):\n    return {"Authorization": token}\n',
        id="py-parameter-value",
    ),
    pytest.param(
        "python",
        "def sign(access_key, scope, signature):\n"
        "    region = 'us-east-1'\n"
        "    algorithm = 'AWS4-HMAC-SHA256'\n"
        "    headers = {'Authorization': algorithm + ' Credential=' + access_key + '/' + region"
        " + ', SignedHeaders=host, Signature=' + signature}\n"
        "    return headers\n",
        id="py-aws4-signature-built-from-parts",
    ),
    pytest.param(
        "python",
        '"""Reads headers.\n\nfinding the Authorization value.\n"""\n'
        "def f(text):\n"
        '    # "Authorization: Basic ..." inside a string value.\n'
        "    return text\n" + "".join(f"\n\ndef g{i}(x):\n    return x * {i}\n" for i in range(40)),
        id="py-comment-after-a-docstring-with-prose-at-column-0",
    ),
    pytest.param(
        "javascript",
        JS_HEAD
        + 'const h = { Authorization: "Basic " + Buffer.from(`${KEY}:${SECRET}`).toString("base64") };\n',
        id="js-buffer",
    ),
    pytest.param(
        "javascript",
        JS_HEAD + "const h = { Authorization: 'Basic ' + btoa(`${KEY}:${SECRET}`) };\n",
        id="js-btoa",
    ),
    pytest.param(
        "javascript",
        "// headers: { Authorization: 'Basic ' + btoa(a + b) }\nconst x = 1;\n",
        id="js-comment",
    ),
    pytest.param(
        "typescript",
        "const t = process.env.TOKEN ?? '';\nconst h = { Authorization: `Bearer ${t}` };\n",
        id="ts-nullish-empty-default",
    ),
]


@pytest.mark.parametrize(("kind", "source"), CLEAN)
def test_clean(kind: str, source: str) -> None:
    assert _found(source, kind) == []


# --- the evaluator --------------------------------------------------------------------------


def test_evaluator_follows_names_and_computes_the_encoder_output() -> None:
    source = (
        "import base64\nUSER = 'aladdin'\ndef f():\n    pw = 'opensesame'\n"
        "    creds = USER + ':' + pw\n"
        "    return {'Authorization': 'Basic ' + base64.b64encode(creds.encode()).decode()}\n"
    )
    syntax = parse("python", source)
    assert syntax is not None
    sites, resolution = python.lower_file(syntax, anchor_offsets(source))
    value = Evaluator(python.LANGUAGE, resolution).value(sites.headers[0].value)
    assert value.known == "Basic YWxhZGRpbjpvcGVuc2VzYW1l"  # authlint: ignore[AL204]
    # The scheme keeps the offsets of its literal; the token points at the encoder call.
    scheme = value.pieces[0]
    assert scheme.offsets is not None
    assert source[scheme.offsets[0] : scheme.offsets[0] + 6] == "Basic "
    assert value.pieces[1].encoded is not None


def test_evaluator_holes_say_where_they_come_from() -> None:
    source = "import os\ndef f(p):\n    return {'Authorization': os.environ['S'] + p + q}\n"
    syntax = parse("python", source)
    assert syntax is not None
    sites, resolution = python.lower_file(syntax, anchor_offsets(source))
    value = Evaluator(python.LANGUAGE, resolution).value(sites.headers[0].value)
    assert [(h.origin, h.name) for h in value.holes()] == [
        ("env", "S"),
        ("param", "p"),
        ("unknown", "q"),
    ]


@pytest.mark.parametrize(
    ("model", "data", "expected"),
    [
        (python.ENCODERS["base64.encodebytes"], b"x" * 60, "eHh4" * 19 + "\n" + "eHh4" + "\n"),
        (python.ENCODERS["base64.urlsafe_b64encode"], b"\xfb\xff", "-_8="),
        (javascript.ENCODERS[".toString:base64url"], b"\xfb\xff", "-_8"),
        (EncoderModel("mime", wrap=4, line_break="\r\n"), b"abcdef", "YWJj\r\nZGVm"),
    ],
)
def test_encoder_models_are_exact(model: EncoderModel, data: bytes, expected: str) -> None:
    assert model.encode(data) == expected


# --- the syntax layer ---------------------------------------------------------------------


def test_prose_comes_from_the_tree() -> None:
    source = 'x = "# not a comment"  # a comment\n"""doc"""\ny = """not a docstring""" + x\n'
    syntax = parse("python", source)
    assert syntax is not None
    assert not syntax.prose_at(source.index("# not"))
    assert syntax.prose_at(source.index("# a comment"))
    assert syntax.prose_at(source.index("doc"))
    assert not syntax.prose_at(source.index("not a docstring"))


def test_offsets_are_characters_in_non_ascii_files() -> None:
    source = 'n = "é€😀"\nh = {"Authorization": "basic " + t}\n'
    (finding,) = findings_in(source, "python")
    assert (finding.line, finding.column, finding.code) == (2, 24, Code.SCHEME_CASE)


_IMPORTS = (
    "import sys\nfrom authlint.cli import main\nmain(['check', '--isolated', sys.argv[1]])\n"
    "print(sorted(m for m in sys.modules if m.startswith('tree_sitter') and '.' not in m))\n"
)


@pytest.mark.parametrize(
    ("source", "name", "expected"),
    [
        pytest.param("x = 1\nprint(x)\n", "plain.py", "[]", id="no-header-words"),
        pytest.param(
            "import os\nh = {'Authorization': 'Bearer ' + os.environ['T']}\n",
            "client.py",
            "['tree_sitter', 'tree_sitter_python']",
            id="python-only",
        ),
    ],
)
def test_a_grammar_is_imported_only_when_a_file_needs_it(
    tmp_path: Path, source: str, name: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(source)
    out = subprocess.run(
        [sys.executable, "-c", _IMPORTS, str(path)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert out.strip().splitlines()[-1] == expected


@given(st.text(alphabet="ab \n\"'#=é€😀\u0301", max_size=40))
def test_byte_and_character_offsets_agree(text: str) -> None:
    syntax = parse("python", text)
    assert syntax is not None
    for char in range(len(text) + 1):
        byte = len(text[:char].encode("utf-8"))
        assert syntax.byte(char) == byte
        assert syntax.char(byte) == char

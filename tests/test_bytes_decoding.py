"""Bytes turned into text: a decode (the text) or a printed form (`b'...'`, AL118).

Python's `str(b)` prints `b'...'`, and so do an f-string's `{b}`, `%s` and `.format()`; given an
encoding or an error handler, `str(b, "utf-8")` decodes. Java's and Kotlin's `String(bytes)`
decode with or without a charset.
"""

from __future__ import annotations

import pytest

from authlint.codes import Code
from tests.helpers import findings_in

PY = (
    "import base64, os, requests\nk = os.environ['K']\ns = os.environ['S']\n"
    'raw = base64.b64encode(f"{k}:{s}".encode())\n'
)
SEND = 'requests.get(u, headers={"Authorization": "Basic " + tok})\n'
JAVA = (
    "import java.util.Base64;\nclass App {\n  void run(HttpURLConnection c) {\n"
    '    String id = System.getenv("K"); String s = System.getenv("S");\n'
    '    byte[] raw = Base64.getEncoder().encode((id + ":" + s).getBytes());\n'
)
KOTLIN = (
    "import java.util.Base64\nfun run(c: java.net.HttpURLConnection) {\n"
    '    val id = System.getenv("K"); val s = System.getenv("S")\n'
    '    val raw = Base64.getEncoder().encode("$id:$s".toByteArray())\n'
)

ROWS = [
    pytest.param("python", PY + 'tok = str(raw, "utf-8")\n' + SEND, [], id="py-str-encoding"),
    pytest.param(
        "python", PY + 'tok = str(raw, encoding="ascii")\n' + SEND, [], id="py-str-encoding-kw"
    ),
    pytest.param(
        "python", PY + 'tok = str(raw, "ascii", "strict")\n' + SEND, [], id="py-str-errors"
    ),
    pytest.param(
        "python", PY + 'tok = str(raw, errors="strict")\n' + SEND, [], id="py-str-errors-kw"
    ),
    pytest.param(
        "python",
        "import base64, os\ntok = str(base64.b64encode(f\"{os.environ['K']}:{os.environ['S']}\".encode()), \"utf-8\")\n"
        + SEND,
        [],
        id="py-str-encoding-inline",
    ),
    pytest.param("python", PY + "tok = str(raw)\n" + SEND, [Code.BYTES_REPR], id="py-str-one-arg"),
    pytest.param("python", PY + 'tok = f"{raw}"\n' + SEND, [Code.BYTES_REPR], id="py-fstring"),
    pytest.param("python", PY + 'tok = "%s" % raw\n' + SEND, [Code.BYTES_REPR], id="py-percent"),
    pytest.param(
        "python", PY + 'tok = "{}".format(raw)\n' + SEND, [Code.BYTES_REPR], id="py-format"
    ),
    pytest.param(
        "java",
        JAVA + '    c.setRequestProperty("Authorization", "Basic " + new String(raw));\n  }\n}\n',
        [],
        id="java-new-string",
    ),
    pytest.param(
        "java",
        JAVA
        + '    c.setRequestProperty("Authorization", "Basic " + new String(raw, "US-ASCII"));\n  }\n}\n',
        [],
        id="java-new-string-charset",
    ),
    pytest.param(
        "kotlin",
        KOTLIN
        + '    c.setRequestProperty("Authorization", "Basic " + String(raw, Charsets.UTF_8))\n}\n',
        [],
        id="kotlin-string-charset",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected"), ROWS)
def test_bytes_to_text(kind: str, source: str, expected: list[Code]) -> None:
    assert sorted(f.code for f in findings_in(source, kind)) == expected

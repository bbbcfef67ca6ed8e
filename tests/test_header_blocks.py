"""A header block (several header lines joined by CRLF) is read line by line.

PHP's stream context `header` option and raw HTTP request text (a socket write, in any
language) hold several lines: the Authorization line's value ends at its line end, which is not
part of it (RFC 9112 §2.2). A line end inside a value that is a single header is still reported.
"""

from __future__ import annotations

import pytest

from authlint.codes import Code
from tests.helpers import findings_in

PHP_ENV = "<?php\n$auth = base64_encode(getenv('A') . ':' . getenv('B'));\n"
PHP_NO_COLON = "<?php\n$auth = base64_encode(getenv('A') . getenv('B'));\n"
PY_ENV = "import base64, os\ntok = base64.b64encode(f\"{os.environ['A']}:{os.environ['B']}\".encode()).decode()\n"
JS_ENV = "const tok = Buffer.from(`${process.env.A}:${process.env.B}`).toString('base64');\n"
GO_HEAD = 'package main\nimport ("encoding/base64"; "fmt"; "os")\nfunc main() {\n\ttok := base64.StdEncoding.EncodeToString([]byte(os.Getenv("A") + ":" + os.Getenv("B")))\n'


def _codes(source: str, kind: str) -> list[Code]:
    return sorted(f.code for f in findings_in(source, kind))


CLEAN = [
    pytest.param(
        "php",
        PHP_ENV + "stream_context_create(['http' => ['header' => "
        '"Authorization: Basic {$auth}\\r\\nAccept: application/json\\r\\n"]]);\n',
        id="php-stream-context-block-braced",
    ),
    pytest.param(
        "php",
        PHP_ENV + "stream_context_create(['http' => ['header' => "
        '"Authorization: Basic " . $auth . "\\r\\n"]]);\n',
        id="php-stream-context-concat-crlf",
    ),
    pytest.param(
        "php",
        PHP_ENV + "stream_context_create(['http' => ['header' => "
        '"Accept: application/json\\r\\nAuthorization: Basic $auth"]]);\n',
        id="php-stream-context-second-line-interpolated",
    ),
    pytest.param(
        "php",
        "<?php\n$ctx = ['http' => ['header' => "
        '"Authorization: Basic dXNlcjpwYXNzd29yZA==\\r\\nAccept: */*\\r\\n"]];\n',
        id="php-stream-context-literal-block",
    ),
    pytest.param(
        "php",
        PHP_ENV + "$req = <<<EOT\nGET / HTTP/1.1\nAuthorization: Basic $auth\nHost: x\n\nEOT;\n",
        id="php-heredoc-interpolates",
    ),
    pytest.param(
        "php",
        PHP_ENV + '$req = <<<"EOT"\nGET / HTTP/1.1\nAuthorization: Basic {$auth}\n\nEOT;\n',
        id="php-quoted-heredoc-interpolates",
    ),
    pytest.param(
        "python",
        PY_ENV
        + 's.sendall(f"GET / HTTP/1.1\\r\\nHost: x\\r\\nAuthorization: Basic {tok}\\r\\n\\r\\n".encode())\n',
        id="py-raw-request-fstring",
    ),
    pytest.param(
        "python",
        PY_ENV
        + 's.sendall(("GET / HTTP/1.1\\r\\nAuthorization: Basic " + tok + "\\r\\nHost: x\\r\\n\\r\\n").encode())\n',
        id="py-raw-request-concat",
    ),
    pytest.param(
        "javascript",
        JS_ENV
        + "sock.write(`GET / HTTP/1.1\\r\\nAuthorization: Basic ${tok}\\r\\nHost: x\\r\\n\\r\\n`);\n",
        id="js-raw-request-template",
    ),
    pytest.param(
        "go",
        GO_HEAD
        + '\tfmt.Fprintf(conn, "GET / HTTP/1.1\\r\\nAuthorization: Basic %s\\r\\nHost: x\\r\\n\\r\\n", tok)\n}\n',
        id="go-raw-request-fprintf",
    ),
]


@pytest.mark.parametrize(("kind", "source"), CLEAN)
def test_a_header_block_line_ends_at_its_line_end(kind: str, source: str) -> None:
    assert _codes(source, kind) == []


FLAGS = [
    pytest.param(
        "php",
        PHP_NO_COLON + "stream_context_create(['http' => ['header' => "
        '"Authorization: Basic {$auth}\\r\\nAccept: application/json\\r\\n"]]);\n',
        [Code.MISSING_COLON],
        id="php-block-missing-colon",
    ),
    pytest.param(
        "php",
        PHP_ENV + "stream_context_create(['http' => ['header' => "
        '"Accept: application/json\\r\\nAuthorization: basic $auth\\r\\n"]]);\n',
        [Code.SCHEME_CASE],
        id="php-block-second-line-scheme-case",
    ),
    pytest.param(
        "php",
        PHP_ENV + "stream_context_create(['http' => ['header' => "
        "'Accept: application/json\\r\\nAuthorization: Basic $auth']]);\n",
        [Code.UNEXPANDED_VARIABLE],
        id="php-single-quotes-do-not-interpolate",
    ),
    pytest.param(
        "php",
        PHP_ENV + "$req = <<<'EOT'\nGET / HTTP/1.1\nAuthorization: Basic $auth\n\nEOT;\n",
        [Code.UNEXPANDED_VARIABLE],
        id="php-nowdoc-does-not-interpolate",
    ),
    pytest.param(
        "php",
        PHP_ENV + "$req = <<<EOT\nX\nEOT;\n$t = 'x';\n// Authorization: Basic $auth\n",
        [Code.UNEXPANDED_VARIABLE],
        id="php-closed-heredoc-is-not-open",
    ),
    pytest.param(
        "php",
        PHP_ENV + '$h[] = "Authorization: Basic " . $auth . "\\r\\n";\n',
        [Code.CONTROL_CHARACTER],
        id="php-curl-header-list-line-is-one-header",
    ),
    pytest.param(
        "python",
        PY_ENV + "requests.get(u, headers={'Authorization': 'Basic ' + tok + '\\n'})\n",
        [Code.CONTROL_CHARACTER],
        id="py-single-header-value-with-newline",
    ),
    pytest.param(
        "python",
        's.sendall(b"GET / HTTP/1.1\\r\\nAuthorization: basic dXNlcjpwYXNzd29yZA==\\r\\n\\r\\n")\n',
        [Code.SCHEME_CASE],
        id="py-raw-request-literal-scheme-case",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected"), FLAGS)
def test_a_header_block_line_is_still_judged(kind: str, source: str, expected: list[Code]) -> None:
    assert _codes(source, kind) == expected


# A header line or value formatted with sprintf/vsprintf outside a sink, then handed to one
# later through a variable the sink table does not see (`CURLOPT_HTTPHEADER => [$auth]` in an
# options array): the format call itself is the construction.
_PHP_LATER = "$ch = curl_init('https://api.example.com/v1/orders');\ncurl_setopt_array($ch, [CURLOPT_HTTPHEADER => [$auth]]);\n"
_PHP_IDS = "<?php\n$id = getenv('A');\n$secret = getenv('B');\n"


@pytest.mark.parametrize(
    ("source", "code"),
    [
        pytest.param(
            _PHP_IDS
            + "$auth = sprintf('Authorization: Basic %s', base64_encode(\"$id$secret\"));\n"
            + _PHP_LATER,
            Code.MISSING_COLON,
            id="sprintf-header-line-no-colon",
        ),
        pytest.param(
            _PHP_IDS
            + "$auth = vsprintf('Authorization: Basic %s', [base64_encode($id . $secret)]);\n"
            + _PHP_LATER,
            Code.MISSING_COLON,
            id="vsprintf-header-line-no-colon",
        ),
        pytest.param(
            PHP_ENV + "$auth = sprintf('Authorization: basic %s', $auth);\n" + _PHP_LATER,
            Code.SCHEME_CASE,
            id="sprintf-header-line-scheme-case",
        ),
        pytest.param(
            PHP_ENV + '$auth = sprintf("Authorization: Basic  %s", $auth);\n' + _PHP_LATER,
            Code.WHITESPACE,
            id="sprintf-header-line-two-spaces",
        ),
    ],
)
def test_php_formatted_header_line_is_judged(source: str, code: Code) -> None:
    assert code in _codes(source, "php")


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            _PHP_IDS
            + "$auth = sprintf('Authorization: Basic %s', base64_encode(\"$id:$secret\"));\n"
            + _PHP_LATER,
            id="sprintf-header-line-correct",
        ),
        pytest.param(
            PHP_ENV + "$auth = sprintf('Authorization: Basic %s', $auth);\n" + _PHP_LATER,
            id="sprintf-header-line-token",
        ),
        pytest.param(
            "<?php\n$ct = sprintf('Content-Type: %s', $type);\n$msg = sprintf('Basic plan for %s', $user);\n",
            id="sprintf-other-header-and-prose",
        ),
    ],
)
def test_php_formatted_header_line_clean(source: str) -> None:
    assert _codes(source, "php") == []

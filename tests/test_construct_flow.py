"""Control flow the evaluator follows: both branches of an if/else or a conditional expression,
and calls to functions defined in the same file (construct/evaluate.py alternatives)."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from tests.helpers import findings_in

PY_HEAD = "import base64, os\nKEY = os.environ['KEY_ID']\nSECRET = os.environ['KEY_SECRET']\n"
JS_HEAD = "const KEY = process.env.KEY_ID;\nconst SECRET = process.env.KEY_SECRET;\n"


def _found(source: str, kind: str) -> list[tuple[int, Code]]:
    return sorted((f.line, f.code) for f in findings_in(source, kind))


FLAGS = [
    pytest.param(
        "python",
        PY_HEAD + "def h(legacy):\n"
        "    if legacy:\n"
        '        tok = base64.encodebytes(f"{KEY}:{SECRET}".encode()).decode()\n'
        "    else:\n"
        '        tok = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()\n'
        '    return {"Authorization": "Basic " + tok}\n',
        [(6, Code.ENCODER_NEWLINE)],
        id="py-if-else-first-branch-wrong",
    ),
    pytest.param(
        "python",
        PY_HEAD + "def h(legacy):\n"
        "    if legacy:\n"
        '        tok = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()\n'
        "    elif os.environ.get('URLSAFE'):\n"
        '        tok = base64.urlsafe_b64encode(f"{KEY}:{SECRET}".encode()).decode()\n'
        "    else:\n"
        '        tok = base64.b64encode(f"{KEY}{SECRET}".encode()).decode()\n'
        '    return {"Authorization": "Basic " + tok}\n',
        [(8, Code.URL_SAFE_ALPHABET), (10, Code.MISSING_COLON)],
        id="py-elif-chain-two-branches-wrong",
    ),
    pytest.param(
        "python",
        PY_HEAD + "tok = base64.b64encode(f'{KEY}:{SECRET}'.encode()).decode()\n"
        "if os.environ.get('OLD'):\n"
        "    tok = str(base64.b64encode(f'{KEY}:{SECRET}'.encode()))\n"
        'h = {"Authorization": "Basic " + tok}\n',
        [(6, Code.BYTES_REPR)],
        id="py-if-without-else-overrides",
    ),
    pytest.param(
        "python",
        PY_HEAD + "def h(legacy):\n"
        "    creds = f'{KEY}:{SECRET}'.encode()\n"
        "    tok = base64.encodebytes(creds) if legacy else base64.b64encode(creds)\n"
        '    return {"Authorization": "Basic " + tok.decode()}\n',
        [(6, Code.ENCODER_NEWLINE)],
        id="py-conditional-expression",
    ),
    pytest.param(
        "javascript",
        JS_HEAD + "let tok;\n"
        "if (legacy) {\n"
        "  tok = btoa(KEY + SECRET);\n"
        "} else {\n"
        "  tok = btoa(KEY + ':' + SECRET);\n"
        "}\n"
        "xhr.setRequestHeader('Authorization', 'Basic ' + tok);\n",
        [(5, Code.MISSING_COLON)],
        id="js-if-else-first-branch-wrong",
    ),
    pytest.param(
        "javascript",
        JS_HEAD
        + "const tok = legacy ? Buffer.from(`${KEY}:${SECRET}`).toString('base64url')\n"
        + "  : Buffer.from(`${KEY}:${SECRET}`).toString('base64');\n"
        "headers.Authorization = `Basic ${tok}`;\n",
        [(3, Code.URL_SAFE_ALPHABET)],
        id="js-ternary",
    ),
    pytest.param(
        "python",
        PY_HEAD + "def _token():\n"
        '    return base64.encodebytes(f"{KEY}:{SECRET}".encode()).decode()\n'
        'h = {"Authorization": "Basic " + _token()}\n',
        [(5, Code.ENCODER_NEWLINE)],
        id="py-helper-no-args",
    ),
    pytest.param(
        "python",
        "import base64, os\n"
        "def _basic(user, password):\n"
        '    return base64.b64encode(f"{user}{password}".encode()).decode()\n'
        "class Client:\n"
        "    def headers(self):\n"
        '        tok = _basic(os.environ["ID"], os.environ["SECRET"])\n'
        '        return {"Authorization": f"Basic {tok}"}\n',
        [(3, Code.MISSING_COLON)],
        id="py-helper-arguments-bound",
    ),
    pytest.param(
        "python",
        "import base64, os\n"
        "class Client:\n"
        "    def _token(self, strict=True):\n"
        "        raw = f\"{os.environ['ID']}:{os.environ['SECRET']}\".encode()\n"
        "        if strict:\n"
        "            return base64.b64encode(raw).decode()\n"
        "        return base64.encodebytes(raw).decode()\n"
        "    def headers(self):\n"
        '        return {"Authorization": "Basic " + self._token()}\n',
        [(7, Code.ENCODER_NEWLINE)],
        id="py-method-several-returns",
    ),
    pytest.param(
        "javascript",
        "function token(id, secret) {\n"
        "  return btoa(id + secret);\n"
        "}\n"
        "xhr.setRequestHeader('Authorization', 'Basic ' + token(process.env.ID, process.env.S));\n",
        [(2, Code.MISSING_COLON)],
        id="js-helper-function",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected"), FLAGS)
def test_flags(kind: str, source: str, expected: list[tuple[int, Code]]) -> None:
    assert _found(source, kind) == expected


CLEAN = [
    pytest.param(
        "python",
        PY_HEAD + "def h(legacy):\n"
        "    if legacy:\n"
        '        tok = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()\n'
        "    else:\n"
        '        tok = base64.b64encode(f"{SECRET}:{KEY}".encode()).decode()\n'
        '    return {"Authorization": "Basic " + tok}\n',
        id="py-if-else-both-right",
    ),
    pytest.param(
        "python",
        PY_HEAD + "tok = None\n"
        "if KEY:\n"
        "    tok = base64.b64encode(f'{KEY}:{SECRET}'.encode()).decode()\n"
        "else:\n"
        "    tok = os.environ['TOKEN']\n"
        'h = {"Authorization": "Basic " + tok}\n',
        id="py-dead-initial-value-not-an-alternative",
    ),
    pytest.param(
        "python",
        PY_HEAD + "def h(legacy):\n"
        "    creds = f'{KEY}:{SECRET}'.encode()\n"
        "    tok = base64.b64encode(creds) if legacy else base64.standard_b64encode(creds)\n"
        '    return {"Authorization": "Basic " + tok.decode()}\n',
        id="py-conditional-expression-both-right",
    ),
    pytest.param(
        "python",
        PY_HEAD + "def _token():\n"
        '    return base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()\n'
        'h = {"Authorization": "Basic " + _token()}\n',
        id="py-helper-right",
    ),
    pytest.param(
        "python",
        "import os\n"
        "def _token(n):\n"
        "    return _token(n - 1) if n else os.environ['T']\n"
        'h = {"Authorization": "Bearer " + _token(3)}\n',
        id="py-recursive-helper-bounded",
    ),
    pytest.param(
        "javascript",
        "function token(id, secret) {\n"
        "  return btoa(id + ':' + secret);\n"
        "}\n"
        "xhr.setRequestHeader('Authorization', 'Basic ' + token(process.env.ID, process.env.S));\n",
        id="js-helper-right",
    ),
]


CLEAN += [
    # A branch without a value (`return ""` when no key is set, `: null`) is the code's path
    # without credentials, guarded by the caller: not judged as a header.
    pytest.param(
        "python",
        "import base64\n"
        "def h(u, p):\n"
        "    return {'Authorization': 'Basic ' + _b(u, p) if u else 'Bearer ' + p}\n"
        "def _b(u, p):\n"
        "    if not u:\n"
        "        return ''\n"
        "    return base64.b64encode(f'{u}:{p}'.encode()).decode()\n",
        id="py-helper-guard-returns-empty",
    ),
    pytest.param(
        "javascript",
        "function t(u, p) {\n  if (!u) return null;\n  return btoa(u + ':' + p);\n}\n"
        "xhr.setRequestHeader('Authorization', 'Basic ' + t(a, b));\n",
        id="js-helper-guard-returns-null",
    ),
    pytest.param(
        "php",
        "<?php\n$t = $u ? base64_encode($u . ':' . $p) : null;\n"
        "$h = ['Authorization: Basic ' . $t];\n",
        id="php-ternary-null-branch",
    ),
]


@pytest.mark.parametrize(("kind", "source"), CLEAN)
def test_clean(kind: str, source: str) -> None:
    assert _found(source, kind) == []


# An encoder's trailing newline removed by `.strip()` / `.rstrip("\n")` / `.chomp`: no AL119;
# the wrap (AL120) stays only when the input can be longer than one line (57 bytes for
# encodebytes' 76 characters, 45 bytes for Ruby encode64's 60).
STRIPPED = [
    pytest.param(
        "python",
        "import base64\n"
        "h = {'Authorization': 'Basic ' + base64.encodebytes(b'aladdin:opensesame')"
        ".decode().strip()}\n",
        [],
        id="py-strip-known-short",
    ),
    pytest.param(
        "python",
        "import base64\n"
        "h = {'Authorization': 'Basic ' + base64.encodebytes(b'aladdin:" + "x" * 60 + "')"
        ".decode().strip()}\n",
        [(2, Code.ENCODER_LINE_WRAP)],
        id="py-strip-known-long-wraps",
    ),
    pytest.param(
        "python",
        PY_HEAD + "c = f'{KEY}:{SECRET}'.encode()\n"
        "h = {'Authorization': 'Basic ' + base64.encodebytes(c).decode().rstrip('\\n')}\n",
        [(5, Code.ENCODER_LINE_WRAP)],
        id="py-rstrip-newline-unknown-length-may-wrap",
    ),
    pytest.param(
        "python",
        PY_HEAD + "c = f'{KEY}:{SECRET}'.encode()\n"
        "h = {'Authorization': 'Basic ' + base64.encodebytes(c).decode()}\n",
        [(5, Code.ENCODER_NEWLINE)],
        id="py-not-stripped",
    ),
    pytest.param(
        "ruby",
        "require 'base64'\n"
        "h = { 'Authorization' => 'Basic ' + Base64.encode64(\"#{ENV['A']}:#{ENV['B']}\").chomp }\n",
        [(2, Code.ENCODER_LINE_WRAP)],
        id="rb-chomp-unknown-length-may-wrap",
    ),
    pytest.param(
        "ruby",
        "require 'base64'\n"
        "h = { 'Authorization' => 'Basic ' + Base64.encode64(\"#{ENV['A']}:#{ENV['B']}\") }\n",
        [(2, Code.ENCODER_NEWLINE)],
        id="rb-not-chomped",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected"), STRIPPED)
def test_stripped_encoder_output(kind: str, source: str, expected: list[tuple[int, Code]]) -> None:
    found = [(line, code) for line, code in _found(source, kind) if code.value.startswith("AL1")]
    assert found == expected


@pytest.mark.parametrize(
    ("kind", "source", "expected"),
    [
        pytest.param(
            "javascript",
            "const t = process.env.TOKEN;\n"
            "xhr.setRequestHeader('Authorization', `Basic \"${t}\"`);\n",
            [(2, Code.QUOTED_CREDENTIALS)],
            id="js-quoted-template-one-finding",
        ),
        pytest.param(
            "python",
            "import os\nt = os.environ['TOKEN']\nh = {'Authorization': f'Bearer \"{t}\"'}\n",
            [(3, Code.QUOTED_CREDENTIALS)],
            id="py-quoted-fstring-one-finding",
        ),
        pytest.param(
            "javascript",
            "const t = process.env.TOKEN;\nxhr.setRequestHeader('Authorization', `Basic ${t}`);\n",
            [],
            id="js-template-unquoted",
        ),
    ],
)
def test_one_finding_per_problem(kind: str, source: str, expected: list[tuple[int, Code]]) -> None:
    assert _found(source, kind) == expected


# if/else and conditional expressions in the other lowerings: (kind, source, expected, the
# wrong construction, the right one); the source with the right one has no finding.
BRANCHES = [
    pytest.param(
        "go",
        'package main\nimport ("encoding/base64"; "net/http"; "os")\nfunc f(req *http.Request, legacy bool) {\n\tvar tok string\n\tif legacy {\n\t\ttok = base64.URLEncoding.EncodeToString([]byte(os.Getenv("ID") + ":" + os.Getenv("S")))\n\t} else {\n\t\ttok = base64.StdEncoding.EncodeToString([]byte(os.Getenv("ID") + ":" + os.Getenv("S")))\n\t}\n\treq.Header.Set("Authorization", "Basic "+tok)\n}\n',
        [(6, Code.URL_SAFE_ALPHABET)],
        "base64.URLEncoding",
        "base64.StdEncoding",
        id="go-branches",
    ),
    pytest.param(
        "java",
        'class A {\n  void f(HttpURLConnection c, boolean legacy) {\n    String creds = System.getenv("ID") + ":" + System.getenv("S");\n    String tok;\n    if (legacy) {\n      tok = Base64.getUrlEncoder().encodeToString(creds.getBytes());\n    } else {\n      tok = Base64.getEncoder().encodeToString(creds.getBytes());\n    }\n    c.setRequestProperty("Authorization", "Basic " + tok);\n    String t2 = legacy ? Base64.getUrlEncoder().encodeToString(creds.getBytes()) : Base64.getEncoder().encodeToString(creds.getBytes());\n    c.setRequestProperty("Authorization", "Basic " + t2);\n  }\n}\n',
        [(6, Code.URL_SAFE_ALPHABET), (11, Code.URL_SAFE_ALPHABET)],
        "getUrlEncoder",
        "getEncoder",
        id="java-branches",
    ),
    pytest.param(
        "ruby",
        "require 'base64'\ncreds = \"#{ENV['ID']}:#{ENV['S']}\"\nif legacy\n  tok = Base64.urlsafe_encode64(creds)\nelse\n  tok = Base64.strict_encode64(creds)\nend\nreq['Authorization'] = \"Basic #{tok}\"\nt2 = legacy ? Base64.urlsafe_encode64(creds) : Base64.strict_encode64(creds)\nreq['Authorization'] = \"Basic #{t2}\"\n",
        [(4, Code.URL_SAFE_ALPHABET), (9, Code.URL_SAFE_ALPHABET)],
        "urlsafe_encode64",
        "strict_encode64",
        id="ruby-branches",
    ),
    pytest.param(
        "kotlin",
        'fun f(c: HttpURLConnection, legacy: Boolean) {\n    val creds = System.getenv("ID") + ":" + System.getenv("S")\n    val tok = if (legacy) Base64.getUrlEncoder().encodeToString(creds.toByteArray()) else Base64.getEncoder().encodeToString(creds.toByteArray())\n    c.setRequestProperty("Authorization", "Basic " + tok)\n}\n',
        [(3, Code.URL_SAFE_ALPHABET)],
        "getUrlEncoder",
        "getEncoder",
        id="kotlin-branches",
    ),
    pytest.param(
        "shell",
        'if [ -n "$LEGACY" ]; then\n  TOK=$(printf \'%s\' "$ID:$SECRET" | base64)\nelse\n  TOK=$(printf \'%s\' "$ID:$SECRET" | base64 -w0)\nfi\ncurl -H "Authorization: Basic $TOK" "$U"\n',
        [(2, Code.ENCODER_LINE_WRAP)],
        "| base64)\nelse",
        "| base64 -w0)\nelse",
        id="shell-branches",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected", "wrong", "right"), BRANCHES)
def test_branches_in_every_lowering(
    kind: str, source: str, expected: list[tuple[int, Code]], wrong: str, right: str
) -> None:
    assert _found(source, kind) == expected
    assert wrong in source
    assert _found(source.replace(wrong, right), kind) == []


# Same-file functions in the C-family lowerings (the wrong construction inside the function).
HELPERS = [
    pytest.param(
        "go",
        'package main\n\nimport (\n\t"encoding/base64"\n\t"net/http"\n\t"os"\n)\n\nfunc token(id, secret string) string {\n\treturn base64.URLEncoding.EncodeToString([]byte(id + ":" + secret))\n}\n\nfunc f(req *http.Request) {\n\treq.Header.Set("Authorization", "Basic "+token(os.Getenv("ID"), os.Getenv("S")))\n}\n',
        [(10, Code.URL_SAFE_ALPHABET)],
        "base64.URLEncoding",
        "base64.StdEncoding",
        id="go-helper-function",
    ),
    pytest.param(
        "java",
        'class A {\n  private String token() {\n    String creds = System.getenv("ID") + ":" + System.getenv("S");\n    return Base64.getUrlEncoder().encodeToString(creds.getBytes());\n  }\n  void f(HttpURLConnection c) {\n    c.setRequestProperty("Authorization", "Basic " + token());\n  }\n}\n',
        [(4, Code.URL_SAFE_ALPHABET)],
        "getUrlEncoder",
        "getEncoder",
        id="java-helper-function",
    ),
    pytest.param(
        "csharp",
        'class A {\n  static string Token(string id, string secret) {\n    return Convert.ToBase64String(Encoding.UTF8.GetBytes(id + secret));\n  }\n  void F(HttpClient c) {\n    c.DefaultRequestHeaders.Add("Authorization", "Basic " + Token(Environment.GetEnvironmentVariable("ID"), Environment.GetEnvironmentVariable("S")));\n  }\n}\n',
        [(3, Code.MISSING_COLON)],
        "GetBytes(id + secret)",
        'GetBytes(id + ":" + secret)',
        id="csharp-helper-function",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected", "wrong", "right"), HELPERS)
def test_helper_functions_in_the_c_family(
    kind: str, source: str, expected: list[tuple[int, Code]], wrong: str, right: str
) -> None:
    assert _found(source, kind) == expected
    assert wrong in source
    assert _found(source.replace(wrong, right), kind) == []


_PHP_AUTH = "$r = $client->request('GET', $u, ['auth' => [getenv('RZP_KEY_ID'), RZP_SECRET]]);\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "<?php\ndefine('RZP_SECRET', 'Zx8kPq2LmN4vR7tY1wE5');\n"
            + _PHP_AUTH,  # authlint: ignore[AL207]
            [(2, Code.KEY_SECRET)],  # the secret-named constant's literal (AL207 yields)
            id="php-define-constant",
        ),
        pytest.param(
            "<?php\nconst RZP_SECRET = 'Zx8kPq2LmN4vR7tY1wE5';\n"
            + _PHP_AUTH,  # authlint: ignore[AL207]
            [(2, Code.KEY_SECRET)],  # the secret-named constant's literal (AL207 yields)
            id="php-const-constant",
        ),
        pytest.param(
            "<?php\ndefine('RZP_SECRET', getenv('RZP_KEY_SECRET'));\n" + _PHP_AUTH,
            [],
            id="php-define-from-environment",
        ),
        pytest.param(
            "<?php\n$creds = <<<EOT\n{$id}{$secret}\nEOT;\n"
            "$h = ['Authorization: Basic ' . base64_encode($creds)];\n",
            [(3, Code.MISSING_COLON)],
            id="php-heredoc-without-colon",
        ),
        pytest.param(
            "<?php\n$creds = <<<EOT\n{$id}:{$secret}\nEOT;\n"
            "$h = ['Authorization: Basic ' . base64_encode($creds)];\n",
            [],
            id="php-heredoc-with-colon",
        ),
    ],
)
def test_php_constants_and_heredocs(source: str, expected: list[tuple[int, Code]]) -> None:
    assert _found(source, "php") == expected


def test_php_heredoc_and_nowdoc_values_are_what_php_builds() -> None:
    from authlint.construct.evaluate import Evaluator
    from authlint.construct.lang import php
    from authlint.syntax import parse

    source = (
        "<?php\n$a = 'x';\n$creds = <<<EOT\nalad\\tdin:{$a}\nopen\nEOT;\n"
        "$n = <<<'EOT'\na $b\\t\nEOT;\n"
        "$h = ['Authorization: Basic ' . base64_encode($creds . $n)];\n"
    )
    syntax = parse("php", source)
    assert syntax is not None
    sites, resolution = php.lower_file(syntax, [])
    (site,) = sites.headers
    # What PHP 8 prints for `echo base64_encode($creds . $n);` of this program.
    expected = "Basic YWxhZAlkaW46eApvcGVuYSAkYlx0"  # authlint: ignore[AL204]
    assert Evaluator(php.LANGUAGE, resolution).value(site.value).known == expected


# Same-file functions in the other lowerings: Kotlin (block and expression bodies), Ruby (the
# last expression is the value), PHP, and shell functions (what they print is their value).
MORE_HELPERS = [
    pytest.param(
        "kotlin",
        "import java.net.HttpURLConnection\nimport java.util.Base64\n\n"
        "class RazorpayAuth(private val keyId: String, private val keySecret: String) {\n"
        "    private fun token(): String {\n"
        '        val creds = "$keyId:$keySecret"\n'
        "        return Base64.getUrlEncoder().encodeToString(creds.toByteArray())\n"
        "    }\n\n"
        "    fun apply(c: HttpURLConnection) {\n"
        '        c.setRequestProperty("Authorization", "Basic " + token())\n'
        "    }\n}\n",
        [(7, Code.URL_SAFE_ALPHABET)],
        "getUrlEncoder",
        "getEncoder",
        id="kotlin-helper-function",
    ),
    pytest.param(
        "kotlin",
        "import java.util.Base64\n\n"
        "private fun token(id: String, secret: String) =\n"
        '    Base64.getEncoder().encodeToString("$id$secret".toByteArray())\n\n'
        "fun call(c: java.net.HttpURLConnection) {\n"
        '    c.setRequestProperty("Authorization", "Basic " + token(System.getenv("RZP_KEY_ID"), '
        'System.getenv("RZP_KEY_SECRET")))\n'
        "}\n",
        [(4, Code.MISSING_COLON)],
        '"$id$secret"',
        '"$id:$secret"',
        id="kotlin-expression-body",
    ),
    pytest.param(
        "ruby",
        "require 'base64'\nrequire 'net/http'\n\n"
        "def basic_token(id, secret)\n"
        '  Base64.encode64("#{id}:#{secret}")\n'
        "end\n\n"
        "req = Net::HTTP::Get.new(uri)\n"
        "req['Authorization'] = \"Basic #{basic_token(ENV['RZP_KEY_ID'], ENV['RZP_KEY_SECRET'])}\"\n",
        [(5, Code.ENCODER_NEWLINE)],
        "Base64.encode64(",
        "Base64.strict_encode64(",
        id="ruby-helper-method",
    ),
    pytest.param(
        "ruby",
        "class Client\n"
        "  def auth_token\n"
        "    return nil unless ENV['RZP_KEY_ID']\n\n"
        "    Base64.urlsafe_encode64(\"#{ENV['RZP_KEY_ID']}:#{ENV['RZP_KEY_SECRET']}\")\n"
        "  end\n\n"
        "  def get(path)\n"
        "    @http.get(path, { 'Authorization' => \"Basic #{auth_token}\" })\n"
        "  end\nend\n",
        [(5, Code.URL_SAFE_ALPHABET)],
        "urlsafe_encode64",
        "strict_encode64",
        id="ruby-helper-early-return",
    ),
    pytest.param(
        "php",
        "<?php\n\nfunction basicToken(string $id, string $secret): string\n{\n"
        "    return base64_encode($id . $secret);\n}\n\n"
        "$ch = curl_init('https://api.razorpay.com/v1/payments');\n"
        "curl_setopt($ch, CURLOPT_HTTPHEADER, [\n"
        "    'Authorization: Basic ' . basicToken(getenv('RZP_KEY_ID'), getenv('RZP_KEY_SECRET')),\n"
        "]);\n",
        [(5, Code.MISSING_COLON)],
        "$id . $secret",
        "$id . ':' . $secret",
        id="php-helper-function",
    ),
    pytest.param(
        "php",
        "<?php\n\nclass Gateway\n{\n"
        "    private function token(): string\n    {\n"
        "        return chunk_split(base64_encode(getenv('KEY_ID') . ':' . getenv('KEY_SECRET')));\n"
        "    }\n\n"
        "    public function send($client)\n    {\n"
        "        return $client->request('GET', '/v1/orders', [\n"
        "            'headers' => ['Authorization' => 'Basic ' . $this->token()],\n"
        "        ]);\n    }\n}\n",
        [(7, Code.ENCODER_LINE_WRAP)],
        "chunk_split(base64_encode(getenv('KEY_ID') . ':' . getenv('KEY_SECRET')))",
        "base64_encode(getenv('KEY_ID') . ':' . getenv('KEY_SECRET'))",
        id="php-helper-method",
    ),
    pytest.param(
        "shell",
        "#!/usr/bin/env bash\nset -euo pipefail\n\n"
        "auth_header() {\n"
        '  printf \'Basic %s\' "$(printf \'%s:%s\' "$RZP_KEY_ID" "$RZP_KEY_SECRET" | base64)"\n'
        "}\n\n"
        'curl -sS -H "Authorization: $(auth_header)" https://api.razorpay.com/v1/payments\n',
        [(5, Code.ENCODER_LINE_WRAP)],
        "| base64)",
        "| base64 -w0)",
        id="shell-function",
    ),
    pytest.param(
        "shell",
        "#!/bin/bash\n"
        "function basic {\n"
        '  echo "$1:$2" | base64 -w0\n'
        "}\n"
        'curl -H "Authorization: Basic $(basic "$KEY_ID" "$KEY_SECRET")" "$API/payments"\n',
        [(3, Code.ENCODER_NEWLINE)],
        'echo "$1:$2"',
        "printf '%s' \"$1:$2\"",
        id="shell-function-arguments",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected", "wrong", "right"), MORE_HELPERS)
def test_helper_functions_in_the_other_lowerings(
    kind: str, source: str, expected: list[tuple[int, Code]], wrong: str, right: str
) -> None:
    assert _found(source, kind) == expected
    assert wrong in source
    assert _found(source.replace(wrong, right), kind) == []


# switch / when / match / case: each arm's value is an alternative, as the branches of an if.
SWITCHES = [
    pytest.param(
        "kotlin",
        "import java.util.Base64\n\n"
        "fun authorize(c: java.net.HttpURLConnection, mode: String) {\n"
        '    val creds = (System.getenv("RZP_KEY_ID") + ":" + System.getenv("RZP_KEY_SECRET"))'
        ".toByteArray()\n"
        "    val token = when (mode) {\n"
        '        "url" -> Base64.getUrlEncoder().encodeToString(creds)\n'
        "        else -> Base64.getEncoder().encodeToString(creds)\n"
        "    }\n"
        '    c.setRequestProperty("Authorization", "Basic $token")\n'
        "}\n",
        [(6, Code.URL_SAFE_ALPHABET)],
        "getUrlEncoder",
        "getEncoder",
        id="kotlin-when-expression",
    ),
    pytest.param(
        "kotlin",
        "fun authorize(c: java.net.HttpURLConnection, mode: String) {\n"
        '    val creds = (System.getenv("RZP_KEY_ID") + ":" + System.getenv("RZP_KEY_SECRET"))'
        ".toByteArray()\n"
        "    var token: String\n"
        "    when (mode) {\n"
        '        "url" -> token = java.util.Base64.getUrlEncoder().encodeToString(creds)\n'
        "        else -> { token = java.util.Base64.getEncoder().encodeToString(creds) }\n"
        "    }\n"
        '    c.setRequestProperty("Authorization", "Basic " + token)\n'
        "}\n",
        [(5, Code.URL_SAFE_ALPHABET)],
        "getUrlEncoder",
        "getEncoder",
        id="kotlin-when-statement",
    ),
    pytest.param(
        "java",
        "class Auth {\n"
        "  void apply(HttpURLConnection conn, String mode, byte[] creds) {\n"
        "    String token = switch (mode) {\n"
        '      case "url" -> Base64.getUrlEncoder().encodeToString(creds);\n'
        "      default -> Base64.getEncoder().encodeToString(creds);\n"
        "    };\n"
        '    conn.setRequestProperty("Authorization", "Basic " + token);\n'
        "  }\n}\n",
        [(4, Code.URL_SAFE_ALPHABET)],
        "getUrlEncoder",
        "getEncoder",
        id="java-switch-expression",
    ),
    pytest.param(
        "java",
        "class Auth {\n"
        "  void apply(HttpURLConnection conn, String mode, byte[] creds) {\n"
        "    String token;\n"
        "    switch (mode) {\n"
        '      case "mime":\n'
        "        token = Base64.getMimeEncoder().encodeToString(creds);\n"
        "        break;\n"
        "      default:\n"
        "        token = Base64.getEncoder().encodeToString(creds);\n"
        "    }\n"
        '    conn.setRequestProperty("Authorization", "Basic " + token);\n'
        "  }\n}\n",
        [(6, Code.ENCODER_LINE_WRAP)],
        "getMimeEncoder",
        "getEncoder",
        id="java-switch-statement",
    ),
    pytest.param(
        "csharp",
        "class Auth {\n"
        "  void Apply(HttpClient client, string mode, string id, string secret) {\n"
        "    var token = mode switch\n"
        "    {\n"
        '      "legacy" => Convert.ToBase64String(Encoding.UTF8.GetBytes(id + secret)),\n'
        '      _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)),\n'
        "    };\n"
        '    client.DefaultRequestHeaders.Add("Authorization", "Basic " + token);\n'
        "  }\n}\n",
        [(5, Code.MISSING_COLON)],
        "GetBytes(id + secret)",
        'GetBytes(id + ":" + secret)',
        id="csharp-switch-expression",
    ),
    pytest.param(
        "php",
        "<?php\n"
        "$creds = getenv('RZP_KEY_ID') . ':' . getenv('RZP_KEY_SECRET');\n"
        "$token = match ($mode) {\n"
        "    'url' => strtr(base64_encode($creds), '+/', '-_'),\n"
        "    default => base64_encode($creds),\n"
        "};\n"
        "$headers = ['Authorization' => 'Basic ' . $token];\n",
        [(4, Code.URL_SAFE_ALPHABET)],
        "strtr(base64_encode($creds), '+/', '-_')",
        "base64_encode($creds)",
        id="php-match",
    ),
    pytest.param(
        "php",
        "<?php\n"
        "$creds = getenv('RZP_KEY_ID') . ':' . getenv('RZP_KEY_SECRET');\n"
        "switch ($mode) {\n"
        "    case 'legacy':\n"
        "        $token = chunk_split(base64_encode($creds));\n"
        "        break;\n"
        "    default:\n"
        "        $token = base64_encode($creds);\n"
        "}\n"
        "$headers = ['Authorization' => 'Basic ' . $token];\n",
        [(5, Code.ENCODER_LINE_WRAP)],
        "chunk_split(base64_encode($creds))",
        "base64_encode($creds)",
        id="php-switch-statement",
    ),
    pytest.param(
        "ruby",
        "creds = \"#{ENV['RZP_KEY_ID']}:#{ENV['RZP_KEY_SECRET']}\"\n"
        "token = case mode\n"
        "        when :legacy then Base64.encode64(creds)\n"
        "        else Base64.strict_encode64(creds)\n"
        "        end\n"
        "req['Authorization'] = \"Basic #{token}\"\n",
        [(3, Code.ENCODER_NEWLINE)],
        "Base64.encode64(",
        "Base64.strict_encode64(",
        id="ruby-case-expression",
    ),
    pytest.param(
        "ruby",
        "creds = \"#{ENV['RZP_KEY_ID']}:#{ENV['RZP_KEY_SECRET']}\"\n"
        "case mode\n"
        "when :url\n"
        "  token = Base64.urlsafe_encode64(creds)\n"
        "else\n"
        "  token = Base64.strict_encode64(creds)\n"
        "end\n"
        "req['Authorization'] = \"Basic #{token}\"\n",
        [(4, Code.URL_SAFE_ALPHABET)],
        "urlsafe_encode64",
        "strict_encode64",
        id="ruby-case-statement",
    ),
    pytest.param(
        "javascript",
        JS_HEAD + "let token;\n"
        "switch (process.env.AUTH_MODE) {\n"
        "  case 'legacy':\n"
        "    token = Buffer.from(`${KEY}${SECRET}`).toString('base64');\n"
        "    break;\n"
        "  default:\n"
        "    token = Buffer.from(`${KEY}:${SECRET}`).toString('base64');\n"
        "}\n"
        "headers.Authorization = `Basic ${token}`;\n",
        [(6, Code.MISSING_COLON)],
        "`${KEY}${SECRET}`",
        "`${KEY}:${SECRET}`",
        id="js-switch-statement",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected", "wrong", "right"), SWITCHES)
def test_switch_arms_are_alternatives(
    kind: str, source: str, expected: list[tuple[int, Code]], wrong: str, right: str
) -> None:
    assert _found(source, kind) == expected
    assert wrong in source
    assert _found(source.replace(wrong, right), kind) == []

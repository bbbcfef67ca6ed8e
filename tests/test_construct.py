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
from authlint.construct.fixes import construction_edits
from authlint.construct.lang import csharp, go, java, javascript, php, python, ruby, shell
from authlint.construct.models import EncoderModel
from authlint.syntax import parse
from tests.helpers import findings_in

Row = tuple[str, str, list[tuple[int, Code]]]

PY_HEAD = "import base64, os\nKEY = os.environ['KEY_ID']\nSECRET = os.environ['KEY_SECRET']\n"
JS_HEAD = "const KEY = process.env.KEY_ID;\nconst SECRET = process.env.KEY_SECRET;\n"
SH_HEAD = 'ID="$RAZORPAY_KEY_ID"\nSECRET="$RAZORPAY_KEY_SECRET"\n'
PHP_HEAD = "<?php\n$id = getenv('KEY_ID');\n$secret = getenv('KEY_SECRET');\n"
RB_HEAD = "require 'base64'\nid = ENV.fetch('KEY_ID')\nsecret = ENV.fetch('KEY_SECRET')\n"
TF_HEAD = 'variable "user" {}\nvariable "password" {\n  sensitive = true\n}\n'


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
        'const s = process.env.RAZORPAY_KEY_SECRET || "Zq7vN3kLp9XwR2mT8bYc4HdF";\n',  # authlint: ignore[AL203]
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
    pytest.param(
        "shell",
        SH_HEAD + 'T=$(base64 -w0 <<< "$ID:$SECRET")\ncurl -H "Authorization: Basic $T" "$U"\n',
        [(3, Code.ENCODER_NEWLINE)],
        id="sh-herestring",
    ),
    pytest.param(
        "shell",
        SH_HEAD
        + 'T=$(printf \'%s:%s\' "$ID" "$SECRET" | openssl base64)\ncurl -H "Authorization: Basic $T" "$U"\n',
        [(3, Code.ENCODER_LINE_WRAP)],
        id="sh-openssl-wrap",
    ),
    pytest.param(
        "shell",
        SH_HEAD
        + 'T=`echo -e "$ID:$SECRET" | base64 -w 0`\ncurl -H "Authorization: Basic $T" "$U"\n',
        [(3, Code.ENCODER_NEWLINE)],
        id="sh-backticks-echo-e",
    ),
    pytest.param(
        "shell",
        SH_HEAD + 'curl -H "Authorization: Basic $(echo -n "$ID:$SECRET" | base64)" "$U"\n',
        [(3, Code.ENCODER_LINE_WRAP)],
        id="sh-inline-substitution-wrap",
    ),
    pytest.param(
        "shell",
        'API_SECRET=\'Zx8kPq2LmN4vR7tY1wE5\'\ncurl -u "rzp_test_1DP5mmOlF5G5ag:$API_SECRET" "$U"\n',  # authlint: ignore[AL202]
        # The secret-named setting's generated-looking literal is AL203 where it is written;
        # the construction's AL207 for the same literal yields to it (fold_constructions).
        [(1, Code.KEY_SECRET), (2, Code.TEST_KEY_ID)],
        id="sh-secret-through-u",
    ),
    pytest.param(
        "shell",
        ': "${RAZORPAY_KEY_SECRET:=Zx8kPq2LmN4vR7tY1wE5}"\ncurl -u "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" "$U"\n',
        [(1, Code.KEY_SECRET)],
        id="sh-assign-default",
    ),
    pytest.param(
        "shell",
        'curl -H "Authorization: Basic $(echo aladdin:opensesame | base64)" "$U"\n',
        [(1, Code.ENCODER_NEWLINE)],
        id="sh-known-echo",
    ),
    pytest.param(
        "shell",
        'AUTH=\'Authorization: Bearer $TOKEN\'\ncurl -H "$AUTH" "$U"\n',
        [(1, Code.UNEXPANDED_VARIABLE)],
        id="sh-header-line-in-variable-single-quoted",
    ),
    pytest.param(
        "shell",
        'post() {\n  local tok\n  tok=$(echo "$1:$2" | base64 -w0)\n  curl -H "Authorization: Basic $tok" "$3"\n}\n',
        [(3, Code.ENCODER_NEWLINE)],
        id="sh-function-local",
    ),
    pytest.param(
        "shell",
        SH_HEAD
        + 'wget --header="Authorization: basic $(printf \'%s:%s\' "$ID" "$SECRET" | base64 -w0)" "$U"\n',
        [(3, Code.SCHEME_CASE)],
        id="sh-wget-scheme-case",
    ),
    pytest.param(
        "php",
        PHP_HEAD
        + "$req = $req->withHeader('Authorization', 'Basic ' . base64_encode($id . $secret));\n",
        [(4, Code.MISSING_COLON)],
        id="php-psr7-missing-colon",
    ),
    pytest.param(
        "php",
        PHP_HEAD
        + "$token = getenv('TOKEN');\ncurl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer ' . json_encode($token)]);\n",
        [(5, Code.QUOTED_CREDENTIALS)],
        id="php-json-encode-quotes",
    ),
    pytest.param(
        "php",
        PHP_HEAD
        + '$headers = [];\n$headers[] = "Authorization: Basic " . chunk_split(base64_encode("$id:$secret"));\n',
        [(5, Code.ENCODER_LINE_WRAP)],
        id="php-header-push-chunk-split",
    ),
    pytest.param(
        "php",
        "<?php\n$keySecret = $_ENV['RAZORPAY_KEY_SECRET'] ?? 'Qw9RtY3uI8oP2aS5dF7gH1jK';\n",  # authlint: ignore[AL203]
        [(2, Code.KEY_SECRET)],
        id="php-env-array-fallback",
    ),
    pytest.param(
        "php",
        "<?php\nclass Pay {\n    private const KEY_SECRET = 'Qw9RtY3uI8oP2aS5dF7gH1jK';\n    public function api(): Api { return new Api(getenv('RAZORPAY_KEY_ID'), self::KEY_SECRET); }\n}\n",  # authlint: ignore[AL203]
        [
            (3, Code.KEY_SECRET)
        ],  # the id is read from the environment: only the secret is hard-coded
        id="php-sdk-class-constant",
    ),
    pytest.param(
        "php",
        "<?php\n\nnamespace App\\Billing;\n\nuse Razorpay\\Api\\Api;\n\nfinal class Gateway\n{\n"
        "    private string $merchantKey = 'Xq7Lm2Np9Rs4Tv6Wy8Zb1Cd';\n\n"  # authlint: ignore[AL207]
        "    public function client(string $id): Api\n    {\n"
        "        return new Api($id, $this->merchantKey);\n    }\n}\n",
        [(9, Code.CLIENT_CREDENTIALS)],
        id="php-sdk-imported-api-only-anchor",
    ),
    pytest.param(
        "php",
        PHP_HEAD
        + "$token = base64_encode(sprintf('%s%s', $id, $secret));\n$opts = ['http' => ['header' => sprintf('Authorization: Basic %s', $token)]];\n",
        [(4, Code.MISSING_COLON)],
        id="php-sprintf-no-colon",
    ),
    pytest.param(
        "php",
        PHP_HEAD
        + "$auth = 'Basic ' . base64_encode(\"{$id}:{$secret}\");\n$ctx = ['headers' => ['Authorization' => \"Basic $auth\"]];\n",
        [(5, Code.DOUBLE_SCHEME)],
        id="php-double-scheme",
    ),
    pytest.param(
        "ruby",
        RB_HEAD + "req.add_field('Authorization', \"Basic #{[\"#{id}:#{secret}\"].pack('m')}\")\n",
        [(4, Code.ENCODER_NEWLINE)],
        id="rb-pack-m",
    ),
    pytest.param(
        "ruby",
        RB_HEAD
        + "token = ENV.fetch('TOKEN')\nHTTParty.get(url, headers: { 'Authorization' => \"Bearer #{token.to_json}\" })\n",
        [(5, Code.QUOTED_CREDENTIALS)],
        id="rb-to-json-quotes",
    ),
    pytest.param(
        "ruby",
        RB_HEAD
        + "conn = Faraday.new(headers: { Authorization: 'Basic ' + Base64.urlsafe_encode64(\"#{id}:#{secret}\", padding: false) })\n",
        [(4, Code.URL_SAFE_ALPHABET)],
        id="rb-urlsafe-symbol-key",
    ),
    pytest.param(
        "ruby",
        "KEY_SECRET = ENV['RAZORPAY_KEY_SECRET'] || 'Lx9vQ2mR7tY4wE1uI8oP3aS6'\n",  # authlint: ignore[AL203]
        [(1, Code.KEY_SECRET)],
        id="rb-or-fallback",
    ),
    pytest.param(
        "ruby",
        "KEY_SECRET = 'Lx9vQ2mR7tY4wE1uI8oP3aS6'\nreq.basic_auth(ENV['RAZORPAY_KEY_ID'], KEY_SECRET)\n",  # authlint: ignore[AL203]
        [
            (1, Code.KEY_SECRET)
        ],  # the id is read from the environment: only the secret is hard-coded
        id="rb-basic-auth-constant",
    ),
    pytest.param(
        "ruby",
        "require 'base64'\nreq['Authorization'] = 'Basic ' + Base64.encode64('integration-user@example.com:correct horse battery staple')\n",
        [(2, Code.ENCODER_NEWLINE)],
        id="rb-encode64-known-long",
    ),
    pytest.param(
        "ruby",
        RB_HEAD
        + "header = format('Basic %s', Base64.strict_encode64(id + secret))\nreq['Authorization'] = header\n",
        [(4, Code.MISSING_COLON)],
        id="rb-format-missing-colon",
    ),
    pytest.param(
        "terraform",
        TF_HEAD
        + 'provider "restapi" {\n  headers = {\n    Authorization = "Basic ${base64encode("${var.user}${var.password}")}"\n  }\n}\n',
        [(7, Code.MISSING_COLON)],
        id="tf-provider-missing-colon",
    ),
    pytest.param(
        "terraform",
        'variable "t" {}\nlocals {\n  scheme = "basic"\n}\ndata "http" "x" {\n  request_headers = {\n    Authorization = "${local.scheme} ${var.t}"\n  }\n}\n',
        [(3, Code.SCHEME_CASE)],
        id="tf-scheme-case-through-local",
    ),
    pytest.param(
        "terraform",
        'variable "api_token" {\n  default = "kP3xM9qR2tV7wY4zA6bC8dE1fG5hJ0"\n}\ndata "http" "x" {\n  request_headers = {\n    "Authorization" = "Bearer ${var.api_token}"\n  }\n}\n',
        [(2, Code.KEY_SECRET)],
        id="tf-variable-default-to-header",
    ),
    pytest.param(
        "terraform",
        'variable "t" {}\ndata "http" "x" {\n  request_headers = {\n    Authorization = format("Bearer %q", var.t)\n  }\n}\n',
        [(4, Code.QUOTED_CREDENTIALS)],
        id="tf-format-q",
    ),
    pytest.param(
        "shell",
        'read -r PASSWORD\nPASSWORD=$(echo $PASSWORD | base64)\ncurl -H "Authorization: Basic $PASSWORD" "$U"\n',
        [(2, Code.ENCODER_NEWLINE), (2, Code.ENCODER_LINE_WRAP)],
        id="sh-reassigned-unquoted-echo",
    ),
    pytest.param(
        "ruby",
        RB_HEAD
        + "value = [\"#{id}:#{secret}\"].pack('m')\nvalue.chomp!\nreq['Authorization'] = \"Basic #{value}\"\n",
        [(4, Code.ENCODER_LINE_WRAP)],
        id="rb-chomp-bang-leaves-the-wrap",
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
    pytest.param(
        "shell",
        SH_HEAD
        + 'T=$(printf \'%s\' "$ID:$SECRET" | base64 --wrap=0)\ncurl -H "Authorization: Basic $T" "$U"\n',
        id="sh-printf-wrap0",
    ),
    pytest.param(
        "shell",
        SH_HEAD
        + 'T=$(echo -n "$ID:$SECRET" | base64 | tr -d \'\\n\')\ncurl -H "Authorization: Basic $T" "$U"\n',
        id="sh-tr-newlines",
    ),
    pytest.param(
        "shell",
        SH_HEAD
        + 'T=$(printf \'%s:%s\' "$ID" "$SECRET" | openssl enc -base64 -A)\ncurl -H "Authorization: Basic $T" "$U"\n',
        id="sh-openssl-enc-A",
    ),
    pytest.param(
        "shell",
        SH_HEAD + 'curl -u "$ID:$SECRET" "$U"\n',
        id="sh-curl-u-env",
    ),
    pytest.param(
        "shell",
        'TOKEN="${TOKEN:-changeme}"\ncurl -H "Authorization: Bearer $TOKEN" "$U"\n',
        id="sh-placeholder-default",
    ),
    pytest.param(
        "shell",
        'curl -H "Authorization: Bearer $(cat /run/secrets/token)" "$U"\n',
        id="sh-token-from-file",
    ),
    pytest.param(
        "shell",
        '# T=$(echo $ID:$SECRET | base64)\ncurl -H "Authorization: Basic $T" "$U"\n',
        id="sh-comment",
    ),
    pytest.param(
        "shell",
        "T=$(printf '%s' 'aladdin:opensesame' | base64)\ncurl -H \"Authorization: Basic $T\" \"$U\"\n",
        id="sh-known-short-no-wrap",
    ),
    pytest.param(
        "php",
        PHP_HEAD + "$client = new Client(['auth' => [$id, $secret]]);\n",
        id="php-guzzle-auth-env",
    ),
    pytest.param(
        "php",
        PHP_HEAD + "curl_setopt($ch, CURLOPT_USERPWD, $id . ':' . $secret);\n",
        id="php-userpwd",
    ),
    pytest.param(
        "php",
        "<?php\nclass C {\n    public function h(): array { return ['Authorization' => 'Bearer ' . $this->token]; }\n}\n",
        id="php-this-property",
    ),
    pytest.param(
        "php",
        PHP_HEAD + "$h = ['Authorization: Basic ' . base64_encode(\"$id:$secret\")];\n",
        id="php-header-line",
    ),
    pytest.param(
        "php",
        PHP_HEAD + "// 'Authorization' => 'Basic ' . base64_encode($id . $secret)\n$x = 1;\n",
        id="php-comment",
    ),
    pytest.param(
        "php",
        PHP_HEAD
        + "$h = ['Authorization' => 'Basic ' . base64_encode(implode(':', [$id, $secret]))];\n",
        id="php-implode",
    ),
    pytest.param(
        "ruby",
        RB_HEAD
        + 'h = { \'Authorization\' => "Basic #{Base64.strict_encode64("#{id}:#{secret}")}" }\n',
        id="rb-strict",
    ),
    pytest.param(
        "ruby",
        RB_HEAD
        + 't = Base64.encode64("#{id}:#{secret}").gsub("\\n", \'\')\nh = { \'Authorization\' => "Basic #{t}" }\n',
        id="rb-gsub-newlines",
    ),
    pytest.param(
        "ruby",
        "req.basic_auth(ENV.fetch('ID'), ENV.fetch('SECRET'))\n",
        id="rb-basic-auth-env",
    ),
    pytest.param(
        "ruby",
        RB_HEAD + "# h = { 'Authorization' => \"Basic #{Base64.encode64(x)}\" }\nx = 1\n",
        id="rb-comment",
    ),
    pytest.param(
        "ruby",
        RB_HEAD
        + 't = Base64.strict_encode64("#{id}:#{secret}").freeze\nreq[\'Authorization\'] = "Basic #{t}"\n',
        id="rb-strict-frozen",
    ),
    pytest.param(
        "ruby",
        "def auth_header(token)\n  { 'Authorization' => token }\nend\n",
        id="rb-parameter",
    ),
    pytest.param(
        "terraform",
        TF_HEAD
        + 'data "http" "x" {\n  request_headers = {\n    Authorization = "Basic ${base64encode("${var.user}:${var.password}")}"\n  }\n}\n',
        id="tf-basic",
    ),
    pytest.param(
        "terraform",
        'variable "token" {}\ndata "http" "x" {\n  request_headers = {\n    Authorization = "Bearer ${var.token}"\n  }\n}\n',
        id="tf-bearer-var",
    ),
    pytest.param(
        "terraform",
        'variable "authorization" {}\ndata "http" "x" {\n  request_headers = {\n    Authorization = var.authorization\n  }\n}\n',
        id="tf-whole-header-var",
    ),
    pytest.param(
        "terraform",
        '# Authorization = "Basic ${base64encode(var.a)}"\nlocals {\n  a = 1\n}\n',
        id="tf-comment",
    ),
    pytest.param(
        "terraform",
        'data "http" "x" {\n  request_headers = {\n    Authorization = "Bearer ${data.vault_generic_secret.t.data["token"]}"\n  }\n}\n',
        id="tf-vault",
    ),
    pytest.param(
        "ruby",
        RB_HEAD
        + 'value = ["#{id}:#{secret}"].pack(\'m\')\nvalue.delete!("\\n")\nreq[\'Authorization\'] = "Basic #{value}"\n',
        id="rb-delete-bang-in-place",
    ),
]


@pytest.mark.parametrize(("kind", "source"), CLEAN)
def test_clean(kind: str, source: str) -> None:
    assert _found(source, kind) == []


@pytest.mark.parametrize(
    ("kind", "source", "fixed"),
    [
        pytest.param(
            "shell",
            SH_HEAD
            + 'T=$(echo "$ID:$SECRET" | base64 -w0)\ncurl -H "Authorization: Basic $T" "$U"\n',
            SH_HEAD
            + 'T=$(printf \'%s\' "$ID:$SECRET" | base64 -w0)\ncurl -H "Authorization: Basic $T" "$U"\n',
            id="sh-echo-to-printf",
        ),
        pytest.param(
            "shell",
            SH_HEAD
            + 'T=$(echo $ID:$SECRET | base64 -w0)\ncurl -H "Authorization: Basic $T" "$U"\n',
            None,
            id="sh-unquoted-echo-is-not-rewritten",
        ),
        pytest.param(
            "ruby",
            RB_HEAD
            + 't = Base64.encode64("#{id}:#{secret}")\nreq[\'Authorization\'] = "Basic #{t}"\n',
            RB_HEAD
            + 't = Base64.strict_encode64("#{id}:#{secret}")\nreq[\'Authorization\'] = "Basic #{t}"\n',
            id="rb-encode64-to-strict",
        ),
    ],
)
def test_construction_fixes(kind: str, source: str, fixed: str | None) -> None:
    from authlint.construct.fixes import construction_edits

    edits = sorted(construction_edits(source, kind), reverse=True)
    result = source
    for start, end, replacement, _ in edits:
        result = result[:start] + replacement + result[end:]
    assert result == (source if fixed is None else fixed)


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
        # Checked against ruby, php and GNU coreutils/OpenSSL on 60 "x" characters.
        (ruby.ENCODERS["Base64.encode64"], b"x" * 60, "eHh4" * 15 + "\n" + "eHh4" * 5 + "\n"),
        (
            php.ENCODERS["chunk_split(base64_encode)"],
            b"x" * 60,
            "eHh4" * 19 + "\r\n" + "eHh4" + "\r\n",
        ),
        (shell.ENCODERS["base64"], b"x" * 60, "eHh4" * 19 + "\n" + "eHh4" + "\n"),
        (shell.ENCODERS["openssl base64"], b"x" * 60, "eHh4" * 16 + "\n" + "eHh4" * 4 + "\n"),
        (shell.ENCODERS["basenc --base64url -w0"], b"\xfb\xff", "-_8=\n"),
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
    # A grammar loads as `tree_sitter_x._binding` alone (authlint.syntax skips the package's
    # __init__): count packages by any module of theirs.
    "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('tree_sitter')}))\n"
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
        pytest.param("set -eu\necho done\n", "deploy.sh", "[]", id="shell-no-header-words"),
        pytest.param(
            'curl -H "Authorization: Bearer $T" "$U"\n',
            "deploy.sh",
            "['tree_sitter', 'tree_sitter_bash']",
            id="shell-only",
        ),
        pytest.param(
            'package a\nfunc f(r *R) { r.Header.Set("Authorization", "Bearer "+t) }\n',
            "client.go",
            "['tree_sitter', 'tree_sitter_go']",
            id="go-only",
        ),
        pytest.param(
            "class A { int x = 1; }\n",
            "A.java",
            "[]",
            id="java-without-header-words",
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


def test_tree_words_are_the_words_the_tables_ask_for() -> None:
    """prefilter.TREE_WORDS lets a file whose words call for no tree skip the construction
    package: it must be exactly what anchors.py derives from every lowering's table."""
    from authlint import kinds
    from authlint.construct import anchors
    from authlint.prefilter import TREE_WORDS, WORDS

    asked: set[int] = set(anchors._SCHEME)
    for kind in (name for name, k in kinds.KINDS.items() if k.lowering):
        triggers = anchors._triggers(kind)
        asked |= set(triggers.patterns)
        if triggers.fallback is not None:
            asked |= {WORDS.index(word) for word in anchors._FALLBACK_WORDS}
    assert {WORDS[i] for i in TREE_WORDS} == {WORDS[i] for i in asked}


def test_a_file_whose_words_call_for_no_tree_imports_no_construction(tmp_path: Path) -> None:
    path = tmp_path / "links.py"
    path.write_text('URL = "https://api.example.com/v1"  # docs: https://example.com\n')
    code = (
        "import sys\nfrom authlint.cli import main\nmain(['check', '--isolated', sys.argv[1]])\n"
        "print(sorted(m for m in sys.modules if m.startswith('authlint.construct')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


# --- Go, Java, Kotlin, C# -------------------------------------------------------------------

GO_HEAD = (
    'package api\n\nimport (\n\t"encoding/base64"\n\t"fmt"\n\t"net/http"\n\t"os"\n)\n\n'  # 9 lines
)
JAVA_HEAD = "class Client {\n"
KT_HEAD = "class Client(private val user: String, private val pass: String) {\n"
CS_HEAD = "public class Client\n{\n"

C_FAMILY_FLAGS = [
    pytest.param(
        "go",
        GO_HEAD + "func headers() http.Header {\n"
        '\tuser, pass := os.Getenv("SVC_USER"), os.Getenv("SVC_PASS")\n'
        '\tenc := base64.RawURLEncoding.EncodeToString([]byte(user + ":" + pass))\n'
        '\treturn http.Header{"Authorization": {"Basic " + enc}}\n}\n',
        [(12, Code.URL_SAFE_ALPHABET)],
        id="go-raw-url-encoding-in-header-literal",
    ),
    pytest.param(
        "go",
        GO_HEAD + "func h(id, secret string) map[string]string {\n"
        '\traw := []byte(id + ":" + secret)\n'
        '\treturn map[string]string{"Authorization": fmt.Sprintf("Basic %v", raw)}\n}\n',
        [(12, Code.BYTES_REPR)],
        id="go-percent-v-of-byte-slice",
    ),
    pytest.param(
        "go",
        GO_HEAD + "func h(r *http.Request, creds []byte) {\n"
        "\tenc := make([]byte, base64.StdEncoding.EncodedLen(len(creds)))\n"
        "\tbase64.StdEncoding.Encode(enc, creds)\n"
        '\tr.Header.Set("Authorization", "Basic "+fmt.Sprint(enc))\n}\n',
        [(13, Code.BYTES_REPR)],
        id="go-sprint-of-byte-slice",
    ),
    pytest.param(
        "go",
        GO_HEAD + "func h(r *http.Request, token string) {\n"
        '\tr.Header.Set("Authorization", "Bearer "+fmt.Sprint(token))\n}\n',
        [],
        id="go-sprint-of-a-string-is-the-string",
    ),
    pytest.param(
        "go",
        GO_HEAD + "func sign(r *http.Request, key, secret string) {\n"
        '\tr.Header["Authorization"] = []string{"Basic " + '
        "base64.StdEncoding.EncodeToString([]byte(key+secret))}\n}\n",
        [(11, Code.MISSING_COLON)],
        id="go-header-index-missing-colon",
    ),
    pytest.param(
        "go",
        GO_HEAD + 'const apiToken = "Zq7vN3kLp9XwR2mT8bYc4HdF"\n'  # authlint: ignore[AL208]
        "func b(r *http.Request) {\n"
        '\tr.Header.Add("Authorization", fmt.Sprintf("Bearer %s", apiToken))\n}\n',
        [(10, Code.BEARER_TOKEN)],
        id="go-secret-const-through-sprintf",
    ),
    pytest.param(
        "go",
        GO_HEAD + 'const authz = "Bearer ${API_TOKEN}"\n'
        'func b(r *http.Request) {\n\tr.Header.Set("Authorization", authz)\n}\n',
        [(10, Code.UNEXPANDED_VARIABLE)],
        id="go-dollar-brace-not-expanded",
    ),
    pytest.param(
        "go",
        'package api\nimport ("cmp"; "os")\n'
        'var secret = cmp.Or(os.Getenv("API_SECRET"), "Hq4xT9wLm2RzV7kNp3YbC8dJ")\n',  # authlint: ignore[AL203]
        [(3, Code.KEY_SECRET)],
        id="go-cmp-or-fallback",
    ),
    pytest.param(
        "go",
        GO_HEAD + "func q(r *http.Request, t string) {\n"
        "\ttoken := base64.StdEncoding.EncodeToString([]byte(t))\n"
        '\tr.Header.Set("Authorization", fmt.Sprintf("Basic %q", token))\n}\n',
        [(12, Code.QUOTED_CREDENTIALS)],
        id="go-percent-q",
    ),
    pytest.param(
        "java",
        JAVA_HEAD + "  HttpHeaders h(String user, String pass) {\n"
        "    HttpHeaders headers = new HttpHeaders();\n"
        '    headers.set(HttpHeaders.AUTHORIZATION, "Basic " + '
        'Base64.getMimeEncoder().encodeToString((user + ":" + pass).getBytes()));\n'
        "    return headers;\n  }\n}\n",
        [(4, Code.ENCODER_LINE_WRAP)],
        id="java-spring-constant-name-mime",
    ),
    pytest.param(
        "java",
        JAVA_HEAD + "  void b(HttpHeaders headers, String token) {\n"
        '    String value = "Bearer " + token;\n'
        "    headers.setBearerAuth(value);\n  }\n}\n",
        [(4, Code.DOUBLE_SCHEME)],
        id="java-set-bearer-auth-adds-the-scheme",
    ),
    pytest.param(
        "java",
        JAVA_HEAD + "  Request r(Request.Builder b, String creds) {\n"
        '    String auth = "Basic " + Base64.getEncoder().encode(creds.getBytes());\n'
        '    return b.addHeader("Authorization", auth).build();\n  }\n}\n',
        [(3, Code.BYTES_REPR)],
        id="java-byte-array-concatenated",
    ),
    pytest.param(
        "java",
        JAVA_HEAD + "  void c(HttpPost post, String key, String secret) {\n"
        '    post.setHeader("Authorization", "Basic " + '
        'Base64.encodeBase64URLSafeString((key + ":" + secret).getBytes()));\n  }\n}\n',
        [(3, Code.URL_SAFE_ALPHABET)],
        id="java-commons-codec-url-safe",
    ),
    pytest.param(
        "java",
        JAVA_HEAD + "  String a(byte[] bytes) {\n"
        '    return "Basic " + Base64.encodeToString(bytes, Base64.NO_WRAP | Base64.URL_SAFE);\n'
        "  }\n}\n",
        [(3, Code.URL_SAFE_ALPHABET)],
        id="java-android-url-safe-flag",
    ),
    pytest.param(
        "java",
        JAVA_HEAD + "  String f(String user, String pass) {\n"
        '    return String.format("Basic %s", '
        "Base64.getEncoder().encodeToString((user + pass).getBytes()));\n  }\n}\n",
        [(3, Code.MISSING_COLON)],
        id="java-format-missing-colon",
    ),
    pytest.param(
        "java",
        JAVA_HEAD + '  private static final String AUTH = "Bearer ${API_TOKEN}";\n'
        '  void p(HttpURLConnection conn) { conn.setRequestProperty("Authorization", AUTH); }\n}\n',
        [(2, Code.UNEXPANDED_VARIABLE)],
        id="java-dollar-brace-constant",
    ),
    pytest.param(
        "java",
        JAVA_HEAD
        + '  private static final String SERVICE = "Zq7vN3kLp9XwR2mT8bYc4HdF";\n'  # authlint: ignore[AL208]
        '  void p(HttpURLConnection c) { c.addRequestProperty("Authorization", "Bearer " + SERVICE); }\n}\n',
        [(2, Code.BEARER_TOKEN)],
        id="java-secret-field-through-concatenation",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + "    fun HttpRequestBuilder.auth() {\n"
        '        val creds = "$user:$pass".toByteArray()\n'
        '        header(HttpHeaders.Authorization, "Basic ${Base64.getUrlEncoder().encodeToString(creds)}")\n'
        "    }\n}\n",
        [(4, Code.URL_SAFE_ALPHABET)],
        id="kt-ktor-url-encoder-in-template",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + "    fun h(token: String): Map<String, String> {\n"
        '        val value = "Bearer $token"\n'
        '        return mapOf("Authorization" to "Bearer $value")\n    }\n}\n',
        [(4, Code.DOUBLE_SCHEME)],
        id="kt-map-of-to-double-scheme",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + '    fun HttpRequestBuilder.k(t: String) { bearerAuth("Bearer $t") }\n}\n',
        [(2, Code.DOUBLE_SCHEME)],
        id="kt-ktor-bearer-auth-adds-the-scheme",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD
        + '    fun m(): String = "Basic " + Base64.Mime.encode("$user:$pass".encodeToByteArray())\n}\n',
        [(2, Code.ENCODER_LINE_WRAP)],
        id="kt-kotlin-io-mime",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + "    fun b(): String {\n"
        '        val header = "Basic ${java.util.Base64.getEncoder().encode("$user:$pass".toByteArray())}"\n'
        "        return header\n    }\n}\n",
        [(3, Code.BYTES_REPR)],
        id="kt-byte-array-in-template",
    ),
    pytest.param(
        "kotlin",
        'private const val API_KEY = "Zq7vN3kLp9XwR2mT8bYc4HdF"\n'  # authlint: ignore[AL208]
        'fun s(b: Request.Builder) = b.header("Authorization", "Bearer $API_KEY").build()\n',
        [(1, Code.BEARER_TOKEN)],
        id="kt-const-through-template",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD
        + '    fun n() = "Basic " + Base64.getEncoder().encodeToString("${user}${pass}".toByteArray())\n}\n',
        [(2, Code.MISSING_COLON)],
        id="kt-template-missing-colon",
    ),
    pytest.param(
        "kotlin",
        'val secret = System.getenv("API_SECRET") ?: "Hq4xT9wLm2RzV7kNp3YbC8dJ"\n',  # authlint: ignore[AL203]
        [(1, Code.KEY_SECRET)],
        id="kt-elvis-fallback",
    ),
    pytest.param(
        "csharp",
        CS_HEAD + "    public void P(HttpClient client, string token) =>\n"
        '        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse("basic " + token);\n}\n',
        [(4, Code.SCHEME_CASE)],
        id="cs-header-value-parse-lower-case",
    ),
    pytest.param(
        "csharp",
        CS_HEAD + "    public void N(HttpClient client, string user, string password)\n    {\n"
        "        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + password));\n"
        '        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", encoded);\n'
        "    }\n}\n",
        [(5, Code.MISSING_COLON)],
        id="cs-missing-colon",
    ),
    pytest.param(
        "csharp",
        CS_HEAD + "    public void U(HttpRequestMessage request, string user, string pass) =>\n"
        '        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", '
        'Base64UrlEncoder.Encode($"{user}:{pass}"));\n}\n',
        [(4, Code.URL_SAFE_ALPHABET)],
        id="cs-identity-model-url-encoder",
    ),
    pytest.param(
        "csharp",
        CS_HEAD + "    public void D(Dictionary<string, string> headers, string accessToken) =>\n"
        '        headers["Authorization"] = "Bearer {accessToken}";\n}\n',
        [(4, Code.UNEXPANDED_VARIABLE)],
        id="cs-missing-dollar",
    ),
    pytest.param(
        "csharp",
        CS_HEAD + "    public void R(RestRequest request, string creds) =>\n"
        '        request.AddHeader("Authorization", $"Basic {Encoding.UTF8.GetBytes(creds)}");\n}\n',
        [(4, Code.BYTES_REPR)],
        id="cs-byte-array-interpolated",
    ),
    pytest.param(
        "csharp",
        CS_HEAD
        + '    private const string Ledger = "Zq7vN3kLp9XwR2mT8bYc4HdF";\n'  # authlint: ignore[AL208]
        '    public void S(HttpRequestMessage r) => r.Headers.Add("Authorization", $"Bearer {Ledger}");\n}\n',
        [(3, Code.BEARER_TOKEN)],
        id="cs-const-through-interpolation",
    ),
    pytest.param(
        "csharp",
        CS_HEAD
        + '    private static readonly string S = Environment.GetEnvironmentVariable("API_SECRET") '
        '?? "Hq4xT9wLm2RzV7kNp3YbC8dJ";\n}\n',  # authlint: ignore[AL203]
        [(3, Code.KEY_SECRET)],
        id="cs-null-coalescing-fallback",
    ),
    pytest.param(
        "csharp",
        CS_HEAD + "    public void F(IFlurlRequest req, string token) => "
        'req.WithOAuthBearerToken($"Bearer {token}");\n}\n',
        [(3, Code.DOUBLE_SCHEME)],
        id="cs-flurl-bearer-adds-the-scheme",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected"), C_FAMILY_FLAGS)
def test_c_family_flags(kind: str, source: str, expected: list[tuple[int, Code]]) -> None:
    assert _found(source, kind) == expected


C_FAMILY_CLEAN = [
    pytest.param(
        "go",
        GO_HEAD + "func ok(r *http.Request, id, secret string) {\n"
        '\ttoken := base64.StdEncoding.EncodeToString([]byte(strings.Join([]string{id, secret}, ":")))\n'
        '\tr.Header.Set("Authorization", fmt.Sprintf("Basic %s", token))\n'
        '\tr.SetBasicAuth(os.Getenv("U"), os.Getenv("P"))\n'
        '\tbuf := base64.StdEncoding.AppendEncode(nil, []byte(id+":"+secret))\n'
        '\tr.Header.Set("Authorization", "Basic "+string(buf))\n'
        '\tlog.Printf("Bearer token refreshed for %s", id)\n'
        '\tr.Header.Set("Authorization", "Bearer "+os.Getenv("TOKEN"))\n}\n',
        id="go-correct-constructions",
    ),
    pytest.param(
        "go",
        '// r.Header.Set("Authorization", "Basic "+base64.URLEncoding.EncodeToString(x))\n'
        "package api\n",
        id="go-comment",
    ),
    pytest.param(
        "go",
        GO_HEAD + "func b(r *http.Request, id, secret string) {\n"
        '\traw := []byte(id + ":" + secret)\n'
        "\tbuf := make([]byte, base64.StdEncoding.EncodedLen(len(raw)))\n"
        "\tbase64.StdEncoding.Encode(buf, raw)\n"
        '\tr.Header.Set("Authorization", "Basic "+string(buf))\n}\n',
        id="go-buffer-as-string",
    ),
    pytest.param(
        "java",
        JAVA_HEAD
        + '  // headers.set("Authorization", "Basic " + Base64.getMimeEncoder().encodeToString(b));\n'
        "  String d(String user, String pass) {\n"
        '    byte[] raw = Base64.getEncoder().encode((user + ":" + pass).getBytes(StandardCharsets.UTF_8));\n'
        '    return "Basic " + new String(raw, StandardCharsets.UTF_8);\n  }\n'
        '  String r(Environment env) { return env.resolvePlaceholders("Bearer ${API_TOKEN}"); }\n'
        '  String a(byte[] b) { return "Basic " + Base64.encodeToString(b, Base64.NO_WRAP); }\n'
        '  String u(byte[] c) { return "Basic " + Base64.getMimeEncoder().encodeToString(c).replaceAll("\\\\s", ""); }\n'
        '  void m(String token) { throw new IllegalStateException("Bearer token expired: " + token); }\n'
        "  void s(HttpHeaders headers) {\n"
        '    headers.setBearerAuth(System.getenv("API_TOKEN"));\n'
        '    headers.setBasicAuth(System.getenv("API_USER"), System.getenv("API_PASS"));\n  }\n'
        '  String j(String id, String secret) { return "Basic " + '
        'Base64.getEncoder().encodeToString(String.join(":", id, secret).getBytes()); }\n}\n',
        id="java-correct-constructions",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD
        + '    // .header("Authorization", "Basic " + Base64.getMimeEncoder().encodeToString(b))\n'
        '    fun o(b: Request.Builder) = b.header("Authorization", Credentials.basic(user, pass)).build()\n'
        '    fun t() = "Basic ${Base64.getEncoder().encodeToString("$user:$pass".toByteArray())}"\n'
        "    fun d(): String {\n"
        '        val raw = Base64.getEncoder().encode("$user:$pass".toByteArray(Charsets.UTF_8))\n'
        '        return "Basic ${String(raw, Charsets.US_ASCII)}"\n    }\n'
        '    fun c(raw: ByteArray) = "Basic " + raw.toString(Charsets.US_ASCII)\n'
        '    fun e() = mapOf("Authorization" to "Bearer ${System.getenv("API_TOKEN") ?: ""}")\n'
        '    fun p(amount: Int) = "Basic plan: \\$$amount"\n}\n',
        id="kt-correct-constructions",
    ),
    pytest.param(
        "csharp",
        CS_HEAD + '    // client.DefaultRequestHeaders.Add("Authorization", "Basic " + bytes);\n'
        "    public void F(HttpClient client, string user, string pass)\n    {\n"
        '        var token = Convert.ToBase64String(Encoding.ASCII.GetBytes(user + ":" + pass));\n'
        '        client.DefaultRequestHeaders.Add("Authorization", string.Format("Basic {0}", token));\n'
        '        logger.LogInformation("Bearer {Token} refreshed", token);\n'
        '        handler.Credentials = new NetworkCredential(user, Environment.GetEnvironmentVariable("API_PASSWORD"));\n'
        "    }\n"
        "    public void E(HttpRequestMessage request)\n    {\n"
        '        var token = Environment.GetEnvironmentVariable("API_TOKEN") ?? string.Empty;\n'
        '        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);\n'
        '        request.Headers.TryAddWithoutValidation("Authorization", $@"Bearer {token}");\n'
        "    }\n"
        '    public string V(string u, string p) => "Basic " + Convert.ToBase64String('
        'Encoding.UTF8.GetBytes($"{u}:{p}"), Base64FormattingOptions.None);\n}\n',
        id="cs-correct-constructions",
    ),
]


@pytest.mark.parametrize(("kind", "source"), C_FAMILY_CLEAN)
def test_c_family_clean(kind: str, source: str) -> None:
    assert _found(source, kind) == []


@pytest.mark.parametrize(
    ("model", "data", "expected"),
    [
        (go.ENCODERS["base64.RawURLEncoding.EncodeToString"], b"\xfb\xff", "-_8"),
        (go.ENCODERS["base64.URLEncoding.EncodeToString"], b"\xfb\xff", "-_8="),
        (
            java.ENCODERS["Base64.getMimeEncoder().encodeToString"],
            b"x" * 60,
            "eHh4" * 19 + "\r\neHh4",
        ),
        (java.ENCODERS["Base64.getEncoder().withoutPadding().encodeToString"], b"ab", "YWI"),
        (
            java.ENCODERS[java.android_key("encodeToString", frozenset({"DEFAULT"}))],
            b"ab",
            "YWI=\n",
        ),
        (
            java.ENCODERS[java.android_key("encodeToString", frozenset({"NO_WRAP", "URL_SAFE"}))],
            b"\xfb\xff",
            "-_8=",
        ),
        (
            csharp.ENCODERS["Convert.ToBase64String:InsertLineBreaks"],
            b"x" * 60,
            "eHh4" * 19 + "\r\neHh4",
        ),
        (csharp.ENCODERS["WebEncoders.Base64UrlEncode"], b"\xfb\xff", "-_8"),
    ],
)
def test_c_family_encoder_models_are_exact(model: EncoderModel, data: bytes, expected: str) -> None:
    assert model.encode(data) == expected


@pytest.mark.parametrize(
    ("kind", "source", "fixed"),
    [
        pytest.param(
            "go",
            GO_HEAD + "func f(r *http.Request, t string) {\n"
            '\tr.Header.Set("Authorization", "Basic "+base64.URLEncoding.EncodeToString([]byte(t)))\n}\n',
            "base64.StdEncoding.EncodeToString",
            id="go-url-encoding",
        ),
        pytest.param(
            "java",
            'String h = "Basic " + Base64.getMimeEncoder().encodeToString(creds);\n',
            "Base64.getEncoder().encodeToString",
            id="java-mime",
        ),
        pytest.param(
            "kotlin",
            'val t = "Basic " + Base64.encodeToString(b, Base64.DEFAULT)\n',
            "Base64.NO_WRAP",
            id="kt-android-default",
        ),
        pytest.param(
            "csharp",
            'var t = "Basic " + Convert.ToBase64String(b, Base64FormattingOptions.InsertLineBreaks);\n',
            "Base64FormattingOptions.None",
            id="cs-insert-line-breaks",
        ),
    ],
)
def test_c_family_fixes_rename_the_encoder(kind: str, source: str, fixed: str) -> None:
    edits = list(construction_edits(source, kind))
    assert len(edits) == 1
    start, end, replacement, _ = edits[0]
    assert fixed in source[:start] + replacement + source[end:]


def test_c_family_escaped_quote_has_no_fix() -> None:
    """`\\"` is two characters in the file: replacing one of them is not a fix."""
    source = JAVA_HEAD + '  String q(String t) { return String.format("Bearer \\"%s\\"", t); }\n}\n'
    findings = findings_in(source, "java")
    assert {f.code for f in findings} == {Code.QUOTED_CREDENTIALS}
    assert list(construction_edits(source, "java")) == []


@pytest.mark.parametrize(
    ("kind", "source"),
    [
        pytest.param("go", "package x\nvar a = " + '"Basic " + ' * 3000 + "b\n", id="go"),
        pytest.param("java", "class A { String a = " + '"Basic " + ' * 3000 + "b; }\n", id="java"),
        pytest.param("python", "a = " + '"Basic " + ' * 3000 + "b\n", id="python"),
    ],
)
def test_a_construction_nested_thousands_deep_does_not_crash(kind: str, source: str) -> None:
    assert isinstance(findings_in(source, kind), list)


def test_a_comment_in_a_partial_parse_with_errors_is_still_prose() -> None:
    """A line at column 0 inside a string starts a parsed region mid-string: the partial tree
    then has errors, and the comment must be judged on the whole file's tree."""
    filler = "".join(f"Y{i} = {i}\n" for i in range(60))
    source = (
        filler + 'def f():\n    s = """\na\n"""\n'
        '    # "Authorization: Basic ..." in a comment\n    return s\n' + filler
    )
    assert findings_in(source, "python") == []


@given(st.text(alphabet="ab \n\"'#=é€😀\u0301", max_size=40))
def test_byte_and_character_offsets_agree(text: str) -> None:
    syntax = parse("python", text)
    assert syntax is not None
    for char in range(len(text) + 1):
        byte = len(text[:char].encode("utf-8"))
        assert syntax.byte(char) == byte
        assert syntax.char(byte) == char

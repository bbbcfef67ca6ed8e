"""Constructions the evaluator follows beyond a single expression: header maps built from
alternating names and values (`Map.of`), Android base64 flags held in a variable, header lines
written as text outside a known sink (an interpolated string, a PHP heredoc), `implode` with
its default separator, and a header set from a parameter whose value the file's own calls pass.

Each class has rows that must be flagged and neighbours that must not."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from tests.helpers import findings_in


def _found(source: str, kind: str) -> list[tuple[int, Code]]:
    return sorted((f.line, f.code) for f in findings_in(source, kind))


JAVA_ENC = 'Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(UTF_8))'
ANDROID_HEAD = "package app\n\nimport android.util.Base64\nimport okhttp3.Request\n\n"  # 5 lines

KT_HEAD = "import java.util.Base64\nimport okhttp3.Request\n\n"  # 3 lines
KT_ENC = 'Base64.getEncoder().encodeToString("$id:$secret".toByteArray())'


def _java(body: str) -> str:
    """A Java class whose method `h(String id, String secret)` holds ``body`` (from line 4)."""
    return (
        "import java.util.*;\n"
        "class H {\n"
        "    Object h(String id, String secret, String tok) {\n"
        f"{body}"
        "    }\n}\n"
    )


FLAGS = [
    # -- header maps: names and values in turn -----------------------------------------------
    pytest.param(
        "java",
        _java(
            "        StringBuilder sb = new StringBuilder();\n"
            '        sb.append("Basic");\n'
            f"        sb.append({JAVA_ENC});\n"
            '        return Map.of("Authorization", sb.toString(), "Accept", "text/plain");\n'
        ),
        [(5, Code.WHITESPACE)],
        id="java-map-of-stringbuilder-no-space",
    ),
    pytest.param(
        "java",
        _java(
            "        StringBuilder sb = new StringBuilder();\n"
            '        sb.append("Basic");\n'
            f"        sb.append({JAVA_ENC});\n"
            '        return ImmutableMap.of("Accept", "text/plain", "Authorization", sb.toString());\n'
        ),
        [(5, Code.WHITESPACE)],
        id="java-immutablemap-of-second-pair",
    ),
    pytest.param(
        "java",
        _java(
            '        String scheme = "basic ";\n'
            "        String t = " + JAVA_ENC + ";\n"
            '        return HttpRequest.newBuilder(uri).headers("Accept", "*/*", "Authorization",'
            " scheme + t);\n"
        ),
        [(4, Code.SCHEME_CASE)],
        id="java-httprequest-headers-varargs",
    ),
    pytest.param(
        "java",
        _java(
            '        String scheme = "Basic ";\n'
            "        String t = Base64.getEncoder().encodeToString((id + secret).getBytes());\n"
            '        return Headers.of("Authorization", scheme + t);\n'
        ),
        [(5, Code.MISSING_COLON)],
        id="java-okhttp-headers-of",
    ),
    pytest.param(
        "java",
        _java(
            '        String scheme = "Bearer";\n'
            '        return new AbstractMap.SimpleEntry<>("Authorization", scheme + tok);\n'
        ),
        [(4, Code.WHITESPACE)],
        id="java-simple-entry-generic-constructor",
    ),
    # -- android.util.Base64 flags through a name --------------------------------------------
    pytest.param(
        "kotlin",
        ANDROID_HEAD + "fun Request.Builder.auth(id: String, secret: String): Request.Builder {\n"
        "    val flags = Base64.URL_SAFE or Base64.NO_WRAP\n"
        '    val token = Base64.encodeToString("$id:$secret".toByteArray(), flags)\n'
        '    return header("Authorization", "Basic $token")\n}\n',
        [(8, Code.URL_SAFE_ALPHABET)],
        id="kotlin-android-flags-in-local-val",
    ),
    pytest.param(
        "kotlin",
        ANDROID_HEAD + "private const val B64 = Base64.NO_WRAP or Base64.NO_PADDING\n\n"
        "fun Request.Builder.auth(id: String, secret: String): Request.Builder {\n"
        '    val token = Base64.encodeToString("$id:$secret".toByteArray(), B64)\n'
        '    return header("Authorization", "Basic $token")\n}\n',
        [(9, Code.BAD_PADDING)],
        id="kotlin-android-flags-in-top-level-const",
    ),
    pytest.param(
        "kotlin",
        ANDROID_HEAD + "fun Request.Builder.auth(id: String, secret: String): Request.Builder {\n"
        "    val mode = Base64.DEFAULT\n"
        "    val flags = mode\n"
        '    val token = Base64.encodeToString("$id:$secret".toByteArray(), flags)\n'
        '    return header("Authorization", "Basic $token")\n}\n',
        [(9, Code.ENCODER_NEWLINE)],
        id="kotlin-android-default-through-two-names",
    ),
    pytest.param(
        "java",
        "import android.util.Base64;\n"
        "class H {\n"
        "    private static final int FLAGS = Base64.URL_SAFE | Base64.NO_WRAP;\n"
        "    void h(HttpURLConnection c, String id, String s) {\n"
        '        String t = Base64.encodeToString((id + ":" + s).getBytes(), FLAGS);\n'
        '        c.setRequestProperty("Authorization", "Basic " + t);\n    }\n}\n',
        [(5, Code.URL_SAFE_ALPHABET)],
        id="java-android-flags-in-static-field",
    ),
    # -- header lines written as text --------------------------------------------------------
    pytest.param(
        "php",
        "<?php\nclass Api\n{\n"
        "    public function __construct(private string $id, private string $secret) {}\n"
        "    private function pair(): string\n    {\n"
        "        return implode('', [$this->id, $this->secret]);\n    }\n"
        "    public function headers(): string\n    {\n"
        "        $token = base64_encode($this->pair());\n"
        "        return <<<EOT\nAuthorization: Basic {$token}\nAccept: application/json\nEOT;\n"
        "    }\n}\n",
        [(7, Code.MISSING_COLON)],
        id="php-heredoc-header-block-from-method",
    ),
    pytest.param(
        "php",
        "<?php\nfunction line($id, $secret) {\n"
        "    $token = base64_encode(implode([$id, $secret]));\n"
        '    return "Authorization: Basic {$token}";\n}\n',
        [(3, Code.MISSING_COLON)],
        id="php-implode-default-separator-in-header-line",
    ),
    pytest.param(
        "python",
        "import base64\n\ndef line(key_id, secret):\n"
        "    token = base64.urlsafe_b64encode(f'{key_id}:{secret}'.encode()).decode()\n"
        '    return f"Authorization: Basic {token}"\n',
        [(4, Code.URL_SAFE_ALPHABET)],
        id="py-fstring-header-line",
    ),
    pytest.param(
        "javascript",
        "function line(id, secret) {\n"
        "  const token = Buffer.from(id + secret).toString('base64');\n"
        "  return `GET /v1 HTTP/1.1\\r\\nAuthorization: Basic ${token}\\r\\n\\r\\n`;\n}\n",
        [(2, Code.MISSING_COLON)],
        id="js-raw-request-template",
    ),
    pytest.param(
        "go",
        'package x\n\nimport "encoding/base64"\n\nfunc line(id, secret string) string {\n'
        '\ttoken := base64.URLEncoding.EncodeToString([]byte(id + ":" + secret))\n'
        '\treturn "Authorization: Basic " + token\n}\n',
        [(6, Code.URL_SAFE_ALPHABET)],
        id="go-header-line-concatenation",
    ),
    # -- a header from a parameter: what the file's calls pass -------------------------------
    pytest.param(
        "python",
        "import base64, os, requests\n\nclass Ledger:\n"
        '    SCHEME = "basic"\n\n'
        "    def __init__(self):\n"
        "        pair = f\"{os.environ['K']}:{os.environ['S']}\"\n"
        "        self._enc = base64.b64encode(pair.encode()).decode()\n\n"
        "    def _request(self, method, path, auth, **kw):\n"
        '        headers = kw.pop("headers", {})\n'
        '        headers["Authorization"] = auth\n'
        "        return requests.request(method, path, headers=headers, **kw)\n\n"
        "    def entries(self):\n"
        '        return self._request("GET", "/e", f"{self.SCHEME} {self._enc}")\n',
        [(4, Code.SCHEME_CASE)],
        id="py-class-attribute-through-method-parameter",
    ),
    pytest.param(
        "python",
        "import requests\n\nPREFIX = 'Bearer'\n\n"
        "def call(url, value=None):\n"
        '    return requests.get(url, headers={"Authorization": value})\n\n'
        "def orders(tok):\n"
        '    return call("/orders", value=PREFIX + tok)\n',
        [(3, Code.WHITESPACE)],
        id="py-module-function-keyword-argument",
    ),
    pytest.param(
        "python",
        "import requests\n\nGOOD = 'Bearer '\nBAD = 'bearer '\n\n"
        "def call(url, value):\n"
        '    return requests.get(url, headers={"Authorization": value})\n\n'
        "def a(tok):\n    return call('/a', GOOD + tok)\n\n"
        "def b(tok):\n    return call('/b', BAD + tok)\n",
        [(4, Code.SCHEME_CASE)],
        id="py-two-callers-one-wrong",
    ),
    # -- Kotlin builders -----------------------------------------------------------------------
    pytest.param(
        "kotlin",
        KT_HEAD + "fun Request.Builder.a(id: String, secret: String): Request.Builder {\n"
        "    val value = buildString {\n"
        '        append("Basic")\n'
        f"        append({KT_ENC})\n"
        "    }\n"
        '    return header("Authorization", value)\n}\n',
        [(6, Code.WHITESPACE)],
        id="kotlin-buildstring-statements",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + "fun Request.Builder.a(id: String, secret: String): Request.Builder {\n"
        '    val scheme = "basic "\n'
        '    return header("Authorization", buildString {\n'
        f"        append(scheme).append({KT_ENC})\n"
        "    })\n}\n",
        [(5, Code.SCHEME_CASE)],
        id="kotlin-buildstring-chain-as-argument",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + "fun Request.Builder.a(id: String, secret: String): Request.Builder {\n"
        "    val sb = StringBuilder(64)\n"
        '    sb.append("Bearer")\n'
        "    sb.append(secret)\n"
        '    return header("Authorization", sb.toString())\n}\n',
        [(6, Code.WHITESPACE)],
        id="kotlin-local-stringbuilder",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + "fun Request.Builder.a(id: String, secret: String): Request.Builder {\n"
        '    val v = buildString { this.append("Bearer").append(secret) }\n'
        '    return header("Authorization", v)\n}\n',
        [(5, Code.WHITESPACE)],
        id="kotlin-buildstring-this-receiver",
    ),
    # -- PHP closures ------------------------------------------------------------------------
    pytest.param(
        "php",
        "<?php\n$scheme = 'basic ';\n"
        "$auth = static fn(string $t): string => $scheme . $t;\n"
        "$headers = ['Authorization' => $auth($token)];\n",
        [(2, Code.SCHEME_CASE)],
        id="php-arrow-fn-in-variable",
    ),
    pytest.param(
        "php",
        "<?php\nfunction client($id, $secret) {\n"
        "    $scheme = 'Basic';\n"
        "    $make = function ($t) use ($scheme) {\n        return $scheme . $t;\n    };\n"
        "    $token = base64_encode($id . ':' . $secret);\n"
        "    return ['headers' => ['Authorization' => $make($token)]];\n}\n",
        [(3, Code.WHITESPACE)],
        id="php-closure-with-use",
    ),
    pytest.param(
        "javascript",
        "const PREFIX = 'bearer ';\n"
        "async function request(path, auth) {\n"
        "  return fetch('https://api.example.com' + path, { headers: { Authorization: auth } });\n"
        "}\n"
        "export const orders = (tok) => request('/orders', PREFIX + tok);\n",
        [(1, Code.SCHEME_CASE)],
        id="js-function-parameter",
    ),
    pytest.param(
        "javascript",
        "class Api {\n"
        "  send(path, value) {\n"
        "    return fetch(path, { headers: { 'Authorization': value } });\n  }\n"
        "  list(tok) {\n    const scheme = 'Basic';\n"
        "    return this.send('/list', `${scheme}${tok}`);\n  }\n}\n",
        [(6, Code.WHITESPACE)],
        id="js-method-parameter-through-this",
    ),
    pytest.param(
        "java",
        "class A {\n"
        '    private static final String SCHEME = "bearer ";\n'
        "    private void send(HttpURLConnection c, String value) {\n"
        '        c.setRequestProperty("Authorization", value);\n    }\n'
        "    void go(HttpURLConnection c, String tok) {\n        this.send(c, SCHEME + tok);\n"
        "    }\n}\n",
        [(2, Code.SCHEME_CASE)],
        id="java-method-parameter",
    ),
    pytest.param(
        "kotlin",
        "import okhttp3.Request\n"
        'private const val SCHEME = "Bearer"\n'
        'private fun Request.Builder.auth(value: String) = header("Authorization", value)\n'
        "fun Request.Builder.go(tok: String): Request.Builder = auth(SCHEME + tok)\n",
        [(2, Code.WHITESPACE)],
        id="kotlin-extension-function-parameter",
    ),
    pytest.param(
        "csharp",
        "public class A\n{\n"
        '    private const string Scheme = "basic ";\n'
        "    private void Send(HttpRequestMessage r, string value)\n    {\n"
        '        r.Headers.TryAddWithoutValidation("Authorization", value);\n    }\n'
        "    public void Go(HttpRequestMessage r, string tok)\n    {\n"
        "        Send(r, Scheme + tok);\n    }\n}\n",
        [(3, Code.SCHEME_CASE)],
        id="csharp-method-parameter",
    ),
    pytest.param(
        "csharp",
        "public class A\n{\n"
        '    private const string Scheme = "Basic";\n'
        "    public Dictionary<string, string> H(string tok)\n    {\n"
        "        return new Dictionary<string, string>\n        {\n"
        '            ["Accept"] = "application/json",\n'
        '            ["Authorization"] = Scheme + tok,\n        };\n    }\n}\n',
        [(3, Code.WHITESPACE)],
        id="csharp-dictionary-index-initializer",
    ),
    pytest.param(
        "csharp",
        "public class A\n{\n"
        '    private const string Scheme = "bearer ";\n'
        "    public IDictionary<string, string> H(string tok) =>\n"
        "        new Dictionary<string, string> {\n"
        '            { "Accept", "*/*" },\n'
        '            { "Authorization", Scheme + tok } };\n}\n',
        [(3, Code.SCHEME_CASE)],
        id="csharp-collection-initializer-pair",
    ),
    pytest.param(
        "kotlin",
        'private const val SCHEME = "Basic"\n'
        'fun headers(tok: String) = mapOf("Accept" to "*/*", "Authorization" to SCHEME + tok)\n',
        [(1, Code.WHITESPACE)],
        id="kotlin-mapof-to-without-scheme-literal",
    ),
    pytest.param(
        "kotlin",
        'private const val SCHEME = "bearer "\n'
        'fun headers(tok: String) = hashMapOf(Pair("Authorization", SCHEME + tok))\n',
        [(1, Code.SCHEME_CASE)],
        id="kotlin-pair-constructor",
    ),
    pytest.param(
        "javascript",
        'fetch("https://api.razorpay.com/v1/refunds", {headers: {Authorization:\n'
        '  "Basic " + btoa(unescape(encodeURIComponent(id + secret)))}});\n',
        [(2, Code.MISSING_COLON)],
        id="javascript-btoa-utf8-idiom-missing-colon",
    ),
    pytest.param(
        "kotlin",
        "object H {\n"
        '    fun escaped(token: String) = "Bearer \\$token"\n'
        '    fun braces(t: String): String = "Basic \\${t}"\n'
        "}\n",
        [(2, Code.UNEXPANDED_VARIABLE), (3, Code.UNEXPANDED_VARIABLE)],
        id="kotlin-escaped-dollar-is-sent-as-is",
    ),
    pytest.param(
        "java",
        "import okhttp3.Request;\n"
        "class A {\n"
        '    static final String SCHEME = "Basic ";\n'
        "    Request a(String tok) {\n"
        '        String auth = new StringBuilder().append("Authorization: ")\n'
        "            .append(SCHEME).append(tok).toString();\n"
        '        return new Request.Builder().header("Authorization", auth).build();\n'
        "    }\n"
        "    Request b(String tok) {\n"
        '        return new Request.Builder().header("Authorization", "Authorization: " + "Basic " + tok).build();\n'
        "    }\n"
        "}\n",
        [(5, Code.FIELD_NAME_IN_VALUE), (10, Code.FIELD_NAME_IN_VALUE)],
        id="java-field-name-built-into-the-value",
    ),
    pytest.param(
        "csharp",
        "class H {\n"
        "    void Set(HttpRequestMessage req, string id, string secret) {\n"
        '        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret))\n'
        "            .Replace('+', '-').Replace('/', '_');\n"
        '        req.Headers.Add("Authorization", "Basic " + token);\n'
        "    }\n}\n",
        [(4, Code.URL_SAFE_ALPHABET)],
        id="csharp-base64url-by-hand",
    ),
    pytest.param(
        "javascript",
        "const t = Buffer.from(`${id}:${secret}`).toString('base64')\n"
        "  .replace(/\\+/g, '-').replace(/\\//g, '_');\n"
        "fetch(url, { headers: { Authorization: `Basic ${t}` } });\n",
        [(2, Code.URL_SAFE_ALPHABET)],
        id="javascript-base64url-by-hand",
    ),
    pytest.param(
        "java",
        _java(
            "        StringBuilder sb = new StringBuilder();\n"
            '        sb.append("Basic");\n'
            '        sb.append("  ");\n'
            "        sb.append(tok);\n"
            "        return sb.toString();\n"
        ),
        [(6, Code.WHITESPACE)],
        id="java-builder-returned-from-a-helper",
    ),
    pytest.param(
        "python",
        "import requests\n\n\n"
        "def _get(path, authorization):\n"
        '    return requests.get(path, headers={"Authorization": authorization})\n\n\n'
        "def items():\n"
        '    return _get("/items", "Bearer")\n\n\n'
        "def orders(token):\n"
        '    return _get("/orders", "Bearer " + token)\n',
        [(9, Code.MISSING_CREDENTIALS)],
        id="python-literal-passed-to-a-request-helper",
    ),
]


CLEAN = [
    pytest.param(
        "javascript",
        'fetch("https://api.razorpay.com/v1/refunds", {headers: {Authorization: "Basic " +\n'
        '  btoa(unescape(encodeURIComponent(id + ":p\u00e4ssw\u00f6rd")))}});\n',
        id="javascript-btoa-utf8-idiom-non-ascii-password",
    ),
    pytest.param(
        "kotlin",
        'fun price(p: Int) = "Basic plan costs \\$5"\nfun ok(token: String) = "Bearer $token"\n',
        id="kotlin-escaped-dollar-before-a-digit-and-a-template",
    ),
    pytest.param(
        "java",
        _java(
            '        String t = Base64.getEncoder().encodeToString(tok.getBytes()).replace("+", "%2B");\n'
            '        new Request.Builder().header("Authorization", "Basic " + t);\n'
            "        String j = Base64.getEncoder().encodeToString(tok.getBytes()).replace('+', '-');\n"
            '        return new Request.Builder().header("Authorization", "Bearer " + j);\n'
        ),
        id="java-replacements-that-are-not-basic-base64url",
    ),
    pytest.param(
        "java",
        _java(
            "        StringBuilder sb = new StringBuilder();\n"
            '        sb.append("Basic ");\n'
            "        sb.append(tok);\n"
            "        StringBuilder note = new StringBuilder();\n"
            '        note.append("Basic  plan: ");\n'
            "        note.append(tok);\n"
            "        return sb.toString() + note.toString();\n"
        ),
        id="java-builders-correct-and-not-a-header",
    ),
    pytest.param(
        "java",
        _java(
            '        StringBuilder sb = new StringBuilder("Basic ");\n'
            f"        sb.append({JAVA_ENC});\n"
            '        return Map.of("Authorization", sb.toString(), "X-Mode", "Basic");\n'
        ),
        id="java-map-of-correct-and-other-header-value",
    ),
    pytest.param(
        "java",
        _java(
            '        return Map.of("X-Auth-Scheme", "basic", "Authorization", "Bearer " + tok);\n'
        ),
        id="java-map-of-lowercase-value-of-another-key",
    ),
    pytest.param(
        "java",
        _java(
            '        return Map.of("Authorization", "Bearer " + tok, "X-Note", "Bearer" + "x");\n'
        ),
        id="java-map-of-only-authorization-values-judged",
    ),
    pytest.param(
        "kotlin",
        ANDROID_HEAD + "fun Request.Builder.auth(id: String, secret: String): Request.Builder {\n"
        "    val flags = Base64.NO_WRAP\n"
        '    val token = Base64.encodeToString("$id:$secret".toByteArray(), flags)\n'
        '    return header("Authorization", "Basic $token")\n}\n',
        id="kotlin-android-no-wrap-in-val",
    ),
    pytest.param(
        "kotlin",
        ANDROID_HEAD
        + "fun Request.Builder.auth(id: String, secret: String, flags: Int): Request.Builder {\n"
        '    val token = Base64.encodeToString("$id:$secret".toByteArray(), flags)\n'
        '    return header("Authorization", "Basic $token")\n}\n',
        id="kotlin-android-flags-parameter-unknown",
    ),
    pytest.param(
        "python",
        "import base64\n\ndef line(key_id, secret):\n"
        "    token = base64.b64encode(f'{key_id}:{secret}'.encode()).decode()\n"
        '    return f"Authorization: Basic {token}\\r\\nAccept: */*\\r\\n"\n',
        id="py-header-block-correct",
    ),
    pytest.param(
        "python",
        'def note(token):\n    return f"use the header Authorization: Basic {token} here"\n',
        id="py-header-words-mid-sentence",
    ),
    pytest.param(
        "php",
        "<?php\nfunction line($id, $secret) {\n"
        "    $token = base64_encode(implode(':', [$id, $secret]));\n"
        "    return <<<EOT\nAuthorization: Basic {$token}\nEOT;\n}\n",
        id="php-heredoc-correct",
    ),
    pytest.param(
        "python",
        "import requests\n\nLOW = 'bearer '\n\n"
        "def call(url, value='Bearer x'):\n"
        '    return requests.get(url, headers={"Authorization": value})\n\n'
        "def a(args):\n    return call(*args)\n\n"
        "def b():\n    return call('/b')\n\n"
        "def c(client, tok):\n    return client.call('/c', LOW + tok)\n\n"
        "def d(base, tok):\n    return call(*base, LOW + tok)\n",
        id="py-spread-default-and-other-objects-call",
    ),
    pytest.param(
        "python",
        "import requests\n\nLOW = 'bearer '\n\n"
        "def call(url, value):\n"
        '    return requests.get(url, headers={"Authorization": value})\n\n'
        "def call(url, value):\n    return None\n\n"
        "def a(tok):\n    return call('/a', LOW + tok)\n",
        id="py-function-defined-twice-not-followed",
    ),
    pytest.param(
        "python",
        "import requests\n\nSCHEME = 'Bearer'\n\n"
        "def call(url, value):\n"
        '    return requests.get(url, headers={"Authorization": value})\n\n'
        "def a(tok):\n    return call('/a', f'{SCHEME} {tok}')\n",
        id="py-parameter-from-correct-caller",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + "fun Request.Builder.a(id: String, secret: String): Request.Builder {\n"
        "    val value = buildString {\n"
        '        append("Basic ")\n'
        f"        append({KT_ENC})\n"
        "    }\n"
        '    return header("Authorization", value)\n}\n',
        id="kotlin-buildstring-correct",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + "fun Request.Builder.a(id: String, parts: List<String>): Request.Builder {\n"
        "    val value = buildString {\n"
        '        append("Bearer")\n'
        "        for (p in parts) append(p)\n"
        "    }\n"
        '    return header("Authorization", value)\n}\n',
        id="kotlin-buildstring-with-loop-is-unknown",
    ),
    pytest.param(
        "kotlin",
        KT_HEAD + "fun Request.Builder.a(id: String, tok: String, b: Boolean): Request.Builder {\n"
        "    val sb = StringBuilder()\n"
        '    sb.append("Bearer")\n'
        '    if (b) sb.append(" ")\n'
        "    sb.append(tok)\n"
        '    return header("Authorization", sb.toString())\n}\n',
        id="kotlin-stringbuilder-append-in-branch-is-unknown",
    ),
    pytest.param(
        "php",
        "<?php\n$scheme = 'Bearer ';\n"
        "$auth = fn($t) => $scheme . $t;\n"
        "$headers = ['Authorization' => $auth($token)];\n",
        id="php-arrow-fn-correct",
    ),
    pytest.param(
        "php",
        "<?php\nfunction h(callable $auth, $t) {\n"
        "    $low = 'bearer ';\n"
        "    return ['Authorization' => $auth($t)];\n}\n",
        id="php-callable-parameter-unknown",
    ),
    pytest.param(
        "csharp",
        "public class A\n{\n"
        '    private const string Scheme = "Basic";\n'
        "    public IDictionary<string, string> H(string tok) =>\n"
        "        new Dictionary<string, string> {\n"
        '            { "X-Scheme", Scheme + tok },\n'
        '            ["X-Other"] = Scheme + tok,\n'
        '            { "Authorization", Scheme + " " + tok } };\n}\n',
        id="csharp-initializers-other-keys-and-correct",
    ),
    pytest.param(
        "kotlin",
        'private const val SCHEME = "Basic"\n'
        'fun headers(tok: String) = mapOf("X-Scheme" to SCHEME + tok, '
        '"Authorization" to "$SCHEME $tok", Pair("X-Auth", SCHEME + tok))\n',
        id="kotlin-pairs-other-keys-and-correct",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected"), FLAGS)
def test_flagged(kind: str, source: str, expected: list[tuple[int, Code]]) -> None:
    assert _found(source, kind) == expected


@pytest.mark.parametrize(("kind", "source"), CLEAN)
def test_clean(kind: str, source: str) -> None:
    assert _found(source, kind) == []


# A Basic token that reaches a header through a variable is a secret (AL204) unless it is the
# RFCs' example credentials (RFC 7617 §2: `Aladdin:open sesame`).
RFC_7617_TOKEN = "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
PLANTED_TOKEN = "c2hvcF83SHEyOlpwNHZOOHhLcTJMbVI3dFc="  # authlint: ignore[AL204]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        pytest.param(RFC_7617_TOKEN, [], id="rfc-7617-example"),
        pytest.param(PLANTED_TOKEN, [(3, Code.BASIC_CREDENTIALS)], id="generated-looking-pair"),
    ],
)
def test_basic_token_through_a_variable(token: str, expected: list[tuple[int, Code]]) -> None:
    source = (
        f'import requests\n\nTOKEN = "{token}"\n'
        'requests.get("https://api.example.com", headers={"Authorization": "Basic " + TOKEN})\n'
    )
    assert _found(source, "python") == expected

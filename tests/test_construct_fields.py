"""Members of an object or type that the evaluator follows: Go struct fields (struct literals and
assignments in methods), Java/C# fields read with or without `this.`, Python class attributes
read as `self.X` or `C.X`, and Java/C# StringBuilder append sequences."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from tests.helpers import findings_in

GO_HEAD = 'package api\n\nimport (\n\t"encoding/base64"\n\t"net/http"\n)\n\n'  # 7 lines


def _found(source: str, kind: str) -> list[tuple[int, Code]]:
    return sorted((f.line, f.code) for f in findings_in(source, kind))


FLAGS = [
    pytest.param(
        "go",
        GO_HEAD + "type Client struct {\n\tauth string\n\thc   *http.Client\n}\n\n"
        "func New(id, sec string) *Client {\n"
        '\treturn &Client{auth: base64.URLEncoding.EncodeToString([]byte(id + ":" + sec))}\n'
        "}\n\n"
        "func (c *Client) Do(r *http.Request) {\n"
        '\tr.Header.Set("Authorization", "Basic "+c.auth)\n}\n',
        [(14, Code.URL_SAFE_ALPHABET)],
        id="go-struct-literal-field",
    ),
    pytest.param(
        "go",
        GO_HEAD + "type Client struct{ auth string }\n\n"
        "func (c *Client) Login(id, sec string) {\n"
        '\tc.auth = base64.URLEncoding.EncodeToString([]byte(id + ":" + sec))\n'
        "}\n\n"
        "func (cl *Client) Do(r *http.Request) {\n"
        '\tr.Header.Set("Authorization", "Basic "+cl.auth)\n}\n',
        [(11, Code.URL_SAFE_ALPHABET)],
        id="go-field-set-in-method-other-receiver-name",
    ),
    pytest.param(
        "go",
        GO_HEAD + "type Client struct{ token string }\n\n"
        "func NewClient(t string) Client {\n"
        '\treturn Client{token: "Bearer " + t}\n'
        "}\n\n"
        "func (c Client) Do(r *http.Request) {\n"
        '\tr.Header.Set("Authorization", "Bearer "+c.token)\n}\n',
        [(15, Code.DOUBLE_SCHEME)],
        id="go-value-struct-literal-double-scheme",
    ),
    pytest.param(
        "java",
        "class W {\n    private final String tok;\n"
        '    W(Svc s) { this.tok = "Bearer " + s.fetch(); }\n'
        '    void h(HttpHeaders h) { h.set("Authorization", "Bearer " + tok); }\n}\n',
        [(4, Code.DOUBLE_SCHEME)],
        id="java-field-read-without-this",
    ),
    pytest.param(
        "java",
        "class W {\n    private String tok;\n"
        '    W(Svc s) { tok = "Bearer " + s.fetch(); }\n'
        '    void h(HttpHeaders h) { h.set("Authorization", "Bearer " + this.tok); }\n}\n',
        [(4, Code.DOUBLE_SCHEME)],
        id="java-field-set-without-this",
    ),
    pytest.param(
        "csharp",
        "public class W\n{\n    private readonly string _auth;\n"
        '    public W(string t) { _auth = "Bearer " + t; }\n'
        "    public void H(HttpRequestMessage r)\n    {\n"
        '        r.Headers.Add("Authorization", "Bearer " + _auth);\n    }\n}\n',
        [(7, Code.DOUBLE_SCHEME)],
        id="csharp-field-set-and-read-bare",
    ),
    pytest.param(
        "python",
        'import requests\nRZP_URL = "https://api.razorpay.com/v1/orders"\n'
        'class C:\n    SCHEME = "basic"\n'
        "    def get(self, tok):\n"
        '        return requests.get(RZP_URL, headers={"Authorization": f"{self.SCHEME} {tok}"})\n',
        [(4, Code.SCHEME_CASE)],
        id="py-class-attribute-through-self",
    ),
    pytest.param(
        "python",
        "import base64, os\nimport requests\n"
        "class C:\n"
        "    TOKEN = base64.encodebytes(f\"{os.environ['ID']}:{os.environ['SEC']}\".encode()).decode()\n"
        "    def get(self, url):\n"
        '        return requests.get(url, headers={"Authorization": "Basic " + self.TOKEN})\n',
        [(4, Code.ENCODER_NEWLINE)],
        id="py-class-attribute-encoder",
    ),
    pytest.param(
        "python",
        "import base64, os\nimport requests\n"
        "class C:\n"
        "    TOKEN = base64.encodebytes(f\"{os.environ['ID']}:{os.environ['SEC']}\".encode()).decode()\n"
        "def get(url):\n"
        '    return requests.get(url, headers={"Authorization": "Basic " + C.TOKEN})\n',
        [(4, Code.ENCODER_NEWLINE)],
        id="py-class-attribute-through-class-name",
    ),
    pytest.param(
        "java",
        "class C {\n  void h(HttpURLConnection conn, String id, String s) {\n"
        "    StringBuilder sb = new StringBuilder();\n"
        '    sb.append("Basic");\n'
        '    sb.append(Base64.getEncoder().encodeToString((id + ":" + s).getBytes()));\n'
        '    conn.setRequestProperty("Authorization", sb.toString());\n  }\n}\n',
        [(4, Code.WHITESPACE)],
        id="java-stringbuilder-missing-separator",
    ),
    pytest.param(
        "java",
        "class C {\n  void h(HttpURLConnection conn, String tok) {\n"
        '    StringBuilder sb = new StringBuilder("basic ");\n'
        "    sb.append(tok);\n"
        '    conn.setRequestProperty("Authorization", sb.toString());\n  }\n}\n',
        [(3, Code.SCHEME_CASE)],
        id="java-stringbuilder-initial-text",
    ),
    pytest.param(
        "java",
        "class C {\n  void h(HttpURLConnection conn, String tok) {\n"
        "    StringBuilder sb = new StringBuilder();\n"
        '    sb.append("Bearer ").append("Bearer ").append(tok);\n'
        '    conn.setRequestProperty("Authorization", sb.toString());\n  }\n}\n',
        [(4, Code.DOUBLE_SCHEME)],
        id="java-stringbuilder-chained-appends",
    ),
    pytest.param(
        "java",
        "class C {\n  void h(HttpURLConnection conn, String tok) {\n"
        '    try {\n      conn.setRequestProperty("Authorization",\n'
        '        new StringBuilder(64).append("Basic").append(tok).toString());\n'
        "    } finally { conn.disconnect(); }\n  }\n}\n",
        [(5, Code.WHITESPACE)],
        id="java-stringbuilder-inline-chain",
    ),
    pytest.param(
        "csharp",
        "public class C\n{\n    public void H(HttpRequestMessage r, string tok)\n    {\n"
        "        var sb = new StringBuilder();\n"
        '        sb.Append("Bearer");\n'
        "        sb.Append(tok);\n"
        '        r.Headers.Add("Authorization", sb.ToString());\n    }\n}\n',
        [(6, Code.WHITESPACE)],
        id="csharp-stringbuilder-missing-separator",
    ),
]


@pytest.mark.parametrize(("kind", "source", "expected"), FLAGS)
def test_flags(kind: str, source: str, expected: list[tuple[int, Code]]) -> None:
    assert _found(source, kind) == expected


CLEAN = [
    pytest.param(
        "go",
        GO_HEAD + "type Client struct{ auth string }\n\n"
        "func New(id, sec string) *Client {\n"
        '\treturn &Client{auth: base64.StdEncoding.EncodeToString([]byte(id + ":" + sec))}\n'
        "}\n\n"
        "func (c *Client) Do(r *http.Request) {\n"
        '\tr.Header.Set("Authorization", "Basic "+c.auth)\n}\n',
        id="go-struct-literal-field-correct",
    ),
    pytest.param(
        "go",
        GO_HEAD + "type Client struct{ auth string }\n\n"
        "type Other struct{ auth string }\n\n"
        "func NewOther(t string) *Other {\n"
        '\treturn &Other{auth: "Bearer " + t}\n}\n\n'
        "func (c *Client) Do(r *http.Request, auth string) {\n"
        '\tr.Header.Set("Authorization", "Bearer "+c.auth)\n}\n',
        id="go-field-of-another-struct",
    ),
    pytest.param(
        "java",
        "class W {\n    private final String tok;\n"
        "    W(Svc s) { this.tok = s.fetch(); }\n"
        '    void h(HttpHeaders h) { h.set("Authorization", "Bearer " + tok); }\n}\n',
        id="java-field-read-without-this-correct",
    ),
    pytest.param(
        "java",
        "class W {\n    private final String tok;\n"
        '    W(Svc s) { this.tok = "Bearer " + s.fetch(); }\n'
        "    void h(HttpHeaders h, String tok) {\n"
        '        h.set("Authorization", "Bearer " + tok);\n    }\n}\n',
        id="java-parameter-shadows-field",
    ),
    pytest.param(
        "java",
        "class W {\n    private String tok;\n"
        "    void a(Svc s) {\n"
        '        String tok = "Bearer " + s.fetch();\n        s.use(tok);\n    }\n'
        "    void h(HttpHeaders h, Svc s) {\n"
        '        h.set("Authorization", "Bearer " + this.tok);\n    }\n}\n',
        id="java-local-of-another-method-is-not-the-field",
    ),
    pytest.param(
        "csharp",
        "public class W\n{\n    private readonly string _auth;\n"
        "    public W(string t) { _auth = t; }\n"
        "    public void H(HttpRequestMessage r)\n    {\n"
        '        r.Headers.Add("Authorization", "Bearer " + _auth);\n    }\n}\n',
        id="csharp-field-correct",
    ),
    pytest.param(
        "python",
        'import requests\nRZP_URL = "https://api.razorpay.com/v1/orders"\n'
        'class C:\n    SCHEME = "Basic"\n'
        "    def get(self, tok):\n"
        '        return requests.get(RZP_URL, headers={"Authorization": f"{self.SCHEME} {tok}"})\n',
        id="py-class-attribute-correct",
    ),
    pytest.param(
        "java",
        "class C {\n  void h(HttpURLConnection conn, String id, String s) {\n"
        "    StringBuilder sb = new StringBuilder();\n"
        '    sb.append("Basic ");\n'
        '    sb.append(Base64.getEncoder().encodeToString((id + ":" + s).getBytes()));\n'
        '    conn.setRequestProperty("Authorization", sb.toString());\n  }\n}\n',
        id="java-stringbuilder-correct",
    ),
    pytest.param(
        "java",
        "class C {\n  void h(HttpURLConnection conn, String[] parts) {\n"
        "    StringBuilder sb = new StringBuilder();\n"
        '    sb.append("Bearer");\n'
        "    for (String p : parts) { sb.append(p); }\n"
        '    conn.setRequestProperty("Authorization", sb.toString());\n  }\n}\n',
        id="java-stringbuilder-append-in-loop-is-unknown",
    ),
    pytest.param(
        "java",
        "class C {\n  void h(HttpURLConnection conn, String tok, boolean b) {\n"
        "    StringBuilder sb = new StringBuilder();\n"
        '    sb.append("Bearer");\n'
        '    if (b) { sb.append(" "); }\n'
        "    sb.append(tok);\n"
        '    conn.setRequestProperty("Authorization", sb.toString());\n  }\n}\n',
        id="java-stringbuilder-append-in-branch-is-unknown",
    ),
    pytest.param(
        "java",
        "class C {\n  void h(HttpURLConnection conn, String tok) {\n"
        "    StringBuilder sb = new StringBuilder();\n"
        '    sb.append("Bearer");\n'
        "    fill(sb);\n"
        "    sb.append(tok);\n"
        '    conn.setRequestProperty("Authorization", sb.toString());\n  }\n}\n',
        id="java-stringbuilder-passed-away-is-unknown",
    ),
    pytest.param(
        "java",
        "class C {\n  void h(HttpURLConnection conn, String[] toks) {\n"
        "    StringBuilder sb = new StringBuilder();\n"
        "    for (String t : toks) {\n"
        '      sb.append("Bearer");\n'
        '      conn.setRequestProperty("Authorization", sb.append(" ").append(t).toString());\n'
        "    }\n  }\n}\n",
        id="java-stringbuilder-used-in-loop-is-unknown",
    ),
    pytest.param(
        "csharp",
        "public class C\n{\n    public void H(HttpRequestMessage r, string tok)\n    {\n"
        "        var sb = new StringBuilder();\n"
        '        sb.Append("Bearer ");\n'
        "        sb.Append(tok);\n"
        '        r.Headers.Add("Authorization", sb.ToString());\n    }\n}\n',
        id="csharp-stringbuilder-correct",
    ),
    pytest.param(
        "python",
        "import requests\n"
        "class C:\n    SCHEME = 'Bearer'\n"
        "    def get(self, url, SCHEME):\n"
        '        return requests.get(url, headers={"Authorization": f"{SCHEME} x.y"})\n'
        "class D:\n    def __init__(self, t):\n        self.auth = None\n"
        "    def login(self, t):\n        self.auth = 'Bearer ' + t\n"
        '    def get(self, url):\n        return requests.get(url, headers={"Authorization": self.auth})\n',
        id="py-parameter-and-none-member",
    ),
]


@pytest.mark.parametrize(("kind", "source"), CLEAN)
def test_clean(kind: str, source: str) -> None:
    assert _found(source, kind) == []

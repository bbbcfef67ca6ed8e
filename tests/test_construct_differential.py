"""Differential test of the construction evaluator (issue 9).

Hypothesis writes small programs that build an Authorization value the way client code does
(join an id and a secret, encode with one of the modelled encoders, convert, format, assign to
variables), runs each with the real interpreter (Python in-process, JavaScript in one `node`
process for the whole test, Java and Go a batch of programs per `java Main.java` / `go run`,
skipped where the toolchain is absent), and checks two things against what the program really built:
the evaluator's value is exactly that string, and authlint reports a malformed-header finding
exactly when `authlint.validate` rejects that string.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authlint import validate
from authlint.codes import RULE_BY_CODE
from authlint.construct import anchor_offsets, lowering
from authlint.construct.evaluate import Evaluator
from authlint.providers import PROVIDERS
from authlint.syntax import parse
from tests.helpers import findings_in

# Ids and secrets: alphanumerics and the odd symbol a real password has, never a quote, a
# backslash, a brace, `%` or `$` (they would need escaping in the emitted source).
_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~!*@^é"
# A provider's SDK word or host in the file picks that provider's profile (`SECRET = "STRIPE"`
# would make lowercase `basic` acceptable), so the generated text names none: the verdict is
# compared with the strict profile.
_PROVIDER_WORDS = tuple(
    word.lower() for p in PROVIDERS for word in (*p.sdk_words, *p.hosts) if word
)


def _names_no_provider(text: str) -> bool:
    lowered = text.lower()
    return not any(word in lowered for word in _PROVIDER_WORDS)


ids = st.text(_CHARS, min_size=1, max_size=20).filter(_names_no_provider)
secrets = st.text(_CHARS, min_size=1, max_size=70).filter(_names_no_provider)
schemes = st.sampled_from(["Basic ", "Basic ", "basic ", "Basic", "Basic  ", "Bearer "])


@dataclass(frozen=True)
class Program:
    source: str
    kind: str


# --- Python --------------------------------------------------------------------------------

_PY_JOINS = [
    'ID + ":" + SECRET',
    "ID + SECRET",
    'f"{ID}:{SECRET}"',
    '"%s:%s" % (ID, SECRET)',
    '"{}:{}".format(ID, SECRET)',
]
_PY_ENCODERS = [
    "base64.b64encode",
    "base64.standard_b64encode",
    "base64.encodebytes",
    "base64.urlsafe_b64encode",
    "binascii.b2a_base64",
]
# bytes -> what reaches the header: decoded text, or text made from the bytes object.
_PY_TEXT = ["{}.decode()", "str({})", "{}.decode().rstrip('=')", "{}.decode().strip()"]
_PY_HEADERS = [
    '"{scheme}" + token',
    'f"{scheme}{{token}}"',
    '"{scheme}%s" % token',
    '"{scheme}{{}}".format(token)',
]


@st.composite
def python_programs(draw: st.DrawFn) -> Program:
    ident, secret, scheme = draw(ids), draw(secrets), draw(schemes)
    join = draw(st.sampled_from(_PY_JOINS))
    encoder = draw(st.sampled_from(_PY_ENCODERS))
    text = draw(st.sampled_from(_PY_TEXT))
    header = draw(st.sampled_from(_PY_HEADERS)).format(scheme=scheme)
    inline = draw(st.booleans())
    encoded = text.format(f"{encoder}(creds.encode())")
    lines = [
        "import base64, binascii",
        f'ID = "{ident}"',
        f'SECRET = "{secret}"',
        "def build():",
        f"    creds = {join}",
    ]
    if inline:
        lines.append(f"    token = {encoded}")
    else:
        lines += [f"    raw = {encoder}(creds.encode())", f"    token = {text.format('raw')}"]
    lines += [f'    return {{"Authorization": {header}}}', ""]
    return Program("\n".join(lines), "python")


def run_python(program: Program) -> str:
    namespace: dict[str, object] = {}
    exec(compile(program.source, "<program>", "exec"), namespace)
    built = namespace["build"]
    assert callable(built)
    header = built()["Authorization"]
    assert isinstance(header, str)
    return header


# --- JavaScript ------------------------------------------------------------------------------

_JS_JOINS = ['ID + ":" + SECRET', "ID + SECRET", "`${ID}:${SECRET}`", 'ID.concat(":", SECRET)']
_JS_ENCODED = [
    "Buffer.from(creds).toString('base64')",
    "Buffer.from(creds, 'utf8').toString('base64')",
    "Buffer.from(creds).toString('base64url')",
    "Buffer.from(creds).toString('base64').replace(/=+$/, '')",
    "JSON.stringify(Buffer.from(creds).toString('base64'))",
]
_JS_ASCII_ENCODED = ["btoa(creds)"]  # btoa throws outside Latin-1
_JS_HEADERS = ['"{scheme}" + token', "`{scheme}${{token}}`"]


@st.composite
def javascript_programs(draw: st.DrawFn) -> Program:
    ident, secret, scheme = draw(ids), draw(secrets), draw(schemes)
    join = draw(st.sampled_from(_JS_JOINS))
    choices = _JS_ENCODED + (_JS_ASCII_ENCODED if (ident + secret).isascii() else [])
    encoded = draw(st.sampled_from(choices))
    header = draw(st.sampled_from(_JS_HEADERS)).format(scheme=scheme)
    source = "\n".join(
        [
            f'const ID = "{ident}";',
            f'const SECRET = "{secret}";',
            "function build() {",
            f"  const creds = {join};",
            f"  const token = {encoded};",
            f"  return {{ Authorization: {header} }};",
            "}",
            "",
        ]
    )
    return Program(source, "javascript")


_NODE_LOOP = r"""
const readline = require("readline");
const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  const source = JSON.parse(line);
  let out;
  try { out = { value: new Function(source + "\nreturn build();")().Authorization }; }
  catch (e) { out = { error: String(e) }; }
  process.stdout.write(JSON.stringify(out) + "\n");
});
"""


class Node:
    def __init__(self, exe: str) -> None:
        self.proc = subprocess.Popen(
            [exe, "-e", _NODE_LOOP],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def run(self, program: Program) -> str:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(program.source) + "\n")
        self.proc.stdin.flush()
        result = json.loads(self.proc.stdout.readline())
        assert "error" not in result, (result, program.source)
        value = result["value"]
        assert isinstance(value, str)
        return value

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def node() -> Iterator[Node]:
    exe = shutil.which("node")
    if exe is None:
        pytest.skip("node is not on this machine")
    runner = Node(exe)
    yield runner
    runner.close()


# --- the properties --------------------------------------------------------------------------


def evaluated(program: Program) -> str | None:
    syntax = parse(program.kind, program.source)
    assert syntax is not None
    module = lowering(program.kind)
    assert module is not None
    sites, resolution = module.lower_file(syntax, anchor_offsets(program.source))
    (site,) = [s for s in sites.headers if s.context != "header value"]
    return Evaluator(module.LANGUAGE, resolution).value(site.value).known


def header_verdict(program: Program) -> bool:
    findings = findings_in(program.source, program.kind)
    return any(RULE_BY_CODE[f.code].kind == "malformed-header" for f in findings)


def check(program: Program, real: str) -> None:
    assert evaluated(program) == real, program.source
    assert header_verdict(program) == bool(validate(real, profile="strict")), (
        program.source,
        [d.code for d in validate(real, profile="strict")],
    )


@given(python_programs())
def test_python_constructions_agree_with_the_interpreter(program: Program) -> None:
    check(program, run_python(program))


@given(javascript_programs())
def test_javascript_constructions_agree_with_node(node: Node, program: Program) -> None:
    check(program, node.run(program))


# --- shell -----------------------------------------------------------------------------------

# What the input of the encoder is written with: echo adds a newline, a here-string too.
_SH_PRODUCERS = [
    "printf '%s' \"$CREDS\" | {encoder}",
    'echo "$CREDS" | {encoder}',
    'echo -n "$CREDS" | {encoder}',
    'printf \'%s:%s\' "$ID" "$SECRET" | {encoder}',
    # printf prints its format's escapes: a `\n` at its end is encoded with the credentials.
    'printf \'%s:%s\\n\' "$ID" "$SECRET" | {encoder}',
    "printf '%s\\n' \"$CREDS\" | {encoder}",
    "printf '%s\\t\\n' \"$CREDS\" | {encoder}",
    '{encoder} <<< "$CREDS"',
]
_SH_ENCODERS = [
    "base64",
    "base64 -w0",
    "base64 -w 0",
    "base64 --wrap=0",
    "openssl base64",
    "openssl base64 -A",
    "basenc --base64url -w0",
]
_SH_FILTERS = ["", " | tr -d '\\n'", " | tr -d '='"]
_SH_JOINS = ['"$ID:$SECRET"', '"$ID$SECRET"', "$ID:$SECRET"]
# The sink: a stand-in for curl that prints the -H argument it is given.
_SH_CURL = "curl() { printf '%s' \"$3\"; }\n"


def _shell_tools_present() -> bool:
    return all(shutil.which(tool) for tool in ("bash", "base64", "basenc", "openssl", "tr"))


@st.composite
def shell_programs(draw: st.DrawFn) -> Program:
    ident, secret, scheme = draw(ids), draw(secrets), draw(schemes)
    join = draw(st.sampled_from(_SH_JOINS))
    encoder = draw(st.sampled_from(_SH_ENCODERS))
    if encoder.startswith("openssl") and (ident + secret).startswith("-"):
        encoder = "base64"
    producer = draw(st.sampled_from(_SH_PRODUCERS)).format(encoder=encoder)
    command = producer + draw(st.sampled_from(_SH_FILTERS))
    token = f"$({command})"
    lines = [f"ID='{ident}'", f"SECRET='{secret}'", f"CREDS={join}"]
    if not draw(st.booleans()):
        lines.append(f"TOKEN={token}")
        token = "$TOKEN"
    lines += [f'curl -fsS -H "Authorization: {scheme}{token}" "$URL"', ""]
    return Program("\n".join(lines), "shell")


def run_shell(program: Program) -> str:
    done = subprocess.run(
        ["bash", "-c", _SH_CURL + program.source],
        capture_output=True,
        check=True,
        env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"},
    )
    line = done.stdout.decode("utf-8")
    name, _, value = line.partition(":")
    assert name == "Authorization", line
    return value.lstrip(" \t")  # curl sends the header as given; the value starts after OWS


@pytest.mark.skipif(not _shell_tools_present(), reason="bash, coreutils or openssl missing")
@given(shell_programs())
def test_shell_constructions_agree_with_bash(program: Program) -> None:
    check(program, run_shell(program))


# --- Ruby and PHP: one interpreter process each for the whole test ----------------------------

_RB_JOINS = ['"#{ID}:#{SECRET}"', "ID + ':' + SECRET", "[ID, SECRET].join(':')", '"#{ID}#{SECRET}"']
_RB_ENCODED = [
    "Base64.strict_encode64(creds)",
    "Base64.encode64(creds)",
    "Base64.encode64(creds).chomp",
    'Base64.encode64(creds).delete("\\n")',
    "Base64.urlsafe_encode64(creds)",
    "Base64.strict_encode64(creds).delete('=')",
    "[creds].pack('m0')",
    "[creds].pack('m')",
    "Base64.strict_encode64(creds).inspect",
]
_RB_HEADERS = ['"{scheme}#{{token}}"', "'{scheme}' + token", "format('{scheme}%s', token)"]


@st.composite
def ruby_programs(draw: st.DrawFn) -> Program:
    ident, secret, scheme = draw(ids), draw(secrets), draw(schemes)
    join = draw(st.sampled_from(_RB_JOINS))
    encoded = draw(st.sampled_from(_RB_ENCODED))
    header = draw(st.sampled_from(_RB_HEADERS)).format(scheme=scheme)
    source = "\n".join(
        [
            "require 'base64'",
            f"ID = '{ident}'",
            f"SECRET = '{secret}'",
            "def build",
            f"  creds = {join}",
            f"  token = {encoded}",
            f"  {{ 'Authorization' => {header} }}",
            "end",
            "",
        ]
    )
    return Program(source, "ruby")


_RUBY_LOOP = r"""
require 'json'
$VERBOSE = nil
STDOUT.sync = true
STDIN.each_line do |line|
  source = JSON.parse(line)
  out = begin
    { 'value' => eval(source + "\nbuild()", TOPLEVEL_BINDING)['Authorization'] }
  rescue Exception => e
    { 'error' => e.to_s }
  end
  STDOUT.write(JSON.generate(out) + "\n")
end
"""

_PHP_JOINS = [
    "$id . ':' . $secret",
    '"$id:$secret"',
    '"{$id}:{$secret}"',
    "sprintf('%s:%s', $id, $secret)",
    "implode(':', [$id, $secret])",
    "$id . $secret",
]
_PHP_ENCODED = [
    "base64_encode($creds)",
    "chunk_split(base64_encode($creds))",
    "rtrim(base64_encode($creds), '=')",
    "strtr(base64_encode($creds), '+/', '-_')",
    "trim(chunk_split(base64_encode($creds)))",
    # (without the flag PHP also escapes `/` as `\/`: the model keeps the quotes, not that)
    "json_encode(base64_encode($creds), JSON_UNESCAPED_SLASHES)",
]
_PHP_HEADERS = ["'{scheme}' . $token", '"{scheme}$token"', "sprintf('{scheme}%s', $token)"]


@st.composite
def php_programs(draw: st.DrawFn) -> Program:
    ident, secret, scheme = draw(ids), draw(secrets), draw(schemes)
    join = draw(st.sampled_from(_PHP_JOINS))
    encoded = draw(st.sampled_from(_PHP_ENCODED))
    header = draw(st.sampled_from(_PHP_HEADERS)).format(scheme=scheme)
    source = "\n".join(
        [
            "<?php",
            "$build = function () {",
            f"    $id = '{ident}';",
            f"    $secret = '{secret}';",
            f"    $creds = {join};",
            f"    $token = {encoded};",
            f"    return ['Authorization' => {header}];",
            "};",
            "",
        ]
    )
    return Program(source, "php")


_PHP_LOOP = r"""
while (($line = fgets(STDIN)) !== false) {
    $source = substr(json_decode($line), strlen('<?php'));
    try {
        $headers = eval($source . ' return $build();');
        $out = ['value' => $headers['Authorization']];
    } catch (Throwable $e) {
        $out = ['error' => $e->getMessage()];
    }
    echo json_encode($out), "\n";
}
"""


class Interpreter:
    """A long-lived interpreter that evaluates one program per JSON line."""

    def __init__(self, argv: list[str]) -> None:
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8"
        )

    def run(self, program: Program) -> str:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(program.source) + "\n")
        self.proc.stdin.flush()
        result = json.loads(self.proc.stdout.readline())
        assert "error" not in result, (result, program.source)
        value = result["value"]
        assert isinstance(value, str)
        return value

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def ruby() -> Iterator[Interpreter]:
    exe = shutil.which("ruby")
    if exe is None:
        pytest.skip("ruby is not on this machine")
    runner = Interpreter([exe, "-e", _RUBY_LOOP])
    yield runner
    runner.close()


@pytest.fixture(scope="module")
def php() -> Iterator[Interpreter]:
    exe = shutil.which("php")
    if exe is None:
        pytest.skip("php is not on this machine")
    runner = Interpreter([exe, "-r", _PHP_LOOP])
    yield runner
    runner.close()


@given(ruby_programs())
def test_ruby_constructions_agree_with_ruby(ruby: Interpreter, program: Program) -> None:
    check(program, ruby.run(program))


@given(php_programs())
def test_php_constructions_agree_with_php(php: Interpreter, program: Program) -> None:
    check(program, php.run(program))


# --- Java and Go: a batch of programs per run (one JVM launch / one `go run` per example) -------

# A compiler run costs seconds: one batch of programs per example, one example in a local run
# (the "dev" profile), four in CI.
_COMPILED = settings(max_examples=4 if os.environ.get("CI") == "true" else 1)
_BATCH_MIN, _BATCH_MAX = 10, 16


def _java_text(text: str) -> str:
    """A Java string literal body: non-ASCII as \\u escapes (the source encoding is the
    locale's in source-file mode)."""
    return "".join(c if c.isascii() else f"\\u{ord(c):04x}" for c in text)


_JAVA_BYTES = "creds.getBytes(StandardCharsets.UTF_8)"
_JAVA_JOINS = [
    'ID + ":" + SECRET',
    "ID + SECRET",
    'String.join(":", ID, SECRET)',
    'String.format("%s:%s", ID, SECRET)',
    'ID.concat(":").concat(SECRET)',
]
_JAVA_ENCODED = [
    f"Base64.getEncoder().encodeToString({_JAVA_BYTES})",
    f"Base64.getUrlEncoder().encodeToString({_JAVA_BYTES})",
    f"Base64.getMimeEncoder().encodeToString({_JAVA_BYTES})",
    f"Base64.getEncoder().withoutPadding().encodeToString({_JAVA_BYTES})",
    f"Base64.getUrlEncoder().withoutPadding().encodeToString({_JAVA_BYTES})",
    f"new String(Base64.getEncoder().encode({_JAVA_BYTES}), StandardCharsets.US_ASCII)",
    f'Base64.getMimeEncoder().encodeToString({_JAVA_BYTES}).replaceAll("\\\\s", "")',
    f'Base64.getEncoder().encodeToString({_JAVA_BYTES}).replace("=", "")',
]
_JAVA_HEADERS = [
    '"{scheme}" + token',
    'String.format("{scheme}%s", token)',
    '"{scheme}".concat(token)',
]


@st.composite
def java_methods(draw: st.DrawFn) -> str:
    ident, secret, scheme = draw(ids), draw(secrets), draw(schemes)
    header = draw(st.sampled_from(_JAVA_HEADERS)).format(scheme=scheme)
    return "\n".join(
        [
            "  static java.util.Map<String, String> build() {",
            f'    String ID = "{_java_text(ident)}";',
            f'    String SECRET = "{_java_text(secret)}";',
            f"    String creds = {draw(st.sampled_from(_JAVA_JOINS))};",
            f"    String token = {draw(st.sampled_from(_JAVA_ENCODED))};",
            "    java.util.Map<String, String> h = new java.util.HashMap<>();",
            f'    h.put("Authorization", {header});',
            "    return h;",
            "  }",
        ]
    )


_JAVA_IMPORTS = "import java.nio.charset.StandardCharsets;\nimport java.util.Base64;\n"
_JAVA_MAIN = """
  public static void main(String[] args) {
    for (String value : new String[] {%s}) {
      StringBuilder out = new StringBuilder();
      for (char c : value.toCharArray()) {
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\\\') out.append(String.format("\\\\u%%04x", (int) c));
        else out.append(c);
      }
      System.out.println(out);
    }
  }
"""


def run_java(exe: str, methods: list[str], tmp: Path) -> list[str]:
    bodies = [m.replace("build()", f"build{i}()") for i, m in enumerate(methods)]
    calls = ", ".join(f'build{i}().get("Authorization")' for i in range(len(methods)))
    source = (
        _JAVA_IMPORTS + "public class Main {\n" + "\n".join(bodies) + _JAVA_MAIN % calls + "}\n"
    )
    path = tmp / "Main.java"
    path.write_text(source, encoding="ascii")
    out = subprocess.run(
        [exe, str(path)], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    return [json.loads(f'"{line}"') for line in out.splitlines()]


@pytest.fixture(scope="module")
def java_exe() -> str:
    exe = shutil.which("java")
    if exe is None or shutil.which("javac") is None:
        pytest.skip("no JDK on this machine")
    return exe


@_COMPILED
@given(batch=st.lists(java_methods(), min_size=_BATCH_MIN, max_size=_BATCH_MAX))
def test_java_constructions_agree_with_the_jvm(
    java_exe: str, tmp_path_factory: pytest.TempPathFactory, batch: list[str]
) -> None:
    real = run_java(java_exe, batch, tmp_path_factory.mktemp("java"))
    for method, value in zip(batch, real, strict=True):
        program = Program(_JAVA_IMPORTS + "class Main {\n" + method + "\n}\n", "java")
        check(program, value)


_GO_JOINS = [
    'ID + ":" + SECRET',
    "ID + SECRET",
    'fmt.Sprintf("%s:%s", ID, SECRET)',
    'strings.Join([]string{ID, SECRET}, ":")',
]
_GO_ENCODED = [
    "base64.StdEncoding.EncodeToString([]byte(creds))",
    "base64.URLEncoding.EncodeToString([]byte(creds))",
    "base64.RawStdEncoding.EncodeToString([]byte(creds))",
    "base64.RawURLEncoding.EncodeToString([]byte(creds))",
    'strings.TrimRight(base64.StdEncoding.EncodeToString([]byte(creds)), "=")',
]
_GO_HEADERS = [
    '"{scheme}" + token',
    'fmt.Sprintf("{scheme}%s", token)',
    'fmt.Sprintf("{scheme}%v", token)',
    'fmt.Sprintf("{scheme}%q", token)',
]
_GO_HEAD = (
    'package main\n\nimport (\n\t"encoding/base64"\n\t"fmt"\n\t"strconv"\n'
    '\t"strings"\n)\n\nvar _ = fmt.Sprintf\nvar _ = strings.Join\nvar _ = strconv.Quote\n'
    "var _ = base64.StdEncoding\n\n"
)


@st.composite
def go_functions(draw: st.DrawFn) -> str:
    ident, secret, scheme = draw(ids), draw(secrets), draw(schemes)
    header = draw(st.sampled_from(_GO_HEADERS)).format(scheme=scheme)
    return "\n".join(
        [
            "func build() string {",
            f'\tID := "{ident}"',
            f'\tSECRET := "{secret}"',
            f"\tcreds := {draw(st.sampled_from(_GO_JOINS))}",
            f"\ttoken := {draw(st.sampled_from(_GO_ENCODED))}",
            f'\th := map[string]string{{"Authorization": {header}}}',
            '\treturn h["Authorization"]',
            "}",
        ]
    )


def run_go(exe: str, functions: list[str], tmp: Path) -> list[str]:
    bodies = [f.replace("build()", f"build{i}()") for i, f in enumerate(functions)]
    calls = "".join(
        f"\tfmt.Println(strconv.QuoteToASCII(build{i}()))\n" for i in range(len(functions))
    )
    source = _GO_HEAD + "\n\n".join(bodies) + "\n\nfunc main() {\n" + calls + "}\n"
    path = tmp / "main.go"
    path.write_text(source, encoding="utf-8")
    env = {**os.environ, "GO111MODULE": "off"}
    out = subprocess.run(
        [exe, "run", str(path)], capture_output=True, text=True, timeout=300, check=True, env=env
    ).stdout
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def go_exe() -> str:
    exe = shutil.which("go")
    if exe is None:
        pytest.skip("go is not on this machine")
    return exe


@_COMPILED
@given(batch=st.lists(go_functions(), min_size=_BATCH_MIN, max_size=_BATCH_MAX))
def test_go_constructions_agree_with_go(
    go_exe: str, tmp_path_factory: pytest.TempPathFactory, batch: list[str]
) -> None:
    real = run_go(go_exe, batch, tmp_path_factory.mktemp("go"))
    for function, value in zip(batch, real, strict=True):
        check(Program(_GO_HEAD + function + "\n", "go"), value)

"""Java: tables (java.util.Base64, Android, commons-codec, Guava; HttpURLConnection, HttpClient,
OkHttp, Apache HttpClient, Spring RestTemplate/WebClient sinks) and the lowering of
tree-sitter-java trees. Kotlin (lang/kotlin.py) shares the JVM tables."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Final, TypeAlias

from authlint.construct import ir
from authlint.construct.branches import conditional_options
from authlint.construct.lang import clike
from authlint.construct.lang.clike import CLowering, Sinks, join, printf, string_plus
from authlint.construct.lower import LitBuilder, Resolution, Scope, Sites
from authlint.construct.models import (
    EncoderModel,
    HeaderCallSink,
    Language,
    PairSink,
    SchemeSink,
    Transform,
)
from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# --- tables ---------------------------------------------------------------------------------

_GET = "Base64.getEncoder"
_STD_TEXT = f"{_GET}().encodeToString"


def _jdk(factory: str, *, padding: bool = True) -> dict[str, EncoderModel]:
    """java.util.Base64: `Base64.<factory>()[.withoutPadding()].encodeToString / .encode`."""
    chain = f"Base64.{factory}()" + ("" if padding else ".withoutPadding()")
    url = factory == "getUrlEncoder"
    mime = factory == "getMimeEncoder"
    # The factory is what a fix renames (`getMimeEncoder` -> `getEncoder`); dropping
    # `.withoutPadding()` is not a rename.
    better = _GET if (url or mime) and padding else ("" if padding else _STD_TEXT)
    common = {
        "alphabet": "url" if url else "std",
        "padding": padding,
        "wrap": 76 if mime else 0,
        "line_break": "\r\n",
        "better": better,
        "renames": padding,
    }
    return {
        f"{chain}.encodeToString": EncoderModel(f"{chain}.encodeToString", **common),  # type: ignore[arg-type]
        f"{chain}.encode": EncoderModel(f"{chain}.encode", returns_bytes=True, **common),  # type: ignore[arg-type]
    }


_ANDROID_FLAGS: Final = ("CRLF", "NO_PADDING", "NO_WRAP", "URL_SAFE")


def _android(flags: tuple[str, ...], method: str) -> EncoderModel:
    """android.util.Base64 with its flags: DEFAULT (0) wraps at 76 and ends with a newline."""
    wraps = "NO_WRAP" not in flags
    url = "URL_SAFE" in flags
    padding = "NO_PADDING" not in flags
    only_wrap = wraps and not url and padding
    return EncoderModel(
        f"Base64.{method}(..., {' | '.join(f'Base64.{f}' for f in flags) or 'Base64.DEFAULT'})",
        alphabet="url" if url else "std",
        padding=padding,
        newline=wraps,
        wrap=76 if wraps else 0,
        line_break="\r\n" if "CRLF" in flags else "\n",
        returns_bytes=method == "encode",
        better="Base64.NO_WRAP" if only_wrap else "",
        renames=only_wrap,
    )


def android_key(method: str, flags: frozenset[str]) -> str:
    """The table key the lowering gives an Android call, from its flags argument."""
    return f"Base64.{method}:" + ("|".join(sorted(flags - {"DEFAULT"})) or "DEFAULT")


_COMMONS_CHUNKED = EncoderModel(
    "Base64.encodeBase64Chunked",
    newline=True,
    wrap=76,
    line_break="\r\n",
    returns_bytes=True,
    better="Base64.encodeBase64",
)

ENCODERS: Final[dict[str, EncoderModel]] = {
    **_jdk("getEncoder"),
    **_jdk("getEncoder", padding=False),
    **_jdk("getUrlEncoder"),
    **_jdk("getUrlEncoder", padding=False),
    **_jdk("getMimeEncoder"),
    **_jdk("getMimeEncoder", padding=False),
    **{
        android_key(method, frozenset(flags)): _android(flags, method)
        for method in ("encodeToString", "encode")
        for n in range(len(_ANDROID_FLAGS) + 1)
        for flags in combinations(_ANDROID_FLAGS, n)
    },
    # Apache commons-codec, javax.xml.bind, Spring, Guava.
    "Base64.encodeBase64String": EncoderModel("Base64.encodeBase64String"),
    "Base64.encodeBase64": EncoderModel("Base64.encodeBase64", returns_bytes=True),
    "Base64.encodeBase64URLSafeString": EncoderModel(
        "Base64.encodeBase64URLSafeString",
        alphabet="url",
        padding=False,
        better="Base64.encodeBase64String",
    ),
    "Base64.encodeBase64Chunked": _COMMONS_CHUNKED,
    "DatatypeConverter.printBase64Binary": EncoderModel("DatatypeConverter.printBase64Binary"),
    "Base64Utils.encodeToString": EncoderModel("Base64Utils.encodeToString"),
    "Base64Utils.encodeToUrlSafeString": EncoderModel(
        "Base64Utils.encodeToUrlSafeString",
        alphabet="url",
        better="Base64Utils.encodeToString",
    ),
    "BaseEncoding.base64().encode": EncoderModel("BaseEncoding.base64().encode"),
    "BaseEncoding.base64Url().encode": EncoderModel(
        "BaseEncoding.base64Url().encode",
        alphabet="url",
        better="BaseEncoding.base64",
        renames=False,
    ),
}
ENCODERS.update({f"java.util.{key}": model for key, model in list(ENCODERS.items())})

TRANSFORMS: Final[dict[str, Transform]] = {
    ".getBytes": Transform(".getBytes()", "to_bytes"),
    "String": Transform("new String(bytes, charset)", "to_text"),
    "String.valueOf": Transform("String.valueOf()", "str"),
    "Arrays.toString": Transform("Arrays.toString()", "str"),
    ".toString:": Transform(".toString()", "str"),
    ".replace:=": Transform('.replace("=", "")', "strip_padding"),
    ".replace:+": Transform(".replace('+', '-')", "url_alphabet", when_arg=(1, ("-",))),
    ".replace:/": Transform(".replace('/', '_')", "url_alphabet", when_arg=(1, ("_",))),
    **{
        f".replaceAll:{pattern}": Transform(f'.replaceAll("{pattern}", "")', "strip_padding")
        for pattern in ("=", "=+$", "=*$", "={1,2}$", "=+")
    },
    ".replace:\n": Transform('.replace("\\n", "")', "unwrap"),
    ".replace:\r\n": Transform('.replace("\\r\\n", "")', "unwrap"),
    **{
        f".replaceAll:{pattern}": Transform(f'.replaceAll("{pattern}", "")', "unwrap")
        for pattern in (
            "\\s",
            "\\s+",
            "\\R",
            "\\n",
            "\\r\\n",
            "[\\r\\n]",
            "[\\r\\n]+",
            "\r\n",
            "\n",
        )
    },
    ".trim": Transform(".trim()", "strip_newline"),
    ".strip": Transform(".strip()", "strip_newline"),
    ".stripTrailing": Transform(".stripTrailing()", "strip_newline"),
}

HEADER_CALLS: Final = (
    HeaderCallSink("setRequestProperty"),  # HttpURLConnection
    HeaderCallSink("addRequestProperty"),
    HeaderCallSink("setHeader"),  # java.net.http, Apache HttpClient
    HeaderCallSink("addHeader"),  # OkHttp, Apache HttpClient
    HeaderCallSink("header"),  # java.net.http, OkHttp, WebClient, Ktor
    HeaderCallSink("defaultHeader"),  # WebClient / RestClient builders
    HeaderCallSink("set"),  # Spring HttpHeaders
    HeaderCallSink("add"),
    HeaderCallSink("put"),  # a Map of headers
    HeaderCallSink("append"),  # Ktor
    HeaderCallSink("BasicHeader"),  # Apache: new BasicHeader(name, value)
    HeaderCallSink("entry"),  # Map.entry(name, value)
    HeaderCallSink("Pair"),  # Kotlin Pair(name, value), android.util.Pair
    HeaderCallSink("SimpleEntry"),  # new AbstractMap.SimpleEntry<>(name, value)
    # Names and values in turn: Map.of / ImmutableMap.of / OkHttp Headers.of, java.net.http's
    # HttpRequest.Builder.headers(name, value, ...), Kotlin OkHttp headersOf(...).
    HeaderCallSink("of", alternating=True),
    HeaderCallSink("headers", alternating=True),
    HeaderCallSink("headersOf", alternating=True),
)

PAIR_SINKS: Final = (
    PairSink(callee="RazorpayClient", context="new RazorpayClient"),
    PairSink(callee="Credentials.basic", context="Credentials.basic"),
    PairSink(callee="setBasicAuth", context="setBasicAuth"),
    PairSink(callee="basicAuthentication", context="basicAuthentication"),
    PairSink(callee="BasicAuthenticationInterceptor", context="BasicAuthenticationInterceptor"),
    PairSink(callee="UsernamePasswordCredentials", context="UsernamePasswordCredentials"),
    PairSink(callee="PasswordAuthentication", context="PasswordAuthentication"),
    PairSink(callee="basicAuth", context="basicAuth"),
)

SCHEME_SINKS: Final = (SchemeSink("setBearerAuth", "Bearer"), SchemeSink("bearerAuth", "Bearer"))

BYTES_ADVICE: Final = (
    "a byte array prints as `[B@...`; use `new String(bytes, StandardCharsets.US_ASCII)` or "
    "`encodeToString`"
)

# Calls that return their first argument unless it is null (or blank): a fallback.
FALLBACK_CALLS: Final = frozenset(
    {
        "Objects.requireNonNullElse",
        "StringUtils.defaultIfBlank",
        "StringUtils.defaultIfEmpty",
        "StringUtils.defaultString",
        "MoreObjects.firstNonNull",
    }
)
# `System.getenv().getOrDefault(k, lit)`, `Optional.ofNullable(x).orElse(lit)`, the calls above.
FALLBACKS: Final = (
    r"getenv\(",
    r"getOrDefault\(",
    r"orElse\(",
    *sorted(re.escape(callee.rsplit(".", 1)[-1] + "(") for callee in FALLBACK_CALLS),
)

LANGUAGE: Final = Language(
    name="java",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=HEADER_CALLS,
    pair_sinks=PAIR_SINKS,
    # `"Basic " + bytes`, String.valueOf(bytes), %s of a byte[]: `[B@1b6d3586`.
    bytes_to_text="repr",
    bytes_advice=BYTES_ADVICE,
    scheme_sinks=SCHEME_SINKS,
    fallbacks=FALLBACKS,
)

ENV_CALLS: Final = frozenset({"System.getenv", "System.getenv().get"})
# Calls that fill `${X}` in: a literal given to them is a template.
EXPANDERS: Final = frozenset(
    {"resolvePlaceholders", "resolveRequiredPlaceholders", "replace", "StringSubstitutor"}
)
UNEXPANDED: Final = lazy(r"\$\{[A-Za-z_][A-Za-z0-9_.]{0,60}(?::[^{}]{0,40})?\}")
_SIMPLE_ESCAPES: Final = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    "s": " ",
    "\\": "\\",
    "'": "'",
    '"': '"',
}
_WRAPPERS: Final = frozenset({"parenthesized_expression", "cast_expression"})
_SCOPES: Final = frozenset(
    {
        "method_declaration",
        "constructor_declaration",
        "lambda_expression",
        "compact_constructor_declaration",
    }
)


def chain_name(expr: ir.Expr) -> str:
    """`Base64.getEncoder()` -> "Base64.getEncoder()": names and argument-less calls."""
    if isinstance(expr, ir.Call) and not expr.args and expr.callee:
        return f"{expr.callee}()"
    return ir.dotted(expr)


# How many names a flags argument is followed through (`val flags = FLAGS`, `FLAGS = ...`).
_FLAG_HOPS: Final = 4
Resolve: TypeAlias = Callable[[ir.Name], ir.Expr | None]


def android_flags(
    expr: ir.Expr, resolve: Resolve | None = None, hops: int = 0
) -> frozenset[str] | None:
    """The names in `Base64.NO_WRAP | Base64.URL_SAFE` (Kotlin: `or`), or None; through a
    variable or constant that holds them (`val flags = Base64.URL_SAFE or Base64.NO_WRAP`)
    when ``resolve`` is given."""
    if isinstance(expr, ir.Concat):  # the lowering's `|` of flags
        found: set[str] = set()
        for part in expr.parts:
            inner = android_flags(part, resolve, hops)
            if inner is None:
                return None
            found |= inner
        return frozenset(found)
    name = ir.dotted(expr).rsplit(".", 1)[-1]
    if name in (*_ANDROID_FLAGS, "DEFAULT"):
        return frozenset({name})
    if isinstance(expr, ir.Opaque) and expr.what in ("0", "2"):
        return frozenset({"DEFAULT" if expr.what == "0" else "NO_WRAP"})
    if isinstance(expr, ir.Name) and resolve is not None and hops < _FLAG_HOPS:
        held = resolve(expr)
        if held is not None and not isinstance(held, ir.Param):
            return android_flags(held, resolve, hops + 1)
    return None


def java_verb(letter: str, value: ir.Expr, span: ir.Span) -> ir.Expr | None:
    if letter == "s":
        return ir.Conversion(value, "str", span, "%s")
    return None


def jvm_call(
    call: ir.Call, flag_spans: dict[int, ir.Span], resolve: Resolve | None = None
) -> ir.Expr:
    """Call lowering shared by Java and Kotlin, on the lowered call: environment lookups and
    their fallbacks, format and join calls, Android's flags named in the callee (``resolve``
    follows a flags argument that is a variable)."""
    callee, method, receiver, args, span = (
        call.callee,
        call.method,
        call.receiver,
        call.args,
        call.span,
    )
    first = args[0] if args else None
    if callee in ENV_CALLS and isinstance(first, ir.Lit):
        return ir.Env(first.text, span)
    if (
        method == "getOrDefault"
        and receiver is not None
        and len(args) == 2
        and chain_name(receiver) == "System.getenv()"
        and isinstance(first, ir.Lit)
    ):
        return ir.Fallback(ir.Env(first.text, span), args[1], span)
    if (
        method == "orElse"
        and isinstance(receiver, ir.Call)
        and len(args) == 1
        and receiver.callee in ("Optional.ofNullable", "Optional.of")
        and receiver.args
    ):
        return ir.Fallback(receiver.args[0], args[0], span)
    if callee in FALLBACK_CALLS and len(args) == 2:
        return ir.Fallback(args[0], args[1], span)
    if callee in ("String.format", "format") and isinstance(first, ir.Lit):
        return printf(first, args[1:], span, java_verb)
    if method in ("formatted", "format") and isinstance(receiver, ir.Lit):
        return printf(receiver, args, span, java_verb)
    if callee == "String.join" and len(args) >= 2:
        return join(args[0], args[1:], span)
    if method == "concat" and receiver is not None and len(args) == 1:
        return string_plus((receiver, args[0]), span, "concat()")
    if callee in ("Base64.encodeToString", "Base64.encode") and len(args) == 2:
        flags = android_flags(args[1], resolve)
        if flags is not None:
            name_span = call.name_span
            if flags == {"DEFAULT"} and isinstance(args[1], ir.Name):
                # Held by a variable: no rename at the call (the fix is at its declaration).
                name_span = (0, 0)
            elif flags == {"DEFAULT"} and 1 in flag_spans:
                name_span = flag_spans[1]  # the fix: DEFAULT -> NO_WRAP
            key = android_key(method, flags)
            return ir.Call(key, args[:1], (), span, receiver, method, name_span)
    return call


class Lowering(CLowering):
    sinks = Sinks(HEADER_CALLS, PAIR_SINKS, SCHEME_SINKS)
    FUNCTIONS = "(method_declaration) @def"
    CALLS = "(method_invocation) @call"
    SCOPES = _SCOPES
    WRAPPERS = _WRAPPERS
    STRINGS = frozenset({"string_literal"})
    ASSIGNMENTS = "[(variable_declarator) (assignment_expression)] @assign"
    FIELDS = "field_declaration"

    # -- sites, found from the anchors -------------------------------------------------------

    def on_method_invocation(self, node: Node, scope: Scope) -> None:
        expr = self.lower(node, scope.node_id)
        if isinstance(expr, ir.Call):
            self.call_site(expr)
        self.fallback_site(expr)
        self.sites.maybe_shaped(expr)
        self.builder_results(node, scope)

    def on_object_creation_expression(self, node: Node, scope: Scope) -> None:
        self.on_method_invocation(node, scope)

    def on_binary_expression(self, node: Node, scope: Scope) -> None:
        self.shaped(node, scope)

    def on_string_literal(self, node: Node, scope: Scope) -> None:
        self.shaped(node, scope, alone=self._used_as_value(node))

    def _used_as_value(self, node: Node) -> bool:
        parent = node.parent
        if parent is None:
            return False
        if parent.type == "argument_list":
            call = parent.parent
            name = None
            if call is not None:
                name = call.child_by_field_name("name") or call.child_by_field_name("type")
            return name is None or self.src(name) not in EXPANDERS
        return parent.type == "return_statement"

    # -- scopes ------------------------------------------------------------------------------

    def params(self, scope_node: Node, scope: Scope) -> None:
        params = scope_node.child_by_field_name("parameters")
        if params is None:
            return
        if params.type == "identifier":
            scope.params[self.src(params)] = self.span(params)
            return
        for child in params.named_children:
            name = child.child_by_field_name("name") if child.type != "identifier" else child
            if name is None and child.type == "spread_parameter":
                declarator = next(
                    (c for c in child.named_children if c.type == "variable_declarator"), None
                )
                name = declarator.child_by_field_name("name") if declarator else None
            if name is not None:
                scope.params[self.src(name)] = self.span(name)

    def record(self, assign: Node, scope: Scope) -> None:
        end = self.span(assign)[1]
        if assign.type == "variable_declarator":
            name = assign.child_by_field_name("name")
            value = assign.child_by_field_name("value")
            if name is not None and value is not None:
                self.assign(scope, self.src(name), end, value)
                if scope.node_id == 0 and self.is_field(assign):
                    self.assign(scope, f"this.{self.src(name)}", end, value)
            return
        left = assign.child_by_field_name("left")
        right = assign.child_by_field_name("right")
        op = assign.child_by_field_name("operator")
        if left is None or right is None or op is None:
            return
        if left.type == "identifier":
            self.assign(scope, self.src(left), end, right if op.type == "=" else assign)
        elif scope.node_id == 0:
            self.record_member(assign, scope)

    def record_member(self, assign: Node, module: Scope) -> None:
        """`this.key = key` (or `key = key` of a field no local shadows) in a constructor or
        method: one class-wide binding."""
        if assign.type != "assignment_expression":
            return
        left = assign.child_by_field_name("left")
        right = assign.child_by_field_name("right")
        op = assign.child_by_field_name("operator")
        if left is None or right is None or op is None or op.type != "=":
            return
        target = self.src(left)
        if left.type == "field_access" and target.startswith("this."):
            self.assign(module, target, self.span(assign)[1], right)
        elif left.type == "identifier" and self.field_write(target, assign):
            self.assign(module, f"this.{target}", self.span(assign)[1], right)

    # -- expressions -------------------------------------------------------------------------

    def lower(self, node: Node, scope: int) -> ir.Expr:
        kind = node.type
        span = self.span(node)
        options = conditional_options(node)
        if options is not None:  # `c ? a : b`: either value
            return ir.choice(tuple(self.lower(o, scope) for o in options), span)
        if kind == "parenthesized_expression":
            inner = [c for c in node.named_children if c.type != "comment"]
            return self.lower(inner[0], scope) if len(inner) == 1 else ir.Opaque(span)
        if kind == "cast_expression":
            value = node.child_by_field_name("value")
            return self.lower(value, scope) if value is not None else ir.Opaque(span)
        if kind == "string_literal":
            return self._string(node)
        if kind == "character_literal":
            return self._char(node)
        if kind == "identifier":
            return ir.Name(self.src(node), span, scope)
        if kind == "field_access":
            obj = node.child_by_field_name("object")
            field = node.child_by_field_name("field")
            if obj is None or field is None:
                return ir.Opaque(span)
            if obj.type == "this":
                return ir.Name(self.src(node), span, scope)
            return ir.Attr(self.lower(obj, scope), self.src(field), span)
        if kind == "binary_expression":
            op = node.child_by_field_name("operator")
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if op is None or left is None or right is None:
                return ir.Opaque(span)
            parts = (self.lower(left, scope), self.lower(right, scope))
            if op.type == "+":
                return string_plus(parts, span, "string concatenation")
            if op.type == "|":
                return ir.Concat(parts, span)  # flags (android_flags reads them)
            return ir.Opaque(span)
        if kind in ("method_invocation", "object_creation_expression"):
            return self._call(node, scope)
        if kind == "decimal_integer_literal":
            return ir.Opaque(span, self.src(node))
        if kind == "assignment_expression":
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            op = node.child_by_field_name("operator")
            if left is not None and right is not None and op is not None and op.type == "+=":
                previous = ir.Name(self.src(left), (span[0], span[0]), scope)
                return string_plus((previous, self.lower(right, scope)), span, "+=")
            return ir.Opaque(span)
        return ir.Opaque(span, kind)

    def _string(self, node: Node) -> ir.Expr:
        span = self.span(node)
        if self.src(node).startswith('"""'):
            return ir.Opaque(span, "text block")
        builder = LitBuilder()
        for child in node.named_children:
            start, end = self.span(child)
            if child.type == "string_fragment":
                builder.verbatim(self.text[start:end], start)
            elif child.type == "escape_sequence":
                builder.escaped(unescape(self.text[start:end]), start)
        lit = builder.build(span, span[1] - 1, prose=self.syntax.prose_at(span[0]))
        found = tuple(m.span() for m in UNEXPANDED.finditer(lit.text))
        if found:
            return ir.Lit(lit.text, lit.span, lit.offsets, lit.is_bytes, lit.prose, found)
        return lit

    def _char(self, node: Node) -> ir.Expr:
        span = self.span(node)
        body = self.src(node)[1:-1]
        text = unescape(body) if body.startswith("\\") else body
        return ir.Lit(text, span, (span[0] + 1,) * len(text) + (span[1] - 1,))

    def _call(self, node: Node, scope: int) -> ir.Expr:
        span = self.span(node)
        arguments = node.child_by_field_name("arguments")
        arg_nodes = (
            [a for a in arguments.named_children if a.type != "comment"] if arguments else []
        )
        args = tuple(self.lower(a, scope) for a in arg_nodes)
        flag_spans = {
            i: self.span(a.child_by_field_name("field") or a) for i, a in enumerate(arg_nodes)
        }
        callee = ""
        method = ""
        receiver: ir.Expr | None = None
        if node.type == "object_creation_expression":
            type_node = node.child_by_field_name("type")
            if type_node is None:
                return ir.Opaque(span)
            callee = self.src(type_node).split("<", 1)[0].rsplit(".", 1)[-1]
            name_span = self.span(type_node)
            return ir.Call(callee, args, (), span, None, "", name_span)
        name = node.child_by_field_name("name")
        obj = node.child_by_field_name("object")
        if name is None:
            return ir.Opaque(span)
        if obj is not None and not arg_nodes and self.src(name) == "toString":
            parts = self.builder_parts(obj)
            if parts is not None:  # a StringBuilder's appends, in order
                lowered = tuple(self.lower(p, scope) for p in parts)
                return string_plus(lowered, span, "append()")
        name_span = self.span(name)
        if obj is None:
            callee = self.src(name)
        else:
            method = self.src(name)
            receiver = self.lower(obj, scope)
            head = chain_name(receiver)
            callee = f"{head}.{method}" if head else ""
            if callee in ENCODERS and isinstance(receiver, ir.Call) and not receiver.args:
                name_span = _factory_span(receiver)
        call = ir.Call(callee, args, (), span, receiver, method, name_span)
        return jvm_call(call, flag_spans, self.resolution.resolve)


def _factory_span(receiver: ir.Call) -> ir.Span:
    """The name a fix renames in `Base64.getMimeEncoder().encodeToString(...)`: the factory."""
    while isinstance(receiver.receiver, ir.Call) and not receiver.receiver.args:
        receiver = receiver.receiver
    return receiver.name_span


def unescape(source: str) -> str:
    body = source[1:]
    if not body:
        return source
    if body[0] in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[body[0]]
    try:
        if body[0] == "u":
            return chr(int(body.lstrip("u"), 16))
        if body[0] in "01234567":
            return chr(int(body, 8))
    except ValueError:
        return source
    return source


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    return clike.lower_file(Lowering(syntax), offsets)

"""C#: tables (Convert.ToBase64String, WebEncoders; HttpClient, HttpRequestMessage, RestSharp,
Flurl sinks) and the lowering of tree-sitter-c-sharp trees."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from authlint.construct import ir
from authlint.construct.branches import conditional_options
from authlint.construct.lang import clike
from authlint.construct.lang.clike import (
    CLowering,
    Sinks,
    composite,
    join,
    string_plus,
)
from authlint.construct.lower import LitBuilder, Resolution, Scope, Sites
from authlint.construct.models import (
    EncoderModel,
    HeaderCallSink,
    Language,
    PairSink,
    SchemeSink,
    Transform,
    is_header_name,
)
from authlint.construct.sites import HeaderSite
from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# --- tables ---------------------------------------------------------------------------------

_TO_BASE64 = "Convert.ToBase64String"
_URL_SAFE = {"alphabet": "url", "padding": False, "better": _TO_BASE64, "renames": False}

ENCODERS: Final[dict[str, EncoderModel]] = {
    _TO_BASE64: EncoderModel(_TO_BASE64),
    f"{_TO_BASE64}:None": EncoderModel(_TO_BASE64),
    # Base64FormattingOptions.InsertLineBreaks: CRLF every 76 characters, none at the end. The
    # lowering names the option in the key; the fix renames it to `None`.
    f"{_TO_BASE64}:InsertLineBreaks": EncoderModel(
        f"{_TO_BASE64}(..., Base64FormattingOptions.InsertLineBreaks)",
        wrap=76,
        line_break="\r\n",
        better="Base64FormattingOptions.None",
    ),
    "WebEncoders.Base64UrlEncode": EncoderModel("WebEncoders.Base64UrlEncode", **_URL_SAFE),  # type: ignore[arg-type]
    "Base64UrlTextEncoder.Encode": EncoderModel("Base64UrlTextEncoder.Encode", **_URL_SAFE),  # type: ignore[arg-type]
    "Base64UrlEncoder.Encode": EncoderModel("Base64UrlEncoder.Encode", **_URL_SAFE),  # type: ignore[arg-type]
    "Base64Url.EncodeToString": EncoderModel("Base64Url.EncodeToString", **_URL_SAFE),  # type: ignore[arg-type]
}

_ENCODINGS: Final = ("UTF8", "ASCII", "Default", "Latin1", "Unicode", "UTF32")
TRANSFORMS: Final[dict[str, Transform]] = {
    **{
        f"Encoding.{e}.GetBytes": Transform(f"Encoding.{e}.GetBytes", "to_bytes")
        for e in _ENCODINGS
    },
    **{
        f"Encoding.{e}.GetString": Transform(f"Encoding.{e}.GetString", "to_text")
        for e in _ENCODINGS
    },
    ".GetBytes": Transform(".GetBytes()", "to_bytes"),
    ".GetString": Transform(".GetString()", "to_text"),
    ".TrimEnd:=": Transform(".TrimEnd('=')", "strip_padding"),
    ".Trim:=": Transform(".Trim('=')", "strip_padding"),
    ".Replace:=": Transform('.Replace("=", "")', "strip_padding"),
    ".TrimEnd:": Transform(".TrimEnd()", "strip_newline"),
    ".Trim:": Transform(".Trim()", "strip_newline"),
    ".Replace:\r\n": Transform('.Replace("\\r\\n", "")', "unwrap"),
    ".Replace:\n": Transform('.Replace("\\n", "")', "unwrap"),
    ".ToString:": Transform(".ToString()", "str"),
    ".Replace:+": Transform(".Replace('+', '-')", "url_alphabet", when_arg=(1, ("-",))),
    ".Replace:/": Transform(".Replace('/', '_')", "url_alphabet", when_arg=(1, ("_",))),
}

HEADER_CALLS: Final = (
    HeaderCallSink("Add"),  # HttpHeaders, DefaultRequestHeaders, a Dictionary of headers
    HeaderCallSink("TryAddWithoutValidation"),
    HeaderCallSink("Append"),
    HeaderCallSink("AddHeader"),  # RestSharp
    HeaderCallSink("AddDefaultHeader"),
    HeaderCallSink("WithHeader"),  # Flurl
    HeaderCallSink("SetHeader"),
)

PAIR_SINKS: Final = (
    PairSink(callee="RazorpayClient", context="new RazorpayClient"),
    PairSink(callee="NetworkCredential", context="new NetworkCredential"),
    PairSink(callee="HttpBasicAuthenticator", context="new HttpBasicAuthenticator"),
    PairSink(callee="BasicAuthenticationHeaderValue", context="BasicAuthenticationHeaderValue"),
    PairSink(callee="SetBasicAuthentication", context="SetBasicAuthentication"),
    PairSink(callee="WithBasicAuth", context="WithBasicAuth"),
)

SCHEME_SINKS: Final = (
    SchemeSink("AuthenticationHeaderValue"),
    SchemeSink("SetBearerToken", "Bearer"),  # IdentityModel
    SchemeSink("WithOAuthBearerToken", "Bearer"),  # Flurl
    # Not RestSharp's JwtAuthenticator: it keeps a value that already starts with "Bearer ".
)

LANGUAGE: Final = Language(
    name="csharp",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=HEADER_CALLS,
    pair_sinks=PAIR_SINKS,
    # `"Basic " + bytes`, `$"{bytes}"`: a byte[] prints as its type name.
    bytes_to_text="repr",
    bytes_advice=(
        "a byte[] prints as `System.Byte[]`; use `Convert.ToBase64String(bytes)` or "
        "`Encoding.ASCII.GetString(bytes)`"
    ),
    scheme_sinks=SCHEME_SINKS,
    fallbacks=(r"\?\?", r"GetEnvironmentVariable\("),
)

_ENV_CALLS: Final = frozenset({"Environment.GetEnvironmentVariable"})
# `{name}` in a string without its `$`: never filled in (`{0}` is a composite-format item).
_UNEXPANDED: Final = lazy(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_.]{0,60}\}(?!\})")
_SIMPLE_ESCAPES: Final = {
    "'": "'",
    '"': '"',
    "\\": "\\",
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "e": "\x1b",
}
_SCOPES: Final = frozenset(
    {
        "method_declaration",
        "constructor_declaration",
        "local_function_statement",
        "lambda_expression",
        "anonymous_method_expression",
    }
)
_WRAPPERS: Final = frozenset({"parenthesized_expression", "cast_expression"})
_TRANSPARENT: Final = frozenset(
    {"parenthesized_expression", "await_expression", "argument", "postfix_unary_expression"}
)
_STRINGS: Final = frozenset(
    {"string_literal", "verbatim_string_literal", "interpolated_string_expression"}
)


class Lowering(CLowering):
    sinks = Sinks(HEADER_CALLS, PAIR_SINKS, SCHEME_SINKS)
    FUNCTIONS = "[(method_declaration) (local_function_statement)] @def"
    CALLS = "(invocation_expression) @call"
    SCOPES = _SCOPES
    WRAPPERS = _WRAPPERS
    STRINGS = frozenset(
        {
            "string_literal",
            "verbatim_string_literal",
            "raw_string_literal",
            "interpolated_string_expression",
        }
    )
    ASSIGNMENTS = "[(variable_declarator) (assignment_expression) (property_declaration)] @assign"
    FIELDS = "field_declaration"

    APPEND = "Append"

    def method_call(self, node: Node) -> tuple[Node, str, list[Node]] | None:
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if (
            node.type != "invocation_expression"
            or function is None
            or function.type != "member_access_expression"
            or arguments is None
        ):
            return None
        obj = function.child_by_field_name("expression")
        name = function.child_by_field_name("name")
        if obj is None or name is None:
            return None
        return obj, self.src(name), [a for a in arguments.named_children if a.type != "comment"]

    def declared(self, statement: Node, name: str) -> Node | None:
        if statement.type != "local_declaration_statement":
            return None
        for declaration in statement.named_children:
            for declarator in declaration.named_children:
                key = declarator.child_by_field_name("name")
                if declarator.type != "variable_declarator" or key is None or self.src(key) != name:
                    continue
                values = [c for c in declarator.named_children if c != key and c.type != "comment"]
                value = values[-1] if values else None
                if value is not None and value.type == "equals_value_clause":
                    value = next(iter(value.named_children), None)
                return value
        return None

    # -- sites, found from the anchors -------------------------------------------------------

    def on_invocation_expression(self, node: Node, scope: Scope) -> None:
        expr = self.lower(node, scope.node_id)
        if isinstance(expr, ir.Call):
            self.call_site(expr)
            if expr.callee.endswith("AuthenticationHeaderValue.Parse") and expr.args:
                context = "AuthenticationHeaderValue.Parse()"
                self.sites.headers.append(HeaderSite(expr.args[0], expr.span, context))
        self.sites.maybe_shaped(expr)

    def on_object_creation_expression(self, node: Node, scope: Scope) -> None:
        self.on_invocation_expression(node, scope)

    def on_binary_expression(self, node: Node, scope: Scope) -> None:
        expr = self.lower(node, scope.node_id)
        self.fallback_site(expr)
        self.shaped(node, scope)

    def on_interpolated_string_expression(self, node: Node, scope: Scope) -> None:
        self.shaped(node, scope)

    def on_string_literal(self, node: Node, scope: Scope) -> None:
        self.shaped(node, scope, alone=False)

    def on_verbatim_string_literal(self, node: Node, scope: Scope) -> None:
        self.on_string_literal(node, scope)

    def on_assignment_expression(self, node: Node, scope: Scope) -> None:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        op = node.child_by_field_name("operator")
        if left is None or right is None or op is None or op.type != "=":
            return
        # `headers["Authorization"] = v`; `new Dictionary<...> { ["Authorization"] = v }`.
        if left.type in ("element_access_expression", "element_binding_expression"):
            key = _key_literal(self.src(left).rsplit("[", 1)[-1])
            if key is not None and is_header_name(key):
                value = self.lower(right, scope.node_id)
                context = 'headers["Authorization"]'
                self.sites.headers.append(HeaderSite(value, self.span(node), context))

    def on_initializer_expression(self, node: Node, scope: Scope) -> None:
        """`{ "Authorization", v }` in a collection initializer: the dictionary's `Add(k, v)`."""
        parent = node.parent
        items = [c for c in node.named_children if c.type != "comment"]
        if parent is None or parent.type != "initializer_expression" or len(items) != 2:
            return
        if self.header_name(self.lower(items[0], scope.node_id)):
            value = self.lower(items[1], scope.node_id)
            self.sites.headers.append(HeaderSite(value, self.span(node), "{ name, value }"))

    # -- scopes ------------------------------------------------------------------------------

    def params(self, scope_node: Node, scope: Scope) -> None:
        params = scope_node.child_by_field_name("parameters")
        if params is None:
            return
        nodes = [params] if params.type == "identifier" else params.named_children
        for child in nodes:
            name = child if child.type == "identifier" else child.child_by_field_name("name")
            if name is not None:
                scope.params[self.src(name)] = self.span(name)

    def record(self, assign: Node, scope: Scope) -> None:
        end = self.span(assign)[1]
        if assign.type == "variable_declarator":
            name = assign.child_by_field_name("name")
            values = [c for c in assign.named_children if c != name and c.type != "comment"]
            if name is None or not values:
                return
            value = values[-1]
            if value.type == "equals_value_clause":
                inner = [c for c in value.named_children if c.type != "comment"]
                if not inner:
                    return
                value = inner[0]
            self.assign(scope, self.src(name), end, value)
            if scope.node_id == 0 and self.is_field(assign):
                self.assign(scope, f"this.{self.src(name)}", end, value)
            return
        if assign.type == "property_declaration":
            prop = assign.child_by_field_name("name")
            initial = assign.child_by_field_name("value")
            if prop is not None and initial is not None:
                self.assign(scope, self.src(prop), end, initial)
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
        """`this.token = token` (or `_token = token` of a field no local shadows): one
        class-wide binding."""
        if assign.type != "assignment_expression":
            return
        left = assign.child_by_field_name("left")
        right = assign.child_by_field_name("right")
        op = assign.child_by_field_name("operator")
        if left is None or right is None or (op is not None and op.type != "="):
            return
        target = self.src(left)
        if left.type == "member_access_expression" and target.startswith("this."):
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
        if kind in _TRANSPARENT:
            inner = [c for c in node.named_children if c.type != "comment"]
            if kind == "postfix_unary_expression" and not self.src(node).endswith("!"):
                return ir.Opaque(span)
            return self.lower(inner[0], scope) if len(inner) == 1 else ir.Opaque(span)
        if kind == "cast_expression":
            value = node.child_by_field_name("value")
            return self.lower(value, scope) if value is not None else ir.Opaque(span)
        if kind == "string_literal":
            return self._string(node)
        if kind == "verbatim_string_literal":
            return self._verbatim(node)
        if kind == "interpolated_string_expression":
            return self._interpolated(node, scope)
        if kind == "character_literal":
            body = self.src(node)[1:-1]
            text = _unescape(body) if body.startswith("\\") else body
            return ir.Lit(text, span, (span[0] + 1,) * len(text) + (span[1] - 1,))
        if kind in ("identifier", "predefined_type"):  # `string` of string.Join
            return ir.Name(self.src(node), span, scope)
        if kind == "member_access_expression":
            obj = node.child_by_field_name("expression")
            name = node.child_by_field_name("name")
            if obj is None or name is None:
                return ir.Opaque(span)
            if obj.type == "this":
                return ir.Name(self.src(node), span, scope)
            return ir.Attr(self.lower(obj, scope), self.src(name), span)
        if kind == "binary_expression":
            op = node.child_by_field_name("operator")
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if op is None or left is None or right is None:
                return ir.Opaque(span)
            parts = (self.lower(left, scope), self.lower(right, scope))
            if op.type == "+":
                return string_plus(parts, span, "string concatenation")
            if op.type == "??":
                return ir.Fallback(parts[0], parts[1], span)
            return ir.Opaque(span)
        if kind in ("invocation_expression", "object_creation_expression"):
            return self._call(node, scope)
        if kind == "assignment_expression":
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            op = node.child_by_field_name("operator")
            if left is not None and right is not None and op is not None and op.type == "+=":
                previous = ir.Name(self.src(left), (span[0], span[0]), scope)
                return string_plus((previous, self.lower(right, scope)), span, "+=")
            return ir.Opaque(span)
        return ir.Opaque(span, kind)

    def _string(self, node: Node) -> ir.Lit:
        span = self.span(node)
        builder = LitBuilder()
        for child in node.named_children:
            start, end = self.span(child)
            if child.type == "string_literal_content":
                builder.verbatim(self.text[start:end], start)
            elif child.type == "escape_sequence":
                builder.escaped(_unescape(self.text[start:end]), start)
        return _mark(builder.build(span, span[1] - 1, prose=self.syntax.prose_at(span[0])))

    def _verbatim(self, node: Node) -> ir.Lit:
        span = self.span(node)
        source = self.src(node)
        builder = LitBuilder()
        i = 2  # after @"
        while i < len(source) - 1:
            if source.startswith('""', i):
                builder.escaped('"', span[0] + i)
                i += 2
            else:
                builder.verbatim(source[i], span[0] + i)
                i += 1
        return _mark(builder.build(span, span[1] - 1, prose=self.syntax.prose_at(span[0])))

    def _interpolated(self, node: Node, scope: int) -> ir.Expr:
        span = self.span(node)
        start_node = node.children[0] if node.children else None
        prefix = self.src(start_node) if start_node is not None else ""
        if '"""' in self.src(node)[:6]:
            return ir.Opaque(span, "raw interpolated string")
        verbatim = "@" in prefix
        parts: list[ir.Expr] = []
        builder = LitBuilder()
        for child in node.named_children:
            start, end = self.span(child)
            if child.type == "string_content":
                content = self.text[start:end]
                if content in ("{{", "}}"):
                    builder.escaped(content[0], start)
                elif verbatim and content == '""':
                    builder.escaped('"', start)
                else:
                    builder.verbatim(content, start)
            elif child.type == "escape_sequence":
                builder.escaped(_unescape(self.text[start:end]), start)
            elif child.type == "interpolation":
                if builder.chars:
                    parts.append(builder.build(span, start))
                    builder = LitBuilder()
                parts.append(self._interpolation(child, scope))
        if builder.chars or not parts:
            parts.append(builder.build(span, span[1] - 1))
        return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)

    def _interpolation(self, node: Node, scope: int) -> ir.Expr:
        span = self.span(node)
        inner = [c for c in node.named_children if c.type not in ("interpolation_brace", "comment")]
        if len(inner) != 1:  # an alignment or a format clause: not modelled
            return ir.Opaque(span, "formatted interpolation")
        return ir.Conversion(self.lower(inner[0], scope), "str", span, "interpolated string")

    def _call(self, node: Node, scope: int) -> ir.Expr:
        span = self.span(node)
        arguments = node.child_by_field_name("arguments")
        arg_nodes = (
            [a for a in arguments.named_children if a.type != "comment"] if arguments else []
        )
        args = tuple(self.lower(a, scope) for a in arg_nodes)
        if node.type == "object_creation_expression":
            type_node = node.child_by_field_name("type")
            if type_node is None:
                return ir.Opaque(span)
            callee = self.src(type_node).rsplit(".", 1)[-1]
            return ir.Call(callee, args, (), span, None, "", self.span(type_node))
        function = node.child_by_field_name("function")
        if function is None:
            return ir.Opaque(span)
        callee = ""
        method = ""
        receiver: ir.Expr | None = None
        name_span = self.span(function)
        if function.type == "identifier":
            callee = self.src(function)
        elif function.type == "member_access_expression":
            obj = function.child_by_field_name("expression")
            name = function.child_by_field_name("name")
            if obj is not None and name is not None and not args and self.src(name) == "ToString":
                parts = self.builder_parts(obj)
                if parts is not None:  # a StringBuilder's appends, in order
                    lowered = tuple(self.lower(p, scope) for p in parts)
                    return string_plus(lowered, span, "Append()")
            if obj is not None and name is not None:
                method = self.src(name)
                receiver = self.lower(obj, scope)
                head = ir.dotted(receiver)
                callee = f"{head}.{method}" if head else ""
                name_span = self.span(name)
        if callee in _ENV_CALLS and args and isinstance(args[0], ir.Lit):
            return ir.Env(args[0].text, span)
        if callee in ("string.Format", "String.Format") and args:
            # string.Format(CultureInfo.InvariantCulture, "Basic {0}", ...): a provider first.
            skip = 0 if isinstance(args[0], ir.Lit) else 1
            template = args[skip] if len(args) > skip else None
            if isinstance(template, ir.Lit):
                return composite(template, args[skip + 1 :], span)
        if callee in ("string.Join", "String.Join") and len(args) >= 2:
            return join(args[0], args[1:], span)
        if callee in ("string.Concat", "String.Concat") and args:
            return string_plus(args, span, "string.Concat")
        if callee == _TO_BASE64 and len(args) == 2:
            option = ir.dotted(args[1]).rsplit(".", 1)[-1]
            if option in ("None", "InsertLineBreaks"):
                callee = f"{_TO_BASE64}:{option}"
                option_node = arg_nodes[1]
                while option_node.named_children and option_node.type != "identifier":
                    option_node = option_node.named_children[-1]
                name_span = self.span(option_node)  # the fix: InsertLineBreaks -> None
                args = args[:1]
        return ir.Call(callee, args, (), span, receiver, method, name_span)


def _key_literal(index: str) -> str | None:
    text = index.rstrip("] ").strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return None


def _mark(lit: ir.Lit) -> ir.Lit:
    found = tuple(m.span() for m in _UNEXPANDED.finditer(lit.text))
    if found:
        return ir.Lit(lit.text, lit.span, lit.offsets, lit.is_bytes, lit.prose, found)
    return lit


def _unescape(source: str) -> str:
    body = source[1:]
    if not body:
        return source
    if body[0] in _SIMPLE_ESCAPES and len(body) == 1:
        return _SIMPLE_ESCAPES[body[0]]
    try:
        if body[0] in "uxU":
            return chr(int(body[1:], 16))
    except ValueError:
        return source
    return source


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    return clike.lower_file(Lowering(syntax), offsets)

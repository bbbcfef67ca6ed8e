"""JavaScript and TypeScript: tables (encoders, transforms, sinks) and the lowering of
tree-sitter-javascript / -typescript trees (the TypeScript grammar is a superset: type
annotations and `as` casts are looked through)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from authlint.construct import ir
from authlint.construct.branches import conditional_options
from authlint.construct.calls import Functions
from authlint.construct.lower import AnchoredLowering, LitBuilder, Resolution, Scope, Sites
from authlint.construct.models import (
    HEADER_NAMES,
    EncoderModel,
    HeaderCallSink,
    Language,
    PairSink,
    Transform,
    is_header_name,
)
from authlint.construct.sites import FallbackSite, HeaderSite, PairSite
from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# --- tables ---------------------------------------------------------------------------------

_BTOA = EncoderModel("btoa", charset="latin-1")
_BUFFER_B64 = EncoderModel("toString('base64')", data_arg=-1)
_BUFFER_B64URL = EncoderModel(
    "toString('base64url')",
    alphabet="url",
    padding=False,
    data_arg=-1,
    better="toString('base64')",
    renames=False,
)
_JS_BASE64 = EncoderModel("Base64.encode")
_JS_BASE64_URL = EncoderModel(
    "Base64.encodeURI", alphabet="url", padding=False, better="Base64.encode"
)

ENCODERS: Final[dict[str, EncoderModel]] = {
    "btoa": _BTOA,
    "window.btoa": _BTOA,
    "globalThis.btoa": _BTOA,
    ".toString:base64": _BUFFER_B64,
    ".toString:base64url": _BUFFER_B64URL,
    "Base64.encode": _JS_BASE64,
    "Base64.btoa": _JS_BASE64,
    "base64.encode": _JS_BASE64,
    "Base64.encodeURI": _JS_BASE64_URL,
    "Base64.encodeURL": _JS_BASE64_URL,
}

_TEXT_CHARSETS: Final = ("", "utf8", "utf-8", "latin1", "binary", "ascii")
TRANSFORMS: Final[dict[str, Transform]] = {
    "Buffer.from": Transform("Buffer.from()", "to_bytes", when_arg=(1, _TEXT_CHARSETS)),
    "Buffer": Transform("new Buffer()", "to_bytes", when_arg=(1, _TEXT_CHARSETS)),
    ".toString": Transform(".toString()", "to_text", when_arg=(0, ("", "utf8", "utf-8"))),
    **{
        f".replace:{pattern}": Transform(".replace(/=+$/, '')", "strip_padding")
        for pattern in ("=", "/=+$/", "/=+$/g", "/=/g", "/={1,2}$/", "/=*$/")
    },
    ".replaceAll:=": Transform(".replaceAll('=', '')", "strip_padding"),
    **{
        f".replace:{pattern}": Transform(
            f".replace({shown}, '{to}')", "url_alphabet", when_arg=(1, (to,))
        )
        for pattern, shown, to in (
            ("/\\+/g", "/\\+/g", "-"),
            ("/\\//g", "/\\//g", "_"),
            ("+", "'+'", "-"),
            ("/", "'/'", "_"),
        )
    },
    "String": Transform("String()", "str"),
    ".trim": Transform(".trim()", "strip_newline"),
    "JSON.stringify": Transform("JSON.stringify", "json"),
    # `unescape(encodeURIComponent(s))`: the browser idiom that gives btoa the UTF-8 bytes of
    # the text (`:` becomes `%3A` and back): modelled as the bytes, which unescape keeps.
    "encodeURIComponent": Transform("encodeURIComponent()", "to_bytes"),
    "unescape": Transform("unescape()", "keep"),
}

HEADER_CALLS: Final = (
    HeaderCallSink("setRequestHeader"),
    HeaderCallSink("setHeader"),
    HeaderCallSink("set"),
    HeaderCallSink("append"),
    HeaderCallSink("header"),
)

PAIR_SINKS: Final = (
    PairSink(callee="Razorpay", keys=(("key_id",), ("key_secret",)), context="new Razorpay"),
    PairSink(keyword="auth", keys=(("username", "user"), ("password", "pass")), context="auth"),
    PairSink(callee="auth", context=".auth()"),
)
# The callee names `_call_site` looks at: any other call is not a sink.
_SINK_NAMES: Final = frozenset(
    {sink.method for sink in HEADER_CALLS} | {pair.callee for pair in PAIR_SINKS if pair.callee}
)

LANGUAGE: Final = Language(
    name="javascript",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=HEADER_CALLS,
    pair_sinks=PAIR_SINKS,
    bytes_to_text="decode",
    fallbacks=(r"\|\|", r"\?\?"),
)

_ENV_OBJECTS: Final = frozenset({"process.env", "import.meta.env", "Bun.env"})
_ENV_CALLS: Final = frozenset({"Deno.env.get"})
# Named functions: declarations, methods, `const f = () => ...` / `= function () {...}`.
_DEFINITIONS: Final = (
    "[(function_declaration) (method_definition) (variable_declarator value: "
    "[(arrow_function) (function_expression)])] @def"
)
_SCOPES: Final = frozenset(
    {
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
    }
)
# Wrappers that do not change the value: TypeScript casts, parentheses, await.
_TRANSPARENT: Final = frozenset(
    {
        "parenthesized_expression",
        "as_expression",
        "non_null_expression",
        "satisfies_expression",
        "type_assertion",
        "await_expression",
    }
)
# `${name}` in a quoted (not template) string: sent as is.
_DOLLAR: Final = lazy(r"\$\{[^{}\n]{1,100}\}")
_SIMPLE_ESCAPES: Final = {
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "0": "\0",
}


class Lowering(AnchoredLowering):
    SCOPES = _SCOPES
    STRINGS = frozenset({"string", "template_string"})
    ASSIGNMENTS = (
        "[(variable_declarator) (assignment_expression) (augmented_assignment_expression)] @assign"
    )

    def _src(self, node: Node) -> str:
        return self.syntax.source(node)

    # -- sites, found from the anchors -------------------------------------------------------

    def on_pair(self, node: Node, scope: Scope) -> None:
        self._pair_site(node, scope)

    def on_call_expression(self, node: Node, scope: Scope) -> None:
        self._call_site(node, scope)

    def on_new_expression(self, node: Node, scope: Scope) -> None:
        self._call_site(node, scope)

    def on_assignment_expression(self, node: Node, scope: Scope) -> None:
        self._assignment_site(node, scope)

    def on_binary_expression(self, node: Node, scope: Scope) -> None:
        self._fallback_site(node, scope)

    def on_string(self, node: Node, scope: Scope) -> None:
        self._shaped(node, scope)

    def on_template_string(self, node: Node, scope: Scope) -> None:
        self._shaped(node, scope)

    def _shaped(self, node: Node, scope: Scope) -> None:
        """A literal that starts with the scheme: the outermost construction around it is a
        header value being built (`'Basic ' + token`, `` `Bearer ${t}` ``)."""
        top = node
        while top.parent is not None and (
            top.parent.type in _TRANSPARENT
            or (
                top.parent.type == "binary_expression"
                and (op := top.parent.child_by_field_name("operator")) is not None
                and op.type == "+"
            )
        ):
            top = top.parent
        if (top is not node or node.type == "template_string") and self.may_be_shaped(top):
            self.sites.maybe_shaped(self.resolution.lower(top, scope.node_id))

    # -- scopes ------------------------------------------------------------------------------

    def defined_name(self, node: Node) -> str | None:
        name = node.child_by_field_name("name")
        return None if name is None else self._src(name)

    def params(self, scope_node: Node, scope: Scope) -> None:
        params = scope_node.child_by_field_name("parameters") or scope_node.child_by_field_name(
            "parameter"
        )
        if params is None:
            return
        nodes = [params] if params.type == "identifier" else params.named_children
        for child in nodes:
            name: Node | None = child
            if child.type in ("required_parameter", "optional_parameter"):
                name = child.child_by_field_name("pattern")
            elif child.type == "assignment_pattern":
                name = child.child_by_field_name("left")
            elif child.type == "rest_pattern":
                name = next((c for c in child.named_children if c.type == "identifier"), None)
            if name is not None and name.type == "identifier":
                scope.params[self._src(name)] = self.syntax.span(name)

    def record(self, assign: Node, scope: Scope) -> None:
        end = self.syntax.span(assign)[1]
        if assign.type == "variable_declarator":
            name = assign.child_by_field_name("name")
            value = assign.child_by_field_name("value")
            if name is not None and value is not None and name.type == "identifier":
                scope.assignments.setdefault(self._src(name), []).append((end, value))
            return
        left = assign.child_by_field_name("left")
        right = assign.child_by_field_name("right")
        if left is None or right is None:
            return
        if left.type == "identifier":
            value = right if assign.type == "assignment_expression" else assign
            scope.assignments.setdefault(self._src(left), []).append((end, value))
        elif _property_of_name(left):
            # `AUTH.scheme = ...`: what later reads of `AUTH.scheme` in this scope see.
            value = right if assign.type == "assignment_expression" else assign
            scope.assignments.setdefault(self._src(left), []).append((end, value))
        if scope.node_id == 0 and left.type != "identifier":
            self.record_member(assign, scope)

    def record_member(self, assign: Node, module: Scope) -> None:
        left = assign.child_by_field_name("left")
        right = assign.child_by_field_name("right")
        if left is None or right is None or left.type != "member_expression":
            return
        target = self._src(left)
        if target.startswith("this.") and assign.type == "assignment_expression":
            end = self.syntax.span(assign)[1]
            module.assignments.setdefault(target, []).append((end, right))

    def _assignment_site(self, node: Node, scope: Scope) -> None:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None or right is None:
            return
        header = False
        if left.type == "member_expression":
            prop = left.child_by_field_name("property")
            header = prop is not None and is_header_name(self._src(prop))
        elif left.type == "subscript_expression":
            index = left.child_by_field_name("index")
            header = index is not None and self._is_header_name(index)
        if header:
            self.sites.headers.append(
                HeaderSite(self.lower(right, scope.node_id), self.syntax.span(node), "header")
            )

    def _is_header_name(self, node: Node) -> bool:
        lit = self.lower(node, 0)
        return isinstance(lit, ir.Lit) and is_header_name(lit.text)

    def _key_text(self, node: Node) -> str:
        if node.type in ("property_identifier", "identifier"):
            return self._src(node)
        if node.type == "string":
            source = self._src(node)
            if "\\" not in source:
                return source[1:-1]  # no escape: the text is what is written
        lit = self.lower(node, 0)
        return lit.text if isinstance(lit, ir.Lit) else ""

    def _pair_site(self, node: Node, scope: Scope) -> None:
        key = node.child_by_field_name("key")
        value = node.child_by_field_name("value")
        if key is None or value is None:
            return
        name = self._key_text(key).strip().lower()
        if name in HEADER_NAMES:
            self.sites.headers.append(
                HeaderSite(
                    self.resolution.lower(value, scope.node_id),
                    self.syntax.span(node),
                    "headers",
                    entry=(node, scope.node_id),
                )
            )
            return
        for sink in PAIR_SINKS:
            if sink.keyword and name == sink.keyword:
                self._pair_object(value, sink, scope, self.syntax.span(node), f"{sink.context}:")

    def _pair_object(
        self, node: Node, sink: PairSink, scope: Scope, span: ir.Span, context: str
    ) -> None:
        expr = self.lower(node, scope.node_id)
        if isinstance(expr, ir.Name):
            target = self.resolution.resolve(expr)
            if target is not None:
                expr = target
        if not isinstance(expr, ir.Mapping):
            return
        user: ir.Expr | None = None
        secret: ir.Expr | None = None
        for key, value in expr.items:
            if not isinstance(key, ir.Lit):
                continue
            name = key.text.lower()
            if name in sink.keys[0] and user is None:
                user = value
            elif name in sink.keys[1] and secret is None:
                secret = value
        if secret is not None:
            self.sites.pairs.append(PairSite(user, secret, span, context))

    def _call_site(self, node: Node, scope: Scope) -> None:
        if self._callee_name(node) not in _SINK_NAMES:
            return  # `fetch(url, {...})`: not a sink itself (its object's pairs are sites)
        call = self.lower(node, scope.node_id)
        if not isinstance(call, ir.Call):
            return
        span = call.span
        last = call.method or call.callee.rsplit(".", 1)[-1]
        arguments = node.child_by_field_name("arguments")
        for sink in HEADER_CALLS:
            if last == sink.method and len(call.args) > max(sink.name_arg, sink.value_arg):
                name = call.args[sink.name_arg]
                if isinstance(name, ir.Lit) and is_header_name(name.text):
                    self.sites.headers.append(
                        HeaderSite(call.args[sink.value_arg], span, f"{last}()")
                    )
        for pair in PAIR_SINKS:
            if not pair.callee or last != pair.callee:
                continue
            if pair.keys[0] and arguments is not None:
                objects = [a for a in arguments.named_children if a.type != "comment"]
                if objects:
                    self._pair_object(objects[0], pair, scope, span, pair.context)
            elif not pair.keys[0]:
                i, j = pair.positions
                if len(call.args) > j:
                    self.sites.pairs.append(
                        PairSite(call.args[i], call.args[j], span, pair.context)
                    )

    def _callee_name(self, node: Node) -> str:
        """The last name of the callee (`setRequestHeader`, `Razorpay`), read from the tree
        without lowering the call."""
        function = node.child_by_field_name("function") or node.child_by_field_name("constructor")
        while function is not None and function.type in _TRANSPARENT and function.named_children:
            function = function.named_children[0]
        if function is None:
            return ""
        if function.type == "member_expression":
            function = function.child_by_field_name("property")
        return "" if function is None else self._src(function)

    def _fallback_site(self, node: Node, scope: Scope) -> None:
        op = node.child_by_field_name("operator")
        if op is None or op.type not in ("||", "??"):
            return
        expr = self.lower(node, scope.node_id)
        if isinstance(expr, ir.Fallback) and isinstance(expr.primary, ir.Env):
            self.sites.fallbacks.append(
                FallbackSite(expr.primary.var, expr.default, self.syntax.span(node))
            )

    # -- expressions -------------------------------------------------------------------------

    def lower(self, node: Node, scope: int) -> ir.Expr:
        kind = node.type
        span = self.syntax.span(node)
        if kind in _TRANSPARENT:
            inner = [c for c in node.named_children if c.type != "comment"]
            return self.lower(inner[0], scope) if inner else ir.Opaque(span)
        if kind == "string":
            return self._string(node)
        if kind == "template_string":
            return self._template(node, scope)
        if kind in ("identifier", "shorthand_property_identifier"):  # `{url}` is `{url: url}`
            return ir.Name(self._src(node), span, scope)
        if kind == "binary_expression":
            op = node.child_by_field_name("operator")
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if op is None or left is None or right is None:
                return ir.Opaque(span)
            if op.type == "+":
                return ir.Concat((self.lower(left, scope), self.lower(right, scope)), span)
            if op.type in ("||", "??"):
                return ir.Fallback(self.lower(left, scope), self.lower(right, scope), span)
            return ir.Opaque(span)
        if kind == "member_expression":
            obj = node.child_by_field_name("object")
            prop = node.child_by_field_name("property")
            if obj is None or prop is None:
                return ir.Opaque(span)
            if self._src(obj) in _ENV_OBJECTS:
                return ir.Env(self._src(prop), span)
            text = self._src(node)
            if text.startswith("this.") and obj.type == "this":
                return ir.Name(text, span, scope)
            return ir.Attr(self.lower(obj, scope), self._src(prop), span)
        if kind == "subscript_expression":
            obj = node.child_by_field_name("object")
            index = node.child_by_field_name("index")
            if obj is None or index is None:
                return ir.Opaque(span)
            key = self.lower(index, scope)
            if self._src(obj) in _ENV_OBJECTS and isinstance(key, ir.Lit):
                return ir.Env(key.text, span)
            return ir.Index(self.lower(obj, scope), key, span)
        if kind == "ternary_expression":  # `c ? a : b`: either value
            options = conditional_options(node)
            if options is None:
                return ir.Opaque(span)
            return ir.choice(tuple(self.lower(o, scope) for o in options), span)
        if kind in ("call_expression", "new_expression"):
            return self._call(node, scope)
        if kind == "array":
            return ir.Seq(
                tuple(self.lower(c, scope) for c in node.named_children if c.type != "comment"),
                span,
            )
        if kind == "object":
            return self._object(node, scope)
        if kind == "regex":
            return ir.Lit(self._src(node), span, tuple(range(span[0], span[1] + 1)))
        if kind == "augmented_assignment_expression":
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            op = node.child_by_field_name("operator")
            if left is not None and right is not None and op is not None and op.type == "+=":
                previous = ir.Name(self._src(left), (span[0], span[0]), scope)
                return ir.Concat((previous, self.lower(right, scope)), span)
            return ir.Opaque(span)
        return ir.Opaque(span, kind)

    def _object(self, node: Node, scope: int) -> ir.Expr:
        items: list[tuple[ir.Expr, ir.Expr]] = []
        for child in node.named_children:
            if child.type == "pair":
                key = child.child_by_field_name("key")
                value = child.child_by_field_name("value")
                if key is None or value is None:
                    continue
                text = self._key_text(key)
                key_span = self.syntax.span(key)
                items.append(
                    (
                        ir.Lit(
                            text, key_span, tuple(range(key_span[0], key_span[0] + len(text) + 1))
                        ),
                        self.lower(value, scope),
                    )
                )
            elif child.type == "shorthand_property_identifier":
                key_span = self.syntax.span(child)
                text = self._src(child)
                items.append(
                    (
                        ir.Lit(text, key_span, tuple(range(key_span[0], key_span[1] + 1))),
                        ir.Name(text, key_span, scope),
                    )
                )
        return ir.Mapping(tuple(items), self.syntax.span(node))

    def _string(self, node: Node) -> ir.Lit:
        span = self.syntax.span(node)
        builder = LitBuilder()
        for child in node.named_children:
            start, end = self.syntax.span(child)
            if child.type == "string_fragment":
                builder.verbatim(self.text[start:end], start)
            elif child.type == "escape_sequence":
                builder.escaped(_unescape(self.text[start:end]), start)
        lit = builder.build(span, span[1] - 1)  # a comment holds no string node: never prose
        found = tuple(m.span() for m in _DOLLAR.finditer(lit.text))
        if found:
            lit = ir.Lit(lit.text, lit.span, lit.offsets, lit.is_bytes, lit.prose, found)
        return lit

    def _template(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        parts: list[ir.Expr] = []
        builder = LitBuilder()
        for child in node.named_children:
            start, end = self.syntax.span(child)
            if child.type == "string_fragment":
                builder.verbatim(self.text[start:end], start)
            elif child.type == "escape_sequence":
                builder.escaped(_unescape(self.text[start:end]), start)
            elif child.type == "template_substitution":
                if builder.chars:
                    parts.append(builder.build(span, start))
                    builder = LitBuilder()
                inner = [c for c in child.named_children if c.type != "comment"]
                value = self.lower(inner[0], scope) if inner else ir.Opaque((start, end))
                parts.append(ir.Conversion(value, "str", (start, end), "template literal"))
        if builder.chars or not parts:
            parts.append(builder.build(span, span[1] - 1))
        if len(parts) == 1:
            return parts[0]
        return ir.Concat(tuple(parts), span)

    def _call(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        function = node.child_by_field_name("function") or node.child_by_field_name("constructor")
        arguments = node.child_by_field_name("arguments")
        if function is None:
            return ir.Opaque(span)
        args: list[ir.Expr] = []
        if arguments is not None and arguments.type == "arguments":
            args = [self.lower(a, scope) for a in arguments.named_children if a.type != "comment"]
        while function.type in _TRANSPARENT and function.named_children:
            function = function.named_children[0]
        callee = ""
        method = ""
        receiver: ir.Expr | None = None
        name_span = self.syntax.span(function)
        if function.type == "identifier":
            callee = self._src(function)
        elif function.type == "member_expression":
            obj = function.child_by_field_name("object")
            prop = function.child_by_field_name("property")
            if obj is not None and prop is not None:
                method = self._src(prop)
                receiver = self.lower(obj, scope)
                head = ir.dotted(receiver)
                callee = f"{head}.{method}" if head else ""
                name_span = self.syntax.span(prop)
        if callee in _ENV_CALLS and args and isinstance(args[0], ir.Lit):
            return ir.Env(args[0].text, span)
        if method == "concat" and receiver is not None:
            return ir.Concat((receiver, *args), span)  # String.prototype.concat
        return ir.Call(callee, tuple(args), (), span, receiver, method, name_span)


def _unescape(source: str) -> str:
    body = source[1:]
    if not body:
        return source
    if body[0] in _SIMPLE_ESCAPES and not (body[0] == "0" and len(body) > 1):
        return _SIMPLE_ESCAPES[body[0]]
    try:
        if body[0] == "x" and len(body) == 3:
            return chr(int(body[1:], 16))
        if body[0] == "u":
            digits = body[2:-1] if body.startswith("u{") else body[1:]
            return chr(int(digits, 16))
    except ValueError:
        return source
    if body[0] in "\r\n":
        return ""  # a line continuation
    return body


def _property_of_name(node: Node) -> bool:
    """`NAME.prop`: a member of a plain name (not `this`, not a call's result)."""
    if node.type != "member_expression":
        return False
    obj = node.child_by_field_name("object")
    prop = node.child_by_field_name("property")
    return obj is not None and obj.type == "identifier" and prop is not None


def _function_of(node: Node) -> Node | None:
    return node.child_by_field_name("value") if node.type == "variable_declarator" else node


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    """The sites near ``offsets`` (the prefilter's anchors) and the file's name resolution."""
    lowering = Lowering(syntax)
    functions = Functions(
        lowering,
        _DEFINITIONS,
        lowering.defined_name,
        function_of=_function_of,
        calls="(call_expression) @call",
    )
    lowering.resolution.functions = functions
    lowering.resolution.callers = functions.arguments
    return lowering.discover(offsets), lowering.resolution

"""Python: tables (encoders, transforms, sinks) and the lowering of tree-sitter-python trees."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Literal

from authlint.construct import ir
from authlint.construct.branches import conditional_options
from authlint.construct.calls import Functions
from authlint.construct.lower import (
    AnchoredLowering,
    LitBuilder,
    Resolution,
    Scope,
    Sites,
    may_spell_header,
    sub_lit,
)
from authlint.construct.models import (
    EncoderModel,
    HeaderCallSink,
    Language,
    PairSink,
    Transform,
    is_header_name,
)
from authlint.construct.sites import FallbackSite, HeaderSite, PairSite
from authlint.lazyre import lazy
from authlint.syntax import is_docstring

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# --- tables ---------------------------------------------------------------------------------

_B64 = EncoderModel("base64.b64encode", returns_bytes=True)
_ENCODEBYTES = EncoderModel(
    "base64.encodebytes", newline=True, wrap=76, returns_bytes=True, better="base64.b64encode"
)
_URLSAFE = EncoderModel(
    "base64.urlsafe_b64encode", alphabet="url", returns_bytes=True, better="base64.b64encode"
)
_B2A = EncoderModel(
    "binascii.b2a_base64",
    newline=True,
    returns_bytes=True,
    better="base64.b64encode",
    newline_switch="newline",
)

ENCODERS: Final[dict[str, EncoderModel]] = {
    "base64.b64encode": _B64,
    "b64encode": _B64,
    "base64.standard_b64encode": _B64,
    "standard_b64encode": _B64,
    "base64.encodebytes": _ENCODEBYTES,
    "encodebytes": _ENCODEBYTES,
    "base64.encodestring": _ENCODEBYTES,
    "base64.urlsafe_b64encode": _URLSAFE,
    "urlsafe_b64encode": _URLSAFE,
    "binascii.b2a_base64": _B2A,
    "b2a_base64": _B2A,
}

TRANSFORMS: Final[dict[str, Transform]] = {
    ".encode": Transform(".encode()", "to_bytes"),
    ".decode": Transform(".decode()", "to_text"),
    "bytes": Transform("bytes()", "to_bytes"),
    ".rstrip:=": Transform('.rstrip("=")', "strip_padding"),
    ".strip:=": Transform('.strip("=")', "strip_padding"),
    ".replace:=": Transform('.replace("=", "")', "strip_padding"),
    ".rstrip:": Transform(".rstrip()", "strip_newline"),
    ".strip:": Transform(".strip()", "strip_newline"),
    ".rstrip:\n": Transform('.rstrip("\\n")', "strip_newline"),
    ".strip:\n": Transform('.strip("\\n")', "strip_newline"),
    ".replace:\n": Transform('.replace("\\n", "")', "unwrap"),
    "str": Transform("str()", "str", decodes_with=(1, ("encoding", "errors"))),
    "repr": Transform("repr()", "repr"),
    "json.dumps": Transform("json.dumps", "json"),
    # PyJWT's `jwt.encode` returns the token as str since 2.0 (2020; 1.x returned bytes): a
    # call, not `str.encode`. Dependency pins are not read, so a 1.x project is modelled as 2.x
    # (no AL118 on its `f"Bearer {token}"`: a missed finding, never a false one).
    "jwt.encode": Transform("jwt.encode", "opaque", note="a JWT (PyJWT 2 returns str)"),
}

HEADER_CALLS: Final = (
    HeaderCallSink("add_header"),
    HeaderCallSink("putheader"),
    HeaderCallSink("add_unredirected_header"),
    HeaderCallSink("setdefault"),
)

PAIR_SINKS: Final = (
    PairSink(callee="HTTPBasicAuth", context="HTTPBasicAuth"),
    PairSink(callee="HTTPProxyAuth", context="HTTPProxyAuth"),
    PairSink(callee="BasicAuth", context="BasicAuth"),
    PairSink(keyword="auth", context="auth="),
    PairSink(keyword="basic_auth", context="basic_auth="),
    PairSink(callee="add_password", positions=(2, 3), context="add_password"),
)

# Environment lookups: callee -> argument index of the default (-1: none).
ENV_CALLS: Final[dict[str, int]] = {
    "os.getenv": 1,
    "getenv": 1,
    "os.environ.get": 1,
    "environ.get": 1,
    "os.environ.setdefault": 1,
}
LANGUAGE: Final = Language(
    name="python",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=HEADER_CALLS,
    pair_sinks=PAIR_SINKS,
    bytes_to_text="repr",
    # `a or lit`, and the environment lookups that take a default (os.getenv(k, lit)).
    fallbacks=(
        r"[ \t]or[ \t]",
        *sorted({re.escape(callee.rsplit(".", 1)[-1] + "(") for callee in ENV_CALLS}),
    ),
)

_RECEIVERS: Final = frozenset({"self", "cls"})
_ENV_MAPPINGS: Final = frozenset({"os.environ", "environ"})

# `{name}` in a str literal without its f: a forgotten f-prefix, sent as is.
_FIELD: Final = lazy(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_.]{0,60})(?:![rsa])?\}(?!\})")
_PERCENT: Final = lazy(
    r"%(?:\(([A-Za-z_0-9]{1,40})\))?[-#0 +]{0,5}[0-9*]{0,5}(?:\.[0-9]{1,5})?([sdirfxXca%])"
)
_BRACE: Final = lazy(r"\{\{|\}\}|\{([A-Za-z0-9_.\[\]]{0,40})(?:!([rsa]))?(?::[^{}]{0,20})?\}")


def _class_of(assign: Node) -> str | None:
    """The name of the class whose body holds ``assign`` directly (`class C: X = ...`)."""
    statement = assign.parent
    block = statement.parent if statement is not None else None
    owner = block.parent if block is not None else None
    if statement is None or statement.type != "expression_statement" or owner is None:
        return None
    name = owner.child_by_field_name("name") if owner.type == "class_definition" else None
    return None if name is None or name.text is None else name.text.decode("utf-8", "replace")


def _member_key(name: str) -> str | None:
    """`self.X` and `C.X` read one member of the object or class (every assignment of it)."""
    return name if "." in name else None


class Lowering(AnchoredLowering):
    """One file's tree -> IR on demand, plus the sink sites near the anchors."""

    SCOPES = frozenset({"function_definition", "lambda"})
    STRINGS = frozenset({"string"})
    ASSIGNMENTS = "[(assignment) (augmented_assignment)] @assign"

    # -- sites, found from the anchors -------------------------------------------------------

    def on_pair(self, node: Node, scope: Scope) -> None:
        self._pair_site(node, scope)

    def on_call(self, node: Node, scope: Scope) -> None:
        self._call_site(node, scope)

    def on_assignment(self, node: Node, scope: Scope) -> None:
        self._assignment_site(node, scope)

    def on_boolean_operator(self, node: Node, scope: Scope) -> None:
        self._fallback_site(node, scope)

    def on_string(self, node: Node, scope: Scope) -> None:
        """A literal that starts with the scheme: the outermost construction around it is a
        header value being built (`"Basic " + token`, f"Bearer {t}", `"Basic %s" % t`)."""
        top = node
        while True:
            parent = top.parent
            if parent is None:
                break
            kind = parent.type
            if kind in ("binary_operator", "concatenated_string", "parenthesized_expression"):
                top = parent
            elif kind == "attribute" and parent.parent is not None and parent.parent.type == "call":
                top = parent.parent  # "Basic {}".format(t)
            else:
                break
        if (
            top is not node or any(c.type == "interpolation" for c in node.children)
        ) and self.may_be_shaped(top):
            self.sites.maybe_shaped(self.resolution.lower(top, scope.node_id))

    # -- scopes ------------------------------------------------------------------------------

    def _class_member(self, dotted: str) -> bool:
        """`C.TOKEN`: a constant of a class in this file (on a partial parse, a class
        constant whose class is outside it calls for the whole file)."""
        owner, _, attr = dotted.partition(".")
        if not (owner[:1].isupper() and attr.isupper()):
            return False
        module = self.scope_for(None)
        if not module.filled:
            self.fill(module)
        if dotted in module.assignments:
            return True
        self.resolution.missing.add(dotted)
        return False

    def defined_name(self, node: Node) -> str | None:
        name = node.child_by_field_name("name")
        return None if name is None else self.syntax.source(name)

    def params(self, scope_node: Node, scope: Scope) -> None:
        params = scope_node.child_by_field_name("parameters")
        if params is None:
            return
        for child in params.named_children:
            name: Node | None = child
            if child.type in ("default_parameter", "typed_default_parameter"):
                name = child.child_by_field_name("name")
            elif child.type in (
                "typed_parameter",
                "list_splat_pattern",
                "dictionary_splat_pattern",
            ):
                name = next((c for c in child.named_children if c.type == "identifier"), None)
            if name is not None and name.type == "identifier":
                scope.params[self.syntax.source(name)] = self.syntax.span(name)

    def record(self, assign: Node, scope: Scope) -> None:
        left = assign.child_by_field_name("left")
        right = assign.child_by_field_name("right")
        if left is None or right is None:
            return
        end = self.syntax.span(assign)[1]
        if left.type == "identifier":
            value: Node = right if assign.type == "assignment" else assign
            scope.assignments.setdefault(self.syntax.source(left), []).append((end, value))
            owner = _class_of(assign)
            if owner is not None and assign.type == "assignment":
                # A class attribute: read as `self.X` in its methods, or as `C.X`.
                for target in (
                    f"self.{self.syntax.source(left)}",
                    f"{owner}.{self.syntax.source(left)}",
                ):
                    scope.assignments.setdefault(target, []).append((end, right))
        elif scope.node_id == 0:
            self.record_member(assign, scope)

    def record_member(self, assign: Node, module: Scope) -> None:
        left = assign.child_by_field_name("left")
        right = assign.child_by_field_name("right")
        if left is None or right is None or left.type != "attribute":
            return
        target = self.syntax.source(left)
        if target.startswith("self.") and assign.type == "assignment":
            end = self.syntax.span(assign)[1]
            module.assignments.setdefault(target, []).append((end, right))

    def _assignment_site(self, node: Node, scope: Scope) -> None:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None or right is None:
            return
        if left.type == "attribute":
            attribute = left.child_by_field_name("attribute")
            if attribute is not None and self.syntax.source(attribute) == "auth":
                # `session.auth = (id, secret)` (requests, httpx)
                target = self.syntax.source(left)
                self._pair_value(right, scope, self.syntax.span(node), f"{target} =")
        elif left.type == "subscript":
            key = left.child_by_field_name("subscript")
            if key is not None and key.type == "string" and self._key_is_header(key):
                self.sites.headers.append(
                    HeaderSite(
                        self.lower(right, scope.node_id), self.syntax.span(node), "headers[...]"
                    )
                )

    def _key_is_header(self, node: Node) -> bool:
        source = self.syntax.source(node)
        if not may_spell_header(source):
            return False
        if "\\" not in source and "{" not in source:
            # No escape and no field: the text is what stands between the quotes.
            body = source.lstrip("rRbBuUfF")
            quote = body[:3] if body[:3] in ('"""', "'''") else body[:1]
            return is_header_name(body[len(quote) : len(body) - len(quote)])
        lit = self.lower(node, 0)
        return isinstance(lit, ir.Lit) and is_header_name(lit.text)

    def _pair_site(self, node: Node, scope: Scope) -> None:
        key = node.child_by_field_name("key")
        value = node.child_by_field_name("value")
        if key is None or value is None or key.type != "string" or not self._key_is_header(key):
            return
        self.sites.headers.append(
            HeaderSite(
                self.resolution.lower(value, scope.node_id),
                self.syntax.span(node),
                "headers dict",
                entry=(node, scope.node_id),
            )
        )

    def _call_site(self, node: Node, scope: Scope) -> None:
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or arguments is None or arguments.type != "argument_list":
            return
        callee = self.syntax.source(function)
        last = callee.rsplit(".", 1)[-1]
        positional = [
            a for a in arguments.named_children if a.type not in ("keyword_argument", "comment")
        ]
        keywords = {
            self.syntax.source(k): v
            for a in arguments.named_children
            if a.type == "keyword_argument"
            and (k := a.child_by_field_name("name")) is not None
            and (v := a.child_by_field_name("value")) is not None
        }
        span = self.syntax.span(node)
        for sink in HEADER_CALLS:
            if last == sink.method and len(positional) > max(sink.name_arg, sink.value_arg):
                name = positional[sink.name_arg]
                if name.type == "string" and self._key_is_header(name):
                    value = self.lower(positional[sink.value_arg], scope.node_id)
                    self.sites.headers.append(HeaderSite(value, span, f"{last}()"))
        for key, value_node in keywords.items():
            if key.lower() in ("authorization",):
                self.sites.headers.append(
                    HeaderSite(
                        self.lower(value_node, scope.node_id), span, f"{last}(Authorization=)"
                    )
                )
        for pair in PAIR_SINKS:
            if pair.callee and pair.callee in (last, callee):
                i, j = pair.positions
                if len(positional) > j:
                    self.sites.pairs.append(
                        PairSite(
                            self.lower(positional[i], scope.node_id),
                            self.lower(positional[j], scope.node_id),
                            span,
                            pair.context,
                        )
                    )
            elif pair.keyword and pair.keyword in keywords:
                self._pair_value(keywords[pair.keyword], scope, span, f"{callee}({pair.context})")
        if callee in ENV_CALLS:
            index = ENV_CALLS[callee]
            if 0 <= index < len(positional):
                expr = self.lower(node, scope.node_id)
                if isinstance(expr, ir.Fallback):
                    var = expr.primary.var if isinstance(expr.primary, ir.Env) else ""
                    self.sites.fallbacks.append(FallbackSite(var, expr.default, span))

    def _pair_value(self, node: Node, scope: Scope, span: ir.Span, context: str) -> None:
        expr = self.lower(node, scope.node_id)
        if isinstance(expr, ir.Name):
            target = self.resolution.resolve(expr)
            if target is not None and isinstance(target, ir.Seq):
                expr = target
        if isinstance(expr, ir.Seq) and len(expr.items) == 2:
            self.sites.pairs.append(PairSite(expr.items[0], expr.items[1], span, context))

    def _fallback_site(self, node: Node, scope: Scope) -> None:
        expr = self.lower(node, scope.node_id)
        if isinstance(expr, ir.Fallback) and isinstance(expr.primary, ir.Env):
            self.sites.fallbacks.append(
                FallbackSite(expr.primary.var, expr.default, self.syntax.span(node))
            )

    # -- expressions -------------------------------------------------------------------------

    def lower(self, node: Node, scope: int) -> ir.Expr:
        kind = node.type
        span = self.syntax.span(node)
        if kind == "string":
            return self._string(node, scope)
        if kind == "concatenated_string":
            return ir.Concat(tuple(self.lower(c, scope) for c in node.named_children), span)
        if kind in ("parenthesized_expression", "await"):
            inner = [c for c in node.named_children if c.type != "comment"]
            return self.lower(inner[0], scope) if len(inner) == 1 else ir.Opaque(span)
        if kind == "identifier":
            return ir.Name(self.syntax.source(node), span, scope)
        if kind == "binary_operator":
            return self._binary(node, scope)
        if kind == "boolean_operator":
            op = node.child_by_field_name("operator")
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if op is not None and op.type == "or" and left is not None and right is not None:
                return ir.Fallback(self.lower(left, scope), self.lower(right, scope), span)
            return ir.Opaque(span)
        if kind == "call":
            return self._call(node, scope)
        if kind == "conditional_expression":  # `a if c else b`: either value
            options = conditional_options(node)
            if options is None:
                return ir.Opaque(span)
            return ir.choice(tuple(self.lower(o, scope) for o in options), span)
        if kind == "attribute":
            obj = node.child_by_field_name("object")
            attr = node.child_by_field_name("attribute")
            if obj is None or attr is None:
                return ir.Opaque(span)
            text = self.syntax.source(node)
            if text.startswith("self.") or (obj.type == "identifier" and self._class_member(text)):
                return ir.Name(text, span, scope)
            return ir.Attr(self.lower(obj, scope), self.syntax.source(attr), span)
        if kind == "subscript":
            obj = node.child_by_field_name("value")
            key = node.child_by_field_name("subscript")
            if obj is None or key is None:
                return ir.Opaque(span)
            if self.syntax.source(obj) in _ENV_MAPPINGS:
                lowered = self.lower(key, scope)
                if isinstance(lowered, ir.Lit):
                    return ir.Env(lowered.text, span)
            return ir.Index(self.lower(obj, scope), self.lower(key, scope), span)
        if kind in ("tuple", "list"):
            return ir.Seq(
                tuple(self.lower(c, scope) for c in node.named_children if c.type != "comment"),
                span,
            )
        if kind == "dictionary":
            items = []
            for pair in node.named_children:
                key = pair.child_by_field_name("key")
                value = pair.child_by_field_name("value")
                if pair.type == "pair" and key is not None and value is not None:
                    items.append((self.lower(key, scope), self.lower(value, scope)))
            return ir.Mapping(tuple(items), span)
        if kind == "augmented_assignment":
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            op = node.child_by_field_name("operator")
            if left is not None and right is not None and op is not None and op.type == "+=":
                # The previous value of the name (resolved before this statement) plus the right.
                previous = ir.Name(self.syntax.source(left), (span[0], span[0]), scope)
                return ir.Concat((previous, self.lower(right, scope)), span)
            return ir.Opaque(span)
        return ir.Opaque(span, kind)

    def _string(self, node: Node, scope: int) -> ir.Expr:
        syntax = self.syntax
        span = syntax.span(node)
        start_node = node.children[0] if node.children else None
        prefix = ""
        if start_node is not None and start_node.type == "string_start":
            prefix = syntax.source(start_node).rstrip("\"'").lower()
        is_bytes = "b" in prefix
        raw = "r" in prefix
        parts: list[ir.Expr] = []
        builder = LitBuilder()
        lit_start = None
        content_end = span[1]
        for child in node.children:
            if child.type == "string_start":
                lit_start = syntax.span(child)[1]
            elif child.type == "string_end":
                content_end = syntax.span(child)[0]
            elif child.type == "string_content":
                self._content(child, builder, raw, is_bytes)
            elif child.type == "interpolation":
                if builder.chars:
                    parts.append(builder.build(span, syntax.span(child)[0], is_bytes=is_bytes))
                    builder = LitBuilder()
                parts.append(self._interpolation(child, scope))
        prose = is_docstring(node)
        if not parts:
            lit = builder.build(span, content_end, is_bytes=is_bytes, prose=prose)
            if "f" not in prefix and not self._is_template(node):
                lit = _mark_unexpanded(lit)
            if lit_start is not None and not lit.text:
                lit = ir.Lit("", span, (lit_start,), is_bytes, prose)
            return lit
        if builder.chars:
            parts.append(builder.build(span, content_end, is_bytes=is_bytes))
        return ir.Concat(tuple(parts), span)

    def _is_template(self, node: Node) -> bool:
        """The receiver of `.format()` or the left of `%`: its fields are filled in."""
        parent = node.parent
        if parent is None:
            return False
        if parent.type == "binary_operator":
            op = parent.child_by_field_name("operator")
            left = parent.child_by_field_name("left")
            return op is not None and op.type == "%" and left is not None and left.id == node.id
        if parent.type == "attribute":
            attribute = parent.child_by_field_name("attribute")
            return attribute is not None and self.syntax.source(attribute) == "format"
        return False

    def _content(self, node: Node, builder: LitBuilder, raw: bool, is_bytes: bool) -> None:
        syntax = self.syntax
        start, end = syntax.span(node)
        pos = start
        for child in node.children:
            c_start, c_end = syntax.span(child)
            if c_start > pos:
                builder.verbatim(self.text[pos:c_start], pos)
            source = self.text[c_start:c_end]
            if child.type == "escape_interpolation":
                builder.escaped(source[0], c_start)
            elif raw:
                builder.verbatim(source, c_start)
            else:
                builder.escaped(_unescape(source, is_bytes), c_start)
            pos = c_end
        if end > pos:
            builder.verbatim(self.text[pos:end], pos)

    def _interpolation(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        expr = node.child_by_field_name("expression")
        conversion = node.child_by_field_name("type_conversion")
        inner = self.lower(expr, scope) if expr is not None else ir.Opaque(span)
        how: Literal["str", "repr"] = "str"
        if conversion is not None and self.syntax.source(conversion) in ("!r", "!a"):
            how = "repr"
        return ir.Conversion(inner, how, span, "f-string")

    def _binary(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        op = node.child_by_field_name("operator")
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if op is None or left is None or right is None:
            return ir.Opaque(span)
        if op.type == "+":
            return ir.Concat((self.lower(left, scope), self.lower(right, scope)), span)
        if op.type == "%" and left.type == "string":
            template = self.lower(left, scope)
            if isinstance(template, ir.Lit):
                values = self.lower(right, scope)
                args = values.items if isinstance(values, ir.Seq) else (values,)
                named = (
                    {k.text: v for k, v in values.items if isinstance(k, ir.Lit)}
                    if isinstance(values, ir.Mapping)
                    else {}
                )
                return _percent(template, args, named, span)
        return ir.Opaque(span)

    def _call(self, node: Node, scope: int) -> ir.Expr:
        syntax = self.syntax
        span = syntax.span(node)
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or arguments is None:
            return ir.Opaque(span)
        args: list[ir.Expr] = []
        kwargs: list[tuple[str, ir.Expr]] = []
        if arguments.type == "argument_list":
            for arg in arguments.named_children:
                if arg.type == "keyword_argument":
                    k = arg.child_by_field_name("name")
                    v = arg.child_by_field_name("value")
                    if k is not None and v is not None:
                        kwargs.append((syntax.source(k), self.lower(v, scope)))
                elif arg.type != "comment":
                    args.append(self.lower(arg, scope))
        callee = ""
        method = ""
        receiver: ir.Expr | None = None
        name_span = syntax.span(function)
        if function.type == "identifier":
            callee = syntax.source(function)
        elif function.type == "attribute":
            obj = function.child_by_field_name("object")
            attr = function.child_by_field_name("attribute")
            if obj is not None and attr is not None:
                method = syntax.source(attr)
                receiver = self.lower(obj, scope)
                callee = ir.dotted(receiver)
                callee = f"{callee}.{method}" if callee else ""
                name_span = syntax.span(attr)
        if callee in ENV_CALLS and args and isinstance(args[0], ir.Lit):
            env = ir.Env(args[0].text, span)
            index = ENV_CALLS[callee]
            default = args[index] if 0 <= index < len(args) else dict(kwargs).get("default")
            return env if default is None else ir.Fallback(env, default, span)
        if method == "format" and isinstance(receiver, ir.Lit):
            return _format(receiver, tuple(args), dict(kwargs), span)
        return ir.Call(callee, tuple(args), tuple(kwargs), span, receiver, method, name_span)


def _unescape(source: str, is_bytes: bool) -> str:
    if source.startswith("\\\n") or source.startswith("\\\r"):
        return ""
    try:
        if is_bytes:
            decoded: bytes = codecs.escape_decode(source.encode("latin-1", "replace"))[0]
            return decoded.decode("latin-1")
        return codecs.decode(source, "unicode_escape")
    except (UnicodeDecodeError, ValueError):
        return source


def _mark_unexpanded(lit: ir.Lit) -> ir.Lit:
    found = tuple(m.span() for m in _FIELD.finditer(lit.text))
    if not found:
        return lit
    return ir.Lit(lit.text, lit.span, lit.offsets, lit.is_bytes, lit.prose, found)


def _percent(
    template: ir.Lit, args: tuple[ir.Expr, ...], named: dict[str, ir.Expr], span: ir.Span
) -> ir.Expr:
    parts: list[ir.Expr] = []
    pos = 0
    index = 0
    for match in _PERCENT.finditer(template.text):
        if match.start() > pos:
            parts.append(sub_lit(template, pos, match.start()))
        pos = match.end()
        verb = match.group(2)
        if verb == "%":
            parts.append(sub_lit(template, match.start(), match.start() + 1))
            continue
        key = match.group(1)
        if key is not None:
            value = named.get(key)
        else:
            value = args[index] if index < len(args) else None
            index += 1
        if value is None:
            return ir.Opaque(span)
        verb_span = (template.offsets[match.start()], template.offsets[match.end()])
        parts.append(ir.Conversion(value, "repr" if verb == "r" else "str", verb_span, "%-format"))
    if pos < len(template.text):
        parts.append(sub_lit(template, pos, len(template.text)))
    return ir.Concat(tuple(parts), span)


def _format(
    template: ir.Lit, args: tuple[ir.Expr, ...], kwargs: dict[str, ir.Expr], span: ir.Span
) -> ir.Expr:
    parts: list[ir.Expr] = []
    pos = 0
    auto = 0
    for match in _BRACE.finditer(template.text):
        if match.start() > pos:
            parts.append(sub_lit(template, pos, match.start()))
        pos = match.end()
        if match.group() in ("{{", "}}"):
            parts.append(sub_lit(template, match.start(), match.start() + 1))
            continue
        field = match.group(1) or ""
        if field == "":
            value = args[auto] if auto < len(args) else None
            auto += 1
        elif field.isdigit():
            value = args[int(field)] if int(field) < len(args) else None
        else:
            value = kwargs.get(field)
        if value is None:
            return ir.Opaque(span)
        verb_span = (template.offsets[match.start()], template.offsets[match.end()])
        how: Literal["str", "repr"] = "repr" if match.group(2) in ("r", "a") else "str"
        parts.append(ir.Conversion(value, how, verb_span, ".format()"))
    if pos < len(template.text):
        parts.append(sub_lit(template, pos, len(template.text)))
    return ir.Concat(tuple(parts), span)


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    """The sites near ``offsets`` (the prefilter's anchors) and the file's name resolution."""
    lowering = Lowering(syntax)
    functions = Functions(
        lowering,
        "(function_definition) @def",
        lowering.defined_name,
        skip_first=_RECEIVERS,
        calls="(call) @call",
    )
    lowering.resolution.functions = functions
    lowering.resolution.callers = functions.arguments
    lowering.resolution.member = _member_key
    return lowering.discover(offsets), lowering.resolution

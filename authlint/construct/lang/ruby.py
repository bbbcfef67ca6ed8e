"""Ruby: tables (encoders, transforms, sinks) and the lowering of tree-sitter-ruby trees.

Sinks: a hash pair whose key is `'Authorization'` (`headers: {...}`, HTTParty, Faraday),
`req['Authorization'] = ...` / `conn.headers['Authorization'] = ...`, `add_field` /
`[]=`-style header calls, `basic_auth(id, secret)` and `Razorpay.setup(key, secret)`.
Instance variables (`@key`) are one class-wide binding; blocks share their method's locals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from authlint.construct import ir
from authlint.construct.branches import conditional_options
from authlint.construct.calls import Functions, Returns
from authlint.construct.lower import LitBuilder, Resolution, Scope, Sites, sub_lit
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

# Base64.encode64 is pack('m'): RFC 2045 lines of 60 characters, each ending with "\n".
_ENCODE64 = EncoderModel("Base64.encode64", newline=True, wrap=60, better="Base64.strict_encode64")
_STRICT = EncoderModel("Base64.strict_encode64")
_URLSAFE = EncoderModel("Base64.urlsafe_encode64", alphabet="url", better="Base64.strict_encode64")
_PACK_M = EncoderModel("pack('m')", newline=True, wrap=60, better="pack('m0')", renames=False)

ENCODERS: Final[dict[str, EncoderModel]] = {
    "Base64.encode64": _ENCODE64,
    "Base64.strict_encode64": _STRICT,
    "Base64.urlsafe_encode64": _URLSAFE,
    "pack('m')": _PACK_M,
    "pack('m0')": EncoderModel("pack('m0')"),
}

TRANSFORMS: Final[dict[str, Transform]] = {
    ".chomp": Transform(".chomp", "strip_newline"),
    ".strip": Transform(".strip", "strip_newline"),
    ".rstrip": Transform(".rstrip", "strip_newline"),
    ".delete:\n": Transform('.delete("\\n")', "unwrap"),
    ".delete:\r\n": Transform('.delete("\\r\\n")', "unwrap"),
    ".gsub:\n": Transform('.gsub("\\n", "")', "unwrap"),
    ".tr:\n": Transform('.tr("\\n", "")', "unwrap"),
    ".delete:=": Transform(".delete('=')", "strip_padding"),
    ".gsub:=": Transform(".gsub('=', '')", "strip_padding"),
    ".tr:=": Transform(".tr('=', '')", "strip_padding"),
    ".to_s": Transform(".to_s", "keep"),
    ".to_str": Transform(".to_str", "keep"),
    ".b": Transform(".b", "keep"),
    ".force_encoding": Transform(".force_encoding", "keep"),
    ".freeze": Transform(".freeze", "keep"),
    ".inspect": Transform(".inspect", "repr", quote='"'),
    ".to_json": Transform(".to_json", "json"),
    "JSON.generate": Transform("JSON.generate", "json"),
}

HEADER_CALLS: Final = (
    HeaderCallSink("add_field"),
    HeaderCallSink("set_header"),
    HeaderCallSink("header"),
    HeaderCallSink("add"),
    HeaderCallSink("[]="),
)

PAIR_SINKS: Final = (
    PairSink(callee="basic_auth", context="basic_auth"),
    PairSink(callee="Razorpay.setup", context="Razorpay.setup"),
)

LANGUAGE: Final = Language(
    name="ruby",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=HEADER_CALLS,
    pair_sinks=PAIR_SINKS,
    bytes_to_text="decode",
    fallbacks=(r"\|\|", r"[ \t]or[ \t]", r"ENV\.fetch\("),
    call_open=r"[ \t]*\(|[ \t]+[\"':A-Za-z_@$]",  # `basic_auth(id, secret)`, `basic_auth id, secret`
)

_SINK_METHODS: Final = frozenset(
    {sink.method for sink in HEADER_CALLS} | {p.callee.rsplit(".", 1)[-1] for p in PAIR_SINKS}
)
# A construction that may start with the scheme (Sites.maybe_shaped decides).
_SCHEME_WORD: Final = lazy(r"basic|bearer", re.IGNORECASE)
_SCOPES: Final = frozenset({"method", "singleton_method"})
_TRANSPARENT: Final = frozenset({"parenthesized_statements", "begin_block"})
# `#{...}` in a single-quoted string: sent as is.
_HASH_FIELD: Final = lazy(r"#\{[^{}\n]{1,100}\}")
_DOUBLE_ESCAPES: Final = {
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "s": " ",
    "e": "\x1b",
    "0": "\0",
    "\\": "\\",
    '"': '"',
    "#": "#",
}
_FORMAT_SPEC: Final = lazy(r"%[-+ 0#]{0,4}[0-9]{0,5}(?:\.[0-9]+)?([a-zA-Z%])")


# The methods a call may reach in the same file: a `return`, and the body's last expression.
_FUNCTIONS: Final = "[(method) (singleton_method)] @def"
_RETURNS: Final = Returns(
    statements=frozenset({"return"}), blocks=frozenset({"body_statement"}), last=True
)


class Lowering:
    SCOPES = _SCOPES

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax
        self.text = syntax.text
        self.resolution = Resolution(syntax, self.lower)
        self.resolution.functions = Functions(self, _FUNCTIONS, self._name_of, returns=_RETURNS)
        # `auth_token` with no arguments is a call when no variable of that name is assigned.
        self.resolution.bare_calls = True
        self.sites = Sites()
        self._scan()

    def _src(self, node: Node) -> str:
        return self.syntax.source(node)

    def _name_of(self, definition: Node) -> str | None:
        name = definition.child_by_field_name("name")
        return None if name is None else self._src(name)

    def function_scope(self, definition: Node) -> Scope:
        return self.resolution.scopes[definition.id]  # the walk recorded every scope

    def _module(self) -> Scope:
        return self.resolution.scopes[0]

    # -- one walk ----------------------------------------------------------------------------

    def _scan(self) -> None:
        module = Scope(0, None)
        self.resolution.scopes[0] = module
        stack: list[tuple[Node, Scope]] = [(self.syntax.root, module)]
        while stack:
            node, scope = stack.pop()
            kind = node.type
            if kind in _SCOPES:
                inner = Scope(node.id, scope)
                self.resolution.scopes[node.id] = inner
                params = node.child_by_field_name("parameters")
                if params is not None:
                    self._params(params, inner)
                scope = inner
            elif kind in ("assignment", "operator_assignment"):
                self._assignment(node, scope)
            elif kind == "call":
                # Only the calls a table names are lowered (a chain lowered per link is quadratic).
                method = node.child_by_field_name("method")
                name = self._src(method).removesuffix("!") if method is not None else ""
                if name in _SINK_METHODS:
                    self._call_site(node, scope)
                elif name == "fetch":
                    self._fallback_site(node, scope)
                self._bang(node, scope)
            elif kind == "pair":
                self._pair_site(node, scope)
            elif kind == "binary":
                op = node.child_by_field_name("operator")
                if op is not None and op.type in ("||", "or"):
                    self._fallback_site(node, scope)
                if self._starts_with_scheme(node):
                    self.sites.maybe_shaped(self.lower(node, scope.node_id))
            elif (
                kind == "string"
                and self._starts_with_scheme(node)
                and any(c.type == "interpolation" for c in node.children)
            ):
                self.sites.maybe_shaped(self.lower(node, scope.node_id))
            stack.extend((child, scope) for child in reversed(node.named_children))

    def _starts_with_scheme(self, node: Node) -> bool:
        start = self.syntax.span(node)[0]
        return _SCHEME_WORD.search(self.text, start, start + 24) is not None

    def _params(self, params: Node, scope: Scope) -> None:
        for child in params.named_children:
            name = child if child.type == "identifier" else child.child_by_field_name("name")
            if name is not None and name.type == "identifier":
                scope.params[self._src(name)] = self.syntax.span(name)

    def _bang(self, node: Node, scope: Scope) -> None:
        """`value.delete!("\n")` changes `value` in place: as `value = value.delete("\n")`."""
        receiver = node.child_by_field_name("receiver")
        method = node.child_by_field_name("method")
        if receiver is None or method is None or not self._src(method).endswith("!"):
            return
        end = self.syntax.span(node)[1]
        if receiver.type == "identifier":
            scope.assignments.setdefault(self._src(receiver), []).append((end, node))
        elif receiver.type == "instance_variable":
            self._module().assignments.setdefault(self._src(receiver), []).append((end, node))

    def _assignment(self, node: Node, scope: Scope) -> None:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None or right is None:
            return
        end = self.syntax.span(node)[1]
        value = right if node.type == "assignment" else node
        if left.type == "identifier":
            scope.assignments.setdefault(self._src(left), []).append((end, value))
        elif left.type in ("instance_variable", "class_variable", "constant", "global_variable"):
            self._module().assignments.setdefault(self._src(left), []).append((end, value))
        elif left.type == "element_reference" and node.type == "assignment":
            keys = [c for c in left.named_children if c.type != "comment"][1:]
            if len(keys) == 1 and self._is_header_name(keys[0]):
                self.sites.headers.append(
                    HeaderSite(self.lower(right, scope.node_id), self.syntax.span(node), "header")
                )

    def _is_header_name(self, node: Node) -> bool:
        return is_header_name(self._key_text(node))

    def _key_text(self, node: Node) -> str:
        if node.type in ("hash_key_symbol", "simple_symbol"):
            return self._src(node).strip(":")
        lit = self.lower(node, 0)
        return lit.text if isinstance(lit, ir.Lit) else ""

    def _pair_site(self, node: Node, scope: Scope) -> None:
        key = node.child_by_field_name("key")
        value = node.child_by_field_name("value")
        if key is None or value is None:
            return
        name = self._key_text(key).strip().lower()
        span = self.syntax.span(node)
        if name in HEADER_NAMES:
            self.sites.headers.append(HeaderSite(self.lower(value, scope.node_id), span, "headers"))
        elif name == "basic_auth" and value.type == "hash":
            items = self.lower(value, scope.node_id)
            if isinstance(items, ir.Mapping):
                found = {k.text: v for k, v in items.items if isinstance(k, ir.Lit)}
                if "password" in found:
                    self.sites.pairs.append(
                        PairSite(found.get("username"), found["password"], span, "basic_auth:")
                    )

    def _call_site(self, node: Node, scope: Scope) -> None:
        call = self.lower(node, scope.node_id)
        if not isinstance(call, ir.Call):
            return
        last = call.method or call.callee.rsplit(".", 1)[-1]
        for sink in HEADER_CALLS:
            if last == sink.method and len(call.args) > max(sink.name_arg, sink.value_arg):
                name = call.args[sink.name_arg]
                if isinstance(name, ir.Lit) and is_header_name(name.text):
                    self.sites.headers.append(
                        HeaderSite(call.args[sink.value_arg], call.span, f"{last}()")
                    )
        for pair in PAIR_SINKS:
            if pair.callee in (last, call.callee) and len(call.args) > pair.positions[1]:
                i, j = pair.positions
                self.sites.pairs.append(
                    PairSite(call.args[i], call.args[j], call.span, pair.context)
                )

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
        options = conditional_options(node)
        if options is not None:  # `c ? a : b`: either value
            return ir.choice(tuple(self.lower(o, scope) for o in options), span)
        if kind in _TRANSPARENT:
            inner = [c for c in node.named_children if c.type != "comment"]
            return self.lower(inner[-1], scope) if inner else ir.Opaque(span)
        if kind == "string":
            return self._string(node, scope)
        if kind == "identifier":
            return ir.Name(self._src(node), span, scope)
        if kind in ("instance_variable", "class_variable", "constant", "global_variable"):
            return ir.Name(self._src(node), span, 0)
        if kind == "scope_resolution":
            name = node.child_by_field_name("name")
            return ir.Name(self._src(name), span, 0) if name is not None else ir.Opaque(span)
        if kind in ("simple_symbol", "hash_key_symbol"):
            text = self._src(node).strip(":")
            return ir.Lit(text, span, tuple(range(span[1] - len(text), span[1] + 1)))
        if kind == "binary":
            return self._binary(node, scope)
        if kind == "element_reference":
            named = [c for c in node.named_children if c.type != "comment"]
            if len(named) == 2:
                key = self.lower(named[1], scope)
                if self._src(named[0]) == "ENV" and isinstance(key, ir.Lit):
                    return ir.Env(key.text, span)
                return ir.Index(self.lower(named[0], scope), key, span)
            return ir.Opaque(span)
        if kind == "call":
            return self._call(node, scope)
        if kind == "array":
            return ir.Seq(
                tuple(self.lower(c, scope) for c in node.named_children if c.type != "comment"),
                span,
            )
        if kind == "hash":
            items: list[tuple[ir.Expr, ir.Expr]] = []
            for pair in node.named_children:
                key_node = pair.child_by_field_name("key")
                value = pair.child_by_field_name("value")
                if pair.type == "pair" and key_node is not None and value is not None:
                    key_span = self.syntax.span(key_node)
                    text = self._key_text(key_node)
                    items.append(
                        (
                            ir.Lit(
                                text,
                                key_span,
                                tuple(range(key_span[0], key_span[0] + len(text) + 1)),
                            ),
                            self.lower(value, scope),
                        )
                    )
            return ir.Mapping(tuple(items), span)
        if kind in ("false", "true", "nil"):
            return ir.Opaque(span, kind)
        return ir.Opaque(span, kind)

    def _binary(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        op = node.child_by_field_name("operator")
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if op is None or left is None or right is None:
            return ir.Opaque(span)
        if op.type in ("+", "<<"):
            return ir.Concat((self.lower(left, scope), self.lower(right, scope)), span)
        if op.type in ("||", "or"):
            return ir.Fallback(self.lower(left, scope), self.lower(right, scope), span)
        if op.type == "%":
            fmt = self.lower(left, scope)
            values = self.lower(right, scope)
            if isinstance(fmt, ir.Lit):
                items: list[ir.Expr] = (
                    list(values.items) if isinstance(values, ir.Seq) else [values]
                )
                return _format(fmt, items, span)
        return ir.Opaque(span)

    def _string(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        source = self.text[span[0] : span[0] + 3]
        single = source.startswith("'") or source.startswith("%q")
        if single:
            return self._single(node)
        parts: list[ir.Expr] = []
        builder = LitBuilder()
        for child in node.named_children:
            start, end = self.syntax.span(child)
            if child.type == "string_content":
                builder.verbatim(self.text[start:end], start)
            elif child.type == "escape_sequence":
                builder.escaped(_unescape(self.text[start:end]), start)
            elif child.type == "interpolation":
                if builder.chars:
                    parts.append(builder.build((start, start), start))
                    builder = LitBuilder()
                inner = [c for c in child.named_children if c.type != "comment"]
                value = self.lower(inner[-1], scope) if inner else ir.Opaque((start, end))
                parts.append(ir.Conversion(value, "str", (start, end), "interpolation"))
        if builder.chars or not parts:
            parts.append(builder.build(span, span[1] - 1, prose=self.syntax.prose_at(span[0])))
        return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)

    def _single(self, node: Node) -> ir.Lit:
        """'...': only `\\'` and `\\\\` are escapes; `#{x}` stays as written."""
        span = self.syntax.span(node)
        content = [c for c in node.named_children if c.type == "string_content"]
        builder = LitBuilder()
        text = self.text
        for child in content:
            i, end = self.syntax.span(child)
            while i < end:
                if text[i] == "\\" and i + 1 < end and text[i + 1] in "'\\":
                    builder.escaped(text[i + 1], i)
                    i += 2
                else:
                    builder.verbatim(text[i], i)
                    i += 1
        lit = builder.build(span, span[1] - 1, prose=self.syntax.prose_at(span[0]))
        found = tuple(m.span() for m in _HASH_FIELD.finditer(lit.text))
        if found:
            lit = ir.Lit(lit.text, lit.span, lit.offsets, lit.is_bytes, lit.prose, found)
        return lit

    def _call(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        receiver_node = node.child_by_field_name("receiver")
        method_node = node.child_by_field_name("method")
        arguments = node.child_by_field_name("arguments")
        if method_node is None:
            return ir.Opaque(span)
        method = self._src(method_node).removesuffix("!")  # `chomp!` changes what `chomp` returns
        args: list[ir.Expr] = []
        kwargs: list[tuple[str, ir.Expr]] = []
        if arguments is not None:
            for a in arguments.named_children:
                if a.type == "pair":
                    key = a.child_by_field_name("key")
                    value = a.child_by_field_name("value")
                    if key is not None and value is not None:
                        kwargs.append((self._key_text(key), self.lower(value, scope)))
                elif a.type != "comment":
                    args.append(self.lower(a, scope))
        name_span = self.syntax.span(method_node)
        if receiver_node is None:
            if method in ("format", "sprintf") and args and isinstance(args[0], ir.Lit):
                return _format(args[0], list(args[1:]), span)
            return ir.Call(method, tuple(args), tuple(kwargs), span, name_span=name_span)
        receiver = self.lower(receiver_node, scope)
        head = ir.dotted(receiver)
        if head == "ENV" and method == "fetch" and args and isinstance(args[0], ir.Lit):
            env = ir.Env(args[0].text, span)
            return ir.Fallback(env, args[1], span) if len(args) > 1 else env
        if method == "join" and isinstance(receiver, ir.Seq):
            separator = args[0] if args else ir.Lit("", span, (span[1],))
            return _join(receiver, separator, span)
        if (
            method == "pack"
            and isinstance(receiver, ir.Seq)
            and len(receiver.items) == 1
            and args
            and isinstance(args[0], ir.Lit)
        ):
            # `[text].pack('m0')`: an encoder of the one element (keyed by its directive).
            directive = f"pack('{args[0].text}')"
            return ir.Call(directive, (receiver.items[0],), (), span, name_span=name_span)
        if receiver_node.type == "self":
            head = "self"
        callee = f"{head}.{method}" if head else ""
        return ir.Call(callee, tuple(args), tuple(kwargs), span, receiver, method, name_span)


def _format(fmt: ir.Lit, values: list[ir.Expr], span: ir.Span) -> ir.Expr:
    parts: list[ir.Expr] = []
    position = 0
    for match in _FORMAT_SPEC.finditer(fmt.text):
        if match.start() > position:
            parts.append(sub_lit(fmt, position, match.start()))
        if match.group(1) == "%":
            parts.append(sub_lit(fmt, match.start() + 1, match.end()))
        elif match.group(1) in "sd":
            value = values.pop(0) if values else ir.Opaque(span)
            parts.append(ir.Conversion(value, "str", value.span, "format"))
        elif match.group(1) == "p":
            value = values.pop(0) if values else ir.Opaque(span)
            parts.append(ir.Conversion(value, "repr", value.span, "format %p", quote='"'))
        else:
            parts.append(ir.Opaque(span))
        position = match.end()
    if position < len(fmt.text):
        parts.append(sub_lit(fmt, position, len(fmt.text)))
    if not parts:
        return sub_lit(fmt, 0, 0)
    return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)


def _join(items: ir.Seq, separator: ir.Expr, span: ir.Span) -> ir.Expr:
    parts: list[ir.Expr] = []
    for index, item in enumerate(items.items):
        if index:
            parts.append(separator)
        parts.append(item)
    if not parts:
        return ir.Lit("", span, (span[1],))
    return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)


def _unescape(source: str) -> str:
    body = source[1:]
    if not body:
        return source
    if body[0] in _DOUBLE_ESCAPES and not (body[0] == "0" and len(body) > 1):
        return _DOUBLE_ESCAPES[body[0]]
    try:
        if body[0] == "x":
            return chr(int(body[1:], 16))
        if body[0] == "u":
            digits = body[2:-1] if body.startswith("u{") else body[1:]
            return chr(int(digits, 16))
    except ValueError:
        return source
    if body[0] == "\n":
        return ""
    return body


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    """Every site of the (possibly partial) tree: one walk; ``offsets`` are not needed."""
    lowering = Lowering(syntax)
    return lowering.sites.finish(), lowering.resolution

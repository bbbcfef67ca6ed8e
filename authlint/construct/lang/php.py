"""PHP: tables (encoders, transforms, sinks) and the lowering of tree-sitter-php trees.

Sinks: an `'Authorization' => ...` array element (Guzzle's `headers`, stream contexts), a
header line `"Authorization: ..."` in an array (`CURLOPT_HTTPHEADER`), PSR-7 `withHeader()`,
`CURLOPT_USERPWD`, Guzzle's `'auth' => [$id, $secret]` and the Razorpay SDK's `new Api($key,
$secret)`. `$this->x` is one class-wide binding; `self::X` / `static::X` read class constants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from authlint.construct import ir
from authlint.construct.branches import conditional_options
from authlint.construct.calls import Functions, Returns
from authlint.construct.lower import LitBuilder, Resolution, Scope, Sites, header_line, sub_lit
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
from authlint.extract.code import is_auth_list
from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# --- tables ---------------------------------------------------------------------------------

# chunk_split(base64_encode($x)) is lowered as one call: it breaks the base64 every 76
# characters with CRLF, the last line too (php.net: chunk_split).
_CHUNKED = EncoderModel(
    "chunk_split(base64_encode(...))",
    wrap=76,
    line_break="\r\n",
    wrap_ends=True,
    better="base64_encode",
    renames=False,
)
_STRTR_URL = EncoderModel(
    "strtr(base64_encode(...), '+/', '-_')",
    alphabet="url",
    better="base64_encode",
    renames=False,
)

ENCODERS: Final[dict[str, EncoderModel]] = {
    "base64_encode": EncoderModel("base64_encode"),
    "chunk_split(base64_encode)": _CHUNKED,
    "strtr(base64_encode)": _STRTR_URL,
    "sodium_bin2base64": EncoderModel("sodium_bin2base64"),
}

TRANSFORMS: Final[dict[str, Transform]] = {
    ".rtrim:=": Transform("rtrim(..., '=')", "strip_padding"),
    ".trim:=": Transform("trim(..., '=')", "strip_padding"),
    ".str_replace:=": Transform("str_replace('=', '', ...)", "strip_padding"),
    ".rtrim:": Transform("rtrim()", "strip_newline"),
    ".trim:": Transform("trim()", "strip_newline"),
    ".str_replace:\r\n": Transform('str_replace("\\r\\n", "", ...)', "unwrap"),
    ".str_replace:\n": Transform('str_replace("\\n", "", ...)', "unwrap"),
    "strval": Transform("strval()", "str"),
    "var_export": Transform("var_export()", "repr"),
    "json_encode": Transform("json_encode", "json"),
    "urlencode": Transform("urlencode()", "keep"),
}

HEADER_CALLS: Final = (
    HeaderCallSink("withHeader"),
    HeaderCallSink("withAddedHeader"),
    HeaderCallSink("setHeader"),
    HeaderCallSink("addHeader"),
)

PAIR_SINKS: Final = (
    # The Razorpay SDK's class: `Api` alone is any API, its import names the SDK.
    PairSink(callee="Api", context="new Api", module="Razorpay\\Api\\Api"),
    PairSink(callee="setAuth", context="setAuth()"),
    PairSink(keyword="auth", context="'auth' =>"),
)

LANGUAGE: Final = Language(
    name="php",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=HEADER_CALLS,
    pair_sinks=PAIR_SINKS,
    bytes_to_text="decode",
    # `??`, `?:`, `or`, `||`; `getenv`, Laravel's `env('X', 'default')`.
    fallbacks=(r"\?\?", r"\?:", r"[ \t]or[ \t]", r"\|\|", r"(?<![\w$])(?:getenv|env)\("),
)

_ENV_CALLS: Final = frozenset({"getenv", "env"})
_ENV_ARRAYS: Final = frozenset({"_ENV", "_SERVER"})
_SINK_CALLS: Final = frozenset(
    {sink.method for sink in HEADER_CALLS}
    | {p.callee for p in PAIR_SINKS if p.callee}
    | {"curl_setopt", "header"}
)
# A construction that may start with the scheme (Sites.maybe_shaped decides).
_SCHEME_WORD: Final = lazy(r"basic|bearer", re.IGNORECASE)
_CONSTANT: Final = lazy(
    r"\bdefine[ \t]*\([ \t]*[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']|\bconst[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*="
)
_HEADER_WORD: Final = lazy(r"authorization", re.IGNORECASE)
# printf-style formatting: `sprintf('Basic %s', $t)`, `vsprintf($format, [$t])`.
_FORMAT_CALLS: Final = frozenset({"sprintf", "vsprintf"})
_SCOPES: Final = frozenset(
    {"function_definition", "method_declaration", "anonymous_function", "arrow_function"}
)
_TRANSPARENT: Final = frozenset({"parenthesized_expression", "argument"})
# `$name` or `{$...}` in a single-quoted string: sent as is.
_DOLLAR: Final = lazy(r"\{?\$[A-Za-z_][A-Za-z0-9_]{0,60}(?:->[A-Za-z_][A-Za-z0-9_]*)?\}?")
_DOUBLE_ESCAPES: Final = {
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "e": "\x1b",
    "f": "\f",
    "\\": "\\",
    "$": "$",
    '"': '"',
    "0": "\0",
}
_SPRINTF_SPEC: Final = lazy(r"%(?:[0-9]+\$)?[-+ 0]{0,4}(?:'.)?[0-9]{0,5}(?:\.[0-9]+)?([a-zA-Z%])")


# The functions and methods a call may reach in the same file, and how they return.
_FUNCTIONS: Final = "[(function_definition) (method_declaration)] @def"
_RETURNS: Final = Returns(blocks=frozenset({"compound_statement"}))


class Lowering:
    SCOPES = _SCOPES

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax
        self.text = syntax.text
        self.resolution = Resolution(syntax, self.lower)
        self.resolution.functions = Functions(
            self, _FUNCTIONS, self._name_of, returns=_RETURNS, closure_of=self._closure
        )
        self.sites = Sites()
        # The constants the file defines (`define('NAME', ...)`, `const NAME = ...`), known
        # before the walk lowers a use above the definition.
        self._constants = frozenset(m.group(1) or m.group(2) for m in _CONSTANT.finditer(self.text))
        self._scan()

    def _src(self, node: Node) -> str:
        return self.syntax.source(node)

    def _name_of(self, definition: Node) -> str | None:
        name = definition.child_by_field_name("name")
        return None if name is None else self._src(name)

    def _closure(self, call: ir.Call) -> Node | None:
        """The closure or arrow function a variable holds where it is called (`$f($x)`)."""
        name = call.receiver
        if not isinstance(name, ir.Name) or call.method:
            return None
        scope = self.resolution.scopes.get(name.scope)
        inner = True
        while scope is not None:
            node = scope.before(name.name, name.span[0]) if inner else scope.last(name.name)
            if node is not None or name.name in scope.params:
                kinds = ("anonymous_function", "arrow_function")
                return node if node is not None and node.type in kinds else None
            scope, inner = scope.parent, False
        return None

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
            elif kind in ("assignment_expression", "augmented_assignment_expression"):
                self._assignment(node, scope)
            elif kind == "const_element":
                named = node.named_children
                if len(named) >= 2 and named[0].type == "name":
                    end = self.syntax.span(node)[1]
                    module.assignments.setdefault(self._src(named[0]), []).append((end, named[-1]))
            elif kind == "property_element":
                name = node.child_by_field_name("name")
                value = node.child_by_field_name("default_value")
                if name is not None and value is not None:
                    end = self.syntax.span(node)[1]
                    target = "this." + self._src(name).lstrip("$")
                    module.assignments.setdefault(target, []).append((end, value))
            elif kind in (
                "function_call_expression",
                "member_call_expression",
                "object_creation_expression",
                "scoped_call_expression",
                "nullsafe_member_call_expression",
            ):
                # Only the calls a table names are lowered (a chain lowered per link is quadratic).
                callee = self._callee_name(node)
                if callee in _SINK_CALLS:
                    self._call_site(node, scope)
                elif callee == "define":
                    self._define(node, module)
                elif callee in _FORMAT_CALLS and (
                    self._starts_with_scheme(node) or self._names_header(node)
                ):
                    # A header value or line formatted outside a sink and passed on later
                    # (`$auth = sprintf('Authorization: Basic %s', ...)`, then `[$auth]`).
                    self.sites.maybe_shaped(self.lower(node, scope.node_id))
            elif kind == "array_element_initializer":
                self._element_site(node, scope)
            elif kind == "binary_expression":
                op = node.child_by_field_name("operator")
                if op is not None and op.type in ("??", "?:", "or", "||"):
                    self._fallback_site(node, scope)
                if self._starts_with_scheme(node):
                    self.sites.maybe_shaped(self.lower(node, scope.node_id))
            elif kind == "conditional_expression":
                self._fallback_site(node, scope)
            elif kind in ("encapsed_string", "heredoc") and (
                self._starts_with_scheme(node) or self._names_header(node)
            ):
                self.sites.maybe_shaped(self.lower(node, scope.node_id))
            stack.extend((child, scope) for child in reversed(node.named_children))

    def _define(self, node: Node, module: Scope) -> None:
        """`define('NAME', value)`: a module constant, like `const NAME = value`."""
        arguments = node.child_by_field_name("arguments")
        args = (
            []
            if arguments is None
            else [a for a in arguments.named_children if a.type == "argument"]
        )
        if len(args) < 2:
            return
        name = self.lower(args[0], 0)
        if isinstance(name, ir.Lit) and name.text in self._constants:
            end = self.syntax.span(node)[1]
            module.assignments.setdefault(name.text, []).append((end, args[1]))

    def _starts_with_scheme(self, node: Node) -> bool:
        start = self.syntax.span(node)[0]
        return _SCHEME_WORD.search(self.text, start, start + 24) is not None

    def _names_header(self, node: Node) -> bool:
        """An `Authorization:` line in an interpolated string or heredoc (a raw header block)."""
        start, end = self.syntax.span(node)
        return _HEADER_WORD.search(self.text, start, end) is not None

    def _callee_name(self, node: Node) -> str:
        name = node.child_by_field_name("function") or node.child_by_field_name("name")
        if name is None:
            name = next(
                (c for c in node.named_children if c.type in ("name", "qualified_name")), None
            )
        return "" if name is None else self._src(name).rsplit("\\", 1)[-1]

    def _params(self, params: Node, scope: Scope) -> None:
        for child in params.named_children:
            name = child.child_by_field_name("name")
            if name is None:
                continue
            scope.params[self._src(name).lstrip("$")] = self.syntax.span(name)
            if child.type == "property_promotion_parameter":
                # `private string $key`: the property holds the argument.
                self._module().assignments.setdefault(
                    "this." + self._src(name).lstrip("$"), []
                ).append((self.syntax.span(child)[1], name))

    def _target(self, node: Node) -> str:
        if node.type == "variable_name":
            return self._src(node).lstrip("$")
        if node.type == "member_access_expression":
            obj = node.child_by_field_name("object")
            prop = node.child_by_field_name("name")
            if obj is not None and prop is not None and self._src(obj) == "$this":
                return "this." + self._src(prop)
        return ""

    def _assignment(self, node: Node, scope: Scope) -> None:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None or right is None:
            return
        end = self.syntax.span(node)[1]
        value = right if node.type == "assignment_expression" else node
        target = self._target(left)
        if target.startswith("this."):
            self._module().assignments.setdefault(target, []).append((end, value))
        elif target:
            scope.assignments.setdefault(target, []).append((end, value))
        elif left.type == "subscript_expression" and node.type == "assignment_expression":
            index = [c for c in left.named_children if c.type != "comment"]
            span = self.syntax.span(node)
            if len(index) == 2 and self._is_header_name(index[1]):
                self.sites.headers.append(
                    HeaderSite(self.lower(right, scope.node_id), span, "header")
                )
            elif len(index) == 1:  # `$headers[] = "Authorization: ..."`
                header = header_line(self.lower(right, scope.node_id))
                if header is not None:
                    self.sites.headers.append(HeaderSite(header, span, "header line"))

    def _is_header_name(self, node: Node) -> bool:
        lit = self.lower(node, 0)
        return isinstance(lit, ir.Lit) and is_header_name(lit.text)

    def _element_site(self, node: Node, scope: Scope) -> None:
        named = [c for c in node.named_children if c.type != "comment"]
        span = self.syntax.span(node)
        if len(named) == 2:
            key, value = named
            key_lit = self.lower(key, 0)
            name = key_lit.text.strip().lower() if isinstance(key_lit, ir.Lit) else ""
            if name in HEADER_NAMES:
                self.sites.headers.append(
                    HeaderSite(self.lower(value, scope.node_id), span, "headers")
                )
            elif name == "auth" and value.type == "array_creation_expression":
                items = self.lower(value, scope.node_id)
                if (
                    isinstance(items, ir.Seq)
                    and len(items.items) >= 2
                    and is_auth_list(
                        [i.text if isinstance(i, ir.Lit) else None for i in items.items[2:]]
                    )
                ):
                    self.sites.pairs.append(
                        PairSite(items.items[0], items.items[1], span, "'auth' =>")
                    )
            elif name == "header":
                # A stream context's `'header' => "Authorization: ...\r\nAccept: ...\r\n"`: a
                # header block, one line per header (php.net: HTTP context options).
                header = header_line(self.lower(value, scope.node_id), block=True)
                if header is not None:
                    self.sites.headers.append(HeaderSite(header, span, "header line"))
            elif self._src(key) == "CURLOPT_USERPWD":
                self.sites.pairs.append(
                    PairSite(None, self.lower(value, scope.node_id), span, "CURLOPT_USERPWD")
                )
        elif len(named) == 1 and _HEADER_WORD.search(self.text, span[0], span[0] + 40):
            header = header_line(self.lower(named[0], scope.node_id))
            if header is not None:
                self.sites.headers.append(HeaderSite(header, span, "header line"))

    def _call_site(self, node: Node, scope: Scope) -> None:
        call = self.lower(node, scope.node_id)
        if not isinstance(call, ir.Call):
            return
        last = call.method or call.callee.rsplit(".", 1)[-1]
        span = call.span
        for sink in HEADER_CALLS:
            if last == sink.method and len(call.args) > max(sink.name_arg, sink.value_arg):
                name = call.args[sink.name_arg]
                if isinstance(name, ir.Lit) and is_header_name(name.text):
                    self.sites.headers.append(
                        HeaderSite(call.args[sink.value_arg], span, f"{last}()")
                    )
        if last == "curl_setopt" and len(call.args) == 3:
            option = call.args[1]
            if isinstance(option, ir.Opaque) and option.what == "CURLOPT_USERPWD":
                self.sites.pairs.append(PairSite(None, call.args[2], span, "CURLOPT_USERPWD"))
        if last == "header" and call.args:
            header = header_line(call.args[0])
            if header is not None:
                self.sites.headers.append(HeaderSite(header, span, "header()"))
        for pair in PAIR_SINKS:
            if pair.callee and last == pair.callee and len(call.args) > pair.positions[1]:
                i, j = pair.positions
                self.sites.pairs.append(PairSite(call.args[i], call.args[j], span, pair.context))

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
        if kind in _TRANSPARENT:
            inner = [c for c in node.named_children if c.type != "comment"]
            return self.lower(inner[-1], scope) if inner else ir.Opaque(span)
        if kind == "string":
            return self._single(node)
        if kind == "encapsed_string":
            return self._double(node, scope)
        if kind in ("heredoc", "nowdoc"):
            return self._heredoc(node, scope)
        if kind == "variable_name":
            return ir.Name(self._src(node).lstrip("$"), span, scope)
        if kind == "member_access_expression":
            target = self._target(node)
            if target:
                return ir.Name(target, span, scope)
            return ir.Opaque(span)
        if kind == "class_constant_access_expression":
            named = node.named_children
            if named and named[-1].type == "name":
                return ir.Name(self._src(named[-1]), span, 0)
            return ir.Opaque(span)
        if kind == "name":
            name = self._src(node)
            if name in self._constants:
                return ir.Name(name, span, 0)  # a constant the file defines
            return ir.Opaque(span, name)  # a constant from elsewhere (CURLOPT_...)
        if kind == "cast_expression":
            value = node.child_by_field_name("value")
            return self.lower(value, scope) if value is not None else ir.Opaque(span)
        if kind == "binary_expression":
            return self._binary(node, scope)
        if kind == "match_expression":  # `match ($m) { 'a' => x, default => y }`: any arm
            options = conditional_options(node)
            if options is None:
                return ir.Opaque(span)
            return ir.choice(tuple(self.lower(o, scope) for o in options), span)
        if kind == "conditional_expression":
            condition = node.child_by_field_name("condition")
            body = node.child_by_field_name("body")
            alternative = node.child_by_field_name("alternative")
            if condition is not None and body is None and alternative is not None:
                return ir.Fallback(
                    self.lower(condition, scope), self.lower(alternative, scope), span
                )
            if body is not None and alternative is not None:  # `c ? a : b`: either value
                return ir.choice((self.lower(body, scope), self.lower(alternative, scope)), span)
            return ir.Opaque(span)
        if kind == "subscript_expression":
            named = [c for c in node.named_children if c.type != "comment"]
            if len(named) == 2:
                key = self.lower(named[1], scope)
                base = self._src(named[0]).lstrip("$")
                if base in _ENV_ARRAYS and isinstance(key, ir.Lit):
                    return ir.Env(key.text, span)
                return ir.Index(self.lower(named[0], scope), key, span)
            return ir.Opaque(span)
        if kind == "array_creation_expression":
            return self._array(node, scope)
        if kind in (
            "function_call_expression",
            "member_call_expression",
            "nullsafe_member_call_expression",
            "scoped_call_expression",
            "object_creation_expression",
        ):
            return self._call(node, scope)
        if kind == "boolean":
            return ir.Opaque(span, self._src(node).lower())
        return ir.Opaque(span, kind)

    def _binary(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        op = node.child_by_field_name("operator")
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if op is None or left is None or right is None:
            return ir.Opaque(span)
        if op.type == ".":
            return ir.Concat((self.lower(left, scope), self.lower(right, scope)), span)
        if op.type in ("??", "?:", "or", "||"):
            return ir.Fallback(self.lower(left, scope), self.lower(right, scope), span)
        return ir.Opaque(span)

    def _array(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        pairs: list[tuple[ir.Expr, ir.Expr]] = []
        items: list[ir.Expr] = []
        for element in node.named_children:
            if element.type != "array_element_initializer":
                continue
            named = [c for c in element.named_children if c.type != "comment"]
            if len(named) == 2:
                pairs.append((self.lower(named[0], scope), self.lower(named[1], scope)))
            elif len(named) == 1:
                items.append(self.lower(named[0], scope))
        if pairs and not items:
            return ir.Mapping(tuple(pairs), span)
        return ir.Seq(tuple(items), span)

    def _single(self, node: Node) -> ir.Lit:
        """'...': only `\\'` and `\\\\` are escapes; `$x` stays as written."""
        span = self.syntax.span(node)
        builder = LitBuilder()
        text = self.text
        i, end = span[0] + 1, span[1] - 1
        while i < end:
            if text[i] == "\\" and i + 1 < end and text[i + 1] in "'\\":
                builder.escaped(text[i + 1], i)
                i += 2
            else:
                builder.verbatim(text[i], i)
                i += 1
        lit = builder.build(span, end, prose=self.syntax.prose_at(span[0]))
        found = tuple(m.span() for m in _DOLLAR.finditer(lit.text))
        if found:
            lit = ir.Lit(lit.text, lit.span, lit.offsets, lit.is_bytes, lit.prose, found)
        return lit

    def _double(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        parts: list[ir.Expr] = []
        builder = LitBuilder()
        for child in node.named_children:
            start, end = self.syntax.span(child)
            if child.type == "string_content":
                builder.verbatim(self.text[start:end], start)
            elif child.type == "escape_sequence":
                builder.escaped(_unescape(self.text[start:end]), start)
            else:
                if builder.chars:
                    parts.append(builder.build((start, start), start))
                    builder = LitBuilder()
                if child.type == "dynamic_variable_name":
                    inner = [c for c in child.named_children if c.type == "name"]
                    value: ir.Expr = (
                        ir.Name(self._src(inner[0]), (start, end), scope)
                        if inner
                        else ir.Opaque((start, end))
                    )
                else:
                    value = self.lower(child, scope)
                parts.append(ir.Conversion(value, "str", (start, end), "interpolation"))
        if builder.chars or not parts:
            parts.append(builder.build(span, span[1] - 1))
        return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)

    def _heredoc(self, node: Node, scope: int) -> ir.Expr:
        """`<<<EOT` (interpolated like a double-quoted string) and `<<<'EOT'` (as is): the
        lines between the opening line and the closing marker's line."""
        span = self.syntax.span(node)
        body = next((c for c in node.children if c.type in ("heredoc_body", "nowdoc_body")), None)
        if body is None:
            return ir.Lit("", span, (span[1],))
        start, end = self.syntax.span(body)
        pos = start + 1 if self.text.startswith("\n", start) else start
        parts: list[ir.Expr] = []
        builder = LitBuilder()
        for child in body.children:
            child_start, child_end = self.syntax.span(child)
            if child_start > pos:
                builder.verbatim(self.text[pos:child_start], pos)  # the line breaks between
            pos = max(pos, child_end)
            if child.type in ("string_content", "nowdoc_string", "string_value"):
                builder.verbatim(self.text[child_start:child_end], child_start)
            elif child.type == "escape_sequence":
                builder.escaped(_unescape(self.text[child_start:child_end]), child_start)
            elif child.is_named:
                if builder.chars:
                    parts.append(builder.build((child_start, child_start), child_start))
                    builder = LitBuilder()
                value = self.lower(child, scope)
                span_child = (child_start, child_end)
                parts.append(ir.Conversion(value, "str", span_child, "interpolation"))
        if end > pos:
            builder.verbatim(self.text[pos:end], pos)
        if builder.chars or not parts:
            parts.append(builder.build(span, end))
        return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)

    def _call(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        kind = node.type
        arguments = node.child_by_field_name("arguments")
        if arguments is None:
            arguments = next((c for c in node.named_children if c.type == "arguments"), None)
        args: list[ir.Expr] = []
        if arguments is not None:
            args = [
                self.lower(a, scope)
                for a in arguments.named_children
                if a.type == "argument" and a.child_by_field_name("name") is None
            ]
        callee = ""
        method = ""
        receiver: ir.Expr | None = None
        name_node: Node | None = None
        if kind == "function_call_expression":
            name_node = node.child_by_field_name("function")
            if name_node is not None and name_node.type in ("name", "qualified_name"):
                callee = self._src(name_node).lstrip("\\").rsplit("\\", 1)[-1]
            elif name_node is not None and name_node.type == "variable_name":
                receiver = self.lower(name_node, scope)  # `$f($x)`: the closure `$f` holds
        elif kind == "object_creation_expression":
            name_node = next(
                (c for c in node.named_children if c.type in ("name", "qualified_name")), None
            )
            if name_node is not None:
                callee = self._src(name_node).lstrip("\\").rsplit("\\", 1)[-1]
        elif kind == "scoped_call_expression":
            scope_node = node.child_by_field_name("scope")
            name_node = node.child_by_field_name("name")
            if scope_node is not None and name_node is not None:
                head = self._src(scope_node).lstrip("\\").rsplit("\\", 1)[-1]
                callee = f"{head}.{self._src(name_node)}"
        else:
            obj = node.child_by_field_name("object")
            name_node = node.child_by_field_name("name")
            if obj is not None and name_node is not None:
                method = self._src(name_node)
                receiver = self.lower(obj, scope)
                head = ir.dotted(receiver)
                callee = f"{head}.{method}" if head else ""
        name_span = self.syntax.span(name_node) if name_node is not None else span
        if callee in _ENV_CALLS and args and isinstance(args[0], ir.Lit):
            env = ir.Env(args[0].text, span)
            if len(args) > 1:
                return ir.Fallback(env, args[1], span)  # Laravel's env('X', 'default')
            return env
        if callee in _FORMAT_CALLS and args and isinstance(args[0], ir.Lit):
            values = list(args[1:])
            if callee == "vsprintf" and values and isinstance(values[0], ir.Seq):
                values = list(values[0].items)
            return _sprintf(args[0], values, span)
        if callee in ("implode", "join") and len(args) == 2 and isinstance(args[1], ir.Seq):
            return _implode(args[0], args[1], span)
        if callee in ("implode", "join") and len(args) == 1 and isinstance(args[0], ir.Seq):
            # `implode($pieces)`: the separator defaults to "" (php.net: implode).
            at = args[0].span[0]
            return _implode(ir.Lit("", (at, at), (at,)), args[0], span)
        if callee in ("chunk_split", "strtr") and args:
            inner = args[0]
            if isinstance(inner, ir.Call) and inner.callee == "base64_encode":
                if callee == "chunk_split" and len(args) == 1:
                    return ir.Call(
                        "chunk_split(base64_encode)", inner.args, (), span, name_span=name_span
                    )
                if callee == "strtr" and [_text(a) for a in args[1:]] == ["+/", "-_"]:
                    return ir.Call(
                        "strtr(base64_encode)", inner.args, (), span, name_span=name_span
                    )
            return ir.Call(callee, tuple(args), (), span, name_span=name_span)
        if callee in ("rtrim", "trim") and args:
            # As a method of its first argument: the table keys on the characters trimmed.
            return ir.Call("", tuple(args[1:]), (), span, args[0], callee, name_span)
        if callee == "str_replace" and len(args) == 3 and _text(args[1]) == "":
            return ir.Call("", (args[0],), (), span, args[2], "str_replace", name_span)
        return ir.Call(callee, tuple(args), (), span, receiver, method, name_span)


def _text(expr: ir.Expr) -> str | None:
    return expr.text if isinstance(expr, ir.Lit) else None


def _sprintf(fmt: ir.Lit, values: list[ir.Expr], span: ir.Span) -> ir.Expr:
    parts: list[ir.Expr] = []
    position = 0
    for match in _SPRINTF_SPEC.finditer(fmt.text):
        if match.start() > position:
            parts.append(sub_lit(fmt, position, match.start()))
        if match.group(1) == "%":
            parts.append(sub_lit(fmt, match.start() + 1, match.end()))
        elif match.group(1) in "sd":
            value = values.pop(0) if values else ir.Opaque(span)
            parts.append(ir.Conversion(value, "str", value.span, "sprintf"))
        else:
            parts.append(ir.Opaque(span))
        position = match.end()
    if position < len(fmt.text):
        parts.append(sub_lit(fmt, position, len(fmt.text)))
    if not parts:
        return sub_lit(fmt, 0, 0)
    return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)


def _implode(separator: ir.Expr, items: ir.Seq, span: ir.Span) -> ir.Expr:
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
            return chr(int(body[2:-1], 16))
        if body[0] in "01234567":
            return chr(int(body, 8))
    except ValueError:
        return source
    return source


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    """Every site of the file: one walk over the whole tree (a partial parse of PHP loses the
    `<?php` tag that makes the rest code); ``offsets`` are not needed."""
    syntax = syntax.full()
    lowering = Lowering(syntax)
    return lowering.sites.finish(), lowering.resolution

"""HCL (Terraform): tables (functions) and the lowering of tree-sitter-hcl trees.

Terraform's names are declarations, not statements: `var.x` is the variable's `default` (what
runs unless the caller sets it) and `local.x` its `locals` entry, wherever they are written.
Sinks: an `Authorization` key in any object (`request_headers` of the http data source,
provider `headers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from authlint.construct import ir
from authlint.construct.lower import (
    AnchoredLowering,
    LitBuilder,
    Resolution,
    Scope,
    Sites,
    sub_lit,
)
from authlint.construct.models import (
    EncoderModel,
    Language,
    Transform,
    is_header_name,
)
from authlint.construct.sites import HeaderSite
from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# --- tables ---------------------------------------------------------------------------------

ENCODERS: Final[dict[str, EncoderModel]] = {
    "base64encode": EncoderModel("base64encode"),
}

TRANSFORMS: Final[dict[str, Transform]] = {
    ".replace:=": Transform('replace(..., "=", "")', "strip_padding"),
    ".replace:\n": Transform('replace(..., "\\n", "")', "unwrap"),
    "trimspace": Transform("trimspace()", "strip_newline"),
    "chomp": Transform("chomp()", "strip_newline"),
    "tostring": Transform("tostring()", "keep"),
    "sensitive": Transform("sensitive()", "keep"),
    "nonsensitive": Transform("nonsensitive()", "keep"),
    "jsonencode": Transform("jsonencode()", "json"),
}

LANGUAGE: Final = Language(
    name="terraform",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=(),
    pair_sinks=(),
    bytes_to_text="decode",
    fallbacks=(r"coalesce\(", r"try\("),
)

# A construction that may start with the scheme (Sites.maybe_shaped decides).
_SCHEME_WORD: Final = lazy(r"basic|bearer", re.IGNORECASE)
_ESCAPES: Final = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_FORMAT_SPEC: Final = lazy(r"%[-+ #0]{0,4}[0-9]{0,5}(?:\.[0-9]+)?([a-zA-Z%])")
_ESCAPE: Final = lazy(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|\$\$\{|%%\{", re.DOTALL)


class Lowering(AnchoredLowering):
    """The sites near the prefilter's anchors; `locals` and `variable` blocks are read when a
    name is first resolved (one module scope: Terraform has no functions of its own)."""

    ASSIGNMENTS = "(block) @assign"

    def _src(self, node: Node) -> str:
        return self.syntax.source(node)

    # -- sites, found from the anchors -------------------------------------------------------

    def on_object_elem(self, node: Node, scope: Scope) -> None:
        self._element_site(node)

    def on_template_expr(self, node: Node, scope: Scope) -> None:
        start = self.syntax.span(node)[0]
        if _SCHEME_WORD.search(self.text, start, start + 24) is not None:
            self.sites.maybe_shaped(self.lower(node, 0))

    # -- the module's names ------------------------------------------------------------------

    def params(self, scope_node: Node, scope: Scope) -> None:
        """No scope but the module's."""

    def record(self, assign: Node, scope: Scope) -> None:
        self._block(assign, scope)

    def _block(self, node: Node, module: Scope) -> None:
        named = node.named_children
        if not named or named[0].type != "identifier":
            return
        kind = self._src(named[0])
        body = next((c for c in named if c.type == "body"), None)
        if body is None:
            return
        attributes = [c for c in body.named_children if c.type == "attribute"]
        if kind == "locals":
            for attribute in attributes:
                self._bind(module, "local.", attribute)
        elif kind == "variable" and len(named) > 1 and named[1].type == "string_lit":
            name = self._label(named[1])
            for attribute in attributes:
                parts = attribute.named_children
                if parts and self._src(parts[0]) == "default" and len(parts) > 1:
                    # Declarations hold everywhere in the module: bound before any use.
                    module.assignments.setdefault(f"var.{name}", []).append((0, parts[-1]))

    def _bind(self, module: Scope, prefix: str, attribute: Node) -> None:
        parts = attribute.named_children
        if len(parts) > 1 and parts[0].type == "identifier":
            module.assignments.setdefault(prefix + self._src(parts[0]), []).append((0, parts[-1]))

    def _label(self, node: Node) -> str:
        lit = self.lower(node, 0)
        return lit.text if isinstance(lit, ir.Lit) else ""

    def _element_site(self, node: Node) -> None:
        key = node.child_by_field_name("key")
        value = node.child_by_field_name("val")
        if key is None or value is None:
            return
        lowered = self.lower(key, 0)
        if isinstance(lowered, ir.Lit):
            name = lowered.text
        elif isinstance(lowered, ir.Name) and "." not in lowered.name:
            name = lowered.name
        else:
            return
        if is_header_name(name):
            self.sites.headers.append(
                HeaderSite(self.lower(value, 0), self.syntax.span(node), "request headers")
            )

    # -- expressions -------------------------------------------------------------------------

    def lower(self, node: Node, scope: int) -> ir.Expr:
        kind = node.type
        span = self.syntax.span(node)
        if kind in ("expression", "literal_value", "template_expr", "collection_value"):
            inner = [c for c in node.named_children if c.type != "comment"]
            if len(inner) == 1:
                return self.lower(inner[0], scope)
            if kind == "expression" and len(inner) > 1:
                return self._reference(inner, span, scope)
            return ir.Opaque(span, kind)
        if kind in ("string_lit", "quoted_template"):
            return self._template(node, scope)
        if kind == "variable_expr":
            return ir.Name(self._src(node), span, 0)
        if kind == "function_call":
            return self._call(node, scope)
        if kind == "tuple":
            return ir.Seq(
                tuple(
                    self.lower(c, scope)
                    for c in node.named_children
                    if c.type not in ("tuple_start", "tuple_end", "comment")
                ),
                span,
            )
        if kind == "object":
            items: list[tuple[ir.Expr, ir.Expr]] = []
            for element in node.named_children:
                key = element.child_by_field_name("key")
                value = element.child_by_field_name("val")
                if element.type == "object_elem" and key is not None and value is not None:
                    items.append((self.lower(key, scope), self.lower(value, scope)))
            return ir.Mapping(tuple(items), span)
        if kind in ("parenthesized_expression", "template_interpolation"):
            inner = [c for c in node.named_children if c.type == "expression"]
            return self.lower(inner[0], scope) if inner else ir.Opaque(span)
        return ir.Opaque(span, kind)

    def _reference(self, parts: list[Node], span: ir.Span, scope: int) -> ir.Expr:
        """`var.x` / `local.x` (a variable_expr and one get_attr); other traversals are opaque."""
        head = parts[0]
        if head.type != "variable_expr" or len(parts) != 2 or parts[1].type != "get_attr":
            return ir.Opaque(span)
        root = self._src(head)
        attr = [c for c in parts[1].named_children if c.type == "identifier"]
        if root not in ("var", "local") or not attr:
            return ir.Opaque(span)
        return ir.Name(f"{root}.{self._src(attr[0])}", span, scope)

    def _template(self, node: Node, scope: int) -> ir.Expr:
        """A quoted template: the text between interpolations (escapes resolved) and
        `${...}` conversions. The grammar's literal nodes drop blanks, so the text is read from
        the gaps between the delimiters and the interpolations."""
        span = self.syntax.span(node)
        children = node.named_children
        if not children or children[0].type != "quoted_template_start":
            return ir.Opaque(span)
        parts: list[ir.Expr] = []
        position = self.syntax.span(children[0])[1]
        end_node = children[-1]
        end = self.syntax.span(end_node)[0] if end_node.type == "quoted_template_end" else span[1]
        for child in children[1:]:
            if child.type in ("template_interpolation", "template_directive"):
                start, stop = self.syntax.span(child)
                if position < start:
                    parts.append(self._text(position, start))
                if child.type == "template_directive":
                    return ir.Opaque(span, "template directive")
                value = self.lower(child, scope)
                parts.append(ir.Conversion(value, "str", (start, stop), "interpolation"))
                position = stop
        if position < end or not parts:
            parts.append(self._text(position, end))
        return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)

    def _text(self, start: int, end: int) -> ir.Lit:
        builder = LitBuilder()
        text = self.text
        position = start
        for match in _ESCAPE.finditer(text, start, end):
            if match.start() > position:
                builder.verbatim(text[position : match.start()], position)
            found = match.group(0)
            if found in ("$${", "%%{"):
                builder.verbatim(found[0], match.start())
                builder.verbatim("{", match.start() + 2)
            else:
                builder.escaped(_unescape(found), match.start())
            position = match.end()
        if position < end:
            builder.verbatim(text[position:end], position)
        return builder.build((start, end), end, prose=self.syntax.prose_at(start))

    def _call(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        name_node = next((c for c in node.named_children if c.type == "identifier"), None)
        arguments = next((c for c in node.named_children if c.type == "function_arguments"), None)
        if name_node is None:
            return ir.Opaque(span)
        callee = self._src(name_node)
        name_span = self.syntax.span(name_node)
        args: list[ir.Expr] = []
        if arguments is not None:
            args = [
                self.lower(a, scope) for a in arguments.named_children if a.type == "expression"
            ]
        if callee == "format" and args and isinstance(args[0], ir.Lit):
            return _format(args[0], list(args[1:]), span)
        if callee == "join" and len(args) == 2 and isinstance(args[1], ir.Seq):
            return _join(args[0], args[1], span)
        if callee == "replace" and len(args) == 3:
            # As a method of its first argument: the table keys on what is replaced.
            return ir.Call("", tuple(args[1:]), (), span, args[0], "replace", name_span)
        if callee in ("coalesce", "try") and len(args) >= 2:
            return ir.Fallback(args[0], args[-1], span)
        return ir.Call(callee, tuple(args), (), span, name_span=name_span)


def _format(fmt: ir.Lit, values: list[ir.Expr], span: ir.Span) -> ir.Expr:
    parts: list[ir.Expr] = []
    position = 0
    for match in _FORMAT_SPEC.finditer(fmt.text):
        if match.start() > position:
            parts.append(sub_lit(fmt, position, match.start()))
        if match.group(1) == "%":
            parts.append(sub_lit(fmt, match.start() + 1, match.end()))
        elif match.group(1) in ("s", "d", "v"):
            value = values.pop(0) if values else ir.Opaque(span)
            parts.append(ir.Conversion(value, "str", value.span, "format"))
        elif match.group(1) == "q":
            value = values.pop(0) if values else ir.Opaque(span)
            parts.append(ir.Conversion(value, "repr", value.span, "format %q", quote='"'))
        else:
            parts.append(ir.Opaque(span))
        position = match.end()
    if position < len(fmt.text):
        parts.append(sub_lit(fmt, position, len(fmt.text)))
    if not parts:
        return sub_lit(fmt, 0, 0)
    return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)


def _join(separator: ir.Expr, items: ir.Seq, span: ir.Span) -> ir.Expr:
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
    if body[:1] in ("u", "U") and len(body) > 1:
        try:
            return chr(int(body[1:], 16))
        except ValueError:
            return source
    return _ESCAPES.get(body, source)


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    """The sites near ``offsets`` (the prefilter's anchors) and the file's name resolution."""
    lowering = Lowering(syntax)
    return lowering.discover(offsets), lowering.resolution

"""Helpers every lowering shares: building literals piece by piece, slicing them, and the
name-resolution bookkeeping (assignments per scope)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from authlint.construct import ir
from authlint.construct.sites import FallbackSite, HeaderSite, PairSite

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax


class LitBuilder:
    """Appends runtime text with the file offset of each character's source."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def verbatim(self, text: str, start: int) -> None:
        self.chars.append(text)
        self.offsets.extend(range(start, start + len(text)))

    def escaped(self, value: str, start: int) -> None:
        """An escape sequence at ``start`` standing for ``value``."""
        self.chars.append(value)
        self.offsets.extend([start] * len(value))

    def build(
        self,
        span: ir.Span,
        end: int,
        *,
        is_bytes: bool = False,
        prose: bool = False,
        unexpanded: tuple[ir.Span, ...] = (),
    ) -> ir.Lit:
        return ir.Lit(
            "".join(self.chars),
            span,
            (*self.offsets, end),
            is_bytes=is_bytes,
            prose=prose,
            unexpanded=unexpanded,
        )


def sub_lit(lit: ir.Lit, start: int, end: int) -> ir.Lit:
    """``lit.text[start:end]`` as a literal of its own, offsets kept."""
    offsets = lit.offsets[start : end + 1]
    span = (offsets[0], offsets[-1]) if offsets else lit.span
    unexpanded = tuple((s - start, e - start) for s, e in lit.unexpanded if start <= s and e <= end)
    return ir.Lit(lit.text[start:end], span, offsets, lit.is_bytes, lit.prose, unexpanded)


@dataclass(slots=True)
class Scope:
    """Assignments in one function (or the module), by name: (use position, value node)."""

    node_id: int
    parent: Scope | None
    assignments: dict[str, list[tuple[int, Node]]] = field(default_factory=dict)
    params: dict[str, ir.Span] = field(default_factory=dict)

    def before(self, name: str, pos: int) -> Node | None:
        found = self.assignments.get(name)
        if not found:
            return None
        i = bisect_left(found, pos, key=lambda item: item[0])
        if i:
            return found[i - 1][1]
        return None

    def last(self, name: str) -> Node | None:
        found = self.assignments.get(name)
        return found[-1][1] if found else None


# The literal start of a header value built at runtime: the scheme and blanks, nothing else
# ("Bearer token expired: %s" is a message, not a header), or a quote that opens the token
# (`"Bearer \"" + token + "\""`: a quoted-token construction).
_SCHEME_START = re.compile(r"[ \t]*(?:basic|bearer)(?:[ \t]*|[ \t]+[\"'])", re.IGNORECASE)


def first_literal(expr: ir.Expr) -> ir.Lit | None:
    while isinstance(expr, ir.Concat) and expr.parts:
        expr = expr.parts[0]
    return expr if isinstance(expr, ir.Lit) else None


@dataclass(slots=True)
class Sites:
    headers: list[HeaderSite] = field(default_factory=list)
    pairs: list[PairSite] = field(default_factory=list)
    fallbacks: list[FallbackSite] = field(default_factory=list)
    # Expressions shaped like a header value (`"Basic " + ...`) outside any known sink.
    shaped: list[ir.Expr] = field(default_factory=list)

    def maybe_shaped(self, expr: ir.Expr) -> None:
        """Keep ``expr`` when it is a construction that starts with the literal scheme."""
        if isinstance(expr, ir.Lit):
            # A lone literal only with notation it never fills in: `"Bearer ${TOKEN}"` in Go.
            head = expr.text[: expr.unexpanded[0][0]] if expr.unexpanded else ""
            if head and _SCHEME_START.fullmatch(head):
                self.shaped.append(expr)
            return
        lit = first_literal(expr)
        if lit is not None and _SCHEME_START.fullmatch(lit.text):
            self.shaped.append(expr)

    def finish(self) -> Sites:
        """Turn the outermost shaped expressions outside every sink value into header sites."""
        taken = [site.value.span for site in self.headers]
        shaped = sorted(self.shaped, key=lambda e: (e.span[0], -e.span[1]))
        for expr in shaped:
            start, end = expr.span
            if any(s <= start and end <= e for s, e in taken):
                continue
            taken.append(expr.span)
            self.headers.append(HeaderSite(expr, expr.span, "header value"))
        self.shaped = []
        return self


class Resolution:
    """Name -> expression through the scopes a lowering recorded.

    In the scope of the use: the last assignment that ends before the use, else a parameter.
    In an enclosing scope: the same, else its last assignment at all (a module constant defined
    below the function that uses it is set by the time the function runs).
    """

    def __init__(self, syntax: Syntax, lower: Callable[[Node, int], ir.Expr]) -> None:
        self.syntax = syntax
        self.lower = lower
        self.scopes: dict[int, Scope] = {}

    def resolve(self, name: ir.Name) -> ir.Expr | None:
        scope = self.scopes.get(name.scope)
        inner = True
        while scope is not None:
            node = scope.before(name.name, name.span[0])
            if node is None and not inner:
                node = scope.last(name.name)
            if node is not None:
                return self.lower(node, scope.node_id)
            if name.name in scope.params:
                return ir.Param(name.name, scope.params[name.name])
            scope = scope.parent
            inner = False
        return None

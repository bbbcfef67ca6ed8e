"""Which assignments a name may hold where it is used, when the last one sits in a branch:
`if c: tok = a` / `else: tok = b` gives either. Read from the tree, with node types that every
grammar here shares (`if_statement`, Ruby's `if`, Kotlin's `if_expression`, their else/elif
clauses, and the `alternative` field)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

_CONDITIONALS = frozenset({"if_statement", "if", "unless", "if_expression"})
_CLAUSES = frozenset(
    {"else_clause", "elif_clause", "else_if_clause", "elsif", "else", "block", "consequence"}
)
_ELSE = frozenset({"else_clause", "else"})
# At most this many values for one name, and conditionals nested before it.
MAX_OPTIONS = 4
_MAX_NESTING = 3


def branch_values(
    syntax: Syntax, bindings: list[tuple[int, Node]], use: int, nesting: int = 0
) -> list[Node]:
    """The value nodes ``bindings`` (sorted by end) may leave at ``use``: the last one before
    it, and when that one is inside a conditional, the other branches' (and the value before
    the conditional when it has no else)."""
    before = [(end, node) for end, node in bindings if end < use]
    if not before:
        return []
    last = before[-1][1]
    outer = _outer_conditional(syntax, last, use)
    if outer is None:
        return [last]
    start, end = syntax.span(outer)
    inside = [node for _, node in before if start <= syntax.span(node)[0] < end]
    # An assignment followed by another in its own branch (or an enclosing one) is overwritten.
    blocks = [syntax.span(_branch(node, outer)) for node in inside]
    options = [
        node
        for i, node in enumerate(inside)
        if not any(
            b[0] <= syntax.span(node)[0] and syntax.span(node)[1] <= b[1] for b in blocks[i + 1 :]
        )
    ]
    if not _has_else(outer) and nesting < _MAX_NESTING:
        options = branch_values(syntax, bindings, start, nesting + 1) + options
    return options[-MAX_OPTIONS:]


def _outer_conditional(syntax: Syntax, node: Node, use: int) -> Node | None:
    """The outermost conditional holding ``node`` that ends before ``use``."""
    found = None
    parent = node.parent
    while parent is not None and syntax.span(parent)[1] <= use:
        if parent.type in _CONDITIONALS:
            found = parent
        parent = parent.parent
    return found


def _branch(node: Node, outer: Node) -> Node:
    """The innermost branch holding ``node``: a child of a conditional or of a clause."""
    current = node
    parent = node.parent
    while parent is not None and current != outer:
        if parent.type in _CONDITIONALS or parent.type in _CLAUSES:
            return current
        current, parent = parent, parent.parent
    return outer


def _has_else(node: Node) -> bool:
    if any(child.type in _ELSE for child in node.children):
        return True
    alternative = node.child_by_field_name("alternative")
    while alternative is not None:
        if alternative.type in _ELSE or alternative.type not in _CLAUSES | _CONDITIONALS:
            return True  # Go/Java: `else { ... }` is the alternative block or statement
        if alternative.type == "block":
            return True
        nested = alternative.child_by_field_name("alternative")
        if nested is None and alternative.type in _CONDITIONALS:
            return False
        alternative = nested if nested is not None else None
    return False


# A conditional expression: `c ? a : b`, Python's `a if c else b`, Ruby's `c ? a : b`
# (`conditional`), Kotlin's `if (c) a else b`.
_CONDITIONAL_EXPRESSIONS = frozenset(
    {"ternary_expression", "conditional_expression", "conditional", "if_expression"}
)


def conditional_options(node: Node) -> tuple[Node, Node] | None:
    """The two values of a conditional expression, or None for any other node."""
    if node.type not in _CONDITIONAL_EXPRESSIONS:
        return None
    consequence = node.child_by_field_name("consequence") or node.child_by_field_name("body")
    alternative = node.child_by_field_name("alternative")
    if consequence is not None and alternative is not None:
        return consequence, alternative
    condition = node.child_by_field_name("condition")
    parts = [c for c in node.named_children if c.type != "comment" and c != condition]
    if condition is not None and len(parts) == 2:
        return parts[0], parts[1]  # Kotlin: `if (c) a else b`
    if condition is None and len(parts) == 3:
        return parts[0], parts[2]  # Python: `a if c else b`
    return None

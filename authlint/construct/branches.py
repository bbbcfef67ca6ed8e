"""Which assignments a name may hold where it is used, when the last one sits in a branch:
`if c: tok = a` / `else: tok = b` gives either. Read from the tree, with node types that every
grammar here shares (`if_statement`, Ruby's `if`, Kotlin's `if_expression`, their else/elif
clauses, and the `alternative` field), and the multi-way ones: switch statements and
expressions (Java, C#, PHP), Kotlin's `when`, PHP's `match`, Ruby's `case`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# Multi-way conditionals, and the arms that hold their branches.
_SWITCHES = frozenset(
    {"switch_statement", "switch_expression", "when_expression", "match_expression", "case"}
)
_ARMS = frozenset(
    {
        "switch_block",  # Java, PHP
        "switch_body",  # C#
        "match_block",  # PHP
        "switch_rule",  # Java `case X -> ...`
        "switch_block_statement_group",  # Java `case X: ...`
        "switch_section",  # C#
        "switch_expression_arm",  # C#
        "case_statement",  # PHP
        "default_statement",
        "match_conditional_expression",
        "match_default_expression",
        "when_entry",  # Kotlin
        "control_structure_body",
        "when",  # Ruby
        "then",
        "switch_case",  # JavaScript
        "switch_default",
    }
)
# Arms that are taken when no other is: `default:`, `default =>`, Ruby's `else`.
_DEFAULT_ARMS = frozenset(
    {"default_statement", "match_default_expression", "else", "switch_default"}
)
# The keyword (or pattern) that starts a default arm: Java's and C#'s `default`, Kotlin's
# `else ->`, C#'s `_ =>`.
_DEFAULT_MARKS = frozenset({"default", "else", "discard"})
_CONDITIONALS = frozenset({"if_statement", "if", "unless", "if_expression"}) | _SWITCHES
_CLAUSES = (
    frozenset(
        {"else_clause", "elif_clause", "else_if_clause", "elsif", "else", "block", "consequence"}
    )
    | _ARMS
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
    if node.type in _SWITCHES:
        return any(_is_default(arm) for arm in _arms(node))
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


def _arms(node: Node) -> list[Node]:
    """The arms of a switch, `when`, `match` or `case` (inside its block, if it has one)."""
    body = node.child_by_field_name("body")
    if body is None:
        body = next((c for c in node.named_children if c.type in _ARMS), None)
        if body is not None and body.type not in ("switch_block", "switch_body", "match_block"):
            body = None  # Kotlin's and Ruby's arms are children of the node itself
    holder = body if body is not None else node
    return [c for c in holder.children if c.type in _ARMS or c.type in _DEFAULT_ARMS]


def _is_default(arm: Node) -> bool:
    if arm.type in _DEFAULT_ARMS:
        return True
    for child in arm.children[:2]:
        if child.type in _DEFAULT_MARKS:
            return True
        if child.type == "switch_label" and any(c.type == "default" for c in child.children):
            return True
    return False


# Statements that end an arm without a value: `default -> throw ...`.
_NO_VALUE = frozenset({"throw_statement", "throw_expression", "jump_expression", "comment"})


def _arm_value(arm: Node) -> Node | None:
    """The value an arm of a switch expression gives: its last expression, `yield x`."""
    named = [c for c in arm.named_children if c.type != "comment"]
    if not named:
        return None
    value = named[-1]
    if arm.type == "when" and value.type != "then":
        return None  # Ruby: `when x then value`
    if value.type in ("then", "else", "control_structure_body", "block"):
        inner = [c for c in value.named_children if c.type != "comment"]
        if not inner:
            return None
        if value.type == "block":  # Java: `case X -> { ...; yield v; }`
            found = next((c for c in inner if c.type == "yield_statement"), None)
            inner = found.named_children if found is not None else inner
        value = inner[-1]
    if value.type == "expression_statement" and value.named_children:
        value = value.named_children[0]
    return None if value.type in _NO_VALUE else value


_STATEMENT_ARMS = frozenset(
    {"switch_block_statement_group", "switch_section", "case_statement", "switch_case"}
)


def _switch_options(node: Node) -> tuple[Node, ...] | None:
    values = []
    for arm in _arms(node):
        if arm.type in _STATEMENT_ARMS:
            return None  # a statement switch: its assignments are branch values instead
        value = _arm_value(arm)
        if value is not None:
            values.append(value)
    return tuple(values[: MAX_OPTIONS * 2]) if len(values) > 1 else None


def conditional_options(node: Node) -> tuple[Node, ...] | None:
    """The values of a conditional expression (two; a switch, `when`, `match` or `case`
    expression: one per arm), or None for any other node."""
    if node.type in _SWITCHES:
        return _switch_options(node)
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

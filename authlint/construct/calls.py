"""Calls into functions defined in the same file: `def _token(): return ...` then
`"Basic " + _token()`. A lowering names its definition query and node types; this finds the
definitions (one query, on the first call asked about) and their return values.

What differs between languages is data (`Returns`): which nodes return a value, which bodies
are blocks, whether a block's last expression is its value (Ruby). A language whose functions
give their value another way (a shell function prints it) passes its own ``value_of``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol

from authlint.construct import ir
from authlint.syntax import captures

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.construct.lower import Scope
    from authlint.syntax import Syntax

# A function returning in more places than this is not followed (each return is a value to try).
MAX_RETURNS = 4


class Returns(NamedTuple):
    """How a language's function gives its value."""

    # `return x` (Ruby's and Kotlin's are expressions: `return`, `return_expression`).
    statements: frozenset[str] = frozenset({"return_statement"})
    # Bodies that are blocks; any other body is the value itself (`() => expr`, `fun f() = e`).
    blocks: frozenset[str] = frozenset({"block", "statement_block"})
    # The last expression of a block is returned too (Ruby).
    last: bool = False


RETURNS = Returns()
# A `return` whose value is wrapped in a list node: Go's `return x`, Ruby's `return x`.
_VALUE_LISTS = frozenset({"expression_list", "argument_list"})


class Lowered(Protocol):
    """What a lowering gives the function finder."""

    syntax: Syntax
    SCOPES: frozenset[str]

    def lower(self, node: Node, scope: int) -> ir.Expr: ...

    def function_scope(self, definition: Node) -> Scope:
        """The scope of ``definition`` with its parameters (and assignments) recorded."""
        ...


class Functions:
    """The same-file functions of one lowering, by name."""

    def __init__(
        self,
        lowering: Lowered,
        query: str,
        name_of: Callable[[Node], str | None],
        *,
        body_of: Callable[[Node], Node | None] = lambda node: node.child_by_field_name("body"),
        skip_first: frozenset[str] = frozenset(),
        function_of: Callable[[Node], Node | None] = lambda node: node,
        returns: Returns = RETURNS,
        value_of: Callable[[Node, int], ir.Expr | None] | None = None,
    ) -> None:
        self.lowering = lowering
        self.query = query  # captures each definition as @def
        self.name_of = name_of
        self.body_of = body_of
        # A method's own receiver parameter (`self`), not given in a call `self.f()`.
        self.skip_first = skip_first
        # The function node a captured definition names (`const f = () => ...`: the arrow).
        self.function_of = function_of
        self.returns = returns
        # The value of a definition in its scope, for a language that does not return it.
        self.value_of = value_of
        self._by_name: dict[str, list[Node]] | None = None

    def __call__(self, call: ir.Call) -> ir.Function | None:
        name = call.callee
        head, _, last = name.rpartition(".")
        if head not in ("", "self", "this", "cls"):
            return None  # another module's or another object's function
        definitions = self._definitions().get(last or name, [])
        if len(definitions) != 1:
            return None  # unknown, or several definitions of the name: not followed
        definition = self.function_of(definitions[0])
        if definition is None:
            return None
        lowering = self.lowering
        scope = lowering.function_scope(definition)
        params = tuple(scope.params.items())
        if params and params[0][0] in self.skip_first:
            params = params[1:]
        span = lowering.syntax.span(definition)
        if self.value_of is not None:
            value = self.value_of(definition, scope.node_id)
            return None if value is None else ir.Function(params, value, span)
        results = [self._result(node, scope.node_id) for node in self._returns(definition)]
        if not results or len(results) > MAX_RETURNS:
            return None
        result = results[0] if len(results) == 1 else ir.choice(tuple(results), span)
        return ir.Function(params, result, span)

    def defines(self, name: str) -> bool:
        """Is ``name`` a function of this file?"""
        return name in self._definitions()

    def _definitions(self) -> dict[str, list[Node]]:
        if self._by_name is None:
            syntax = self.lowering.syntax
            self._by_name = {}
            for node in captures(syntax.kind, self.query, syntax.root).get("def", []):
                name = self.name_of(node)
                if name:
                    self._by_name.setdefault(name, []).append(node)
        return self._by_name

    def _returns(self, definition: Node) -> list[Node]:
        """The return statements of ``definition`` (not of functions nested in it), its last
        expression where that is returned, or an expression body."""
        body = self.body_of(definition)
        if body is None:
            return []
        returns = self.returns
        if body.type not in returns.blocks:
            return [body]  # `() => expr`
        scopes = self.lowering.SCOPES
        found: list[Node] = []
        stack = list(reversed(body.named_children))
        while stack and len(found) <= MAX_RETURNS:
            node = stack.pop()
            if node.type in returns.statements:
                found.append(node)
            elif node.type not in scopes:
                stack.extend(reversed(node.named_children))
        if returns.last:
            statements = [c for c in body.named_children if c.type != "comment"]
            if statements and statements[-1].type not in returns.statements:
                found.append(statements[-1])
        return found

    def _result(self, node: Node, scope: int) -> ir.Expr:
        if node.type not in self.returns.statements:
            return self.lowering.lower(node, scope)
        values = [child for child in node.named_children if child.type != "comment"]
        if len(values) == 1 and values[0].type in _VALUE_LISTS:
            values = [c for c in values[0].named_children if c.type != "comment"]
        if len(values) != 1:
            return ir.Opaque(self.lowering.syntax.span(node))
        return self.lowering.lower(values[0], scope)

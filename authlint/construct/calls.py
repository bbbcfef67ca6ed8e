"""Calls into functions defined in the same file: `def _token(): return ...` then
`"Basic " + _token()`. A lowering names its definition query and node types; this finds the
definitions (one query, on the first call asked about) and their return values."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from authlint.construct import ir
from authlint.syntax import captures

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.construct.lower import AnchoredLowering

# A function returning in more places than this is not followed (each return is a value to try).
MAX_RETURNS = 4
_RETURNS = frozenset({"return_statement"})


class Functions:
    """The same-file functions of one lowering, by name."""

    def __init__(
        self,
        lowering: AnchoredLowering,
        query: str,
        name_of: Callable[[Node], str | None],
        *,
        body_of: Callable[[Node], Node | None] = lambda node: node.child_by_field_name("body"),
        skip_first: frozenset[str] = frozenset(),
        function_of: Callable[[Node], Node | None] = lambda node: node,
    ) -> None:
        self.lowering = lowering
        self.query = query  # captures each definition as @def
        self.name_of = name_of
        self.body_of = body_of
        # A method's own receiver parameter (`self`), not given in a call `self.f()`.
        self.skip_first = skip_first
        # The function node a captured definition names (`const f = () => ...`: the arrow).
        self.function_of = function_of
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
        scope = lowering.scope_for(definition)
        if not scope.filled:
            lowering.fill(scope)
        params = tuple(scope.params.items())
        if params and params[0][0] in self.skip_first:
            params = params[1:]
        results = [self._result(node, scope.node_id) for node in self._returns(definition)]
        if not results or len(results) > MAX_RETURNS:
            return None
        span = lowering.syntax.span(definition)
        result = results[0] if len(results) == 1 else ir.choice(tuple(results), span)
        return ir.Function(params, result, span)

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
        """The return statements of ``definition`` (not of functions nested in it), or an
        arrow function's expression body."""
        body = self.body_of(definition)
        if body is None:
            return []
        if body.type not in ("block", "statement_block"):
            return [body]  # `() => expr`
        scopes = self.lowering.SCOPES
        found: list[Node] = []
        stack = list(reversed(body.named_children))
        while stack and len(found) <= MAX_RETURNS:
            node = stack.pop()
            if node.type in _RETURNS:
                found.append(node)
            elif node.type not in scopes:
                stack.extend(reversed(node.named_children))
        return found

    def _result(self, node: Node, scope: int) -> ir.Expr:
        if node.type not in _RETURNS:
            return self.lowering.lower(node, scope)
        values = [child for child in node.named_children if child.type != "comment"]
        if len(values) == 1 and values[0].type == "expression_list":  # Go: `return x`
            values = [c for c in values[0].named_children if c.type != "comment"]
        if len(values) != 1:
            return ir.Opaque(self.lowering.syntax.span(node))
        return self.lowering.lower(values[0], scope)

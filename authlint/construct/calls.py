"""Calls into functions defined in the same file: `def _token(): return ...` then
`"Basic " + _token()`. A lowering names its definition query and node types; this finds the
definitions (one query, on the first call asked about) and their return values.

What differs between languages is data (`Returns`): which nodes return a value, which bodies
are blocks, whether a block's last expression is its value (Ruby). A language whose functions
give their value another way (a shell function prints it) passes its own ``value_of``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Protocol

from authlint.construct import ir
from authlint.record import Record
from authlint.syntax import captures

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.construct.lower import Resolution, Scope
    from authlint.syntax import Syntax

# A function returning in more places than this is not followed (each return is a value to try).
MAX_RETURNS = 4


class Returns(Record):
    """How a language's function gives its value."""

    __slots__ = ("blocks", "last", "statements")
    _fields = ("statements", "blocks", "last")

    def __init__(
        self,
        statements: frozenset[str] = frozenset({"return_statement"}),
        blocks: frozenset[str] = frozenset({"block", "statement_block"}),
        last: bool = False,
    ) -> None:
        # `return x` (Ruby's and Kotlin's are expressions: `return`, `return_expression`).
        self.statements: Final = statements
        # Bodies that are blocks; any other body is the value itself (`() => expr`, `fun f() = e`).
        self.blocks: Final = blocks
        # The last expression of a block is returned too (Ruby).
        self.last: Final = last


RETURNS = Returns()
# The heads of a call that reach a function or method of the same file (`f()`, `self.f()`).
_OWN = frozenset({"", "self", "this", "cls"})


def _callee(call: ir.Call) -> str:
    """The callee's dotted name; `this.m` where the receiver is the object itself, which a
    lowering may leave opaque (JavaScript's and Java's `this`)."""
    receiver = call.receiver
    if not call.callee and isinstance(receiver, ir.Opaque) and receiver.what in ("this", "self"):
        return f"this.{call.method}"
    return call.callee


# How far into a call its callee's last name may start (`self.`, `this.`, blanks).
_HEAD = 24
# How a lowering names a spread argument (Opaque.what): `f(*args)`, `f(...rest)`.
_SPREADS = ("splat", "spread_element")
# A `return` whose value is wrapped in a list node: Go's `return x`, Ruby's `return x`.
_VALUE_LISTS = frozenset({"expression_list", "argument_list"})


class Lowered(Protocol):
    """What a lowering gives the function finder."""

    syntax: Syntax
    SCOPES: frozenset[str]
    resolution: Resolution

    def lower(self, node: Node, scope: int) -> ir.Expr: ...

    def function_scope(self, definition: Node) -> Scope:
        """The scope of ``definition`` with its parameters (and assignments) recorded."""
        ...


def _itself(node: Node) -> Node | None:
    return node


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
        function_of: Callable[[Node], Node | None] = _itself,
        returns: Returns = RETURNS,
        value_of: Callable[[Node, int], ir.Expr | None] | None = None,
        calls: str = "",
        closure_of: Callable[[ir.Call], Node | None] | None = None,
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
        # A query capturing each call as @call ("": a parameter's arguments are not followed).
        self.calls = calls
        self._calls: list[Node] | None = None
        self._arguments: dict[ir.Span, tuple[str, tuple[ir.Expr, ...]]] = {}
        self._functions: dict[int, ir.Function | None] = {}
        # The anonymous function a call of a variable reaches (`$auth = fn($t) => ...;` then
        # `$auth($tok)`), found by the lowering; None: such calls are not followed.
        self.closure_of = closure_of
        # The node type the query captures, when it captures every node of one type that is a
        # function itself (Python's `(function_definition) @def`): a parameter's definition is
        # then its scope node, found without the query (see _written_once).
        bare = re.fullmatch(r"\(([a-z_]+)\) @def", query)
        self._bare = bare.group(1) if bare is not None and function_of is _itself else ""

    def __call__(self, call: ir.Call) -> ir.Function | None:
        name = _callee(call)
        head, _, last = name.rpartition(".")
        if head not in _OWN:
            return None  # another module's or another object's function
        definitions = self._definitions().get(last or name, []) if name else []
        if not name and self.closure_of is not None:
            closure = self.closure_of(call)
            definitions = [] if closure is None else [closure]
        if len(definitions) != 1:
            return None  # unknown, or several definitions of the name: not followed
        definition = self.function_of(definitions[0])
        if definition is None:
            return None
        # What a definition returns does not depend on the call (the evaluator binds the
        # arguments): lowered once per definition, however often it is called.
        if definition.id not in self._functions:
            self._functions[definition.id] = self._function(definition)
        return self._functions[definition.id]

    def _function(self, definition: Node) -> ir.Function | None:
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

    def arguments(self, param: ir.Param) -> tuple[str, tuple[ir.Expr, ...]]:
        """What the calls of this file pass for ``param`` (a parameter of a function defined
        here): the name of its function and, per call that gives it, the argument. A call
        whose arguments are spread (`*args`, `...rest`) or that leaves it to its default gives
        none."""
        if not self.calls:
            return "", ()
        known = self._arguments.get(param.span)
        if known is None:
            known = self._arguments[param.span] = self._passed(param)
        return known

    def _passed(self, param: ir.Param) -> tuple[str, tuple[ir.Expr, ...]]:
        alone = self._written_once(param)
        if alone:
            return alone, ()  # what _declaring and the test below find, without the query
        found = self._declaring(param)
        if found is None:
            return "", ()
        name, index = found
        syntax = self.lowering.syntax
        scope_of = getattr(self.lowering, "scope_of", None)
        if scope_of is None or syntax.text.find(name, syntax.text.find(name) + 1) == -1:
            return name, ()  # written once, at its definition: nothing in the file calls it
        if self._calls is None:
            self._calls = captures(syntax.kind, self.calls, syntax.root).get("call", [])
        out: list[ir.Expr] = []
        for node in self._calls:
            # The name comes first (`f(`, `self.f(`, `this.f(`): a call whose head is longer
            # reaches another object's function, and a deep nest of calls stays linear.
            start, end = syntax.span(node)
            if syntax.text.find(name, start, min(end, start + len(name) + _HEAD)) == -1:
                continue
            call = self.lowering.lower(node, scope_of(node).node_id)
            if not isinstance(call, ir.Call) or len(out) >= MAX_RETURNS:
                continue
            head, _, last = _callee(call).rpartition(".")
            if last != name or head not in _OWN:
                continue
            if any(isinstance(a, ir.Opaque) and a.what.endswith(_SPREADS) for a in call.args):
                continue
            given = dict(call.kwargs).get(param.name)
            if given is None and index < len(call.args):
                given = call.args[index]
            if given is not None:
                out.append(given)
        return name, tuple(out)

    def _written_once(self, param: ir.Param) -> str:
        """The name of the function declaring ``param`` when the query captures functions by
        their type and that name is written once in the file (so no call of it is): found from
        the parameter's own scope node; "" when that does not settle it."""
        lowering = self.lowering
        if not self._bare or getattr(lowering, "scope_node", None) is None:
            return ""
        syntax = lowering.syntax
        start, end = syntax.byte(param.span[0]), syntax.byte(param.span[1])
        node = syntax.root.named_descendant_for_byte_range(start, end)
        definition = lowering.scope_node(node) if node is not None else None  # type: ignore[attr-defined]
        if definition is None or definition.type != self._bare:
            return ""
        name = self.name_of(definition)
        if not name:
            return ""
        params = list(lowering.function_scope(definition).params.items())
        if params and params[0][0] in self.skip_first:
            params = params[1:]
        if all(span != param.span for _, span in params):
            return ""
        text = syntax.text
        if text.find(name, text.find(name) + 1) != -1:
            return ""
        return name

    def _declaring(self, param: ir.Param) -> tuple[str, int] | None:
        """The name of the function of this file that declares ``param``, and its position
        among the arguments a call gives (a method's receiver is not given)."""
        syntax = self.lowering.syntax
        for name, nodes in self._definitions().items():
            if len(nodes) != 1:
                continue  # several definitions of the name: its calls reach either
            definition = self.function_of(nodes[0])
            if definition is None:
                continue
            start, end = syntax.span(definition)
            if not start <= param.span[0] < end:
                continue
            params = list(self.lowering.function_scope(definition).params.items())
            if params and params[0][0] in self.skip_first:
                params = params[1:]
            for index, (_, span) in enumerate(params):
                if span == param.span:
                    return name, index
        return None

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
            return self.lowering.resolution.lower(node, scope)
        values = [child for child in node.named_children if child.type != "comment"]
        if len(values) == 1 and values[0].type in _VALUE_LISTS:
            values = [c for c in values[0].named_children if c.type != "comment"]
        if len(values) != 1:
            return ir.Opaque(self.lowering.syntax.span(node))
        return self.lowering.resolution.lower(values[0], scope)

"""What the lowerings of Go, Java, Kotlin and C# share: sink matching on lowered calls, header
names given as constants, fallbacks from the environment, and the format-string lowerings
(printf verbs, .NET composite format, `join`).

Each language module subclasses `CLowering` with its node types (`lower`, `_scan`) and passes
its sink tables; the knowledge of each language stays in its own module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

from authlint.construct import ir
from authlint.construct.calls import RETURNS, Functions, Returns
from authlint.construct.lower import AnchoredLowering, Resolution, Scope, Sites, sub_lit
from authlint.construct.models import (
    HeaderCallSink,
    PairSink,
    SchemeSink,
    is_header_name,
)
from authlint.construct.sites import FallbackSite, HeaderSite, PairSite
from authlint.lazyre import lazy
from authlint.record import Record

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax


# The last name of a constant that holds the header name: HttpHeaders.AUTHORIZATION (Spring),
# HttpHeaders.Authorization (Ktor), HeaderNames.Authorization (ASP.NET), HttpHeaderNames.
_CONSTANT_NAMES: Final = frozenset({"authorization", "proxyauthorization"})


# Node types a builder's use may not sit in when it is declared outside them.
_LOOPS: Final = lazy(r"for|while|do_statement|foreach")


class Sinks(Record):
    __slots__ = ("header_calls", "pair_sinks", "scheme_sinks")
    _fields = ("header_calls", "pair_sinks", "scheme_sinks")

    def __init__(
        self,
        header_calls: tuple[HeaderCallSink, ...],
        pair_sinks: tuple[PairSink, ...],
        scheme_sinks: tuple[SchemeSink, ...] = (),
    ) -> None:
        self.header_calls: Final = header_calls
        self.pair_sinks: Final = pair_sinks
        self.scheme_sinks: Final = scheme_sinks


def synthetic(text: str, at: int) -> ir.Lit:
    """Text a call adds by itself (the space of AuthenticationHeaderValue), placed at ``at``."""
    return ir.Lit(text, (at, at), (at,) * (len(text) + 1))


class CLowering(AnchoredLowering):
    """One file's sites near the prefilter anchors, and its expressions lowered on demand.
    Subclasses set SCOPES, ASSIGNMENTS and `sinks`, implement `lower`, `params`, `record` and
    the `on_<node type>` handlers (authlint/construct/lower.py: AnchoredLowering)."""

    sinks: Sinks
    # Wrappers a `+` chain is climbed through (parentheses, casts).
    WRAPPERS: frozenset[str] = frozenset({"parenthesized_expression"})
    # A query capturing each named function a call may reach in the same file as @def ("":
    # calls are not followed).
    FUNCTIONS: str = ""
    # How those functions return their value.
    RETURNS: Returns = RETURNS
    # A query capturing each call as @call: a parameter of those functions is followed to
    # what the file's calls pass ("": not followed; Go's methods count their receiver).
    CALLS: str = ""
    # The node type that declares a class's fields (Java, C#: "field_declaration"; "": the
    # language's members are not modelled here). With it, `tok` and `this.tok` read one member,
    # kept as "this.tok" in the module scope with every assignment as an alternative.
    FIELDS: str = ""

    def __init__(self, syntax: Syntax) -> None:
        super().__init__(syntax)
        self._climbed: set[int] = set()
        self._built_read: set[tuple[int, str]] = set()  # (function, builder) looked at
        self._fields: set[str] | None = None
        self._locals: dict[int, set[str]] = {}
        if self.FIELDS:
            self.resolution.member = self.member_key

    def member_key(self, name: str) -> str | None:
        if name.startswith("this."):
            return name
        return None if "." in name else f"this.{name}"

    def is_field(self, declarator: Node) -> bool:
        """A declarator of a field: `private String tok = ...;` (C#: inside a declaration)."""
        parent = declarator.parent
        if parent is not None and parent.type == "variable_declaration":
            parent = parent.parent
        return parent is not None and parent.type == self.FIELDS

    def field_write(self, name: str, assign: Node) -> bool:
        """`tok = ...` in a method writes the field `tok` when no local or parameter of an
        enclosing function declares that name."""
        if self._fields is None:
            self._fields = set()
            for owner, node in self._assignments():
                if (
                    node.type != "variable_declarator"
                    or (key := node.child_by_field_name("name")) is None
                ):
                    continue
                if owner == 0 and self.is_field(node):
                    self._fields.add(self.src(key))
                elif owner:
                    self._locals.setdefault(owner, set()).add(self.src(key))
        if name not in self._fields:
            return False
        scope_node = self.scope_node(assign)
        while scope_node is not None:
            declared = Scope(scope_node.id, None)
            self.params(scope_node, declared)
            if name in declared.params or name in self._locals.get(scope_node.id, ()):
                return False
            scope_node = self.scope_node(scope_node)
        return True

    @staticmethod
    def body_of(definition: Node) -> Node | None:
        """The body of a function the FUNCTIONS query captured."""
        return definition.child_by_field_name("body")

    def src(self, node: Node) -> str:
        return self.syntax.source(node)

    def span(self, node: Node) -> ir.Span:
        return self.syntax.span(node)

    def assign(self, scope: Scope, name: str, end: int, value: Node) -> None:
        scope.assignments.setdefault(name, []).append((end, value))

    @property
    def module(self) -> Scope:
        return self.scope_for(None)

    # -- StringBuilder: an accumulating value ------------------------------------------------

    # Node types of a language's builder syntax (Java's names; C# overrides the hooks).
    BLOCK = "block"
    STATEMENT = "expression_statement"
    BUILDERS: frozenset[str] = frozenset({"StringBuilder", "StringBuffer"})
    APPEND = "append"
    TO_STRING = "toString"

    # The node that wraps one argument (C#'s `argument`, Kotlin's `value_argument`).
    ARGUMENT: frozenset[str] = frozenset({"argument"})

    def created(self, node: Node) -> list[Node] | None:
        """The arguments of ``node`` when it creates a builder (`new StringBuilder(...)`)."""
        if node.type != "object_creation_expression":
            return None
        type_node = node.child_by_field_name("type")
        arguments = node.child_by_field_name("arguments")
        if type_node is None or self.src(type_node).rsplit(".", 1)[-1] not in self.BUILDERS:
            return None
        return [a for a in arguments.named_children if a.type != "comment"] if arguments else []

    def statement_expression(self, statement: Node) -> Node | None:
        """The expression a statement of a block evaluates (`sb.append(x);`), or None."""
        if statement.type != self.STATEMENT or not statement.named_children:
            return None
        return statement.named_children[0]

    def method_call(self, node: Node) -> tuple[Node, str, list[Node]] | None:
        """(object, method name, argument nodes) of `obj.m(args)`, else None."""
        obj = node.child_by_field_name("object")
        name = node.child_by_field_name("name")
        arguments = node.child_by_field_name("arguments")
        if node.type != "method_invocation" or obj is None or name is None or arguments is None:
            return None
        args = [a for a in arguments.named_children if a.type != "comment"]
        return obj, self.src(name), args

    def declared(self, statement: Node, name: str) -> Node | None:
        """The value `name` is declared with in ``statement`` (`StringBuilder sb = v;`)."""
        if statement.type != "local_variable_declaration":
            return None
        for declarator in statement.children_by_field_name("declarator"):
            key = declarator.child_by_field_name("name")
            if key is not None and self.src(key) == name:
                return declarator.child_by_field_name("value")
        return None

    def builder_results(self, node: Node, scope: Scope) -> None:
        """`sb.append("Basic ")` on a local builder: what its `sb.toString()` gives is a
        construction too (a helper that builds the header value and returns it), judged when it
        starts with the scheme, as a `+` chain is. The calls are looked for in the function."""
        call = self.method_call(node)
        if call is None or call[1] != self.APPEND or call[0].type != "identifier":
            return
        name = self.src(call[0])
        function = scope.node
        if function is None or (function.id, name) in self._built_read:
            return
        self._built_read.add((function.id, name))
        stack = [function]
        while stack:
            current = stack.pop()
            found = self.method_call(current)
            if (
                found is not None
                and found[1] == self.TO_STRING
                and not found[2]
                and found[0].type == "identifier"
                and self.src(found[0]) == name
            ):
                self.sites.maybe_shaped(self.lower(current, scope.node_id))
            stack.extend(c for c in current.named_children if c.type not in self.SCOPES)

    def builder_parts(self, node: Node, depth: int = 0) -> list[Node] | None:
        """What a StringBuilder holds at ``node``, as the nodes appended in order: `new
        StringBuilder("Basic ")`, `.append(a).append(b)` chains, and a local builder whose
        appends are statements of the blocks around the use. None (unknown) when an append is
        in a loop or a branch, the builder is passed elsewhere or assigned again."""
        if depth > 40:
            return None
        created = self.created(node)
        if created is not None:
            args = created
            if not args:
                return []
            wrapped = args[0].named_children if args[0].type in self.ARGUMENT else [args[0]]
            if len(args) != 1 or not wrapped:
                return None
            first = wrapped[0]
            if "string" in first.type:  # the initial text
                return [first]
            capacity = "integer" in first.type or first.type == "number_literal"  # Kotlin
            return [] if capacity else None
        call = self.method_call(node)
        if call is not None:
            obj, method, args = call
            if method != self.APPEND or len(args) != 1:
                return None
            inner = self.builder_parts(obj, depth + 1)
            return None if inner is None else [*inner, args[0]]
        if node.type == "identifier":
            return self._local_builder(node)
        return None

    def _local_builder(self, use: Node) -> list[Node] | None:
        name = self.src(use)
        word = re.compile(rf"(?<![A-Za-z0-9_$]){re.escape(name)}(?![A-Za-z0-9_$])")
        inner: list[list[Node]] = []  # per block level, innermost first: statements before the use
        child = use
        for _ in range(12):
            block = child.parent
            if block is None or block.type in self.SCOPES or _LOOPS.search(block.type):
                return None
            if block.type != self.BLOCK:
                child = block
                continue
            if not inner and len(word.findall(self.src(child))) != 1:
                return None  # the statement of the use names the builder again
            before: list[Node] = []
            start: list[Node] | None = None
            for statement in block.named_children:
                if statement == child:
                    break
                value = self.declared(statement, name)
                if value is not None:
                    start = self.builder_parts(value)
                    if start is None:
                        return None
                    before = []
                else:
                    before.append(statement)
            if start is None:
                inner.append(before)
                child = block
                continue
            parts = list(start)
            for level in [before, *reversed(inner)]:
                for other in level:
                    appended = self._appended(other, name, word)
                    if appended is None:
                        return None
                    parts.extend(appended)
            return parts
        return None

    def _appended(self, statement: Node, name: str, word: re.Pattern[str]) -> list[Node] | None:
        """The nodes ``statement`` appends to the builder `name` ([] when it does not name it),
        or None when it does something else with it."""
        if not word.search(self.src(statement)):
            return []
        expression = self.statement_expression(statement)
        if expression is None:
            return None
        parts: list[Node] = []
        node = expression
        while (call := self.method_call(node)) is not None:
            obj, method, args = call
            if method != self.APPEND or len(args) != 1 or word.search(self.src(args[0])):
                return None
            parts.insert(0, args[0])
            node = obj
        if node.type != "identifier" or self.src(node) != name or not parts:
            return None
        return parts

    def top_of_plus(self, node: Node, transparent: frozenset[str]) -> Node | None:
        """The outermost `+` chain (through wrappers) that ``node`` is part of; None when an
        earlier anchor already climbed it (a chain is climbed and lowered once, not once per
        literal in it: a generated line of thousands of `"..." +` stays linear)."""
        climbed = self._climbed
        top = node
        while top.parent is not None and (
            top.parent.type in transparent
            or (
                top.parent.type == "binary_expression"
                and (op := top.parent.child_by_field_name("operator")) is not None
                and op.type == "+"
            )
        ):
            if top.parent.id in climbed:
                return None
            climbed.add(top.parent.id)
            top = top.parent
        return top

    def shaped(self, node: Node, scope: Scope, *, alone: bool = True) -> None:
        """The construction around a literal, when it starts with the scheme (``alone``: the
        literal counts even when it is not part of a `+` chain)."""
        top = self.top_of_plus(node, self.WRAPPERS)
        if top is not None and (alone or top is not node) and self.may_be_shaped(top):
            self.sites.maybe_shaped(self.lower(top, scope.node_id))

    # -- sinks -------------------------------------------------------------------------------

    def header_name(self, expr: ir.Expr) -> bool:
        if isinstance(expr, ir.Lit):
            return is_header_name(expr.text)
        name = ir.dotted(expr)
        last = name.rsplit(".", 1)[-1]
        return last.lower().replace("_", "") in _CONSTANT_NAMES and ("." in name or last.isupper())

    def call_site(self, call: ir.Call, entry: tuple[Node, int] | None = None) -> None:
        """Header calls, credential pairs and scheme-building calls, matched on the lowered call."""
        last = call.method or call.callee.rsplit(".", 1)[-1]
        if not last:
            return
        # From the method's name on: a chained builder call is reported on its own line.
        start = call.name_span[0] if call.method else call.span[0]
        span = (start, call.span[1])
        args = call.args
        for sink in self.sinks.header_calls:
            if last != sink.method or len(args) <= max(sink.name_arg, sink.value_arg):
                continue
            names = [sink.name_arg]
            if sink.alternating:
                names = list(range(sink.name_arg, len(args) - 1, 2))
            for at in names:
                value_at = at + sink.value_arg - sink.name_arg
                if self.header_name(args[at]):
                    self.sites.headers.append(
                        HeaderSite(args[value_at], span, f"{last}()", entry=entry)
                    )
        for pair in self.sinks.pair_sinks:
            if not pair.callee or last != pair.callee.rsplit(".", 1)[-1]:
                continue
            if "." in pair.callee and not call.callee.endswith(pair.callee):
                continue
            i, j = pair.positions
            if len(args) > j:
                self.sites.pairs.append(PairSite(args[i], args[j], span, pair.context))
        for scheme in self.sinks.scheme_sinks:
            if last != scheme.method:
                continue
            at = call.name_span[0]
            if scheme.scheme and len(args) == 1:
                value: ir.Expr = ir.Concat((synthetic(scheme.scheme + " ", at), args[0]), span)
            elif not scheme.scheme and len(args) == 2:
                value = ir.Concat((args[0], synthetic(" ", args[0].span[1]), args[1]), span)
            else:
                continue
            self.sites.headers.append(HeaderSite(value, span, f"{last}()"))

    def fallback_site(self, expr: ir.Expr) -> None:
        if isinstance(expr, ir.Fallback) and isinstance(expr.primary, ir.Env):
            self.sites.fallbacks.append(FallbackSite(expr.primary.var, expr.default, expr.span))


# --- format strings ----------------------------------------------------------------------------

# printf verbs (Go fmt, Java Formatter): flags, width, precision, an explicit index, the verb.
_PRINTF: Final = lazy(
    r"%(?:\[[0-9]{1,2}\]|[0-9]{1,2}\$)?[-+# 0,(<]{0,5}(?:[0-9]{1,3}|\*)?(?:\.(?:[0-9]{1,3}|\*))?"
    r"([A-Za-z%])"
)
# .NET composite format: {index[,alignment][:format]} and the escapes {{ }}.
_COMPOSITE: Final = lazy(r"\{\{|\}\}|\{([0-9]{1,2})(,-?[0-9]{1,3})?(:[^{}]{0,20})?\}")

Verb = Callable[[str, ir.Expr, ir.Span], ir.Expr | None]


def printf(template: ir.Lit, args: tuple[ir.Expr, ...], span: ir.Span, verb: Verb) -> ir.Expr:
    """`fmt.Sprintf` / `String.format`: literal slices and one part per verb (``verb`` says
    what the language's verb does to its argument; None: not modelled)."""
    parts: list[ir.Expr] = []
    pos = 0
    index = 0
    for match in _PRINTF.finditer(template.text):
        if match.start() > pos:
            parts.append(sub_lit(template, pos, match.start()))
        pos = match.end()
        letter = match.group(1)
        if letter == "%":
            parts.append(sub_lit(template, match.start(), match.start() + 1))
            continue
        if letter == "n":
            start = template.offsets[match.start()]
            parts.append(ir.Lit("\n", (start, start + 2), (start, start + 2)))
            continue
        value = args[index] if index < len(args) else None
        index += 1
        verb_span = (template.offsets[match.start()], template.offsets[match.end()])
        part = verb(letter, value, verb_span) if value is not None else None
        parts.append(part if part is not None else ir.Opaque(verb_span, "format verb"))
    if pos < len(template.text):
        parts.append(sub_lit(template, pos, len(template.text)))
    return ir.Concat(tuple(parts), span)


def composite(template: ir.Lit, args: tuple[ir.Expr, ...], span: ir.Span) -> ir.Expr:
    """`string.Format("Basic {0}", token)`: .NET composite formatting."""
    parts: list[ir.Expr] = []
    pos = 0
    for match in _COMPOSITE.finditer(template.text):
        if match.start() > pos:
            parts.append(sub_lit(template, pos, match.start()))
        pos = match.end()
        if match.group() in ("{{", "}}"):
            parts.append(sub_lit(template, match.start(), match.start() + 1))
            continue
        index = int(match.group(1))
        verb_span = (template.offsets[match.start()], template.offsets[match.end()])
        if index >= len(args) or match.group(2) or match.group(3):
            parts.append(ir.Opaque(verb_span, "format item"))
        else:
            parts.append(ir.Conversion(args[index], "str", verb_span, "string.Format"))
    if pos < len(template.text):
        parts.append(sub_lit(template, pos, len(template.text)))
    return ir.Concat(tuple(parts), span)


def join(separator: ir.Expr, items: tuple[ir.Expr, ...], span: ir.Span) -> ir.Expr:
    """`String.join(":", id, secret)`, `strings.Join([]string{id, secret}, ":")`."""
    if len(items) == 1 and isinstance(items[0], ir.Seq):
        items = items[0].items
    parts: list[ir.Expr] = []
    for i, item in enumerate(items):
        if i:
            parts.append(separator)
        parts.append(item)
    return ir.Concat(tuple(parts), span)


def string_plus(parts: tuple[ir.Expr, ...], span: ir.Span, construct: str) -> ir.Expr:
    """`"Basic " + x` where `+` turns any value into text (Java, Kotlin, C#): a byte array
    becomes its printed form there, so each non-literal operand is a conversion."""
    out = tuple(
        p if isinstance(p, ir.Lit | ir.Concat) else ir.Conversion(p, "str", p.span, construct)
        for p in parts
    )
    return ir.Concat(out, span)


def lower_file(lowering: CLowering, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    """The sites near ``offsets`` (the prefilter's anchors) and the file's name resolution."""
    if lowering.FUNCTIONS:
        functions = Functions(
            lowering,
            lowering.FUNCTIONS,
            _defined_name,
            body_of=lowering.body_of,
            returns=lowering.RETURNS,
            calls=lowering.CALLS,
        )
        lowering.resolution.functions = functions
        lowering.resolution.callers = functions.arguments
    return lowering.discover(offsets), lowering.resolution


def _defined_name(node: Node) -> str | None:
    name = node.child_by_field_name("name")
    return None if name is None or name.text is None else name.text.decode("utf-8", "replace")

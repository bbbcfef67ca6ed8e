"""Helpers every lowering shares: building literals piece by piece, slicing them, and the
name-resolution bookkeeping (assignments per scope)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from authlint.construct import ir
from authlint.construct.branches import MAX_OPTIONS, branch_values
from authlint.construct.models import HEADER_NAMES
from authlint.construct.sites import FallbackSite, HeaderSite, PairSite
from authlint.lazyre import lazy
from authlint.syntax import captures

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


class Scope:
    """Assignments in one function (or the module), by name: (end of the assignment, value
    node), and the parameters."""

    __slots__ = ("assignments", "filled", "node", "node_id", "params", "parent")

    def __init__(self, node_id: int, parent: Scope | None) -> None:
        self.node_id = node_id
        self.parent = parent
        self.node: Node | None = None  # the function node (None: the module)
        self.filled = False
        self.assignments: dict[str, list[tuple[int, Node]]] = {}
        self.params: dict[str, ir.Span] = {}

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
_SCHEME_START = lazy(r"[ \t]*(?:basic|bearer)(?:[ \t]*|[ \t]+[\"'])", re.IGNORECASE)


def first_literal(expr: ir.Expr) -> ir.Lit | None:
    while isinstance(expr, ir.Concat) and expr.parts:
        expr = expr.parts[0]
    return expr if isinstance(expr, ir.Lit) else None


# RFC 9110 §5.1: field-name ":" OWS; the OWS is not part of the value. The name is matched at
# the start of a line (of the value, or after a line end in a header block).
_HEADER_LINE = lazy(r"[ \t]*(?:proxy-)?authorization[ \t]*:[ \t]*", re.IGNORECASE)
_HEADER_WORD = lazy(r"authorization[ \t]*:", re.IGNORECASE)
# What the first literal of a construction Sites.maybe_shaped keeps holds: a scheme at its
# start (_SCHEME_START) or the header's name (_HEADER_WORD).
_SHAPE_WORDS = ("basic", "bearer", "authorization")
# An escape that could write a letter (`\x41`, `\u0042`, `\N{...}`, octal) or join two runs of
# letters (a line continuation): anything but the escapes of a line end, a tab, a quote or a
# backslash.
_SPELLING_ESCAPE = lazy(r"\\[^ntr'\"`\\]")


def may_spell(source: str, words: Iterable[str]) -> bool:
    """Can a string literal written as ``source`` (quotes, prefix and escapes included) hold
    one of ``words`` (lower-case)? Its letters appear as written unless an escape writes them:
    a literal that fails this is not worth lowering to find out."""
    if _SPELLING_ESCAPE.search(source):
        return True
    lowered = source.lower()
    return any(word in lowered for word in words)


def may_spell_header(source: str) -> bool:
    return may_spell(source, HEADER_NAMES)


# RFC 9112 §2.2: a header block's lines end in CRLF; a bare LF is accepted as a line end.
_LINE_END = lazy(r"\r?\n")


def header_line(expr: ir.Expr, *, block: bool = False) -> ir.Expr | None:
    """The value of the `Authorization: ...` line in ``expr``, or None when it has none.

    ``block`` False: ``expr`` is one header line (a `curl -H` argument, an element of
    `CURLOPT_HTTPHEADER`) that must start with the name; everything after the colon is the
    value, a line end in it included (libcurl sends it: header injection). ``block`` True:
    ``expr`` is several lines (a stream context's `header`, a raw HTTP request); the line may
    start after any line end, and the next line end closes the value and is not part of it.
    """
    parts = _flat(expr)
    while len(parts) > 1 and isinstance(parts[0], ir.Lit) and not parts[0].text:
        parts = parts[1:]  # what is left of `--header=` once the option is dropped
    for index, part in enumerate(parts):
        if not isinstance(part, ir.Lit):
            continue
        starts = [0] if index == 0 else []
        if block:
            starts += [m.end() for m in _LINE_END.finditer(part.text)]
        for start in starts:
            match = _HEADER_LINE.match(part.text, start)
            if match is not None:
                return _line_value(parts, index, match.end(), expr.span, block=block)
        if not block:
            return None
    return None


def _flat(expr: ir.Expr) -> list[ir.Expr]:
    if not isinstance(expr, ir.Concat):
        return [expr]
    return [p for part in expr.parts for p in _flat(part)]


def _line_value(
    parts: list[ir.Expr], index: int, start: int, span: ir.Span, *, block: bool
) -> ir.Expr:
    """``parts[index]`` from ``start`` on, and the parts after it: up to the next line end
    when ``block``."""
    first = parts[index]
    assert isinstance(first, ir.Lit)
    value: list[ir.Expr] = []
    for position, part in enumerate(parts[index:]):
        begin = start if position == 0 else 0
        if isinstance(part, ir.Lit):
            end = len(part.text)
            found = _LINE_END.search(part.text, begin) if block else None
            if found is not None:
                end = found.start()
            if end > begin or position == 0:
                value.append(sub_lit(part, begin, end))
            if found is not None:
                break
        else:
            value.append(part)
    kept = [v for v in value if not (isinstance(v, ir.Lit) and not v.text)] or value[:1]
    return kept[0] if len(kept) == 1 else ir.Concat(tuple(kept), span)


class Sites:
    """What a lowering found: header values, credential pairs, fallbacks."""

    __slots__ = ("fallbacks", "headers", "pairs", "shaped")

    def __init__(self) -> None:
        self.headers: list[HeaderSite] = []
        self.pairs: list[PairSite] = []
        self.fallbacks: list[FallbackSite] = []
        # Expressions shaped like a header value (`"Basic " + ...`) outside any known sink.
        self.shaped: list[ir.Expr] = []

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
        elif lit is not None and _HEADER_WORD.search(lit.text):
            # A header line (or a block of them) built as text outside a known sink:
            # f"Authorization: Basic {token}", a heredoc returned for a raw request.
            line = header_line(expr, block=True)
            if line is not None and not isinstance(line, ir.Lit):
                self.shaped.append(line)

    def finish(self) -> Sites:
        """Turn the outermost shaped expressions outside every sink value into header sites."""
        taken = {site.value.span for site in self.headers}
        shaped = sorted(self.shaped, key=lambda e: (e.span[0], -e.span[1]))
        # Syntax nodes nest or are disjoint: sorted by start, one inside an outer shaped
        # expression ends before the furthest end kept so far (linear, not shaped x kept).
        reach = -1
        for expr in shaped:
            start, end = expr.span
            if end <= reach or any(s <= start and end <= e for s, e in taken):
                continue
            reach = max(reach, end)
            self.headers.append(HeaderSite(expr, expr.span, "header value", shaped=True))
        self.shaped = []
        return self


class Resolution:
    """Name -> expression through the scopes a lowering recorded.

    In the scope of the use: the last assignment that ends before the use, else a parameter.
    In an enclosing scope: the same, else its last assignment at all (a module constant defined
    below the function that uses it is set by the time the function runs).
    """

    def __init__(
        self,
        syntax: Syntax,
        lower: Callable[[Node, int], ir.Expr],
        fill: Callable[[Scope], None] | None = None,
    ) -> None:
        self.syntax = syntax
        self._lower = lower
        # Each (node, scope) is lowered once: a name read many times (a Digest header's
        # `HA1`, `A2`...) is resolved again at every read, and so are the functions it calls.
        self._lowered: dict[tuple[int, int], ir.Expr] = {}
        # Reads a scope's parameters and assignments on first use; None for a lowering that
        # fills every scope itself while it walks the tree.
        self.fill = fill
        self.scopes: dict[int, Scope] = {}
        # Names that resolved to nothing: on a partial parse, the rest of the file may hold them.
        self.missing: set[str] = set()
        # The same-file function a call reaches (set by a lowering that models them).
        self.functions: Callable[[ir.Call], ir.Function | None] | None = None
        # A bare name may call a function of the file when nothing assigns it (Ruby's
        # `auth_token`, a method called without parentheses).
        self.bare_calls = False
        # A name as written -> the key its object's member is kept under in the module scope
        # (Java `tok` or `this.tok` -> "this.tok"), or None; set by a lowering that models
        # members. Every assignment of a member is an alternative (constructor, setter, field
        # initialiser), like the branches of a conditional.
        self.member: Callable[[str], str | None] | None = None
        # What the calls of the file pass for a parameter of a function defined in it (set by
        # a lowering whose function finder knows its calls): its function's name, the arguments.
        self.callers: Callable[[ir.Param], tuple[str, tuple[ir.Expr, ...]]] | None = None

    def lower(self, node: Node, scope: int) -> ir.Expr:
        """``node`` in the IR, as the lowering builds it (once: lowering is a function of the
        tree; the IR is immutable)."""
        key = (node.id, scope)
        found = self._lowered.get(key)
        if found is None:
            found = self._lowered[key] = self._lower(node, scope)
        return found

    def resolve(self, name: ir.Name) -> ir.Expr | None:
        found = self._scoped(name)
        if found is not None:
            return found
        if self.bare_calls and self.functions is not None:
            call = ir.Call(name.name, (), (), name.span, name_span=name.span)
            if self.functions(call) is not None:
                return call
        self.missing.add(name.name)
        return None

    def property(self, obj: ir.Name, prop: str, span: ir.Span) -> ir.Expr | None:
        """What `obj.prop` reads: the last assignment to `obj.prop` itself when the lowering
        recorded one (under that dotted name), else the property of the object literal that
        ``obj`` holds (`const AUTH = {scheme: "Basic"}`), else None."""
        written = self._scoped(ir.Name(f"{obj.name}.{prop}", span, obj.scope))
        if written is not None:
            return written
        target = self.resolve(obj)
        if not isinstance(target, ir.Mapping):
            return None
        values = [v for k, v in target.items if isinstance(k, ir.Lit) and k.text == prop]
        return values[-1] if values else None  # `{a: 1, a: 2}`: the last one wins

    def _scoped(self, name: ir.Name) -> ir.Expr | None:
        scope = self.scopes.get(name.scope)
        inner = True
        while scope is not None:
            if not scope.filled and self.fill is not None:
                self.fill(scope)
            if scope.parent is None and self.member is not None:
                found = self._member(scope, name)
                if found is not None:
                    return found
            use = name.span[0] if inner else len(self.syntax.text)
            options = branch_values(self.syntax, scope.assignments.get(name.name, []), use)
            if len(options) > 1:  # assigned in the branches of a conditional: either value
                lowered = tuple(self.lower(node, scope.node_id) for node in options)
                return ir.choice(lowered, self.syntax.span(options[-1]))
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

    def _member(self, module: Scope, name: ir.Name) -> ir.Expr | None:
        key = self.member(name.name) if self.member is not None else None
        bindings = module.assignments.get(key, []) if key is not None else []
        if not bindings:
            return None
        unique = {(node.start_byte, node.end_byte): node for _, node in bindings}
        nodes = list(unique.values())[-MAX_OPTIONS:]
        lowered = tuple(self.lower(node, module.node_id) for node in nodes)
        return ir.choice(lowered, self.syntax.span(nodes[-1]))

    def arguments(self, param: ir.Param) -> tuple[ir.Expr, ...]:
        """What the calls in this file pass for ``param``; on a partial parse, calls of its
        function outside the parsed regions call for the whole file."""
        if self.callers is None:
            return ()
        name, found = self.callers(param)
        if name:
            self.missing.add(name)
        return found

    def function(self, call: ir.Call) -> ir.Function | None:
        """The same-file function ``call`` reaches, with its parameters and returns."""
        found = self.functions(call) if self.functions is not None else None
        if found is None and self.functions is not None and call.callee and "." not in call.callee:
            self.missing.add(call.callee)  # on a partial parse, it may be defined elsewhere
        return found


# Per lowering class: node type -> its ``on_<node type>`` method (or None).
_HANDLERS: dict[type, dict[str, Callable[[Any, Node, Scope], None] | None]] = {}


class AnchoredLowering:
    """The part of a lowering every language shares: find sink sites near the prefilter's
    anchors (never walking the whole tree), and build scopes only when a name is resolved.

    A language subclass sets SCOPES (node types that open a function scope) and ASSIGNMENTS (a
    tree-sitter query capturing each assignment as @assign), and implements ``lower``,
    ``params(scope_node, scope)``, ``record(assign_node, scope)`` (and ``record_member``) and
    the ``on_<node type>`` handlers that recognise sites.
    """

    SCOPES: frozenset[str] = frozenset()
    ASSIGNMENTS: str = ""
    # The node types of the language's string literals (``may_be_shaped``).
    STRINGS: frozenset[str] = frozenset()
    # How many ancestors of an anchor's node are asked whether they are a site.
    CLIMB = 10

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax
        self.text = syntax.text
        self.resolution = Resolution(syntax, self.lower, self.fill)
        self.sites = Sites()
        self._visited: set[int] = set()
        self._assigns: list[tuple[int, Node]] | None = None
        self._owned: dict[int, list[Node]] = {}  # scope id -> its assignments, in order

    def lower(self, node: Node, scope: int) -> ir.Expr:
        raise NotImplementedError

    def params(self, scope_node: Node, scope: Scope) -> None:
        raise NotImplementedError

    def record(self, assign: Node, scope: Scope) -> None:
        raise NotImplementedError

    def record_member(self, assign: Node, module: Scope) -> None:
        """An assignment inside a function, seen while building the module scope: `self.x = ...`
        is one class-wide binding, kept with the module's names."""

    def discover(self, offsets: Iterable[int]) -> Sites:
        root = self.syntax.root
        for offset in offsets:
            start = self.syntax.byte(offset)
            node: Node | None = root.named_descendant_for_byte_range(start, start + 1)
            # The climbing node's scope node: looked up for the first handler, then kept until
            # the climb reaches it (the ancestors below a scope node share its scope).
            owner: Node | None = None
            known = False
            for _ in range(self.CLIMB):
                if node is None or node.id in self._visited:
                    break
                self._visited.add(node.id)
                handler = self._handler(node.type)
                if handler is not None:
                    if not known:
                        owner, known = self.scope_node(node), True
                    handler(self, node, self.scope_for(owner))
                node = node.parent
                if node is not None and node.type in self.SCOPES:
                    known = False
        return self.sites.finish()

    @classmethod
    def _handler(cls, node_type: str) -> Callable[[Any, Node, Scope], None] | None:
        """The ``on_<node type>`` method of this language, looked up once per node type."""
        handlers = _HANDLERS.get(cls)
        if handlers is None:
            handlers = _HANDLERS[cls] = {}
        try:
            found: Callable[[Any, Node, Scope], None] | None = handlers[node_type]
        except KeyError:
            found = handlers[node_type] = getattr(cls, f"on_{node_type}", None)
        return found

    def may_be_shaped(self, top: Node) -> bool:
        """Can ``top`` lower to a construction that ``Sites.maybe_shaped`` keeps? What decides
        is its first literal, which comes from its leftmost string: a string whose source holds
        neither a scheme nor the header's name, nor an escape that could spell one, rules it
        out without lowering the whole construction (pydoc's topics are concatenations of
        thousands of strings, one of which starts with "Basic ")."""
        node = top
        while node.type not in self.STRINGS:
            if node.named_child_count == 0:
                return True  # not a string: lowered and decided as before
            node = node.named_children[0]
        source = self.syntax.source(node)
        if "%" in source or "{" in source:
            return True  # a format's fields take literals in
        return may_spell(source, _SHAPE_WORDS)

    def _assignments(self) -> list[tuple[int, Node]]:
        """Every assignment in the file with the id of the scope that owns it (one query)."""
        if self._assigns is None:
            found = captures(self.syntax.kind, self.ASSIGNMENTS, self.syntax.root)
            self._assigns = []
            self._owned = {}
            for assign in found.get("assign", []):
                owner = self.scope_node(assign)
                owner_id = 0 if owner is None else owner.id
                self._assigns.append((owner_id, assign))
                self._owned.setdefault(owner_id, []).append(assign)
        return self._assigns

    def scope_node(self, node: Node) -> Node | None:
        parent = node.parent
        while parent is not None and parent.type not in self.SCOPES:
            parent = parent.parent
        return parent

    def scope_of(self, node: Node) -> Scope:
        return self.scope_for(self.scope_node(node))

    def scope_for(self, scope_node: Node | None) -> Scope:
        key = 0 if scope_node is None else scope_node.id
        found = self.resolution.scopes.get(key)
        if found is not None:
            return found
        parent = None if scope_node is None else self.scope_of(scope_node)
        scope = Scope(key, parent)
        scope.node = scope_node
        self.resolution.scopes[key] = scope
        return scope

    def function_scope(self, definition: Node) -> Scope:
        scope = self.scope_for(definition)
        if not scope.filled:
            self.fill(scope)
        return scope

    def fill(self, scope: Scope) -> None:
        """Parameters and assignments of ``scope``: read on the first name resolved in it."""
        scope.filled = True
        if scope.node is not None:
            self.params(scope.node, scope)
        if scope.node is None:  # the module: its own names, and members set in functions
            for owner, assign in self._assignments():
                if owner == scope.node_id:
                    self.record(assign, scope)
                else:
                    self.record_member(assign, scope)
        else:  # a function: its own assignments only (a file's functions x its assignments
            # was quadratic)
            self._assignments()
            for assign in self._owned.get(scope.node_id, ()):
                self.record(assign, scope)
        for bindings in scope.assignments.values():
            bindings.sort(key=lambda item: item[0])

"""The language-neutral expression IR that each language's tree is lowered into.

Small on purpose: what builds an Authorization value or credentials, and nothing else.
Everything a lowering cannot express becomes `Opaque` (an unknown value), never an error.
Spans are character offsets into the file text, half-open.

Nodes are slotted classes with ``Final`` fields (see ``_Node``), not NamedTuples: mypy
compares NamedTuples structurally, and narrowing a recursive union of fourteen of them
(`isinstance` chains over `Expr`) took it minutes per module; classes are compared by name.
"""

from __future__ import annotations

from typing import Final, Literal, TypeAlias

Span: TypeAlias = tuple[int, int]


class _Node:
    """What every node shares: equality and hashing by its fields, in order, and a repr.

    Nodes are immutable by contract: each field is ``Final``, so mypy (strict, in CI) refuses
    any assignment after ``__init__``. Hand-written rather than frozen dataclasses: fifteen of
    those cost 18 ms of every run's start-up (the decorator compiles six methods per class),
    and a frozen one's ``__init__`` sets each field through ``object.__setattr__``.
    """

    __slots__: tuple[str, ...] = ()

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Node)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._fields()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({shown})"


class Lit(_Node):
    """A string (or bytes) literal: its runtime text, escapes resolved.

    ``offsets[i]`` is the file offset of ``text[i]``'s source (``len(text) + 1`` entries, the last
    one the content's end), so a diagnostic inside the value maps back to the character.
    """

    __slots__ = ("is_bytes", "offsets", "prose", "span", "text", "unexpanded")

    def __init__(  # noqa: PLR0917 - the order the lowerings build it in, as a dataclass's
        self,
        text: str,
        span: Span,
        offsets: tuple[int, ...],
        is_bytes: bool = False,
        prose: bool = False,
        unexpanded: tuple[Span, ...] = (),
    ) -> None:
        self.text: Final[str] = text
        self.span: Final[Span] = span
        self.offsets: Final[tuple[int, ...]] = offsets
        self.is_bytes: Final[bool] = is_bytes
        # Inside a comment or a docstring.
        self.prose: Final[bool] = prose
        # Template notation the language does NOT expand here: `'${T}'` in JS single quotes, `"{t}"`
        # in a Python string without its f, `"$t"` in a C# string without its `$`. Holds the
        # (start, end) of the notation inside ``text``.
        self.unexpanded: Final[tuple[Span, ...]] = unexpanded


class Concat(_Node):
    """`a + b`, `a . b`, `"%s%s" % ...` once flattened: parts in order."""

    __slots__ = ("parts", "span")

    def __init__(self, parts: tuple[Expr, ...], span: Span) -> None:
        self.parts: Final[tuple[Expr, ...]] = parts
        self.span: Final[Span] = span


class Conversion(_Node):
    """Turn a value into text: `str(x)`, `repr(x)`, f"{x!r}", `%r`, `%q`, `${x}` in a template.

    ``how``: "str" (the language's default text of a value: for Python bytes that is repr),
    "repr" (quoted, `!r` / `%r` / Go `%q`).
    """

    __slots__ = ("construct", "how", "quote", "span", "value")

    def __init__(
        self,
        value: Expr,
        how: Literal["str", "repr"],
        span: Span,
        construct: str = "",
        quote: str = "'",
    ) -> None:
        self.value: Final[Expr] = value
        self.how: Final[Literal["str", "repr"]] = how
        self.span: Final[Span] = span
        # The construction as written, for messages: "f-string", "str()", "%-format", "template".
        self.construct: Final[str] = construct
        self.quote: Final[str] = quote  # the quote a repr adds (Go's %q: '"')


class Call(_Node):
    """A call. ``callee`` is the dotted name when the function is a plain name chain
    (`base64.b64encode`, `Buffer.from`), else ""; ``receiver`` is the object of a method call
    whose object is not a plain name (`b64encode(x).decode()`: receiver is the inner call)."""

    __slots__ = ("args", "callee", "kwargs", "method", "name_span", "receiver", "span")

    def __init__(  # noqa: PLR0917 - the order the lowerings build it in, as a dataclass's
        self,
        callee: str,
        args: tuple[Expr, ...],
        kwargs: tuple[tuple[str, Expr], ...],
        span: Span,
        receiver: Expr | None = None,
        method: str = "",
        name_span: Span = (0, 0),
    ) -> None:
        self.callee: Final[str] = callee
        self.args: Final[tuple[Expr, ...]] = args
        self.kwargs: Final[tuple[tuple[str, Expr], ...]] = kwargs
        self.span: Final[Span] = span
        self.receiver: Final[Expr | None] = receiver
        self.method: Final[str] = method
        # Span of the callee's name as written (what a mechanical fix replaces).
        self.name_span: Final[Span] = name_span


class Name(_Node):
    """A variable. ``scope`` identifies the enclosing function (0 = module) for resolution."""

    __slots__ = ("name", "scope", "span")

    def __init__(self, name: str, span: Span, scope: int = 0) -> None:
        self.name: Final[str] = name
        self.span: Final[Span] = span
        self.scope: Final[int] = scope


class Attr(_Node):
    __slots__ = ("name", "obj", "span")

    def __init__(self, obj: Expr, name: str, span: Span) -> None:
        self.obj: Final[Expr] = obj
        self.name: Final[str] = name
        self.span: Final[Span] = span


class Index(_Node):
    __slots__ = ("key", "obj", "span")

    def __init__(self, obj: Expr, key: Expr, span: Span) -> None:
        self.obj: Final[Expr] = obj
        self.key: Final[Expr] = key
        self.span: Final[Span] = span


class Env(_Node):
    """An environment lookup: `os.environ["X"]`, `os.getenv("X")`, `process.env.X`."""

    __slots__ = ("span", "var")

    def __init__(self, var: str, span: Span) -> None:
        self.var: Final[str] = var
        self.span: Final[Span] = span


class Fallback(_Node):
    """`a || "lit"`, `a ?? "lit"`, `os.environ.get(k, "lit")`, `getenv(k, default)`."""

    __slots__ = ("default", "primary", "span")

    def __init__(self, primary: Expr, default: Expr, span: Span) -> None:
        self.primary: Final[Expr] = primary
        self.default: Final[Expr] = default
        self.span: Final[Span] = span


class Param(_Node):
    """A function parameter: a value from the caller, unknown here."""

    __slots__ = ("name", "span")

    def __init__(self, name: str, span: Span) -> None:
        self.name: Final[str] = name
        self.span: Final[Span] = span


class Seq(_Node):
    """A tuple, list or array literal."""

    __slots__ = ("items", "span")

    def __init__(self, items: tuple[Expr, ...], span: Span) -> None:
        self.items: Final[tuple[Expr, ...]] = items
        self.span: Final[Span] = span


class Mapping(_Node):
    """A dict, map or object literal: (key, value) pairs; a key is usually a Lit."""

    __slots__ = ("items", "span")

    def __init__(self, items: tuple[tuple[Expr, Expr], ...], span: Span) -> None:
        self.items: Final[tuple[tuple[Expr, Expr], ...]] = items
        self.span: Final[Span] = span


class Choice(_Node):
    """One of ``options`` at runtime: the branches of an if/else that assign a name, a
    conditional expression, the returns of a function. The evaluator takes each in turn."""

    __slots__ = ("options", "span")

    def __init__(self, options: tuple[Expr, ...], span: Span) -> None:
        self.options: Final[tuple[Expr, ...]] = options
        self.span: Final[Span] = span


class Function(_Node):
    """A function defined in the same file, as a call reaches it: its parameters in order
    (name, span of the declaration) and what it returns (a Choice when it returns in several
    places)."""

    __slots__ = ("params", "result", "span")

    def __init__(self, params: tuple[tuple[str, Span], ...], result: Expr, span: Span) -> None:
        self.params: Final[tuple[tuple[str, Span], ...]] = params
        self.result: Final[Expr] = result
        self.span: Final[Span] = span


class Opaque(_Node):
    """Anything the lowering does not model (a number, a lambda, a comprehension...)."""

    __slots__ = ("span", "what")

    def __init__(self, span: Span, what: str = "") -> None:
        self.span: Final[Span] = span
        self.what: Final[str] = what


Expr: TypeAlias = (
    Lit
    | Concat
    | Conversion
    | Call
    | Name
    | Attr
    | Index
    | Env
    | Fallback
    | Param
    | Seq
    | Mapping
    | Choice
    | Opaque
)


# What a branch holds when it has no value: `None`, `null`, `nil`, `undefined` (Opaque.what).
_NO_VALUE = frozenset({"none", "null", "null_literal", "undefined", "nil"})


def choice(options: tuple[Expr, ...], span: Span) -> Expr:
    """A Choice of ``options`` without those that hold no value (an empty string, `None`):
    such a branch is the code's path without credentials (`return ""` when no key is set),
    which the code guards, not a construction to judge. One option left is that option."""
    kept = tuple(
        o
        for o in options
        if not (isinstance(o, Lit) and not o.text)
        and not (isinstance(o, Opaque) and o.what in _NO_VALUE)
    )
    if not kept:
        return options[0] if len(options) == 1 else Choice(options, span)
    return kept[0] if len(kept) == 1 else Choice(kept, span)


def span_of(expr: Expr) -> Span:
    return expr.span


def dotted(expr: Expr) -> str:
    """`a.b.c` for a chain of names and attributes, else ""."""
    if isinstance(expr, Name):
        return expr.name
    if isinstance(expr, Attr):
        head = dotted(expr.obj)
        return f"{head}.{expr.name}" if head else ""
    return ""

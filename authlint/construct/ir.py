"""The language-neutral expression IR that each language's tree is lowered into.

Small on purpose: what builds an Authorization value or credentials, and nothing else.
Everything a lowering cannot express becomes `Opaque` (an unknown value), never an error.
Spans are character offsets into the file text, half-open.

Nodes are frozen slotted dataclasses, not NamedTuples: mypy compares NamedTuples
structurally, and narrowing a recursive union of fourteen of them (`isinstance` chains
over `Expr`) took it minutes per module; classes are compared by name. A node costs about
0.3 µs more to build and the module 3 ms more to import; a dense 2,000-file tree builds about
22,000 nodes, so under 10 ms in all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

Span: TypeAlias = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Lit:
    """A string (or bytes) literal: its runtime text, escapes resolved.

    ``offsets[i]`` is the file offset of ``text[i]``'s source (``len(text) + 1`` entries, the last
    one the content's end), so a diagnostic inside the value maps back to the character.
    """

    text: str
    span: Span
    offsets: tuple[int, ...]
    is_bytes: bool = False
    # Inside a comment or a docstring.
    prose: bool = False
    # Template notation the language does NOT expand here: `'${T}'` in JS single quotes, `"{t}"`
    # in a Python string without its f, `"$t"` in a C# string without its `$`. Holds the
    # (start, end) of the notation inside ``text``.
    unexpanded: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Concat:
    """`a + b`, `a . b`, `"%s%s" % ...` once flattened: parts in order."""

    parts: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Conversion:
    """Turn a value into text: `str(x)`, `repr(x)`, f"{x!r}", `%r`, `%q`, `${x}` in a template.

    ``how``: "str" (the language's default text of a value: for Python bytes that is repr),
    "repr" (quoted, `!r` / `%r` / Go `%q`).
    """

    value: Expr
    how: Literal["str", "repr"]
    span: Span
    # The construction as written, for messages: "f-string", "str()", "%-format", "template".
    construct: str = ""
    quote: str = "'"  # the quote a repr adds (Go's %q: '"')


@dataclass(frozen=True, slots=True)
class Call:
    """A call. ``callee`` is the dotted name when the function is a plain name chain
    (`base64.b64encode`, `Buffer.from`), else ""; ``receiver`` is the object of a method call
    whose object is not a plain name (`b64encode(x).decode()`: receiver is the inner call)."""

    callee: str
    args: tuple[Expr, ...]
    kwargs: tuple[tuple[str, Expr], ...]
    span: Span
    receiver: Expr | None = None
    method: str = ""
    # Span of the callee's name as written (what a mechanical fix replaces).
    name_span: Span = (0, 0)


@dataclass(frozen=True, slots=True)
class Name:
    """A variable. ``scope`` identifies the enclosing function (0 = module) for resolution."""

    name: str
    span: Span
    scope: int = 0


@dataclass(frozen=True, slots=True)
class Attr:
    obj: Expr
    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Index:
    obj: Expr
    key: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Env:
    """An environment lookup: `os.environ["X"]`, `os.getenv("X")`, `process.env.X`."""

    var: str
    span: Span


@dataclass(frozen=True, slots=True)
class Fallback:
    """`a || "lit"`, `a ?? "lit"`, `os.environ.get(k, "lit")`, `getenv(k, default)`."""

    primary: Expr
    default: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Param:
    """A function parameter: a value from the caller, unknown here."""

    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Seq:
    """A tuple, list or array literal."""

    items: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Mapping:
    """A dict, map or object literal: (key, value) pairs; a key is usually a Lit."""

    items: tuple[tuple[Expr, Expr], ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Choice:
    """One of ``options`` at runtime: the branches of an if/else that assign a name, a
    conditional expression, the returns of a function. The evaluator takes each in turn."""

    options: tuple[Expr, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Function:
    """A function defined in the same file, as a call reaches it: its parameters in order
    (name, span of the declaration) and what it returns (a Choice when it returns in several
    places)."""

    params: tuple[tuple[str, Span], ...]
    result: Expr
    span: Span


@dataclass(frozen=True, slots=True)
class Opaque:
    """Anything the lowering does not model (a number, a lambda, a comprehension...)."""

    span: Span
    what: str = ""


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

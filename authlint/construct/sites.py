"""Sink sites: where a lowering found a value reaching the wire (language-neutral)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from authlint.construct.ir import Expr, Span
from authlint.record import Record

if TYPE_CHECKING:
    from tree_sitter import Node


class HeaderSite(Record):
    """An Authorization (or Proxy-Authorization) header value: ``value`` is what is set."""

    __slots__ = ("context", "entry", "read_by_lines", "shaped", "span", "value")
    _fields = ("value", "span", "context", "read_by_lines", "entry", "shaped")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        value: Expr,
        span: Span,
        context: str,
        read_by_lines: bool = True,
        entry: tuple[Node, int] | None = None,
        shaped: bool = False,
    ) -> None:
        self.value: Final = value
        self.span: Final = span  # the statement or call that sets it (AL123 is reported here)
        # For messages: "headers dict", "add_header()", "setRequestHeader()"
        self.context: Final = context
        # A plain literal here is also a line reader's candidate (written at a sink it knows), and
        # judged there; False for an argument that reaches the sink through a helper's parameter.
        self.read_by_lines: Final = read_by_lines
        # The header's key/value entry and its scope, where the request's URL may be found beside
        # it (construct/destination.py): looked for only when the header has a finding.
        self.entry: Final = entry
        # Shaped like a header value (`"Basic " + t`, an `Authorization: ...` line built as text)
        # outside every known sink: a value only by its look.
        self.shaped: Final = shaped


class PairSite(Record):
    """Credentials given as two values: an auth tuple, HTTPBasicAuth(), an SDK constructor."""

    __slots__ = ("context", "secret", "span", "user")
    _fields = ("user", "secret", "span", "context")

    def __init__(self, user: Expr | None, secret: Expr, span: Span, context: str) -> None:
        self.user: Final = user
        self.secret: Final = secret
        self.span: Final = span
        self.context: Final = context


class FallbackSite(Record):
    """`env || "lit"` anywhere: the default is a literal the program may run with."""

    __slots__ = ("default", "span", "var")
    _fields = ("var", "default", "span")

    def __init__(self, var: str, default: Expr, span: Span) -> None:
        self.var: Final = var  # the environment variable, when the primary is one ("" otherwise)
        self.default: Final = default
        self.span: Final = span

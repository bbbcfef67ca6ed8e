"""Sink sites: where a lowering found a value reaching the wire (language-neutral)."""

from __future__ import annotations

from typing import NamedTuple

from tree_sitter import Node

from authlint.construct.ir import Expr, Span


class HeaderSite(NamedTuple):
    """An Authorization (or Proxy-Authorization) header value: ``value`` is what is set."""

    value: Expr
    span: Span  # the statement or call that sets it (AL123 is reported here)
    context: str  # for messages: "headers dict", "add_header()", "setRequestHeader()"
    # A plain literal here is also a line reader's candidate (written at a sink it knows), and
    # judged there; False for an argument that reaches the sink through a helper's parameter.
    read_by_lines: bool = True
    # The header's key/value entry and its scope, where the request's URL may be found beside
    # it (construct/destination.py): looked for only when the header has a finding.
    entry: tuple[Node, int] | None = None
    # Shaped like a header value (`"Basic " + t`, an `Authorization: ...` line built as text)
    # outside every known sink: a value only by its look.
    shaped: bool = False


class PairSite(NamedTuple):
    """Credentials given as two values: an auth tuple, HTTPBasicAuth(), an SDK constructor."""

    user: Expr | None
    secret: Expr
    span: Span
    context: str


class FallbackSite(NamedTuple):
    """`env || "lit"` anywhere: the default is a literal the program may run with."""

    var: str  # the environment variable, when the primary is one ("" otherwise)
    default: Expr
    span: Span

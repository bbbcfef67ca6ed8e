"""Abstract values: what the evaluator knows about a string the program builds.

A value is a sequence of pieces: known text (with where each character came from) and holes
(text the program gets at runtime: from the environment, a parameter, or something not
followed), each hole carrying what was done to it (base64 with which model, repr). Pieces that a
construction added on its own (the `b'` of a bytes repr, an encoder's newline) carry a `Cause`:
a finding inside them is that construction's fault, reported where the construction is.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from authlint.codes import Code
from authlint.construct.ir import Lit, Span
from authlint.construct.models import EncoderModel


class Cause(NamedTuple):
    """A construction that puts text into a value by itself: reported at ``span``."""

    code: Code
    span: Span
    construct: str  # as written: "base64.encodebytes", "f-string of bytes"
    advice: str = ""  # what to write instead, for the message
    fix: tuple[Span, str] | None = None  # mechanical replacement of file text


class Encoded(NamedTuple):
    """A hole that is the base64 of ``source`` under ``model``."""

    model: EncoderModel
    source: AValue
    span: Span  # the encoder call
    name_span: Span
    input_span: Span  # the expression encoded (where a missing `:` is fixed)
    # The encoder wraps lines: reported when the input may be long enough and nothing undid it.
    wrap: Cause | None = None


class Hole(NamedTuple):
    origin: Literal["env", "param", "unknown"]
    name: str = ""  # the variable or parameter name, when there is one
    # `.rstrip("=")` and friends applied after encoding: where.
    unpadded: Span | None = None
    # A JSON serialisation or another non-credential transform ("json").
    transform: str = ""
    # Every line break removed (`.replace("\n", "")`): an encoder's wrapping is undone.
    unwrapped: bool = False


class Piece(NamedTuple):
    text: str | None  # None: a hole
    span: Span  # where this piece comes from in the file
    # File offset per character of known text that a literal holds verbatim; None when derived.
    offsets: tuple[int, ...] | None = None
    hole: Hole | None = None
    cause: Cause | None = None
    # The literal this text comes from, and whether it was reached through a variable, across
    # statements or as a fallback (a secret there is reported at the literal).
    literal: Lit | None = None
    indirect: bool = False
    # The output of a base64 encoder (a known body, or a hole when the input is not known).
    encoded: Encoded | None = None


class AValue(NamedTuple):
    pieces: tuple[Piece, ...] = ()
    is_bytes: bool = False
    # Causes that hold for the value as a whole (an encoder applied to it...).
    causes: tuple[Cause, ...] = ()

    @property
    def known(self) -> str | None:
        """The whole text when nothing in it is a hole."""
        parts = []
        for piece in self.pieces:
            if piece.text is None:
                return None
            parts.append(piece.text)
        return "".join(parts)

    def holes(self) -> list[Hole]:
        return [p.hole for p in self.pieces if p.hole is not None]


UNKNOWN_HOLE = Hole("unknown")


def hole(span: Span, h: Hole = UNKNOWN_HOLE, *, is_bytes: bool = False) -> AValue:
    return AValue((Piece(None, span, hole=h),), is_bytes)


def from_lit(lit: Lit, *, indirect: bool = False) -> AValue:
    if not lit.text:
        return AValue((), lit.is_bytes)
    return AValue(
        (Piece(lit.text, lit.span, lit.offsets[:-1], literal=lit, indirect=indirect),),
        lit.is_bytes,
    )


def concat(values: list[AValue]) -> AValue:
    pieces: list[Piece] = []
    causes: list[Cause] = []
    for value in values:
        pieces.extend(value.pieces)
        causes.extend(value.causes)
    return AValue(tuple(pieces), bool(values) and values[0].is_bytes, tuple(causes))


def derived(text: str, span: Span, cause: Cause | None = None) -> Piece:
    return Piece(text, span, None, cause=cause)

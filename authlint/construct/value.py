"""Abstract values: what the evaluator knows about a string the program builds.

A value is a sequence of pieces: known text (with where each character came from) and holes
(text the program gets at runtime: from the environment, a parameter, or something not
followed), each hole carrying what was done to it (base64 with which model, repr). Pieces that a
construction added on its own (the `b'` of a bytes repr, an encoder's newline) carry a `Cause`:
a finding inside them is that construction's fault, reported where the construction is.
"""

from __future__ import annotations

from typing import Final, Literal

from authlint.codes import Code
from authlint.construct.ir import Lit, Span
from authlint.construct.models import EncoderModel
from authlint.record import Record


class Cause(Record):
    """A construction that puts text into a value by itself: reported at ``span``."""

    __slots__ = ("advice", "code", "construct", "fix", "span")
    _fields = ("code", "span", "construct", "advice", "fix")

    def __init__(
        self,
        code: Code,
        span: Span,
        construct: str,
        advice: str = "",
        fix: tuple[Span, str] | None = None,
    ) -> None:
        self.code: Final = code
        self.span: Final = span
        self.construct: Final = construct  # as written: "base64.encodebytes", "f-string of bytes"
        self.advice: Final = advice  # what to write instead, for the message
        self.fix: Final = fix  # mechanical replacement of file text


class Encoded(Record):
    """A hole that is the base64 of ``source`` under ``model``."""

    __slots__ = ("input_span", "model", "name_span", "source", "span", "wrap")
    _fields = ("model", "source", "span", "name_span", "input_span", "wrap")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        model: EncoderModel,
        source: AValue,
        span: Span,
        name_span: Span,
        input_span: Span,
        wrap: Cause | None = None,
    ) -> None:
        self.model: Final = model
        self.source: Final = source
        self.span: Final = span  # the encoder call
        self.name_span: Final = name_span
        self.input_span: Final = input_span  # the expression encoded (where a missing `:` is fixed)
        # The encoder wraps lines: reported when the input may be long enough and nothing undid it.
        self.wrap: Final = wrap


class Hole(Record):
    __slots__ = ("name", "origin", "transform", "unpadded", "unwrapped")
    _fields = ("origin", "name", "unpadded", "transform", "unwrapped")

    def __init__(
        self,
        origin: Literal["env", "param", "unknown"],
        name: str = "",
        unpadded: Span | None = None,
        transform: str = "",
        unwrapped: bool = False,
    ) -> None:
        self.origin: Final = origin
        self.name: Final = name  # the variable or parameter name, when there is one
        # `.rstrip("=")` and friends applied after encoding: where.
        self.unpadded: Final = unpadded
        # A JSON serialisation or another non-credential transform ("json").
        self.transform: Final = transform
        # Every line break removed (`.replace("\n", "")`): an encoder's wrapping is undone.
        self.unwrapped: Final = unwrapped


class Piece(Record):
    __slots__ = ("cause", "encoded", "hole", "indirect", "literal", "offsets", "span", "text")
    _fields = ("text", "span", "offsets", "hole", "cause", "literal", "indirect", "encoded")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        text: str | None,
        span: Span,
        offsets: tuple[int, ...] | None = None,
        hole: Hole | None = None,
        cause: Cause | None = None,
        literal: Lit | None = None,
        indirect: bool = False,
        encoded: Encoded | None = None,
    ) -> None:
        self.text: Final = text  # None: a hole
        self.span: Final = span  # where this piece comes from in the file
        # File offset per character of known text that a literal holds verbatim; None when derived.
        self.offsets: Final = offsets
        self.hole: Final = hole
        self.cause: Final = cause
        # The literal this text comes from, and whether it was reached through a variable, across
        # statements or as a fallback (a secret there is reported at the literal).
        self.literal: Final = literal
        self.indirect: Final = indirect
        # The output of a base64 encoder (a known body, or a hole when the input is not known).
        self.encoded: Final = encoded


class AValue(Record):
    __slots__ = ("causes", "is_bytes", "pieces")
    _fields = ("pieces", "is_bytes", "causes")

    def __init__(
        self, pieces: tuple[Piece, ...] = (), is_bytes: bool = False, causes: tuple[Cause, ...] = ()
    ) -> None:
        self.pieces: Final = pieces
        self.is_bytes: Final = is_bytes
        # Causes that hold for the value as a whole (an encoder applied to it...).
        self.causes: Final = causes

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

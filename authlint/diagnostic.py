"""What the parser reports: a Diagnostic per problem, and the HeaderError that carries them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from authlint.codes import Code
from authlint.record import Record


class Diagnostic(Record):
    """One problem in a header value.

    ``start``/``end`` are half-open character offsets into the value. ``message`` describes the
    span and never quotes the value, so a diagnostic is always safe to print. ``fix`` is the
    replacement for ``value[start:end]`` when the repair is mechanical.
    """

    __slots__ = ("code", "end", "fix", "message", "start")
    _fields = ("code", "message", "start", "end", "fix")

    def __init__(
        self, code: Code, message: str, start: int, end: int, fix: str | None = None
    ) -> None:
        self.code: Final = code
        self.message: Final = message
        self.start: Final = start
        self.end: Final = end
        self.fix: Final = fix


class HeaderError(ValueError):
    """Raised by ``parse`` and ``normalize``; ``diagnostics`` lists every problem, primary first."""

    diagnostics: tuple[Diagnostic, ...]

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        if not diagnostics:
            raise TypeError("HeaderError needs at least one diagnostic")
        self.diagnostics = tuple(diagnostics)
        super().__init__(self.diagnostics[0].message)

    @property
    def primary(self) -> Diagnostic:
        return self.diagnostics[0]

    def __str__(self) -> str:
        first = self.diagnostics[0]
        more = len(self.diagnostics) - 1
        suffix = f" (and {more} more)" if more else ""
        return f"{first.code}: {first.message}{suffix}"

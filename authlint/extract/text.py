"""Prose (.txt, .rst, .adoc, and Markdown outside code blocks): header lines and curl examples."""

from __future__ import annotations

from collections.abc import Iterator

from authlint.extract import curl, headerline
from authlint.extract.candidate import Candidate, Value


def extract(text: str) -> Iterator[Candidate]:
    """`Authorization: <scheme> <credentials>` in a line or inline code, and curl commands."""
    return extract_range(text, 0, len(text))


def extract_range(text: str, start: int, end: int) -> Iterator[Candidate]:
    """Candidates of the prose in text[start:end], with offsets into the whole text."""
    return headerline.dedupe(
        curl.extract(text, start, end, prose=True),
        _in_prose(headerline.line_headers(text, start, end, context="documentation", prose=True)),
    )


def _in_prose(candidates: Iterator[Candidate]) -> Iterator[Candidate]:
    """A header written in a sentence: `$TOKEN` or `<token>` there is notation for the reader."""
    # The constructors, not replace() (a loop over the fields by name): the same fields.
    for c in candidates:
        value = c.value
        in_prose = Value(value.text, value.start, value.literal, value.expands, True)
        yield Candidate(c.role, in_prose, c.secret, c.context, c.hosts)

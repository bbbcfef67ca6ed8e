"""Shell scripts: curl/wget/HTTPie commands, header lines in strings, header-holding variables."""

from __future__ import annotations

from collections.abc import Iterator

from authlint.extract import curl, headerline
from authlint.extract.candidate import Candidate


def extract(text: str) -> Iterator[Candidate]:
    """Candidates of a shell script (also Makefiles, Procfiles and console sessions)."""
    return extract_range(text, 0, len(text))


def extract_range(text: str, start: int, end: int) -> Iterator[Candidate]:
    """Candidates of the shell script in text[start:end] (a workflow's `run:` step), with
    offsets into the whole text."""
    return headerline.dedupe(
        curl.extract(text, start, end),
        headerline.line_headers(
            text, start, end, context="shell string", shell=True, quoted_only=True
        ),
        headerline.variable_headers(
            text,
            start,
            end,
            context="shell variable",
            word=curl.word_at,
            assigns=curl.at_assignment,
        ),
    )

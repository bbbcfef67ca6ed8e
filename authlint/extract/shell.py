"""Shell scripts: curl/wget/HTTPie commands, header lines in strings, header-holding variables."""

from __future__ import annotations

from collections.abc import Iterator

from authlint.extract import curl, headerline
from authlint.extract.candidate import Candidate


def extract(text: str) -> Iterator[Candidate]:
    """Candidates of a shell script (also Makefiles, Procfiles and console sessions)."""
    return headerline.dedupe(
        curl.extract(text),
        headerline.line_headers(text, context="shell string", shell=True, quoted_only=True),
        headerline.variable_headers(
            text, context="shell variable", word=curl.word_at, assigns=curl.at_assignment
        ),
    )

"""Dockerfiles: curl in RUN/HEALTHCHECK, header values in ENV/ARG.

The builder expands `$VAR` in ENV and ARG values as the shell would in RUN, and like the shell it
leaves single-quoted text alone, so every value is read as a shell word.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from authlint.extract import curl, headerline
from authlint.extract.candidate import Candidate, Role
from authlint.lazyre import lazy

# The legacy `ENV NAME value with spaces` form: the value is the rest of the line.
_ENV_SPACE: Final = lazy(
    r"(?im)^[ \t]{0,64}ENV[ \t]+(?P<name>[A-Za-z0-9_]{0,60}auth[A-Za-z0-9_]{0,60})[ \t]+(?=[^\s=])"
)
_REST: Final = lazy(r"[^\r\n]*")


def extract(text: str) -> Iterator[Candidate]:
    """Candidates of a Dockerfile."""
    return headerline.dedupe(
        curl.extract(text),
        curl.extract_exec(text),
        headerline.line_headers(text, context="Dockerfile", shell=True, quoted_only=True),
        headerline.variable_headers(text, context="Dockerfile ENV", word=curl.word_at),
        _legacy_env(text),
    )


def _legacy_env(text: str) -> Iterator[Candidate]:
    for match in _ENV_SPACE.finditer(text):
        start = match.end()
        rest = _REST.match(text, start)
        end = headerline.strip_ows(text, start, rest.end() if rest else start)
        if end <= start or headerline.NAME.match(text, start, end):
            continue
        value = headerline.value(text, start, end, expands=True, refs=headerline.SHELL_REFS)
        yield Candidate(Role.HEADER, value, context="Dockerfile ENV")

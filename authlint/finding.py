"""What the linter reports: one Finding per problem, located in a file, already redacted."""

from __future__ import annotations

import os
from bisect import bisect_right
from functools import lru_cache
from typing import Final

from authlint.codes import Code, Rule, Severity, rule
from authlint.lazyre import lazy
from authlint.record import OrderedRecord
from authlint.redact import fingerprint


class Finding(OrderedRecord):
    """A problem at a place in a file. Field order is output sort order.

    Lines and columns are 1-based; ``end_column`` is exclusive, like ruff's JSON. No field can
    hold a raw secret: ``snippet`` is redacted and ``fingerprint`` is a hash of (code, path,
    secret) with no line number, so baselines survive moved code (detect-secrets' rule).
    """

    __slots__ = (
        "code",
        "column",
        "end_column",
        "end_line",
        "fingerprint",
        "fix",
        "line",
        "message",
        "path",
        "severity",
        "snippet",
    )
    _fields = (
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "severity",
        "message",
        "snippet",
        "fingerprint",
        "fix",
    )
    # Equality and order leave out the fingerprint and the fix.
    _compared = _fields[:9]

    def __init__(  # noqa: PLR0917 - the field order is the sort order
        self,
        path: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        code: Code,
        severity: Severity,
        message: str,
        snippet: str,
        fingerprint: str,
        fix: str | None = None,  # replacement text, only for AL1xx
    ) -> None:
        self.path: Final = path
        self.line: Final = line
        self.column: Final = column
        self.end_line: Final = end_line
        self.end_column: Final = end_column
        self.code: Final = code
        self.severity: Final = severity
        self.message: Final = message
        self.snippet: Final = snippet
        self.fingerprint: Final = fingerprint
        self.fix: Final = fix

    @property
    def rule(self) -> Rule:
        return rule(self.code)


class LineIndex:
    """Maps character offsets in a text to 1-based (line, column); one per file.

    Most files with findings have a few: the first ``_DIRECT`` questions are answered by
    counting newlines in C (``str.count``/``rfind`` over the text before the offset), and the
    table of line starts, which costs a pass over every line, is built only for the next one."""

    __slots__ = ("_asked", "_starts", "_text")

    # Each direct answer reads the text up to the offset; a table costs about as much as a few
    # such passes over the whole text.
    _DIRECT = 8

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._asked = 0

    def _table(self) -> list[int]:
        starts = self._starts
        if starts is None:
            starts = self._starts = [0, *[m.end() for m in _NEWLINE.finditer(self._text)]]
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        if self._starts is None and self._asked < self._DIRECT and offset >= 0:
            self._asked += 1
            text = self._text
            start = text.rfind("\n", 0, offset) + 1
            return text.count("\n", 0, offset) + 1, offset - start + 1
        starts = self._table()
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets [start, end) of 1-based ``line`` without its newline."""
        starts = self._table()
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self._text)
        return start, end


_NEWLINE = lazy("\n")


def make_finding(
    *,
    path: str,
    index: LineIndex,
    start: int,
    end: int,
    code: Code,
    message: str,
    snippet: str,
    secret: str,
    fix: str | None = None,
    fingerprint_path: str | None = None,
    digest: str | None = None,
) -> Finding:
    """Build a Finding from offsets. ``secret`` is hashed here and then dropped.

    ``snippet`` must already be redacted by the caller (redact.redact_secret); ``secret`` is the
    matched value the fingerprint identifies (for malformed headers: the header value).
    ``fingerprint_path`` is the path the fingerprint hashes (``stable_path``), default ``path``.
    ``digest``: that fingerprint, when the caller already computed it for the same (code, path,
    secret): one long header value can carry thousands of diagnostics.
    """
    line, column = index.position(start)
    end_line, end_column = index.position(max(end, start))
    meta = rule(code)
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=code,
        severity=meta.severity,
        message=message,
        snippet=snippet,
        fingerprint=(
            digest
            if digest is not None
            else fingerprint(str(code), fingerprint_path or path, secret)
        ),
        fix=fix,
    )


def stable_path(path: str, location: str | None = None) -> str:
    """The path a fingerprint hashes: from the root of the repository holding the file (the
    nearest directory above it with ``.git``), so fingerprints, baselines and allowlists do not
    depend on where the run starts; history's paths are these already. Outside a repository,
    ``path`` as given. ``location``: the file's absolute path when ``path`` is not relative to
    the working directory."""
    absolute = location or os.path.abspath(path)
    root = _repository_root(os.path.dirname(absolute))
    if root is None:
        return path
    # ``root`` is a directory above the normalised ``absolute``: the rest of it is the relative
    # path (os.path.relpath normalises both again, once per file of the run).
    return absolute[len(root.rstrip(os.sep)) + 1 :].replace(os.sep, "/")


def repository_root(directory: str) -> str | None:
    """The nearest directory at or above the absolute, normalised ``directory`` that holds
    ``.git``; None outside a repository."""
    return _repository_root(directory)


@lru_cache(maxsize=1024)
def _repository_root(directory: str) -> str | None:
    if os.path.exists(os.path.join(directory, ".git")):
        return directory
    parent = os.path.dirname(directory)
    return None if parent == directory else _repository_root(parent)

"""`--fix` and `--diff`: rewrite fixable malformed header literals with ``normalize``.

Only the header value itself is replaced, inside its existing quotes; a secret is never moved,
removed or printed (the diff shows redacted values).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import TextIO

from authlint.config import Settings
from authlint.diagnostic import HeaderError
from authlint.extract import Candidate, Role, extractor, kind_of
from authlint.header import normalize, redact, validate

_SCHEMES = {"basic": "Basic", "bearer": "Bearer"}


def _prefix_fix(text: str) -> str | None:
    """`basic ` / `Basic  ` / `BEARER` before a runtime token -> `Basic ` / `Bearer `."""
    word = text.strip(" \t")
    canonical = _SCHEMES.get(word.lower())
    if canonical is None:
        return None
    return canonical + " "


def edits(text: str, kind: str, settings: Settings) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) for every fixable header literal and construction in ``text``,
    in order, none overlapping."""
    from authlint.construct.fixes import construction_edits

    changes = sorted([*_literal_edits(text, kind, settings), *construction_edits(text, kind)])
    last_end = -1
    for start, end, replacement in changes:
        if start >= last_end:
            last_end = end
            yield start, end, replacement


def _literal_edits(text: str, kind: str, settings: Settings) -> Iterator[tuple[int, int, str]]:
    candidates: list[Candidate] = sorted(
        extractor(kind)(text), key=lambda c: (c.value.start, c.value.end)
    )
    last_end = -1
    for candidate in candidates:
        value = candidate.value
        if not value.literal or value.start < last_end:
            continue
        replacement: str | None = None
        if candidate.role is Role.HEADER and not (value.expands and "$" in value.text):
            if not validate(value.text, profile=settings.profile):
                continue
            try:
                replacement = normalize(value.text)
            except HeaderError:
                continue
        elif candidate.role is Role.HEADER_PREFIX:
            replacement = _prefix_fix(value.text)
        if replacement is not None and replacement != value.text:
            last_end = value.end
            yield value.start, value.end, replacement


def apply_edits(text: str, changes: list[tuple[int, int, str]]) -> str:
    parts: list[str] = []
    position = 0
    for start, end, replacement in changes:
        parts.append(text[position:start])
        parts.append(replacement)
        position = end
    parts.append(text[position:])
    return "".join(parts)


def fix_paths(args: argparse.Namespace, settings: Settings, *, write: bool, stream: TextIO) -> int:
    """Fix (or with ``write=False`` show) every file; returns the number of values changed."""
    from authlint.discover import discover
    from authlint.finding import LineIndex
    from authlint.scan import decode

    total = 0
    for path in discover(args.paths or ["."], settings, force_exclude=args.force_exclude):
        try:
            with open(path, "rb") as handle:
                data = handle.read(settings.max_file_size + 1)
        except OSError:
            continue  # the scan that follows reports it as skipped
        if len(data) > settings.max_file_size:
            continue
        text = decode(data)
        # Only rewrite files that round-trip exactly: never re-encode or lose a byte.
        if text is None or text.encode("utf-8") != data:
            continue
        changes = list(edits(text, kind_of(path, text[:256]), settings))
        if not changes:
            continue
        total += len(changes)
        if write:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(apply_edits(text, changes))
            print(f"fixed {len(changes)} header value(s) in {path}", file=stream)
            continue
        index = LineIndex(text)
        print(f"--- {path}\n+++ {path} (fixed)", file=stream)
        for start, end, replacement in changes:
            line, column = index.position(start)
            print(f"@@ {line}:{column} @@", file=stream)
            print(f"-{_shown(text[start:end])}", file=stream)
            print(f"+{_shown(replacement)}", file=stream)
    return total


def _shown(value: str) -> str:
    # redact() keeps the scheme and a short prefix: enough to see a case, quote or space fix.
    return redact(value) if value.strip() and " " in value.strip() else value

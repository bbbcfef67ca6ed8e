"""`--fix` and `--diff`: rewrite fixable malformed header literals with ``normalize``.

Only the header value itself is replaced, inside its existing quotes; a secret is never moved,
removed or printed (the diff shows redacted values).

An edit is offered only when re-checking the fixed expression finds nothing left to fix: a whole
value must validate after ``normalize``; a literal prefix (`"basic" + token`) is re-checked
together with what the expression appends to it, so `"basic" + (" " + tok)` gets only its case
fixed (a space added there would be a second one) and `"bearer" + SEP + tok`, where what `SEP`
holds is unknown, gets no separator. ``edits`` is also what marks findings fixable (``[*]``), so
the count shown is the count ``--fix`` fixes.

Files are written through ``safeio.write_atomic`` (temporary file, fsync, rename, mode kept): a
file that cannot be written is left as it was, reported, and the run goes on to the next.
"""

from __future__ import annotations

import argparse
import bisect
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final, TextIO

from authlint.codes import Code
from authlint.config import Settings
from authlint.diagnostic import HeaderError
from authlint.extract import Candidate, Role, extractor
from authlint.header import normalize, redact, validate
from authlint.record import Record

if TYPE_CHECKING:
    from collections import Counter

    from authlint.scan import TextOutcome

_SCHEMES = {"basic": "Basic", "bearer": "Bearer"}
# Stands in for the runtime credentials when a prefix is re-checked: RFC 7617's example.
_STAND_IN = "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
_QUOTES = "\"'`"
_HEADER_CODES = frozenset(code for code in Code if code.value.startswith("AL1"))
# After a literal: a concatenation operator (+ in most languages, . in PHP, .. in Lua, << in
# C++/Ruby), then maybe opening parentheses.
_CONCAT = re.compile(r"[ \t]{0,20}(?:\+(?![+=])|\.\.?(?![=0-9A-Za-z_])|<<)[ \t(]{0,20}")
_OPERAND = re.compile(
    r"[A-Za-z_$][A-Za-z0-9_$.]{0,200}(?:\([^()\n]{0,200}\)|\[[^\[\]\n]{0,200}\])?"
)
_MORE = re.compile(r"[ \t]{0,20}(?:\+(?![+=])|\.\.?(?![=0-9A-Za-z_])|<<)")


class Edit(Record):
    __slots__ = ("codes", "end", "marker", "replacement", "start")
    _fields = ("start", "end", "replacement", "codes", "marker")

    def __init__(
        self, start: int, end: int, replacement: str, codes: frozenset[Code], marker: str = ""
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.replacement: Final = replacement
        # What the edit fixes: findings of these codes inside [start, end).
        self.codes: Final = codes
        # Finding.fix for findings it fixes that carry none: never credentials.
        self.marker: Final = marker


def _literal_after(text: str, quote_at: int) -> str | None:
    """The body of the string literal whose opening quote is at ``quote_at`` (one line)."""
    quote = text[quote_at]
    i = quote_at + 1
    limit = min(len(text), i + 400)
    while i < limit:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == quote:
            return text[quote_at + 1 : i]
        if char == "\n":
            return None
        i += 1
    return None


def _appended(text: str, end: int) -> str | None:
    """What the expression appends to the prefix literal ending at ``end``: "" when it is the
    runtime credentials alone, a literal's text when a literal comes first, None when unknown."""
    if end >= len(text) or text[end] not in _QUOTES:
        return ""  # the literal goes on with an interpolation: `f"Bearer {t}"`, `"Basic %s"`
    op = _CONCAT.match(text, end + 1)
    if op is None:
        return None
    after = op.end()
    if after < len(text) and text[after] in _QUOTES:
        return _literal_after(text, after)
    operand = _OPERAND.match(text, after)
    if operand is None or _MORE.match(text, operand.end()):
        return None  # `"bearer" + SEP + tok`: what SEP holds is unknown
    return ""


def _prefix_problems(prefix: str, appended: str) -> frozenset[Code]:
    from authlint.checks.headers import prefix_codes

    return prefix_codes(prefix + appended)


def _prefix_edit(text: str, value_start: int, prefix: str) -> Edit | None:
    word = prefix.strip(" \t")
    canonical = _SCHEMES.get(word.lower())
    if canonical is None or prefix[: len(prefix) - len(prefix.lstrip(" \t"))]:
        return None
    appended = _appended(text, value_start + len(prefix))
    before = _prefix_problems(prefix, appended or "")
    if appended is None:
        # Unknown continuation: only the case is ours to fix, the spacing stays as written.
        replacement = canonical + prefix[len(word) :]
        after = _prefix_problems(replacement, "")
        fixed = before & ({Code.SCHEME_CASE} - after)
    else:
        options = [canonical + " ", canonical]
        replacement = next((o for o in options if not _prefix_problems(o, appended)), "")
        if not replacement:
            return None
        fixed = before
    if replacement == prefix or not fixed:
        return None
    # A prefix edit's replacement is a scheme name and a space: safe to carry as the marker.
    return Edit(value_start, value_start + len(prefix), replacement, frozenset(fixed), replacement)


def edits(
    text: str, kind: str, settings: Settings, found: Iterable[Candidate] | None = None
) -> Iterator[Edit]:
    """Every fix ``--fix`` makes in ``text``, in order, each already re-checked, none
    overlapping: header literals, and constructions (an encoder renamed: authlint/construct).
    ``found``: the extractor's candidates for ``text``, when the caller has them already."""
    from authlint.construct.fixes import construction_edits

    constructed = [
        # A callee's name is never credentials: safe to carry as the marker.
        Edit(start, end, replacement, frozenset({code}), replacement)
        for start, end, replacement, code in construction_edits(text, kind)
    ]
    changes = sorted(
        [*_literal_edits(text, kind, settings, found), *constructed], key=lambda e: e.start
    )
    last_end = -1
    for edit in changes:
        if edit.start >= last_end:
            last_end = edit.end
            yield edit


def _literal_edits(
    text: str, kind: str, settings: Settings, found: Iterable[Candidate] | None
) -> Iterator[Edit]:
    candidates: list[Candidate] = sorted(
        extractor(kind)(text) if found is None else found,
        key=lambda c: (c.value.start, c.value.end),
    )
    last_end = -1
    for candidate in candidates:
        value = candidate.value
        if not value.literal or value.start < last_end:
            continue
        edit: Edit | None = None
        if candidate.role is Role.HEADER and not (value.expands and "$" in value.text):
            problems = validate(value.text, profile=settings.profile)
            if not problems:
                continue
            try:
                replacement = normalize(value.text)
            except HeaderError:
                continue
            if validate(replacement, profile=settings.profile):
                continue  # re-checked: the fix would not give a valid value
            # The fixed value validates: every header finding on it goes away.
            edit = Edit(value.start, value.end, replacement, _HEADER_CODES)
        elif candidate.role is Role.HEADER_PREFIX and not value.prose:
            edit = _prefix_edit(text, value.start, value.text)
        if edit is not None and edit.replacement != value.text:
            last_end = value.end
            yield edit


def apply_edits(text: str, changes: list[Edit]) -> str:
    parts: list[str] = []
    position = 0
    for edit in changes:
        parts.append(text[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


class FixResult(Record):
    __slots__ = ("changed", "failed")
    _fields = ("changed", "failed")

    def __init__(self, changed: int, failed: tuple[tuple[str, str], ...]) -> None:
        self.changed: Final = changed  # values fixed (or, for --diff, that would be)
        # (path, reason) of each file that could not be fixed.
        self.failed: Final = failed


def reported_edits(
    outcome: TextOutcome, text: str, baseline: Counter[str] | None = None
) -> list[Edit]:
    """The edits of ``outcome`` (a scan's, see ``scan.fixes_for``) left once ``baseline`` (the
    budget of each recorded fingerprint, drawn on in finding order) has taken its findings: an
    edit is made only when it fixes a reported finding and would rewrite no baselined one."""
    if baseline is None or not outcome.fixes:
        return list(outcome.fixes)
    from authlint.finding import LineIndex

    index = LineIndex(text)
    fixes = outcome.fixes
    # Findings carry (line, column); edits are sorted and never overlap.
    starts = [index.position(e.start) for e in fixes]
    ends = [index.position(e.end) for e in fixes]
    reported: set[int] = set()
    withheld: set[int] = set()
    for finding in outcome.findings:
        baselined = baseline[finding.fingerprint] > 0
        if baselined:
            baseline[finding.fingerprint] -= 1
        where = (finding.line, finding.column)
        at = bisect.bisect_right(starts, where) - 1
        if at < 0 or where >= ends[at] or finding.code not in fixes[at].codes:
            continue
        if baselined:
            withheld.add(at)
        elif finding.fix is not None:
            reported.add(at)
    return [fixes[at] for at in sorted(reported - withheld)]


def fix_paths(
    args: argparse.Namespace,
    settings: Settings,
    *,
    write: bool,
    stream: TextIO,
    baseline: Counter[str] | None = None,
) -> FixResult:
    """Fix (or with ``write=False`` show) every file; every file that could not be written is
    reported on stderr and in the result, and the others are still fixed. Only findings the
    report would show are fixed: ``baseline`` is the budget of the baseline in use, if any."""
    from authlint.discover import discover
    from authlint.finding import LineIndex
    from authlint.report import visible
    from authlint.safeio import Refused, read_regular, remove_stale_temps, write_atomic
    from authlint.scan import decode, fixes_for

    total = 0
    failed: list[tuple[str, str]] = []
    cleaned: set[str] = set()
    for path in discover(args.paths or ["."], settings, force_exclude=args.force_exclude):
        try:
            data, info = read_regular(path, settings.max_file_size)
        except Refused:
            continue  # the scan that follows reports it as skipped
        text = decode(data)
        # Only rewrite files that round-trip exactly: never re-encode or lose a byte.
        if text is None or text.encode("utf-8") != data:
            continue
        try:
            changes = reported_edits(fixes_for(path, text, settings), text, baseline)
        except Exception:  # an extractor bug: the scan reports the file as partly checked
            continue
        if not changes:
            continue
        shown = visible(path)
        if write:
            directory = os.path.dirname(os.path.abspath(path))
            if directory not in cleaned:
                # Before the first write in a directory: temporary files an earlier --fix
                # left there when it was killed (SIGKILL cannot be caught to clean up).
                cleaned.add(directory)
                for name in remove_stale_temps(directory):
                    left = os.path.join(os.path.dirname(path), name)
                    print(
                        f"authlint: removed {visible(left)} (left by an interrupted --fix)",
                        file=sys.stderr,
                    )
            try:
                write_atomic(path, apply_edits(text, changes).encode("utf-8"), expected=info)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                failed.append((path, reason))
                print(f"authlint: error: cannot fix {shown}: {visible(reason)}", file=sys.stderr)
                continue
            total += len(changes)
            print(f"fixed {len(changes)} header value(s) in {shown}", file=stream)
            continue
        total += len(changes)
        index = LineIndex(text)
        print(f"--- {shown}\n+++ {shown} (fixed)", file=stream)
        for edit in changes:
            line, column = index.position(edit.start)
            print(f"@@ {line}:{column} @@", file=stream)
            print(f"-{visible(_shown(text[edit.start : edit.end]))}", file=stream)
            print(f"+{visible(_shown(edit.replacement))}", file=stream)
    return FixResult(total, tuple(failed))


def _shown(value: str) -> str:
    # redact() keeps the scheme and a short prefix: enough to see a case, quote or space fix. A
    # scheme word alone (a prefix edit) is shown as is; any other single word may be a secret.
    if value.strip(" \t").lower() in _SCHEMES or not value.strip():
        return value
    return redact(value)

"""Baselines: record today's findings by fingerprint, report only what is new.

The file holds hashes, codes and paths, never a secret or a snippet. A Finding's fingerprint is
sha256(code, path, secret) with no line number, so moving or editing other lines keeps entries
valid; renaming the file or changing the secret does not.

The same secret twice in one file gives two findings with one fingerprint, so each entry keeps a
``count``: a baseline that recorded one copy suppresses one, and a second copy added later is
still reported (the later one in line order, as findings are sorted by position).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Container, Mapping
from dataclasses import dataclass
from pathlib import Path

from authlint import __version__
from authlint.codes import Code
from authlint.result import ScanResult

FORMAT_VERSION = 1
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_CODES = frozenset(str(code) for code in Code)


class BaselineError(Exception):
    """A baseline file is missing, unreadable or malformed; str() is a one-line reason."""


@dataclass(frozen=True, slots=True, order=True)
class BaselineEntry:
    path: str
    code: str
    fingerprint: str
    count: int = 1

    def describe(self) -> str:
        copies = f" ({self.count} copies)" if self.count > 1 else ""
        return f"{self.path}: {self.code} {self.fingerprint}{copies}"


@dataclass(frozen=True, slots=True)
class Baseline:
    entries: tuple[BaselineEntry, ...]

    @property
    def counts(self) -> Mapping[str, int]:
        """fingerprint -> how many findings it may suppress."""
        counts: Counter[str] = Counter()
        for entry in self.entries:
            counts[entry.fingerprint] += entry.count
        return counts


def baseline_from_result(result: ScanResult) -> Baseline:
    counts = Counter((f.path, str(f.code), f.fingerprint) for f in result.findings)
    return Baseline(tuple(sorted(BaselineEntry(p, c, fp, n) for (p, c, fp), n in counts.items())))


def dumps_baseline(baseline: Baseline) -> str:
    entries = []
    for entry in baseline.entries:
        item: dict[str, str | int] = {
            "fingerprint": entry.fingerprint,
            "code": entry.code,
            "path": entry.path,
        }
        if entry.count != 1:
            item["count"] = entry.count
        entries.append(item)
    data = {"version": FORMAT_VERSION, "authlint_version": __version__, "entries": entries}
    return json.dumps(data, indent=2) + "\n"


def write_baseline(path: str | os.PathLike[str], result: ScanResult) -> Baseline:
    """Record ``result``'s findings in ``path`` (replaced atomically) and return the baseline."""
    baseline = baseline_from_result(result)
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".authlint-baseline-", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(dumps_baseline(baseline))
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {target}: {exc.strerror or exc}") from None
    return baseline


def _entry(item: object, index: int, where: str) -> BaselineEntry:
    if not isinstance(item, dict):
        raise BaselineError(f"{where}: entry {index} is not an object")
    fingerprint, code, path = item.get("fingerprint"), item.get("code"), item.get("path")
    count = item.get("count", 1)
    if not isinstance(fingerprint, str) or not _FINGERPRINT.fullmatch(fingerprint):
        raise BaselineError(f"{where}: entry {index} has no valid fingerprint (64 hex digits)")
    if not isinstance(code, str) or code not in _CODES:
        raise BaselineError(f"{where}: entry {index} has an unknown code {code!r}")
    if not isinstance(path, str) or not path:
        raise BaselineError(f"{where}: entry {index} has no path")
    if type(count) is not int or count < 1:
        raise BaselineError(f"{where}: entry {index} has an invalid count")
    return BaselineEntry(path, code, fingerprint, count)


def loads_baseline(text: str, where: str = "baseline") -> Baseline:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{where}: not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(data, dict) or "entries" not in data:
        raise BaselineError(f"{where}: not an authlint baseline (no 'entries')")
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise BaselineError(
            f"{where}: unsupported baseline version {version!r} (expected {FORMAT_VERSION})"
        )
    items = data["entries"]
    if not isinstance(items, list):
        raise BaselineError(f"{where}: 'entries' is not a list")
    return Baseline(tuple(_entry(item, i, where) for i, item in enumerate(items)))


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file; BaselineError (exit 2 in the CLI) if missing or malformed."""
    where = f"baseline {os.fspath(path)}"
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{where}: no such file") from None
    except UnicodeDecodeError:
        raise BaselineError(f"{where}: not UTF-8 text") from None
    except OSError as exc:
        raise BaselineError(f"{where}: cannot read: {exc.strerror or exc}") from None
    return loads_baseline(text, where)


def apply_baseline(
    result: ScanResult,
    baseline: Baseline,
    show_stale: bool = False,
    *,
    scanned_paths: Container[str] | None = None,
    enabled_codes: Container[str] | None = None,
) -> ScanResult:
    """``result`` without the findings ``baseline`` records, counted in ``suppressed``.

    With ``show_stale``, entries that matched nothing fill ``stale`` (their ``describe()``
    text). An entry is only stale if its file was scanned and its code enabled, so give
    ``scanned_paths``/``enabled_codes`` when the scan covered only part of the tree or of the
    rules (pre-commit file lists, ``--select``); ``None`` means everything.
    """
    budget = Counter(baseline.counts)
    kept = []
    for finding in result.findings:
        if budget[finding.fingerprint] > 0:
            budget[finding.fingerprint] -= 1
        else:
            kept.append(finding)
    suppressed = len(result.findings) - len(kept)
    stale: tuple[str, ...] = ()
    if show_stale:
        stale_entries = []
        for entry in baseline.entries:
            # Entries sharing a fingerprint (a hand-edited file) draw on one budget.
            unused = min(entry.count, budget[entry.fingerprint])
            if unused <= 0:
                continue
            budget[entry.fingerprint] -= unused
            if scanned_paths is not None and entry.path not in scanned_paths:
                continue
            if enabled_codes is not None and entry.code not in enabled_codes:
                continue
            stale_entries.append(dataclasses.replace(entry, count=unused))
        stale = tuple(entry.describe() for entry in sorted(stale_entries))
    return result.replace(
        findings=tuple(kept),
        suppressed=result.suppressed + suppressed,
        stale=stale,
    )

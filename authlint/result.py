"""What a scan returns: findings in output order, and the files it could not read."""

from __future__ import annotations

from dataclasses import dataclass, field

from authlint.codes import Severity
from authlint.finding import Finding


@dataclass(frozen=True, slots=True, order=True)
class Skipped:
    path: str
    reason: str  # "binary", "too large (12.0 MB > 10.0 MB)", "unreadable: Permission denied", ...


@dataclass(frozen=True, slots=True)
class ScanResult:
    findings: tuple[Finding, ...]  # sorted: path, line, column, code
    skipped: tuple[Skipped, ...] = ()
    files_scanned: int = 0
    bytes_scanned: int = 0
    suppressed: int = 0  # by inline comments, allowlist and baseline together
    # Baseline entries that matched nothing (only filled with --show-stale).
    stale: tuple[str, ...] = field(default=())

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

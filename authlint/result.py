"""What a scan returns: findings in output order, and the files it could not read."""

from __future__ import annotations

from typing import Final

from authlint.codes import Severity
from authlint.finding import Finding
from authlint.record import OrderedRecord, Record


class Skipped(OrderedRecord):
    __slots__ = ("path", "reason")
    _fields = ("path", "reason")

    def __init__(self, path: str, reason: str) -> None:
        self.path: Final = path
        # "binary", "too large (12.0 MB > 10.0 MB)", "unreadable: Permission denied", ...
        self.reason: Final = reason


class ScanResult(Record):
    __slots__ = (
        "bytes_scanned",
        "files_scanned",
        "findings",
        "skipped",
        "stale",
        "suppressed",
    )
    _fields = ("findings", "skipped", "files_scanned", "bytes_scanned", "suppressed", "stale")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        findings: tuple[Finding, ...],
        skipped: tuple[Skipped, ...] = (),
        files_scanned: int = 0,
        bytes_scanned: int = 0,
        suppressed: int = 0,
        stale: tuple[str, ...] = (),
    ) -> None:
        self.findings: Final = findings  # sorted: path, line, column, code
        self.skipped: Final = skipped
        self.files_scanned: Final = files_scanned
        self.bytes_scanned: Final = bytes_scanned
        self.suppressed: Final = suppressed  # by inline comments, allowlist and baseline together
        # Baseline entries that matched nothing (only filled with --show-stale).
        self.stale: Final = stale

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

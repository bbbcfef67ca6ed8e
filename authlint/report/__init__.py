"""Output formats: one module per format, loaded only when asked for.

A reporter is ``(result, stream, options) -> None`` and reads only Finding fields, which are
already redacted: no reporter ever sees a raw secret.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import Final, TextIO

from authlint.record import Record
from authlint.result import ScanResult

# format -> "module:function". Strings, not imports: pre-commit starts authlint on every commit,
# and a text run should not pay for xml.etree or the SARIF rule table.
REPORTERS: dict[str, str] = {
    "text": "authlint.report.text:report_text",
    "json": "authlint.report.json_report:report_json",
    "sarif": "authlint.report.sarif:report_sarif",
    "github": "authlint.report.github:report_github",
    "junit": "authlint.report.junit:report_junit",
    "gitlab": "authlint.report.gitlab:report_gitlab",
}
FORMATS: tuple[str, ...] = tuple(REPORTERS)


class ReportOptions(Record):
    __slots__ = ("color", "quiet", "show_fixes", "statistics")
    _fields = ("color", "show_fixes", "statistics", "quiet")

    def __init__(
        self,
        color: bool = False,
        show_fixes: bool = False,
        statistics: bool = False,
        quiet: bool = False,
    ) -> None:
        self.color: Final = color  # text only; the CLI decides (stdout is a tty, NO_COLOR unset)
        self.show_fixes: Final = show_fixes  # text only: list fixable findings per file and code
        self.statistics: Final = statistics  # text and json: counts per code instead of findings
        self.quiet: Final = quiet  # text only: the findings and nothing else (no summary)


Reporter = Callable[[ScanResult, TextIO, ReportOptions], None]


def get_reporter(fmt: str) -> Reporter:
    """The reporter function for ``fmt``; ValueError names the known formats."""
    try:
        target = REPORTERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown output format {fmt!r} (expected one of: {', '.join(FORMATS)})"
        ) from None
    module_name, _, function_name = target.partition(":")
    reporter: Reporter = getattr(importlib.import_module(module_name), function_name)
    return reporter


def report(
    result: ScanResult,
    fmt: str,
    stream: TextIO,
    *,
    color: bool = False,
    show_fixes: bool = False,
    statistics: bool = False,
    quiet: bool = False,
) -> None:
    """Write ``result`` to ``stream`` in format ``fmt`` (one of ``FORMATS``)."""
    options = ReportOptions(color=color, show_fixes=show_fixes, statistics=statistics, quiet=quiet)
    get_reporter(fmt)(result, stream, options)


@cache
def _controls() -> dict[int, str]:
    """C0 and C1 controls (tab excepted), lone surrogates (undecodable file names) and XML's
    non-characters, shown as escapes: a snippet comes from file content, and an escape sequence
    in it must not drive the reader's terminal, break an XML document or fail a UTF-8 stream.
    (Built on first need: 2,100 entries, 2 ms of a run.)"""
    table = {c: f"\\x{c:02x}" for c in (*range(0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0))}
    table.update({c: f"\\u{c:04x}" for c in (*range(0xD800, 0xE000), 0xFFFE, 0xFFFF)})
    return table


def visible(text: str) -> str:
    """``text`` with control characters written as ``\\xNN`` escapes."""
    if text.isprintable():
        return text  # none of them is printable (categories Cc, Cs and Cn)
    return text.translate(_controls())


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def skip_reason(reason: str) -> str:
    """The category of a Skipped reason: ``"too large (12 MB > 10 MB)"`` -> ``"too large"``."""
    return reason.split(":", 1)[0].split(" (", 1)[0].strip() or "unknown"

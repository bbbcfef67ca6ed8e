"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding.

Escaping follows @actions/core (toolkit ``command.ts``): data escapes ``%``, CR and LF;
property values additionally ``:`` and ``,``, which delimit properties.
"""

from __future__ import annotations

from typing import TextIO

from authlint.codes import Severity
from authlint.finding import Finding
from authlint.report import ReportOptions, plural, skip_reason, visible
from authlint.result import ScanResult


def escape_data(text: str) -> str:
    # CR and LF as the toolkit escapes them; any other control character (ESC in a file name)
    # must not reach the log viewer's terminal either.
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    head = f"{name} {props}" if props else name
    return f"::{head}::{escape_data(message)}\n"


def annotation(finding: Finding) -> str:
    name = "error" if finding.severity is Severity.ERROR else "warning"
    properties: dict[str, str | int] = {
        "file": finding.path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": f"{finding.code} {finding.rule.name}",
    }
    # The location prefix keeps the raw log readable where annotations are not rendered (ruff).
    message = f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.message}"
    if finding.snippet:
        message += f"\n    {finding.snippet}"
    return command(name, properties, message)


def report_github(result: ScanResult, stream: TextIO, options: ReportOptions) -> None:
    write = stream.write
    for finding in result.findings:
        write(annotation(finding))
    for skipped in result.skipped:
        if skip_reason(skipped.reason) != "binary":
            write(
                command(
                    "notice",
                    {"file": skipped.path, "title": "authlint skipped a file"},
                    f"{skipped.path}: skipped ({skipped.reason})",
                )
            )
    for entry in result.stale:
        write(command("notice", {"title": "authlint stale baseline entry"}, entry))
    counts = f"{plural(result.errors, 'error')}, {plural(result.warnings, 'warning')}"
    write(
        f"authlint: {counts} in {plural(result.files_scanned, 'file')} scanned"
        f" ({len(result.skipped)} skipped, {result.suppressed} suppressed)\n"
    )

"""The JSON contract: a list of findings with exactly the documented keys.

``fix`` is left out on purpose: a fix rewrites a header value, and a Basic value's replacement
text still holds the encoded credentials. ``authlint check --diff`` shows fixes instead.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from authlint.codes import rule
from authlint.finding import Finding
from authlint.report import ReportOptions
from authlint.result import ScanResult

KEYS = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "name",
    "kind",
    "severity",
    "message",
    "snippet",
    "fingerprint",
)


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    meta = finding.rule
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": str(finding.code),
        "name": meta.name,
        "kind": meta.kind,
        "severity": str(finding.severity),
        "message": finding.message,
        "snippet": finding.snippet,
        "fingerprint": finding.fingerprint,
    }


def statistics_to_list(findings: tuple[Finding, ...]) -> list[dict[str, Any]]:
    """ruff's JSON ``--statistics`` shape: code, name, count, fixable; most frequent first."""
    counts = Counter(f.code for f in findings)
    fixable = {f.code for f in findings if f.fix is not None}
    return [
        {"code": str(code), "name": rule(code).name, "count": n, "fixable": code in fixable}
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def report_json(result: ScanResult, stream: TextIO, options: ReportOptions) -> None:
    data: list[dict[str, Any]]
    if options.statistics:
        data = statistics_to_list(result.findings)
    else:
        data = [finding_to_dict(f) for f in result.findings]
    json.dump(data, stream, indent=2)
    stream.write("\n")

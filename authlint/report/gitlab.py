"""GitLab Code Quality JSON (the Code Climate subset GitLab reads).

GitLab compares reports between the merge-request base and head by ``fingerprint``, which must
be unique per issue: the same secret twice in a file shares a Finding fingerprint, so each
repeat gets the hash of (fingerprint, occurrence number). Moved lines keep their fingerprints.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from authlint.codes import Severity
from authlint.finding import Finding
from authlint.redact import fingerprint as digest
from authlint.report import ReportOptions
from authlint.result import ScanResult


def severity(finding: Finding) -> str:
    if finding.severity is Severity.WARNING:
        return "minor"
    return "critical" if finding.rule.kind == "secret" else "major"


def build_gitlab(result: ScanResult) -> list[dict[str, Any]]:
    seen: Counter[str] = Counter()
    issues = []
    for finding in result.findings:
        seen[finding.fingerprint] += 1
        occurrence = seen[finding.fingerprint]
        unique = (
            finding.fingerprint if occurrence == 1 else digest(finding.fingerprint, str(occurrence))
        )
        issues.append(
            {
                "description": f"{finding.code} ({finding.rule.name}): {finding.message}",
                "check_name": str(finding.code),
                "fingerprint": unique,
                "severity": severity(finding),
                "location": {"path": finding.path, "lines": {"begin": finding.line}},
            }
        )
    return issues


def report_gitlab(result: ScanResult, stream: TextIO, options: ReportOptions) -> None:
    json.dump(build_gitlab(result), stream, indent=2)
    stream.write("\n")

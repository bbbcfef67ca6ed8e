"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Every rule is listed (registry order, so ``ruleIndex`` is stable across runs), each result
carries ``partialFingerprints`` from the Finding's line-free fingerprint so alerts survive moved
code, and the only source text is the redacted snippet. Fixes are not emitted: a Basic value's
replacement still holds the encoded credentials.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from authlint import __version__
from authlint.codes import RULES, Rule, Severity
from authlint.finding import Finding
from authlint.report import ReportOptions, skip_reason
from authlint.result import ScanResult

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "authlint/v1"
SRCROOT = "%SRCROOT%"
DEFAULT_INFORMATION_URI = "https://pypi.org/project/authlint/"
# CWE-798: Use of Hard-coded Credentials; GitHub shows external/cwe tags on the alert.
SECRET_TAGS = ("security", "secret", "external/cwe/cwe-798")
# GitHub code scanning reads security-severity (0.0-10.0) for rules tagged "security":
# >= 7.0 is "high", 4.0-6.9 "medium".
SECURITY_SEVERITY = {Severity.ERROR: "8.0", Severity.WARNING: "5.0"}
RULE_INDEX = {r.code: i for i, r in enumerate(RULES)}


def information_uri() -> str:
    from importlib import metadata

    try:
        urls = metadata.metadata("authlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return DEFAULT_INFORMATION_URI
    for entry in map(str, urls):
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "repository", "source"} and url.strip():
            return url.strip()
    return DEFAULT_INFORMATION_URI


def _fence(text: str) -> str:
    # A fence longer than any backtick run inside, so an example can never close it early.
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return "`" * max(3, longest + 1)


def rule_help(meta: Rule) -> tuple[str, str]:
    """(text, markdown) help for a rule: ruff's What it does / Why / Example / Use instead."""
    text = (
        f"{meta.summary}\n\nWhy is this bad? {meta.rationale}\n\n"
        f"Example:\n    {meta.bad}\n\nUse instead:\n    {meta.good}\n\nSource: {meta.source}"
    )
    bad_fence, good_fence = _fence(meta.bad), _fence(meta.good)
    markdown = (
        f"## What it does\n{meta.summary}\n\n## Why is this bad?\n{meta.rationale}\n\n"
        f"## Example\n{bad_fence}text\n{meta.bad}\n{bad_fence}\n\n"
        f"## Use instead\n{good_fence}text\n{meta.good}\n{good_fence}\n\n"
        f"## Source\n{meta.source}\n"
    )
    return text, markdown


def rule_descriptor(meta: Rule) -> dict[str, Any]:
    text, markdown = rule_help(meta)
    properties: dict[str, Any]
    if meta.kind == "secret":
        properties = {
            "tags": list(SECRET_TAGS),
            "security-severity": SECURITY_SEVERITY[meta.severity],
            "precision": "high",
        }
    else:
        properties = {"tags": ["correctness", meta.kind], "precision": "very-high"}
    return {
        "id": str(meta.code),
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.rationale},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": str(meta.severity)},
        "properties": properties,
    }


def artifact_location(path: str) -> dict[str, str]:
    pure = PurePath(path)
    # SARIF uris are RFC 3986 references: forward slashes, percent-encoded. A file name that is
    # not UTF-8 (decoded with surrogate escapes) is percent-encoded byte for byte.
    encoded = quote(pure.as_posix().encode("utf-8", "surrogateescape"), safe="/")
    if pure.is_absolute():
        return {"uri": "file://" + ("" if encoded.startswith("/") else "/") + encoded}
    return {"uri": encoded, "uriBaseId": SRCROOT}


def result_object(finding: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    if finding.snippet:
        region["snippet"] = {"text": finding.snippet}
    return {
        "ruleId": str(finding.code),
        "ruleIndex": RULE_INDEX[finding.code],
        "level": str(finding.severity),
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }


def build_sarif(result: ScanResult) -> dict[str, Any]:
    """The SARIF log for ``result`` as a JSON-ready dict."""
    notifications = [
        {
            "level": "note" if skip_reason(skipped.reason) == "binary" else "warning",
            "message": {"text": f"skipped: {skipped.reason}"},
            "locations": [
                {"physicalLocation": {"artifactLocation": artifact_location(skipped.path)}}
            ],
        }
        for skipped in result.skipped
    ]
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "properties": {
            "filesScanned": result.files_scanned,
            "filesSkipped": len(result.skipped),
            "suppressed": result.suppressed,
        },
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "authlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": information_uri(),
                        "rules": [rule_descriptor(meta) for meta in RULES],
                    }
                },
                "invocations": [invocation],
                # Finding columns count characters (code points), not SARIF's default UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": [result_object(f) for f in result.findings],
            }
        ],
    }


def report_sarif(result: ScanResult, stream: TextIO, options: ReportOptions) -> None:
    json.dump(build_sarif(result), stream, indent=2)
    stream.write("\n")

"""JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure, CircleCI).

One ``<testsuite name="authlint">`` with a testcase per finding, not per file: most JUnit
viewers show only the first ``<failure>`` of a testcase. Warnings are failures too (with
``type="warning"``), since JUnit has no warning level; skipped files are skipped testcases.
A clean run is a single passing testcase, so the report is never empty.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from authlint.finding import Finding
from authlint.report import ReportOptions, plural, visible
from authlint.result import ScanResult


def _xml(text: str) -> str:
    # XML 1.0 cannot carry most control characters even as references.
    return visible(text)


def _testcase(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": _xml(classname), "name": _xml(name)})


def _failure(case: ET.Element, finding: Finding) -> None:
    failure = ET.SubElement(
        case,
        "failure",
        {"message": _xml(finding.message), "type": f"{finding.severity} {finding.code}"},
    )
    body = _xml(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} {finding.message}")
    if finding.snippet:
        body += f"\n    {_xml(finding.snippet)}"
    failure.text = body


def build_junit(result: ScanResult) -> ET.Element:
    tests = len(result.findings) + len(result.skipped) + (0 if result.findings else 1)
    counts = {
        "tests": str(tests),
        "failures": str(len(result.findings)),
        "errors": "0",
        "skipped": str(len(result.skipped)),
    }
    root = ET.Element("testsuites", {"name": "authlint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "authlint", **counts})
    for finding in result.findings:
        name = f"{finding.code} {finding.rule.name} at {finding.line}:{finding.column}"
        case = _testcase(suite, finding.path, name)
        case.set("file", _xml(finding.path))
        case.set("line", str(finding.line))
        _failure(case, finding)
    for skipped in result.skipped:
        case = _testcase(suite, skipped.path, "scan")
        ET.SubElement(case, "skipped", {"message": _xml(skipped.reason)})
    if not result.findings:
        _testcase(suite, "authlint", f"no findings in {plural(result.files_scanned, 'file')}")
    if result.suppressed or result.stale:
        out = ET.SubElement(suite, "system-out")
        lines = [f"{result.suppressed} suppressed"]
        lines += [f"stale baseline entry: {entry}" for entry in result.stale]
        out.text = "\n".join(_xml(line) for line in lines)
    return root


def report_junit(result: ScanResult, stream: TextIO, options: ReportOptions) -> None:
    root = build_junit(result)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")

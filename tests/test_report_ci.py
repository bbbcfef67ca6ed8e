from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from authlint.codes import Code
from authlint.report.github import annotation, escape_data, escape_property
from authlint.report.gitlab import build_gitlab
from authlint.result import ScanResult, Skipped
from tests.test_report_text import LIVE_KEY, render, sample_findings, sample_result

# --- GitHub Actions annotations -----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        pytest.param("plain", "plain", "plain", id="plain"),
        pytest.param("100%", "100%25", "100%25", id="percent"),
        pytest.param("%0A", "%250A", "%250A", id="percent-before-escape-sequence"),
        pytest.param("a\nb", "a%0Ab", "a%0Ab", id="newline"),
        pytest.param("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", id="crlf"),
        pytest.param("a:b", "a:b", "a%3Ab", id="colon"),
        pytest.param("a,b", "a,b", "a%2Cb", id="comma"),
        pytest.param("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax", id="command-injection"),
    ],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_annotation_with_hostile_path_and_message() -> None:
    finding = next(f for f in sample_findings() if f.code is Code.LIVE_KEY_ID).replace(
        path="we,ird:dir/100%.py",
        message="50% off:\nnext line, too",
        snippet="",
    )
    assert annotation(finding) == (
        "::error file=we%2Cird%3Adir/100%25.py,line=2,col=11,endLine=2,"
        f"endColumn={11 + len(LIVE_KEY)},title=AL201 live-key-id"
        "::we,ird:dir/100%25.py:2:11: AL201 50%25 off:%0Anext line, too\n"
    )


def test_one_line_per_annotation_and_levels() -> None:
    out = render(sample_result(), "github")
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert [c.split(" ", 1)[0] for c in commands] == [
        "::error",  # app/headers.py AL101
        "::error",  # AL201
        "::error",  # AL203
        "::warning",  # AL202
        "::notice",  # dump.sql skipped (too large); binary files are not announced
    ]
    assert (
        lines[-1] == "authlint: 3 errors, 1 warning in 12 files scanned (2 skipped, 0 suppressed)"
    )
    # The redacted snippet travels on the escaped second line of the message.
    assert "%0A    KEY_ID = " in out


def test_stale_entries_become_notices() -> None:
    out = render(ScanResult((), stale=("a.py: AL201 " + "f" * 64,)), "github")
    assert f"::notice title=authlint stale baseline entry::a.py: AL201 {'f' * 64}\n" in out


# --- JUnit XML -----------------------------------------------------------------------------


def parse_junit(result: ScanResult) -> ET.Element:
    out = render(result, "junit")
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.split("\n", 1)[1])


def test_junit_structure() -> None:
    root = parse_junit(sample_result())
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "authlint"
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("6", "4", "2")
    cases = suite.findall("testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    assert len(failures) == 4
    live = next(c for c in failures if c.get("name", "").startswith("AL201"))
    assert live.get("classname") == "app/settings.py"
    assert live.get("name") == "AL201 live-key-id at 2:11"
    failure = live.find("failure")
    assert failure is not None
    assert failure.get("message") == "live key id"
    assert failure.get("type") == "error AL201"
    assert failure.text is not None
    assert failure.text.startswith("app/settings.py:2:11: AL201 live key id\n    KEY_ID = ")
    warning = next(c for c in failures if c.get("name", "").startswith("AL202"))
    assert warning.find("failure").get("type") == "warning AL202"  # type: ignore[union-attr]
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert [c.get("classname") for c in skipped] == ["logo.png", "dump.sql"]


def test_junit_clean_run_has_a_passing_testcase() -> None:
    root = parse_junit(ScanResult((), files_scanned=5))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 1
    assert cases[0].get("name") == "no findings in 5 files"
    assert list(cases[0]) == []
    assert root.get("failures") == "0"


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        pytest.param('a < b & "c" > d', 'a < b & "c" > d', id="markup"),
        pytest.param("bell\x07 nul\x00", "bell\\x07 nul\\x00", id="control-characters"),
        pytest.param("esc\x1b[31m", "esc\\x1b[31m", id="escape-sequence"),
        pytest.param("name\udcff", "name\\udcff", id="lone-surrogate"),
        pytest.param("]]> end", "]]> end", id="cdata-end"),
    ],
)
def test_junit_escapes(message: str, shown: str) -> None:
    finding = sample_findings()[0].replace(message=message, path="p/" + message, snippet=message)
    root = parse_junit(ScanResult((finding,)))
    case = root.find("testsuite/testcase")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == shown
    assert case.get("classname") == "p/" + shown
    assert failure.text is not None
    assert failure.text.endswith("\n    " + shown)


def test_junit_mentions_suppressed_and_stale() -> None:
    root = parse_junit(ScanResult((), suppressed=3, stale=("a.py: AL201 " + "e" * 64,)))
    out = root.find("testsuite/system-out")
    assert out is not None
    assert out.text == f"3 suppressed\nstale baseline entry: a.py: AL201 {'e' * 64}"


# --- GitLab Code Quality ---------------------------------------------------------------------


def test_gitlab_shape() -> None:
    data = json.loads(render(sample_result(), "gitlab"))
    assert len(data) == 4
    for issue in data:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert set(issue["location"]) == {"path", "lines"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    live = next(i for i in data if i["check_name"] == "AL201")
    finding = next(f for f in sample_findings() if f.code is Code.LIVE_KEY_ID)
    assert live == {
        "description": "AL201 (live-key-id): live key id",
        "check_name": "AL201",
        "fingerprint": finding.fingerprint,
        "severity": "critical",
        "location": {"path": "app/settings.py", "lines": {"begin": 2}},
    }


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        pytest.param(Code.LIVE_KEY_ID, "critical", id="secret-error"),
        pytest.param(Code.TEST_KEY_ID, "minor", id="secret-warning"),
        pytest.param(Code.SCHEME_CASE, "major", id="header-error"),
    ],
)
def test_gitlab_severity(code: Code, severity: str) -> None:
    issues = build_gitlab(sample_result())
    assert next(i for i in issues if i["check_name"] == code)["severity"] == severity


def test_gitlab_fingerprints_unique_for_repeated_secret() -> None:
    live = next(f for f in sample_findings() if f.code is Code.LIVE_KEY_ID)
    twice = ScanResult((live, live.replace(line=9, end_line=9)))
    issues = build_gitlab(twice)
    assert issues[0]["fingerprint"] == live.fingerprint
    assert issues[1]["fingerprint"] != live.fingerprint
    assert len({i["fingerprint"] for i in issues}) == 2
    # Stable: the same scan gives the same fingerprints.
    assert build_gitlab(twice) == issues


def test_gitlab_clean_run_is_empty_list() -> None:
    assert json.loads(render(ScanResult((), skipped=(Skipped("a", "binary"),)), "gitlab")) == []

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from authlint.codes import Code
from authlint.finding import Finding, LineIndex, make_finding
from authlint.redact import redact_secret
from authlint.report import FORMATS, REPORTERS, get_reporter, report
from authlint.result import ScanResult, Skipped

# Fake, Razorpay-shaped values: every test asserts they never reach any output.
LIVE_KEY = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore
TEST_KEY = "rzp_test_A9s8D7f6G5h4J3"  # authlint: ignore
KEY_SECRET = "Zx9Cv8Bn7Mm6Ll5Kk4Jj3Hh2"  # authlint: ignore
SECRETS = (LIVE_KEY, TEST_KEY, KEY_SECRET)

SETTINGS_PY = f'import os\nKEY_ID = "{LIVE_KEY}"\nKEY_SECRET = "{KEY_SECRET}"\n'
CONFIG_YML = f"razorpay:\n  key_id: {TEST_KEY}\n"
HEADERS_PY = (
    'HEADERS = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n'  # authlint: ignore
)


def find(
    path: str, text: str, needle: str, code: Code, message: str, *, fix: str | None = None
) -> Finding:
    """A Finding for the first ``needle`` in ``text``, built as the scanner builds it."""
    start = text.index(needle)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.index("\n", start)
    line = text[line_start:line_end]
    snippet = line.replace(needle, redact_secret(needle)) if fix is None else line
    return make_finding(
        path=path,
        index=LineIndex(text),
        start=start,
        end=start + len(needle),
        code=code,
        message=message,
        snippet=snippet.strip(),
        secret=needle,
        fix=fix,
    )


def sample_findings(prefix: str = "") -> tuple[Finding, ...]:
    """Four findings in three files; ``prefix`` is text inserted at the top of every file."""
    settings = prefix + SETTINGS_PY
    config = prefix + CONFIG_YML
    headers = prefix + HEADERS_PY
    return tuple(
        sorted(
            (
                find("app/settings.py", settings, LIVE_KEY, Code.LIVE_KEY_ID, "live key id"),
                find("app/settings.py", settings, KEY_SECRET, Code.KEY_SECRET, "key secret"),
                find("deploy/config.yml", config, TEST_KEY, Code.TEST_KEY_ID, "test key id"),
                find(
                    "app/headers.py",
                    headers,
                    "basic",
                    Code.SCHEME_CASE,
                    "scheme `basic` is not spelled `Basic`",
                    fix="Basic",
                ),
            )
        )
    )


def sample_result(**overrides: object) -> ScanResult:
    fields: dict[str, object] = {
        "findings": sample_findings(),
        "skipped": (
            Skipped("logo.png", "binary"),
            Skipped("dump.sql", "too large (12 MB > 10 MB)"),
        ),
        "files_scanned": 12,
    }
    fields.update(overrides)
    return ScanResult(**fields)  # type: ignore[arg-type]


def render(result: ScanResult, fmt: str = "text", **options: bool) -> str:
    stream = io.StringIO()
    report(result, fmt, stream, **options)
    return stream.getvalue()


def test_finding_line_and_snippet() -> None:
    out = render(sample_result())
    assert "app/settings.py:2:11: AL201 live key id\n" in out
    assert f'    KEY_ID = "{redact_secret(LIVE_KEY)}"\n' in out
    assert "deploy/config.yml:2:11: AL202 test key id\n" in out


def test_fixable_finding_is_marked() -> None:
    out = render(sample_result())
    assert "app/headers.py:1:30: AL101 [*] scheme `basic` is not spelled `Basic`\n" in out
    assert "[*] 1 fixable with `authlint check --fix`.\n" in out
    assert "app/settings.py:2:11: AL201 [*]" not in out


def test_summary_with_findings_and_skipped() -> None:
    out = render(sample_result())
    assert out.endswith(
        "Found 3 errors, 1 warning in 3 files (12 files scanned, 2 skipped: 1 binary, 1 too large).\n"
        "[*] 1 fixable with `authlint check --fix`.\n"
    )


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        pytest.param(
            ScanResult((), files_scanned=12), "All clear: 12 files scanned.\n", id="clear"
        ),
        pytest.param(
            ScanResult((), files_scanned=1), "All clear: 1 file scanned.\n", id="one-file"
        ),
        pytest.param(
            ScanResult((), skipped=(Skipped("a.bin", "binary"),), files_scanned=3),
            "All clear: 3 files scanned, 1 skipped: 1 binary.\n",
            id="clear-with-binary",
        ),
        pytest.param(
            ScanResult(
                tuple(f for f in sample_findings() if f.code is Code.TEST_KEY_ID), files_scanned=2
            ),
            "Found 1 warning in 1 file (2 files scanned).\n",
            id="one-warning",
        ),
    ],
)
def test_summary_line(result: ScanResult, expected: str) -> None:
    assert render(result).endswith(expected)


def test_skipped_files_are_never_silently_lost() -> None:
    out = render(sample_result())
    assert "dump.sql: skipped (too large (12 MB > 10 MB))\n" in out
    # Binary files are expected: counted in the summary, not listed one by one.
    assert "logo.png" not in out


@pytest.mark.parametrize(
    ("suppressed", "expected"),
    [
        pytest.param(3, True, id="mentioned"),
        pytest.param(0, False, id="silent-when-zero"),
    ],
)
def test_suppressed_count(suppressed: int, expected: bool) -> None:
    out = render(sample_result(suppressed=suppressed))
    line = f"{suppressed} suppressed (inline comments, allowlist or baseline).\n"
    assert (line in out) is expected
    assert ("suppressed" in out) is expected


def test_stale_entries_listed() -> None:
    stale = ("app/old.py: AL201 " + "ab" * 32,)
    out = render(sample_result(stale=stale))
    assert "1 stale baseline entry (matched nothing; refresh with --write-baseline):\n" in out
    assert f"  {stale[0]}\n" in out
    assert "stale" not in render(sample_result())


def test_color_only_when_asked() -> None:
    assert "\033" not in render(sample_result())
    colored = render(sample_result(), color=True)
    assert "\033[1;31mAL201\033[m" in colored
    assert "\033[1;33mAL202\033[m" in colored


def test_control_characters_in_snippet_are_escaped() -> None:
    hostile = ScanResult((sample_findings()[0].replace(snippet="x = '\x1b[2J'\r"),))
    out = render(hostile)
    assert "\x1b" not in out
    assert "\r" not in out
    assert "x = '\\x1b[2J'\\x0d" in out


def test_statistics() -> None:
    live = next(f for f in sample_findings() if f.code is Code.LIVE_KEY_ID)
    findings = (*sample_findings(), live)
    out = render(ScanResult(findings, files_scanned=3), statistics=True)
    rows = out.splitlines()[:4]
    assert rows[0] == "2\tAL201\t[ ] live-key-id"
    assert rows[1] == "1\tAL101\t[*] scheme-case"
    assert {r.split("\t")[1] for r in rows} == {"AL101", "AL201", "AL202", "AL203"}
    assert "app/settings.py:2:11" not in out


def test_show_fixes_lists_fixable_per_file_without_the_replacement() -> None:
    out = render(sample_result(), show_fixes=True)
    assert (
        "Fixable with `authlint check --fix` (1):\n- app/headers.py:\n    1 x AL101 (scheme-case)\n"
        in out
    )


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        get_reporter("xml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_resolves(fmt: str) -> None:
    assert callable(get_reporter(fmt))


def test_reporters_load_lazily() -> None:
    code = (
        "import sys, authlint.report as r; "
        "print(sorted(m for m in sys.modules if m.startswith('authlint.report.') "
        "or m in ('xml.etree.ElementTree', 'json')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert "authlint.report." not in out
    assert "xml.etree" not in out
    assert set(REPORTERS) == {"text", "json", "sarif", "github", "junit", "gitlab"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "options",
    [
        pytest.param({}, id="plain"),
        pytest.param({"color": True, "show_fixes": True}, id="color-fixes"),
        pytest.param({"statistics": True}, id="statistics"),
    ],
)
def test_no_secret_in_any_output(fmt: str, options: dict[str, bool]) -> None:
    out = render(sample_result(), fmt, **options)
    for secret in SECRETS:
        assert secret not in out
        # Nor the unseen part of it, anywhere.
        assert secret[-12:] not in out
    if fmt in {"text", "json", "sarif", "junit", "github"} and not options.get("statistics"):
        assert redact_secret(LIVE_KEY).split("…")[0] in out

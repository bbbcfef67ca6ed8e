from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from authlint import __version__
from authlint.baseline import (
    BaselineError,
    apply_baseline,
    load_baseline,
    loads_baseline,
    write_baseline,
)
from authlint.codes import Code
from authlint.result import ScanResult
from tests.test_report_text import (
    KEY_SECRET,
    LIVE_KEY,
    SECRETS,
    SETTINGS_PY,
    find,
    sample_findings,
)

NEW_SECRET = "Pq8Rs7Tu6Vw5Xy4Za3Bc2De1"  # authlint: ignore


@pytest.fixture
def baseline_file(tmp_path: Path) -> Path:
    path = tmp_path / "authlint-baseline.json"
    write_baseline(path, ScanResult(sample_findings(), files_scanned=3))
    return path


def test_round_trip_suppresses_everything(baseline_file: Path) -> None:
    result = ScanResult(sample_findings(), files_scanned=3, suppressed=1)
    applied = apply_baseline(result, load_baseline(baseline_file))
    assert applied.findings == ()
    assert applied.suppressed == 1 + len(sample_findings())
    assert applied.files_scanned == 3


def test_only_the_new_finding_is_reported(baseline_file: Path) -> None:
    text = SETTINGS_PY + f'OTHER_SECRET = "{NEW_SECRET}"\n'
    new = find("app/settings.py", text, NEW_SECRET, Code.KEY_SECRET, "key secret")
    result = ScanResult(tuple(sorted((*sample_findings(), new))))
    applied = apply_baseline(result, load_baseline(baseline_file))
    assert applied.findings == (new,)
    assert applied.suppressed == len(sample_findings())


def test_shifted_lines_are_still_suppressed(baseline_file: Path) -> None:
    shifted = sample_findings(prefix="# a new header comment\n\n\n")
    assert [f.line for f in shifted] != [f.line for f in sample_findings()]
    applied = apply_baseline(ScanResult(shifted), load_baseline(baseline_file))
    assert applied.findings == ()


def test_a_second_copy_of_a_baselined_secret_is_reported(tmp_path: Path) -> None:
    live = next(f for f in sample_findings() if f.code is Code.LIVE_KEY_ID)
    copy = live.replace(line=7, end_line=7)
    path = tmp_path / "b.json"
    write_baseline(path, ScanResult((live,)))
    applied = apply_baseline(ScanResult((live, copy)), load_baseline(path))
    assert applied.findings == (copy,)
    assert applied.suppressed == 1
    # Both copies recorded: both suppressed.
    write_baseline(path, ScanResult((live, copy)))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["entries"][0]["count"] == 2
    assert apply_baseline(ScanResult((live, copy)), load_baseline(path)).findings == ()


def test_file_holds_hashes_codes_and_paths_only(baseline_file: Path) -> None:
    text = baseline_file.read_text(encoding="utf-8")
    for secret in SECRETS:
        assert secret not in text
        assert secret[:12] not in text
    for finding in sample_findings():
        assert finding.snippet not in text
        assert finding.message not in text
    data = json.loads(text)
    assert data["version"] == 1
    assert data["authlint_version"] == __version__
    assert {tuple(sorted(e)) for e in data["entries"]} == {("code", "fingerprint", "path")}
    assert len(data["entries"]) == len(sample_findings())


def test_stale_entries(baseline_file: Path) -> None:
    baseline = load_baseline(baseline_file)
    fixed = tuple(f for f in sample_findings() if f.code is not Code.KEY_SECRET)
    gone = next(f for f in sample_findings() if f.code is Code.KEY_SECRET)
    applied = apply_baseline(ScanResult(fixed), baseline, show_stale=True)
    assert applied.findings == ()
    assert applied.stale == (f"app/settings.py: AL203 {gone.fingerprint}",)
    # Without --show-stale nothing is listed.
    assert apply_baseline(ScanResult(fixed), baseline).stale == ()


@pytest.mark.parametrize(
    ("scanned_paths", "enabled_codes", "stale"),
    [
        pytest.param(None, None, 1, id="full-scan"),
        pytest.param({"app/headers.py"}, None, 0, id="file-not-scanned"),
        pytest.param({"app/settings.py"}, None, 1, id="file-scanned"),
        pytest.param(None, {"AL1"}, 0, id="code-not-enabled"),
        pytest.param(None, {"AL203"}, 1, id="code-enabled"),
    ],
)
def test_stale_only_for_what_was_scanned(
    baseline_file: Path,
    scanned_paths: set[str] | None,
    enabled_codes: set[str] | None,
    stale: int,
) -> None:
    fixed = tuple(f for f in sample_findings() if f.code is not Code.KEY_SECRET)
    applied = apply_baseline(
        ScanResult(fixed),
        load_baseline(baseline_file),
        show_stale=True,
        scanned_paths=scanned_paths,
        enabled_codes=enabled_codes,
    )
    assert len(applied.stale) == stale


def test_a_partly_used_entry_is_stale_for_the_rest(tmp_path: Path) -> None:
    live = next(f for f in sample_findings() if f.code is Code.LIVE_KEY_ID)
    path = tmp_path / "b.json"
    write_baseline(path, ScanResult((live, live.replace(line=7, end_line=7))))
    applied = apply_baseline(ScanResult((live,)), load_baseline(path), show_stale=True)
    assert applied.stale == (f"app/settings.py: AL201 {live.fingerprint}",)


def test_write_is_stable_and_sorted(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    write_baseline(a, ScanResult(sample_findings()))
    write_baseline(b, ScanResult(tuple(reversed(sample_findings()))))
    assert a.read_bytes() == b.read_bytes()
    # The temporary file of the atomic replace is gone.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]


def test_write_into_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="cannot write baseline"):
        write_baseline(tmp_path / "no" / "such" / "b.json", ScanResult(()))


FP = "a" * 64


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("{", "not valid JSON (line 1, column 2)", id="truncated"),
        pytest.param("[]", "not an authlint baseline", id="list"),
        pytest.param('{"version": 1}', "not an authlint baseline", id="no-entries"),
        pytest.param('{"version": 2, "entries": []}', "unsupported baseline version 2", id="v2"),
        pytest.param('{"version": 1, "entries": {}}', "'entries' is not a list", id="dict"),
        pytest.param('{"version": 1, "entries": [1]}', "entry 0 is not an object", id="int"),
        pytest.param(
            '{"version": 1, "entries": [{"fingerprint": "xyz", "code": "AL201", "path": "a"}]}',
            "entry 0 has no valid fingerprint",
            id="bad-fingerprint",
        ),
        pytest.param(
            f'{{"version": 1, "entries": [{{"fingerprint": "{FP}", "code": "AL999", "path": "a"}}]}}',
            "entry 0 has an unknown code 'AL999'",
            id="unknown-code",
        ),
        pytest.param(
            f'{{"version": 1, "entries": [{{"fingerprint": "{FP}", "code": "AL201"}}]}}',
            "entry 0 has no path",
            id="no-path",
        ),
        pytest.param(
            f'{{"version": 1, "entries": [{{"fingerprint": "{FP}", "code": "AL201", '
            '"path": "a", "count": 0}]}',
            "entry 0 has an invalid count",
            id="zero-count",
        ),
    ],
)
def test_malformed_baseline(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError) as excinfo:
        load_baseline(path)
    message = str(excinfo.value)
    assert message.startswith(f"baseline {path}: ")
    assert reason in message
    assert "\n" not in message


def test_valid_minimal_baseline() -> None:
    text = f'{{"version": 1, "entries": [{{"fingerprint": "{FP}", "code": "AL201", "path": "a"}}]}}'
    (entry,) = loads_baseline(text).entries
    assert (entry.fingerprint, entry.code, entry.path, entry.count) == (FP, "AL201", "a", 1)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(lambda p: None, "no such file", id="missing"),
        pytest.param(lambda p: p.write_bytes(b"\xff\xfe{"), "not UTF-8 text", id="binary"),
        pytest.param(lambda p: p.mkdir(), "cannot read", id="directory"),
    ],
)
def test_unreadable_baseline(tmp_path: Path, make: Callable[[Path], object], reason: str) -> None:
    path = tmp_path / "b.json"
    make(path)
    with pytest.raises(BaselineError, match=reason):
        load_baseline(path)


def test_no_secret_in_stale_descriptions(baseline_file: Path) -> None:
    applied = apply_baseline(ScanResult(()), load_baseline(baseline_file), show_stale=True)
    assert len(applied.stale) == len(sample_findings())
    joined = "\n".join(applied.stale)
    assert LIVE_KEY not in joined
    assert KEY_SECRET not in joined

"""The scanner never crashes on a file and never loses one silently."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import decode, might_match, scan_bytes, scan_file, scan_paths

KEY = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore
LINE = f'KEY_ID = "{KEY}"\n'
SETTINGS = Settings().with_selection()


def codes(data: bytes, name: str = "app.py") -> list[Code]:
    outcome = scan_bytes(name, data, SETTINGS)
    assert outcome.skipped is None
    return [f.code for f in outcome.findings]


def test_binary_is_skipped_and_said() -> None:
    outcome = scan_bytes("logo.png", b"\x89PNG\r\n\x1a\n\0\0" + KEY.encode(), SETTINGS)
    assert outcome.skipped is not None
    assert outcome.skipped.reason == "binary"


def test_invalid_utf8_is_scanned() -> None:
    assert codes(b"# \xc3\x28 \xff\xfd garbage\n" + LINE.encode()) == [Code.LIVE_KEY_ID]


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"], ids=str
)
def test_bom_encodings(encoding: str) -> None:
    data = LINE.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    assert codes(data) == [Code.LIVE_KEY_ID]


def test_crlf_line_numbers() -> None:
    data = ("x = 1\r\n" * 3 + LINE.replace("\n", "\r\n")).encode()
    outcome = scan_bytes("app.py", data, SETTINGS)
    (finding,) = outcome.findings
    assert (finding.line, finding.column) == (4, 11)


def test_too_large_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(LINE * 100)
    settings = Settings(max_file_size=100).with_selection()
    outcome = scan_file(str(path), settings)
    assert outcome.skipped is not None
    assert outcome.skipped.reason.startswith("too large")


def test_huge_single_line_is_scanned() -> None:
    filler = "var a=function(b){return b+1};" * (10 * 1024 * 1024 // 31)
    data = (filler + f'var k="{KEY}";' + filler[:1000]).encode()
    assert len(data) > 10_000_000
    assert codes(data, "bundle.min.js") == [Code.LIVE_KEY_ID]


def test_unreadable_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(LINE)
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads any file: make the open fail as it would for a user
        real_open = os.open

        def denied(name: str, flags: int, *args: int) -> int:
            if name == str(path):
                raise PermissionError(13, "Permission denied", name)
            return real_open(name, flags, *args)

        monkeypatch.setattr(os, "open", denied)
    outcome = scan_file(str(path), SETTINGS)
    assert outcome.skipped is not None
    assert outcome.skipped.reason == "unreadable: Permission denied"


def test_file_deleted_after_discovery_is_dropped(tmp_path: Path) -> None:
    # Discovery reports a missing named path (exit 2); one that vanishes mid-run has nothing.
    outcome = scan_file(str(tmp_path / "gone.py"), SETTINGS)
    assert outcome.vanished
    assert outcome.skipped is None
    assert scan_paths([str(tmp_path / "gone.py")], SETTINGS).files_scanned == 0


def test_prefilter() -> None:
    assert not might_match(b"import os\nprint('hello world')\n")
    assert might_match(b"X = 'RZP_LIVE_'")
    assert might_match(b"headers = {'AUTHORIZATION': x}")


def test_decode_never_raises() -> None:
    assert decode(b"\0\1\2") is None
    assert decode(codecs.BOM_UTF16_LE + b"\0\xd8") is not None
    assert decode(b"\xe2\x82") == "\ufffd"


def _tree(tmp_path: Path, count: int = 150) -> list[str]:
    paths = []
    for i in range(count):
        path = tmp_path / f"f{i:03}.py"
        path.write_text(("x = 1\n" * (i % 7)) + (LINE if i % 3 == 0 else "y = 2\n"))
        paths.append(str(path))
    return paths


class _Pools:
    """Counts the worker pools scan_paths starts (a real pool: the results cross processes)."""

    started = 0

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import concurrent.futures

        real = concurrent.futures.ProcessPoolExecutor
        counter = self

        class Counting(real):  # type: ignore[valid-type, misc]
            def __init__(self, *args: object, **kwargs: object) -> None:
                counter.started += 1
                super().__init__(*args, **kwargs)

        monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counting)


def test_parallel_output_is_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from authlint import scan

    # Any projected work starts the pool, after the first file.
    monkeypatch.setattr(scan, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(scan, "PROBE_SECONDS", 0.0)
    monkeypatch.setattr(scan, "POOL_MIN_SECONDS", 0.0)
    pools = _Pools(monkeypatch)
    paths = _tree(tmp_path)
    serial = scan_paths(paths, SETTINGS, jobs=1)
    assert pools.started == 0
    parallel = scan_paths(paths, SETTINGS, jobs=2)
    assert pools.started == 1
    assert serial == parallel
    assert len(serial.findings) == 50
    assert serial.files_scanned == 150


def test_small_projected_work_stays_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from authlint import scan

    # The probe spends its time, projects the rest far below the threshold: no pool, and the
    # result is the whole tree's.
    monkeypatch.setattr(scan, "PARALLEL_MIN_FILES", 10)
    monkeypatch.setattr(scan, "PROBE_SECONDS", 0.0)
    monkeypatch.setattr(scan, "POOL_MIN_SECONDS", 3600.0)
    pools = _Pools(monkeypatch)
    paths = _tree(tmp_path)
    result = scan_paths(paths, SETTINGS, jobs=2)
    assert pools.started == 0
    assert result == scan_paths(paths, SETTINGS, jobs=1)
    assert result.files_scanned == 150


def test_few_files_never_start_a_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from authlint import scan

    monkeypatch.setattr(scan, "PROBE_SECONDS", 0.0)
    monkeypatch.setattr(scan, "POOL_MIN_SECONDS", 0.0)
    pools = _Pools(monkeypatch)
    paths = _tree(tmp_path, scan.PARALLEL_MIN_FILES - 1)
    assert scan_paths(paths, SETTINGS, jobs=2).files_scanned == len(paths)
    assert pools.started == 0


def test_a_failing_extractor_costs_one_file_and_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from authlint import extract

    def broken(text: str) -> list[object]:
        raise RuntimeError("bug")

    monkeypatch.setitem(extract._loaded, "python", broken)
    outcome = scan_bytes("app.py", LINE.encode() + b'h = {"Authorization": "basic x"}\n', SETTINGS)
    assert [f.code for f in outcome.findings] == [Code.LIVE_KEY_ID]
    assert outcome.partial is not None
    assert outcome.partial.reason == "python extractor failed (RuntimeError)"

"""Issue 8: hostile file names and encodings, outputs written whole, `header` never shows a secret."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from authlint.codes import Code
from authlint.commands.header import check_values
from authlint.config import Settings
from authlint.report import FORMATS, report
from authlint.scan import decode, scan_bytes, scan_paths, utf16_without_bom
from tests.conftest import Run

LIVE = 'KEY = "rzp_live_AbCdEfGhIjKlMn"\n'  # authlint: ignore[AL201]
SECRET = "rzp_live_AbCdEfGhIjKlMn"  # authlint: ignore[AL201]
SETTINGS = Settings().with_selection()


# --- UTF-16 without a BOM -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(encoding: str) -> None:
    data = ("# config\n" + LIVE).encode(encoding)
    assert utf16_without_bom(data) == encoding
    outcome = scan_bytes("app.py", data, SETTINGS)
    assert outcome.skipped is None
    assert [f.code for f in outcome.findings] == [Code.LIVE_KEY_ID]
    assert outcome.findings[0].line == 2


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 8, id="all-bytes"),
        pytest.param(b"\x00" * 4096, id="all-nuls"),
        pytest.param(b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00>\x00" * 50, id="elf-like"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 40, id="zip-like"),
        pytest.param(b"a\x00b\x00\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00" * 40, id="controls"),
    ],
)
def test_binary_stays_binary(data: bytes) -> None:
    assert decode(data) is None
    outcome = scan_bytes("blob.bin", data, SETTINGS)
    assert outcome.skipped is not None
    assert outcome.skipped.reason == "binary"


def test_utf16_sniff_window_ending_inside_a_surrogate_pair() -> None:
    text = "x" * 4095 + "\U0001f600" + LIVE
    assert decode(text.encode("utf-16-le")) == text


# --- file names with control characters and undecodable bytes ----------------------------------

ESC_NAME = "evil\x1b[31mred\x07.py"


@pytest.fixture
def hostile_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ESC_NAME).write_text(
        LIVE + 'H = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n'
    )
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_raw_control_character_in_any_format(hostile_tree: Path, run: Run, fmt: str) -> None:
    _, out, err = run(["check", "--isolated", "--output-format", fmt, "."])
    assert "evil" in out
    assert "\x1b" not in out + err
    assert "\x07" not in out + err


@pytest.mark.parametrize("mode", ["--diff", "--fix"])
def test_fix_and_diff_messages_escape_names(hostile_tree: Path, run: Run, mode: str) -> None:
    _, out, err = run(["check", "--isolated", mode, "."])
    assert "evil\\x1b[31mred\\x07.py" in out
    assert "\x1b" not in out + err


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
@pytest.mark.parametrize("fmt", FORMATS)
def test_non_utf8_file_name_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"caf\xe9.py")
    (tmp_path / name).write_text(LIVE)
    result = scan_paths([name, str(tmp_path / name)], SETTINGS, jobs=1)
    assert result.findings
    stream = io.StringIO()
    report(result, fmt, stream)
    stream.getvalue().encode("utf-8")  # strict: a lone surrogate would raise here
    if fmt == "sarif":
        assert "caf%E9.py" in stream.getvalue()


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_output_file_is_whole_or_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text(LIVE)
    out = tmp_path / "report.sarif"
    code, _, err = run(["check", "--isolated", "--output-format", "sarif", "-o", str(out), "."])
    assert code == 1
    assert json.loads(out.read_text())["version"] == "2.1.0"

    def broken(*args: object, **kwargs: object) -> None:
        stream = args[2]
        stream.write("{ partial")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("authlint.report.report", broken)
    before = out.read_bytes()
    code, _, err = run(["check", "--isolated", "--output-format", "sarif", "-o", str(out), "."])
    assert code == 2
    assert "No space left on device" in err
    assert out.read_bytes() == before  # the previous report, not a partial one
    fresh = tmp_path / "new.json"
    run(["check", "--isolated", "--output-format", "json", "-o", str(fresh), "."])
    assert not fresh.exists()
    assert sorted(os.listdir(tmp_path)) == ["app.py", "report.sarif"]


# --- `authlint header` never shows a secret -----------------------------------------------------

PASSWORD = "Sup3rS3cretPassw0rdValue42"  # authlint: ignore[AL203]


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(f"Authorization: {PASSWORD}", id="field-then-secret"),
        pytest.param(f"Authorization:{PASSWORD}", id="field-no-space"),
        pytest.param(f"proxy-authorization: {PASSWORD} more", id="proxy-field"),
        pytest.param(PASSWORD, id="bare-secret"),
        pytest.param("QWxhZGRpbjpvcGVuIHNlc2FtZQ==", id="bare-basic-token"),
        pytest.param(f"{PASSWORD} {PASSWORD}", id="secret-as-scheme"),
        pytest.param(f"Basic {PASSWORD}", id="basic-raw-password"),
        pytest.param(f'"Bearer {PASSWORD}"', id="quoted"),
        pytest.param(f"Bearer\t{PASSWORD}\r\n", id="controls"),
        pytest.param(f"{SECRET}", id="key-id"),
        pytest.param(f"Authorization: Authorization: {PASSWORD}", id="field-twice"),
    ],
)
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_header_command_never_prints_the_secret(value: str, fmt: str) -> None:
    out = io.StringIO()
    check_values([value], "strict", fmt, io.StringIO(), out)
    shown = out.getvalue()
    secret = value.rsplit(maxsplit=1)[-1] if " " in value.strip() else value
    for needle in {PASSWORD, SECRET, "QWxhZGRpbjpvcGVuIHNlc2FtZQ==", secret.strip()}:
        if needle in value:
            assert needle not in shown, shown

"""`authlint check` end to end through main(argv): exit codes, formats, and no secret in output."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from authlint.cli import main
from tests.conftest import Run, git
from tests.helpers import JSON_CONTRACT

LIVE = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore
TEST = "rzp_test_Z9x8C7v6B5n4M3"  # authlint: ignore
SECRET = "Hk3LmN0pQr5StUv7WxYz1Ab2"  # authlint: ignore
JSON_KEYS = set(JSON_CONTRACT)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    (tmp_path / "app.py").write_text(f'KEY_ID = "{LIVE}"\nKEY_SECRET = "{SECRET}"\n')
    (tmp_path / "test_keys.env").write_text(f"RAZORPAY_KEY_ID={TEST}\n")
    (tmp_path / "clean.py").write_text("import os\nKEY = os.environ['RAZORPAY_KEY_ID']\n")
    return tmp_path


def test_findings_exit_1_and_text_format(run: Run, tree: Path) -> None:
    code, out, err = run(["check", "--isolated", "."])
    assert code == 1
    assert "app.py:1:11: AL201 " in out
    assert "app.py:2:15: AL203 " in out
    assert "test_keys.env:1:17: AL202 " in out
    assert "\033[" not in out  # not a terminal: no colour
    assert err == ""


def test_clean_file_exits_0(run: Run, tree: Path) -> None:
    code, out, _ = run(["check", "--isolated", "clean.py"])
    assert code == 0
    assert "AL2" not in out


def test_warning_only_exits_0(run: Run, tree: Path) -> None:
    code, out, _ = run(["check", "--isolated", "test_keys.env"])
    assert code == 0
    assert "AL202" in out


def test_exit_zero(run: Run, tree: Path) -> None:
    code, _, _ = run(["check", "--isolated", "--exit-zero", "."])
    assert code == 0


def test_json_contract(run: Run, tree: Path) -> None:
    code, out, _ = run(["check", "--isolated", "--output-format", "json", "."])
    assert code == 1
    findings = json.loads(out)
    assert {f["code"] for f in findings} == {"AL201", "AL202", "AL203"}
    for finding in findings:
        assert set(finding) == JSON_KEYS
        assert finding["kind"] == "secret"
        assert finding["severity"] in ("error", "warning")
        assert len(finding["fingerprint"]) == 64
    live = next(f for f in findings if f["code"] == "AL201")
    assert live["name"] == "live-key-id"
    assert (live["line"], live["column"], live["end_line"], live["end_column"]) == (1, 11, 1, 34)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "gitlab"])
def test_no_secret_in_any_output(run: Run, tree: Path, fmt: str) -> None:
    code, out, err = run(["check", "--isolated", "--statistics", "--output-format", fmt, "."])
    code2, out2, err2 = run(["check", "--isolated", "--output-format", fmt, "."])
    for blob in (out, err, out2, err2):
        for secret in (LIVE, TEST, SECRET):
            assert secret not in blob
        assert SECRET[:8] not in blob
    assert code == code2 == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["check", "missing-dir"], "missing-dir", id="missing-path"),
        pytest.param(["check", "--select", "AL2O1", "."], "AL2O1", id="bad-selector"),
        pytest.param(["check", "--config", "nope.toml", "."], "nope.toml", id="missing-config"),
        pytest.param(["check", "--max-file-size", "0", "."], "max-file-size", id="bad-size"),
        pytest.param(["check", "--baseline", "nope.json", "."], "nope.json", id="missing-baseline"),
    ],
)
def test_errors_exit_2_with_one_line(run: Run, tree: Path, argv: list[str], message: str) -> None:
    code, out, err = run(argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_usage_error_exits_2(run: Run, tree: Path) -> None:
    with pytest.raises(SystemExit) as excinfo:
        run(["check", "--output-format", "xml", "."])
    assert excinfo.value.code == 2


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # Named first, `check` is the only parser built: its own errors are unchanged.
        (["check", "--bogus", "."], "authlint check: error: unrecognized arguments: --bogus"),
        # Named later, every subcommand is built: a misspelled one lists them all.
        (["chek", "check"], "choose from 'check', 'header', 'rules', 'rule', 'history'"),
    ],
)
def test_usage_errors_name_the_subcommands(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(argv)
    assert excinfo.value.code == 2
    assert expected in capsys.readouterr().err


def test_unknown_config_key(run: Run, tree: Path) -> None:
    (tree / "authlint.toml").write_text('selct = ["AL2"]\n')
    code, _, err = run(["check", "."])
    assert code == 2
    assert "selct" in err


def test_config_ignore_and_cli_select(run: Run, tree: Path) -> None:
    (tree / "pyproject.toml").write_text('[tool.authlint]\nignore = ["AL203"]\n')
    code, out, _ = run(["check", "--output-format", "json", "."])
    assert {f["code"] for f in json.loads(out)} == {"AL201", "AL202"}
    code, out, _ = run(["check", "--select", "AL202", "--output-format", "json", "."])
    assert {f["code"] for f in json.loads(out)} == {"AL202"}
    assert code == 0


def test_per_file_ignores_and_allowlist(run: Run, tree: Path) -> None:
    (tree / "authlint.toml").write_text(
        'per-file-ignores = { "*.env" = ["AL202"] }\nallowlist = ["^Hk3L"]\n'
    )
    _, out, _ = run(["check", "--output-format", "json", "."])
    assert {f["code"] for f in json.loads(out)} == {"AL201"}


def test_binary_and_large_files_are_counted(run: Run, tree: Path) -> None:
    (tree / "logo.png").write_bytes(b"\x89PNG\0\0" + LIVE.encode())
    (tree / "big.txt").write_text(LIVE + "\n" + "x" * 5000)
    code, out, _ = run(["check", "--isolated", "--max-file-size", "4096", "."])
    assert "logo.png" not in out.split("\n")[0]
    assert "skipped" in out
    assert "big.txt" in out  # a file too large to scan is named, not lost


def test_empty_git_repository(run: Run, git_repo: Path) -> None:
    code, out, err = run(["check", "--isolated", "."])
    assert code == 0
    assert "All clear: 0 files scanned." in out
    assert err == "authlint: warning: no files to check under the given paths\n"


def test_git_repo_scans_tracked_and_untracked_not_ignored(run: Run, git_repo: Path) -> None:
    (git_repo / ".gitignore").write_text("ignored.py\n")
    (git_repo / "tracked.py").write_text(f'K = "{LIVE}"\n')
    (git_repo / "untracked.py").write_text(f'K = "{LIVE}"\n')
    (git_repo / "ignored.py").write_text(f'K = "{LIVE}"\n')
    git(git_repo, "add", "tracked.py", ".gitignore")
    _, out, _ = run(["check", "--isolated", "--output-format", "json"])
    assert sorted(f["path"] for f in json.loads(out)) == ["tracked.py", "untracked.py"]


def test_named_ignored_file_is_scanned(run: Run, git_repo: Path) -> None:
    (git_repo / ".gitignore").write_text("ignored.py\n")
    (git_repo / "ignored.py").write_text(f'K = "{LIVE}"\n')
    code, _, _ = run(["check", "--isolated", "ignored.py"])
    assert code == 1


def test_symlink_loop_does_not_hang(run: Run, tree: Path) -> None:
    loop = tree / "loop"
    loop.mkdir()
    os.symlink("..", loop / "up")
    code, out, _ = run(["check", "--isolated", "."])
    assert code == 1
    assert out.count("AL201") == 1


def test_color_only_when_asked(run: Run, tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(["check", "--isolated", "--color", "always", "app.py"])
    assert "\033[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(["check", "--isolated", "app.py"])
    assert "\033[" not in out


def test_python_m_authlint(tree: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "authlint", "check", "--isolated", "app.py"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "AL201" in proc.stdout
    assert LIVE not in proc.stdout


def test_check_formats_match_the_reporters() -> None:
    from authlint.commands.check import FORMATS
    from authlint.report import FORMATS as REPORTER_FORMATS

    assert FORMATS == REPORTER_FORMATS


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- a NUL byte in a file whose name says text: fail closed when named, listed when found -------

_NUL_SOURCE = f'KEY_ID = "{LIVE}"\n'.encode() + b"\0\x01\x02\0\0\x07" * 4


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("app.py", _NUL_SOURCE, 2, id="source"),
        pytest.param("settings.yaml", b"\0" + LIVE.encode(), 2, id="config"),
        pytest.param(".env", b"\0" + LIVE.encode(), 2, id="by-name"),
        pytest.param("Dockerfile", b"\0" + LIVE.encode(), 2, id="by-file-name"),
        pytest.param("logo.png", b"\x89PNG\r\n\x1a\n\0\0" + LIVE.encode(), 0, id="image"),
        pytest.param("bundle.tar.gz", b"\x1f\x8b\x08\0\0\0" + LIVE.encode(), 0, id="archive"),
        pytest.param("blob.bin", b"\0\0\0" + LIVE.encode(), 0, id="unknown-suffix"),
        pytest.param("script", b"#!/bin/sh\n\0\0" + LIVE.encode(), 0, id="no-suffix"),
    ],
)
def test_named_file_with_a_nul_byte(
    run: Run, workdir: Path, name: str, data: bytes, expected: int
) -> None:
    (workdir / name).write_bytes(data)
    code, out, err = run(["check", "--isolated", name])
    assert code == expected
    assert LIVE not in out + err
    if expected == 2:
        assert out == ""
        assert err.startswith(f"authlint: error: {name}: cannot be checked: ")
        assert "NUL byte" in err
        assert err.count("\n") == 1
    else:
        assert err == ""
        assert "1 skipped: 1 binary" in out
        assert f"{name}: skipped" not in out  # binary files are counted, not listed


def test_found_file_with_a_nul_byte_is_listed_not_fatal(run: Run, tree: Path) -> None:
    (tree / "bad.py").write_bytes(_NUL_SOURCE)
    (tree / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0" + LIVE.encode())
    code, out, _ = run(["check", "--isolated", "--select", "AL2", "."])
    assert code == 1  # app.py's key
    assert "bad.py: skipped (not text: a NUL byte in the first 8 KB of a python file)" in out
    assert "logo.png" not in out
    assert "2 skipped: 1 binary, 1 not text" in out


def test_stdin_with_a_nul_byte_fails_closed_when_named_as_text(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(_NUL_SOURCE)))
    code, out, err = run(["check", "--isolated", "--stdin-filename", "app.py", "-"])
    assert (code, out) == (2, "")
    assert err.startswith("authlint: error: app.py: cannot be checked: ")


def test_named_utf16_source_without_bom_is_still_text(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_bytes(f'KEY_ID = "{LIVE}"\n'.encode("utf-16-le"))
    code, out, _ = run(["check", "--isolated", "app.py"])
    assert code == 1
    assert "AL201" in out


def test_pre_commit_passes_images_to_no_hook() -> None:
    """The hook's `types: [text]` (identify) keeps binary files away from it; a source file with a
    NUL byte is still passed, and fails closed."""
    import yaml
    from identify import identify

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == "authlint"]
    assert hook["types"] == ["text"]
    for name in ("logo.png", "photo.jpg", "bundle.tar.gz", "font.woff2", "lib.so"):
        assert "text" not in identify.tags_from_filename(name), name
    assert "text" in identify.tags_from_filename("app.py")

"""The conventions ruff and gitleaks users reach for, and failures that fail (issue 11)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from authlint import __version__
from tests.conftest import Run, git

LIVE = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore
TEST = "rzp_test_Z9x8C7v6B5n4M3"  # authlint: ignore
SECRET = "Hk3LmN0pQr5StUv7WxYz1Ab2"  # authlint: ignore
# A malformed header and a secret-free line: `AL101` only.
HEADER = 'headers = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n'


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "AUTHLINT_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "app.py").write_text(f'KEY_ID = "{LIVE}"\nKEY_SECRET = "{SECRET}"\n')
    (tmp_path / "client.py").write_text(HEADER)
    (tmp_path / "test_keys.env").write_text(f"RAZORPAY_KEY_ID={TEST}\n")
    (tmp_path / "clean.py").write_text("import os\n")
    return tmp_path


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_dash_v_prints_the_version(run: Run, capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("-V", "--version"):
        with pytest.raises(SystemExit) as excinfo:
            run([flag])
        assert excinfo.value.code == 0
        assert capsys.readouterr().out.strip() == f"authlint {__version__}"


def test_unknown_option_prints_the_subcommand_usage(
    run: Run, tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as excinfo:
        run(["check", "--bogus", "."])
    assert excinfo.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: authlint check ")
    assert "unrecognized arguments: --bogus" in err


def test_help_explains_output_format_and_color(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        run(["check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "sarif (code scanning)" in out
    assert "github (workflow annotations)" in out
    assert "NO_COLOR" in out
    assert "FORCE_COLOR" in out
    assert "--stdin-filename" in out
    assert "-q, --quiet" in out


def test_stdin_with_a_filename(run: Run, tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, f'KEY_ID = "{LIVE}"\n'.encode())
    code, out, _ = run(["check", "--output-format", "json", "--stdin-filename", "src/x.py", "-"])
    assert code == 1
    assert [(f["path"], f["code"]) for f in json.loads(out)] == [("src/x.py", "AL201")]
    # the name decides the file kind: a dotenv value is read as one
    _stdin(monkeypatch, f"RAZORPAY_KEY_ID={TEST}\n".encode())
    code, out, _ = run(["check", "--output-format", "json", "--stdin-filename", "a.env", "-"])
    assert code == 0
    assert [f["code"] for f in json.loads(out)] == ["AL202"]
    # and the configuration that governs that name applies, per-file-ignores included
    (tree / "authlint.toml").write_text('per-file-ignores = { "vendor/**" = ["AL2"] }\n')
    _stdin(monkeypatch, f'KEY_ID = "{LIVE}"\n'.encode())
    code, out, _ = run(["check", "--stdin-filename", "vendor/x.py", "-"])
    assert code == 0
    assert "All clear: 1 file scanned" in out
    _stdin(monkeypatch, f'KEY_ID = "{LIVE}"\n'.encode())
    code, out, _ = run(["check", "-"])
    assert code == 1
    assert out.startswith("-:1:11: AL201 ")


def test_stdin_misuse_is_a_usage_error(run: Run, tree: Path) -> None:
    code, _, err = run(["check", "-", "app.py"])
    assert code == 2
    assert "standard input" in err
    code, _, err = run(["check", "--stdin-filename", "x.py", "app.py"])
    assert code == 2
    assert "--stdin-filename" in err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["check", "-j", "0", "."], "-j/--jobs"),
        (["check", "--jobs=-2", "."], "-j/--jobs"),
        (["history", "-j", "0"], "-j/--jobs"),
        (["check", "--isolated", "--config", "pyproject.toml", "."], "--isolated"),
        (["history", "--isolated", "--config", "pyproject.toml"], "--isolated"),
        (["check", "--show-stale", "."], "--show-stale"),
        # `--config "$CFG"` with CFG unset: not the discovered configuration, silently
        (["check", "--config", "", "."], "--config"),
        (["history", "--config", ""], "--config"),
    ],
)
def test_options_that_cannot_mean_anything_are_usage_errors(
    run: Run, tree: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    # Silently running with one worker, or without the named configuration, hides the mistake.
    (tree / "pyproject.toml").write_text("[tool.authlint]\n")
    try:
        code, _, err = run(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code, err = int(str(exc.code)), capsys.readouterr().err
    assert code == 2
    assert says in err
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if "error:" in line]) == 1


def test_quiet_prints_findings_and_nothing_else(run: Run, tree: Path) -> None:
    code, out, err = run(["check", "-q", "."])
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("app.py:1:11: AL201 ")
    assert not any(line.startswith(("Found", "All clear", "[*]")) for line in lines)
    code, out, err = run(["check", "--quiet", "clean.py"])
    assert (code, out, err) == (0, "", "")


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("secret", {"AL201", "AL202", "AL203"}),
        ("malformed-header", {"AL101"}),
        ("secret,malformed-header", {"AL101", "AL201", "AL202", "AL203"}),
    ],
)
def test_select_by_kind(run: Run, tree: Path, selector: str, expected: set[str]) -> None:
    _, out, _ = run(["check", "--output-format", "json", "--select", selector, "."])
    assert {f["code"] for f in json.loads(out)} == expected


def test_ignore_by_kind_beats_select_all(run: Run, tree: Path) -> None:
    _, out, _ = run(["check", "--output-format", "json", "--select", "AL", "--ignore", "secret"])
    assert {f["code"] for f in json.loads(out)} == {"AL101"}
    # a code is more specific than a kind
    _, out, _ = run(["check", "--output-format", "json", "--ignore", "secret", "--select", "AL201"])
    assert {f["code"] for f in json.loads(out)} == {"AL201"}


def test_color_environment(run: Run, tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(["check", "app.py"])
    assert "\033[" not in out  # not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run(["check", "app.py"])
    assert "\033[" in out
    monkeypatch.setenv("NO_COLOR", "1")  # FORCE_COLOR is the stronger wish
    _, out, _ = run(["check", "app.py"])
    assert "\033[" in out
    monkeypatch.setenv("FORCE_COLOR", "")  # empty means unset
    _, out, _ = run(["check", "app.py"])
    assert "\033[" not in out
    _, out, _ = run(["check", "--color", "always", "app.py"])
    assert "\033[" in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = run(["check", "--color", "never", "app.py"])
    assert "\033[" not in out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "gitlab"])
def test_statistics_is_honoured_with_every_format(run: Run, tree: Path, fmt: str) -> None:
    code, out, err = run(["check", "--statistics", "--output-format", fmt, "."])
    assert code == 1
    shown = out if fmt in ("text", "json") else err
    for code_name in ("AL101", "AL201", "AL202", "AL203"):
        assert code_name in shown, (fmt, shown)
    if fmt == "json":
        assert {row["code"] for row in json.loads(out)} == {"AL101", "AL201", "AL202", "AL203"}
    elif fmt != "text":
        # the machine-readable report is untouched on stdout
        assert "AL201" in out
        assert "AL201" in err
        _, plain, _ = run(["check", "--output-format", fmt, "."])
        assert plain == out
    assert LIVE not in out + err


def _deny(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    if os.geteuid() != 0:
        path.chmod(0)
        return
    real_open = os.open

    def denied(name: object, flags: int, *args: int) -> int:
        if os.fspath(name) in (str(path), path.name):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", name)
        return real_open(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)


def test_an_unreadable_named_file_fails_closed(
    run: Run, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deny(monkeypatch, tree / "clean.py")
    code, out, err = run(["check", "clean.py"])
    assert code == 2
    assert err == "authlint: error: clean.py: cannot be read (Permission denied)\n"
    assert out == ""
    # inside a directory it is reported as skipped, by name
    code, out, _ = run(["check", "--select", "malformed-header", "."])
    assert "clean.py: skipped (unreadable: Permission denied)" in out
    # --diff (a CI check that nothing needs fixing) fails closed too
    for mode in ("--diff", "--fix"):
        code, out, err = run(["check", mode, "clean.py"])
        assert (code, out) == (2, "")
        assert err == "authlint: error: clean.py: cannot be read (Permission denied)\n"


def _as_nobody() -> list[str] | None:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


def test_an_unreadable_untracked_directory_in_a_work_tree_is_reported() -> None:
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("needs a user that permissions apply to")
    top = Path(tempfile.mkdtemp(prefix="authlint-perm-"))
    try:
        top.chmod(0o755)
        git(top, "init", "-q", "-b", "main")
        (top / "ok.py").write_text("import os\n")
        locked = top / "locked"
        locked.mkdir()
        (locked / "keys.py").write_text(f'K = "{LIVE}"\n')
        if prefix:  # root: the run is nobody's, the directory root's
            subprocess.run(["chown", "-R", "65534:65534", str(top)], check=True)
            os.chown(locked, 0, 0)
            locked.chmod(0o700)
        else:
            locked.chmod(0)
        proc = subprocess.run(
            [*prefix, sys.executable, "-m", "authlint", "check", "--isolated", "."],
            cwd=top,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "HOME": str(top), "GIT_CONFIG_PARAMETERS": "'safe.directory=*'"},
        )
        assert "locked: skipped (unreadable: Permission denied)" in proc.stdout, proc
        assert "1 file scanned, 1 skipped: 1 unreadable" in proc.stdout
    finally:
        locked.chmod(0o755)
        shutil.rmtree(top, ignore_errors=True)


# --- every way `check` exits 0 really scanned what it was given -----------------------------


def test_exit_0_clean_and_warning_only_runs_count_every_file(run: Run, tree: Path) -> None:
    code, out, _ = run(["check", "clean.py", "test_keys.env"])
    assert code == 0
    assert "test_keys.env:1:17: AL202 " in out  # the warning proves the file was read
    assert "(2 files scanned)" in out


def test_exit_0_with_exit_zero_still_reports(run: Run, tree: Path) -> None:
    code, out, _ = run(["check", "--exit-zero", "."])
    assert code == 0
    assert "AL201" in out
    assert "Found 3 errors, 1 warning in 3 files (4 files scanned)." in out


def test_exit_0_when_every_finding_is_baselined(run: Run, tree: Path) -> None:
    code, _, err = run(["check", "--write-baseline", "base.json", "."])
    assert code == 0
    assert "wrote 4 finding(s)" in err
    assert len(json.loads((tree / "base.json").read_text())["entries"]) >= 1
    code, out, _ = run(["check", "--baseline", "base.json", "."])
    assert code == 0
    assert "All clear: 5 files scanned." in out  # base.json itself is scanned too
    assert "4 suppressed" in out


def test_exit_0_when_suppressed_inline_counts_the_suppression(run: Run, tree: Path) -> None:
    (tree / "app.py").write_text(f'KEY_ID = "{LIVE}"  # authlint: ignore[AL201]\n')
    code, out, _ = run(["check", "app.py"])
    assert code == 0
    assert "All clear: 1 file scanned." in out
    assert "1 suppressed" in out


def test_exit_0_from_stdin_counts_the_file(
    run: Run, tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, f"RAZORPAY_KEY_ID={TEST}\n".encode())
    code, out, _ = run(["check", "--stdin-filename", "x.env", "-"])
    assert code == 0
    assert "x.env:1:17: AL202" in out
    assert "(1 file scanned)" in out


def test_exit_0_after_fix_rescans_the_fixed_file(run: Run, tree: Path) -> None:
    code, out, _ = run(["check", "--fix", "client.py"])
    assert code == 0
    assert "fixed 1 header value(s) in client.py" in out
    assert "All clear: 1 file scanned." in out
    assert '"Basic QWxh' in (tree / "client.py").read_text()


def test_exit_0_from_diff_has_looked_at_the_file(run: Run, tree: Path) -> None:
    code, out, _ = run(["check", "--diff", "clean.py"])
    assert (code, out) == (0, "")
    code, out, _ = run(["check", "--diff", "client.py"])
    assert code == 1
    assert "--- client.py" in out


def test_exit_0_staged_counts_what_the_index_holds(run: Run, git_repo: Path) -> None:
    (git_repo / "a.env").write_text(f"RAZORPAY_KEY_ID={TEST}\n")
    (git_repo / "b.py").write_text("import os\n")
    git(git_repo, "add", "a.env", "b.py")
    code, out, _ = run(["check", "--isolated", "--staged"])
    assert code == 0
    assert "a.env:1:17: AL202" in out
    assert "(2 files scanned)" in out


def test_exit_0_with_nothing_to_check_says_so(run: Run, tree: Path) -> None:
    (tree / "authlint.toml").write_text('extend-exclude = ["*"]\n')
    code, out, err = run(["check", "."])
    assert code == 0
    assert "All clear: 0 files scanned." in out
    assert err == "authlint: warning: no files to check under the given paths\n"
    empty = tree / "empty"
    empty.mkdir()
    code, _, err = run(["check", "--isolated", "empty"])
    assert code == 0
    assert "no files to check" in err


def test_show_files_matches_what_check_scans(run: Run, tree: Path) -> None:
    _, listed, _ = run(["check", "--show-files", "."])
    _, out, _ = run(["check", "."])
    assert f"({len(listed.split())} files scanned)" in out


def test_fail_on_warnings(run: Run, tree: Path) -> None:
    assert run(["check", "test_keys.env"])[0] == 0
    assert run(["check", "--fail-on-warnings", "test_keys.env"])[0] == 1
    assert run(["check", "--fail-on-warnings", "clean.py"])[0] == 0

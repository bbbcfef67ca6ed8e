"""Issue 8: every reader opens files one safe way; every writer replaces files atomically."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from authlint import gitio, history, safeio
from authlint.config import Settings
from authlint.discover import discover
from authlint.scan import scan_file, scan_staged
from tests.conftest import Run, git

LIVE = 'KEY = "rzp_live_AbCdEfGhIjKlMn"\n'  # authlint: ignore[AL201]
SECRET = "rzp_live_AbCdEfGhIjKlMn"  # authlint: ignore[AL201]
FIXABLE = 'H = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n'
SETTINGS = Settings().with_selection()


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A directory outside the repository, holding a file with a secret and a fixable header."""
    out = tmp_path / "outside"
    out.mkdir()
    (out / "app.py").write_text(LIVE + FIXABLE)
    return out


def _commit_then_replace(repo: Path, outside: Path, *, directory: bool) -> None:
    (repo / "pkg").mkdir()
    (repo / "pkg" / "app.py").write_text("x = 1\n")
    (repo / "top.py").write_text("x = 1\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "init")
    if directory:
        for child in (repo / "pkg").iterdir():
            child.unlink()
        (repo / "pkg").rmdir()
        (repo / "pkg").symlink_to(outside)
    else:
        (repo / "top.py").unlink()
        (repo / "top.py").symlink_to(outside / "app.py")


@pytest.mark.parametrize("directory", [False, True], ids=["file-link", "dir-link"])
def test_tracked_path_replaced_by_link_out_is_skipped_not_read(
    git_repo: Path, outside: Path, run: Run, directory: bool
) -> None:
    _commit_then_replace(git_repo, outside, directory=directory)
    code, out, _ = run(["check", "--isolated", "."])
    assert "AL201" not in out
    assert SECRET not in out
    assert "skipped (symlink (not followed)" in out
    assert code == 0


@pytest.mark.parametrize("directory", [False, True], ids=["file-link", "dir-link"])
def test_fix_never_writes_through_a_link_out(
    git_repo: Path, outside: Path, run: Run, directory: bool
) -> None:
    _commit_then_replace(git_repo, outside, directory=directory)
    before = (outside / "app.py").read_bytes()
    run(["check", "--isolated", "--fix", "."])
    assert (outside / "app.py").read_bytes() == before
    assert (git_repo / ("pkg" if directory else "top.py")).is_symlink()


def test_scan_file_refuses_a_symlink_even_when_named(tmp_path: Path, outside: Path) -> None:
    link = tmp_path / "link.py"
    link.symlink_to(outside / "app.py")
    outcome = scan_file(str(link), SETTINGS)
    assert outcome.skipped is not None
    assert outcome.skipped.reason == safeio.SYMLINK
    assert not outcome.findings


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_at_a_tracked_path_does_not_block(git_repo: Path) -> None:
    (git_repo / "app.py").write_text(FIXABLE)
    (git_repo / "pipe.py").write_text("x = 1\n")
    git(git_repo, "add", ".")
    git(git_repo, "commit", "-qm", "init")
    (git_repo / "pipe.py").unlink()
    os.mkfifo(git_repo / "pipe.py")
    for extra in ([], ["--fix"]):
        # A subprocess with a timeout: a regression must fail the test, not hang the suite.
        proc = subprocess.run(
            [sys.executable, "-m", "authlint", "check", "--isolated", *extra, "."],
            cwd=git_repo,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert "pipe.py: skipped (not a regular file)" in proc.stdout, proc.stdout + proc.stderr
        assert "Traceback" not in proc.stderr


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.py"
    big.write_bytes(b"x" * 5000)
    reads: list[int] = []
    real_read = os.read

    def spy(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", spy)
    outcome = scan_file(str(big), SETTINGS.replace(max_file_size=1000))
    assert outcome.skipped is not None
    assert outcome.skipped.reason.startswith("too large")
    assert reads == []


def test_staged_blob_over_the_limit_is_never_read(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (git_repo / "big.py").write_bytes(LIVE.encode() + b"#" * 300_000)
    (git_repo / "small.py").write_text(LIVE)
    git(git_repo, "add", ".")
    staged = gitio.staged_files(git_repo)
    big_sha = dict(staged)["big.py"]
    asked: list[str] = []
    real = gitio.read_blobs

    def spy(shas: list[str], repo: str = ".") -> object:
        asked.extend(shas)
        return real(shas, repo)

    monkeypatch.setattr(gitio, "read_blobs", spy)
    result = scan_staged(staged, SETTINGS.replace(max_file_size=100_000))
    assert big_sha not in asked
    assert [s.path for s in result.skipped] == ["big.py"]
    assert result.skipped[0].reason.startswith("too large (0.3 MB")
    assert [f.path for f in result.findings] == ["small.py"]


def test_history_honours_max_file_size(git_repo: Path) -> None:
    (git_repo / "big.py").write_text(LIVE + "#" * 5000 + "\n")
    (git_repo / "small.py").write_text(LIVE)
    git(git_repo, "add", ".")
    git(git_repo, "commit", "-qm", "both")
    found = list(history.scan_history(settings=SETTINGS.replace(max_file_size=1000), jobs=1))
    assert [f.finding.path for f in found] == ["small.py"]
    found = list(history.scan_history(settings=SETTINGS, jobs=1))
    assert sorted(f.finding.path for f in found) == ["big.py", "small.py"]


def test_history_never_holds_a_huge_line() -> None:
    huge = b"+" + b"a" * 2_000_000 + b"\n"
    stream = io.BytesIO(b"diff --git a/x b/x\n" + huge + b"+ok\n")
    lines = list(history.bounded_lines(stream, 1000))
    assert max(len(line) for line in lines) == 1001
    assert lines[-1] == b"+ok\n"


def test_history_drops_a_file_whose_added_lines_are_too_large() -> None:
    log = [
        b"\x01" + b"c" * 40 + b" 2026-01-01T00:00:00+00:00\n",
        b"diff --git a/x.py b/x.py\n",
        b"+++ b/x.py\n",
        b"@@ -0,0 +1,3 @@\n",
        b"+" + LIVE.encode(),
        b"+" + b"#" * 2000 + b"\n",
        b"diff --git a/y.py b/y.py\n",
        b"+++ b/y.py\n",
        b"@@ -0,0 +1 @@\n",
        b"+" + LIVE.encode(),
    ]
    diffs = list(history.file_diffs(log, max_size=1000))
    assert [d.path for d in diffs] == ["y.py"]
    assert [d.path for d in history.file_diffs(log)] == ["x.py", "y.py"]


# --- atomic writes ---------------------------------------------------------------------------


def test_write_atomic_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "run.sh"
    path.write_text("old")
    path.chmod(0o751)
    safeio.write_atomic(str(path), b"new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o751
    assert os.listdir(tmp_path) == ["run.sh"]


def test_write_atomic_error_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.py"
    path.write_text("original")

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError, match="No space"):
        safeio.write_atomic(str(path), b"x" * 100)
    assert path.read_text() == "original"
    assert os.listdir(tmp_path) == ["a.py"]


def test_write_atomic_refuses_a_symlink_and_a_changed_file(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.write_text("t")
    link = tmp_path / "link"
    link.symlink_to(target)
    with pytest.raises(OSError, match="symlink"):
        safeio.write_atomic(str(link), b"x")
    assert target.read_text() == "t"
    path = tmp_path / "a.py"
    path.write_text("one")
    _, info = safeio.read_regular(str(path), 100)
    path.unlink()
    path.write_text("two")  # another file (inode) now
    other = tmp_path / "b.py"
    other.write_text("keep the inode busy")
    if os.stat(path).st_ino != info.st_ino:
        with pytest.raises(OSError, match="changed on disk"):
            safeio.write_atomic(str(path), b"x", expected=info)
        assert path.read_text() == "two"


def test_fix_reports_every_file_it_cannot_write_and_fixes_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "client.py").write_text(FIXABLE)
    real = safeio.write_atomic

    def failing(path: str, data: bytes, **kwargs: object) -> None:
        if not path.startswith("b"):
            raise PermissionError(13, "Permission denied")
        real(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(safeio, "write_atomic", failing)
    code, out, err = run(["check", "--isolated", "--fix", "."])
    assert "cannot fix a/client.py: Permission denied" in err
    assert "cannot fix c/client.py: Permission denied" in err
    assert "fixed 1 header value(s) in b/client.py" in out
    assert "Basic QWxh" in (tmp_path / "b" / "client.py").read_text()
    assert (tmp_path / "a" / "client.py").read_text() == FIXABLE
    assert (tmp_path / "c" / "client.py").read_text() == FIXABLE
    assert code == 2
    assert "Traceback" not in err


def test_fix_interrupted_leaves_old_or_new_never_partial(tmp_path: Path) -> None:
    """SIGKILL during --fix: every file is the old or the new content, never empty or partial."""
    for i in range(60):
        (tmp_path / f"m{i}.py").write_text(FIXABLE * 2000)
    fixed = FIXABLE.replace("basic", "Basic") * 2000
    proc = subprocess.Popen(
        [sys.executable, "-m", "authlint", "check", "--isolated", "--fix", "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    proc.stdout.readline()  # the first file is fixed: kill in the middle of the run
    proc.kill()
    proc.wait()
    for i in range(60):
        assert (tmp_path / f"m{i}.py").read_text() in (FIXABLE * 2000, fixed)


def test_discover_skips_files_under_a_link_out(git_repo: Path, outside: Path) -> None:
    _commit_then_replace(git_repo, outside, directory=True)
    skipped: list[object] = []
    files = discover(["."], SETTINGS, on_skip=skipped.append)
    assert files == ["top.py"]
    assert ("pkg/app.py", safeio.OUTSIDE) in [(s.path, s.reason) for s in skipped]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("relative", "inside"),
    [
        pytest.param("pkg/sub/app.py", True, id="plain-directories"),
        pytest.param("out/sub/app.py", False, id="below-a-link-out"),
        pytest.param("back/sub/app.py", True, id="below-a-link-back-in"),
        pytest.param("pkg/../out/app.py", False, id="climbs-into-a-link-out"),
    ],
)
def test_containment_judges_each_directory_by_where_it_really_is(
    tmp_path: Path, outside: Path, relative: str, inside: bool
) -> None:
    root = tmp_path / "root"
    (root / "pkg" / "sub").mkdir(parents=True)
    (outside / "sub").mkdir()
    (root / "out").symlink_to(outside, target_is_directory=True)
    (root / "back").symlink_to(root / "pkg", target_is_directory=True)
    contained = safeio.Containment(str(root))
    assert contained.inside(str(root / "pkg" / "sub" / "first.py"))  # fills the cache
    assert contained.inside(str(root / relative)) is inside
    assert contained.inside(str(root / relative)) is inside  # from the cache


def test_named_file_under_a_link_out_is_skipped(git_repo: Path, outside: Path, run: Run) -> None:
    """pre-commit names tracked files one by one: `pkg/app.py` reached through a symlinked
    `pkg` is not read, nor fixed."""
    _commit_then_replace(git_repo, outside, directory=True)
    before = (outside / "app.py").read_bytes()
    code, out, _ = run(["check", "--isolated", "--fix", "pkg/app.py"])
    assert "pkg/app.py: skipped (symlink (not followed)" in out
    assert SECRET not in out
    assert "AL201" not in out
    assert (outside / "app.py").read_bytes() == before
    # Named by an absolute path or one that climbs out on purpose, a file is read as named.
    code, out, _ = run(["check", "--isolated", str(outside / "app.py")])
    assert "AL201" in out


def test_atomic_output_to_a_device_or_through_a_link(tmp_path: Path) -> None:
    with safeio.atomic_output(os.devnull) as stream:
        stream.write("discarded")
    assert os.path.exists(os.devnull)
    assert not stat.S_ISREG(os.stat(os.devnull).st_mode)
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with safeio.atomic_output(str(link)) as stream:
        stream.write("new")
    assert link.is_symlink()
    assert target.read_text() == "new"


# --- temporary files a SIGKILL left behind: ours are cleaned, nothing else is touched ----------

_KILL_IN_COMMIT = """
import os, signal, sys
from authlint import safeio
from authlint.cli import main
def killed(fd, temp, path, mode):
    os.fsync(fd)
    os.kill(os.getpid(), signal.SIGKILL)  # after the temporary file is written, before rename
safeio._commit = killed
sys.exit(main(sys.argv[1:]))
"""


def _temps(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".authlint-tmp"))


def test_fix_after_sigkill_cleans_its_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "c.py").write_text(FIXABLE)
    killed = subprocess.run(
        [sys.executable, "-c", _KILL_IN_COMMIT, "check", "--isolated", "--fix", "c.py"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert killed.returncode == -9
    (left,) = _temps(tmp_path)
    assert safeio.is_temp_name(left)
    assert (tmp_path / "c.py").read_text() == FIXABLE  # never partial: the old file
    proc = subprocess.run(
        [sys.executable, "-m", "authlint", "check", "--isolated", "--fix", "c.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert _temps(tmp_path) == []
    assert (tmp_path / "c.py").read_text() == FIXABLE.replace("basic", "Basic")
    assert f"authlint: removed {left} (left by an interrupted --fix)" in proc.stderr


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("c.py.abcd1234.authlint-tmp", id="no-leading-dot"),
        pytest.param(".c.py.abcd1234.authlint-tmp.bak", id="other-suffix"),
        pytest.param(".c.py.ABCD1234.authlint-tmp", id="not-mkstemp-letters"),
        pytest.param(".c.py.abc1234.authlint-tmp", id="seven-letters"),
        pytest.param("..abcd1234.authlint-tmp", id="no-file-name"),
        pytest.param(".c.py.abcd1234.authlint-temp", id="other-word"),
    ],
)
def test_only_our_exact_pattern_is_a_temporary_file(name: str) -> None:
    assert not safeio.is_temp_name(name)
    assert safeio.is_temp_name(".c.py.ab_d1234.authlint-tmp")
    assert safeio.is_temp_name(".my file.tar.gz.0123abcd.authlint-tmp")


def test_stale_temporary_files_cleaned_safely(
    tmp_path: Path, outside: Path, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    monkeypatch.chdir(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / "c.py").write_text(FIXABLE)
    stale = work / ".c.py.abcd1234.authlint-tmp"
    stale.write_text(FIXABLE)
    other = work / ".gone.py.k2j4h5g6.authlint-tmp"  # a file since deleted: ours all the same
    other.write_text("x")
    keep = {
        "decoy": work / "c.py.abcd1234.authlint-tmp",
        "link": work / ".x.py.abcd1234.authlint-tmp",  # a symlink: never followed nor removed
        "dir": work / ".y.py.abcd1234.authlint-tmp",
        "hard-link": work / ".z.py.abcd1234.authlint-tmp",
    }
    keep["decoy"].write_text("mine")
    keep["link"].symlink_to(outside / "app.py")
    keep["dir"].mkdir()
    os.link(outside / "app.py", keep["hard-link"])
    elsewhere = tmp_path / "untouched"  # no file is written there: not cleaned
    elsewhere.mkdir()
    (elsewhere / ".a.py.abcd1234.authlint-tmp").write_text("x")
    outside_before = (outside / "app.py").read_bytes()

    code, out, err = run(["check", "--isolated", "--diff", "work"])
    assert stale.exists()  # --diff writes nothing, so it removes nothing
    code, out, err = run(["check", "--isolated", "--fix", "work"])
    assert not stale.exists()
    assert not other.exists()
    assert all(os.path.lexists(p) for p in keep.values())
    assert (elsewhere / ".a.py.abcd1234.authlint-tmp").exists()
    assert (outside / "app.py").read_bytes() == outside_before
    assert err.count("authlint: removed ") == 2
    # The temporary files were never scanned: only c.py was fixed.
    assert "fixed 1 header value(s) in work/c.py" in out


def test_stale_temporary_file_of_another_user_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / ".c.py.abcd1234.authlint-tmp"
    stale.write_text("x")
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(stale).st_uid + 1)
    assert safeio.remove_stale_temps(str(tmp_path)) == []
    assert stale.exists()
    monkeypatch.undo()
    assert safeio.remove_stale_temps(str(tmp_path)) == [stale.name]
    assert not stale.exists()


def test_atomic_output_cleans_only_its_own_stale_temporary_file(tmp_path: Path) -> None:
    mine = tmp_path / ".report.json.abcd1234.authlint-tmp"
    theirs = tmp_path / ".c.py.abcd1234.authlint-tmp"
    mine.write_text("partial")
    theirs.write_text("x")
    with safeio.atomic_output(str(tmp_path / "report.json")) as stream:
        stream.write("[]")
    assert not mine.exists()
    assert theirs.exists()


@pytest.mark.parametrize("in_git", [True, False], ids=["git", "walk"])
def test_discovery_never_lists_our_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_git: bool
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    if in_git:
        git(tmp_path, "init", "-q")
    (tmp_path / "c.py").write_text(LIVE)
    (tmp_path / ".c.py.abcd1234.authlint-tmp").write_text(LIVE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".d.py.abcd1234.authlint-tmp").write_text(LIVE)
    assert discover(["."], SETTINGS) == ["c.py"]
    # Named on the command line, a file is checked as named.
    assert discover([".c.py.abcd1234.authlint-tmp"], SETTINGS) == [".c.py.abcd1234.authlint-tmp"]

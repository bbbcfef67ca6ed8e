from __future__ import annotations

import os
from pathlib import Path

import pytest

from authlint import gitio
from authlint.config import Settings
from authlint.discover import DiscoveryError, discover_staged
from tests.conftest import git

LIVE = 'KEY = "rzp_live_AbCdEfGhIjKlMn"\n'  # authlint: ignore
CLEAN = 'KEY = os.environ["RAZORPAY_KEY_ID"]\n'


def staged_contents(repo: Path) -> dict[str, bytes]:
    staged = gitio.staged_files(repo)
    blobs = gitio.read_blobs([sha for _, sha in staged], repo)
    return {path: data for (path, _), data in zip(staged, blobs, strict=True)}


def test_index_holds_secret_work_tree_clean(git_repo: Path) -> None:
    (git_repo / "app.py").write_text(LIVE)
    git(git_repo, "add", "app.py")
    (git_repo / "app.py").write_text(CLEAN)
    assert staged_contents(git_repo) == {"app.py": LIVE.encode()}


def test_work_tree_holds_secret_index_clean(git_repo: Path) -> None:
    (git_repo / "app.py").write_text(CLEAN)
    git(git_repo, "add", "app.py")
    (git_repo / "app.py").write_text(LIVE)
    assert staged_contents(git_repo) == {"app.py": CLEAN.encode()}


def test_only_changes_against_head_are_staged(git_repo: Path) -> None:
    for name in ("same.py", "changed.py", "deleted.py", "old.py"):
        (git_repo / name).write_text(f"# {name}\n")
    git(git_repo, "add", ".")
    git(git_repo, "commit", "-qm", "init")
    (git_repo / "changed.py").write_text("# changed\n")
    (git_repo / "new.py").write_text("# new\n")
    (git_repo / "unstaged.py").write_text("# not added\n")
    git(git_repo, "rm", "-q", "deleted.py")
    git(git_repo, "mv", "old.py", "renamed.py")
    git(git_repo, "add", "changed.py", "new.py")
    assert staged_contents(git_repo) == {
        "changed.py": b"# changed\n",
        "new.py": b"# new\n",
        "renamed.py": b"# old.py\n",
    }


def test_symlinks_and_binary_blobs(git_repo: Path) -> None:
    os.symlink("target", git_repo / "link")
    blob = bytes(range(256)) * 1000  # larger than a pipe buffer, with NULs and newlines
    (git_repo / "data.bin").write_bytes(blob)
    git(git_repo, "add", ".")
    assert staged_contents(git_repo) == {"data.bin": blob}


def test_paths_relative_to_cwd(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (git_repo / "sub").mkdir()
    (git_repo / "sub" / "a.py").write_text("a\n")
    (git_repo / "b.py").write_text("b\n")
    git(git_repo, "add", ".")
    monkeypatch.chdir(git_repo / "sub")
    assert [path for path, _ in gitio.staged_files()] == [f"{git_repo}/b.py", "a.py"]


def test_many_blobs_through_one_process(git_repo: Path) -> None:
    for i in range(300):
        (git_repo / f"f{i:03}.txt").write_text(f"{i}\n" * (i * 50))
    git(git_repo, "add", ".")
    contents = staged_contents(git_repo)
    assert len(contents) == 300
    assert contents["f299.txt"] == b"299\n" * (299 * 50)


def test_missing_blob_is_an_error(git_repo: Path) -> None:
    with pytest.raises(gitio.GitError):
        list(gitio.read_blobs(["0" * 40], git_repo))


def test_not_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(gitio.GitError):
        gitio.staged_files()
    with pytest.raises(DiscoveryError) as excinfo:
        discover_staged([], Settings())
    assert "not a git repository" in str(excinfo.value)


@pytest.mark.parametrize(
    ("paths", "force", "expected"),
    [
        pytest.param([], False, ["a/x.py", "b/y.py"], id="all-but-excluded"),
        pytest.param(["a"], False, ["a/x.py"], id="restricted-to-dir"),
        pytest.param(["gen/z.py"], False, ["gen/z.py"], id="named-excluded-file"),
        pytest.param(["gen/z.py"], True, [], id="named-excluded-file-forced"),
    ],
)
def test_discover_staged(
    git_repo: Path, paths: list[str], force: bool, expected: list[str]
) -> None:
    for name in ("a/x.py", "b/y.py", "gen/z.py"):
        (git_repo / name).parent.mkdir(exist_ok=True)
        (git_repo / name).write_text("x\n")
    git(git_repo, "add", ".")
    settings = Settings().replace(extend_exclude=("gen",), root=str(git_repo))
    staged = discover_staged(paths, settings, force_exclude=force)
    assert [path for path, _ in staged] == expected

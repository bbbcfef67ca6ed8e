from __future__ import annotations

import os
from pathlib import Path

import pytest

from authlint.config import Settings
from authlint.discover import SYMLINK, DiscoveryError, discover
from authlint.result import Skipped
from tests.conftest import git

DEFAULT = Settings()


def write(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")


@pytest.fixture
def plain_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory outside any git work tree, made the working directory."""
    # GIT_CEILING_DIRECTORIES stops git from finding a repository above tmp_path.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "plain"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


def test_git_repo_tracked_untracked_ignored_deleted(git_repo: Path) -> None:
    write(git_repo, "tracked.py", "gone.py", "sub/deep.py", "untracked.py", "build/out.py", "x.log")
    (git_repo / ".gitignore").write_text("build/\n*.log\n")
    git(git_repo, "add", "tracked.py", "gone.py", "sub/deep.py", ".gitignore")
    git(git_repo, "commit", "-qm", "init")
    (git_repo / "gone.py").unlink()
    assert discover(["."], DEFAULT) == [
        ".gitignore",
        "sub/deep.py",
        "tracked.py",
        "untracked.py",
    ]


def test_git_repo_force_added_ignored_file_is_scanned(git_repo: Path) -> None:
    write(git_repo, "secret.log")
    (git_repo / ".gitignore").write_text("*.log\n")
    git(git_repo, "add", "-f", "secret.log")
    assert discover(["."], DEFAULT) == [".gitignore", "secret.log"]


def test_subdirectory_paths_stay_relative_to_cwd(git_repo: Path) -> None:
    write(git_repo, "a/b/c.py", "a/d.py", "e.py")
    assert discover(["a"], DEFAULT) == ["a/b/c.py", "a/d.py"]
    assert discover(["a/b", "a"], DEFAULT) == ["a/b/c.py", "a/d.py"]  # no duplicates


def test_paths_outside_cwd_are_absolute(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(git_repo, "a/x.py", "b/y.py")
    monkeypatch.chdir(git_repo / "a")
    assert discover(["../b"], DEFAULT) == [f"{git_repo}/b/y.py"]


def test_explicit_ignored_file_is_scanned(git_repo: Path) -> None:
    write(git_repo, "x.log")
    (git_repo / ".gitignore").write_text("*.log\n")
    assert discover(["."], DEFAULT) == [".gitignore"]
    assert discover(["x.log"], DEFAULT) == ["x.log"]


@pytest.mark.parametrize(
    ("exclude", "expected"),
    [
        pytest.param((), ["a/gen/x.py", "a/keep.py", "gen/y.py", "top.txt"], id="none"),
        pytest.param(("gen",), ["a/keep.py", "top.txt"], id="dir-name-any-depth"),
        pytest.param(("/gen",), ["a/gen/x.py", "a/keep.py", "top.txt"], id="anchored-dir"),
        pytest.param(("a/**",), ["gen/y.py", "top.txt"], id="double-star"),
        pytest.param(("*.py",), ["top.txt"], id="extension"),
        pytest.param(("a/gen/*.py",), ["a/keep.py", "gen/y.py", "top.txt"], id="anchored-glob"),
    ],
)
def test_extend_exclude(git_repo: Path, exclude: tuple[str, ...], expected: list[str]) -> None:
    write(git_repo, "a/gen/x.py", "a/keep.py", "gen/y.py", "top.txt")
    settings = DEFAULT.replace(extend_exclude=exclude, root=str(git_repo))
    assert discover(["."], settings) == expected


def test_exclude_is_relative_to_config_root(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(git_repo, "pkg/gen/x.py", "pkg/ok.py")
    settings = DEFAULT.replace(exclude=("pkg/gen",), root=str(git_repo))
    monkeypatch.chdir(git_repo / "pkg")
    assert discover(["."], settings) == ["ok.py"]


@pytest.mark.parametrize(
    ("force", "expected"),
    [
        pytest.param(False, ["gen/x.py"], id="named-file-scanned"),
        pytest.param(True, [], id="force-exclude"),
    ],
)
def test_named_excluded_file(git_repo: Path, force: bool, expected: list[str]) -> None:
    write(git_repo, "gen/x.py")
    settings = DEFAULT.replace(extend_exclude=("gen",), root=str(git_repo))
    assert discover(["gen/x.py"], settings, force_exclude=force) == expected


def test_outside_git_nested_gitignore(plain_dir: Path) -> None:
    write(
        plain_dir,
        "keep.py",
        "drop.log",
        "node_modules/lib.js",
        "sub/keep.log",
        "sub/other.log",
        "sub/tmp/x.py",
        "sub/deeper/y.py",
        ".git/config",
    )
    (plain_dir / ".gitignore").write_text("*.log\n")
    (plain_dir / "sub" / ".gitignore").write_text("!keep.log\ntmp/\n")
    assert discover(["."], DEFAULT) == [
        ".gitignore",
        "keep.py",
        "node_modules/lib.js",  # not special: only skipped when a .gitignore says so
        "sub/.gitignore",
        "sub/deeper/y.py",
        "sub/keep.log",
    ]


def test_outside_git_excludes(plain_dir: Path) -> None:
    write(plain_dir, "a/x.py", "b/y.py")
    settings = DEFAULT.replace(extend_exclude=("a/",), root=str(plain_dir))
    assert discover(["."], settings) == ["b/y.py"]


@pytest.mark.parametrize("in_git", [pytest.param(True, id="git"), pytest.param(False, id="plain")])
def test_symlinks_are_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_git: bool
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "r"
    root.mkdir()
    monkeypatch.chdir(root)
    if in_git:
        git(root, "init", "-q")
    write(root, "d/real.py")
    os.symlink("..", root / "d" / "loop")  # a directory loop
    os.symlink("self", root / "self")  # a symlink to itself
    os.symlink("d/real.py", root / "alias.py")
    skipped: list[Skipped] = []
    assert discover(["."], DEFAULT, on_skip=skipped.append) == ["d/real.py"]
    reported = sorted(s.path for s in skipped)
    assert reported == ["alias.py", "d/loop", "self"]
    assert {s.reason for s in skipped} == {SYMLINK}


def test_named_symlink_is_skipped(git_repo: Path) -> None:
    write(git_repo, "real.py")
    os.symlink("real.py", git_repo / "alias.py")
    skipped: list[Skipped] = []
    assert discover(["alias.py", "real.py"], DEFAULT, on_skip=skipped.append) == ["real.py"]
    assert skipped == [Skipped("alias.py", SYMLINK)]


@pytest.mark.parametrize(
    "missing",
    [pytest.param("nope.py", id="file"), pytest.param("no/such/dir", id="dir")],
)
def test_missing_path_is_an_error(git_repo: Path, missing: str) -> None:
    write(git_repo, "real.py")
    with pytest.raises(DiscoveryError) as excinfo:
        discover(["real.py", missing], DEFAULT)
    assert str(excinfo.value) == f"{missing}: no such file or directory"


def test_empty_repository(git_repo: Path) -> None:
    assert discover(["."], DEFAULT) == []


def test_fifo_is_skipped(plain_dir: Path) -> None:
    write(plain_dir, "a.py")
    os.mkfifo(plain_dir / "pipe")
    skipped: list[Skipped] = []
    assert discover(["."], DEFAULT, on_skip=skipped.append) == ["a.py"]
    assert [s.path for s in skipped] == ["pipe"]


def test_an_untracked_nested_repository_is_entered(git_repo: Path) -> None:
    # `git ls-files --others` lists a repository cloned inside the tree as one `inner/` entry; it
    # was dropped as a special file, and `check .` said "All clear" over whatever it held.
    write(git_repo, "a.py", "inner/leak.py", "inner/build/out.py")
    git(git_repo / "inner", "init", "-q")
    (git_repo / "inner" / ".gitignore").write_text("build/\n")
    assert discover(["."], DEFAULT) == ["a.py", "inner/.gitignore", "inner/leak.py"]
    excluded = DEFAULT.replace(extend_exclude=("inner",))
    assert discover(["."], excluded) == ["a.py"]

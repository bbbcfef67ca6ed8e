"""Git plumbing through subprocesses: work-tree listing, the index, blobs, and display paths.

Every call is one short-lived ``git`` process, except ``read_blobs``, which feeds all object ids
to a single ``git cat-file --batch`` so that reading the index costs one process, not one per file.
The environment is inherited on purpose: inside a hook git sets ``GIT_INDEX_FILE`` (``git commit
-a`` stages into a temporary index) and the staged scan must read that index.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TypeAlias

from authlint.lazyre import lazy

StrPath: TypeAlias = "str | os.PathLike[str]"


class GitError(Exception):
    """git is missing, the directory is not a work tree, or a git command failed."""


# Regular files only: 120000 is a symlink, 160000 a submodule (gitlink).
_REGULAR_MODES = frozenset({"100644", "100755"})


def run_git(args: Sequence[str], cwd: StrPath = ".") -> bytes:
    """stdout of ``git ARGS``; GitError carrying git's last stderr line on failure."""
    return run_git_full(args, cwd)[0]


def run_git_full(args: Sequence[str], cwd: StrPath = ".") -> tuple[bytes, bytes]:
    """(stdout, stderr) of ``git ARGS``, for the warnings git prints on success."""
    import subprocess  # here and below: a run on named files never starts git (pre-commit)

    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, stdin=subprocess.DEVNULL
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except NotADirectoryError:
        raise GitError(f"not a directory: {cwd}") from None
    if proc.returncode != 0:
        raise GitError(last_line(proc.stderr) or f"git {args[0]} failed")
    return proc.stdout, proc.stderr


# git ls-files --others skips a directory it cannot open with this warning and exits 0.
_UNOPENABLE = re.compile(rb"^warning: could not open directory '(.*)/': (.*)$", re.MULTILINE)


def last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1].strip() if lines else ""


def repo_root(path: StrPath = ".") -> str:
    """Absolute top directory of the work tree holding ``path`` (GitError outside one)."""
    out = run_git(["rev-parse", "--show-toplevel"], cwd=path)
    return os.fsdecode(out.rstrip(b"\n"))


# git's file modes: a symlink and a gitlink (submodule); anything else tracked is a regular file.
MODE_SYMLINK = 0o120000
MODE_GITLINK = 0o160000


# One `ls-files --stage -z` entry: "<mode> <object> <stage>\t<path>\0" (the path verbatim).
_STAGE_ENTRY = lazy(r"([0-7]+) [^\t]*\t([^\0]*)\0")


def ls_files(
    directory: str, unreadable: list[tuple[str, str]] | None = None
) -> list[tuple[str, int | None]] | None:
    """Files git would track under ``directory``, relative to it, sorted: tracked ones with their
    mode from the index, then untracked-but-not-ignored ones with None (their mode is unknown).
    None when ``directory`` is not inside a work tree. Unmerged paths come back once; tracked
    files deleted from the work tree are left out."""
    try:
        cached = run_git(["ls-files", "-z", "--stage", "--cached"], cwd=directory)
        others, warnings = run_git_full(
            ["ls-files", "-z", "--others", "--exclude-standard"], cwd=directory
        )
        deleted = run_git(["ls-files", "-z", "--deleted"], cwd=directory)
    except GitError:
        return None
    # Each output is decoded once, whole: NUL and TAB are ASCII, so splitting the text is
    # splitting the bytes, and a name decodes the same alone or among others (surrogateescape).
    staged = _STAGE_ENTRY.findall(os.fsdecode(cached))
    modes = {mode: int(mode, 8) for mode in {mode for mode, _ in staged}}
    found: dict[str, int | None] = {name: modes[mode] for mode, name in staged}
    for name in os.fsdecode(others).split("\0"):
        if name:
            found.setdefault(name, None)
    for name in os.fsdecode(deleted).split("\0"):
        found.pop(name, None)
    if unreadable is not None:
        # (directory relative to ``directory``, reason): untracked files git could not list.
        unreadable.extend(
            (os.fsdecode(m.group(1)), m.group(2).decode("utf-8", "replace"))
            for m in _UNOPENABLE.finditer(warnings)
        )
    return sorted(found.items())


def staged_files(repo: StrPath = ".") -> list[tuple[str, str]]:
    """(path, blob id) of each regular file the next commit adds, copies, modifies or renames,
    sorted by path. Paths are relative to the working directory when under it (else absolute).

    One ``git diff --cached --raw`` gives both the names and the index's blob ids (the raw
    format's "dst sha"), so no ``ls-files -s`` pass over the whole index is needed. Renames are
    reported as additions (``--no-renames``): the new path's whole content is scanned. Symlinks
    and submodules are left out. Read the contents with ``read_blobs``.
    """
    top = repo_root(repo)
    out = run_git(
        [
            "diff",
            "--cached",
            "--raw",
            "-z",
            "--no-abbrev",
            "--no-renames",
            "--no-ext-diff",
            "--diff-filter=ACMR",
        ],
        cwd=top,
    )
    fields = out.split(b"\0")
    cwd = os.getcwd()
    staged: list[tuple[str, str]] = []
    # -z raw records: b":oldmode newmode oldsha newsha status", then the path (relative to top).
    for header, name in zip(fields[0::2], fields[1::2], strict=False):
        parts = header.split(b" ")
        if len(parts) < 5 or parts[1].decode() not in _REGULAR_MODES:
            continue
        absolute = os.path.join(top, os.fsdecode(name))
        staged.append((display_path(absolute, cwd), parts[3].decode("ascii")))
    staged.sort()
    return staged


def read_blobs(shas: Iterable[str], repo: StrPath = ".") -> Iterator[bytes]:
    """The content of each blob in ``shas``, in order, from one ``git cat-file --batch``.

    A writer thread feeds the ids while this generator reads the answers, so a large blob
    filling the output pipe cannot deadlock against a full input pipe. A missing object raises
    GitError.
    """
    import subprocess
    import threading

    try:
        proc = subprocess.Popen(
            ["git", "cat-file", "--batch"],
            cwd=repo,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    assert proc.stdin is not None
    assert proc.stdout is not None

    def feed(sink: IO[bytes]) -> None:
        try:
            for sha in shas:
                sink.write(sha.encode("ascii") + b"\n")
        except (BrokenPipeError, OSError):
            pass
        finally:
            with contextlib.suppress(OSError):
                sink.close()

    writer = threading.Thread(target=feed, args=(proc.stdin,), daemon=True)
    writer.start()
    reader = proc.stdout
    try:
        while True:
            header = reader.readline()
            if not header:
                break
            parts = header.split()
            if len(parts) != 3:
                raise GitError(f"git cat-file: object {parts[0].decode(errors='replace')} missing")
            size = int(parts[2])
            data = reader.read(size)
            reader.read(1)  # the newline after each object
            yield data
    finally:
        reader.close()
        writer.join()
        proc.wait()


def blob_sizes(shas: Sequence[str], repo: StrPath = ".") -> list[int]:
    """The size of each blob in ``shas``, in order, from one ``git cat-file --batch-check``: the
    object headers only, so a size limit is applied before any content is read."""
    if not shas:
        return []
    import subprocess

    try:
        proc = subprocess.run(
            ["git", "cat-file", "--batch-check"],
            cwd=repo,
            input="".join(sha + "\n" for sha in shas).encode("ascii"),
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    if proc.returncode != 0:
        raise GitError(last_line(proc.stderr) or "git cat-file failed")
    sizes = []
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) != 3:
            raise GitError(f"git cat-file: object {parts[0].decode(errors='replace')} missing")
        sizes.append(int(parts[2]))
    return sizes


def sized_blobs(
    shas: Sequence[str], max_size: int, repo: StrPath = "."
) -> Iterator[tuple[int, bytes | None]]:
    """(size, content) of each blob in ``shas``, in order; the content is None, and never read,
    for a blob larger than ``max_size``: memory stays flat whatever the index holds."""
    sizes = blob_sizes(shas, repo)
    wanted = [sha for sha, size in zip(shas, sizes, strict=True) if size <= max_size]
    contents = read_blobs(wanted, repo)
    for size in sizes:
        yield size, (next(contents) if size <= max_size else None)
    for _ in contents:  # let the generator close its process
        pass


def display_path(absolute: str, cwd: str | None = None) -> str:
    """``absolute`` relative to ``cwd`` when it lies under it, else unchanged; '/' separators."""
    base = os.path.abspath(cwd if cwd is not None else os.getcwd())
    prefix = base.rstrip(os.sep) + os.sep
    if absolute.startswith(prefix):
        absolute = absolute[len(prefix) :]
    elif absolute == base:
        absolute = "."
    return absolute.replace(os.sep, "/")

"""Which files a check scans: named files exactly, directories as git sees them.

Rules (ruff's for excludes, gitleaks' for symlinks):

- A named file is scanned even when .gitignore ignores it, as pre-commit expects. ``exclude`` and
  ``extend-exclude`` apply to it only with ``force_exclude`` (ruff's ``--force-exclude``; a
  pre-commit hook should pass it, because pre-commit names every file it wants checked).
- A directory inside a git work tree lists ``git ls-files --cached --others --exclude-standard``:
  tracked files plus untracked ones that are not ignored. Tracked files deleted from disk are
  dropped silently. Submodules are not entered; a repository cloned inside the tree (untracked,
  not ignored) is listed by its own git.
- A directory outside git is walked, honouring every ``.gitignore`` from that directory down (a
  deeper file overrides a shallower one, as in git) and skipping ``.git``. Nothing else is
  special-cased: ``node_modules`` is skipped only when a .gitignore says so.
- Excludes are gitignore-style globs matched against the path relative to ``settings.root`` (the
  directory of the config file), or relative to the working directory for paths outside it.
  With nested configurations (``excluder_for``), each entry is judged by the configuration of
  the directory holding it (``authlint.settings_tree.TreeExcluder``).
- Symlinks are never followed, found or named (gitleaks' default): a symlinked file is reported
  as skipped and a symlinked directory is not entered, so a symlink loop cannot hang the walk.
  git still lists a tracked ``dir/file`` after ``dir`` was replaced by a symlink: such a file is
  reported as skipped too. Whatever the index says, the file is opened through ``safeio``
  (no symlink followed, regular files only), which is the last word.
- A named path that does not exist raises DiscoveryError (the CLI exits 2).

Paths come back sorted, relative to the working directory when under it, with '/' separators.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from authlint import gitio, safeio
from authlint.config import Settings, compile_globs
from authlint.result import Skipped

if TYPE_CHECKING:
    import pathspec

OnSkip = Callable[[Skipped], None]
# (absolute top of a walk) -> predicate over absolute paths below it: the excludes of nested
# configurations (``authlint.settings_tree.TreeExcluder``) instead of one ``Excluder``.
ExcluderFor = Callable[[str], Callable[[str], bool]]
SYMLINK = safeio.SYMLINK
NOT_REGULAR = safeio.NOT_REGULAR


class DiscoveryError(Exception):
    """A named path cannot be scanned (missing, or not a git work tree for --staged)."""


def _visible(path: str) -> str:
    from authlint.report import visible

    return visible(path)


def _ignore(_: Skipped) -> None:
    pass


class Excluder:
    """settings.exclude + extend_exclude as one compiled regex over paths relative to
    settings.root; ``excluded(absolute_path)`` answers for one file or directory."""

    def __init__(self, settings: Settings) -> None:
        self.pattern: re.Pattern[str] | None = compile_globs(
            settings.exclude + settings.extend_exclude
        )
        self.root = os.path.abspath(settings.root)
        # --exclude / --extend-exclude: matched against the path from the working directory.
        self.typed: re.Pattern[str] | None = compile_globs(settings.command_line_exclude)

    @property
    def empty(self) -> bool:
        return self.pattern is None and self.typed is None

    def prefix(self, absolute_dir: str) -> str | None:
        """Root-relative prefix for paths inside ``absolute_dir``, or None outside the root."""
        if absolute_dir == self.root:
            return ""
        root = self.root.rstrip(os.sep) + os.sep
        if absolute_dir.startswith(root):
            return absolute_dir[len(root) :].replace(os.sep, "/") + "/"
        return None

    def excluded(self, absolute: str) -> bool:
        if self.typed is not None and self.typed.fullmatch(gitio.display_path(absolute)):
            return True
        if self.pattern is None:
            return False
        parent, name = os.path.split(absolute)
        prefix = self.prefix(parent)
        relative = prefix + name if prefix is not None else gitio.display_path(absolute)
        return self.pattern.fullmatch(relative) is not None


def _join(prefix: str, name: str) -> str:
    return name if prefix in ("", ".") else f"{prefix}/{name}"


def discover(
    paths: Sequence[str],
    settings: Settings,
    *,
    force_exclude: bool = False,
    on_skip: OnSkip | None = None,
    excluder_for: ExcluderFor | None = None,
) -> list[str]:
    """Files to scan under ``paths`` (see the module docstring for the rules), sorted.

    ``on_skip`` receives each file that was found but will not be scanned (symlinks, special
    files), so the caller can count it; excluded and ignored files are not reported.
    ``excluder_for`` replaces ``settings``' excludes by those of nested configurations.
    """
    report = on_skip or _ignore
    excluder = Excluder(settings)
    # Named files with force_exclude: judged as a walk from the working directory would judge
    # them (a directory excluded on the way excludes them), one cache for all of them.
    named_excluded = excluder_for(os.getcwd()) if excluder_for is not None else excluder.excluded
    # A file named by a relative path below the working directory (as pre-commit names them)
    # must really be there: not reached through a directory symlinked to elsewhere.
    here = safeio.Containment(os.getcwd())
    found: list[str] = []
    for path in paths:
        absolute = os.path.abspath(path)
        try:
            info = os.lstat(absolute)
        except FileNotFoundError:
            raise DiscoveryError(f"{_visible(path)}: no such file or directory") from None
        except OSError as exc:
            raise DiscoveryError(f"{_visible(path)}: {exc.strerror or exc}") from None
        shown = gitio.display_path(absolute)
        if stat.S_ISLNK(info.st_mode):
            report(Skipped(shown, SYMLINK))
        elif stat.S_ISDIR(info.st_mode):
            nested = excluder_for(absolute) if excluder_for is not None else None
            found.extend(_directory(absolute, excluder, report, nested))
        elif not stat.S_ISREG(info.st_mode):
            report(Skipped(shown, NOT_REGULAR))
        elif _below(path) and not here.inside(absolute):
            report(Skipped(shown, safeio.OUTSIDE))
        elif not (force_exclude and named_excluded(absolute)):
            found.append(shown)
    # git lists a directory sorted: sorting that again is one pass, where a set's order would
    # cost a full sort (17 ms for 20,000 paths); then duplicates (paths named twice) go.
    return list(dict.fromkeys(sorted(found)))


def _below(path: str) -> bool:
    """A relative path that does not climb out of the working directory by its own words."""
    parts = path.replace(os.sep, "/").split("/")
    return not os.path.isabs(path) and ".." not in parts and len(parts) > 1


def _directory(
    absolute: str,
    excluder: Excluder,
    report: OnSkip,
    nested: Callable[[str], bool] | None = None,
) -> list[str]:
    unreadable: list[tuple[str, str]] = []
    listed = gitio.ls_files(absolute, unreadable)
    if listed is None:
        return _walk(absolute, nested or excluder.excluded, report)
    shown = gitio.display_path(absolute)
    for relative, reason in unreadable:  # untracked files in there are unknown: say so
        report(Skipped(_join(shown, relative), f"unreadable: {reason}"))
    root_prefix = excluder.prefix(absolute)
    pattern = excluder.pattern
    typed = excluder.typed
    # git lists a tracked `dir/file` even when `dir` is now a symlink to elsewhere. Asked once
    # per directory (git lists a directory's files together), not once per file.
    contained = safeio.Containment(absolute)
    folders: dict[str, bool] = {"": True}
    lead = _join(shown, "")  # what _join(shown, relative) puts before ``relative``
    below = os.path.join(absolute, "")  # what os.path.join(absolute, relative) puts before it
    out: list[str] = []
    for relative, index_mode in listed:
        if nested is not None:
            if nested(below + relative):
                continue
        else:
            if pattern is not None:
                key = root_prefix + relative if root_prefix is not None else _join(shown, relative)
                if pattern.fullmatch(key):
                    continue
            if typed is not None and typed.fullmatch(_join(shown, relative)):
                continue
        mode = index_mode
        if mode is None and safeio.is_temp_name(relative.rpartition("/")[2]):
            continue  # an interrupted --fix's temporary file (a tracked one is the user's)
        if mode is None:  # untracked: ask the file system
            try:
                st_mode = os.lstat(os.path.join(absolute, relative)).st_mode
            except OSError:
                continue
            if stat.S_ISDIR(st_mode):
                # A repository inside the tree (a clone, not a submodule): git lists it as one
                # `name/` entry. Its files are on disk like any other: list them with its git.
                inner = os.path.join(absolute, relative.rstrip("/"))
                out.extend(_directory(inner, excluder, report, nested))
                continue
            mode = (
                gitio.MODE_SYMLINK if stat.S_ISLNK(st_mode) else 0 if stat.S_ISREG(st_mode) else -1
            )
        folder = relative.rpartition("/")[0]
        held = folders.get(folder)
        if held is None:
            where = os.path.normpath(os.path.join(absolute, folder))
            held = folders[folder] = contained.holds(where)
        # The index knows tracked files' modes: no stat per file on a large tree.
        if mode == gitio.MODE_SYMLINK:
            report(Skipped(lead + relative, SYMLINK))
        elif not held:
            report(Skipped(lead + relative, safeio.OUTSIDE))
        elif mode not in (gitio.MODE_GITLINK, -1):
            out.append(lead + relative)
        # else a submodule (another repository, not entered) or a special file
    return out


_Specs = tuple[tuple[str, "pathspec.GitIgnoreSpec"], ...]


def _walk(top: str, excluded: Callable[[str], bool], report: OnSkip) -> list[str]:
    shown_top = gitio.display_path(top)
    out: list[str] = []
    # (absolute dir, path relative to top, .gitignore specs that apply, shallowest first)
    stack: list[tuple[str, str, _Specs]] = [(top, "", ())]
    while stack:
        directory, relative_dir, specs = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            report(Skipped(_join(shown_top, relative_dir), f"unreadable: {exc.strerror or exc}"))
            continue
        if any(entry.name == ".gitignore" for entry in entries):
            spec = _read_gitignore(os.path.join(directory, ".gitignore"))
            if spec is not None:
                specs = (*specs, (relative_dir, spec))
        for entry in entries:
            if entry.name == ".git":
                continue
            relative = f"{relative_dir}/{entry.name}" if relative_dir else entry.name
            if safeio.is_temp_name(entry.name) or excluded(entry.path):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_link = entry.is_symlink()
                is_file = entry.is_file(follow_symlinks=False)
            except OSError:
                continue
            if specs and _ignored(relative + "/" if is_dir else relative, specs):
                continue
            if is_link:
                report(Skipped(_join(shown_top, relative), SYMLINK))
            elif is_dir:
                stack.append((entry.path, relative, specs))
            elif is_file:
                out.append(_join(shown_top, relative))
            else:
                report(Skipped(_join(shown_top, relative), NOT_REGULAR))
    return out


def _read_gitignore(path: str) -> pathspec.GitIgnoreSpec | None:
    # Imported here only: pathspec costs ~60 ms to import, and inside git it is never needed.
    import pathspec

    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return pathspec.GitIgnoreSpec.from_lines(handle)
    except OSError:
        return None


def _ignored(relative: str, specs: _Specs) -> bool:
    # The deepest .gitignore with an opinion wins, as in git.
    for base, spec in reversed(specs):
        inner = relative[len(base) + 1 :] if base else relative
        verdict = spec.check_file(inner).include
        if verdict is not None:
            return verdict
    return False


def discover_staged(
    paths: Sequence[str],
    settings: Settings,
    *,
    force_exclude: bool = False,
    excluder_for: ExcluderFor | None = None,
) -> list[tuple[str, str]]:
    """(display path, blob id) of each regular file staged for the next commit (added, copied,
    modified or renamed), restricted to ``paths`` when any are given, sorted by path.

    Read the contents with ``gitio.read_blobs([sha for _, sha in staged])``: that is what the
    commit will contain, whatever the work tree holds. Excludes apply as in ``discover``: to
    every file found, and to files named exactly only with ``force_exclude``.
    """
    try:
        staged = gitio.staged_files(".")
    except gitio.GitError as exc:
        raise DiscoveryError(f"--staged needs a git work tree: {exc}") from None
    wanted = {os.path.abspath(path) for path in paths}
    under = tuple(path.rstrip(os.sep) + os.sep for path in wanted)
    excluded = excluder_for(os.path.abspath(".")) if excluder_for else Excluder(settings).excluded
    out: list[tuple[str, str]] = []
    for shown, sha in staged:
        absolute = os.path.abspath(shown)
        named = absolute in wanted
        if wanted and not named and not absolute.startswith(under):
            continue
        if (force_exclude or not named) and excluded(absolute):
            continue
        out.append((shown, sha))
    return out

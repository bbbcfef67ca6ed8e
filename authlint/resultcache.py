"""Per-file outcomes kept between runs, so an unchanged file is not checked again (ruff's cache).

An entry is keyed by a hash of the file's path as given, the working directory (the checks read
the given path: a test directory, a per-file-ignores glob outside the configuration's directory)
and the path its fingerprints hash, and holds a hash of the exact bytes it was made from (a file checked again replaces its entry, so the
cache grows with the files, not with their edits); a cache directory is keyed by the settings the files were checked with and by the
code that checked them (authlint's own modules and the distributions installed beside it, by
name, size and modification time). Any change to one of them is a miss, never a stale finding.
A result that read the clock (an unexpired JWT) or that not every check reached (an extractor or
parser failure) is not kept.

What is stored is what the report shows and no more: a finding's position, code, severity,
message, redacted snippet and fingerprint, and whether it is fixable, never the replacement
text (a rewritten Basic value holds the encoded credentials: ``--fix`` and ``--diff`` always
check afresh and never read the cache). Only files the prefilter opened and that every check
read completely are stored; a file with an extractor error is checked again on every run.

The cache lives outside the tree being checked (``$XDG_CACHE_HOME/authlint``, else
``~/.cache/authlint``; ``--cache-dir`` or ``AUTHLINT_CACHE_DIR`` to move it): a directory inside
a repository could be written by whoever writes the repository, and a planted entry would
hide a secret from the check. For the same reason a cache directory is used only when it is
this user's and no one else may write in it, and nothing under it is followed as a symlink.
Entries are JSON, validated when read; a shard that does not validate is dropped whole. Writes
go to a temporary file renamed over the shard, so a killed run or two runs at once lose entries
at worst, never corrupt one.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
import sys
from collections.abc import Iterable, Mapping
from typing import Final

from authlint.codes import RULE_BY_CODE, Code, Severity
from authlint.finding import Finding, repository_root

# Bumped whenever what an entry holds, or how it is keyed, changes.
FORMAT: Final = "1"
ENV_DIR: Final = "AUTHLINT_CACHE_DIR"
ENV_OFF: Final = "AUTHLINT_NO_CACHE"
# Entries spread over this many shard files by the first hex digits of their key: a one-file
# pre-commit run reads one small shard, a whole-tree run all of them.
_SHARD_DIGITS: Final = 2
# Cache directories of other settings or other code are removed beyond this many, oldest first.
_KEEP_DIRS: Final = 32
# A shard larger than this is not read (a whole-tree run's shard is tens of KB).
_MAX_SHARD_BYTES: Final = 64 * 1024 * 1024
# A temporary file this old was left by a killed run: removed by the next save.
_STALE_SECONDS: Final = 3600
# What a cached finding carries as its fix: "fixable", with no replacement text (report.text
# shows a marker and counts, and --fix never reads the cache).
FIXABLE: Final = ""

# One stored finding: line, column, end line, end column, code, severity, message, snippet,
# fingerprint, fixable. An entry: content hash, size, suppressed count, findings.
# One entry as read: size in bytes, number of findings suppressed, findings.
Entry = tuple[int, int, tuple[Finding, ...]]
_HASH_CHARS: Final = 32  # hex digits of a 16-byte BLAKE2b digest


def default_directory() -> str | None:
    """`$XDG_CACHE_HOME/authlint`, else `~/.cache/authlint`; None when neither is an absolute
    path (no home directory: a relative one would put the cache in the tree being checked).
    The XDG spec ignores a relative XDG_CACHE_HOME, and so does this."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "authlint") if os.path.isabs(base) else None


def directory_from(option: str | None) -> str | None:
    """Where the cache lives for this run: ``--cache-dir`` (the command line wins over the
    environment), else None when AUTHLINT_NO_CACHE is set to anything but 0 or empty, else
    AUTHLINT_CACHE_DIR, else the user's cache directory."""
    if option is not None:
        return option
    off = os.environ.get(ENV_OFF, "")
    if off not in ("", "0"):
        return None
    return os.environ.get(ENV_DIR) or default_directory()


@functools.cache
def _code_stamp() -> tuple[str, ...]:
    """What identifies the code that checks: authlint's version and modules, the interpreter,
    and the names of the distributions installed beside it (their versions are in the names):
    a new release, an edited checkout or an upgraded grammar is a new cache directory."""
    import authlint

    package = os.path.dirname(os.path.abspath(authlint.__file__))
    stamp = [authlint.__version__, sys.version, *module_stamp(package)]
    for directory in dict.fromkeys(p for p in sys.path if p.endswith("-packages")):
        try:
            names = sorted(n for n in os.listdir(directory) if n.endswith(".dist-info"))
        except OSError:
            continue
        stamp.append(directory)
        stamp.extend(names)
    return tuple(stamp)


def module_stamp(package: str) -> list[str]:
    """The modules of the package at ``package``: for an installed wheel, its RECORD (every
    file's hash: the same for every install of the same build, so a CI job that installs
    authlint afresh finds the cache it restored); for a checkout, each module's name, size and
    modification time (an edit is a new stamp)."""
    name = os.path.basename(package)
    site = os.path.dirname(package)
    try:
        infos = [
            n for n in os.listdir(site) if n.startswith(f"{name}-") and n.endswith(".dist-info")
        ]
    except OSError:
        infos = []
    for info in infos:
        try:
            with open(os.path.join(site, info, "RECORD"), encoding="utf-8") as handle:
                record = handle.read()
        except (OSError, ValueError):
            continue
        if f"{name}/__init__.py,sha256=" in record:
            return [info, _digest([record])]
    stamp = []
    pending = [package]
    while pending:
        directory = pending.pop()
        with os.scandir(directory) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    pending.append(entry.path)
                elif entry.name.endswith((".py", ".scm", ".json")):
                    stat_ = entry.stat(follow_symlinks=False)
                    relative = os.path.relpath(entry.path, package)
                    stamp.append(f"{relative}:{stat_.st_size}:{stat_.st_mtime_ns}")
    return stamp


def _settings_stamp(settings: object) -> list[str]:
    """The settings, field by field, in a text that does not depend on hash order (frozensets
    sorted, regular expressions by pattern and flags)."""
    out: list[str] = []
    for name in settings._fields:  # type: ignore[attr-defined]  # every Record has them
        value = getattr(settings, name)
        if isinstance(value, frozenset):
            value = sorted(str(v) for v in value)
        elif isinstance(value, tuple) and value and hasattr(value[0], "pattern"):
            value = [(p.pattern, p.flags) for p in value]
        elif name == "root":
            value = os.path.abspath(str(value))
        out.append(f"{name}={value!r}")
    return out


def unusable(root: str) -> str | None:
    """Why the cache may not live in ``root``, or None when it may: missing (it is made, for
    this user alone), or a directory of this user's that no one else may write in and that is
    empty or already tagged as authlint's cache. A ``--cache-dir`` naming a directory of other
    files (a checkout, a home directory) gets no `.gitignore` of ``*`` and no pruning."""
    try:
        info = os.stat(root)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or "cannot be read"
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a directory"
    if hasattr(os, "getuid") and (
        info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        return "it is not this user's alone (others could plant entries)"
    try:
        with os.scandir(root) as entries:
            if next(entries, None) is None:
                return None
        with open(os.path.join(root, "CACHEDIR.TAG"), encoding="ascii") as handle:
            if handle.read(len(_TAG)) == _TAG:
                return None
    except (OSError, ValueError):
        pass
    return "it holds other files, not a cache authlint made"


def _framed(parts: Iterable[str]) -> bytes:
    """``parts`` as bytes, each after its length: no two lists of parts frame alike."""
    out = bytearray()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape")
        out += len(data).to_bytes(8, "big") + data
    return bytes(out)


def _digest(parts: Iterable[str]) -> str:
    import hashlib

    return hashlib.blake2b(_framed(parts), digest_size=16).hexdigest()


class ResultCache:
    """The cache for the files of one scan with one Settings. ``get`` and ``put`` work in any
    process (a forked worker inherits the shards its parent read); the parent collects the
    workers' ``fresh`` entries and calls ``save`` once."""

    def __init__(self, directory: str, settings: object) -> None:
        self.root = directory
        self._cwd = os.getcwd()
        # Per directory as given: the key's bytes for the working directory and the repository.
        self._places: dict[str, bytes] = {}
        self._settings = settings
        self._directory: str | None = None
        self._shards: dict[str, dict[str, list[object]]] = {}
        # Entries checked in this process and not yet saved: key -> stored form.
        self.fresh: dict[str, list[object]] = {}

    @property
    def directory(self) -> str:
        """This run's directory: worked out with the first file an entry is looked up for (a
        pre-commit run whose files hold no anchor word never pays for it)."""
        if self._directory is None:
            key = _digest([FORMAT, *_code_stamp(), *_settings_stamp(self._settings)])
            self._directory = os.path.join(self.root, f"v{FORMAT}", key)
        return self._directory

    def __getstate__(self) -> dict[str, object]:
        # To a worker of a pool that does not fork: the directory, not the settings' patterns.
        return {
            "root": self.root,
            "_cwd": self._cwd,
            "_places": {},
            "_settings": None,
            "_directory": self.directory,
            "_shards": {},
            "fresh": {},
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def key(self, path: str, data: bytes) -> tuple[str, str]:
        """The entry's key (the file's place: the path as given, from where, and the root of
        the repository holding it, which its fingerprints' path is taken from) and the hash of
        its content."""
        import hashlib

        directory = os.path.dirname(path)
        prefix = self._places.get(directory)
        if prefix is None:
            where = os.path.normpath(os.path.join(self._cwd, directory))
            prefix = self._places[directory] = _framed((self._cwd, repository_root(where) or ""))
        name = path.encode("utf-8", "surrogateescape")
        place = hashlib.blake2b(prefix, digest_size=16)
        place.update(name)
        return place.hexdigest(), hashlib.blake2b(data, digest_size=16).hexdigest()

    def get(self, key: tuple[str, str], path: str) -> Entry | None:
        place, content = key
        stored = self._shard(place[:_SHARD_DIGITS]).get(place)
        if stored is None or stored[0] != content:
            return None
        return _entry(stored, path)

    def put(
        self, key: tuple[str, str], size: int, suppressed: int, findings: tuple[Finding, ...]
    ) -> None:
        place, content = key
        self.fresh[place] = [content, size, suppressed, [_stored(f) for f in findings]]

    def _shard(self, name: str) -> dict[str, list[object]]:
        shard = self._shards.get(name)
        if shard is None:
            if not self._shards:
                # Used: pruning keeps the directories used last, read or written.
                with contextlib.suppress(OSError):
                    os.utime(self.directory)
            shard = self._shards[name] = _read_shard(os.path.join(self.directory, name + ".json"))
        return shard

    def save(self) -> None:
        """Merge the ``fresh`` entries into the shards on disk, and start afresh. Never raises
        for the file system or for what it finds there: a cache that cannot be written costs
        the next run its speed, not a finding. The caller made sure the root may be used
        (``unusable``)."""
        fresh, self.fresh = self.fresh, {}
        if not fresh:
            return
        by_shard: dict[str, dict[str, list[object]]] = {}
        for key, stored in fresh.items():
            by_shard.setdefault(key[:_SHARD_DIGITS], {})[key] = stored
        try:
            versions = os.path.dirname(self.directory)
            if os.path.islink(versions) or os.path.islink(self.directory):
                return  # never write through a link planted in the cache
            created = not os.path.lexists(self.directory)
            os.makedirs(self.directory, mode=0o700, exist_ok=True)
            _tag(self.root)
            _remove_stale(self.directory)
            for name, entries in by_shard.items():
                merged = {**self._shard(name), **entries}
                self._shards[name] = merged
                _write_json(os.path.join(self.directory, name + ".json"), merged)
            if created:
                _prune(versions, keep=self.directory)
        except (OSError, ValueError):
            return


def _stored(finding: Finding) -> list[object]:
    return [
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        finding.code.value,
        finding.severity.value,
        finding.message,
        finding.snippet,
        finding.fingerprint,
        finding.fix is not None,
    ]


def _entry(stored: list[object], path: str) -> Entry:
    _, size, suppressed, findings = stored
    out = []
    for item in findings:  # type: ignore[attr-defined]  # validated by _valid_entry
        line, column, end_line, end_column, code, severity, message, snippet, digest, fixable = item
        out.append(
            Finding(
                path=path,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                code=Code(code),
                severity=Severity(severity),
                message=message,
                snippet=snippet,
                fingerprint=digest,
                fix=FIXABLE if fixable else None,
            )
        )
    return size, suppressed, tuple(out)  # type: ignore[return-value]  # validated


_CODES: Final = frozenset(code.value for code in RULE_BY_CODE)
_SEVERITIES: Final = frozenset(severity.value for severity in Severity)


def _valid_finding(item: object) -> bool:
    if not isinstance(item, list) or len(item) != 10:
        return False
    numbers, texts = item[:4], item[6:9]
    return (
        all(type(n) is int and n >= 1 for n in numbers)
        and item[4] in _CODES
        and item[5] in _SEVERITIES
        and all(isinstance(t, str) and _encodable(t) for t in texts)
        and isinstance(item[9], bool)
    )


def _encodable(text: str) -> bool:
    """Written back as UTF-8 by the next save: a lone surrogate is not."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _valid_entry(stored: object) -> bool:
    return (
        isinstance(stored, list)
        and len(stored) == 4
        and isinstance(stored[0], str)
        and len(stored[0]) == _HASH_CHARS
        and type(stored[1]) is int
        and type(stored[2]) is int
        and stored[1] >= 0
        and stored[2] >= 0
        and isinstance(stored[3], list)
        and all(_valid_finding(item) for item in stored[3])
    )


_READ_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _read_shard(path: str) -> dict[str, list[object]]:
    """A shard's entries; empty when it is missing, unreadable, not a regular file of a sane
    size (a FIFO, a link to /dev/zero), or anything in it is out of shape."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return {}
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_SHARD_BYTES:
            return {}
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            loaded = json.loads(handle.read(_MAX_SHARD_BYTES + 1))
    except (OSError, ValueError, RecursionError, MemoryError):
        return {}
    finally:
        if fd != -1:
            os.close(fd)
    if not isinstance(loaded, dict) or not all(
        isinstance(key, str) and len(key) == _HASH_CHARS and _valid_entry(stored)
        for key, stored in loaded.items()
    ):
        return {}
    return loaded


def _write_json(path: str, entries: Mapping[str, list[object]]) -> None:
    data = json.dumps(entries, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    temporary = f"{path}.{os.getpid()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temporary, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


_TAG: Final = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by authlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def _is_key(name: str) -> bool:
    return len(name) == _HASH_CHARS and all(c in "0123456789abcdef" for c in name)


def _tag(root: str) -> None:
    """Mark the cache's root, once: as a cache (backup tools skip it), and as ignored by git (so
    a check of a tree that holds it, a home directory, never lists it: ruff's cache does the
    same). Made new, never written through an existing name or link."""
    for name, content in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Made by authlint.\n*\n")):
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(os.path.join(root, name), flags, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(content)


def _remove_stale(directory: str) -> None:
    """Temporary files a killed save left (``NN.json.<pid>.tmp``), once they are an hour old."""
    import time

    limit = time.time() - _STALE_SECONDS
    with os.scandir(directory) as entries:
        for entry in entries:
            if (
                entry.name.endswith(".tmp")
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < limit
            ):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _only_shards(directory: str) -> bool:
    """Does ``directory`` hold nothing but shard files (and their temporary files)?"""
    with os.scandir(directory) as entries:
        return all(
            entry.is_file(follow_symlinks=False)
            and len(entry.name) > _SHARD_DIGITS
            and entry.name[_SHARD_DIGITS:].startswith(".json")
            for entry in entries
        )


def _prune(parent: str, *, keep: str) -> None:
    """Remove the oldest cache directories of other settings or code beyond _KEEP_DIRS: only
    directories named as a key and holding nothing but shards, never through a link."""
    import shutil

    with os.scandir(parent) as entries:
        others = [
            e
            for e in entries
            if e.is_dir(follow_symlinks=False) and e.path != keep and _is_key(e.name)
        ]
    others.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime_ns, reverse=True)
    for entry in others[_KEEP_DIRS - 1 :]:
        with contextlib.suppress(OSError):
            if _only_shards(entry.path):
                shutil.rmtree(entry.path)

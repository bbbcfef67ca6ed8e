"""Per-file outcomes kept between runs, so an unchanged file is not checked again (ruff's cache).

An entry is keyed by a hash of the file's absolute path and the path its fingerprints hash, and
holds a hash of the exact bytes it was made from (a file checked again replaces its entry, so the
cache grows with the files, not with their edits); a cache directory is keyed by the settings the files were checked with and by the
code that checked them (authlint's own modules and the distributions installed beside it, by
name, size and modification time). Any change to one of them is a miss, never a stale finding.

What is stored is what the report shows and no more: a finding's position, code, severity,
message, redacted snippet and fingerprint, and whether it is fixable, never the replacement
text (a rewritten Basic value holds the encoded credentials: ``--fix`` and ``--diff`` always
check afresh and never read the cache). Only files the prefilter opened and that every check
read completely are stored; a file with an extractor error is checked again on every run.

The cache lives outside the tree being checked (``$XDG_CACHE_HOME/authlint``, else
``~/.cache/authlint``; ``--cache-dir`` or ``AUTHLINT_CACHE_DIR`` to move it): a directory inside
a repository could be written by whoever writes the repository, and a planted entry would
hide a secret from the check. Entries are JSON, validated when read; a shard that does not
validate is dropped whole. Writes go to a temporary file renamed over the shard, so a killed
run or two runs at once lose entries at worst, never corrupt one.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Final

from authlint.codes import RULE_BY_CODE, Code, Severity
from authlint.finding import Finding, stable_path

# Bumped whenever what an entry holds, or how it is keyed, changes.
FORMAT: Final = "1"
ENV_DIR: Final = "AUTHLINT_CACHE_DIR"
ENV_OFF: Final = "AUTHLINT_NO_CACHE"
# Entries spread over this many shard files by the first hex digits of their key: a one-file
# pre-commit run reads one small shard, a whole-tree run all of them.
_SHARD_DIGITS: Final = 2
# Cache directories of other settings or other code are removed beyond this many, oldest first.
_KEEP_DIRS: Final = 32
# What a cached finding carries as its fix: "fixable", with no replacement text (report.text
# shows a marker and counts, and --fix never reads the cache).
FIXABLE: Final = ""

# One stored finding: line, column, end line, end column, code, severity, message, snippet,
# fingerprint, fixable. An entry: content hash, size, suppressed count, findings.
# One entry as read: size in bytes, number of findings suppressed, findings.
Entry = tuple[int, int, tuple[Finding, ...]]
_HASH_CHARS: Final = 32  # hex digits of a 16-byte BLAKE2b digest


def default_directory() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "authlint")


def directory_from(option: str | None) -> str | None:
    """Where the cache lives for this run: ``--cache-dir``, else AUTHLINT_CACHE_DIR, else the
    user's cache directory; None when AUTHLINT_NO_CACHE is set to anything but 0 or empty."""
    if option:
        return option
    off = os.environ.get(ENV_OFF, "")
    if off not in ("", "0"):
        return None
    return os.environ.get(ENV_DIR) or default_directory()


@functools.cache
def _code_stamp() -> tuple[str, ...]:
    """Name, size and modification time of every module of authlint, and the names of the
    distributions installed beside it (their versions are in the names): a new release, an
    edited checkout or an upgraded grammar is a new cache directory."""
    import authlint

    stamp: list[str] = [authlint.__version__, sys.version]
    package = os.path.dirname(os.path.abspath(authlint.__file__))
    pending = [package]
    while pending:
        directory = pending.pop()
        with os.scandir(directory) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    pending.append(entry.path)
                elif entry.name.endswith((".py", ".scm", ".json")):
                    info = entry.stat(follow_symlinks=False)
                    relative = os.path.relpath(entry.path, package)
                    stamp.append(f"{relative}:{info.st_size}:{info.st_mtime_ns}")
    for directory in dict.fromkeys(p for p in sys.path if p.endswith("-packages")):
        try:
            names = sorted(n for n in os.listdir(directory) if n.endswith(".dist-info"))
        except OSError:
            continue
        stamp.append(directory)
        stamp.extend(names)
    return tuple(stamp)


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


def _digest(parts: Iterable[str]) -> str:
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogateescape")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class ResultCache:
    """The cache for the files of one scan with one Settings. ``get`` and ``put`` work in any
    process (a forked worker inherits the shards its parent read); the parent collects the
    workers' ``fresh`` entries and calls ``save`` once."""

    def __init__(self, directory: str, settings: object) -> None:
        self.root = directory
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
            "_settings": None,
            "_directory": self.directory,
            "_shards": {},
            "fresh": {},
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def key(self, path: str, data: bytes) -> tuple[str, str]:
        """The entry's key (the file's place) and the hash of its content."""
        import hashlib

        absolute = os.path.abspath(path)
        place = hashlib.blake2b(digest_size=16)
        for part in (absolute, stable_path(path, absolute)):
            name = part.encode("utf-8", "surrogateescape")
            place.update(len(name).to_bytes(8, "big"))
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
            shard = self._shards[name] = _read_shard(os.path.join(self.directory, name + ".json"))
        return shard

    def save(self, fresh: Mapping[str, list[object]]) -> None:
        """Merge ``fresh`` into the shards on disk. Never raises for the file system: a cache
        that cannot be written costs the next run its speed, not a finding."""
        if not fresh:
            return
        by_shard: dict[str, dict[str, list[object]]] = {}
        for key, stored in fresh.items():
            by_shard.setdefault(key[:_SHARD_DIGITS], {})[key] = stored
        try:
            if not _ours(self.root):
                _warn_once(
                    f"authlint: warning: not writing the result cache to {self.root}: it is a "
                    "directory of other files, not a cache authlint made (--cache-dir)"
                )
                return
            created = not os.path.isdir(self.directory)
            os.makedirs(self.directory, mode=0o700, exist_ok=True)
            _tag(self.root)
            for name, entries in by_shard.items():
                merged = {**self._shard(name), **entries}
                self._shards[name] = merged
                _write_json(os.path.join(self.directory, name + ".json"), merged)
            if created:
                _prune(os.path.dirname(self.directory), keep=self.directory)
        except OSError:
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
        and all(isinstance(t, str) for t in texts)
        and isinstance(item[9], bool)
    )


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


def _read_shard(path: str) -> dict[str, list[object]]:
    """A shard's entries; empty when it is missing, unreadable or anything is out of shape."""
    try:
        with open(path, "rb") as handle:
            loaded = json.loads(handle.read())
    except (OSError, ValueError, RecursionError):
        return {}
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


def _ours(root: str) -> bool:
    """May the cache write in ``root``: missing, empty, or tagged by authlint? A ``--cache-dir``
    that names a directory of other files (a checkout, a home directory) gets no `.gitignore`
    of ``*`` and no pruning."""
    try:
        with os.scandir(root) as entries:
            if next(entries, None) is None:
                return True
    except FileNotFoundError:
        return True
    try:
        with open(os.path.join(root, "CACHEDIR.TAG"), encoding="ascii") as handle:
            return handle.read(len(_TAG)) == _TAG
    except (OSError, ValueError):
        return False


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(message, file=sys.stderr)


def _tag(root: str) -> None:
    """Mark the cache's root, once: as a cache (backup tools skip it), and as ignored by git (so
    a check of a tree that holds it, a home directory, never lists it: ruff's cache does the
    same)."""
    for name, content in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Made by authlint.\n*\n")):
        path = os.path.join(root, name)
        if not os.path.exists(path):
            with open(path, "w", encoding="ascii") as handle:
                handle.write(content)


def _prune(parent: str, *, keep: str) -> None:
    """Remove the oldest cache directories of other settings or code beyond _KEEP_DIRS."""
    import shutil

    with os.scandir(parent) as entries:
        others = [
            e
            for e in entries
            if e.is_dir(follow_symlinks=False) and e.path != keep and _is_key(e.name)
        ]
    others.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime_ns, reverse=True)
    for entry in others[_KEEP_DIRS - 1 :]:
        shutil.rmtree(entry.path, ignore_errors=True)

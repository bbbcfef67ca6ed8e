"""The one way authlint opens a file it scans or fixes, and the one way it writes one.

Reading (``read_regular``): a scanned tree is untrusted input. A tracked file can be replaced in
the work tree by a symlink to a file outside it, or by a FIFO or a device, while the git index
still says "regular file". So every read:

- opens with ``O_NOFOLLOW`` (a symlink as the last component is refused, not followed) and
  ``O_NONBLOCK`` (opening a FIFO does not wait for a writer), where the platform has them;
- checks with ``fstat`` on the open descriptor that it is a regular file, and its size against
  the limit before reading a byte;
- reads at most ``limit + 1`` bytes, so a file that grows while it is read stays bounded.

Directories that are symlinks out of the scanned root are refused by ``Containment`` (the last
component is ``O_NOFOLLOW``'s job; the ones before it are this one's).

Writing (``write_atomic``, ``atomic_output``): a temporary file in the same directory, fsync,
then ``os.replace``: a reader or a crash sees the old file or the new one, never a truncated one.
The file's permission bits are kept, and a symlink is replaced by nothing: ``write_atomic``
refuses to write through one.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import stat
from collections.abc import Iterator
from typing import TextIO

SYMLINK = "symlink (not followed)"
NOT_REGULAR = "not a regular file"
OUTSIDE = "symlink (not followed): a directory on its path leads out of the scanned tree"

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_HAS_NOFOLLOW = hasattr(os, "O_NOFOLLOW")
# The read after the first, when a file turned out longer than fstat said (it grew, or it is a
# file whose size the kernel does not know, like /proc's).
_NEXT_READ = 1 << 16


class Refused(Exception):
    """The file is not read (or not written): ``reason`` says why, for a Skipped entry."""

    def __init__(self, reason: str, *, vanished: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.vanished = vanished


def too_large(size: int, limit: int) -> str:
    return f"too large ({size / 1e6:.1f} MB > {limit / 1e6:.1f} MB)"


def _os_reason(exc: OSError) -> str:
    return f"unreadable: {exc.strerror or exc}"


def open_regular(path: str, flags: int = _READ_FLAGS) -> tuple[int, os.stat_result]:
    """An open descriptor on ``path`` and its fstat, or Refused: a symlink, a special file."""
    if not _HAS_NOFOLLOW and _is_symlink(path):  # Windows: no O_NOFOLLOW, ask first
        raise Refused(SYMLINK)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise Refused("vanished", vanished=True) from None
    except IsADirectoryError:
        raise Refused("is a directory") from None
    except OSError as exc:
        # O_NOFOLLOW on a symlink fails with ELOOP (EMLINK on FreeBSD, EFTYPE on NetBSD).
        if _is_symlink(path):
            raise Refused(SYMLINK) from None
        raise Refused(_os_reason(exc)) from None
    try:
        info = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise Refused(_os_reason(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise Refused("is a directory" if stat.S_ISDIR(info.st_mode) else NOT_REGULAR)
    return fd, info


def _is_symlink(path: str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def read_regular(path: str, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file ``path`` (at most ``limit``) and its fstat (``write_atomic``
    checks it is still the same file), or Refused with the reason."""
    fd, info = open_regular(path)
    try:
        if info.st_size > limit:
            raise Refused(too_large(info.st_size, limit))
        # Exactly the size fstat gave, plus one byte to notice growth: a larger buffer would be
        # allocated and shrunk again for every small file.
        data = os.read(fd, info.st_size + 1)
        if len(data) > info.st_size:  # grew since fstat: read on, bounded by the limit
            chunks = [data]
            total = len(data)
            while chunks[-1] and total <= limit:
                chunks.append(os.read(fd, _NEXT_READ))
                total += len(chunks[-1])
            data = b"".join(chunks)
            if len(data) > limit:
                raise Refused(too_large(len(data), limit))
        return data, info
    except OSError as exc:
        raise Refused(_os_reason(exc)) from None
    finally:
        os.close(fd)


class Containment:
    """Is a file's directory really inside the scanned root? A tracked ``dir/file`` whose ``dir``
    was replaced by a symlink to elsewhere lies outside, though git still lists it. One ``lstat``
    per directory: a directory that is not a symlink is where its parent really is, plus its
    name (``realpath`` would ``lstat`` every component of every directory again)."""

    def __init__(self, root: str) -> None:
        self.root = os.path.realpath(root)
        self._prefix = self.root.rstrip(os.sep) + os.sep
        self._real: dict[str, str] = {}

    def inside(self, path: str) -> bool:
        return self.holds(os.path.dirname(os.path.abspath(path)))

    def holds(self, directory: str) -> bool:
        """Is the directory ``directory`` (absolute, normalised) really inside the root? For a
        walk that asks once per directory, not once per file."""
        real = self._real_directory(directory)
        return real == self.root or real.startswith(self._prefix)

    def _real_directory(self, directory: str) -> str:
        """``os.path.realpath(directory)`` for an absolute, normalised path, cached."""
        real = self._real.get(directory)
        if real is None:
            parent, name = os.path.split(directory)
            try:
                linked = not name or stat.S_ISLNK(os.lstat(directory).st_mode)
            except OSError:
                linked = True  # gone or unreadable: realpath says what it can
            if linked:
                real = os.path.realpath(directory)
            else:
                real = os.path.join(self._real_directory(parent), name)
            self._real[directory] = real
        return real


TEMP_SUFFIX = ".authlint-tmp"


@functools.cache
def _temp_name() -> re.Pattern[str]:
    # What ``_temp_beside`` names its files: `.NAME.` + mkstemp's 8 characters + the suffix.
    # Compiled when first needed: most runs never meet a name with the suffix.
    return re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))


def is_temp_name(name: str) -> bool:
    """Is ``name`` (a file name, no directory) one of our temporary files' names?"""
    return name.endswith(TEMP_SUFFIX) and _temp_name().fullmatch(name) is not None


def _temp_beside(path: str) -> tuple[int, str]:
    directory, name = os.path.split(os.path.abspath(path))
    import tempfile  # only a run that writes a file pays for it (pre-commit start-up)

    return tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=directory)


_DIR_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_DIRECTORY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def remove_stale_temps(directory: str, *, of: str | None = None) -> list[str]:
    """Remove the temporary files a killed write (SIGKILL, power loss) left in ``directory``,
    and return their names; ``of``: only those of the file named ``of``.

    Only what is certainly ours goes: a name of ``_temp_beside``'s exact pattern, a regular file
    (a symlink, however named, is neither followed nor removed), with a single link, owned by
    this user. The directory is opened once, without following a symlink, and every look and
    removal is relative to it, so nothing can redirect them elsewhere. Removing a live temporary
    file of a concurrent run of the same file would only fail that run's rename: the file it
    was fixing stays as it was. Where the platform cannot do this (no ``dir_fd``, no uid), no
    file is removed."""
    if (
        not hasattr(os, "geteuid")
        or os.unlink not in os.supports_dir_fd
        or os.stat not in os.supports_dir_fd
        or os.listdir not in os.supports_fd
    ):
        return []
    try:
        fd = os.open(directory, _DIR_FLAGS)
    except OSError:
        return []
    removed: list[str] = []
    try:
        me = os.geteuid()
        for name in os.listdir(fd):
            found = _temp_name().fullmatch(name) if name.endswith(TEMP_SUFFIX) else None
            if found is None or (of is not None and found.group("name") != of):
                continue
            try:
                info = os.stat(name, dir_fd=fd, follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_nlink == 1 and info.st_uid == me:
                    os.unlink(name, dir_fd=fd)
                    removed.append(name)
            except OSError:
                continue
    except OSError:
        pass
    finally:
        os.close(fd)
    return sorted(removed)


def _commit(fd: int, temp: str, path: str, mode: int | None) -> None:
    if mode is not None:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, stat.S_IMODE(mode))
        else:  # Windows
            os.chmod(temp, stat.S_IMODE(mode))
    os.fsync(fd)
    os.close(fd)
    os.replace(temp, path)


def write_atomic(path: str, data: bytes, *, expected: os.stat_result | None = None) -> None:
    """Replace ``path`` with ``data``: all or nothing, mode kept; OSError leaves it untouched.

    ``expected`` is the fstat of the file as it was read: when the file on disk is no longer
    that file (replaced, by a symlink or anything else, since it was read), nothing is written.
    """
    try:
        current = os.lstat(path)
    except FileNotFoundError:
        current = None
    if current is not None and not stat.S_ISREG(current.st_mode):
        raise OSError(f"{SYMLINK if stat.S_ISLNK(current.st_mode) else NOT_REGULAR}")
    if expected is not None and (
        current is None or (current.st_dev, current.st_ino) != (expected.st_dev, expected.st_ino)
    ):
        raise OSError("changed on disk while it was being fixed")
    fd, temp = _temp_beside(path)
    try:
        with contextlib.suppress(OSError):
            if current is not None and hasattr(os, "fchown"):
                os.fchown(fd, current.st_uid, current.st_gid)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        _commit(fd, temp, path, current.st_mode if current is not None else None)
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def atomic_output(path: str, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` only if the block completes: an error (or
    Ctrl-C) while writing a report leaves the previous file, or none, never a partial one."""
    try:
        info: os.stat_result | None = os.stat(path)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        # `-o /dev/stdout`, a FIFO, a terminal: nothing to replace, write to it as it is.
        with open(path, "w", encoding=encoding) as stream:
            yield stream
        return
    # Through a symlink the file it names is replaced, not the link.
    path = os.path.realpath(path) if info is not None else path
    mode = info.st_mode if info is not None else None
    directory, name = os.path.split(os.path.abspath(path))
    remove_stale_temps(directory, of=name)  # what a killed run writing this report left
    fd, temp = _temp_beside(path)
    try:
        # newline="" off: reports are text, written with the platform's line ends as open() would.
        with os.fdopen(os.dup(fd), "w", encoding=encoding) as stream:
            yield stream
        if mode is None:
            # A new file gets the permissions open() would give it (the umask applied).
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        _commit(fd, temp, path, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise

"""Secrets that were ever committed: the added lines of every commit, streamed from ``git log -p``.

Choices, and why:

- Default range is ``--all`` (every branch, tag and remote ref, as gitleaks does): a key pushed
  on a forgotten branch is as leaked as one on main. ``REV-RANGE`` narrows it (``main``,
  ``v1.0..HEAD``).
- Only added lines are scanned, with ``-U0``: a line that was only deleted or kept adds nothing
  new. The added lines of one file in one commit are joined and scanned as one text, then each
  finding's line is mapped back to the new file's line through the hunk headers.
- Renames are detected (``-M``), so a pure rename adds no lines and a key is not reported again
  under its new name; lines added while renaming are reported under the new path.
- Merges: ``--cc`` shows only what a merge adds that is in none of its parents (a conflict
  resolution, an "evil merge"); everything else a merge brings in is reported once, on the
  commit that introduced it. ``-m`` would report each branch's lines again on the merge.
- Binary diffs (git's "Binary files ... differ") have no hunks, so they are skipped; textconv
  and external diff drivers are disabled so the bytes are the committed ones.
- Memory stays flat: `git rev-list` is read as a stream and cut into segments of commits, each
  fed to its own `git log --no-walk=unsorted --stdin` (one `git log` over the whole history
  grows by about 6 MB per 1000 commits); the log is read line by line from a pipe and only one
  file's added lines are held at a time. A keyword prefilter on the raw bytes decides whether
  the detector runs. Long histories spread the segments over worker processes.
- Findings carry the repository-relative path; the fingerprint is check's (code, path, secret),
  so the same key in the same file is recognisable across commits.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import subprocess
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from authlint import gitio
from authlint.codes import Code
from authlint.config import Settings
from authlint.finding import Finding

if TYPE_CHECKING:
    from concurrent.futures import Future

Detect = Callable[[str, str], list[Finding]]
Prefilter = Callable[[bytes], bool]
OnSkip = Callable[["SkippedDiff"], None]

SECRET_CODES = frozenset(code for code in Code if code.value.startswith("AL2"))
MARKER = b"\x01"  # starts each commit header; a diff line never starts with it
LOG_FORMAT = "%x01%H %aI"

# `@@ -a,b +c,d @@` and, for a merge's combined diff, `@@@ -a,b -c,d +e,f @@@`.
_HUNK = re.compile(rb"(@@+) [^+]{0,200}\+([0-9]{1,12})(?:,([0-9]{1,12}))? @@")
# A key's mode, from the prefix a redacted snippet keeps (`rzp_live_`, `sk_test_`: the providers
# table) or a composite message ("Razorpay live key id", "Stripe test secret key").
_MODE = re.compile(
    r"(?<![A-Za-z0-9])[a-z]{2,4}_(live|test)_|[A-Z][A-Za-z]+ (live|test) [a-z ]{0,20}key"
)
_ESCAPES = {
    ord("a"): 7,
    ord("b"): 8,
    ord("t"): 9,
    ord("n"): 10,
    ord("v"): 11,
    ord("f"): 12,
    ord("r"): 13,
    ord('"'): 34,
    ord("\\"): 92,
}


@dataclass(frozen=True, slots=True)
class HistoryFinding:
    """A secret found in the lines one commit added. ``finding.line`` is the line in that
    commit's version of the file."""

    commit: str  # full object id
    date: str  # author date, strict ISO 8601
    finding: Finding

    @property
    def short(self) -> str:
        return self.commit[:10]

    @property
    def mode(self) -> str | None:
        """ "live", "test", or None when the credential is not a Razorpay key."""
        return key_mode(self.finding)


@dataclass(frozen=True, slots=True)
class SkippedDiff:
    """A file whose added lines in one commit were not scanned (over ``max-file-size``)."""

    commit: str
    date: str
    path: str
    reason: str  # as check's Skipped reasons: "too large (...)"

    @property
    def short(self) -> str:
        return self.commit[:10]


def too_large(limit: int) -> str:
    return f"too large (added lines over max-file-size, {limit:,} bytes)"


def key_mode(finding: Finding) -> str | None:
    if finding.code is Code.LIVE_KEY_ID:
        return "live"
    if finding.code is Code.TEST_KEY_ID:
        return "test"
    # The redacted snippet keeps a key's well-known prefix, and the message of a composite finding
    # (a Basic token, `curl -u`, an SDK call) names the key id and its mode.
    match = _MODE.search(finding.snippet) or _MODE.search(finding.message)
    if match is None:
        return None
    return match.group(1) or match.group(2)


def secret_settings(settings: Settings | None = None) -> Settings:
    """``settings`` (defaults if None) with only the AL2xx secret rules enabled."""
    base = settings if settings is not None else Settings().with_selection()
    return base.replace(enabled=base.enabled & SECRET_CODES)


def default_detector(settings: Settings, top: str | None = None) -> tuple[Detect, Prefilter]:
    """The real scanner: ``scan_text`` with secret rules only, behind its keyword prefilter.
    ``top``: the repository root the paths are relative to (for ``per-file-ignores``)."""
    from authlint.scan import might_match, scan_text

    only_secrets = secret_settings(settings)

    def detect(path: str, text: str) -> list[Finding]:
        location = os.path.join(top, path) if top is not None else None
        return scan_text(path, text, only_secrets, location=location)

    return detect, might_match


def log_command(revs: Sequence[str], *, stdin: bool = False) -> list[str]:
    """``git log`` over ``revs`` (all refs when empty), or over the commits named on stdin."""
    if stdin:
        walk = ["--no-walk=unsorted", "--stdin"]
    else:
        walk = ["--end-of-options", *revs] if revs else ["--all"]
    return [
        "git",
        "log",
        "-p",
        "-U0",
        "--cc",
        "-M",
        "--root",
        "--diff-filter=ACMR",
        f"--format={LOG_FORMAT}",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-show-signature",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        *walk,
    ]


def scan_history(
    revs: Sequence[str] = (),
    *,
    repo: str = ".",
    settings: Settings | None = None,
    detect: Detect | None = None,
    prefilter: Prefilter | None = None,
    on_commit: Callable[[], None] | None = None,
    jobs: int | None = None,
    on_skip: OnSkip | None = None,
) -> Iterator[HistoryFinding]:
    """Findings in the commits of ``revs`` (all refs when empty), newest commit first.
    ``on_skip`` hears of each file (not excluded) whose added lines were too large to scan.

    ``detect(path, text)`` defaults to ``authlint.scan.scan_text`` with the AL2xx rules of
    ``settings``; pass another to test the history plumbing alone. With the default detector and
    a history longer than ``SEGMENT_COMMITS``, segments of it are scanned by ``jobs`` worker
    processes (default: one per CPU), each running its own ``git log``; the order of findings
    does not change. Raises gitio.GitError when git fails (not a repository, an unknown
    revision), after whatever was already found.
    """
    settings = settings if settings is not None else Settings().with_selection()
    workers = 1 if detect is not None else jobs or _cpus()
    top = gitio.repo_root(repo)
    if detect is None:
        detect, default_prefilter = default_detector(settings, top)
        prefilter = prefilter or default_prefilter
    detect = _without_excluded(detect, settings, top)
    if on_skip is not None:
        on_skip = _skips_included(on_skip, settings, top)
    yield from _segmented(
        revs,
        top,
        settings,
        max_size=settings.max_file_size,
        detect=detect,
        prefilter=prefilter,
        on_commit=on_commit,
        workers=workers,
        on_skip=on_skip,
    )


def _logged(
    argv: list[str],
    top: str,
    *,
    max_size: int,
    detect: Detect,
    prefilter: Prefilter | None,
    on_commit: Callable[[], None] | None,
    stdin: bytes | None = None,
    on_skip: OnSkip | None = None,
) -> Iterator[HistoryFinding]:
    with _git(argv, top, stdin) as stdout:
        lines = bounded_lines(stdout, max_size)
        diffs = file_diffs(
            lines, prefilter=prefilter, on_commit=on_commit, max_size=max_size, on_skip=on_skip
        )
        for diff in diffs:
            yield from located(diff, detect)


_DRAIN = 1 << 16


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes]:
    """The lines of ``stream``, each cut after ``limit + 1`` bytes (the rest of an overlong line
    is read and dropped in small pieces): one committed line of hundreds of megabytes is never
    held whole. A cut line is over the size limit by itself, so its file is skipped anyway."""
    cap = limit + 1
    while line := stream.readline(cap):
        if len(line) == cap and not line.endswith(b"\n"):
            while (rest := stream.readline(_DRAIN)) and not rest.endswith(b"\n"):
                pass
        yield line


@contextlib.contextmanager
def _git(argv: list[str], top: str, stdin: bytes | None = None) -> Iterator[IO[bytes]]:
    """A git process's stdout; GitError with git's message if it fails. ``stdin`` is written
    first (git log --stdin and rev-list read all of it before they write anything)."""
    # stderr goes to a file: a pipe nobody reads until the end could fill and stall git.
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(
                argv,
                cwd=top,
                stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        except FileNotFoundError:
            raise gitio.GitError("git is not installed (or not on PATH)") from None
        assert proc.stdout is not None
        if stdin is not None:
            assert proc.stdin is not None
            with contextlib.suppress(BrokenPipeError):
                proc.stdin.write(stdin)
            proc.stdin.close()
        try:
            yield proc.stdout
        finally:
            proc.stdout.close()
            returncode = proc.wait()
        errors.seek(0)
        stderr = errors.read()
    if returncode != 0:
        raise gitio.GitError(gitio.last_line(stderr) or f"git {argv[1]} failed")


def _without_excluded(detect: Detect, settings: Settings, top: str) -> Detect:
    from authlint.discover import Excluder

    excluder = Excluder(settings)
    if excluder.empty:
        return detect

    def detect_included(path: str, text: str) -> list[Finding]:
        if excluder.excluded(os.path.join(top, path)):
            return []
        return detect(path, text)

    return detect_included


def _skips_included(on_skip: OnSkip, settings: Settings, top: str) -> OnSkip:
    from authlint.discover import Excluder

    excluder = Excluder(settings)
    if excluder.empty:
        return on_skip

    def skip_included(skipped: SkippedDiff) -> None:
        if not excluder.excluded(os.path.join(top, skipped.path)):
            on_skip(skipped)

    return skip_included


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# The history is cut, as `git rev-list` streams it, into segments of this many commits, and
# each segment gets its own `git log --no-walk=unsorted --stdin`: one `git log` over a whole
# history grows with it (about 6 MB per 1000 commits), a segment's does not. A history longer
# than one segment is spread over worker processes, with at most 2 x workers segments in flight,
# so memory stays flat however long the history is.
SEGMENT_COMMITS = 1000
_worker: tuple[Detect, Prefilter | None, str, int] | None = None


def _segmented(
    revs: Sequence[str],
    top: str,
    settings: Settings,
    *,
    max_size: int,
    detect: Detect,
    prefilter: Prefilter | None,
    on_commit: Callable[[], None] | None,
    workers: int,
    on_skip: OnSkip | None,
) -> Iterator[HistoryFinding]:
    walk = ["git", "rev-list", *(["--end-of-options", *revs] if revs else ["--all"])]
    segment_log = log_command((), stdin=True)
    with _git(walk, top) as stdout:
        segments = _segments(stdout)
        first = next(segments, None)
        second = next(segments, None) if workers > 1 else None
        if second is None:
            # One segment, or one worker: no pool.
            for segment in itertools.chain([first] if first else [], segments):
                yield from _logged(
                    segment_log,
                    top,
                    max_size=max_size,
                    detect=detect,
                    prefilter=prefilter,
                    on_commit=on_commit,
                    stdin=segment,
                    on_skip=on_skip,
                )
            return
        from concurrent.futures import ProcessPoolExecutor

        assert first is not None
        pending: deque[Future[_SegmentResult]] = deque()
        initargs = (settings, top)
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=initargs) as pool:
            for segment in itertools.chain([first, second], segments):
                pending.append(pool.submit(_scan_segment, segment))
                if len(pending) >= 2 * workers:
                    yield from _collect(pending.popleft(), on_commit, on_skip)
            while pending:
                yield from _collect(pending.popleft(), on_commit, on_skip)


def _segments(shas: IO[bytes]) -> Iterator[bytes]:
    while segment := b"".join(itertools.islice(shas, SEGMENT_COMMITS)):
        yield segment


# What a worker sends back for one segment: findings, commits read, files skipped.
_SegmentResult = tuple[list[HistoryFinding], int, list[SkippedDiff]]


def _collect(
    future: Future[_SegmentResult],
    on_commit: Callable[[], None] | None,
    on_skip: OnSkip | None,
) -> list[HistoryFinding]:
    found, commits, skipped = future.result()
    if on_commit is not None:
        for _ in range(commits):
            on_commit()
    if on_skip is not None:
        for one in skipped:
            on_skip(one)
    return found


def _init_worker(settings: Settings, top: str) -> None:
    global _worker  # noqa: PLW0603 (one detector per worker process, built once)
    detect, prefilter = default_detector(settings, top)
    _worker = (_without_excluded(detect, settings, top), prefilter, top, settings.max_file_size)


def _scan_segment(shas: bytes) -> _SegmentResult:
    assert _worker is not None
    detect, prefilter, top, max_size = _worker
    commits = 0

    def count() -> None:
        nonlocal commits
        commits += 1

    argv = log_command((), stdin=True)
    skipped: list[SkippedDiff] = []
    found = list(
        _logged(
            argv,
            top,
            max_size=max_size,
            detect=detect,
            prefilter=prefilter,
            on_commit=count,
            stdin=shas,
            on_skip=skipped.append,
        )
    )
    return found, commits, skipped


@dataclass(frozen=True, slots=True)
class FileDiff:
    """The lines one commit added to one file, joined, and their line numbers in the file."""

    commit: str
    date: str
    path: str
    text: str
    numbers: tuple[int, ...]


def parse_log(
    lines: Iterable[bytes],
    detect: Detect,
    *,
    prefilter: Prefilter | None = None,
    on_commit: Callable[[], None] | None = None,
) -> Iterator[HistoryFinding]:
    """Findings in a ``git log -p -U0`` stream in ``LOG_FORMAT`` (see ``log_command``)."""
    for diff in file_diffs(lines, prefilter=prefilter, on_commit=on_commit):
        yield from located(diff, detect)


def file_diffs(
    lines: Iterable[bytes],
    *,
    prefilter: Prefilter | None = None,
    on_commit: Callable[[], None] | None = None,
    max_size: int | None = None,
    on_skip: OnSkip | None = None,
) -> Iterator[FileDiff]:
    """The added lines of each file of each commit in the stream, when ``prefilter`` (given
    their raw bytes) lets them through. A file whose added lines in one commit come to more than
    ``max_size`` bytes is skipped, as ``check`` skips such a file: what is held stays bounded,
    and ``on_skip`` hears of it."""
    commit = date = ""
    path: str | None = None
    in_header = False
    columns = 1  # 1 for a plain diff; the number of parents in a merge's combined diff
    added_all = b"+"
    line_no = 0
    added: list[bytes] = []
    numbers: list[int] = []
    held = 0  # bytes of added lines held for this file
    over = False  # this file's added lines went past max_size: skipped

    def flush() -> Iterator[FileDiff]:
        nonlocal held, over
        if path is not None and added and not over:
            raw = b"\n".join(added)
            if prefilter is None or prefilter(raw):
                text = raw.decode("utf-8", "replace")
                yield FileDiff(commit, date, path, text, tuple(numbers))
        elif path is not None and over and on_skip is not None and max_size is not None:
            on_skip(SkippedDiff(commit, date, path, too_large(max_size)))
        added.clear()
        numbers.clear()
        held = 0
        over = False

    for line in lines:
        first = line[:1]
        if first in (b"+", b"-", b" ") and not in_header:
            prefix = line[:columns]
            if b"-" in prefix:
                continue  # not in the new file
            if prefix == added_all and not over:
                body = line[columns:].rstrip(b"\n")
                held += len(body) + 1
                if max_size is not None and held > max_size + 1:
                    over = True  # too large: drop what was held and take nothing more
                    added.clear()
                    numbers.clear()
                else:
                    added.append(body)
                    numbers.append(line_no)
            line_no += 1
        elif first == b"@":
            match = _HUNK.match(line)
            if match is not None:
                in_header = False
                columns = len(match.group(1)) - 1
                added_all = b"+" * columns
                line_no = int(match.group(2))
        elif first == MARKER:
            yield from flush()
            path = None
            in_header = False
            commit, _, date = line[1:].decode("ascii", "replace").strip().partition(" ")
            if on_commit is not None:
                on_commit()
        elif line.startswith(b"diff "):
            yield from flush()
            path = None
            in_header = True
        elif in_header and line.startswith(b"+++ "):
            path = _unquote_path(line[4:].rstrip(b"\n"))
    yield from flush()


def located(diff: FileDiff, detect: Detect) -> list[HistoryFinding]:
    """``detect``'s findings in one file diff, with lines moved to the file's own numbering."""
    numbers = diff.numbers
    last = len(numbers)
    return [
        HistoryFinding(
            diff.commit,
            diff.date,
            finding.replace(
                line=numbers[min(finding.line, last) - 1],
                end_line=numbers[min(finding.end_line, last) - 1],
            ),
        )
        for finding in detect(diff.path, diff.text)
    ]


def _unquote_path(raw: bytes) -> str | None:
    """The path of a ``+++ b/path`` line: None for /dev/null; C-style quoting undone."""
    if raw.startswith(b'"') and raw.endswith(b'"'):
        raw = _unescape(raw[1:-1])
    elif raw.endswith(b"\t"):
        raw = raw[:-1]  # git appends a tab to names containing a space
    if raw == b"/dev/null" or not raw.startswith(b"b/"):
        return None
    return raw[2:].decode("utf-8", "replace")


def _unescape(body: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(body):
        byte = body[i]
        if byte != 0x5C or i + 1 >= len(body):
            out.append(byte)
            i += 1
            continue
        following = body[i + 1]
        if 0x30 <= following <= 0x37:  # \ooo: one byte in octal
            out.append(int(body[i + 1 : i + 4], 8) & 0xFF)
            i += 4
        else:
            out.append(_ESCAPES.get(following, following))
            i += 2
    return bytes(out)

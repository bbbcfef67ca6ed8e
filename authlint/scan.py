"""The scanner: the only place where file I/O meets the checks.

Per file: read the bytes once, skip binaries and oversized files (and say so), decode, and ask a
cheap keyword prefilter whether anything could be here at all; only then run the extractor for the
file's kind and the checks. Large runs fan out to worker processes by chunks of files; findings
are sorted, so output is the same whatever the parallelism.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from authlint import prefilter, suppress
from authlint.checks import FileContext, Hit, checks_for, consolidate, fold_constructions
from authlint.codes import Code
from authlint.config import Settings, codes_matching, compile_globs
from authlint.extract import kind_of
from authlint.finding import Finding, LineIndex, make_finding
from authlint.result import ScanResult, Skipped

BINARY_SNIFF = 8192
# Below this many files a worker pool costs more than it saves. Measured on 2 cores with the
# construction analysis in (bench/bench_pool.py on the header-dense tree, bench/README.md): a
# pool of 2 costs 14% more CPU for 16% less wall time at 1,000 files, 4% more CPU for 30% less
# wall at 2,000, and 3% for 49% at 4,000. From 2,000 the extra CPU is noise. `-j 1` never
# starts one; `-j N` caps the workers at N; a pre-commit run passes a handful of files.
PARALLEL_MIN_FILES = 2000
# Findings are few: Hyperscan pays for itself from here on, whatever the pool does.
HYPERSCAN_MIN_FILES = 64


@dataclass(frozen=True, slots=True)
class FileOutcome:
    findings: tuple[Finding, ...] = ()
    skipped: Skipped | None = None
    size: int = 0
    suppressed: int = 0
    partial: Skipped | None = None  # scanned, but not by every check
    vanished: bool = False  # listed (a tracked file deleted from the work tree), now gone


def might_match(data: bytes) -> bool:
    return bool(prefilter.python_anchors(data))


def decode(data: bytes) -> str | None:
    """The file's text, or None for a binary file. Invalid UTF-8 is replaced, never fatal."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    if b"\0" in data[:BINARY_SNIFF]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace")


@lru_cache(maxsize=16)
def _per_file_rules(settings: Settings) -> tuple[tuple[re.Pattern[str], frozenset[Code]], ...]:
    rules = []
    for glob, selectors in settings.per_file_ignores:
        pattern = compile_globs([glob])
        if pattern is not None:
            rules.append((pattern, codes_matching(selectors)))
    return tuple(rules)


def enabled_for(path: str, settings: Settings) -> frozenset[Code]:
    enabled = settings.enabled
    if settings.per_file_ignores:
        relative = path.replace("\\", "/").removeprefix("./")
        for pattern, codes in _per_file_rules(settings):
            if pattern.fullmatch(relative):
                enabled = enabled - codes
    return enabled


def _allowlisted(hit: Hit, path: str, settings: Settings) -> bool:
    if any(pattern.search(hit.secret) for pattern in settings.allowlist_patterns):
        return True
    if settings.allowlist_fingerprints:
        from authlint.redact import fingerprint

        return fingerprint(str(hit.code), path, hit.secret) in settings.allowlist_fingerprints
    return False


def scan_text(path: str, text: str, settings: Settings, kind: str | None = None) -> list[Finding]:
    """Findings in ``text`` as if it were the file ``path``; lines are relative to ``text``."""
    body = text.encode("utf-8", "replace")
    found = prefilter.anchors(body)
    if not found:
        return []
    return list(_scan_text(path, text, settings, kind, prefilter.char_offsets(body, found))[0])


def _scan_text(
    path: str, text: str, settings: Settings, kind: str | None, anchors: prefilter.Anchors
) -> tuple[tuple[Finding, ...], int, str | None]:
    """Findings, the number suppressed, and why the file was only partly checked (if it was)."""
    enabled = enabled_for(path, settings)
    checks = checks_for(enabled)
    if not checks:
        return (), 0, None
    ctx = FileContext(path, text, kind or kind_of(path, text[:256]), settings, anchors)
    hits: list[Hit] = []
    for check in checks:
        hits.extend(check(ctx))
    hits = fold_constructions(consolidate(text, hits))
    hits = [h for h in hits if h.code in enabled and not _allowlisted(h, path, settings)]
    hits, suppressed = suppress.apply(text, hits, enabled)
    if not hits:
        return (), suppressed, ctx.extractor_error
    index = LineIndex(text)
    findings = {
        make_finding(
            path=path,
            index=index,
            start=h.start,
            end=h.end,
            code=h.code,
            message=h.message,
            snippet=h.snippet,
            secret=h.secret,
            fix=h.fix,
        )
        for h in hits
    }
    return tuple(sorted(findings)), suppressed, ctx.extractor_error


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's start alike


def scan_bytes(path: str, data: bytes, settings: Settings) -> FileOutcome:
    """Scan one file's content (from disk, the git index or a history blob)."""
    size = len(data)
    if size > settings.max_file_size:
        return FileOutcome(skipped=Skipped(path, _too_large(size, settings.max_file_size)))
    if data.startswith(_BOMS):
        text = decode(data)
        assert text is not None  # a BOM'd file always decodes (errors="replace")
        body = data[3:] if data.startswith(codecs.BOM_UTF8) else text.encode("utf-8", "replace")
        found = prefilter.anchors(body)
    else:
        if b"\0" in data[:BINARY_SNIFF]:
            return FileOutcome(skipped=Skipped(path, "binary"))
        # Most files hold no anchor at all: decide that on the bytes, before paying to decode.
        body = data
        found = prefilter.anchors(body)
        if not found:
            return FileOutcome(size=size)
        text = decode(data)
        assert text is not None
    if not found:
        return FileOutcome(size=size)
    anchors = prefilter.char_offsets(body, found)
    findings, suppressed, error = _scan_text(path, text, settings, None, anchors)
    return FileOutcome(
        findings=findings,
        size=size,
        suppressed=suppressed,
        partial=Skipped(path, error) if error else None,
    )


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size / 1e6:.1f} MB > {limit / 1e6:.1f} MB)"


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)
# One read takes a whole typical source file; a short read of a regular file means its end.
_FIRST_READ = 1 << 16


def scan_file(path: str, settings: Settings) -> FileOutcome:
    # os.open/os.read and no fstat for small files: a whole tree is mostly per-file cost, and
    # open() with a BufferedReader costs three times as much.
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return FileOutcome(vanished=True)
    except IsADirectoryError:
        return FileOutcome(skipped=Skipped(path, "is a directory"))
    except OSError as exc:
        return FileOutcome(skipped=Skipped(path, f"unreadable: {exc.strerror or exc}"))
    try:
        data = os.read(fd, _FIRST_READ)
        if len(data) == _FIRST_READ:
            size = os.fstat(fd).st_size
            if size > settings.max_file_size:
                return FileOutcome(skipped=Skipped(path, _too_large(size, settings.max_file_size)))
            chunks = [data]
            total = len(data)
            # Bounded even for a file that grows while it is read.
            while chunks[-1] and total <= settings.max_file_size:
                chunks.append(os.read(fd, max(size + 1 - total, _FIRST_READ)))
                total += len(chunks[-1])
            data = b"".join(chunks)
    except OSError as exc:
        return FileOutcome(skipped=Skipped(path, f"unreadable: {exc.strerror or exc}"))
    finally:
        os.close(fd)
    return scan_bytes(path, data, settings)


_worker_settings: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_settings  # noqa: PLW0603 - one Settings per worker process, sent once
    _worker_settings = settings
    prefilter.prefer_hyperscan()


def _scan_chunk(paths: Sequence[str]) -> ScanResult:
    # Merged in the worker: only findings and counts cross the process boundary, not an
    # outcome object per (mostly clean) file.
    assert _worker_settings is not None
    return merge(scan_file(path, _worker_settings) for path in paths)


def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def scan_paths(paths: Sequence[str], settings: Settings, *, jobs: int | None = None) -> ScanResult:
    """Scan files (already discovered) and merge the outcomes in a stable order."""
    jobs = _default_jobs() if jobs is None else max(1, jobs)
    if len(paths) >= HYPERSCAN_MIN_FILES:
        prefilter.prefer_hyperscan()
    if jobs == 1 or len(paths) < PARALLEL_MIN_FILES:
        outcomes: Iterable[FileOutcome] = (scan_file(path, settings) for path in paths)
        return merge(outcomes)
    from concurrent.futures import ProcessPoolExecutor

    # A few chunks per worker: enough to balance uneven files, few enough that the round trips
    # stay cheap. Results come back in submission order, and combine() sorts anyway.
    size = -(-len(paths) // (jobs * 4))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        return combine(pool.map(_scan_chunk, chunks))


def merge(outcomes: Iterable[FileOutcome]) -> ScanResult:
    findings: list[Finding] = []
    skipped: list[Skipped] = []
    files = size = suppressed = 0
    for outcome in outcomes:
        if outcome.skipped is not None:
            skipped.append(outcome.skipped)
            continue
        if outcome.vanished:
            continue
        files += 1
        if outcome.partial is not None:
            skipped.append(outcome.partial)
        size += outcome.size
        suppressed += outcome.suppressed
        findings.extend(outcome.findings)
    findings.sort()
    skipped.sort()
    return ScanResult(
        findings=tuple(findings),
        skipped=tuple(skipped),
        files_scanned=files,
        bytes_scanned=size,
        suppressed=suppressed,
    )


def combine(results: Iterable[ScanResult]) -> ScanResult:
    findings: list[Finding] = []
    skipped: list[Skipped] = []
    files = size = suppressed = 0
    for result in results:
        findings.extend(result.findings)
        skipped.extend(result.skipped)
        files += result.files_scanned
        size += result.bytes_scanned
        suppressed += result.suppressed
    findings.sort()
    skipped.sort()
    return ScanResult(
        findings=tuple(findings),
        skipped=tuple(skipped),
        files_scanned=files,
        bytes_scanned=size,
        suppressed=suppressed,
    )

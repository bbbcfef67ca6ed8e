"""The scanner: the only place where file I/O meets the checks.

Per file: read the bytes once, skip binaries and oversized files (and say so), decode, and ask a
cheap keyword prefilter whether anything could be here at all; only then run the extractor for the
file's kind and the checks. Large runs fan out to worker processes by chunks of files; findings
are sorted, so output is the same whatever the parallelism.
"""

from __future__ import annotations

import bisect
import codecs
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from authlint import prefilter
from authlint.codes import Code
from authlint.config import Settings, codes_matching, compile_globs, config_relative
from authlint.finding import Finding, LineIndex, make_finding, stable_path
from authlint.record import Record
from authlint.redact import fingerprint
from authlint.result import ScanResult, Skipped
from authlint.safeio import Refused, read_regular, too_large

if TYPE_CHECKING:
    from authlint.checks import FileContext, Hit
    from authlint.fix import Edit
    from authlint.resultcache import ResultCache

BINARY_SNIFF = 8192
# The worker pool starts when the work left is worth it, judged by measuring, not by counting
# files: the parent scans the first files itself for PROBE_SECONDS of CPU, projects the rest at
# the rate it saw, and starts a pool only when that projection reaches POOL_MIN_SECONDS. A file
# count was a poor proxy: 2,000 Markdown pages cost 0.6 s, 2,000 header-dense service files
# 0.9 s, and the cost per byte differs 8x between them. The workers fork from a parent that has
# imported and compiled what the files need, so they start with nothing left to load.
# Measured on 2 cores (bench/bench_pool.py, bench/README.md "The worker pool").
PARALLEL_MIN_FILES = 64  # fewer files never start a pool (pre-commit passes a handful)
PROBE_SECONDS = 0.1
POOL_MIN_SECONDS = 0.4
# The work is cut into chunks of about CHUNK_FILES files (at least 4 per worker), each a stride
# through the whole list (every n-th path), so a directory of large files is spread over all of
# them; small chunks (0.05-0.1 s of work on the dense tree) let the processes finish together,
# and each costs one round trip of a path list and a (mostly empty) result.
CHUNK_FILES = 200
# Findings are few: Hyperscan pays for itself from here on, whatever the pool does.
HYPERSCAN_MIN_FILES = 64


class FileOutcome(Record):
    __slots__ = ("findings", "partial", "size", "skipped", "suppressed", "vanished")
    _fields = ("findings", "skipped", "size", "suppressed", "partial", "vanished")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        findings: tuple[Finding, ...] = (),
        skipped: Skipped | None = None,
        size: int = 0,
        suppressed: int = 0,
        partial: Skipped | None = None,
        vanished: bool = False,
    ) -> None:
        self.findings: Final = findings
        self.skipped: Final = skipped
        self.size: Final = size
        self.suppressed: Final = suppressed
        self.partial: Final = partial  # scanned, but not by every check
        # Listed (a tracked file deleted from the work tree), now gone.
        self.vanished: Final = vanished


def might_match(data: bytes) -> bool:
    return prefilter.might_open(data)


def decode(data: bytes) -> str | None:
    """The file's text, or None for a binary file. Invalid UTF-8 is replaced, never fatal."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return data.decode("utf-32", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    if b"\0" in data[:BINARY_SNIFF]:
        encoding = utf16_without_bom(data[:BINARY_SNIFF])
        return None if encoding is None else data.decode(encoding, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace")


# UTF-16 written without a BOM (PowerShell's and .NET's "Unicode" without a preamble, files from
# Windows tools): text that is mostly ASCII has a NUL in every other byte, on the high byte's
# side, and almost never on the other. A binary file has NULs in both positions or in runs.
_UTF16_MIN_PAIRS = 4
_UTF16_HIGH_NULS = 0.6  # share of code units whose high byte is NUL (ASCII/Latin-1 text)
_UTF16_LOW_NULS = 0.02  # share whose low byte is NUL (U+0100, U+0200...: rare in text)
_UTF16_PRINTABLE = 0.95


def utf16_without_bom(sniff: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when ``sniff`` (the start of a file with NULs in it) reads as
    BOM-less UTF-16 text, else None (a binary file)."""
    sniff = sniff[: len(sniff) & ~1]
    pairs = len(sniff) // 2
    if pairs < _UTF16_MIN_PAIRS:
        return None
    even_nuls = pairs - len(sniff[0::2].replace(b"\0", b""))
    odd_nuls = pairs - len(sniff[1::2].replace(b"\0", b""))
    if odd_nuls >= _UTF16_HIGH_NULS * pairs and even_nuls <= _UTF16_LOW_NULS * pairs:
        encoding = "utf-16-le"
    elif even_nuls >= _UTF16_HIGH_NULS * pairs and odd_nuls <= _UTF16_LOW_NULS * pairs:
        encoding = "utf-16-be"
    else:
        return None
    # The window may end inside a surrogate pair: one replacement there is not evidence.
    text = sniff.decode(encoding, "replace")
    printable = sum(1 for c in text if c.isprintable() or c in "\t\n\r\f")
    return encoding if printable >= _UTF16_PRINTABLE * len(text) else None


NOT_TEXT = "not text"


def binary_reason(path: str) -> str:
    """Why a file that reads as binary is skipped: "binary", unless its name says it is text
    (a known source or configuration kind): then something is wrong with it, and it says so
    (listed, and an error when the file was named: ``commands.check``)."""
    from authlint.kinds import kind_by_name

    kind = kind_by_name(path)
    if kind is None:
        return "binary"
    return f"{NOT_TEXT}: a NUL byte in the first {BINARY_SNIFF // 1024} KB of a {kind} file"


@lru_cache(maxsize=16)
def _per_file_rules(settings: Settings) -> tuple[tuple[re.Pattern[str], frozenset[Code]], ...]:
    rules = []
    for glob, selectors in settings.per_file_ignores:
        pattern = compile_globs([glob])
        if pattern is not None:
            rules.append((pattern, codes_matching(selectors)))
    return tuple(rules)


def enabled_for(path: str, settings: Settings, location: str | None = None) -> frozenset[Code]:
    """The codes checked in ``path``: ``per-file-ignores`` globs are matched against the path
    relative to the configuration file's directory, as every glob is (``config_relative``)."""
    enabled = settings.enabled
    if settings.per_file_ignores:
        relative = config_relative(path, settings, location)
        for pattern, codes in _per_file_rules(settings):
            if pattern.fullmatch(relative):
                enabled = enabled - codes
    return enabled


def _allowlisted(hit: Hit, stable: str, settings: Settings) -> bool:
    if any(pattern.search(hit.secret) for pattern in settings.allowlist_patterns):
        return True
    if settings.allowlist_fingerprints:
        from authlint.redact import fingerprint

        return fingerprint(str(hit.code), stable, hit.secret) in settings.allowlist_fingerprints
    return False


def scan_text(
    path: str,
    text: str,
    settings: Settings,
    kind: str | None = None,
    *,
    location: str | None = None,
) -> list[Finding]:
    """Findings in ``text`` as if it were the file ``path``; lines are relative to ``text``.
    ``location``: the file's absolute path, when ``path`` is not relative to the working
    directory (see ``enabled_for``)."""
    body = text.encode("utf-8", "replace")
    found = prefilter.anchors(body)
    if not prefilter.opens(found):
        return []
    anchors = prefilter.char_offsets(body, found)
    return list(_scan_text(path, text, settings, kind, anchors, location=location).findings)


class TextOutcome(Record):
    __slots__ = ("findings", "fixes", "partial", "suppressed", "timely")
    _fields = ("findings", "suppressed", "partial", "fixes", "timely")

    def __init__(
        self,
        findings: tuple[Finding, ...],
        suppressed: int,
        partial: str | None,
        fixes: tuple[Edit, ...] = (),
        timely: bool = False,
    ) -> None:
        self.findings: Final = findings
        self.suppressed: Final = suppressed
        self.partial: Final = partial  # why the file was only partly checked
        self.fixes: Final = fixes  # what --fix changes: exactly the findings marked fixable
        # A verdict read the clock (FileContext.now): the result may change with time alone.
        self.timely: Final = timely


# What most files with an anchor come to (frozen: one for all of them).
_NOTHING = TextOutcome((), 0, None)


def fixes_for(path: str, text: str, settings: Settings) -> TextOutcome:
    """What ``--fix`` changes in ``path``, whose exact UTF-8 content is ``text``, and the
    findings it fixes: the report's own scan, so a finding that is not reported (not selected,
    ignored for the file, allowlisted, suppressed inline) is never rewritten."""
    body = text.encode("utf-8")
    found = prefilter.anchors(body)
    if not found:
        return _NOTHING
    anchors = prefilter.char_offsets(body, found)
    return _scan_text(path, text, settings, None, anchors)


if TYPE_CHECKING:
    import authlint.checks as _checks
    import authlint.extract as _extract
    import authlint.suppress as _suppress

_checking_loaded = False


def _load_checking() -> None:
    """Import the checks, the extractors and the suppression reader, with the first file that
    has an anchor: most files a pre-commit run is handed have none. Once, into this module's
    names: an import statement in ``_scan_text`` would cost 3.5 us for every such file."""
    global _checking_loaded, _checks, _extract, _suppress  # noqa: PLW0603
    import authlint.checks as _checks
    import authlint.extract as _extract
    import authlint.suppress as _suppress

    _checking_loaded = True


# Reported by ``suppress.apply`` itself, with or without any check (`--select suppression`).
_SUPPRESSION_RULES = frozenset({Code.UNUSED_SUPPRESSION, Code.MALFORMED_SUPPRESSION})


def _scan_text(
    path: str,
    text: str,
    settings: Settings,
    kind: str | None,
    anchors: prefilter.Anchors,
    *,
    location: str | None = None,
    rewritable: bool = True,
) -> TextOutcome:
    """Findings, the number suppressed, why the file was only partly checked (if it was), and
    the edits ``--fix`` makes.

    ``rewritable``: the text is the file's exact UTF-8 content, so ``--fix`` may rewrite it."""
    if not _checking_loaded:
        _load_checking()
    enabled = enabled_for(path, settings, location)
    checks = _checks.checks_for(enabled)
    if not checks and not enabled & _SUPPRESSION_RULES:
        return _NOTHING
    ctx = _checks.FileContext(
        path, text, kind or _extract.kind_of(path, text[:1024]), settings, anchors
    )
    hits: list[Hit] = []
    for check in checks:
        hits.extend(check(ctx))
    if hits:  # most files with an anchor have no hit: nothing to fold or consolidate
        hits = _checks.consolidate(text, _checks.fold_constructions(hits))
    # The path fingerprints hash (from the repository root): worked out only for a file with hits.
    stable = stable_path(path, location) if hits else None
    # Hits the user said to leave alone (a code not selected or ignored for the file, an
    # allowlisted value, an inline suppression): not reported, and never rewritten by --fix
    # either, not even by an edit made for another finding.
    dropped: list[Hit] = []
    kept_hits: list[Hit] = []
    if stable is not None:
        for hit in hits:
            if hit.code in enabled and not _allowlisted(hit, stable, settings):
                kept_hits.append(hit)
            else:
                dropped.append(hit)
        hits = kept_hits
    checked = hits
    hits, suppressed = _suppress.apply(text, hits, enabled)
    if suppressed:
        kept = {id(h) for h in hits}
        dropped.extend(h for h in checked if id(h) not in kept)
    if not hits:
        if not suppressed and ctx.extractor_error is None and not ctx.read_clock:
            return _NOTHING
        return TextOutcome((), suppressed, ctx.extractor_error, timely=ctx.read_clock)
    stable = stable or stable_path(path, location)
    fixes: tuple[Edit, ...] = ()
    if any(h.code.value.startswith("AL1") for h in hits):
        hits, fixes = _mark_fixable(hits, dropped, ctx, rewritable)
    index = LineIndex(text)
    # Hits on one value share its secret (the same str object): hash it once per code, not once
    # per hit (a 1 MB header value with thousands of problems was quadratic here).
    digests: dict[tuple[Code, str], str] = {}
    findings = set()
    for h in hits:
        key = (h.code, h.secret)
        digest = digests.get(key)
        if digest is None:
            digest = digests[key] = fingerprint(str(h.code), stable, h.secret)
        findings.add(
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
                digest=digest,
            )
        )
    return TextOutcome(
        tuple(sorted(findings)), suppressed, ctx.extractor_error, fixes, ctx.read_clock
    )


def _holding(spans: Sequence[Edit], starts: Sequence[int], hit: Hit) -> int | None:
    """The index of the edit in ``spans`` that fixes ``hit``, if one does. Edits are sorted and
    never overlap: the one that may hold a hit is found by bisection (a file with thousands of
    fixable values must not cost hits x edits)."""
    at = bisect.bisect_right(starts, hit.start) - 1
    if at >= 0 and hit.start < spans[at].end and hit.code in spans[at].codes:
        return at
    return None


def _mark_fixable(
    hits: list[Hit], dropped: Sequence[Hit], ctx: FileContext, rewritable: bool
) -> tuple[list[Hit], tuple[Edit, ...]]:
    """Mark fixable ([*]) exactly the findings ``--fix`` fixes, and return those edits: an edit
    (re-checked) is made when it fixes a reported finding and would rewrite none the user left
    alone (``dropped``: suppressed inline or allowlisted; one normalised value can fix several
    codes at once). Every other finding carries no fix."""
    spans: list[Edit] = []
    if rewritable and ctx.extractor_error is None:
        from authlint.fix import edits

        spans = list(edits(ctx.text, ctx.kind, ctx.settings, ctx.candidates))
    starts = [e.start for e in spans]
    withheld = {at for hit in dropped if (at := _holding(spans, starts, hit)) is not None}
    used: set[int] = set()
    out = []
    for hit in hits:
        at = _holding(spans, starts, hit)
        fix = None
        if at is not None and at not in withheld:
            used.add(at)
            fix = hit.fix if hit.fix is not None else spans[at].marker
        out.append(hit if fix == hit.fix else hit.replace(fix=fix))
    return out, tuple(spans[at] for at in sorted(used))


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's start alike


def scan_bytes(
    path: str, data: bytes, settings: Settings, cache: ResultCache | None = None
) -> FileOutcome:
    """Scan one file's content (from disk, the git index or a history blob); with ``cache``,
    a file checked before with the same bytes, path and settings is not checked again."""
    size = len(data)
    if size > settings.max_file_size:
        return FileOutcome(skipped=Skipped(path, too_large(size, settings.max_file_size)))
    rewritable = False
    if data.startswith(_BOMS) or data.find(b"\0", 0, BINARY_SNIFF) != -1:
        # A BOM, or NULs: UTF-16/32 text (decoded here) or a binary file (skipped).
        text = decode(data)
        if text is None:
            return FileOutcome(skipped=Skipped(path, binary_reason(path)))
        body = data[3:] if data.startswith(codecs.BOM_UTF8) else text.encode("utf-8", "replace")
        found = prefilter.anchors(body)
        if not prefilter.opens(found):
            return FileOutcome(size=size)
        key, cached = _cached(cache, path, data)
        if cached is not None:
            return cached
        anchors = prefilter.char_offsets(body, found)
    else:
        # Most files hold no anchor at all: decide that on the bytes, before paying to decode.
        found = prefilter.anchors(data)
        if not prefilter.opens(found):
            return FileOutcome(size=size)
        key, cached = _cached(cache, path, data)
        if cached is not None:
            return cached  # before decoding: a warm run reads, prefilters and hashes
        try:
            text = data.decode("utf-8")
            rewritable = True
        except UnicodeDecodeError:
            text = data.decode("utf-8", "replace")
        # Valid UTF-8 with as many characters as bytes is ASCII: its byte offsets are character
        # offsets, known without another pass over the bytes.
        anchors = found if rewritable and len(text) == size else prefilter.char_offsets(data, found)
    outcome = _scan_text(path, text, settings, None, anchors, rewritable=rewritable)
    if key is not None and cache is not None and not outcome.partial and not outcome.timely:
        cache.put(key, size, outcome.suppressed, outcome.findings)
    return FileOutcome(
        findings=outcome.findings,
        size=size,
        suppressed=outcome.suppressed,
        partial=Skipped(path, outcome.partial) if outcome.partial else None,
    )


def _cached(
    cache: ResultCache | None, path: str, data: bytes
) -> tuple[tuple[str, str] | None, FileOutcome | None]:
    """The cache key of a file the prefilter opened, and its outcome if the cache has it."""
    if cache is None:
        return None, None
    key = cache.key(path, data)
    entry = cache.get(key, path)
    if entry is None:
        return key, None
    return key, FileOutcome(findings=entry[2], size=entry[0], suppressed=entry[1])


def scan_file(path: str, settings: Settings, cache: ResultCache | None = None) -> FileOutcome:
    """Scan one file from disk, through ``safeio.read_regular``: no symlink is followed, a FIFO
    or device is not opened for reading, and the size is checked before anything is read."""
    try:
        data, _ = read_regular(path, settings.max_file_size)
    except Refused as refused:
        if refused.vanished:
            return FileOutcome(vanished=True)
        return FileOutcome(skipped=Skipped(path, refused.reason))
    return scan_bytes(path, data, settings, cache)


def scan_staged(
    staged: Sequence[tuple[str, str]], settings: Settings, cache: ResultCache | None = None
) -> ScanResult:
    """Scan (display path, blob id) pairs from the git index. Sizes come from the object headers
    first: a blob over the size limit is reported as skipped and never read."""
    from authlint.gitio import sized_blobs

    def outcomes() -> Iterator[FileOutcome]:
        blobs = sized_blobs([sha for _, sha in staged], settings.max_file_size)
        for (path, _), (size, data) in zip(staged, blobs, strict=True):
            if data is None:
                yield FileOutcome(skipped=Skipped(path, too_large(size, settings.max_file_size)))
            else:
                yield scan_bytes(path, data, settings, cache)

    result = merge(outcomes())
    if cache is not None:
        cache.save()
    return result


_worker_settings: Settings | None = None
_worker_cache: ResultCache | None = None


def _init_worker(settings: Settings, cache: ResultCache | None) -> None:
    global _worker_settings, _worker_cache  # noqa: PLW0603 - one of each per worker, sent once
    _worker_settings = settings
    _worker_cache = cache
    if cache is not None:
        cache.fresh = {}  # a forked worker starts with the parent's: those are the parent's to save
    prefilter.prefer_hyperscan()


def _scan_chunk(paths: Sequence[str]) -> tuple[ScanResult, dict[str, list[object]]]:
    # Merged in the worker: only findings and counts cross the process boundary, not an
    # outcome object per (mostly clean) file; and the cache entries checked here, for the
    # parent to save.
    assert _worker_settings is not None
    result = merge(scan_file(path, _worker_settings, _worker_cache) for path in paths)
    if _worker_cache is None:
        return result, {}
    fresh = _worker_cache.fresh
    _worker_cache.fresh = {}
    return result, fresh


def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def scan_paths(
    paths: Sequence[str],
    settings: Settings,
    *,
    jobs: int | None = None,
    cache: ResultCache | None = None,
) -> ScanResult:
    """Scan files (already discovered) and merge the outcomes in a stable order. With
    ``cache``, unchanged files come from it and the files checked are saved to it."""
    result = _scan_paths(paths, settings, jobs, cache)
    if cache is not None:
        cache.save()
    return result


def _scan_paths(
    paths: Sequence[str], settings: Settings, jobs: int | None, cache: ResultCache | None
) -> ScanResult:
    jobs = _default_jobs() if jobs is None else max(1, jobs)
    if len(paths) >= HYPERSCAN_MIN_FILES:
        prefilter.prefer_hyperscan()
    if jobs == 1 or len(paths) < PARALLEL_MIN_FILES:
        return merge(scan_file(path, settings, cache) for path in paths)
    outcomes, done = _probe(paths, settings, cache)
    rest = paths[done:]
    if not rest:
        return merge(outcomes)
    from concurrent.futures import ProcessPoolExecutor

    count = min(len(rest), max(jobs * 4, len(rest) // CHUNK_FILES))
    chunks = [rest[i::count] for i in range(count)]
    # The parent is one of the `jobs` workers: it forks jobs - 1 and takes chunks from the end of
    # the queue while they take them from the front (a chunk no worker has started can be
    # cancelled and scanned here), so no core waits on an idle parent and one fewer process
    # pays the start-up.
    results = [merge(outcomes)]
    with ProcessPoolExecutor(
        max_workers=jobs - 1, initializer=_init_worker, initargs=(settings, cache)
    ) as pool:
        futures = [pool.submit(_scan_chunk, chunk) for chunk in chunks]
        for chunk, future in zip(reversed(chunks), reversed(futures), strict=True):
            if not future.cancel():
                break  # a worker has it, and every chunk before it
            results.append(merge(scan_file(path, settings, cache) for path in chunk))
        for future in futures:
            if not future.cancelled():
                result, fresh = future.result()
                results.append(result)
                if cache is not None:
                    cache.fresh.update(fresh)
    return combine(results)


def _probe(
    paths: Sequence[str], settings: Settings, cache: ResultCache | None
) -> tuple[list[FileOutcome], int]:
    """Scan from the start of ``paths`` until PROBE_SECONDS of CPU are spent; go on to the end
    unless the rest, at the rate seen, would take POOL_MIN_SECONDS or more. The outcomes, and
    how many paths they cover."""
    outcomes: list[FileOutcome] = []
    clock = time.process_time
    start = clock()
    for path in paths:
        outcomes.append(scan_file(path, settings, cache))
        spent = clock() - start
        if spent >= PROBE_SECONDS:
            done = len(outcomes)
            if spent / done * (len(paths) - done) >= POOL_MIN_SECONDS:
                return outcomes, done
            break
    outcomes.extend(scan_file(path, settings, cache) for path in paths[len(outcomes) :])
    return outcomes, len(paths)


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

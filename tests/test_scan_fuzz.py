"""Issue 8: the scanner (not only the parser) under Hypothesis, over every file kind.

Generated files mix the words the readers look for (header names, schemes, quotes, curl options,
comment markers, fences, keys) with arbitrary text, so that extractors meet half-finished
constructs. For every kind: no exception, every finding lies inside the text, and the findings of
a serial run equal those of a parallel one (worker processes, as a large tree would use).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from authlint import scan
from authlint.config import Settings
from authlint.finding import Finding
from authlint.scan import scan_bytes, scan_paths
from tests.helpers import EXTENSIONS

SETTINGS = Settings().with_selection()

PIECES = (
    "Authorization: ",
    "authorization",
    '"Authorization": ',
    "Basic ",
    "bearer ",
    "BASIC",
    "QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
    "=",
    "rzp_live_",
    "rzp_test_",
    "AbCdEfGhIjKlMn",
    "key_secret",
    "password=",
    "https://u:",
    "@host/",
    "curl -u ",
    "curl -H ",
    "wget --user=",
    " --password=",
    "-H '",
    "${TOKEN}",
    "$T",
    "{{ token }}",
    'f"',
    '" + ',
    " + tok",
    "\\",
    "\\n",
    '"',
    "'",
    "`",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "# ",
    "// ",
    "/*",
    "*/",
    "```",
    "```bash\n",
    "<<EOF\n",
    "EOF\n",
    "# authlint: ignore[AL201]",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\x00",
    "é",
    "\ufeff",
)
contents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map(
    "".join
)
files = st.tuples(st.sampled_from(sorted(EXTENSIONS.values())), contents)


def _inside(finding: Finding, text: str) -> bool:
    lines = text.splitlines() or [""]
    if not (1 <= finding.line <= finding.end_line <= len(lines) + 1):
        return False
    return finding.column >= 1 and finding.end_column >= 1


@given(files)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_scanner_never_raises_and_stays_inside_the_text(case: tuple[str, str]) -> None:
    name, text = case
    for data in (text.encode("utf-8", "surrogatepass"), text.encode("utf-16")):
        outcome = scan_bytes(name, data, SETTINGS)
        for finding in outcome.findings:
            assert finding.path == name
            decoded = scan.decode(data) or ""
            assert _inside(finding, decoded), (finding, decoded)
            assert finding.line <= decoded.count("\n") + 1


@given(st.lists(files, min_size=1, max_size=6))
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_serial_and_parallel_runs_agree(
    tmp_path_factory: pytest.TempPathFactory, cases: list[tuple[str, str]]
) -> None:
    root: Path = tmp_path_factory.mktemp("tree")
    paths = []
    for i, (name, text) in enumerate(cases):
        path = root / f"d{i}" / name
        path.parent.mkdir()
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        paths.append(str(path))
    serial = scan_paths(paths, SETTINGS, jobs=1)
    old = scan.PARALLEL_MIN_FILES, scan.PROBE_SECONDS, scan.POOL_MIN_SECONDS
    # Force the worker pool for a handful of files: it starts after the first one.
    scan.PARALLEL_MIN_FILES, scan.PROBE_SECONDS, scan.POOL_MIN_SECONDS = 1, 0.0, 0.0
    try:
        parallel = scan_paths(paths, SETTINGS, jobs=2)
    finally:
        scan.PARALLEL_MIN_FILES, scan.PROBE_SECONDS, scan.POOL_MIN_SECONDS = old
    assert serial == parallel

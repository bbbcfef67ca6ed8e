"""Linear time on hostile inputs: every reader and every compiled pattern, at 10 KB, 100 KB, 1 MB.

    python bench/bench_pathological.py [--sizes 10000,100000,1000000] [--only readers|patterns]

Readers: each file kind's extractor (every kind in ``authlint.extract.KINDS``) runs through
the whole scanner (``scan_text`` with that kind) on inputs built to be worst for it: long runs of
one hostile unit with no newline (a header name, a scheme, an opening quote never closed, a curl
option, a fence, a comment marker, padding...), each unit alone and after a kind-specific opener.
Patterns: every ``re.Pattern`` reachable from authlint's modules (module constants, the values of
module-level dicts, tuples and dataclass instances such as the per-language tables) runs
``finditer`` over a run of each literal it contains and of a character from each repeated class,
with its literal prefix in front: ``finditer`` tries every position, which is what an extractor
loop calling ``match`` at each hit does at worst.

Growth is per doubling of the input: (time per byte at the largest size / at the smallest) ** (1 /
doublings). 1.0 is linear, 2.0 quadratic; the bar is x1.3. Only the worst input of each reader or
pattern is shown. Fast cases are timed as the best of a few runs; this machine is shared.
"""

from __future__ import annotations

import argparse
import importlib
import math
import pkgutil
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import authlint
from authlint.config import Settings
from authlint.extract import KINDS
from authlint.lazyre import LazyPattern
from authlint.record import Record
from authlint.scan import scan_text

BAR = 1.3
# Below this at the largest size a case is judged fine whatever its ratio: single calls of a few
# microseconds are timer and cache noise, and even a quadratic one could not hang a scan.
FLOOR_S = 0.005
# A case whose middle size takes longer than this is not run at the largest size: it is already
# known to fail, and a quadratic case at 1 MB could run for hours.
BUDGET_S = 2.0

# Units every reader gets: what the prefilter anchors on and what the readers look for, as runs
# with no newline. A unit with no prefilter anchor would only time the prefilter (one is kept).
COMMON_UNITS: tuple[str, ...] = (
    "Authorization: Basic ",
    '"Authorization": "',
    "Basic " + "=",
    "Bearer ",
    "rzp_live_",
    "https://a:",
    "curl -u a:b ",
    '-H "Authorization: Bearer ',
    "# authlint: ignore ",
    "auth=(",
    "secret",
    "plain text without anchors ",
)
# Per kind: the unit run alone, and after an opener that puts it inside a construct the reader
# tracks (an unclosed string, a heredoc, a fence, a block, a request line).
OPENERS: dict[str, tuple[str, ...]] = {
    "python": ("", 'x = "'),
    "javascript": ("", "x = `"),
    "go": ("", "x := `"),
    "java": ("", 'x = "'),
    "php": ("", "$x = '"),
    "ruby": ("", "x = <<~EOS "),
    "shell": ("", "cat <<EOF "),
    "yaml": ("", "a: |"),
    "json": ("", '{"a": "'),
    "toml": ("", 'a = """'),
    "ini": ("", "[a] "),
    "dotenv": ("", 'A="'),
    "dockerfile": ("", "RUN "),
    "http": ("", "GET https://x\n"),
    "markdown": ("", "```bash "),
    "terraform": ("", "a = <<EOT "),
    "text": ("",),
}


def timed(run: Callable[[], object], *, repeat: int) -> float:
    """Best of ``repeat`` runs; a slow run is not repeated (noise is small next to it)."""
    best = math.inf
    for _ in range(repeat):
        # CPU time, not wall time: on a shared machine a run longer than a scheduler slice is
        # otherwise charged for the other processes' turns, which looks like superlinear growth.
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
        if best > 0.2:
            break
    return best


def _nan(value: float) -> bool:
    return math.isnan(value)


def growth(times: list[float], sizes: list[int]) -> float:
    """Growth of time per byte per doubling, from the smallest to the largest size measured."""
    measured = [(t, s) for t, s in zip(times, sizes, strict=False) if not _nan(t)]
    (t0, s0), (t1, s1) = measured[0], measured[-1]
    if t0 <= 0 or s1 == s0:
        return float("nan")
    return float(((t1 / s1) / (t0 / s0)) ** (1 / math.log2(s1 / s0)))


def series(
    make: Callable[[int], Callable[[], object]], sizes: list[int], *, screen: bool = False
) -> list[float]:
    """Seconds per size; NaN after a size that blew the budget. ``screen``: one run each."""
    out: list[float] = []
    for size in sizes:
        if out and (_nan(out[-1]) or out[-1] > BUDGET_S):
            out.append(float("nan"))
            continue
        run = make(size)
        repeat = 1 if screen else 3 if size <= 200_000 else 2
        out.append(timed(run, repeat=repeat))
    return out


def _fill(unit: str, opener: str, size: int) -> str:
    body = size - len(opener)
    return opener + (unit * (body // max(1, len(unit)) + 1))[: max(0, body)]


def reader_cases(kind: str) -> Iterator[tuple[str, Callable[[int], str]]]:
    for opener in OPENERS.get(kind, ("",)):
        for unit in COMMON_UNITS:
            yield (f"{opener!r}+{unit!r}*n" if opener else f"{unit!r}*n", _filler(unit, opener))


def _filler(unit: str, opener: str) -> Callable[[int], str]:
    return lambda size: _fill(unit, opener, size)


def _scanner(
    make: Callable[[int], str], settings: Settings, kind: str
) -> Callable[[int], Callable[[], object]]:
    def at(size: int) -> Callable[[], object]:
        text = make(size)
        return lambda: scan_text("f", text, settings, kind)

    return at


def bench_readers(
    sizes: list[int], settings: Settings
) -> list[tuple[str, str, list[float], float]]:
    rows = []
    for kind in KINDS:
        worst: tuple[str, list[float], float] | None = None
        # Screen every case at the two smaller sizes; the worst few go on to the largest.
        screened = []
        for label, make in reader_cases(kind):
            times = series(_scanner(make, settings, kind), sizes[:2], screen=True)
            screened.append((growth(times, sizes[:2]), times[-1], label, make))
        screened.sort(key=lambda row: (99 if _nan(row[0]) else row[0], row[1]), reverse=True)
        by_time = sorted(screened, key=lambda row: row[1], reverse=True)
        finalists = {id(row): row for row in [*screened[:1], *by_time[:1]]}.values()
        measured = []
        for _, _, label, make in finalists:
            times = series(_scanner(make, settings, kind), sizes)
            measured.append((label, times, growth(times, sizes)))
            if worst is None or measured[-1][2] > worst[2] or _nan(measured[-1][2]):
                worst = measured[-1]
        assert worst is not None
        slowest = max(measured, key=lambda row: row[1][-1] if not _nan(row[1][-1]) else 1e9)
        for row in {id(r): r for r in (worst, slowest)}.values():
            rows.append((kind, *row))
            print(_row(kind, *row), flush=True)
    return rows


# --- patterns ------------------------------------------------------------------------------------


def _modules() -> Iterator[Any]:
    yield authlint
    for info in pkgutil.walk_packages(authlint.__path__, "authlint."):
        if info.name.endswith("__main__"):
            continue
        try:
            yield importlib.import_module(info.name)
        except Exception:  # an optional dependency (tree-sitter, hyperscan) is missing
            continue


def _fields_of(value: Any) -> list[str]:
    """The field names of a record (authlint.record) or a dataclass instance, else []."""
    if isinstance(value, Record):
        return list(value._fields)
    if is_dataclass(value) and not isinstance(value, type):
        return [field.name for field in fields(value)]
    return []


def _pattern(value: Any) -> re.Pattern[Any] | None:
    """``value`` as a compiled pattern: a pattern, or one compiled at first use (lazyre)."""
    if isinstance(value, re.Pattern):
        return value
    if isinstance(value, LazyPattern):
        return re.compile(value.pattern, value.flags)
    return None


def _patterns_in(value: Any, depth: int = 0) -> Iterator[re.Pattern[Any]]:
    pattern = _pattern(value)
    if pattern is not None:
        yield pattern
    elif depth > 2:
        return
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    else:
        for name in _fields_of(value):
            yield from _patterns_in(getattr(value, name, None), depth + 1)


def _patterns_named(value: Any, name: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[Any]]]:
    """(the name code uses it by, pattern): a record's field name, else the holder's."""
    pattern = _pattern(value)
    if pattern is not None:
        yield name, pattern
    elif depth > 2:
        return
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns_named(item, name, depth + 1)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _patterns_named(item, name, depth + 1)
    else:
        for field in _fields_of(value):
            yield from _patterns_named(getattr(value, field, None), field, depth + 1)


def _source() -> str:
    root = Path(authlint.__file__).parent
    return "\n".join(p.read_text("utf-8") for p in sorted(root.rglob("*.py")))


def all_patterns() -> dict[tuple[Any, int], tuple[str, re.Pattern[Any], str]]:
    """Every pattern reachable from authlint's modules, with how it is used: "search" when some
    code scans with it (search, finditer, findall, sub, split: every position is tried), else
    "match" (anchored at a position the reader chose; the reader's own loop is benched above)."""
    package = _source()
    found: dict[tuple[Any, int], tuple[str, re.Pattern[Any], str]] = {}
    for module in _modules():
        try:
            own = Path(module.__file__ or "").read_text("utf-8")
        except OSError:
            own = ""
        for name, value in vars(module).items():
            if name.startswith("__"):
                continue
            for used_as, pattern in _patterns_named(value, name):
                key = (pattern.pattern, pattern.flags)
                # A module constant is used where it is defined; a table field (a language's
                # `interp`, `verbs`) wherever the tables are read.
                where = own if used_as == name else package
                scanning = re.search(
                    rf"\b{re.escape(used_as)}\.(?:search|finditer|findall|subn?|split)\(", where
                )
                mode = "search" if scanning else "match"
                previous = found.get(key)
                if previous is None or (mode == "search" and previous[2] == "match"):
                    found[key] = (f"{module.__name__}.{name}", pattern, mode)
    return found


def _sample(node: Any) -> str | None:
    """One character that ``node`` (a parsed pattern item) accepts."""
    op, arg = node
    name = str(op)
    if name == "LITERAL":
        return chr(arg)
    if name == "ANY":
        return "a"
    if name == "IN":
        negated = any(str(o) == "NEGATE" for o, _ in arg)
        if negated:
            banned = set()
            for o, a in arg:
                if str(o) == "LITERAL":
                    banned.add(chr(a))
                elif str(o) == "RANGE":
                    banned.update(chr(c) for c in range(a[0], a[1] + 1))
            return next(c for c in "a0 _-.=/\"'x\t" if c not in banned) if banned else "a"
        for o, a in arg:
            if str(o) == "LITERAL":
                return chr(a)
            if str(o) == "RANGE":
                return chr(a[0])
            if str(o) == "CATEGORY":
                return {"CATEGORY_DIGIT": "1", "CATEGORY_SPACE": " "}.get(str(a), "a")
    return None


def _walk(parsed: Any) -> Iterator[tuple[str, Any]]:
    for op, arg in parsed:
        yield str(op), arg
        if str(op) in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            yield from _walk(arg[2])
        elif str(op) == "SUBPATTERN":
            yield from _walk(arg[-1])
        elif str(op) == "BRANCH":
            for branch in arg[1]:
                yield from _walk(branch)
        elif str(op) in ("ASSERT", "ASSERT_NOT"):
            yield from _walk(arg[1])


def hostile_units(pattern: re.Pattern[Any]) -> list[tuple[str, str]]:
    """(prefix, unit) pairs: runs of the pattern's literals and of what its repeats accept."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode()
    try:
        parsed = sre_parse.parse(source, pattern.flags & ~re.UNICODE & ~re.ASCII)
    except Exception:
        return [("", "a")]
    prefix = ""
    for op, arg in parsed:
        if str(op) != "LITERAL":
            break
        prefix += chr(arg)
    units: list[str] = []
    literal = ""
    for op, arg in _walk(parsed):
        if op == "LITERAL":
            literal += chr(arg)
            continue
        if literal:
            units.append(literal)
            literal = ""
        if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            body = "".join(c for c in (_sample(item) for item in arg[2]) if c)
            if body:
                units.append(body)
        elif op in ("IN", "ANY"):
            char = _sample((op, arg))
            if char:
                units.append(char)
    if literal:
        units.append(literal)
    ordered = list(dict.fromkeys(u for u in units if u))[:12] or ["a"]
    pairs = [("", u) for u in ordered]
    if prefix:
        pairs += [(prefix, u) for u in ordered if u != prefix]
    return pairs


def _finditer(
    pattern: re.Pattern[Any], prefix: str, unit: str, mode: str
) -> Callable[[int], Callable[[], object]]:
    def at(size: int) -> Callable[[], object]:
        text: Any = _fill(unit, prefix, size)
        if isinstance(pattern.pattern, bytes):
            text = text.encode("utf-8", "replace")
        if mode == "match":
            return lambda: pattern.match(text)
        return lambda: sum(1 for _ in pattern.finditer(text))

    return at


def bench_patterns(sizes: list[int]) -> list[tuple[str, str, list[float], float]]:
    rows = []
    for name, pattern, mode in sorted(all_patterns().values(), key=lambda item: item[0]):
        worst: tuple[str, list[float], float] | None = None
        candidates = []
        for prefix, unit in hostile_units(pattern):
            make = _finditer(pattern, prefix, unit, mode)
            times = series(make, sizes[:2], screen=True)
            candidates.append((growth(times, sizes[:2]), times[-1], f"{prefix!r}+{unit!r}*n", make))
        candidates.sort(key=lambda row: (99 if _nan(row[0]) else row[0], row[1]), reverse=True)
        for _, _, label, make in candidates[:2]:
            times = series(make, sizes)
            g = growth(times, sizes)
            if worst is None or g > worst[2] or _nan(g):
                worst = (label, times, g)
        assert worst is not None
        rows.append((f"{name} ({mode})", *worst))
        print(f"{name} ({mode}): x{worst[2]:.2f} {worst[0]}", file=sys.stderr, flush=True)
    return rows


def passes(times: list[float], g: float) -> bool:
    return g <= BAR or (not _nan(times[-1]) and times[-1] < FLOOR_S)


def _row(name: str, label: str, times: list[float], g: float) -> str:
    cells = " | ".join("n/a" if _nan(t) else f"{t * 1000:.1f}" for t in times)
    verdict = (
        ("ok" if g <= BAR else f"ok (< {FLOOR_S * 1000:.0f} ms)")
        if passes(times, g)
        else "**over**"
    )
    shown = label if len(label) <= 48 else label[:45] + "..."
    return f"| {name} | `{shown}` | {cells} | x{g:.2f} | {verdict} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--only", choices=("readers", "patterns"))
    parser.add_argument("--all-patterns", action="store_true", help="a row per pattern")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    settings = Settings(max_file_size=max(sizes) * 2).with_selection()
    head = " | ".join(f"{s // 1000} KB (ms)" for s in sizes)
    failed = 0
    if args.only != "patterns":
        print(f"| reader (kind) | worst input | {head} | growth/doubling | |")
        print("|---|---|" + "---|" * len(sizes) + "---|---|")
        rows = bench_readers(sizes, settings)
        failed += sum(1 for row in rows if not passes(row[2], row[3]))
    if args.only != "readers":
        rows = bench_patterns(sizes)
        over = [row for row in rows if not passes(row[2], row[3])]
        failed += len(over)
        ranked = sorted(rows, key=lambda r: (passes(r[2], r[3]), -r[3] if r[3] == r[3] else -99))
        shown = rows if args.all_patterns else ranked[:15]
        searched = sum(1 for row in rows if row[0].endswith("(search)"))
        print(
            f"\n{len(rows)} compiled patterns ({searched} used to search, the rest to match at a"
            f" position); {len(rows) - len(over)} pass. The 15 with the highest growth:"
        )
        print(f"| pattern | worst input | {head} | growth/doubling | |")
        print("|---|---|" + "---|" * len(sizes) + "---|---|")
        for row in shown:
            print(_row(*row))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Time authlint against its peers on a whole tree and on one small file.

Each tool runs with its default rules (the commands are compare_peers.TOOLS), output to a file,
alternating tools run by run so that a noisy neighbour hurts every tool alike. Reported: median
CPU time (user + system of the tool and its waited-for children, from wait4: the primary
measure on a shared machine) and median wall time, MB/s over the tree's file bytes (.git
excluded), peak RSS of the tool's process tree, and the ratio of each median to authlint's.
For authlint, the share of files the tree-sitter layer parsed (an in-process serial run).
Installs nothing: see compare_peers.py.

    python bench/make_tree.py                       # once: bench/_work/tree, ~20,000 files
    python bench/bench_scan.py [TREE ...] [--runs 5] [--tools authlint,gitleaks,...]

The three trees of issue 13 (see bench/README.md for how each is made):

    python bench/bench_scan.py bench/_work/real bench/_work/docs bench/_work/dense --runs 3
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script (python bench/bench_scan.py): its directory is on sys.path.
import make_tree
from compare_peers import CORPUS, TOOLS, Tool, _table

SINGLE_FILE = CORPUS / "python" / "app" / "flask_app.py"


@dataclass
class Timing:
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peak_kb: int = 0
    findings: int | None = None
    note: str = ""


def tree_bytes(root: Path) -> int:
    total = 0
    for directory, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        total += sum(os.path.getsize(os.path.join(directory, f)) for f in files)
    return total


# Byte code is written and then read from cache, as an installed tool's is: a shell that sets
# PYTHONDONTWRITEBYTECODE would make every authlint run compile its modules again.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(tool: Tool, target: Path, out_path: Path) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, peak RSS in KB of the process tree, exit status) of one run."""
    cwd = target if target.is_dir() else target.parent
    with open(out_path, "w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            tool.argv(str(target)), cwd=cwd, stdout=out, stderr=subprocess.DEVNULL, env=ENV
        )
        # wait4 gives this child's own rusage (ru_maxrss covers its waited-for descendants).
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, int(usage.ru_maxrss), proc.returncode


# authlint with its result cache filled by an earlier run of the same files (a CI job that
# restores the cache, a second run in a working copy): the TOOLS entry runs with --no-cache.
WARM = "authlint-warm"


def warm_tool(cache: Path) -> Tool:
    base = TOOLS["authlint"]

    def argv(target: str) -> list[str]:
        program, command, *rest = (a for a in base.argv(target) if a != "--no-cache")
        return [program, command, "--cache-dir", str(cache), *rest]

    return Tool(WARM, argv, base.parse)


def bench(
    names: list[str],
    target: Path,
    runs: int,
    slow_seconds: float = float("inf"),
    warm: bool = False,
) -> dict[str, Timing]:
    """Alternating runs (each tool once per round). ``warm``: one untimed round first (byte code
    written, files in the page cache), for the short one-file runs."""
    timings = {name: Timing() for name in names}
    with tempfile.TemporaryDirectory(prefix="authlint-bench-") as tmp:
        tools = {**TOOLS, WARM: warm_tool(Path(tmp) / "cache")}
        if warm or WARM in names:
            # The warm variant's cache is filled by an untimed run first.
            for name in names if warm else [WARM]:
                with contextlib.suppress(OSError):
                    run_once(tools[name], target, Path(tmp) / f"{name}.out")
        for _ in range(runs):
            for name in names:
                timing = timings[name]
                if timing.note.startswith("failed") or (
                    timing.walls and timing.walls[0] > slow_seconds
                ):
                    # A failed tool is not retried; a very slow one is timed once.
                    continue
                out_path = Path(tmp) / f"{name}.out"
                try:
                    wall, cpu, peak, status = run_once(tools[name], target, out_path)
                except OSError as exc:
                    timing.note = f"failed: {exc.strerror}"
                    continue
                timing.walls.append(wall)
                timing.cpus.append(cpu)
                timing.peak_kb = max(timing.peak_kb, peak)
                timing.note = f"exit {status}"
                if timing.findings is None:
                    root = target if target.is_dir() else target.parent
                    text = out_path.read_text(errors="replace")
                    try:
                        if not text.strip() and status != 0:
                            raise ValueError("no output")
                        timing.findings = len(tools[name].parse(text, root))
                    except (ValueError, KeyError, TypeError):
                        timing.walls.clear()
                        timing.cpus.clear()
                        timing.note = f"failed: exit {status}, no usable output"
                        continue
    return timings


def _seconds(value: float) -> str:
    # One-file runs are tenths of a second: a third digit tells 0.085 from 0.094.
    return f"{value:.3f}" if value < 1 else f"{value:.2f}"


def report(title: str, timings: dict[str, Timing], size: int | None) -> str:
    base = timings.get("authlint")
    base_wall = statistics.median(base.walls) if base and base.walls else None
    base_cpu = statistics.median(base.cpus) if base and base.cpus else None
    rows = []
    for name, t in timings.items():
        if not t.walls:
            rows.append([name, "-", "-", "-", "-", "-", "-", "-", t.note])
            continue
        wall = statistics.median(t.walls)
        cpu = statistics.median(t.cpus)
        rows.append(
            [
                name,
                _seconds(cpu),
                f"{cpu / base_cpu:.2f}x" if base_cpu else "-",
                _seconds(wall),
                f"{wall / base_wall:.2f}x" if base_wall else "-",
                f"{size / 1e6 / cpu:.1f}" if size and cpu else "-",
                f"{t.peak_kb / 1024:.0f}",
                "-" if t.findings is None else str(t.findings),
                f"{t.note}, {len(t.walls)} runs",
            ]
        )
    header = [
        "tool",
        "CPU s",
        "CPU vs authlint",
        "wall s",
        "wall vs authlint",
        "MB per CPU s",
        "peak RSS MB",
        "findings",
        "run",
    ]
    return f"{title}\n\n{_table(header, rows)}"


def parse_share(tree: Path) -> str:
    """How many of the tree's scanned files the tree-sitter layer parsed (partly or fully), in
    one serial authlint run in a child process (so this process's memory stays out of the
    peak RSS of the tools it forks next)."""
    proc = subprocess.run(
        [sys.executable, "-c", _PARSE_SHARE, str(tree)], capture_output=True, text=True, check=False
    )
    return proc.stdout.strip() or f"authlint tree-sitter: no count ({proc.stderr.strip()[-200:]})"


_PARSE_SHARE = r"""
import os, sys
import authlint.scan as scan
import authlint.syntax as syntax
from authlint.cli import main

counts = {"files": 0, "parsed": 0, "full": 0}
parse, scan_file, full = syntax.parse, scan.scan_file, syntax.Syntax.full

def counting_parse(kind, text, near=None):
    result = parse(kind, text, near)
    counts["parsed"] += result is not None
    return result

def counting_full(self):
    counts["full"] += 1
    return full(self)

def counting_scan_file(path, settings, cache=None):
    counts["files"] += 1
    return scan_file(path, settings, cache)

syntax.parse, scan.scan_file, syntax.Syntax.full = counting_parse, counting_scan_file, counting_full
main(["check", "--isolated", "--no-cache", "--exit-zero", "-q", "-j", "1", "-o", os.devnull,
      sys.argv[1]])
files = max(counts["files"], 1)
print(
    f"authlint tree-sitter: {counts['parsed']} of {counts['files']} files parsed "
    f"({100 * counts['parsed'] / files:.1f}%), {counts['full']} needed the whole file "
    f"({100 * counts['full'] / files:.1f}%)"
)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trees", nargs="*", type=Path, default=[make_tree.DEFAULT_DIR])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--single-runs", type=int, default=10)
    parser.add_argument(
        "--slow",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="a tool whose first tree run takes longer is not repeated (default 120)",
    )
    parser.add_argument(
        "--tools",
        default=",".join(TOOLS),
        help=f"comma-separated subset of {', '.join([*TOOLS, WARM])}",
    )
    parser.add_argument("--skip-tree", action="store_true", help="only the one-file start-up")
    parser.add_argument("--skip-single", action="store_true", help="only the trees")
    parser.add_argument(
        "--no-parse-share", action="store_true", help="skip the in-process parse count"
    )
    args = parser.parse_args(argv)
    names = [n for n in args.tools.split(",") if n]
    for named in [] if args.skip_tree else args.trees:
        if not named.exists() and named == make_tree.DEFAULT_DIR:
            make_tree.main([str(named)])
        tree = named.resolve()
        size = tree_bytes(tree)
        timings = bench(names, tree, args.runs, args.slow)
        print(report(f"tree: {tree} ({size / 1e6:.1f} MB)", timings, size))
        if "authlint" in names and not args.no_parse_share:
            print()
            print(parse_share(tree))
        print(flush=True)
    if args.skip_single:
        return 0
    # One small file in a directory of its own, as pre-commit hands a hook one changed file.
    with tempfile.TemporaryDirectory(prefix="authlint-one-") as tmp:
        one = Path(tmp) / SINGLE_FILE.name
        shutil.copyfile(SINGLE_FILE, one)
        timings = bench(names, one, args.single_runs, warm=True)
        print(report(f"one file: {SINGLE_FILE.name} ({one.stat().st_size} bytes)", timings, None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

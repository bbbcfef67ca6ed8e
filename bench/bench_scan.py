"""Time authlint against its peers on a whole tree and on one small file.

Each tool runs with its default rules (the commands are compare_peers.TOOLS), output to a file,
alternating tools run by run so that a noisy neighbour hurts every tool alike. Reported: median
wall time, MB/s over the tree's file bytes (.git excluded), peak RSS of the tool's process tree
(from wait4), and the ratio of each median to authlint's. Installs nothing: see compare_peers.py.

    python bench/make_tree.py                       # once: bench/_work/tree, ~20,000 files
    python bench/bench_scan.py [TREE] [--runs 5] [--tools authlint,gitleaks,...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
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
    peak_kb: int = 0
    findings: int | None = None
    note: str = ""


def tree_bytes(root: Path) -> int:
    total = 0
    for directory, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        total += sum(os.path.getsize(os.path.join(directory, f)) for f in files)
    return total


def run_once(tool: Tool, target: Path, out_path: Path) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KB of the process tree, exit status) of one run."""
    cwd = target if target.is_dir() else target.parent
    with open(out_path, "w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            tool.argv(str(target)), cwd=cwd, stdout=out, stderr=subprocess.DEVNULL
        )
        # wait4 gives this child's own rusage (ru_maxrss covers its waited-for descendants).
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, int(usage.ru_maxrss), proc.returncode


def bench(
    names: list[str], target: Path, runs: int, slow_seconds: float = float("inf")
) -> dict[str, Timing]:
    timings = {name: Timing() for name in names}
    with tempfile.TemporaryDirectory(prefix="authlint-bench-") as tmp:
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
                    wall, peak, status = run_once(TOOLS[name], target, out_path)
                except OSError as exc:
                    timing.note = f"failed: {exc.strerror}"
                    continue
                timing.walls.append(wall)
                timing.peak_kb = max(timing.peak_kb, peak)
                timing.note = f"exit {status}"
                if timing.findings is None:
                    root = target if target.is_dir() else target.parent
                    text = out_path.read_text(errors="replace")
                    try:
                        if not text.strip() and status != 0:
                            raise ValueError("no output")
                        timing.findings = len(TOOLS[name].parse(text, root))
                    except (ValueError, KeyError, TypeError):
                        timing.walls.clear()
                        timing.note = f"failed: exit {status}, no usable output"
                        continue
    return timings


def report(title: str, timings: dict[str, Timing], size: int | None) -> str:
    base = timings.get("authlint")
    base_median = statistics.median(base.walls) if base and base.walls else None
    rows = []
    for name, t in timings.items():
        if not t.walls:
            rows.append([name, "-", "-", "-", "-", "-", t.note])
            continue
        median = statistics.median(t.walls)
        rows.append(
            [
                name,
                f"{median:.3f}",
                f"{size / 1e6 / median:.1f}" if size else "-",
                f"{t.peak_kb / 1024:.0f}",
                f"{median / base_median:.2f}x" if base_median else "-",
                "-" if t.findings is None else str(t.findings),
                f"{t.note}, {len(t.walls)} runs",
            ]
        )
    header = ["tool", "median s", "MB/s", "peak RSS MB", "time vs authlint", "findings", "run"]
    return f"{title}\n\n{_table(header, rows)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", nargs="?", type=Path, default=make_tree.DEFAULT_DIR)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--single-runs", type=int, default=10)
    parser.add_argument(
        "--slow",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="a tool whose first tree run takes longer is not repeated (default 120)",
    )
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset")
    parser.add_argument("--skip-tree", action="store_true", help="only the one-file start-up")
    args = parser.parse_args(argv)
    names = [n for n in args.tools.split(",") if n]
    if not args.skip_tree:
        if not args.tree.exists() and args.tree == make_tree.DEFAULT_DIR:
            make_tree.main([str(args.tree)])
        tree = args.tree.resolve()
        size = tree_bytes(tree)
        timings = bench(names, tree, args.runs, args.slow)
        print(report(f"tree: {tree} ({size / 1e6:.1f} MB)", timings, size))
        print()
    # One small file in a directory of its own, as pre-commit hands a hook one changed file.
    with tempfile.TemporaryDirectory(prefix="authlint-one-") as tmp:
        one = Path(tmp) / SINGLE_FILE.name
        shutil.copyfile(SINGLE_FILE, one)
        timings = bench(names, one, args.single_runs)
        print(report(f"one file: {SINGLE_FILE.name} ({one.stat().st_size} bytes)", timings, None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

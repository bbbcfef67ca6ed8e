"""Where the worker pool starts paying: serial against a pool of N workers, by serial work.

Each measurement is a fresh interpreter that scans the first FILES files of TREE (sorted
paths, so every size is a prefix of the next) with `scan_paths`, once serially and once with
the pool forced on (after the parent's probe, as a real run starts it: scan.POOL_MIN_SECONDS
is the threshold this measures), and reports CPU (user + system, the process and its workers)
and wall seconds. Alternating, medians over --runs. On a shared machine read the CPU column
first: the pool can only win wall time from idle cores. The serial CPU column is the work a
run's probe projects; the pool pays from the serial CPU where the wall ratio drops below 1.

    python bench/bench_pool.py bench/_work/dense --sizes 1000,2000,4000,8000 --jobs 2 --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import json, os, resource, sys, time
from authlint import scan
from authlint.config import Settings

paths, jobs = json.load(sys.stdin)
if jobs > 1:  # the pool forced on after the parent's probe, whatever it projects
    scan.PARALLEL_MIN_FILES, scan.POOL_MIN_SECONDS = 0, 0.0
start = time.perf_counter()
result = scan.scan_paths(paths, Settings(), jobs=jobs)
wall = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
print(json.dumps([wall, cpu, len(result.findings)]))
"""


def files_of(tree: Path) -> list[str]:
    out: list[str] = []
    for directory, dirs, files in os.walk(tree):
        dirs[:] = sorted(d for d in dirs if d != ".git")
        out.extend(os.path.join(directory, f) for f in sorted(files))
    return out


def measure(paths: list[str], jobs: int) -> tuple[float, float, int]:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps([paths, jobs]),
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu, findings = json.loads(proc.stdout)
    return wall, cpu, findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    every = files_of(args.tree)
    print(f"{args.tree}: {len(every)} files; pool of {args.jobs} against serial, {args.runs} runs")
    print(
        "| files | serial CPU s | pool CPU s | CPU ratio | serial wall s | pool wall s | wall ratio |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for size in (int(s) for s in args.sizes.split(",")):
        paths = every[:size]
        serial: list[tuple[float, float, int]] = []
        pool: list[tuple[float, float, int]] = []
        for _ in range(args.runs):
            serial.append(measure(paths, 1))
            pool.append(measure(paths, args.jobs))
        assert {r[2] for r in serial} == {r[2] for r in pool}, "pool and serial disagree"
        sw, sc = (statistics.median(r[i] for r in serial) for i in (0, 1))
        pw, pc = (statistics.median(r[i] for r in pool) for i in (0, 1))
        print(
            f"| {len(paths)} | {sc:.2f} | {pc:.2f} | {pc / sc:.2f}x | {sw:.2f} | {pw:.2f} "
            f"| {pw / sw:.2f}x |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

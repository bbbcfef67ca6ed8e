"""Linear time for the header parser on hostile values: seconds at 10 KB, 100 KB and 1 MB.

    python bench/bench_parser_linear.py

Each shape is a long run of what one part of the parser repeats (padding, base64, variables,
placeholders, auth-params, spaces, control characters, quotes). ``validate`` runs in both
profiles; the table shows the best of three runs and the growth per doubling between 100 KB and
1 MB (1.0 is linear, 2.0 quadratic). The suite checks the same property without a clock, in
steps (``tests/test_parser_linear.py``); this is the wall-clock view, with a generous bound.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable

from authlint.header import validate

SHAPES: dict[str, Callable[[int], str]] = {
    "padding": lambda n: "Basic " + "=" * n,
    "pads-between": lambda n: "Basic " + "A=" * (n // 2),
    "base64-run": lambda n: "Basic " + "A" * n + "!",
    "bearer-pads": lambda n: "Bearer a" + "=a" * (n // 2),
    "variables": lambda n: "Basic " + "$x" * (n // 2),
    "placeholders": lambda n: "Bearer " + "<a>" * (n // 3),
    "params": lambda n: "Digest " + "a=b, " * (n // 5) + "!",
    "quoted-pairs": lambda n: 'Digest a="' + "\\x" * (n // 2),
    "spaces": lambda n: " " * (n // 2) + "x" + " " * (n // 2),
    "tchar-run": lambda n: "Digest " + "a" * n + " b",
    "controls": lambda n: "Basic " + "\r" * n,
    "quotes": lambda n: '"' * n,
    "field-name": lambda n: "Authorization: " * (n // 15),
    "c1": lambda n: "Basic " + "woXChcKF" * (n // 8),
}
SIZES = (10_000, 100_000, 1_000_000)
# The generous bound: anything above this growth per doubling is reported as non-linear.
BOUND = 1.3


def best(value: str) -> float:
    times = []
    for _ in range(3):
        began = time.perf_counter()
        for profile in ("strict", "rfc"):
            validate(value, profile=profile)
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> int:
    print("| shape | 10 KB (s) | 100 KB (s) | 1 MB (s) | growth per doubling |")
    print("| --- | --- | --- | --- | --- |")
    failed = []
    for name, make in SHAPES.items():
        seconds = [best(make(size)) for size in SIZES]
        # Time per doubling from 100 KB to 1 MB: (t1M / t100K) ** (1 / log2(10)), per byte.
        ratio = (seconds[2] / seconds[1]) ** (1 / math.log2(10)) / 2 if seconds[1] else 0.0
        print(f"| {name} | {seconds[0]:.4f} | {seconds[1]:.4f} | {seconds[2]:.4f} | x{ratio:.2f} |")
        if ratio > BOUND:
            failed.append(name)
    if failed:
        print(f"non-linear: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

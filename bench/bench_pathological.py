"""Linear time on hostile inputs: scan time per MB must stay flat as the input doubles.

    python bench/bench_pathological.py [--max-mb 8]

Each shape is scanned at 1, 2, 4, ... MB; the table shows seconds and the growth ratio of
time per MB against the smallest size (about 1.0 means linear; 2.0 per doubling would be
quadratic). Side by side in one run, as these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from authlint.config import Settings
from authlint.scan import scan_bytes

MB = 1024 * 1024

SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "minified js line": (
        "bundle.min.js",
        lambda n: (
            b'var a=function(b){return b+1},h={"Authorization":"Basic "+t};' * (n // 60 + 1)
        )[:n],
    ),
    "Basic repeated": ("notes.txt", lambda n: (b"Basic " * (n // 6 + 1))[:n]),
    "Authorization: Basic repeated": (
        "notes.txt",
        lambda n: (b"Authorization: Basic " * (n // 21 + 1))[:n],
    ),
    "one base64 run": ("notes.txt", lambda n: b"Basic " + (b"QWxh" * (n // 4 + 1))[:n]),
    "rzp_live_ repeated": ("app.py", lambda n: (b"rzp_live_" * (n // 9 + 1))[:n]),
    "userinfo-ish": ("app.py", lambda n: (b"https://a:" * (n // 10 + 1))[:n]),
    "curl -u repeated": ("run.sh", lambda n: (b"curl -u a:b " * (n // 12 + 1))[:n]),
    "quotes, no close": ("app.py", lambda n: b'headers = {"Authorization": "' + b"a" * n),
    "suppression markers": ("app.py", lambda n: (b"# authlint: ignore " * (n // 19 + 1))[:n]),
}


def timed(name: str, data: bytes, settings: Settings) -> float:
    start = time.perf_counter()
    scan_bytes(name, data, settings)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-mb", type=int, default=8)
    args = parser.parse_args()
    settings = Settings(max_file_size=(args.max_mb + 1) * MB).with_selection()
    sizes = []
    size = 1
    while size <= args.max_mb:
        sizes.append(size)
        size *= 2
    header = f"{'shape':32}" + "".join(f"{s:>6} MB" for s in sizes) + "   growth of s/MB"
    print(header)
    print("-" * len(header))
    for label, (name, make) in SHAPES.items():
        times = [min(timed(name, make(s * MB), settings) for _ in range(2)) for s in sizes]
        per_mb = [t / s for t, s in zip(times, sizes, strict=True)]
        growth = per_mb[-1] / per_mb[0] if per_mb[0] else float("nan")
        cells = "".join(f"{t:8.3f}s" for t in times)
        print(f"{label:32}{cells}   x{growth:.2f}")


if __name__ == "__main__":
    main()

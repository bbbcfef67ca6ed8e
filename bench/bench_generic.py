"""How authlint.generated's thresholds were measured (bench/README.md, "Generic secrets").

For each alphabet and length: the 0.1st percentile of random strings' Shannon entropy and of
their runs per character, the 99.9th of their share in word-like runs, and the share of random
strings looks_generated misses. With a directory: how many quoted literals and identifiers of its
source files (16 to 128 characters) would pass looks_generated, hex apart (digests and test
vectors, which a secret-named setting rarely holds).

    python bench/bench_generic.py [--samples N] [DIR]
"""

from __future__ import annotations

import argparse
import math
import random
import re
import string
from pathlib import Path

from authlint import generated

ALPHABETS = {
    "hex": "0123456789abcdef",
    "base62": string.ascii_letters + string.digits,
    "base64url": string.ascii_letters + string.digits + "-_",
}
SIZES = (16, 20, 24, 32, 40, 64, 100, 128)
_LITERAL = re.compile(r"([\"'])([A-Za-z0-9_+/=-]{16,128})\1|\b[A-Za-z_][A-Za-z0-9_]{15,127}\b")


def _pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def random_table(samples: int) -> None:
    rng = random.Random(1)
    print("| alphabet | n | entropy p0.1 | slope*log2(n) | runs/char p0.1 | words p99.9 | missed |")
    print("|---|---|---|---|---|---|---|")
    for name, alphabet in ALPHABETS.items():
        kind = "hex" if name == "hex" else "base64"
        for size in SIZES:
            values = ["".join(rng.choice(alphabet) for _ in range(size)) for _ in range(samples)]
            ent = [generated.entropy(v) for v in values]
            runs = [len(generated._SEGMENT.findall(v)) / size for v in values]
            words = [generated._wordy(v) for v in values]
            missed = sum(not generated.looks_generated(v) for v in values) / samples
            bound = min(
                generated._ENTROPY_SLOPE[kind] * math.log2(size), generated._ENTROPY_CAP[kind]
            )
            print(
                f"| {name} | {size} | {_pct(ent, 0.001):.2f} | {bound:.2f} | "
                f"{_pct(runs, 0.001):.2f} | {_pct(words, 0.999):.2f} | {missed:.2%} |"
            )


def tree(root: Path) -> None:
    seen: set[str] = set()
    for path in root.rglob("*"):
        if path.suffix not in {".py", ".js", ".json", ".toml", ".yaml", ".yml", ".cfg", ".md"}:
            continue
        try:
            text = path.read_text("utf-8", "replace")
        except OSError:
            continue
        for found in _LITERAL.finditer(text):
            seen.add(found.group(2) or found.group(0))
    passing = [v for v in seen if generated.looks_generated(v)]
    not_hex = [v for v in passing if generated.alphabet(v) != "hex"]
    print(
        f"{root}: {len(seen)} distinct literals and identifiers, {len(passing)} pass, "
        f"{len(not_hex)} of them not hex"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=3000)
    parser.add_argument("dir", nargs="?", type=Path)
    args = parser.parse_args()
    random_table(args.samples)
    if args.dir is not None:
        tree(args.dir)


if __name__ == "__main__":
    main()

"""Score authlint on a labelled test bed: planted bugs that must be found, look-alikes that must not.

A bed is a directory with ``files/`` (realistic code, config and docs) and ``labels.json``: a list
of ``{"file", "line", "expect": "find" | "clean", "code", "why"}``, ``file`` relative to
``files/``. bench/beds/bed6 was written blind by a reviewer session on 2026-12-01 (it has guided
fixes since, so it is a regression bed now, not a blind one: write a new one before trusting
a score on unseen material).

    python bench/bed_score.py bench/beds/bed6 [--authlint PATH] [--details]

A find counts when a finding sits on its line (any code; "with the expected code" when its code is
among them); a clean line counts as flagged when any finding sits on it. Findings on lines with no
label are listed: each is a false positive or a label the bed lacks.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any


def run_authlint(bed: Path, exe: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        [exe, "check", "--isolated", "--exit-zero", "--output-format", "json", "files"],
        cwd=bed,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"authlint failed ({done.returncode}): {done.stderr.strip()[:500]}")
    findings: list[dict[str, Any]] = json.loads(done.stdout)
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bed", type=Path)
    parser.add_argument("--authlint", default=shutil.which("authlint") or "authlint")
    parser.add_argument("--details", action="store_true", help="list every miss and flag")
    args = parser.parse_args(argv)
    labels: list[dict[str, Any]] = json.loads((args.bed / "labels.json").read_text())
    given = Path(args.authlint)
    exe = str(given.resolve()) if given.exists() else args.authlint  # run from the bed
    findings = run_authlint(args.bed, exe)
    at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for finding in findings:
        path = str(finding["path"]).removeprefix("files/")
        at[(path, int(finding["line"]))].add(str(finding["code"]))
    labelled = {(str(label["file"]), int(label["line"])) for label in labels}
    finds = [label for label in labels if label["expect"] == "find"]
    cleans = [label for label in labels if label["expect"] == "clean"]
    found = [label for label in finds if at.get((label["file"], label["line"]))]
    coded = [label for label in finds if label.get("code")]
    right = [
        label for label in coded if label["code"] in at.get((label["file"], label["line"]), ())
    ]
    flagged = [label for label in cleans if at.get((label["file"], label["line"]))]
    unlabelled = sorted(key for key in at if key not in labelled)
    print(f"findings: {len(findings)}")
    print(f"finds found (any code):      {len(found)}/{len(finds)}")
    print(f"finds found (expected code): {len(right)}/{len(coded)}")
    print(f"clean lines flagged:         {len(flagged)}/{len(cleans)}")
    print(f"findings on unlabelled lines: {len(unlabelled)}")
    if args.details:
        for label in finds:
            if label not in found:
                print(
                    f"  missed  {label['file']}:{label['line']} {label.get('code') or ''}: {label['why']}"
                )
        for label in flagged:
            codes = ",".join(sorted(at[(label["file"], label["line"])]))
            print(f"  flagged {label['file']}:{label['line']} {codes}: {label['why']}")
        for path, line in unlabelled:
            print(f"  unlabelled {path}:{line} {','.join(sorted(at[(path, line)]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

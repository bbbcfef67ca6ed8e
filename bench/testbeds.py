"""authlint on ten public repositories, each finding compared with a reviewer's label.

The repositories are pinned snapshots (issue 10, item 6): Razorpay's docs and seven SDKs, psf/requests
and httpie/cli. Each is read from a bare git mirror (``<mirror>/<owner>+<name>/repo``, as the
search tool's fetch leaves it) and checked out at its recorded commit into ``bench/_work/testbeds/``
(gitignored; a clone sharing the mirror's objects). Nothing of theirs is copied into the project; only the labels live here, keyed by
path, code and the finding's fingerprint (a hash, no secret, no line number), so a label survives
authlint moving a finding by a line or a column. Missing mirrors are skipped with a message: CI does
not run this script.

authlint runs inside each checkout (paths come out repo-relative) with ``--isolated``, so it sees
the tracked files, as on a user's clone, and no configuration of ours or theirs.

    python bench/testbeds.py [--mirror DIR] [--repos NAME,...] [--runs N] [--details]
                             [--write-unlabelled FILE] [--save-findings]

Exit 1 when an error-level finding is unlabelled or labelled wrong, 2 on bad input, else 0.
Output holds only authlint's own redacted snippets and hashes, never a secret.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_WORK = HERE / "_work" / "testbeds"
DEFAULT_LABELS = HERE / "testbeds_labels.json"
DEFAULT_MIRROR = Path(os.environ.get("AUTHLINT_TESTBEDS_MIRROR", "/work/.mirror"))

VERDICTS = ("true-positive", "false-positive", "acceptable-warning")


@dataclass(frozen=True)
class Testbed:
    repo: str  # owner/name on GitHub
    commit: str

    @property
    def slug(self) -> str:
        return self.repo.replace("/", "+")


# The snapshots measured (HEAD of each mirror when the labels were made).
TESTBEDS = (
    Testbed("razorpay/markdown-docs", "ab3bda5f11c308034b2089df532df1064db1df7c"),
    Testbed("razorpay/razorpay-python", "b56ac018bf023e2b244a73a4bda2ea861115edcf"),
    Testbed("razorpay/razorpay-node", "9737ef17342b8a551f7af2413c8d24df559accc8"),
    Testbed("razorpay/razorpay-php", "c5cf59941eb2d888e80371328d932e6e8266d352"),
    Testbed("razorpay/razorpay-java", "c249a83ee8f895f1f5b849025378881284cce7b1"),
    Testbed("razorpay/razorpay-go", "576382675bf45c6fda46508d194efd0be5cb1e9d"),
    Testbed("razorpay/razorpay-ruby", "807e80eb25572823ebb1872529747fb9af97282e"),
    Testbed("razorpay/razorpay-dot-net", "2cd38a155ec56ea47e879a573a3acb19334c152e"),
    Testbed("psf/requests", "1f6589ec3a1ee910f9a65cc3ceac60b26677bc0e"),
    Testbed("httpie/cli", "5b604c37c6c67e18e7c3e9aee6c88a8c22b98345"),
)

Key = tuple[str, str, str]  # (path, code, fingerprint)


class InputError(Exception):
    """Bad labels file or a run that could not be made: one line, exit 2."""


@dataclass(frozen=True)
class Label:
    verdict: str
    reason: str  # a key of the labels file's "reasons" table


@dataclass
class Labels:
    reasons: dict[str, str]
    by_repo: dict[str, dict[Key, Label]]
    misses: dict[str, list[dict[str, Any]]]


def load_labels(path: Path) -> Labels:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Labels({}, {}, {})
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read labels: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("repos", {}), dict):
        raise InputError(f"{path}: expected an object with a 'repos' object")
    reasons = data.get("reasons", {})
    if not isinstance(reasons, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in reasons.items()
    ):
        raise InputError(f"{path}: 'reasons' must map names to sentences")
    by_repo: dict[str, dict[Key, Label]] = {}
    misses: dict[str, list[dict[str, Any]]] = {}
    for repo, entry in data.get("repos", {}).items():
        table: dict[Key, Label] = {}
        for index, item in enumerate(entry.get("labels", [])):
            where = f"{path}: {repo} label {index}"
            try:
                key = (str(item["path"]), str(item["code"]), str(item["fingerprint"]))
                label = Label(str(item["verdict"]), str(item["reason"]))
            except (KeyError, TypeError):
                raise InputError(
                    f"{where}: needs path, code, fingerprint, verdict, reason"
                ) from None
            if label.verdict not in VERDICTS:
                raise InputError(f"{where}: verdict must be one of {', '.join(VERDICTS)}")
            if label.reason not in reasons:
                raise InputError(f"{where}: reason {label.reason!r} is not in 'reasons'")
            if table.get(key, label) != label:
                raise InputError(f"{where}: a second, different label for the same finding")
            table[key] = label
        by_repo[repo] = table
        misses[repo] = []
        for index, miss in enumerate(entry.get("misses", [])):
            if not (
                isinstance(miss, dict)
                and isinstance(miss.get("path"), str)
                and isinstance(miss.get("line"), int)
                and isinstance(miss.get("codes", []), list)
            ):
                raise InputError(f"{path}: {repo} miss {index}: needs path, line and codes")
            misses[repo].append(miss)
    return Labels(reasons, by_repo, misses)


def extract(bed: Testbed, mirror: Path, work: Path) -> tuple[Path | None, str]:
    """The tree at bed.commit, freshly extracted; (None, why) when the snapshot is absent."""
    git_dir = mirror / bed.slug / "repo"
    if not git_dir.is_dir():
        return None, f"no snapshot at {git_dir} (fetch github:{bed.repo})"
    known = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "-e", f"{bed.commit}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if known.returncode != 0:
        return None, f"commit {bed.commit[:12]} is not in {git_dir}"
    tree = work / bed.slug
    if tree.exists():
        shutil.rmtree(tree)
    tree.parent.mkdir(parents=True, exist_ok=True)
    # A checkout of its own (objects shared with the mirror, nothing copied): git lists exactly the
    # tracked files, as on a user's clone, and fingerprints hash paths from the tree's root wherever
    # --work is.
    for argv in (
        ["git", "clone", "-q", "--shared", "--no-checkout", str(git_dir), str(tree)],
        ["git", "-C", str(tree), "-c", "advice.detachedHead=false", "checkout", "-q", bed.commit],
    ):
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise InputError(f"{bed.repo}: {' '.join(argv[:4])} failed: {last}")
    return tree, ""


def run_authlint(tree: Path, jobs: int) -> tuple[list[dict[str, Any]], float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    argv = [sys.executable, "-m", "authlint", "check", "--isolated", "--exit-zero"]
    argv += ["--output-format", "json", "-j", str(jobs), "."]
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=tree, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise InputError(f"authlint failed on {tree.name} (exit {done.returncode}): {last}")
    try:
        findings = json.loads(done.stdout or "[]")
    except json.JSONDecodeError:
        raise InputError(f"authlint printed no JSON for {tree.name}") from None
    return findings, seconds


@dataclass
class Outcome:
    bed: Testbed
    seconds: float = 0.0
    errors: int = 0
    warnings: int = 0
    right: int = 0
    wrong: int = 0
    unlabelled: int = 0
    failing: int = 0  # error level and wrong or unlabelled
    stale: int = 0  # labels no finding matched (a fixed false positive, or a changed fingerprint)
    crowded: int = 0  # lines with more than one finding (issue 10: one finding per problem)
    wrong_by_reason: Counter[str] = field(default_factory=Counter)
    misses_found: int = 0
    misses: int = 0
    skipped: str = ""
    details: list[str] = field(default_factory=list)
    unlabelled_items: list[dict[str, Any]] = field(default_factory=list)


def judge(label: Label, severity: str) -> bool:
    """Is the finding right? An acceptable warning reported as an error is wrong."""
    if label.verdict == "true-positive":
        return True
    return label.verdict == "acceptable-warning" and severity == "warning"


def _shown(finding: dict[str, Any]) -> str:
    # Only authlint's own structured, already-redacted fields.
    return (
        f"{finding['path']}:{finding['line']}:{finding['column']} {finding['code']} "
        f"{finding['severity']}: {finding['message']} [{finding.get('snippet', '')}]"
    )


def compare(
    out: Outcome, findings: list[dict[str, Any]], labels: Labels, want_details: bool
) -> None:
    table = labels.by_repo.get(out.bed.repo, {})
    used: set[Key] = set()
    for finding in findings:
        severity = str(finding["severity"])
        if severity == "error":
            out.errors += 1
        else:
            out.warnings += 1
        key = (str(finding["path"]), str(finding["code"]), str(finding["fingerprint"]))
        label = table.get(key)
        if label is None:
            out.unlabelled += 1
            out.failing += severity == "error"
            out.unlabelled_items.append(
                {
                    "path": key[0],
                    "code": key[1],
                    "fingerprint": key[2],
                    "line": finding["line"],
                    "severity": severity,
                    "message": finding["message"],
                    "snippet": finding.get("snippet", ""),
                    "verdict": None,
                    "reason": None,
                }
            )
            if want_details:
                out.details.append(f"  UNLABELLED {_shown(finding)}")
            continue
        used.add(key)
        if judge(label, severity):
            out.right += 1
        else:
            out.wrong += 1
            out.failing += severity == "error"
            out.wrong_by_reason[label.reason] += 1
            if want_details:
                out.details.append(f"  WRONG ({label.reason}) {_shown(finding)}")
    out.stale = len(set(table) - used)
    per_line = Counter((str(f["path"]), int(f["line"])) for f in findings)
    out.crowded = sum(1 for count in per_line.values() if count > 1)
    reported: dict[tuple[str, int], set[str]] = {}
    for f in findings:
        reported.setdefault((str(f["path"]), int(f["line"])), set()).add(str(f["code"]))
    for miss in labels.misses.get(out.bed.repo, []):
        out.misses += 1
        codes = set(miss.get("codes", []))
        there = reported.get((str(miss["path"]), int(miss["line"])), set())
        # No codes: any finding on that line counts (the code may not exist yet).
        if there and (not codes or codes & there):
            out.misses_found += 1
        elif want_details:
            want = "/".join(sorted(codes)) or "any finding"
            out.details.append(f"  MISSED {miss['path']}:{miss['line']} want {want}")


def table(outcomes: list[Outcome]) -> str:
    head = (
        "| repo | commit | s | errors | warnings | right | wrong | unlabelled | stale labels "
        "| misses found | lines with 2+ |\n|---|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = [head]
    for o in outcomes:
        if o.skipped:
            rows.append(f"| {o.bed.repo} | {o.bed.commit[:12]} | skipped: {o.skipped} ||||||||")
            continue
        rows.append(
            f"| {o.bed.repo} | {o.bed.commit[:12]} | {o.seconds:.2f} | {o.errors} | {o.warnings} "
            f"| {o.right} | {o.wrong} | {o.unlabelled} | {o.stale} | {o.misses_found}/{o.misses} "
            f"| {o.crowded} |"
        )
    done = [o for o in outcomes if not o.skipped]
    if done:
        total = Outcome(Testbed("total", ""))
        for o in done:
            for name in ("errors", "warnings", "right", "wrong", "unlabelled", "stale", "crowded"):
                setattr(total, name, getattr(total, name) + getattr(o, name))
            total.misses += o.misses
            total.misses_found += o.misses_found
            total.seconds += o.seconds
        rows.append(
            f"| **total** | | {total.seconds:.2f} | {total.errors} | {total.warnings} "
            f"| {total.right} | {total.wrong} | {total.unlabelled} | {total.stale} "
            f"| {total.misses_found}/{total.misses} | {total.crowded} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="bare mirrors' root")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="where trees are extracted")
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--repos", default="", help="comma-separated owner/name subset")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="authlint worker processes")
    parser.add_argument("--runs", type=int, default=1, help="time each repo this often (median)")
    parser.add_argument("--details", action="store_true", help="list wrong/unlabelled/missed")
    parser.add_argument(
        "--write-unlabelled", type=Path, help="write unlabelled findings here (JSON, to label)"
    )
    parser.add_argument(
        "--save-findings", action="store_true", help="keep each run's JSON in <work>/out/"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.jobs < 1:
        print("error: --runs and --jobs must be at least 1", file=sys.stderr)
        return 2
    chosen = {r.strip() for r in args.repos.split(",") if r.strip()}
    unknown = chosen - {b.repo for b in TESTBEDS}
    if unknown:
        print(f"error: unknown repo(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    try:
        labels = load_labels(args.labels)
        outcomes = []
        for bed in TESTBEDS:
            if chosen and bed.repo not in chosen:
                continue
            out = Outcome(bed)
            outcomes.append(out)
            tree, why = extract(bed, args.mirror, args.work)
            if tree is None:
                out.skipped = why
                print(f"{bed.repo}: skipped: {why}", file=sys.stderr)
                continue
            findings, out.seconds = run_authlint(tree, args.jobs)
            if args.runs > 1:  # the findings of the first run; the median wall time of all
                times = [out.seconds] + [
                    run_authlint(tree, args.jobs)[1] for _ in range(args.runs - 1)
                ]
                out.seconds = statistics.median(times)
            if args.save_findings:
                (args.work / "out").mkdir(parents=True, exist_ok=True)
                (args.work / "out" / f"{bed.slug}.json").write_text(json.dumps(findings, indent=1))
            compare(out, findings, labels, args.details)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(table(outcomes))
    for o in outcomes:
        if o.wrong_by_reason:
            print(f"\n{o.bed.repo}: wrong findings by class")
            for reason, count in o.wrong_by_reason.most_common():
                print(f"  {count:5}  {reason}: {labels.reasons[reason]}")
        if o.details:
            print(f"\n{o.bed.repo}:")
            print("\n".join(o.details))
    if args.write_unlabelled:
        dump = {o.bed.repo: o.unlabelled_items for o in outcomes if o.unlabelled_items}
        args.write_unlabelled.write_text(json.dumps(dump, indent=1) + "\n", encoding="utf-8")
    if all(o.skipped for o in outcomes):
        print("\nno snapshot found: nothing was compared", file=sys.stderr)
        return 0
    failing = sum(o.failing for o in outcomes)
    if failing:
        print(
            f"\n{failing} error-level finding(s) are unlabelled or labelled wrong", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

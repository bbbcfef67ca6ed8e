"""``authlint history [REV-RANGE]``: secrets in the added lines of past commits.

Exit 1 when a secret at error severity was ever committed, 0 otherwise, 2 when git fails (not a
repository, an unknown revision) or the configuration is bad. Findings stream out as they are
found, text or a JSON list; a progress line goes to stderr only when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from authlint.history import HistoryFinding

ROLL = {
    "live": "roll this live key: regenerate it in the Razorpay Dashboard and revoke the old one",
    "test": "roll this test key: regenerate it in the Razorpay Dashboard (test mode)",
    None: "roll this credential: it stays readable in history even after the line is deleted",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "revs",
        nargs="*",
        metavar="REV-RANGE",
        help="commits to scan, as for git log (e.g. main, v1.0..HEAD); default: all refs",
    )
    parser.add_argument(
        "--output-format",
        choices=("text", "json"),
        default="text",
        help="text (default) or a JSON list of findings",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="authlint.toml or pyproject.toml (also: AUTHLINT_CONFIG); default: the one that "
        "governs the current directory",
    )
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when secrets are found"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes for long histories (default: one per CPU; 1 disables)",
    )


def _error(message: str) -> int:
    print(f"authlint: error: {message}", file=sys.stderr)
    return 2


class Progress:
    """``scanned 1234/10000 commits`` on one rewritten stderr line, at most ten times a second."""

    def __init__(self, stream: TextIO | None, total: int | None) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.shown_at = 0.0

    def tick(self) -> None:
        self.done += 1
        if self.stream is None:
            return
        now = time.monotonic()
        if now - self.shown_at >= 0.1:
            self.shown_at = now
            of = f"/{self.total}" if self.total else ""
            self.stream.write(f"\rauthlint: scanned {self.done}{of} commits")
            self.stream.flush()

    def clear(self) -> None:
        if self.stream is not None and self.shown_at:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown_at = 0.0


def _count_commits(revs: list[str]) -> int | None:
    from authlint import gitio

    try:
        out = gitio.run_git(
            ["rev-list", "--count", *(["--end-of-options", *revs] if revs else ["--all"])]
        )
    except gitio.GitError:
        return None
    return int(out.strip() or 0)


def run(args: argparse.Namespace) -> int:
    from authlint import gitio
    from authlint.history import scan_history
    from authlint.settings_tree import SettingsTree

    # ConfigError reaches authlint.cli.main, which reports it (file and reason, exit 2).
    settings = SettingsTree(config=args.config, isolated=args.isolated).for_path(".")
    # Without a terminal the progress only counts, for the summary line.
    tty = sys.stderr.isatty()
    progress = Progress(sys.stderr, _count_commits(args.revs)) if tty else Progress(None, None)
    out = sys.stdout
    emit = _JsonWriter(out) if args.output_format == "json" else _TextWriter(out)
    errors = 0
    try:
        for found in scan_history(
            args.revs,
            settings=settings,
            on_commit=progress.tick,
            jobs=args.jobs,
        ):
            progress.clear()
            emit.write(found)
            errors += found.finding.severity == "error"
    except gitio.GitError as exc:
        progress.clear()
        emit.close()
        return _error(str(exc))
    progress.clear()
    emit.close(commits=progress.done)
    return 1 if errors and not args.exit_zero else 0


class _TextWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.modes: Counter[str | None] = Counter()
        self.commits: set[str] = set()

    def write(self, found: HistoryFinding) -> None:
        from authlint.report import visible

        finding = found.finding
        mode = found.mode
        self.modes[mode] += 1
        self.commits.add(found.commit)
        self.stream.write(
            f"{found.short} {found.date[:10]} {visible(finding.path)}:{finding.line}:"
            f"{finding.column}: {finding.code} {visible(finding.message)}\n"
        )
        if finding.snippet:
            self.stream.write(f"    {visible(finding.snippet)}\n")
        self.stream.write(f"    {ROLL[mode]}\n")

    def close(self, commits: int | None = None) -> None:
        from authlint.report import plural

        total = sum(self.modes.values())
        scanned = plural(commits or 0, "commit")
        if not total:
            self.stream.write(f"No secrets found in {scanned}.\n")
            return
        kinds = ", ".join(
            f"{self.modes[mode]} {label}"
            for mode, label in (("live", "live key"), ("test", "test key"), (None, "other"))
            if self.modes[mode]
        )
        self.stream.write(
            f"Found {plural(total, 'secret')} ({kinds}) in {len(self.commits)} of {scanned}.\n"
            "A committed key stays leaked after the line is deleted: roll (regenerate) each key"
            " above, live keys first.\n"
        )


class _JsonWriter:
    """Writes the list one object at a time, so memory does not grow with the findings."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0

    def write(self, found: HistoryFinding) -> None:
        self.stream.write("[\n  " if self.count == 0 else ",\n  ")
        self.stream.write(json.dumps(history_to_dict(found), ensure_ascii=False))
        self.count += 1

    def close(self, commits: int | None = None) -> None:
        self.stream.write("\n]\n" if self.count else "[]\n")


def history_to_dict(found: HistoryFinding) -> dict[str, Any]:
    """The JSON object of one history finding: ``check``'s keys plus commit, date and mode.
    The author is left out on purpose (names and emails are personal data)."""
    from authlint.report.json_report import finding_to_dict

    return {"commit": found.commit, "date": found.date, **finding_to_dict(found.finding)} | {
        "mode": found.mode
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m authlint.commands.history``: this command alone, without the other commands'
    parsers (the benchmark and scripts use it)."""
    from authlint.cli import main as cli_main

    return cli_main(["history", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    raise SystemExit(main())

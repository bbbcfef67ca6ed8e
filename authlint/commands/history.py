"""``authlint history [REV-RANGE]``: secrets in the added lines of past commits.

Exit 1 when a secret at error severity was ever committed, 0 otherwise, 2 when git fails (not a
repository, an unknown revision, a revision that names no commit such as `HEAD^{tree}`) or the
configuration is bad. The revisions are checked (and
their commits counted) before anything is printed, so an error is one line on stderr and nothing
on stdout. Text and JSON stream out as findings are found; SARIF, GitHub annotations, JUnit and
GitLab Code Quality are written at the end through the `check` reporters, each finding's message
naming its commit. A file whose added lines were too large to scan is listed as skipped (as
`check` lists one) and counted in the summary; the other formats also name it on stderr. A
progress line goes to stderr only when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from authlint.commands import positive_int

if TYPE_CHECKING:
    from authlint.history import HistoryFinding, SkippedDiff
    from authlint.result import Skipped

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")

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
        choices=FORMATS,
        default="text",
        metavar="FORMAT",
        help="text (default), json (a list; check's keys plus commit, date and mode), sarif, "
        "github, junit or gitlab (as for check, each message naming the commit)",
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
        type=positive_int,
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


def _count_commits(revs: list[str]) -> int:
    """The number of commits in ``revs`` (all refs when empty). This also checks the revisions
    before anything is printed: GitError carries git's reason (its `fatal:` line, not the usage
    text that follows some errors)."""
    import subprocess

    from authlint import gitio

    argv = ["git", "rev-list", "--count", *(["--end-of-options", *revs] if revs else ["--all"])]
    try:
        proc = subprocess.run(argv, capture_output=True, check=False, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise gitio.GitError("git is not installed (or not on PATH)") from None
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").splitlines()
        reason = next(
            (
                line.split(":", 1)[1].strip()
                for line in lines
                if line.startswith(("fatal:", "error:"))
            ),
            f"git rejected the revisions {' '.join(revs)!r}",
        )
        raise gitio.GitError(reason)
    return int(proc.stdout.strip() or 0)


def _not_walkable(revs: list[str]) -> str | None:
    """Why ``revs`` cannot be walked, or None. ``git rev-list`` takes a tree, a blob or a tag of
    one (`HEAD^{tree}`, `HEAD:file`) and quietly lists no commit: "0 commits" would read as a
    clean history. Each object a revision names (a range's ends too) must be a commit, or a tag
    of one. A range that is genuinely empty (`HEAD..HEAD`) is not an error."""
    import subprocess

    from authlint.report import visible

    named: list[tuple[str, str]] = []  # (revision as typed, object id)
    for rev in revs:
        proc = subprocess.run(
            ["git", "rev-parse", "--end-of-options", rev],
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        if proc.returncode != 0:
            continue  # rev-list has already said why (see _count_commits)
        for line in proc.stdout.decode("ascii", "replace").split():
            if not line.startswith("--"):  # git 2.39 echoes --end-of-options
                named.append((rev, line.lstrip("^")))
    if not named:
        return None
    # Each object, what it peels to, and the commit it peels to: "<id> <type> <size>" each, or
    # "<name> missing" when there is no such commit.
    query = "".join(f"{oid}\n{oid}^{{}}\n{oid}^{{commit}}\n" for _, oid in named)
    proc = subprocess.run(
        ["git", "cat-file", "--batch-check"],
        input=query.encode("ascii"),
        capture_output=True,
        check=False,
    )
    answers = proc.stdout.decode("ascii", "replace").splitlines()
    if proc.returncode != 0 or len(answers) != 3 * len(named):
        return None  # cannot tell: let the walk go on as before
    for at, (rev, _) in enumerate(named):
        own, peeled, commit = (answer.split() for answer in answers[3 * at : 3 * at + 3])
        if commit[-1] != "missing":
            continue
        kind = peeled[1] if len(peeled) == 3 else "object"
        if len(own) == 3 and own[1] == "tag":
            kind = f"tag of a {kind}"
        return (
            f"{visible(rev)!r} is a {kind}, not a commit: history walks commits "
            "(give a branch, a tag of a commit, or a range such as main~10..main)"
        )
    return None


def run(args: argparse.Namespace) -> int:
    from authlint import gitio
    from authlint.history import scan_history
    from authlint.settings_tree import SettingsTree

    revs = list(args.revs)
    if "--" in revs:
        paths = revs[revs.index("--") + 1 :]
        if paths:
            return _error(
                f"paths after `--` are not supported ({' '.join(paths)}): history scans whole "
                "commits; narrow it with a revision range, or use `extend-exclude`"
            )
        revs.remove("--")
    # ConfigError reaches authlint.cli.main, which reports it (file and reason, exit 2).
    settings = SettingsTree(config=args.config, isolated=args.isolated).for_path(".")
    try:
        total = _count_commits(revs)
    except gitio.GitError as exc:
        return _error(str(exc))
    unwalkable = _not_walkable(revs) if revs else None
    if unwalkable is not None:
        return _error(unwalkable)
    tty = sys.stderr.isatty()
    progress = Progress(sys.stderr if tty else None, total)
    out = sys.stdout
    emit: _TextWriter | _JsonWriter | _ReportWriter
    if args.output_format == "json":
        emit = _JsonWriter(out)
    elif args.output_format == "text":
        emit = _TextWriter(out)
    else:
        emit = _ReportWriter(out, args.output_format)
    errors = 0

    def skip(skipped: SkippedDiff) -> None:
        # As check lists a file it could not scan: never dropped silently. The machine formats
        # keep their shape, so the file is also named on stderr for whoever reads the log.
        progress.clear()
        emit.skip(skipped)
        if args.output_format != "text":
            from authlint.report import visible

            print(
                f"authlint: warning: skipped {visible(skipped.path)} in commit {skipped.short}: "
                f"{skipped.reason}",
                file=sys.stderr,
            )

    try:
        for found in scan_history(
            revs,
            settings=settings,
            on_commit=progress.tick,
            jobs=args.jobs,
            on_skip=skip,
        ):
            progress.clear()
            emit.write(found)
            errors += found.finding.severity == "error"
    except gitio.GitError as exc:
        progress.clear()
        emit.abort()
        return _error(str(exc))
    progress.clear()
    # The count of the range, as the progress line showed it ("scanned N/total").
    emit.close(commits=total)
    return 1 if errors and not args.exit_zero else 0


class _TextWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.modes: Counter[str | None] = Counter()
        self.commits: set[str] = set()
        self.skipped: Counter[str] = Counter()  # reason category -> files

    def skip(self, skipped: SkippedDiff) -> None:
        from authlint.report import skip_reason, visible

        self.skipped[skip_reason(skipped.reason)] += 1
        self.stream.write(
            f"{skipped.short} {skipped.date[:10]} {visible(skipped.path)}: skipped "
            f"({visible(skipped.reason)})\n"
        )

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

    def abort(self) -> None:
        """After a failure: no summary (it would claim a clean history)."""

    def close(self, commits: int | None = None) -> None:
        from authlint.report import plural

        total = sum(self.modes.values())
        scanned = plural(commits or 0, "commit")
        if self.skipped:
            # check's summary: "1 file scanned, 1 skipped: 1 too large".
            detail = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
            scanned += f"; {plural(sum(self.skipped.values()), 'file')} skipped: {detail}"
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

    def skip(self, skipped: SkippedDiff) -> None:
        """The list holds findings only (the contract): skipped files are named on stderr."""

    def write(self, found: HistoryFinding) -> None:
        self.stream.write("[\n  " if self.count == 0 else ",\n  ")
        self.stream.write(json.dumps(history_to_dict(found), ensure_ascii=False))
        self.count += 1

    def abort(self) -> None:
        """After a failure: end a list already begun so it still parses; never print `[]`."""
        if self.count:
            self.stream.write("\n]\n")

    def close(self, commits: int | None = None) -> None:
        self.stream.write("\n]\n" if self.count else "[]\n")


class _ReportWriter:
    """The `check` reporters (SARIF, GitHub, JUnit, GitLab) over the history's findings: each
    message names the commit and date, and SARIF results carry the commit as a property."""

    def __init__(self, stream: TextIO, fmt: str) -> None:
        self.stream = stream
        self.fmt = fmt
        self.found: list[HistoryFinding] = []
        self.skipped: list[Skipped] = []

    def skip(self, skipped: SkippedDiff) -> None:
        from authlint.result import Skipped

        reason = f"{skipped.reason} in commit {skipped.short}"
        self.skipped.append(Skipped(skipped.path, reason))

    def write(self, found: HistoryFinding) -> None:
        self.found.append(found)

    def abort(self) -> None:
        self.found.clear()
        self.skipped.clear()

    def close(self, commits: int | None = None) -> None:
        import io

        from authlint.report import report
        from authlint.result import ScanResult

        findings = [
            found.finding.replace(
                message=f"{found.finding.message} (commit {found.short}, {found.date[:10]}; "
                f"{ROLL[found.mode]})",
            )
            for found in self.found
        ]
        commit_of = {id(f): h.commit for f, h in zip(findings, self.found, strict=True)}
        ordered = sorted(findings)
        result = ScanResult(
            findings=tuple(ordered), skipped=tuple(sorted(self.skipped)), files_scanned=commits or 0
        )
        if self.fmt != "sarif":
            report(result, self.fmt, self.stream)
            return
        buffer = io.StringIO()
        report(result, self.fmt, buffer)
        document = json.loads(buffer.getvalue())
        # results are in findings order: add the commit to each.
        for item, finding in zip(document["runs"][0]["results"], ordered, strict=True):
            item.setdefault("properties", {})["commit"] = commit_of[id(finding)]
        json.dump(document, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")


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

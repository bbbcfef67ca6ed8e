"""flake8/ruff-style text: ``path:line:col: CODE message``, the redacted snippet, a summary."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from authlint.codes import Code, Severity, rule
from authlint.finding import Finding
from authlint.report import ReportOptions, plural, skip_reason, visible
from authlint.result import ScanResult

# flake8's swap: every format string takes all keys, and "off" maps them to "".
COLORS = {
    "bold": "\033[1m",
    "reset": "\033[m",
    "error": "\033[1;31m",
    "warning": "\033[1;33m",
    "sep": "\033[36m",
    "dim": "\033[2m",
    "ok": "\033[1;32m",
}
COLORS_OFF = dict.fromkeys(COLORS, "")

FINDING_FORMAT = (
    "{bold}{path}{reset}{sep}:{reset}{line}{sep}:{reset}{column}{sep}:{reset} "
    "{level}{code}{reset} {marker}{message}"
)
FIX_MARKER = "[*] "


def report_text(result: ScanResult, stream: TextIO, options: ReportOptions) -> None:
    colors = COLORS if options.color else COLORS_OFF
    write = stream.write
    if options.statistics:
        write(statistics(result.findings))
    else:
        for finding in result.findings:
            write(format_finding(finding, colors))
    if options.show_fixes:
        write(fixable_listing(result.findings))
    for skipped in result.skipped:
        # Binary files are expected and only counted; anything else may hide a finding.
        if skip_reason(skipped.reason) != "binary":
            write(f"{visible(skipped.path)}: skipped ({visible(skipped.reason)})\n")
    if options.quiet:
        return
    if result.stale:
        noun = "entry" if len(result.stale) == 1 else "entries"
        write(
            f"{len(result.stale)} stale baseline {noun}"
            " (matched nothing; refresh with --write-baseline):\n"
        )
        for entry in result.stale:
            write(f"  {visible(entry)}\n")
    write(summary(result, colors))


def format_finding(finding: Finding, colors: dict[str, str]) -> str:
    level = colors["error" if finding.severity is Severity.ERROR else "warning"]
    head = FINDING_FORMAT.format(
        path=visible(finding.path),
        line=finding.line,
        column=finding.column,
        code=finding.code,
        level=level,
        marker=FIX_MARKER if finding.fix is not None else "",
        message=visible(finding.message),
        **colors,
    )
    if not finding.snippet:
        return head + "\n"
    return f"{head}\n    {colors['dim']}{visible(finding.snippet)}{colors['reset']}\n"


def summary(result: ScanResult, colors: dict[str, str]) -> str:
    scanned = plural(result.files_scanned, "file") + " scanned"
    if result.skipped:
        reasons = Counter(skip_reason(s.reason) for s in result.skipped)
        detail = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        scanned += f", {len(result.skipped)} skipped: {detail}"
    lines = []
    if result.findings:
        counts = []
        if result.errors:
            counts.append(plural(result.errors, "error"))
        if result.warnings:
            counts.append(plural(result.warnings, "warning"))
        files = len({f.path for f in result.findings})
        level = colors["error" if result.errors else "warning"]
        lines.append(
            f"{level}Found {', '.join(counts)}{colors['reset']} in {plural(files, 'file')}"
            f" ({scanned})."
        )
        fixable = sum(1 for f in result.findings if f.fix is not None)
        if fixable:
            lines.append(f"{FIX_MARKER}{fixable} fixable with `authlint check --fix`.")
    else:
        lines.append(f"{colors['ok']}All clear{colors['reset']}: {scanned}.")
    if result.suppressed:
        lines.append(f"{result.suppressed} suppressed (inline comments, allowlist or baseline).")
    return "".join(line + "\n" for line in lines)


def statistics(findings: tuple[Finding, ...]) -> str:
    """ruff's ``--statistics``: count, code and name per code, most frequent first."""
    counts = Counter(f.code for f in findings)
    if not counts:
        return ""
    fixable = {f.code for f in findings if f.fix is not None}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    count_width = len(str(rows[0][1]))
    code_width = max(len(code) for code in counts)
    out = []
    for code, count in rows:
        marker = ("[*] " if code in fixable else "[ ] ") if fixable else ""
        out.append(f"{count:>{count_width}}\t{code:<{code_width}}\t{marker}{rule(code).name}\n")
    return "".join(out)


def fixable_listing(findings: tuple[Finding, ...]) -> str:
    """Fixable findings per file and code, like ruff's ``--show-fixes``.

    The replacement text itself is not shown: a rewritten Basic value still holds the encoded
    credentials; ``authlint check --diff`` shows fixes on the user's own terminal.
    """
    per_file: dict[str, Counter[Code]] = {}
    for finding in findings:
        if finding.fix is not None:
            per_file.setdefault(finding.path, Counter())[finding.code] += 1
    if not per_file:
        return ""
    total = sum(sum(c.values()) for c in per_file.values())
    out = [f"Fixable with `authlint check --fix` ({total}):\n"]
    for path, codes in per_file.items():
        out.append(f"- {visible(path)}:\n")
        for code, count in sorted(codes.items()):
            out.append(f"    {count} x {code} ({rule(code).name})\n")
    return "".join(out)

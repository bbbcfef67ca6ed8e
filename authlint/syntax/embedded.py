"""Code embedded in a file of another kind, as regions of the host text.

A GitHub Actions step's `run:` is a shell script (bash, unless the step or the job's defaults
name another shell: docs "Workflow syntax for GitHub Actions", jobs.<job_id>.steps[*].run and
.shell). Its text goes to the shell readers and to the shell lowering as it stands in the
workflow, so every offset is the workflow's own (authlint/kinds.py: Kind.embeds).
"""

from __future__ import annotations

import re
from typing import Final

# A workflow (`jobs:`) or a composite action (`runs:`) at the top level: its steps run scripts.
_WORKFLOW_TEXT: Final = re.compile(r"(?m)^(?:jobs|runs)[ \t]*:[ \t]*(?:#.*)?$")
# `run:` as a step's key (`- run: ...` or a key of the step's mapping), then its value on the line:
# a block scalar's header (`|`, `>-`, `|2`), or a plain scalar.
_RUN: Final = re.compile(
    r"(?m)^(?P<indent>[ \t]{0,200}(?:-[ \t]{1,8})?)run[ \t]*:[ \t]*"
    r"(?:(?P<block>[|>][+-]?[0-9]?[+-]?)[ \t]*(?:#[^\n]*)?$|(?P<plain>[^\s|>'\"#&*!%@`{\[][^\n]*))"
)
# Only a POSIX shell (bash is the runners' default) reads the script as shell.
_SHELL_KEY: Final = re.compile(r"[ \t]*shell[ \t]*:[ \t]*(?P<shell>[A-Za-z0-9_-]*)")
_POSIX_SHELLS: Final = frozenset({"", "bash", "sh"})
# Bounds: regions per file, and the lines looked at around a `run:` for its step's `shell:`.
_MAX_REGIONS: Final = 2000
_STEP_LINES: Final = 60


def inside(regions: list[tuple[int, int]], offset: int) -> bool:
    """Is ``offset`` inside one of ``regions`` (in order and disjoint, as run_scripts gives)?"""
    from bisect import bisect_right

    i = bisect_right(regions, (offset, 1 << 62)) - 1
    return i >= 0 and offset < regions[i][1]


def is_workflow(text: str) -> bool:
    return "steps" in text and _WORKFLOW_TEXT.search(text) is not None


def run_scripts(text: str) -> list[tuple[int, int]]:
    """The character ranges of the shell scripts in a workflow's `run:` steps, each ending with
    its last line's line end (so that two scripts never run into one command)."""
    if "run" not in text or not is_workflow(text):
        return []
    regions: list[tuple[int, int]] = []
    lines: list[int] | None = None
    for found in _RUN.finditer(text):
        if len(regions) >= _MAX_REGIONS:
            break
        if lines is None:
            lines = [m.start() for m in re.finditer(r"(?m)^", text)]
        if not _posix_step(text, lines, found):
            continue
        if found.group("plain") is not None:
            end = found.end("plain")
            regions.append((found.start("plain"), min(len(text), end + 1)))
            continue
        region = _block(text, found.end(), _key_indent(found))
        if region is not None:
            regions.append(region)
    return regions


def _key_indent(found: re.Match[str]) -> int:
    """The column of the `run` key (after a list item's `- `)."""
    return len(found.group("indent"))


def _block(text: str, pos: int, indent: int) -> tuple[int, int] | None:
    """The body of the block scalar whose header line ends at ``pos``: the lines indented deeper
    than its key (blank lines inside it included), up to the last such line's line end."""
    start = pos + 1
    if start >= len(text):
        return None
    end = start
    at = start
    while at < len(text):
        line_end = text.find("\n", at)
        line_end = len(text) if line_end == -1 else line_end
        line = text[at:line_end]
        stripped = line.lstrip(" \t")
        if stripped and len(line) - len(stripped) <= indent:
            break
        if stripped:
            end = min(len(text), line_end + 1)
        at = line_end + 1
    return (start, end) if end > start else None


def _posix_step(text: str, lines: list[int], found: re.Match[str]) -> bool:
    """No `shell:` key of the same step names a shell other than bash or sh (`pwsh`, `python`).
    The step is the list item holding the `run` key; its keys sit at the `run` key's column."""
    from bisect import bisect_right

    column = _key_indent(found)
    row = bisect_right(lines, found.start()) - 1
    if not found.group("indent").rstrip(" \t").endswith("-"):
        # Up to the item's `- ` line: two columns left of the keys.
        for _ in range(_STEP_LINES):
            if row == 0:
                break
            line = _line(text, lines, row - 1)
            stripped = line.lstrip(" \t")
            if stripped and not stripped.startswith("#") and len(line) - len(stripped) < column:
                if stripped.startswith("-") and len(line) - len(stripped) == column - 2:
                    row -= 1
                break
            row -= 1
    for at in range(row, min(len(lines), row + _STEP_LINES)):
        line = _line(text, lines, at)
        stripped = line.lstrip(" \t")
        if stripped.startswith("- ") and at == row:
            line = " " * (len(line) - len(stripped) + 2) + stripped[2:].lstrip(" \t")
            stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if indent < column:
            break
        key = _SHELL_KEY.match(line) if indent == column else None
        if key is not None:
            return key.group("shell").lower() in _POSIX_SHELLS
    return True


def _line(text: str, lines: list[int], row: int) -> str:
    end = lines[row + 1] - 1 if row + 1 < len(lines) else len(text)
    return text[lines[row] : end]

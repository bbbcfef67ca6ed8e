"""Code embedded in a file of another kind, as regions of the host text.

A CI file's commands are shell: GitLab CI, Travis CI and Bitbucket Pipelines run each `script:`
item in a POSIX shell (GitLab's docs, "`script`": "the shell commands the runner executes"),
and a GitHub Actions step's `run:` is a shell script (bash, unless the step or the job's defaults
name another shell: docs "Workflow syntax for GitHub Actions", jobs.<job_id>.steps[*].run and
.shell). Its text goes to the shell readers and to the shell lowering as it stands in the
workflow, so every offset is the workflow's own (authlint/kinds.py: Kind.embeds).
"""

from __future__ import annotations

import re
from typing import Final

from authlint.lazyre import lazy

# A workflow (`jobs:`) or a composite action (`runs:`) at the top level: its steps run scripts.
_WORKFLOW_TEXT: Final = lazy(r"(?m)^(?:jobs|runs)[ \t]*:[ \t]*(?:#.*)?$")
# `run:` as a step's key (`- run: ...` or a key of the step's mapping), then its value on the line:
# a block scalar's header (`|`, `>-`, `|2`), or a plain scalar.
_RUN: Final = lazy(
    r"(?m)^(?P<indent>[ \t]{0,200}(?:-[ \t]{1,8})?)run[ \t]*:[ \t]*"
    r"(?:(?P<block>[|>][+-]?[0-9]?[+-]?)[ \t]*(?:#[^\n]*)?$|(?P<plain>[^\s|>'\"#&*!%@`{\[][^\n]*))"
)
# Only a POSIX shell (bash is the runners' default) reads the script as shell.
_SHELL_KEY: Final = lazy(r"[ \t]*shell[ \t]*:[ \t]*(?P<shell>[A-Za-z0-9_-]*)")
_POSIX_SHELLS: Final = frozenset({"", "bash", "sh"})
# Bounds: regions per file, and the lines looked at around a `run:` for its step's `shell:`.
_MAX_REGIONS: Final = 2000
_STEP_LINES: Final = 60


def inside(regions: list[tuple[int, int]], offset: int) -> bool:
    """Is ``offset`` inside one of ``regions`` (in order and disjoint, as run_scripts gives)?"""
    return block_at(regions, offset) is not None


def block_at(regions: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The region of ``regions`` (in order and disjoint) that holds ``offset``, if one does."""
    from bisect import bisect_right

    i = bisect_right(regions, (offset, 1 << 62)) - 1
    return regions[i] if i >= 0 and offset < regions[i][1] else None


def is_workflow(text: str) -> bool:
    return "steps" in text and _WORKFLOW_TEXT.search(text) is not None


# GitHub Actions fills in `${{ <context>.<name> }}` and nothing else: `{{ secrets.TOKEN }}`
# without its `$` reaches the shell (or the environment) as written. Its contexts:
# docs.github.com/actions/learn-github-actions/contexts.
_BARE_EXPRESSION: Final = lazy(
    r"(?<!\$)\{\{[ \t]*(?:github|env|vars|secrets|inputs|steps|needs|matrix|strategy|job|jobs"
    r"|runner)\."
)


def bare_expression(value: str) -> bool:
    """Does ``value`` (from a GitHub workflow) hold an expression that lost its `$`?"""
    return "{{" in value and _BARE_EXPRESSION.search(value) is not None


def ci_scripts(text: str) -> list[tuple[int, int]]:
    """The shell scripts of a CI file: a GitHub workflow's `run:` steps and the `script:`,
    `before_script:` and `after_script:` commands of GitLab CI, Travis CI and Bitbucket
    Pipelines, in order."""
    regions = run_scripts(text) + script_items(text)
    if not regions:
        return []
    regions.sort()
    out = [regions[0]]
    for start, end in regions[1:]:  # disjoint, as `inside` needs
        if start >= out[-1][1]:
            out.append((start, end))
    return out[:_MAX_REGIONS]


# `script:` and its before/after variants, then what follows on the line: nothing (a list or
# a block below), a block scalar's header, or a scalar.
_SCRIPT_KEY: Final = lazy(
    r"(?m)^(?P<indent>[ \t]{0,200})(?:before_|after_)?script[ \t]*:[ \t]*"
    r"(?:(?P<block>[|>][+-]?[0-9]?[+-]?)[ \t]*(?:#[^\n]*)?$|(?P<value>[^\s#\[{][^\n]*)?$)"
)
# A list item of the script: `- command`, `- 'command'`, `- "command"`, or `- |` and a block.
_ITEM: Final = lazy(
    r"(?P<indent>[ \t]{0,200})-[ \t]+"
    r"(?:(?P<block>[|>][+-]?[0-9]?[+-]?)[ \t]*(?:#[^\n]*)?$|(?P<value>[^\n]+))"
)


def script_items(text: str) -> list[tuple[int, int]]:
    """The commands under `script:` keys (GitLab CI, Travis CI, Bitbucket Pipelines run each
    item in a POSIX shell), each as the range of its command text."""
    if "script" not in text:
        return []
    regions: list[tuple[int, int]] = []
    for found in _SCRIPT_KEY.finditer(text):
        if len(regions) >= _MAX_REGIONS:
            break
        indent = len(found.group("indent"))
        if found.group("block") is not None:
            region = _block(text, found.end(), indent)
            if region is not None:
                regions.append(region)
        elif found.group("value") is not None:
            _scalar(text, found.start("value"), found.end("value"), regions)
        else:
            _items(text, found.end() + 1, indent, regions)
    return regions


def _items(text: str, pos: int, indent: int, regions: list[tuple[int, int]]) -> None:
    """The `- ` items of the sequence starting at ``pos`` (at the key's column or deeper)."""
    while pos < len(text) and len(regions) < _MAX_REGIONS:
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end == -1 else line_end
        line = text[pos:line_end]
        stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            pos = line_end + 1
            continue
        item = _ITEM.match(text, pos, line_end)
        if item is None or len(item.group("indent")) < indent:
            return
        if item.group("block") is not None:
            region = _block(text, item.end(), len(item.group("indent")) + 1)
            if region is not None:
                regions.append(region)
                pos = region[1]
                continue
        else:
            _scalar(text, item.start("value"), item.end("value"), regions)
        pos = line_end + 1


def _scalar(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> None:
    """A one-line command: plain, or quoted without escapes (its text is then the command's,
    offset for offset); a quoted one with escapes is left to the YAML readers."""
    value = text[start:end].rstrip(" \t\r")
    if not value:
        return
    quote = value[0]
    if quote in "'\"":
        body = value[1:]
        close = body.find(quote)
        if close == -1 or close != len(body) - 1 or (quote == '"' and "\\" in body):
            return  # an escape, a comment after it, or a scalar continued on the next line
        regions.append((start + 1, start + 1 + close))
        if text.startswith("\n", end):
            # The line end on its own: the parser reads the regions as one text, and the next
            # command must not run into this one.
            regions.append((end, end + 1))
        return
    if value[0] in "&*!%@`|>{[":
        return
    comment = value.find(" #")
    if comment != -1:
        regions.append((start, start + comment))
    else:  # to its line end, as a `run:` scalar: two commands never run into one
        regions.append((start, min(len(text), end + 1)))


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

"""Where a Markdown document says that what it shows is wrong: its counter-examples.

API docs and READMEs list the mistakes they warn about (`Authorization: basic ...` under
"Common mistakes", a table column headed "Wrong", "Don't send `BASIC x`", a block labelled
"Invalid:"). Those values are malformed on purpose; reporting them teaches people to ignore the
linter. A value is a counter-example when the document says so in its structure:

- its own line (a sentence, a table row) holds a word of the vocabulary below;
- its table column's head does ("| Wrong | Right |");
- the heading of its section does ("## Common mistakes");
- for a fenced block, the label line just above the fence does ("Invalid:", "**Wrong**").

The vocabulary is the one table of such words. Only the structure of the document is read here
(lines, ATX headings, pipe tables); the header check reads the resulting flag on the value
(``Value.shown_wrong``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Final

from authlint.lazyre import lazy

# Words with which documentation marks what it shows as wrong. Whole words, any case. The
# negations ("don't", "never") count only on the value's own line: a label or heading with
# them ("Never commit your key") says nothing about the example under it.
_WRONG: Final = (
    r"invalid|incorrect|wrong|mistakes?|pitfalls?|rejected|not\s+valid|bad\s+example"
    r"|anti-?patterns?|gotchas?"
)
_MARKS: Final = "\u274c|\u2717|\u2718|\U0001f6ab|\u26d4"  # the cross and no-entry signs
_NEGATIONS: Final = r"don'?t|do\s+not|never|avoid"
_SAYS_WRONG: Final = lazy(rf"(?i)\b(?:{_WRONG})\b|{_MARKS}")
_SAYS_WRONG_HERE: Final = lazy(rf"(?i)\b(?:{_WRONG}|{_NEGATIONS})\b|{_MARKS}")

_HEADING: Final = lazy(r"(?m)^[ ]{0,3}#{1,6}[ \t]+[^\n]*")
_DELIMITER_ROW: Final = lazy(
    r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$"
)
# A label above a fence: a short line of its own, not a paragraph.
_MAX_LABEL: Final = 120
# Table rows looked through for the head row: a longer table's head is too far to read it.
_MAX_ROWS: Final = 200


class Outline:
    """One document's headings, found once; questions by character offset."""

    __slots__ = ("_heads", "_labels", "_line", "_starts", "_tables", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        # (offset, level, says wrong) of each ATX heading, in order.
        self._heads: list[tuple[int, int, bool]] | None = None
        self._starts: list[int] = []
        self._labels: dict[int, bool] = {}  # fence offset -> its label says wrong
        self._tables: dict[int, list[bool]] = {}  # table row start -> its columns' heads
        self._line: _Line | None = None

    def _headings(self) -> list[tuple[int, int, bool]]:
        """Each ATX heading's offset, level, and whether its section is marked wrong: by its
        own words or by a heading of a section holding it (one pass, with the open sections
        on a stack)."""
        if self._heads is None:
            heads: list[tuple[int, int, bool]] = []
            open_sections: list[tuple[int, bool]] = []  # (level, marked), levels increasing
            for m in _HEADING.finditer(self._text):
                line = m.group().lstrip()
                level = len(line) - len(line.lstrip("#"))
                while open_sections and open_sections[-1][0] >= level:
                    open_sections.pop()
                marked = _SAYS_WRONG.search(line) is not None or bool(
                    open_sections and open_sections[-1][1]
                )
                open_sections.append((level, marked))
                heads.append((m.start(), level, marked))
            self._heads = heads
            self._starts = [start for start, _, _ in heads]
        return self._heads

    def _section_says_wrong(self, offset: int) -> bool:
        """The heading of the value's section, or of a section holding that one."""
        heads = self._headings()
        at = bisect_right(self._starts, offset) - 1
        return at >= 0 and heads[at][2]

    def shown_wrong(self, offset: int, fence: int | None = None) -> bool:
        """Does the document mark the value at ``offset`` as wrong? ``fence``: the offset of
        the opening fence of the code block holding it, if one does."""
        if self._section_says_wrong(offset):
            return True
        if fence is not None:
            label = self._labels.get(fence)
            if label is None:
                label = self._labels[fence] = self._label_says_wrong(fence)
            return label
        line = self._line
        if line is None or not line.start <= offset <= line.end:
            line = self._line = _Line(self._text, offset)
        if line.says_wrong:
            return True
        if line.pipes is None:
            return False
        if line.heads is None:
            line.heads = self._column_heads(line.start)
        column = bisect_right(line.pipes, offset) - (1 if line.leading_pipe else 0)
        return 0 <= column < len(line.heads) and line.heads[column]

    def _label_says_wrong(self, fence: int) -> bool:
        """The last non-blank line above the fence, when it is a short line of its own."""
        text = self._text
        end = text.rfind("\n", 0, fence)
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            if text[start:end].strip():
                return (
                    end - start <= _MAX_LABEL and _SAYS_WRONG.search(text, start, end) is not None
                )
            end = start - 1
        return False

    def _column_heads(self, row_start: int) -> list[bool]:
        """In a pipe table, for each column: does its head say wrong? Found by walking up to
        the delimiter row (once per table: the rows passed on the way share the answer)."""
        text = self._text
        passed: list[int] = []
        start = row_start
        heads: list[bool] = []
        for _ in range(_MAX_ROWS):
            known = self._tables.get(start)
            if known is not None:
                heads = known
                break
            passed.append(start)
            if start == 0:
                break
            above = text.rfind("\n", 0, start - 1) + 1
            line = text[above : start - 1]
            if "|" not in line:
                break  # the table ended before a delimiter row was met
            if _DELIMITER_ROW.match(line):
                head_start = text.rfind("\n", 0, above - 1) + 1 if above else 0
                cells = _cells(text[head_start : max(head_start, above - 1)])
                heads = [_SAYS_WRONG.search(cell) is not None for cell in cells]
                break
            start = above
        for row in passed:
            self._tables[row] = heads
        return heads


class _Line:
    """The line holding an offset: whether it says wrong, and its cell borders if it is a table
    row. Several values on one line (a long table row, a minified page) share one."""

    __slots__ = ("end", "heads", "leading_pipe", "pipes", "says_wrong", "start")

    def __init__(self, text: str, offset: int) -> None:
        self.start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        self.end = len(text) if end == -1 else end
        self.says_wrong = _SAYS_WRONG_HERE.search(text, self.start, self.end) is not None
        self.pipes: list[int] | None = None
        self.leading_pipe = False
        self.heads: list[bool] | None = None
        first = _FIRST_NON_BLANK.match(text, self.start, self.end)
        if first is not None and first.group() == "|":
            self.leading_pipe = True
            self.pipes = [m.start() for m in _PIPE.finditer(text, self.start, self.end)]


_FIRST_NON_BLANK: Final = lazy(r"[ \t]*\S")
_PIPE: Final = lazy(r"(?<!\\)\|")


def _cells(row: str) -> list[str]:
    """The cells of a pipe-table row (a leading pipe is optional, as in GFM)."""
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return row.split("|")

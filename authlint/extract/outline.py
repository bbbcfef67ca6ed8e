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

    __slots__ = ("_heads", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        # (offset, level, says wrong) of each ATX heading, in order.
        self._heads: list[tuple[int, int, bool]] | None = None
        self._starts: list[int] = []

    def _headings(self) -> list[tuple[int, int, bool]]:
        if self._heads is None:
            self._heads = []
            for m in _HEADING.finditer(self._text):
                line = m.group().lstrip()
                level = len(line) - len(line.lstrip("#"))
                self._heads.append((m.start(), level, _SAYS_WRONG.search(line) is not None))
            self._starts = [start for start, _, _ in self._heads]
        return self._heads

    def _section_says_wrong(self, offset: int) -> bool:
        """The heading of the value's section, or of a section holding that one."""
        heads = self._headings()
        at = bisect_right(self._starts, offset) - 1
        level = 7
        while at >= 0:
            _, depth, says = heads[at]
            if depth < level:
                if says:
                    return True
                level = depth
            at -= 1
        return False

    def shown_wrong(self, offset: int, fence: int | None = None) -> bool:
        """Does the document mark the value at ``offset`` as wrong? ``fence``: the offset of
        the opening fence of the code block holding it, if one does."""
        if self._section_says_wrong(offset):
            return True
        if fence is not None:
            return self._label_says_wrong(fence)
        text = self._text
        line_start = text.rfind("\n", 0, offset) + 1
        line = text[line_start : _line_end(text, offset)]
        if _SAYS_WRONG_HERE.search(line):
            return True
        return line.lstrip().startswith("|") and self._column_says_wrong(line_start, offset)

    def _label_says_wrong(self, fence: int) -> bool:
        """The last non-blank line above the fence, when it is a short line of its own."""
        text = self._text
        end = text.rfind("\n", 0, fence)
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            if line.strip():
                return len(line) <= _MAX_LABEL and _SAYS_WRONG.search(line) is not None
            end = start - 1
        return False

    def _column_says_wrong(self, row_start: int, offset: int) -> bool:
        """In a pipe table: the head of the column the value's cell is in."""
        text = self._text
        column = _cells_before(text[row_start:offset])
        start = row_start
        for _ in range(_MAX_ROWS):
            if start == 0:
                return False
            above = text.rfind("\n", 0, start - 1) + 1
            line = text[above : start - 1]
            if not line.lstrip().startswith("|") and "|" not in line:
                return False  # the table ended before a delimiter row was met
            if _DELIMITER_ROW.match(line):
                head_start = text.rfind("\n", 0, above - 1) + 1 if above else 0
                cells = _cells(text[head_start : max(head_start, above - 1)])
                return column < len(cells) and _SAYS_WRONG.search(cells[column]) is not None
            start = above
        return False


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end


def _cells(row: str) -> list[str]:
    """The cells of a pipe-table row (a leading pipe is optional, as in GFM)."""
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return row.split("|")


def _cells_before(prefix: str) -> int:
    """The index of the cell that ``prefix`` (the row up to the value) ends in."""
    prefix = prefix.lstrip()
    count = prefix.count("|") - prefix.count("\\|")
    return count - 1 if prefix.startswith("|") else count

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

# Words with which documentation marks what it shows as wrong. Whole words, any case. These
# mark a heading's section, a table column, a label above a block, and the paragraph a value
# is in ("This will fail", "Symptom | Cause", "## Common problems"). Not "Troubleshooting":
# such a section holds the commands that check a key as well as the mistakes.
_WRONG: Final = (
    r"invalid|incorrect|wrong|mistakes?|pitfalls?|rejected|rejects|not\s+valid|bad\s+example"
    r"|anti-?patterns?|gotchas?|symptoms?|causes?|problems?|errors?"
    r"|fail(?:s|ed|ures?)?|broken|(?:doesn'?t|does\s+not|won'?t|will\s+not)\s+work"
)
_MARKS: Final = "\u274c|\u2717|\u2718|\U0001f6ab|\u26d4"  # the cross and no-entry signs
# These count only on the value's own line: a label, heading or paragraph with them ("Never
# commit your key", "requests without it get a 401") says nothing about an example beside it.
_HERE_ONLY: Final = r"don'?t|do\s+not|never|avoid|401|403|unauthori[sz]ed"
_SAYS_WRONG: Final = lazy(rf"(?i)\b(?:{_WRONG})\b|{_MARKS}")
_SAYS_WRONG_HERE: Final = lazy(rf"(?i)\b(?:{_WRONG}|{_HERE_ONLY})\b|{_MARKS}")
# A paragraph is read this many lines up and down from the value's line at most.
_PARAGRAPH_LINES: Final = 8
# A line that ends a paragraph: blank, a fence, a heading, a table row.
_BREAK: Final = lazy(r"[ \t]*(?:$|```|~~~|#|\|)")

# An ATX heading line after a newline: the literal first character lets the regex engine skip
# from line end to line end (`^` with MULTILINE tries every position); the first line apart.
_HEADING: Final = lazy(r"[ ]{0,3}#{1,6}[ \t]+[^\n]*")
_NEXT_HEADING: Final = lazy(r"\n(?P<line>[ ]{0,3}#{1,6}[ \t]+[^\n]*)")
_DELIMITER_ROW: Final = lazy(
    r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$"
)
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
            first = _HEADING.match(self._text)
            found = [(0, first.group())] if first is not None else []
            found += [(m.start("line"), m["line"]) for m in _NEXT_HEADING.finditer(self._text)]
            for start, heading in found:
                line = heading.lstrip()
                level = len(line) - len(line.lstrip("#"))
                while open_sections and open_sections[-1][0] >= level:
                    open_sections.pop()
                marked = _SAYS_WRONG.search(line) is not None or bool(
                    open_sections and open_sections[-1][1]
                )
                open_sections.append((level, marked))
                heads.append((start, level, marked))
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
            return _sentence_says_wrong(self._text, offset)
        if line.heads is None:
            line.heads = self._column_heads(line.start)
        column = bisect_right(line.pipes, offset) - 1  # the row's leading pipe opens cell 0
        return 0 <= column < len(line.heads) and line.heads[column]

    def _label_says_wrong(self, fence: int) -> bool:
        """The paragraph that introduces the block: the lines just above the fence, up to a
        blank line ("Invalid:", "This will fail in 3.0 at construction time:")."""
        text = self._text
        end = text.rfind("\n", 0, fence)
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            if text[start:end].strip():
                # The paragraph's words; a negation only in the sentence that introduces the
                # block ("Avoid building it this way:"; not "Never commit the key. Send:").
                return _paragraph_says_wrong(text, start, end, below=False) or (
                    _last_sentence_says_wrong(text, end)
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

    __slots__ = ("end", "heads", "pipes", "says_wrong", "start")

    def __init__(self, text: str, offset: int) -> None:
        self.start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        self.end = len(text) if end == -1 else end
        self.pipes: list[int] | None = None
        self.heads: list[bool] | None = None
        first = _FIRST_NON_BLANK.match(text, self.start, self.end)
        if first is not None and first.group() == "|":
            # A table row: its own words (a "401" in the next cell), then its column's head.
            self.pipes = [m.start() for m in _PIPE.finditer(text, self.start, self.end)]
            self.says_wrong = _SAYS_WRONG_HERE.search(text, self.start, self.end) is not None
        else:
            # Prose: the paragraph's words; the sentence's, value by value (shown_wrong).
            self.says_wrong = _paragraph_says_wrong(text, self.start, self.end)


# A sentence ends at `.`, `!` or `?` before a blank (a host's or a file name's dots do not);
# looked for this far from the value at most.
_SENTENCE_END: Final = lazy(r"[.!?](?=\s)")
_SENTENCE_REACH: Final = 400


def _sentence_says_wrong(text: str, offset: int) -> bool:
    """The sentence holding ``offset``, within its paragraph's reach: "If you send X, the API
    answers 401" marks X; "Requests without it get a 401. Send X" does not."""
    low = max(0, offset - _SENTENCE_REACH)
    high = min(len(text), offset + _SENTENCE_REACH)
    start = low
    for found in _SENTENCE_END.finditer(text, low, offset):
        start = found.end()
    paragraph_start = text.rfind("\n\n", low, offset)
    start = max(start, paragraph_start + 2 if paragraph_start != -1 else low, low)
    after = _SENTENCE_END.search(text, offset, high)
    end = after.start() if after is not None else high
    paragraph_end = text.find("\n\n", offset, end)
    end = paragraph_end if paragraph_end != -1 else end
    return _SAYS_WRONG_HERE.search(text, start, end) is not None


def _last_sentence_says_wrong(text: str, end: int) -> bool:
    """The sentence that ends at ``end`` (its own final `.` or `:` aside)."""
    low = max(0, end - _SENTENCE_REACH)
    start = low
    for found in _SENTENCE_END.finditer(text, low, max(low, end - 1)):
        start = found.end()
    blank = text.rfind("\n\n", low, end)
    start = max(start, blank + 2 if blank != -1 else low)
    return _SAYS_WRONG_HERE.search(text, start, end) is not None


def _paragraph_says_wrong(text: str, start: int, end: int, *, below: bool = True) -> bool:
    """The lines around text[start:end] up to a break (at most _PARAGRAPH_LINES each way;
    ``below=False``: only the lines above)."""
    top = start
    for _ in range(_PARAGRAPH_LINES):
        if top == 0:
            break
        above = text.rfind("\n", 0, top - 1) + 1
        if _BREAK.match(text, above, top - 1):
            break
        top = above
    bottom = end
    for _ in range(_PARAGRAPH_LINES if below else 0):
        if bottom >= len(text):
            break
        next_end = text.find("\n", bottom + 1)
        next_end = len(text) if next_end == -1 else next_end
        if _BREAK.match(text, bottom + 1, next_end):
            break
        bottom = next_end
    return _SAYS_WRONG.search(text, top, bottom) is not None


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

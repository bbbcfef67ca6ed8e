"""Markdown: each fenced code block goes to the extractor of its language, prose to the text one."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from authlint import extract as registry
from authlint.extract import headerline
from authlint.extract import text as prose
from authlint.extract.candidate import Candidate, Value
from authlint.extract.outline import Outline
from authlint.kinds import BY_FENCE, READER_FILLS

# CommonMark §4.5: a fence is three or more backticks or tildes. Fences inside list items sit
# deeper than the 0-3 spaces of a top-level fence, so some more indentation is allowed.
_OPEN: Final = re.compile(
    r"[ \t]{0,16}(?P<fence>`{3,64}|~{3,64})[ \t]*(?P<info>[^`\n]{0,500})(?:\n|$)"
)
_CLOSE: Final = re.compile(r"[ \t]{0,16}(?P<fence>`{3,}|~{3,})[ \t]*(?:\r?\n|$)")
# Literal searches, then a check that the fence opens its line (see headerline.merged).
_FENCES: Final = (re.compile("```"), re.compile("~~~"))
_MAX_INDENT: Final = 16
# Code blocks handed to their own extractor; after that the rest reads as prose.
_MAX_BLOCKS: Final = 2000
_INFO_WORD: Final = re.compile(r"[{.\s]*(?P<word>[A-Za-z0-9_+#-]*)")

# Fence names are part of the one file-kinds table.
LANGUAGES: Final = BY_FENCE


def extract(text: str) -> Iterator[Candidate]:
    """Candidates of a Markdown document, with offsets into the whole document; a value the
    document presents as a mistake is flagged ``shown_wrong`` (extract.outline)."""
    outline = Outline(text)
    prose_start = 0
    for opening, body_start, body_end, after in _blocks(text):
        yield from _marked(outline, prose.extract_range(text, prose_start, opening.start()))
        block = _block(text, body_start, body_end, opening.group("info"))
        yield from _marked(outline, block, opening.start("fence"))
        prose_start = after
    yield from _marked(outline, prose.extract_range(text, prose_start, len(text)))


def code_blocks(text: str) -> dict[str, list[tuple[int, int]]]:
    """The bodies of the fenced code blocks, by the kind their info string names (kinds.Kind
    fences): what the construction analysis reads of a Markdown document."""
    out: dict[str, list[tuple[int, int]]] = {}
    for opening, body_start, body_end, _ in _blocks(text):
        if body_end > body_start:
            out.setdefault(kind_of_info(opening.group("info")), []).append((body_start, body_end))
    return out


def _blocks(text: str) -> Iterator[tuple[re.Match[str], int, int, int]]:
    """Each fenced block: its opening fence, its body's start and end, and the end of its
    closing fence (at most _MAX_BLOCKS)."""
    hits = headerline.Hits(text, 0, len(text), *_FENCES)
    pos = 0
    for _ in range(_MAX_BLOCKS):
        hit = hits.next(pos)
        if hit is None:
            return
        opening = _fence_at(text, hit.start(), _OPEN)
        if opening is None:
            pos = hit.start() + 1
            continue
        body_start = opening.end()
        body_end, after = _closing(text, body_start, opening.group("fence"))
        yield opening, body_start, body_end, after
        pos = after


def fence_of(text: str, body_start: int) -> int:
    """The offset of the opening fence line of the block whose body starts at ``body_start``."""
    return text.rfind("\n", 0, max(0, body_start - 1)) + 1


def _marked(
    outline: Outline, candidates: Iterable[Candidate], fence: int | None = None
) -> Iterator[Candidate]:
    for candidate in candidates:
        value = candidate.value
        if outline.shown_wrong(value.start, fence):
            candidate = candidate.replace(value=value.replace(shown_wrong=True))  # noqa: PLW2901
        yield candidate


def _fence_at(text: str, pos: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The fence line whose fence starts at pos, if the fence opens its line."""
    line = text.rfind("\n", max(0, pos - _MAX_INDENT - 1), pos) + 1
    if line == 0 and pos > _MAX_INDENT:
        return None
    found = pattern.match(text, line)
    return found if found is not None and found.start("fence") == pos else None


def _closing(text: str, start: int, fence: str) -> tuple[int, int]:
    """(end of the block's body, end of the closing fence); an unclosed block runs to the end."""
    search = _FENCES[0] if fence[0] == "`" else _FENCES[1]
    pos = start
    while True:
        hit = search.search(text, pos)
        if hit is None:
            return len(text), len(text)
        found = _fence_at(text, hit.start(), _CLOSE)
        if found is not None and found.group("fence")[0] == fence[0]:
            if len(found.group("fence")) >= len(fence):
                return text.rfind("\n", 0, hit.start()) + 1, found.end()
            pos = found.end()
        else:
            pos = hit.start() + 1


def kind_of_info(info: str) -> str:
    """The extractor kind for a fence's info string (```bash, ```{.python}, ```console title=x)."""
    word = _INFO_WORD.match(info)
    name = word.group("word").lower() if word else ""
    return LANGUAGES.get(name, "text")


def _block(text: str, start: int, end: int, info: str) -> Iterator[Candidate]:
    if end <= start:
        return
    kind = kind_of_info(info)
    if kind == "text":
        yield from prose.extract_range(text, start, end)
        return
    try:
        extract_block = registry.extractor(kind)
    except (ImportError, KeyError, AttributeError):
        yield from prose.extract_range(text, start, end)
        return
    filled = kind in READER_FILLS
    for candidate in extract_block(text[start:end]):
        yield _shifted(candidate, start, filled)


def _shifted(candidate: Candidate, offset: int, filled: bool = False) -> Candidate:
    # The constructors, not replace() (a loop over the fields by name): the same fields (the
    # test in test_markdown_speed.py keeps this list in step with the records).
    secret = candidate.secret
    return Candidate(
        candidate.role,
        _shift(candidate.value, offset, filled),
        None if secret is None else _shift(secret, offset, filled),
        candidate.context,
        candidate.hosts,
    )


def _shift(value: Value, offset: int, filled: bool) -> Value:
    """``value`` moved by ``offset``; ``filled``: its `$NAME`s are the reader's to fill in."""
    expands = value.expands or (filled and "$" in value.text)
    return Value(value.text, value.start + offset, value.literal, expands, value.prose)

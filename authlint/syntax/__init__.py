"""The syntax layer: a file of a code language parsed with tree-sitter, on demand.

Only kinds with a grammar in authlint/kinds.py are parsed, and only when a check asks (the
scanner reaches checks only for files whose prefilter anchors call for it). The grammar wheel
of a language is imported the first time a file of that language is parsed, never before: a
pre-commit run on one file without header words imports no grammar at all.

What the checks get from here are facts, not text to re-lex: is this offset inside a comment or a
docstring (prose)? which string literal is here? The tree itself goes to the lowering of the
language (authlint/construct/lang/), which turns it into the construction IR.

Offsets: tree-sitter counts bytes of UTF-8; authlint counts characters of the decoded text.
`Syntax.char()` converts (identity for ASCII files, the common case).
"""

from __future__ import annotations

import importlib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from authlint import kinds

if TYPE_CHECKING:
    from tree_sitter import Language, Node, Parser, Tree

__all__ = ["Syntax", "parse"]

# Per kind: the loaded grammar and a parser for it (or None when the wheel is unavailable).
_parsers: dict[str, tuple[Language, Parser] | None] = {}
# Per kind: compiled queries by their source text.
_queries: dict[tuple[str, str], Any] = {}

# Files larger than this are not parsed (the line readers still read them): generated or
# minified code, where a tree costs much and tells little.
MAX_PARSE_BYTES = 1 << 20


def _parser(kind: str) -> tuple[Language, Parser] | None:
    if kind in _parsers:
        return _parsers[kind]
    spec = kinds.KINDS[kind].grammar
    found: tuple[Language, Parser] | None = None
    if spec is not None:
        try:
            from tree_sitter import Language, Parser

            module_name, _, function = spec.partition(":")
            capsule = getattr(importlib.import_module(module_name), function)()
            language = Language(capsule)
            found = (language, Parser(language))
        except (ImportError, AttributeError, ValueError, OSError):
            found = None  # no wheel for this platform: the line reader alone serves the file
    _parsers[kind] = found
    return found


def query(kind: str, source: str) -> Any:
    """A compiled tree-sitter query for ``kind`` (compiled once per process)."""
    key = (kind, source)
    compiled = _queries.get(key)
    if compiled is None:
        from tree_sitter import Query

        loaded = _parser(kind)
        assert loaded is not None
        compiled = Query(loaded[0], source)
        _queries[key] = compiled
    return compiled


def captures(kind: str, source: str, node: Node) -> dict[str, list[Node]]:
    from tree_sitter import QueryCursor

    result: dict[str, list[Node]] = QueryCursor(query(kind, source)).captures(node)
    return result


# Per language family: nodes that are prose (comments, docstrings) as a tree-sitter query.
_PROSE: dict[str, str] = {
    "python": "(comment) @prose (expression_statement . (string) @prose .)",
    "javascript": "(comment) @prose",
    "go": "(comment) @prose",
    "java": "(line_comment) @prose (block_comment) @prose",
    "kotlin": "(line_comment) @prose (block_comment) @prose",
    "csharp": "(comment) @prose",
}


@dataclass(slots=True)
class Syntax:
    kind: str
    text: str
    data: bytes
    tree: Tree
    # Byte offsets at which each character of more than one byte ends, and the bytes beyond one
    # per character up to there (both empty for ASCII text).
    _wide: list[int] = field(default_factory=list, repr=False)
    _wide_extra: list[int] = field(default_factory=list, repr=False)
    _prose: list[tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def root(self) -> Node:
        return self.tree.root_node

    def char(self, byte: int) -> int:
        """The character offset of a byte offset."""
        if not self._wide:
            return byte
        i = bisect_right(self._wide, byte)
        return byte - (self._wide_extra[i - 1] if i else 0)

    def byte(self, char: int) -> int:
        """The byte offset of a character offset."""
        if not self._wide:
            return char
        return len(self.text[:char].encode("utf-8"))

    def span(self, node: Node) -> tuple[int, int]:
        return self.char(node.start_byte), self.char(node.end_byte)

    def source(self, node: Node) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def prose_ranges(self) -> list[tuple[int, int]]:
        """Sorted (start, end) character ranges of comments and docstrings."""
        if self._prose is None:
            spec = _PROSE.get(kinds.family(self.kind))
            ranges: list[tuple[int, int]] = []
            if spec is not None:
                for nodes in captures(self.kind, spec, self.root).values():
                    ranges.extend(self.span(node) for node in nodes)
            ranges.sort()
            self._prose = ranges
        return self._prose

    def prose_at(self, offset: int) -> bool:
        """Is the character at ``offset`` inside a comment or a docstring?"""
        ranges = self.prose_ranges()
        i = bisect_right(ranges, (offset, 1 << 62)) - 1
        return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


def parse(kind: str, text: str) -> Syntax | None:
    """The tree of ``text`` as a file of ``kind``; None when the kind has no grammar (or the
    file is too large to be worth one). Never raises on any input: tree-sitter recovers from
    syntax errors and marks them in the tree."""
    if not kinds.has_grammar(kind):
        return None
    data = text.encode("utf-8", "replace")
    if len(data) > MAX_PARSE_BYTES:
        return None
    loaded = _parser(kind)
    if loaded is None:
        return None
    tree = loaded[1].parse(data)
    syntax = Syntax(kind, text, data, tree)
    if len(data) != len(text):
        extra = position = 0
        for char in text:
            width = len(char.encode("utf-8", "replace"))
            position += width
            if width > 1:
                extra += width - 1
                syntax._wide.append(position)  # where the character ends, in bytes
                syntax._wide_extra.append(extra)
    return syntax

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
import sys
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from authlint import kinds
from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Language, Node, Parser, Tree

__all__ = ["Syntax", "parse", "parse_embedded"]

# Per kind: the loaded grammar and a parser for it (or None when the wheel is unavailable).
_parsers: dict[str, tuple[Language, Parser] | None] = {}
# Per kind: a second parser for partial parses (its included ranges change per file).
_partial: dict[str, Parser] = {}
# Per kind: compiled queries by their source text.
_queries: dict[tuple[str, str], Any] = {}

# Files larger than this are not parsed (the line readers still read them): generated or
# minified code, where a tree costs much and tells little.
MAX_PARSE_BYTES = 1 << 20
# A file with a line longer than this is not parsed (see parse).
MAX_LINE_CHARS = 20_000


def _language_function(package: str, function: str) -> Any:
    """``package.function`` (a grammar's ``language()``), taken from the compiled
    ``<package>._binding`` without running the package's ``__init__``: every grammar wheel
    imports importlib.resources there for query files authlint never reads, and with it
    tempfile, shutil, bz2 and lzma, 3 ms of a one-file pre-commit run. A wheel laid out
    otherwise is imported the ordinary way."""
    from importlib.machinery import PathFinder
    from importlib.util import find_spec, module_from_spec

    name = f"{package}._binding"
    binding = sys.modules.get(name)
    if binding is None and package not in sys.modules:
        found = find_spec(package)
        where = found.submodule_search_locations if found is not None else None
        spec = PathFinder.find_spec(name, where) if where else None
        if spec is not None and spec.loader is not None:
            binding = module_from_spec(spec)
            spec.loader.exec_module(binding)
            sys.modules[name] = binding
    if binding is not None and hasattr(binding, function):
        return getattr(binding, function)
    return getattr(importlib.import_module(package), function)


def _parser(kind: str) -> tuple[Language, Parser] | None:
    if kind in _parsers:
        return _parsers[kind]
    spec = kinds.KINDS[kind].grammar
    found: tuple[Language, Parser] | None = None
    if spec is not None:
        try:
            from tree_sitter import Language, Parser

            module_name, _, function = spec.partition(":")
            capsule = _language_function(module_name, function)()
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
    # In document order: tree-sitter's own order may differ between parses of the same text,
    # and what is found first decides which of several findings' messages is kept.
    for nodes in result.values():
        nodes.sort(key=_position)
    return result


def _position(node: Node) -> tuple[int, int]:
    return node.start_byte, -node.end_byte


# Node types that are prose (comments), per language family; Python's docstrings are strings
# that are a statement of their own.
_COMMENTS: dict[str, frozenset[str]] = {
    "python": frozenset({"comment"}),
    "javascript": frozenset({"comment", "html_comment"}),
    "php": frozenset({"comment"}),
    "ruby": frozenset({"comment"}),
    "shell": frozenset({"comment"}),
    "terraform": frozenset({"comment"}),
    "go": frozenset({"comment"}),
    "java": frozenset({"line_comment", "block_comment"}),
    "kotlin": frozenset({"line_comment", "block_comment"}),
    "csharp": frozenset({"comment"}),
}
_DOCSTRING_FAMILIES = frozenset({"python"})
# Families whose grammar makes every comment a token (tree-sitter-javascript's `comment` is a
# `token(...)`, `html_comment` an external token; TypeScript's are JavaScript's) and has no
# docstrings: a comment is always a leaf.
_TOKEN_COMMENTS = frozenset({"javascript"})


class _Runs:
    """Runs of non-ASCII characters: their starts and ends in characters and in bytes, and the
    bytes beyond one per character up to each run's end."""

    __slots__ = ("byte_end", "byte_start", "char_end", "char_start", "extra")

    def __init__(self, text: str) -> None:
        self.char_start: list[int] = []
        self.char_end: list[int] = []
        self.byte_start: list[int] = []
        self.byte_end: list[int] = []
        self.extra: list[int] = []
        extra = 0
        for found in _NON_ASCII.finditer(text):
            start, end = found.span()
            self.char_start.append(start)
            self.char_end.append(end)
            self.byte_start.append(start + extra)
            extra += len(found.group().encode("utf-8", "replace")) - (end - start)
            self.byte_end.append(end + extra)
            self.extra.append(extra)


class Syntax:
    """A file's tree, and the offsets between its characters and its UTF-8 bytes."""

    __slots__ = ("_full", "_runs", "data", "embedded", "kind", "regions", "text", "tree")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        kind: str,
        text: str,
        data: bytes,
        tree: Tree,
        regions: list[tuple[int, int]] | None = None,
        embedded: bool = False,
    ) -> None:
        self.kind = kind
        self.text = text
        self.data = data
        self.tree = tree
        # Character ranges parsed, when only part of the file was (see parse(near=...)).
        self.regions = regions
        # The regions are code of this kind embedded in a file of another (a workflow's `run:`
        # scripts): the rest of the text is not this language, so there is no whole-file parse.
        self.embedded = embedded
        self._full: Syntax | None = None
        # Where the runs of non-ASCII characters are (None for ASCII text, the common case).
        self._runs: _Runs | None = None

    @property
    def root(self) -> Node:
        return self.tree.root_node

    @property
    def partial(self) -> bool:
        return self.regions is not None

    def covers(self, offset: int) -> bool:
        return self.regions is None or any(s <= offset < e for s, e in self.regions)

    def full(self) -> Syntax:
        """This file parsed whole (itself when it was, or when only its regions are code)."""
        if self.regions is None or self.embedded:
            return self
        if self._full is None:
            found = parse(self.kind, self.text)
            assert found is not None  # the partial parse succeeded, so the grammar is there
            self._full = found
        return self._full

    def char(self, byte: int) -> int:
        """The character offset of a byte offset."""
        runs = self._runs
        if runs is None:
            return byte
        i = bisect_right(runs.byte_start, byte) - 1
        if i < 0:
            return byte
        if byte >= runs.byte_end[i]:
            return byte - runs.extra[i]
        inside = self.data[runs.byte_start[i] : byte].decode("utf-8", "replace")
        return runs.char_start[i] + len(inside)

    def byte(self, char: int) -> int:
        """The byte offset of a character offset."""
        runs = self._runs
        if runs is None:
            return char
        i = bisect_right(runs.char_start, char) - 1
        if i < 0:
            return char
        if char >= runs.char_end[i]:
            return char + runs.extra[i]
        inside = self.text[runs.char_start[i] : char].encode("utf-8", "replace")
        return runs.byte_start[i] + len(inside)

    def span(self, node: Node) -> tuple[int, int]:
        if self._runs is None:  # ASCII text: bytes are characters
            return node.start_byte, node.end_byte
        return self.char(node.start_byte), self.char(node.end_byte)

    def source(self, node: Node) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def prose_at(self, offset: int) -> bool:
        """Is the character at ``offset`` inside a comment or a docstring?"""
        if self.embedded:
            if not self.covers(offset):
                return False
        elif not self.covers(offset) or (self.partial and self.root.has_error):
            return self.full().prose_at(offset)
        start = self.byte(offset)
        node: Node | None = self.root.descendant_for_byte_range(start, start + 1)
        family = kinds.family(self.kind)
        comments = _COMMENTS.get(family, frozenset({"comment"}))
        if family in _TOKEN_COMMENTS:
            # The smallest node at an offset inside a comment is that comment (a token has no
            # children), and no node above any other is one: no climb to the root.
            return node is not None and node.type in comments
        while node is not None:
            if node.type in comments:
                return True
            if node.type == "string":
                return family in _DOCSTRING_FAMILIES and is_docstring(node)
            node = node.parent
        return False

    def message_at(self, offset: int) -> bool:
        """Is the character at ``offset`` inside a string handed to a log, print, error or
        response call (authlint/syntax/messages.py)? Text for a person, not a header."""
        if self.embedded:
            if not self.covers(offset):
                return False
        elif not self.covers(offset) or (self.partial and self.root.has_error):
            return self.full().message_at(offset)
        from authlint.syntax.messages import is_message

        start = self.byte(offset)
        node: Node | None = self.root.descendant_for_byte_range(start, start + 1)
        return node is not None and is_message(node, self.data)

    def callee_at(self, offset: int) -> str | None:
        """The last name of the call's callee when the character at ``offset`` is inside a
        string that is (part of) one of its arguments: `Template` for
        `string.Template(TEMPLATE)` whose text holds `${token}`."""
        if self.embedded:
            if not self.covers(offset):
                return None
        elif not self.covers(offset) or (self.partial and self.root.has_error):
            return self.full().callee_at(offset)
        from authlint.syntax.messages import argument_of, callee_names

        start = self.byte(offset)
        node: Node | None = self.root.descendant_for_byte_range(start, start + 1)
        found = argument_of(node, self.data) if node is not None else None
        if found is None or found[1] is None:
            return None
        names = callee_names(found[0], found[1], self.data)
        return names[-1] if names else None


def is_docstring(node: Node) -> bool:
    """A string that is a statement of its own (module, class and function docstrings, and the
    bare strings Python code uses as block comments)."""
    parent = node.parent
    return (
        parent is not None
        and parent.type == "expression_statement"
        and (parent.named_child_count == 1)
    )


def parse_embedded(kind: str, text: str, regions: list[tuple[int, int]]) -> Syntax | None:
    """The tree of the ``regions`` of ``text`` (code of ``kind`` embedded in a file of another
    kind, kinds.embedded_regions), with offsets into the whole text."""
    syntax = parse(kind, text, regions=regions)
    if syntax is not None:
        syntax.embedded = True
    return syntax


def parse(
    kind: str,
    text: str,
    near: Sequence[int] | None = None,
    *,
    regions: list[tuple[int, int]] | None = None,
) -> Syntax | None:
    """The tree of ``text`` as a file of ``kind``; None when the kind has no grammar (or the
    file is too large to be worth one). Never raises on any input: tree-sitter recovers from
    syntax errors and marks them in the tree.

    With ``near`` (character offsets), only the top-level statements around them are parsed
    (``Syntax.partial``); ``Syntax.full()`` parses the rest when a question needs it.
    """
    if not kinds.has_grammar(kind):
        return None
    data = text.encode("utf-8", "replace")
    if len(data) > MAX_PARSE_BYTES:
        return None
    if len(text) > MAX_LINE_CHARS and max(map(len, text.split("\n"))) > MAX_LINE_CHARS:
        # Minified or generated: tree-sitter's error recovery turns superlinear on one long line
        # (`Authorization: Basic ` repeated on one line took 1 s at 40 KB, x4 per doubling); the
        # line extractors still read the file.
        return None
    loaded = _parser(kind)
    if loaded is None:
        return None
    syntax = Syntax(kind, text, data, None)  # type: ignore[arg-type]  # the tree comes next
    if len(data) != len(text):
        syntax._runs = _Runs(text)
    if regions is None:
        regions = _regions(text, near) if near else None
    if regions is None:
        syntax.tree = loaded[1].parse(data)
        return syntax
    from tree_sitter import Parser, Range

    parser = _partial.get(kind)
    if parser is None:
        parser = _partial[kind] = Parser(loaded[0])
    ranges = []
    for start, end in regions:
        row = text.count("\n", 0, start)
        end_row = row + text.count("\n", start, end)
        start_byte, end_byte = syntax.byte(start), syntax.byte(end)
        start_col = start_byte - syntax.byte(text.rfind("\n", 0, start) + 1)
        end_col = end_byte - syntax.byte(text.rfind("\n", 0, end) + 1)
        ranges.append(Range((row, start_col), (end_row, end_col), start_byte, end_byte))
    parser.included_ranges = ranges
    syntax.tree = parser.parse(data)
    syntax.regions = regions
    return syntax


_NON_ASCII = lazy(r"[^\x00-\x7f]+")
# A line that starts a top-level statement, at column 0: a keyword, a decorator, or a name that
# is assigned, annotated, called or indexed. Indented lines and closing brackets continue one;
# a prose line of a docstring ("finding the keys that matter") starts none. A wrong cut shows
# as a syntax error in the partial tree, and then the whole file is parsed.
_TOP_LEVEL_LINE = (
    r"(?:(?:def|class|async|import|from|if|for|while|with|try|export|const|let|var|function"
    r"|interface|type|enum|declare|abstract)\b|@|[A-Za-z_$][A-Za-z0-9_$.]{0,200}[ \t]*[=:(\[])"
)
_TOP_LEVEL = lazy(_TOP_LEVEL_LINE)  # at the start of the text
# After a newline: the literal first character lets the regex engine skip to each line start
# (`^` with MULTILINE tries every position: 40% of the split's time on a service file).
_NEXT_TOP_LEVEL = lazy("\n" + _TOP_LEVEL_LINE)
# Above this share of the file, parsing regions saves nothing.
_REGION_SHARE = 0.6


def statement_starts(text: str) -> list[int]:
    """The offsets of the lines of ``text`` that start a top-level statement (_TOP_LEVEL)."""
    starts = [0] if _TOP_LEVEL.match(text) else []
    starts += [m.start() + 1 for m in _NEXT_TOP_LEVEL.finditer(text)]
    return starts


def _regions(text: str, near: Sequence[int]) -> list[tuple[int, int]] | None:
    """The top-level statements holding the offsets ``near``, merged; None for the whole file."""
    starts = statement_starts(text)
    if not starts:
        return None
    regions: list[tuple[int, int]] = []
    for offset in sorted(near):
        i = bisect_right(starts, offset) - 1
        start = starts[i] if i >= 0 else 0
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
        else:
            regions.append((start, end))
    if sum(end - start for start, end in regions) > _REGION_SHARE * len(text):
        return None
    return regions

"""Which prefilter words call for a syntax tree, and where they are (a leaf module: the scanner
asks it for every file of a kind with a grammar, before anything heavy is imported)."""

from __future__ import annotations

from authlint import prefilter
from authlint.prefilter import WORDS

# Indexes into prefilter.WORDS: a header, credentials, or a secret-named fallback. Sites are
# looked for only around these words, and only the statements holding them are parsed first.
TREE_WORDS = frozenset(
    i
    for i, word in enumerate(WORDS)
    if word in (b"auth", b"basic", b"bearer", b"razorpay", b"key_id", b"secret", b"passw")
)


def tree_offsets(anchors: prefilter.Anchors) -> list[int]:
    """The character offsets of the anchors that call for a tree."""
    return [offset for offset, word in anchors if word in TREE_WORDS]


def anchor_offsets(text: str) -> list[int]:
    """The same, for a text the scanner has not prefiltered (--fix, tests)."""
    body = text.encode("utf-8", "replace")
    return tree_offsets(prefilter.char_offsets(body, prefilter.anchors(body)))

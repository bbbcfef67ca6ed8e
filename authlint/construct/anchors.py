"""Which prefilter words call for a syntax tree, and where they are (a leaf module: the scanner
asks it for every file of a kind with a grammar, before anything heavy is imported).

A word calls for a tree only where a construction site can be: `Authorization`, `auth=` /
`auth:` / `HTTPBasicAuth(`, a `Basic `/`Bearer ` literal start, an SDK constructor
(`razorpay.Client(`, `new Razorpay(`), or a secret-named environment variable with a fallback
on the same line. `author`, `basicConfig`, `import razorpay` or a `secret` in prose call for
none: a whole real tree of Python packages mentions them in half of its files.
"""

from __future__ import annotations

import re

from authlint import prefilter
from authlint.prefilter import WORDS

# What must follow each word at the anchor, case-insensitively:
# `Authorization` as a key, an argument or an attribute ({"Authorization": ...},
# headers["Authorization"], add_header("Authorization", ...), h.Authorization = ...);
# `auth=` / `auth:` / `auth(` / `HTTPBasicAuth(` (a pair sink); an SDK constructor.
_AFTER: dict[bytes, re.Pattern[str]] = {
    b"auth": re.compile(
        r"auth(?:orization[\"'`]?[ \t]*[:=,\]]|[ \t]*(?:=(?!=)|:(?!:)|\())", re.IGNORECASE
    ),
    b"basic": re.compile(r"basic(?:[ \t\"'`%{$]|auth[ \t]*\()", re.IGNORECASE),
    b"bearer": re.compile(r"bearer[ \t\"'`%{$]", re.IGNORECASE),
    b"razorpay": re.compile(r"razorpay[ \t]*[.(]", re.IGNORECASE),
}
# A scheme word counts at the start of a literal (`"Basic " + t`, f"Bearer {t}") or after the
# field name inside one (`"Authorization: Basic ..."`); `basic authentication` in prose does not.
_SCHEME_WORDS = (b"basic", b"bearer")
_QUOTES = frozenset("\"'`")
# Words that matter only in a fallback: `os.getenv("KEY_SECRET", "...")`, `env.X || "..."`.
_FALLBACK_WORDS = (b"secret", b"passw", b"key_id")
# The operators and calls of every language's fallback (see each lang module's fallbacks):
# `||`, `??`, Kotlin/PHP `?:`, shell `${X:-lit}`/`${X:=lit}`, Go `cmp.Or`,
# Java `getOrDefault`/`orElse`,
# Ruby `ENV.fetch(k, lit)`, `getenv`/`Getenv`.
_FALLBACK = re.compile(
    r"\|\||\?\?|\?:|\$\{\w+:?[-=]|[ \t]or[ \t]|(?i:getenv)|\.get\(|environ|process\.env|ENV"
    r"|cmp\.Or\(|getOrDefault|orElse|\.fetch\("
)
_LINE = 400  # how far a fallback's operator may be from the word, either side

TREE_WORDS = frozenset(
    i for i, word in enumerate(WORDS) if word in _AFTER or word in _FALLBACK_WORDS
)
_PATTERNS = {i: _AFTER.get(WORDS[i]) for i in TREE_WORDS}


def tree_offsets(anchors: prefilter.Anchors, text: str) -> list[int]:
    """The character offsets of the anchors in ``text`` that call for a tree."""
    out = []
    for offset, word in anchors:
        if word not in TREE_WORDS:
            continue
        pattern = _PATTERNS[word]
        if pattern is not None:
            if pattern.match(text, offset) and (
                WORDS[word] not in _SCHEME_WORDS or _scheme_starts_value(text, offset)
            ):
                out.append(offset)
            continue
        start = text.rfind("\n", max(0, offset - _LINE), offset) + 1
        end = text.find("\n", offset, offset + _LINE)
        if _FALLBACK.search(text, start, end if end != -1 else min(len(text), offset + _LINE)):
            out.append(offset)
    return out


def _scheme_starts_value(text: str, offset: int) -> bool:
    """`"Basic `, f"Bearer , `Authorization: Basic ` or BasicAuth( at ``offset``."""
    if text[offset - 1 : offset] in _QUOTES or text[offset - 2 : offset] in ('f"', "f'"):
        return True
    if text[offset + 5 : offset + 9].lower() == "auth":
        return True  # BasicAuth(...)
    return text[max(0, offset - 20) : offset].rstrip(" \t").lower().endswith("authorization:")


def anchor_offsets(text: str) -> list[int]:
    """The same, for a text the scanner has not prefiltered (--fix, tests)."""
    body = text.encode("utf-8", "replace")
    return tree_offsets(prefilter.char_offsets(body, prefilter.anchors(body)), text)

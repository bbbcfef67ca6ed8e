"""Which prefilter words call for a syntax tree, and where they are (asked for every file of a
kind with a grammar, before anything heavy: a language's patterns compile on its first file).

A word calls for a tree only where a construction site can be. Two kinds of site:

- The header's own, the same in every language: `Authorization` as a key, an argument or an
  attribute; a `Basic `/`Bearer ` literal start (`"Basic " + t`, f"Bearer {t}",
  `"Authorization: Basic ..."`).
- The language's, derived from its table (construct/lang/<language>.py `LANGUAGE`): the name of
  a sink call (`HTTPBasicAuth(`, `new Razorpay(`, `SetBasicAuth(`, `curl ... -u`, `setBearerAuth(`)
  or keyword (`auth=`), followed by how that language opens a call; the qualified name a sink
  is imported by when its own name is no word (`use Razorpay\\Api\\Api;` for PHP's `new Api(`);
  and a secret-named word (`secret`, `passw`, `key_id`) on the same line as one of the
  language's fallbacks (`os.getenv(k, "...")`, `env.X || "..."`, `${X:-...}`).

`author`, `basicConfig`, `import razorpay` or a `secret` in prose call for none: a whole real
tree of Python packages mentions them in half of its files. Adding a language is its table.
"""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, Final

from authlint import kinds, prefilter
from authlint.lazyre import lazy
from authlint.prefilter import WORDS
from authlint.record import Record

if TYPE_CHECKING:
    from authlint.construct.models import Language

# `Authorization` as a key, an argument or an attribute ({"Authorization": ...},
# headers["Authorization"], add_header("Authorization", ...), h.Authorization = ...), or the
# first of a Kotlin pair (`mapOf("Authorization" to ...)`).
_AUTHORIZATION = r"authorization(?:[\"'`]?[ \t]*[:=,\]]|\"[ \t]+to[ \t])"
# A scheme word counts at the start of a literal (`"Basic " + t`, f"Bearer {t}") or after the
# field name inside one (`"Authorization: Basic ..."`); `basic authentication` in prose does not.
_SCHEME = {
    WORDS.index(word): lazy(word.decode() + r"[ \t\"'`%{$]", re.IGNORECASE)
    for word in (b"basic", b"bearer")
}
_QUOTES = frozenset("\"'`")
# Words that matter only in a fallback: `os.getenv("KEY_SECRET", "...")`, `env.X || "..."`.
_FALLBACK_WORDS = (b"secret", b"passw", b"key_id")
# What follows a keyword argument's or an object key's name: `auth=`, `auth:`, `'auth' =>`.
_KEYWORD_OPEN = r"[\"'`]?[ \t]*(?:=>|=(?!=)|:(?!:))"
# The end of a qualified name (`use Razorpay\Api\Api;`, `new \Razorpay\Api\Api(`): not a longer name.
_MODULE_END = r"(?![\w\\])"
# How far a sink's option may be from its command (`curl -sS "$U" -u ...`), and a fallback's
# operator from the word, on the same line (or a shell continuation).
_LINE = 400


class _Triggers(Record):
    __slots__ = ("fallback", "patterns")
    _fields = ("patterns", "fallback")

    def __init__(
        self, patterns: dict[int, re.Pattern[str]], fallback: re.Pattern[str] | None
    ) -> None:
        self.patterns: Final = patterns  # word index -> what must match at the word
        self.fallback: Final = fallback  # the language's fallbacks, searched on the word's line


_BY_LOWERING: dict[str | None, _Triggers] = {}


def tree_offsets(anchors: prefilter.Anchors, text: str, kind: str | None = None) -> list[int]:
    """The character offsets of the anchors in ``text`` that call for a tree in a file of
    ``kind`` (None: in any language, for callers that do not know it)."""
    triggers = _triggers(kind)
    patterns = triggers.patterns
    out = []
    for offset, word in anchors:
        pattern = patterns.get(word)
        if pattern is not None and pattern.match(text, offset):
            out.append(offset)
            continue
        scheme = _SCHEME.get(word)
        if scheme is not None and scheme.match(text, offset) and _scheme_starts_value(text, offset):
            out.append(offset)
            continue
        if triggers.fallback is not None and WORDS[word] in _FALLBACK_WORDS:
            start = text.rfind("\n", max(0, offset - _LINE), offset) + 1
            end = text.find("\n", offset, offset + _LINE)
            end = end if end != -1 else min(len(text), offset + _LINE)
            if triggers.fallback.search(text, start, end):
                out.append(offset)
    return out


def _triggers(kind: str | None) -> _Triggers:
    found = kinds.KINDS.get(kind) if kind is not None else None
    lowering = found.lowering if found is not None else None
    if kind is not None and lowering is None:
        lowering = ""  # a kind with no lowering: the header's own sites only
    triggers = _BY_LOWERING.get(lowering)
    if triggers is None:
        if lowering is None:
            modules = sorted({k.lowering for k in kinds.KINDS.values() if k.lowering})
        else:
            modules = [lowering] if lowering else []
        languages = [importlib.import_module(module).LANGUAGE for module in modules]
        triggers = _BY_LOWERING[lowering] = _compile(languages)
    return triggers


def _compile(languages: list[Language]) -> _Triggers:
    """Each word's alternatives: `Authorization`, then each sink name holding the word."""
    alternatives: dict[int, list[str]] = {WORDS.index(b"auth"): [_AUTHORIZATION]}
    fallbacks: list[str] = []
    for language in languages:
        names = [(sink.callee, language.call_open, sink.keyword) for sink in language.pair_sinks]
        names += [(sink.keyword, _KEYWORD_OPEN, "") for sink in language.pair_sinks]
        names += [(sink.module, _MODULE_END, "") for sink in language.pair_sinks]
        names += [(sink.method, language.call_open, "") for sink in language.scheme_sinks]
        names += [(sink.method, language.call_open, "") for sink in language.header_calls]
        for name, opener, option in names:
            if not name:
                continue
            after = opener
            if option:  # an option of the call: `curl ... -u`
                after += rf"(?:[^\n]|\\\n){{0,{_LINE}}}?(?<![\w-]){re.escape(option)}"
            for index, word in enumerate(WORDS):
                _add_name(alternatives.setdefault(index, []), name, word.decode(), after)
        fallbacks += language.fallbacks
    # Each compiled with the first anchor of its word (a file holds a few of the words).
    patterns = {
        index: lazy("|".join(dict.fromkeys(alts)), re.IGNORECASE)
        for index, alts in alternatives.items()
        if alts
    }
    fallback = lazy("|".join(dict.fromkeys(fallbacks))) if fallbacks else None
    return _Triggers(patterns, fallback)


def _add_name(alternatives: list[str], name: str, word: str, after: str) -> None:
    """One alternative per place ``word`` occurs in ``name``, matched from the word's start:
    what comes before it in the name is a look-behind (`HTTPBasicAuth(` at `basic`)."""
    lowered = name.lower()
    at = lowered.find(word)
    while at != -1:
        before = re.escape(name[:at])
        # The name starts at a word boundary: `oauth=` is not the `auth=` keyword.
        start = rf"(?<=(?<![\w$]){before})" if before else r"(?<![\w$])"
        alternatives.append(start + re.escape(name[at:]) + f"(?:{after})")
        at = lowered.find(word, at + 1)


def _scheme_starts_value(text: str, offset: int) -> bool:
    """`"Basic `, f"Bearer  or `Authorization: Basic ` at ``offset``."""
    if text[offset - 1 : offset] in _QUOTES or text[offset - 2 : offset] in ('f"', "f'"):
        return True
    return text[max(0, offset - 20) : offset].rstrip(" \t").lower().endswith("authorization:")


def anchor_offsets(text: str, kind: str | None = None) -> list[int]:
    """The same, for a text the scanner has not prefiltered (--fix, tests)."""
    body = text.encode("utf-8", "replace")
    return tree_offsets(prefilter.char_offsets(body, prefilter.anchors(body)), text, kind)

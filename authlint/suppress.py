"""Inline suppressions in a comment, in three scopes:

- `authlint: ignore` / `authlint: ignore[AL201,AL105]`: findings on the directive's own line;
- `authlint: ignore-next-line[...]`: findings on the line after it (where a trailing comment
  cannot go, or would be too long);
- `authlint: ignore-file[AL201]`: the whole file. A code list is required: a blanket whole-file
  ignore would also hide the next key someone pastes into the file.

Any comment syntax works (`#`, `//`, `/* */`, `<!-- -->`, `--`, `;`, `%`, `'`, `{# #}`, `REM`):
rather than list syntaxes per language (detect-secrets' `_get_comment_tuples` misses many), a
suppression counts when one of those comment openers stands before it on its line. JSON has no
comments, so there a directive counts as the value of a comment key: npm's `"//"` or JSON
Schema's `"$comment"` (and `"_comment"`). A malformed directive is a finding of
its own and never widens to a blanket ignore; an unused one is reported too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from authlint.checks import Hit
from authlint.codes import RULE_BY_NAME, Code
from authlint.lazyre import lazy

_MARKER = lazy(r"authlint[ \t]*:[ \t]*(?:no)?(?:ignore|qa)\b", re.IGNORECASE)
_FULL = lazy(
    r"authlint[ \t]*:[ \t]*ignore(?P<scope>-next-line\b|-file\b)?(?P<rest>[^\n]{0,200})",
    re.IGNORECASE,
)
_CODES = lazy(r"\[(?P<codes>[^\]\n]{0,200})\]")
_COMMENT_OPENER = lazy(
    r"#|//|/\*|<!--|--|;|%|'|\{#|\bREM\b|\*"
    # JSON's stand-ins for comments: the value of a "//", "$comment" or "_comment" key.
    r"|\"(?:\$|_)comment\"[ \t]*:[ \t]*\""
)
_UNKNOWN_SCOPE = lazy(r"-[A-Za-z]")  # `ignore-files`, `ignore-line`: a typo, not a blanket
_LOOSE_CODE = lazy(r"AL[0-9]", re.IGNORECASE)
_KNOWN = {code.value for code in Code}


class Suppression:
    """One `authlint: ignore` directive; ``used`` is set when it suppresses a hit."""

    __slots__ = ("codes", "end", "line_end", "line_start", "scope", "start", "used")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        start: int,
        end: int,
        line_start: int,
        line_end: int,
        codes: frozenset[Code] | None,
        used: bool = False,
        scope: str = "line",
    ) -> None:
        self.start = start  # offset of the directive
        self.end = end
        self.line_start = line_start
        self.line_end = line_end
        self.codes = codes  # None: every code
        self.used = used
        self.scope = scope  # "line", "next-line" or "file"


# How far a directive looks for its comment opener and line ends: bounded, so that a minified
# file full of markers stays linear.
_REACH = 2000


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    floor = max(0, pos - _REACH)
    start = text.rfind("\n", floor, pos) + 1 or floor
    end = text.find("\n", pos, pos + _REACH)
    return start, min(len(text), pos + _REACH) if end == -1 else end


def find_suppressions(text: str) -> tuple[list[Suppression], list[Hit]]:
    """Suppressions in ``text``, and AL902 hits for malformed ones."""
    found: list[Suppression] = []
    malformed: list[Hit] = []
    for marker in _MARKER.finditer(text):
        line_start, line_end = _line_bounds(text, marker.start())
        if not _COMMENT_OPENER.search(text, line_start, marker.start()):
            continue
        full = _FULL.match(text, marker.start())
        if full is None:
            malformed.append(_malformed(marker.start(), marker.end(), "use `authlint: ignore`"))
            continue
        scope = (full.group("scope") or "").lower().lstrip("-") or "line"
        rest = full.group("rest")
        bracket = _CODES.match(rest)
        # The lines the directive covers.
        if scope == "next-line":
            next_start = min(len(text), line_end + 1)
            covered = next_start, _line_bounds(text, next_start)[1]
        elif scope == "file":
            covered = 0, len(text)
        else:
            covered = line_start, line_end
        if bracket is None:
            if (
                rest.lstrip().startswith("[")
                or (rest and rest[0] not in ' \t*/->;#%"')
                or _LOOSE_CODE.match(rest.lstrip())
            ):
                malformed.append(
                    _malformed(marker.start(), full.end(), "unclosed or misplaced code list")
                )
                continue
            if _UNKNOWN_SCOPE.match(rest):
                malformed.append(
                    _malformed(
                        marker.start(), full.end(), "use ignore, ignore-next-line or ignore-file"
                    )
                )
                continue
            if scope == "file":
                malformed.append(
                    _malformed(marker.start(), full.end(), "ignore-file needs a code list")
                )
                continue
            found.append(Suppression(marker.start(), full.end(), *covered, None, scope=scope))
            continue
        codes: set[Code] = set()
        bad: list[str] = []
        for item in bracket.group("codes").split(","):
            name = item.strip()
            if name.upper() in _KNOWN:
                codes.add(Code(name.upper()))
            elif name in RULE_BY_NAME:
                codes.add(RULE_BY_NAME[name].code)
            else:
                bad.append(name)
        end = full.start("rest") + bracket.end()
        if bad or not codes:
            what = "an empty code list" if not codes and not bad else "an unknown code"
            malformed.append(_malformed(marker.start(), end, f"names {what}"))
            continue
        found.append(Suppression(marker.start(), end, *covered, frozenset(codes), scope=scope))
    return found, malformed


_WHERE = {"line": "on its line", "next-line": "on the next line", "file": "in this file"}


def _malformed(start: int, end: int, why: str) -> Hit:
    # Fingerprints of suppression findings hash their position: they are not secrets, and a
    # baseline of them is not a use case.
    return Hit(
        start,
        end,
        Code.MALFORMED_SUPPRESSION,
        f"malformed suppression comment ({why}); it suppresses nothing",
        "authlint: ignore…",
        f"{start}",
    )


# What a blanket ignore covers: every rule but the ones about suppression comments themselves.
_EVERY_RULE = frozenset(Code) - {Code.UNUSED_SUPPRESSION, Code.MALFORMED_SUPPRESSION}


def apply(text: str, hits: Iterable[Hit], enabled: frozenset[Code]) -> tuple[list[Hit], int]:
    """Drop suppressed hits; add AL901/AL902. Returns (hits kept, number suppressed)."""
    hits = list(hits)
    if "authlint" not in text:
        return hits, 0
    suppressions, malformed = find_suppressions(text)
    kept: list[Hit] = []
    suppressed = 0
    # code -> the first whole-file directive naming it: one lookup per hit, however many there are.
    whole_file: dict[Code, Suppression] = {}
    for s in suppressions:
        if s.scope == "file" and s.codes is not None:
            for code in s.codes:
                whole_file.setdefault(code, s)
    local = sorted((s for s in suppressions if s.scope != "file"), key=lambda s: s.line_start)
    starts = [s.line_start for s in local]
    for hit in hits:
        match = whole_file.get(hit.code)
        i = bisect_right(starts, hit.start) - 1
        # Several directives can share a line; walk back over those that start before the hit.
        while match is None and i >= 0 and starts[i] >= hit.start - _REACH:
            s = local[i]
            if s.line_start <= hit.start <= s.line_end and (s.codes is None or hit.code in s.codes):
                match = s
                break
            i -= 1
        if match is None:
            kept.append(hit)
        else:
            match.used = True
            suppressed += 1
    if Code.UNUSED_SUPPRESSION in enabled:
        for s in suppressions:
            # A code the run did not select may well be there: only judge what was checked
            # (a blanket ignore covers every rule, so only a run that checked them all).
            covered = _EVERY_RULE if s.codes is None else s.codes
            if not s.used and covered <= enabled:
                kept.append(
                    Hit(
                        s.start,
                        s.end,
                        Code.UNUSED_SUPPRESSION,
                        f"suppression comment matches no finding {_WHERE[s.scope]}",
                        "authlint: ignore…",
                        f"{s.start}",
                    )
                )
    kept.extend(h for h in malformed if h.code in enabled)
    return kept, suppressed

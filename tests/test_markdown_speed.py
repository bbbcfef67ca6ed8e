"""The shortcuts of the Markdown and prose readers against the plain code they replaced."""

from __future__ import annotations

import itertools
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from authlint.extract import headerline, markdown
from authlint.extract import text as prose
from authlint.extract.candidate import Candidate, Role, Value

_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


def names_reference(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """headerline.names as it was: a literal search in folded(text), which str.lower()s."""
    low = headerline.folded(text)
    found = []
    for hit in itertools.islice(re.finditer("authoriz", low[:stop]), headerline.MAX_HITS):
        if hit.start() < start:
            continue
        name_start = hit.start()
        if low.startswith("proxy-", name_start - 6) and name_start - 6 >= start:
            name_start -= 6
        if name_start > 0 and low[name_start - 1] in _NAME_CHARS:
            continue
        match = headerline.NAME.match(text, name_start, stop)
        if match is not None:
            found.append(match.span())
    return found


# Case variants, the characters whose lower case is special (the dotted capital I lengthens
# the text, the Kelvin sign becomes `k`, the long s and dotless i match `(?i)` letters) and
# other non-ASCII text.
_PIECES = (
    "Authorization: ",
    "authorization:",
    "AUTHORIZATION :",
    "AuThOrIzAtIoN:",
    "authoriz",
    "Proxy-",
    "proxy-",
    "PROXY-",
    "x-",
    "X",
    "k",
    "\u212a",
    "\u0130",
    "\u0131",
    "\u017f",
    "é",
    "Σ",
    "\ufffd",
    "\ud800",
    " ",
    "\t",
    "\n",
    "Bearer t",
    "_",
    "0",
)


@settings(max_examples=1000)
@given(
    text=st.lists(st.sampled_from(_PIECES), max_size=20).map("".join),
    start=st.integers(0, 40),
    cut=st.integers(0, 40),
)
@example(text="\u212aauthorization: x", start=0, cut=0)
@example(text="\u212aauthorization: x\u0130", start=0, cut=0)
@example(text="Proxy-Authorization: x", start=3, cut=0)
def test_names_match_the_folded_search(text: str, start: int, cut: int) -> None:
    start = min(start, len(text))
    stop = max(start, len(text) - cut)
    found = [m.span() for m in headerline.names(text, start, stop)]
    assert found == names_reference(text, start, stop)


def test_shifted_keeps_every_field() -> None:
    value = Value("Bearer $T", 3, literal=False, expands=True, prose=True)
    secret = Value("s", 9, literal=True, expands=False, prose=True)
    candidate = Candidate(Role.PAIR, value, secret, "ctx", ("h.io",))
    shifted = markdown._shifted(candidate, 10)
    assert shifted == candidate.replace(
        value=value.replace(start=13),
        secret=secret.replace(start=19),
    )


def test_in_prose_keeps_every_field() -> None:
    value = Value("Bearer $T", 3, literal=False, expands=True)
    candidate = Candidate(Role.HEADER, value, None, "ctx", ("h.io",))
    (marked,) = prose._in_prose(iter([candidate]))
    assert marked == candidate.replace(value=value.replace(prose=True))

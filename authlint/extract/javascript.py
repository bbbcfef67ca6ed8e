"""JavaScript and TypeScript (also .vue/.svelte): quotes, template literals, axios / fetch /
superagent / Razorpay SDK credentials."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from authlint.extract.candidate import Candidate
from authlint.extract.code import Call, Language, Quote, extract_code, quote
from authlint.lazyre import lazy
from authlint.prefilter import Anchors

_QUOTES: Final = {
    '"': quote('"'),
    "'": quote("'"),
    "`": quote("`", multiline=True, interp=r"\$\{"),
}


def _quotes(delim: str, prefix: str) -> Quote | None:
    return _QUOTES.get(delim)


LANGUAGE: Final = Language(
    name="javascript",
    quotes=_quotes,
    concat=lazy(r"\+(?![+=])|\.concat\("),
    verbs=lazy(r"%[sdio]"),
    comment=lazy(r"(?://|/\*|\*)?"),
    calls={
        "auth": Call("superagent .auth()"),
        "razorpay": Call("new Razorpay"),
    },
)


def extract(text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    return extract_code(LANGUAGE, text, anchors)

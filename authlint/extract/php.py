"""PHP: single quotes are literal, double quotes interpolate; curl, Guzzle, Laravel and the
Razorpay SDK (`new Api($key, $secret)`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from authlint.extract.candidate import Candidate
from authlint.extract.code import Call, Language, Quote, extract_code, quote
from authlint.lazyre import lazy
from authlint.prefilter import Anchors

_QUOTES: Final = {
    "'": quote("'", multiline=True),
    '"': quote('"', multiline=True, interp=r"\$[A-Za-z_{]|\{\$"),
}


def _quotes(delim: str, prefix: str) -> Quote | None:
    return _QUOTES.get(delim)  # backticks run a shell command: not a string


LANGUAGE: Final = Language(
    name="php",
    quotes=_quotes,
    concat=lazy(r"\.(?![=0-9])"),
    verbs=lazy(r"%[-+ 0]{0,5}[0-9]{0,5}(?:\.[0-9]{1,5})?[sdfuxXb]"),
    comment=lazy(r"(?://|#|/\*|\*)?"),
    new_api=True,
    heredoc=lazy(r'<<<[ \t]*"?(?P<id>[A-Za-z_][A-Za-z0-9_]*)"?\r?\n'),
    calls={
        "withbasicauth": Call("withBasicAuth"),
        "setbasicauth": Call("setBasicAuth"),
    },
)


def extract(text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    return extract_code(LANGUAGE, text, anchors)

"""Ruby: single quotes are literal, double quotes interpolate `#{}`; calls without parentheses;
Net::HTTP, Faraday, HTTParty and `Razorpay.setup`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from authlint.extract.candidate import Candidate
from authlint.extract.code import Call, Language, Quote, extract_code, quote
from authlint.lazyre import lazy
from authlint.prefilter import Anchors

_QUOTES: Final = {
    "'": quote("'", multiline=True),
    '"': quote('"', multiline=True, interp=r"#\{|#\$[A-Za-z_]|#@"),
}


def _quotes(delim: str, prefix: str) -> Quote | None:
    return _QUOTES.get(delim)  # backticks run a shell command: not a string


LANGUAGE: Final = Language(
    name="ruby",
    quotes=_quotes,
    concat=lazy(r"\+(?![+=])|<<|%(?!=)"),
    verbs=lazy(r"%[-+ 0]{0,5}[0-9]{0,5}(?:\.[0-9]{1,5})?[sdfxX]"),
    comment=lazy(r"#?"),
    paren_free=True,
    calls={
        "razorpay.setup": Call("Razorpay.setup"),
        "basic_auth": Call("basic_auth"),
        # Faraday: `request :basic_auth, id, secret`, `request :authorization, :basic, id, secret`.
        ":basic_auth": Call("request :basic_auth", after_comma=True),
        ":authorization": Call("request :authorization", positions=(1, 2), after_comma=True),
    },
)


def extract(text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    return extract_code(LANGUAGE, text, anchors)

"""Go: interpreted and raw strings, fmt verbs, net/http SetBasicAuth and the Razorpay SDK."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from authlint.extract.candidate import Candidate
from authlint.extract.code import Call, Language, Quote, extract_code, quote
from authlint.lazyre import lazy
from authlint.prefilter import Anchors

_QUOTES: Final = {
    '"': quote('"'),
    "`": quote("`", escapes=False, multiline=True),
    "'": quote("'"),
}


def _quotes(delim: str, prefix: str) -> Quote | None:
    return _QUOTES.get(delim)


# `os.ExpandEnv(s)` and `os.Expand(s, mapping)` fill `${X}` and `$X` in (pkg.go.dev/os#Expand).
EXPANDERS: Final = frozenset({"os.ExpandEnv", "os.Expand"})

LANGUAGE: Final = Language(
    name="go",
    quotes=_quotes,
    verbs=lazy(r"%[-+# 0]{0,5}[0-9]{0,5}(?:\.[0-9]{1,5})?[svqdxXT]"),
    comment=lazy(r"(?://|/\*|\*)?"),
    expanders=EXPANDERS,
    calls={
        "setbasicauth": Call("SetBasicAuth"),
        "razorpay.newclient": Call("razorpay.NewClient"),
    },
)


def extract(text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    return extract_code(LANGUAGE, text, anchors)

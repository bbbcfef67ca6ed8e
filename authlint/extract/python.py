"""Python: str/bytes literals (f-strings interpolate), `%` and `.format` formatting, requests /
httpx / aiohttp / urllib credentials."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from authlint.extract.candidate import Candidate
from authlint.extract.code import Call, Language, Quote, extract_code, quote
from authlint.lazyre import lazy
from authlint.prefilter import Anchors

_FIELD: Final = r"(?<!\{)\{(?!\{)"
_QUOTES: Final = {
    (delim, fmt): quote(delim, multiline=len(delim) == 3, interp=_FIELD if fmt else None)
    for delim in ('"', "'", '"""', "'''")
    for fmt in (False, True)
}


def _quotes(delim: str, prefix: str) -> Quote | None:
    return _QUOTES.get((delim, "f" in prefix))


# `os.path.expandvars(s)` fills `$X` and `${X}` in; `string.Template(s)` is made to be
# `.substitute`d (Python docs: os.path, string "Template strings").
EXPANDERS: Final = frozenset({"expandvars", "Template"})

LANGUAGE: Final = Language(
    adjacent=lazy(r"[ \t]*(?:\\?\r?\n[ \t]*)*[rRbBuUfF]{0,2}[\"']"),
    name="python",
    quotes=_quotes,
    triple=frozenset("\"'"),
    concat=lazy(r"\+(?![+=])|%(?!=)|\.format\("),
    verbs=lazy(
        r"%(?:\([A-Za-z_0-9]{1,40}\))?[-#0 +]{0,5}[0-9]{0,5}(?:\.[0-9]{1,5})?[sdirfxXc]"
        r"|\{[A-Za-z0-9_.\[\]]{0,40}(?:![rsa])?(?::[^{}\n]{0,20})?\}"
    ),
    # `"Bearer {token}"` without .format() is a forgotten f-prefix: a placeholder, not a verb.
    verbs_follow=lazy(r"%(?!=)|\.format\("),
    comment=lazy(r"#?"),
    expanders=EXPANDERS,
    calls={
        "httpbasicauth": Call("HTTPBasicAuth"),
        "httpdigestauth": Call("HTTPDigestAuth"),
        "httpproxyauth": Call("HTTPProxyAuth"),
        "basicauth": Call("BasicAuth"),
        "digestauth": Call("DigestAuth"),
        "add_password": Call("add_password", positions=(2, 3)),
    },
)


def extract(text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    return extract_code(LANGUAGE, text, anchors)

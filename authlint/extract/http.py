"""HTTP-client request files (.http/.rest): VS Code REST Client and JetBrains HTTP Client.

Both clients fill in `{{var}}` before sending, and both accept `Authorization: Basic user
password` (and REST Client `Basic user:password`), which they encode themselves: that is a
credential pair, not a malformed header.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from typing import Final

from authlint.extract import headerline
from authlint.extract.candidate import Candidate, Role, Value
from authlint.lazyre import lazy
from authlint.placeholder import is_encode_notation

_HEADER: Final = lazy(r"(?im)^[ \t]{0,64}(?:proxy-)?authorization[ \t]*:[ \t]*")
_VALUE: Final = lazy(r"[^\r\n]*")
# A word of a header line as the clients read it: a `{{...}}` variable is one word even with
# spaces inside (`{{$processEnv TOKEN}}`, `{{$dotenv KEY_ID}}`, `{{$aadToken new}}`).
_WORD: Final = r"(?:\{\{[^{}\r\n]{0,256}\}\}|[^\s{%s]|\{(?!\{)){%s,1024}"
# `Basic user password`, `Digest user password`: scheme, then exactly two words.
_TWO_WORDS: Final = lazy(
    rf"(?i)(?:basic|digest)[ \t]+(?P<user>{_WORD % ('', 1)})[ \t]+(?P<password>{_WORD % ('', 1)})"
)
_USER_COLON: Final = lazy(rf"(?i)basic[ \t]+(?P<pair>{_WORD % (':', 0)}:{_WORD % ('', 0)})")
# `@auth = Basic ...`: a file variable that holds a header value.
_VARIABLE: Final = lazy(
    r"(?im)^@(?P<name>[A-Za-z0-9_.-]{0,60}auth[A-Za-z0-9_.-]{0,60})[ \t]*=[ \t]*"
)
_SCHEME: Final = lazy(r"(?i)(?:basic|bearer|digest)[ \t]")
_CONTEXT: Final = "REST Client Basic"


def extract(text: str) -> Iterator[Candidate]:
    """Authorization header lines and `@auth = ...` file variables, each with the host of the
    request it belongs to (the request line above it)."""
    requests = [
        (m.start(), (m.group("host") or "").lower())
        for m in itertools.islice(_REQUEST.finditer(text), headerline.MAX_HITS)
    ]
    starts = [start for start, _ in requests]
    for candidate in headerline.dedupe(_headers(text), _variables(text)):
        index = bisect.bisect_right(starts, candidate.value.start) - 1
        if index >= 0 and requests[index][1]:
            yield candidate.replace(hosts=(requests[index][1],))
        else:
            yield candidate


# `GET https://api.razorpay.com/v1/payments HTTP/1.1`: the request line that opens a request.
_REQUEST: Final = lazy(
    r"(?im)^[ \t]{0,8}(?:(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+|(?=https?://))"
    r"(?:https?://(?:[^\s/@]{0,256}@)?(?P<host>[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,64}\]))?"
)


def _headers(text: str) -> Iterator[Candidate]:
    for match in itertools.islice(_HEADER.finditer(text), headerline.MAX_HITS):
        yield from _header(text, match.end())


def _variables(text: str) -> Iterator[Candidate]:
    for match in itertools.islice(_VARIABLE.finditer(text), headerline.MAX_HITS):
        start = match.end()
        if _SCHEME.match(text, start):
            yield from _header(text, start)


def _header(text: str, start: int) -> Iterator[Candidate]:
    line = _VALUE.match(text, start, start + headerline.MAX_VALUE)
    end = headerline.strip_ows(text, start, line.end() if line else start)
    if end <= start:
        return
    two = _TWO_WORDS.fullmatch(text, start, end)
    if two is not None and not is_encode_notation(text[start:end]):
        yield Candidate(
            Role.PAIR,
            _value(text, two.start("user"), two.end("user")),
            _value(text, two.start("password"), two.end("password")),
            context=_CONTEXT,
        )
        return
    pair = _USER_COLON.fullmatch(text, start, end)
    if pair is not None and not is_encode_notation(pair.group("pair")):
        yield Candidate(
            Role.USERPASS, _value(text, pair.start("pair"), pair.end("pair")), context=_CONTEXT
        )
        return
    yield Candidate(Role.HEADER, _value(text, start, end), context="HTTP request file")


def _value(text: str, start: int, end: int) -> Value:
    return headerline.template_value(text, start, end)

"""nginx configuration: the Authorization header a proxy sets on the requests it forwards.

`proxy_set_header Authorization "Basic ...";` (and `grpc_set_header`, the headers-more module's
`more_set_input_headers 'Authorization: ...'`, `fastcgi_param`/`uwsgi_param HTTP_AUTHORIZATION`)
is sent upstream as written, after nginx fills in its variables (`$name`, `${name}`): in a
template the official image renders with envsubst (`*.conf.template`), `${NAME}` is filled in
before nginx starts. Either way a `$` is filled in at run time, so the literal start of the value
is what is judged. The `proxy_pass` of the same block names the host the header goes to.

A value is an nginx token: a double- or single-quoted string (backslash escapes), or a bare word
up to blanks or `;`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from typing import Final

from authlint.extract import headerline
from authlint.extract.candidate import Candidate, Role
from authlint.lazyre import lazy

# The directive, the header (or CGI parameter) name, and the blanks before the value.
_DIRECTIVE: Final = lazy(
    r"(?im)^[ \t]{0,64}(?P<directive>proxy_set_header|grpc_set_header|fastcgi_param"
    r"|uwsgi_param|scgi_param)[ \t]+(?:proxy-)?(?:http_)?(?:proxy_)?authorization[ \t]+"
)
# `more_set_input_headers 'Authorization: Basic ...';`: a header line inside the token.
_MORE: Final = lazy(r"(?im)^[ \t]{0,64}more_set_input_headers\b[^\n;]{0,200}")
_DOUBLE: Final = lazy(r'"(?P<body>(?:[^"\\\n]|\\.){0,4096})"')
_SINGLE: Final = lazy(r"'(?P<body>(?:[^'\\\n]|\\.){0,4096})'")
_BARE: Final = lazy(r"(?P<body>[^\s;'\"{}][^\s;{}]{0,4095})")
_PROXY_PASS: Final = lazy(
    r"(?i)\bproxy_pass[ \t]+(?:https?|grpcs?)://(?P<host>[A-Za-z0-9.-]{1,253})"
)
_CONTEXT: Final = "nginx proxy_set_header"


def extract(text: str) -> Iterator[Candidate]:
    """The header values the file sets upstream, each value once (at most MAX_CANDIDATES)."""
    blocks = _Blocks(text)
    return headerline.dedupe(_directives(text, blocks), _more_headers(text, blocks))


def _directives(text: str, blocks: _Blocks) -> Iterator[Candidate]:
    for match in itertools.islice(_DIRECTIVE.finditer(text), headerline.MAX_HITS):
        token = _token(text, match.end())
        if token is None:
            continue
        start, end = token
        candidate = Candidate(
            Role.HEADER,
            headerline.value(text, start, end, expands=True, refs=headerline.SHELL_REFS),
            context=_CONTEXT,
        )
        yield blocks.sent_to(candidate, match.start())


def _more_headers(text: str, blocks: _Blocks) -> Iterator[Candidate]:
    for match in itertools.islice(_MORE.finditer(text), headerline.MAX_HITS):
        for candidate in headerline.line_headers(
            text,
            match.start(),
            match.end(),
            context=_CONTEXT,
            expands=True,
            refs=headerline.SHELL_REFS,
        ):
            yield blocks.sent_to(candidate, match.start())


def _token(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the value of the nginx token at ``pos`` (inside the quotes, if quoted)."""
    for pattern in (_DOUBLE, _SINGLE, _BARE):
        found = pattern.match(text, pos)
        if found is not None:
            return found.start("body"), found.end("body")
    return None


class _Blocks:
    """The `{ ... }` blocks of the file (braces found once) and each one's upstream host."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._opens = [m.start() for m in _BRACE_OPEN.finditer(text)]
        self._closes = [m.start() for m in _BRACE_CLOSE.finditer(text)]
        self._hosts: dict[tuple[int, int], str] = {}

    def sent_to(self, candidate: Candidate, at: int) -> Candidate:
        """``candidate`` with the host of the `proxy_pass` in the block holding ``at``."""
        before = bisect.bisect_left(self._opens, at) - 1
        after = bisect.bisect_left(self._closes, at)
        span = (
            self._opens[before] + 1 if before >= 0 else 0,
            self._closes[after] if after < len(self._closes) else len(self._text),
        )
        host = self._hosts.get(span)
        if host is None:
            found = _PROXY_PASS.search(self._text, *span)
            host = self._hosts[span] = found.group("host").lower() if found is not None else ""
        return candidate.replace(hosts=(host,)) if host else candidate


_BRACE_OPEN: Final = lazy(r"\{")
_BRACE_CLOSE: Final = lazy(r"\}")

"""The `Authorization: <value>` header line, and how a span of source becomes a Value.

Shared by every extractor that meets a header written as one line of text: curl's `-H`, .http
files, prose, a config string such as `header: "Authorization: <scheme> <credentials>"`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from authlint.extract.candidate import Candidate, Role, Value
from authlint.lazyre import lazy

# RFC 9110 §5.1/§5.6.3: field-name ":" OWS field-value OWS. The OWS after the colon is not part
# of the value; whitespace inside it (a double space after the scheme) is, so checks see it.
# The lookbehind keeps `X-Authorization:` out; `Proxy-Authorization` carries the same credentials.
NAME: Final = lazy(r"(?i)(?<![A-Za-z0-9_-])(?:proxy-)?authorization[ \t]*:[ \t]*")

# A runtime reference in each syntax that some file kind fills in before the value is used.
# Bounded repetitions and disjoint first characters: no backtracking beyond one reference.
DOLLAR: Final = (
    r"\$\{[^}\n]{1,200}\}|\$[A-Za-z_][A-Za-z0-9_]{0,100}|\$[0-9@*#?]|\$\([^)\n]{0,200}\)"
)
ACTIONS: Final = r"\$\{\{[^}\n]{0,200}\}\}"
MUSTACHE: Final = r"\{\{[^}\n]{0,200}\}\}"
# VS Code's namespaced variables (`${input:token}`, `${env:TOKEN}`), filled in by the editor
# in settings, tasks, launch and mcp.json files.
VSCODE: Final = r"\$\{(?:input|env|config|command):[^}\n]{1,200}\}"


def references(*syntaxes: str) -> re.Pattern[str]:
    """A pattern matching a value made only of references (and the `:`/space joining them),
    compiled on first use (the tables below are module constants)."""
    alternatives = "|".join(syntaxes)
    return lazy(rf"[ \t]*(?:(?:{alternatives})[ \t:]{{0,4}}){{1,20}}")


SHELL_REFS: Final = references(ACTIONS, DOLLAR)
TEMPLATE_REFS: Final = references(ACTIONS, MUSTACHE, VSCODE)
ALL_REFS: Final = references(ACTIONS, MUSTACHE, DOLLAR)
_HAS_TEMPLATE: Final = lazy(r"\{\{|\$\{(?:input|env|config|command):")


def value(
    text: str, start: int, end: int, *, expands: bool, refs: re.Pattern[str] | None = None
) -> Value:
    """text[start:end] as a Value; not literal when ``refs`` matches all of it."""
    raw = text[start:end]
    literal = refs is None or not raw or refs.fullmatch(raw) is None
    return Value(raw, start, literal, expands)


def template_value(text: str, start: int, end: int, *, expands: bool = False) -> Value:
    """A config scalar: `${{ }}` and `{{ }}` templates are filled in by the tool that reads it
    (GitHub Actions, Helm, Ansible, Postman, REST Client); `$VAR` only where ``expands``."""
    raw = text[start:end]
    refs = ALL_REFS if expands else TEMPLATE_REFS
    templated = _HAS_TEMPLATE.search(raw) is not None
    return value(text, start, end, expands=expands or templated, refs=refs)


def strip_ows(text: str, start: int, end: int) -> int:
    """The end of text[start:end] without trailing spaces and tabs (an unquoted line's OWS)."""
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    return end


# Keyword hits looked at per reader and file, and the longest value read. A file with more hits
# is generated data; the bounds keep every reader linear however the keywords repeat.
MAX_HITS: Final = 20_000
MAX_VALUE: Final = 65536
_NAME_BYTES: Final = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_-")


def names(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """NAME matches in text[start:end], found by a literal search in the folded text."""
    stop = len(text) if end is None else end
    low = ascii_folded(text)
    pos = start
    for _ in range(MAX_HITS):
        name_start = low.find(b"authoriz", pos, stop)
        if name_start < 0:
            return
        pos = name_start + 1
        if low.startswith(b"proxy-", name_start - 6) and name_start - 6 >= start:
            name_start -= 6
        if name_start > 0 and _name_char(text, low, name_start - 1):
            continue
        match = NAME.match(text, name_start, stop)
        if match is not None:
            yield match


def _name_char(text: str, low: bytes, at: int) -> bool:
    """Is text[at] a header-name character, as folded(text)[at] would say? The one non-ASCII
    character that str.lower() turns into one is the Kelvin sign (into `k`), unless a dotted
    capital I made folded() fall back to ASCII-only folding."""
    if low[at] in _NAME_BYTES:
        return True
    return text[at] == "\u212a" and "\u0130" not in text


def after_name(text: str, start: int, end: int) -> int | None:
    """Where the value starts when text[start:end] is an `Authorization:` header line."""
    pos = start
    while pos < end and text[pos] in " \t":
        pos += 1
    match = NAME.match(text, pos, end)
    return match.end() if match else None


# A header line inside a string or a line of prose, ending at the first of these characters.
_LINE_VALUE: Final = {
    '"': lazy(r'(?:[^"\\\n]|\\[^\n])*'),
    "'": lazy(r"[^'\n]*"),
    "`": lazy(r"[^`\n]*"),
    "": lazy(r"[^\n]*"),
}
_QUOTES: Final = frozenset("\"'`")
# In prose the line goes on after the value ("send Authorization: Basic abc with each call"), so
# there the value is a known scheme and the one word after it.
_PROSE_VALUE: Final = lazy(
    r"(?i)(?:basic|bearer|token|digest|negotiate|ntlm|apikey|api-key|hmac|aws4-hmac-sha256)"
    r"(?:[ \t]{1,8}[^\s`'\"]{1,4096})?(?![^\s`'\"])"
)

_BARE_SCHEME: Final = lazy(r"[A-Za-z][A-Za-z0-9-]{0,40}")


def names_scheme(value: str) -> bool:
    """In prose, a value that is one bare word names the scheme (`an "Authorization": "Basic"
    header`); it shows no header. `Bearer ""` or `Basic ` is an example that lost its token."""
    return _BARE_SCHEME.fullmatch(value) is not None


_OPTION_BEFORE: Final = lazy(r"(?:^|[ \t(`])(?:-H|--header)[ \t]{1,4}$")
# The option and its blanks are at most this long: searched in this window only, not from the
# start of the range (a `$`-anchored search from there is quadratic over many quoted headers).
_OPTION_WINDOW: Final = 1 + len("--header") + 4 + 1


def line_headers(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    context: str = "",
    expands: bool = False,
    refs: re.Pattern[str] | None = None,
    prose: bool = False,
    shell: bool = False,
    quoted_only: bool = False,
) -> Iterator[Candidate]:
    """`Authorization: <value>` wherever it appears in text[start:end].

    A name directly after a quote or backtick is the start of a quoted header line, and its value
    ends at the matching closing quote; otherwise the value runs to the end of the line (in
    ``prose``, to the end of the scheme's credentials word). In ``shell`` text, quoting decides
    whether `$VAR` expands.
    """
    stop = len(text) if end is None else end
    consumed = start
    for match in names(text, start, stop):
        if match.start() < consumed:
            continue
        opener = text[match.start() - 1] if match.start() > start else ""
        reader = _LINE_VALUE.get(opener)
        if reader is None and quoted_only:
            continue
        if reader is None:
            reader = _PROSE_VALUE if prose else _LINE_VALUE[""]
        found = reader.match(text, match.end(), min(stop, match.end() + MAX_VALUE))
        if found is None:
            continue
        consumed = found.end()
        # Inside quotes a trailing space is sent, so it stays part of the value.
        value_end = found.end() if opener in _QUOTES else strip_ows(text, match.end(), found.end())
        if value_end <= match.end():
            continue
        if prose and names_scheme(text[match.end() : value_end]):
            continue  # "send `Authorization: Basic` ...": the scheme named, not a header shown
        here_expands, here_refs = expands, refs
        if shell and opener in "\"'" and _printf_format(text, start, match.start() - 1):
            # printf fills its conversions and ends the line its `\r\n` writes: what is ours
            # to judge is the literal start of the value, before the first conversion.
            yield from _printf_value(text, match.end(), value_end, opener, context)
            continue
        if shell or (
            prose
            and opener in "\"'"
            and _OPTION_BEFORE.search(
                text, max(start, match.start() - _OPTION_WINDOW), match.start() - 1
            )
        ):
            # In prose, `-H "Authorization: Bearer $TOKEN"` is a shell fragment.
            here_expands = opener != "'" or _piped_to_expander(text, value_end, stop)
            here_refs = SHELL_REFS if here_expands else None
        yield Candidate(
            Role.HEADER,
            value(text, match.end(), value_end, expands=here_expands, refs=here_refs),
            context=context,
        )


# `printf 'Authorization: Basic %s\r\n' "$T"`, `printf -v H -- "..."`: the quoted format.
_PRINTF_BEFORE: Final = lazy(
    r"(?<![A-Za-z0-9_.-])printf(?:[ \t]+-v[ \t]+[A-Za-z_][A-Za-z0-9_]{0,100})?(?:[ \t]+--)?[ \t]+\Z"
)
# A conversion (`%s`, `%-20.5s`, `%b`, `%q`), not `%%`; a line end written as an escape.
_PRINTF_CONVERSION: Final = lazy(r"%(?!%)[-#0 +']{0,5}[0-9*]{0,5}(?:\.[0-9*]{0,5})?[A-Za-z]")
_PRINTF_LINE_END: Final = lazy(r"(?:\\r)?\\n\Z")


# `printf -v NAME -- ` before the format is at most this long (a name of up to 100 characters
# and a few blanks): the look-back is bounded by it, or a one-line file of many quoted headers
# is quadratic (each search would scan back to the line's start).
_PRINTF_WINDOW: Final = 160


def _printf_format(text: str, start: int, quote: int) -> bool:
    """Is the string opened at ``quote`` the format of a printf command on its line?"""
    floor = max(start, quote - _PRINTF_WINDOW)
    line_start = max(floor, text.rfind("\n", floor, quote) + 1)
    return _PRINTF_BEFORE.search(text, line_start, quote) is not None


def _printf_value(
    text: str, start: int, end: int, opener: str, context: str
) -> Iterator[Candidate]:
    conversion = _PRINTF_CONVERSION.search(text, start, end)
    if conversion is not None:
        if conversion.start() > start:
            head = Value(text[start : conversion.start()], start, True, opener == '"')
            yield Candidate(Role.HEADER_PREFIX, head, context=context)
        return
    line_end = _PRINTF_LINE_END.search(text, start, end)
    if line_end is not None:
        end = line_end.start()
    if end > start:
        yield Candidate(
            Role.HEADER,
            value(
                text, start, end, expands=opener == '"', refs=SHELL_REFS if opener == '"' else None
            ),
            context=context,
        )


# `echo '... ${X}' | envsubst`: GNU gettext's envsubst fills `$X` and `${X}` in what it reads.
_EXPANDER_PIPE: Final = lazy(r"[^\n|]{0,200}\|[ \t]{0,20}envsubst(?![A-Za-z0-9_.-])")


def _piped_to_expander(text: str, pos: int, stop: int) -> bool:
    """Is the rest of the command line from ``pos`` piped into envsubst?"""
    return _EXPANDER_PIPE.match(text, pos, stop) is not None


# `AUTH_HEADER="Basic ..."`, `export AUTHORIZATION=...`, `ENV AUTH="Bearer ..."`: a variable
# that holds a whole header value. Anchored on "auth" inside the name.
_VARIABLE: Final = lazy(
    r"(?i)(?P<name>[A-Za-z0-9_]{0,60}?auth[A-Za-z0-9_]{0,60})(?P<sep>[ \t]{0,8}=[ \t]{0,8})"
)
_AUTH: Final = lazy("auth")
_BRACED_ONLY: Final = lazy(r"[^$]*(?:\$\{[A-Za-z_][A-Za-z0-9_]{0,100}\}[^$]*)+")
_WORD_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_HEADER_NAME: Final = lazy(r"(?i)authori[sz]ation|auth_?header")
_SCHEME_START: Final = lazy(r"(?i)(?:basic|bearer|token|digest)[ \t]")
_UNQUOTED_LINE: Final = lazy(r"[^\r\n#]*(?:#(?<![ \t]#)[^\r\n#]*)*")
_DOUBLE: Final = lazy(r'(?:[^"\\\n]|\\[^\n])*')
_SINGLE: Final = lazy(r"[^'\n]*")


WordReader = Callable[[str, int, int], Value | None]


def variable_headers(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    context: str,
    word: WordReader | None = None,
    assigns: Callable[[str, int], bool] | None = None,
) -> Iterator[Candidate]:
    """Header values assigned to a variable whose name says it holds one.

    ``word`` reads the value as a shell word (shell, Dockerfile); without it the value is a .env
    value: quoted, or the rest of the line, and `$VAR` in it is not expanded. ``assigns`` says
    whether `NAME=` at an offset is an assignment at all (in a shell command's arguments, it is
    not).
    """
    stop = len(text) if end is None else end
    low = folded(text)
    last = consumed = -1
    for hit in itertools.islice(_AUTH.finditer(low, start, stop), MAX_HITS):
        if hit.start() < consumed:
            continue
        name_start = hit.start()
        while name_start > max(start, hit.start() - 60) and low[name_start - 1] in _WORD_CHARS:
            name_start -= 1
        if name_start <= last or (name_start > 0 and low[name_start - 1] in _WORD_CHARS):
            continue
        match = _VARIABLE.match(text, name_start, stop)
        if match is None or (assigns is not None and not assigns(text, name_start)):
            continue
        last = name_start
        pos = match.end()
        limit = min(stop, pos + MAX_VALUE)
        found = env_value(text, pos, limit) if word is None else word(text, pos, limit)
        if found is not None:
            consumed = found.end
        if found is None or not found.text or NAME.match(found.text):
            continue
        if not _HEADER_NAME.search(match.group("name")) and not _SCHEME_START.match(found.text):
            continue
        if word is None and env_expands(text, pos, found):
            found = Value(found.text, found.start, found.literal, True)
        yield Candidate(Role.HEADER, found, context=context)


def env_expands(text: str, pos: int, value: Value) -> bool:
    """Is the .env ``value`` read at ``pos`` filled in when loaded? python-dotenv, compose and
    dotenv-expand fill in ${VAR} outside single quotes; a bare $VAR only some of them do, so
    that one stays as written."""
    return not text.startswith("'", pos) and _BRACED_ONLY.fullmatch(value.text) is not None


def env_value(text: str, pos: int, stop: int) -> Value | None:
    """A .env value at ``pos``: quoted, or the rest of the line before a ` #` comment."""
    opener = text[pos] if pos < stop else ""
    if opener == '"':
        found = _DOUBLE.match(text, pos + 1, stop)
    elif opener == "'":
        found = _SINGLE.match(text, pos + 1, stop)
    else:
        found = _UNQUOTED_LINE.match(text, pos, stop)
    if found is None:
        return None
    value_end = found.end() if opener in ('"', "'") else strip_ows(text, pos, found.end())
    return Value(text[found.start() : value_end], found.start())


# A file with more header values and credentials than this is generated data: the first ones
# show the problem, and the raw-text secret checks still read all of it.
MAX_CANDIDATES: Final = 10_000


def dedupe(*sources: Iterable[Candidate]) -> Iterator[Candidate]:
    """Candidates from several readers, each value span once (the first reader wins)."""
    seen: set[tuple[int, int]] = set()
    for source in sources:
        for candidate in source:
            key = (candidate.value.start, candidate.value.end)
            if key not in seen:
                if len(seen) >= MAX_CANDIDATES:
                    return
                seen.add(key)
                yield candidate


_ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def folded(text: str) -> str:
    """``text`` in lower case with every offset unchanged, for literal keyword searches.

    A case-sensitive literal search is several times faster than an IGNORECASE one; str.lower()
    is fast but may lengthen a string ("İ"), so then fall back to ASCII-only folding.
    """
    # Several readers of one file ask in turn, and Markdown asks for each block between its
    # questions about the whole file: keep the copies asked for last (a hit moves to the front).
    for at, (original, low) in enumerate(_FOLDED):
        if original is text:
            if at:
                _FOLDED.insert(0, _FOLDED.pop(at))
            return low
    low = text.lower()
    if len(low) != len(text):
        low = text.translate(_ASCII_LOWER)
    _FOLDED.insert(0, (text, low))
    del _FOLDED[3:]
    return low


_FOLDED: list[tuple[str, str]] = []


def ascii_folded(text: str) -> bytes:
    """``text`` with its ASCII letters in lower case and every other character as `?`: one byte
    per character, so offsets are unchanged.

    For keywords of ASCII letters: their hits here are folded(text)'s, since no other character
    lower-cases into one of them but the Kelvin sign (into `k`). Several times cheaper than
    str.lower() on a text that is not all ASCII, and Markdown asks once per prose stretch.
    """
    for at, (original, low) in enumerate(_ASCII_FOLDED):
        if original is text:
            if at:
                _ASCII_FOLDED.insert(0, _ASCII_FOLDED.pop(at))
            return low
    low = text.encode("ascii", "replace").lower()
    _ASCII_FOLDED.insert(0, (text, low))
    del _ASCII_FOLDED[3:]
    return low


_ASCII_FOLDED: list[tuple[str, bytes]] = []


class Hits:
    """The next match of any of several patterns at or after a position.

    One literal pattern per keyword runs at memchr speed (an alternation makes the regex engine
    try every position). A reader that jumps ahead re-searches from there instead of walking
    through the matches it skipped, so the scan stays linear.
    """

    def __init__(self, text: str, start: int, stop: int, *patterns: re.Pattern[str]) -> None:
        self._text = text
        self._stop = stop
        self._patterns = patterns
        self._start = start
        self._found: list[re.Match[str] | None] = [p.search(text, start, stop) for p in patterns]

    def next(self, pos: int) -> re.Match[str] | None:
        best: re.Match[str] | None = None
        for index, previous in enumerate(self._found):
            found = previous
            if found is not None and found.start() < pos:
                found = self._patterns[index].search(self._text, pos, self._stop)
                self._found[index] = found
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best

    def __iter__(self) -> Iterator[re.Match[str]]:
        """Every match in order of position (each pattern's matches may not overlap)."""
        pos = self._start
        while (found := self.next(pos)) is not None:
            yield found
            pos = found.start() + 1

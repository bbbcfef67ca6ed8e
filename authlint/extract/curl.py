"""Command lines of curl, wget and HTTPie, read as the shell would split them.

Only the words of a command that starts at a `curl`/`wget`/`http`/`xh` keyword are read: the
shell, Dockerfile, Markdown, YAML (`run:` scripts) and prose extractors all hand their text here.
A word is kept as its raw segments (unquoted, '...', "...", $'...') so that every value maps back
to the source byte for byte, and so that quoting decides whether `$VAR` is expanded.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Final

from authlint.extract import headerline
from authlint.extract.candidate import Candidate, Role, Value
from authlint.lazyre import lazy
from authlint.record import Record

# A command word at a word boundary, followed by a blank or a line continuation: `http://` and
# `curl_easy_setopt` are not commands.
COMMANDS: Final = tuple(
    lazy(rf"(?P<name>{name})(?:\.exe)?(?=[ \t]|\\\r?\n)")
    for name in ("curl", "wget", "https?", "xhs?")
)
# Checked by hand rather than by a lookbehind, which would cost the regex its literal prefix scan.
_NOT_BEFORE: Final = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.$\\-"
)

# How far one command may run: a command longer than this is not a hand-written curl call.
_MAX_COMMAND: Final = 64 * 1024
_MAX_DEPTH: Final = 16
# Words read per command and per file: a hand-written command has tens of words; a file with
# hundreds of thousands of `curl` words is generated, and the raw-text checks still see it all.
_MAX_WORDS: Final = 4096
_MAX_WORDS_PER_FILE: Final = 50_000

_BLANK: Final = lazy(r"(?:[ \t]+|\\\r?\n)+")
# `<key_secret>`, `<YOUR_TOKEN>`: documentation's placeholder, one piece of a word. A shell would
# read `-u id:<secret> URL` as two redirections (stdin from `secret`, stdout into the URL), which
# no command line means; read as a redirection, the example's password was "empty" (AL116).
_ANGLE_PLACEHOLDER: Final = r"<[A-Za-z][A-Za-z0-9_.-]{0,60}>"
_UNQUOTED_PIECE: Final = (
    r"(?:[^\s'\"\\;&|()`$<>]++|\\[^\r\n]|\$(?![({'\"A-Za-z_0-9@*#?])|" + _ANGLE_PLACEHOLDER + ")"
)
_UNQUOTED: Final = lazy(_UNQUOTED_PIECE + "+")
_STARTS_PLACEHOLDER: Final = lazy(_ANGLE_PLACEHOLDER)
_VARIABLE: Final = lazy(r"\$(?:[A-Za-z_][A-Za-z0-9_]{0,200}|[0-9@*#?!$-])")
_DOUBLE_RUN: Final = lazy(r'[^"\\$`]+')
_SUB_RUN: Final = lazy(r"[^()'\"\\`$#]+")
_BRACE: Final = lazy(r"\$\{[^}]{0,4096}\}")
_ANSI: Final = lazy(r"\$'(?:[^'\\]|\\.){0,65536}'", re.DOTALL)

# The same grammar as one regex per word, for the words that need no nesting: `$VAR`, `${VAR}`
# and quotes that close. Possessive loops, so a word that does not fit (it holds `$(`, a
# backtick, a quote that does not close) fails at once and goes to the slow reader.
_VAR_REF: Final = r"\$(?:[A-Za-z_][A-Za-z0-9_]{0,200}|[0-9@*#?!$-])"
# An unquoted stretch is, like the slow reader's loop, a `$` expansion where one starts and
# otherwise a whole _UNQUOTED run (in which `$$(` is a `$` and then `$(`, not `$$` and `(`).
_RAW_PIECE: Final = (
    r"(?:\$\{[^}]{0,4096}\}|" + _VAR_REF + r"|\$(?![({'])|" + _UNQUOTED_PIECE + "++)"
)
_ANSI_BODY: Final = r"(?:[^'\\]|\\[\s\S]){0,65536}"
# Where the slow reader ends a word: a blank, an operator, a redirection (a `<placeholder>`
# goes on the word: `'id:'<secret>`), a continuation.
_WORD_END: Final = r"(?=[\s;&|()`>]|(?!" + _ANGLE_PLACEHOLDER + r")<|\\(?![^\r\n])|\Z)"


# Between words: blanks, continuations, and redirection operators (a `<placeholder>` is a word).
_GAP: Final = lazy(r"(?:[ \t]++|\\\r?\n|>|(?!" + _ANGLE_PLACEHOLDER + ")<)*+")


def _word_grammar(prose: bool) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a whole word, one segment of a word, the blanks before a word and maybe the word) for a
    reader; in prose quotes end with the line."""
    line = r"\n" if prose else ""
    single = rf"'[^'{line}]*+'"
    escape = r"\\[^\n]" if prose else r"\\[\s\S]"
    double_body = (
        rf"(?:[^\"\\$`{line}]++|{escape}|{_VAR_REF}|\$\{{[^}}{line}]{{0,4096}}\}}|\$(?![({{]))*+"
    )
    word = (
        rf"(?:(?P<raw>{_RAW_PIECE}++)|'(?P<single>{single[1:-1]})'|\"(?P<double>{double_body})\""
        rf"|(?P<mixed>(?:{_RAW_PIECE}++|{single}|\"{double_body}\"|\$'{_ANSI_BODY}')++))"
        + _WORD_END
    )
    segment = lazy(
        rf"(?P<raw>{_RAW_PIECE}++)|'(?P<single>{single[1:-1]})'|\"(?P<double>{double_body})\""
        rf"|\$'(?P<ansi>{_ANSI_BODY})'"
    )
    # `#` opens a comment where a word would start.
    step = rf"(?P<gap>{_GAP.pattern})(?:(?!#){word})?"
    return lazy(word), segment, lazy(step)


_GRAMMAR: Final = {False: _word_grammar(False), True: _word_grammar(True)}
_COMMAND_END: Final = frozenset("\n\r;&|()`#")


# Records (authlint.record): a YAML file of CI steps makes tens of thousands of these, and a
# NamedTuple costs half as much again to build (a frozen dataclass three times as much).
class Segment(Record):
    __slots__ = ("end", "kind", "start")
    _fields = ("kind", "start", "end")

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind: Final = kind  # "raw", "single", "double", "ansi"
        self.start: Final = start  # of the contents, without the quotes
        self.end: Final = end


class Word(Record):
    __slots__ = ("end", "segments", "start")
    _fields = ("segments", "start", "end")

    def __init__(self, segments: tuple[Segment, ...], start: int, end: int) -> None:
        self.segments: Final = segments
        self.start: Final = start
        self.end: Final = end


def _segments(pattern: re.Pattern[str], text: str, start: int, end: int) -> tuple[Segment, ...]:
    """The segments of a word that mixes quoting, which its grammar matched from start to end."""
    found = []
    for part in pattern.finditer(text, start, end):
        kind = part.lastgroup or "raw"
        found.append(Segment(kind, part.start(kind), part.end(kind)))
    return tuple(found)


class _Reader:
    """Splits one command into words, stopping at the end of the command."""

    def __init__(self, text: str, start: int, end: int, one_line: bool, prose: bool) -> None:
        self.text = text
        self.pos = start
        self.end = end
        # In prose an apostrophe is not a quote that runs on for pages: quotes end with the line.
        self.prose = prose
        if one_line:
            newline = text.find("\n", start, end)
            if newline >= 0:
                self.end = newline

    def _line_end(self, pos: int) -> int:
        if not self.prose:
            return self.end
        newline = self.text.find("\n", pos, self.end)
        return self.end if newline < 0 else newline

    def words(self) -> Iterator[Word]:
        text = self.text
        end = self.end
        step = _GRAMMAR[self.prose][2]
        while True:
            # The blanks before a word and, where the regex grammar fits, the word: one match.
            found = step.match(text, self.pos, end)
            if found is None:  # never: the gap may be empty
                return
            kind = found.lastgroup
            if kind is None or kind == "gap" or (found.end() == end and text[end - 1] == "$"):
                self.pos = found.end("gap")
                if self.pos >= end or text[self.pos] in _COMMAND_END:
                    return
                word = self._slow_word()
                if word is None:
                    return
                yield word
                continue
            yield self._matched(found, kind)

    def _word(self) -> Word | None:
        """The word at self.pos: one regex match for the usual word, the segment-by-segment
        reader for the rest (`$(...)`, backticks, quotes that span lines or do not close)."""
        text = self.text
        start = self.pos
        found = _GRAMMAR[self.prose][0].match(text, start, self.end)
        if found is None or (found.end() == self.end and text[self.end - 1] == "$"):
            # A `$` just before the end may open `$'...'` past it: the slow reader decides.
            return self._slow_word()
        return self._matched(found, found.lastgroup or "")

    def _matched(self, found: re.Match[str], kind: str) -> Word:
        """The Word of a grammar match whose word group is ``kind``."""
        start, end = found.span(kind)
        self.pos = found.end()
        if kind == "raw":
            return Word((Segment("raw", start, end),), start, end)
        if kind == "mixed":
            return Word(_segments(_GRAMMAR[self.prose][1], self.text, start, end), start, end)
        return Word((Segment(kind, start, end),), start - 1, end + 1)

    def _slow_word(self) -> Word | None:
        text = self.text
        start = self.pos
        segments: list[Segment] = []
        while self.pos < self.end:
            char = text[self.pos]
            if char == "'":
                limit = self._line_end(self.pos)
                close = text.find("'", self.pos + 1, limit)
                stop = limit if close < 0 else close
                segments.append(Segment("single", self.pos + 1, stop))
                self.pos = limit if close < 0 else close + 1
            elif char == '"':
                close = self._skip_double(self.pos + 1, 0)
                segments.append(Segment("double", self.pos + 1, close))
                self.pos = min(close + 1, self.end)
            elif text.startswith("$'", self.pos):
                match = _ANSI.match(text, self.pos, self.end)
                stop = match.end() if match else self.end
                segments.append(Segment("ansi", self.pos + 2, max(stop - 1, self.pos + 2)))
                self.pos = stop
            elif char == "$":
                stop = self._skip_dollar(self.pos, 0)
                self._raw(segments, self.pos, stop)
                self.pos = stop
            else:
                match = _UNQUOTED.match(text, self.pos, self.end)
                if match is None:
                    break
                self._raw(segments, self.pos, match.end())
                self.pos = match.end()
        if self.pos == start:
            return None
        return Word(tuple(segments), start, self.pos)

    @staticmethod
    def _raw(segments: list[Segment], start: int, end: int) -> None:
        if segments and segments[-1].kind == "raw" and segments[-1].end == start:
            segments[-1] = Segment("raw", segments[-1].start, end)
        else:
            segments.append(Segment("raw", start, end))

    def _skip_double(self, pos: int, depth: int) -> int:
        """The index of the closing double quote (or the end) from inside a "..." string."""
        text = self.text
        limit = self._line_end(pos)
        while pos < limit:
            run = _DOUBLE_RUN.match(text, pos, limit)
            if run:
                pos = run.end()
                continue
            char = text[pos]
            if char == '"':
                return pos
            if char == "\\":
                pos += 2
            elif char == "`":
                close = text.find("`", pos + 1, self.end)
                pos = self.end if close < 0 else close + 1
            else:
                pos = self._skip_dollar(pos, depth)
        return limit

    def _skip_dollar(self, pos: int, depth: int) -> int:
        """The end of the expansion at text[pos] == "$"."""
        text = self.text
        if text.startswith("$(", pos) and depth < _MAX_DEPTH:
            return self._skip_substitution(pos + 2, depth + 1)
        if text.startswith("${", pos):
            match = _BRACE.match(text, pos, self.end)
            return match.end() if match else min(pos + 2, self.end)
        match = _VARIABLE.match(text, pos, self.end)
        return match.end() if match else pos + 1

    def _skip_substitution(self, pos: int, depth: int) -> int:
        """The end of `$( ... )`, with quotes and nested substitutions inside it."""
        text = self.text
        level = 1
        while pos < self.end:
            run = _SUB_RUN.match(text, pos, self.end)
            if run:
                pos = run.end()
                continue
            char = text[pos]
            if char == "(":
                level += 1
                pos += 1
            elif char == ")":
                level -= 1
                pos += 1
                if level == 0:
                    return pos
            elif char == "'":
                close = text.find("'", pos + 1, self.end)
                pos = self.end if close < 0 else close + 1
            elif char == '"':
                pos = min(self._skip_double(pos + 1, depth) + 1, self.end)
            elif char == "\\":
                pos += 2
            elif char == "`":
                close = text.find("`", pos + 1, self.end)
                pos = self.end if close < 0 else close + 1
            elif char == "$":
                pos = self._skip_dollar(pos, depth)
            else:  # "#": a comment only at a word start, which is rare enough inside $( )
                pos += 1
        return self.end


def _expands(kind: str) -> bool:
    return kind in ("raw", "double")


def _is_expansion(text: str, segment: Segment) -> bool:
    """The segment is one `$VAR`, `${VAR}` or `$(...)` and nothing else."""
    if segment.kind not in ("raw", "double"):
        return False
    return headerline.SHELL_REFS.fullmatch(text, segment.start, segment.end) is not None


def _word_value(text: str, segments: list[Segment]) -> Value | None:
    """The value of a word's remaining segments: the contents of a lone quoted segment, or the
    raw span when the word mixes quoting (`"$ID":"$SECRET"`)."""
    segments = _attached(segments)
    if not segments:
        return None
    if len(segments) == 1:
        only = segments[0]
        literal = not _is_expansion(text, only)
        return Value(text[only.start : only.end], only.start, literal, _expands(only.kind))
    first, last = segments[0], segments[-1]
    start = first.start - (0 if first.kind == "raw" else 1 if first.kind != "ansi" else 2)
    end = last.end + (0 if last.kind == "raw" else 1)
    literal = not all(
        _is_expansion(text, s) or text[s.start : s.end] in (":", "") for s in segments
    )
    expands = any(_expands(s.kind) for s in segments)
    return Value(text[start:end], start, literal, expands)


def word_at(text: str, start: int, end: int) -> Value | None:
    """The shell word at ``start`` as a Value (see _word_value)."""
    word = _Reader(text, start, min(end, start + headerline.MAX_VALUE), False, False)._word()
    return None if word is None else _word_value(text, list(word.segments))


# Words after which a `NAME=value` word is still an assignment: other assignments, the builtins
# that declare (bash(1): SHELL BUILTIN COMMANDS), `env`, and the reserved words a command follows.
_DECLARING: Final = frozenset(
    {"export", "local", "declare", "readonly", "typeset", "env", "then", "do", "else", "time", "!"}
)
_ASSIGNMENT_WORD: Final = lazy(r"[A-Za-z_][A-Za-z0-9_]{0,100}=")
# Where a simple command starts: a new line (not a continued one) or a control operator.
_COMMAND_START: Final = lazy(r"(?:[;&|(){}`]|\$\(|(?<!\\)\n)[^;&|(){}`\n]*\Z")


def at_assignment(text: str, pos: int) -> bool:
    """Can a `NAME=value` word at ``pos`` be a shell assignment? Only before the command's name;
    after it, it is an argument (`http POST pie.dev name=value` is an HTTPie form field)."""
    floor = max(0, pos - 400)
    found = _COMMAND_START.search(text, floor, pos)
    start = found.start() + 1 if found is not None else floor
    words = text[start:pos].replace("\\\n", " ").split()
    return all(w in _DECLARING or _ASSIGNMENT_WORD.match(w) for w in words)


# An HTTPie request item that is not a header (httpie.io/docs/cli/request-items): `name:=json`
# (raw JSON field), `name==query`, `name=field`, `name@file` and their `=@`/`:=@` file forms.
# Only `name:value` (and `name;`) is a header. The construct path (construct/lang/shell.py) reads
# the same table.
HTTPIE_NOT_A_HEADER: Final = lazy(r"[\"']?[A-Za-z0-9_-]*(?::=|==|=|@)")


def _header(text: str, segments: list[Segment]) -> tuple[Role, Value] | None:
    """A `-H` argument that is an Authorization header line: (HEADER or HEADER_PREFIX, value)."""
    if not segments:
        return None
    first = segments[0]
    value_start = headerline.after_name(text, first.start, first.end)
    if value_start is None:
        return None
    rest = [Segment(first.kind, value_start, first.end), *segments[1:]]
    rest = [s for s in rest if s.end > s.start]
    if not rest:
        return None
    if len(rest) == 1:
        only = rest[0]
        end = only.end
        start = only.start
        if only.kind == "raw":
            end = headerline.strip_ows(text, start, end)
            while text.startswith("\\ ", start, end):  # `-H Authorization:\ Basic\ x`
                start += 2
        literal = not _is_expansion(text, only)
        return Role.HEADER, Value(text[start:end], start, literal, _expands(only.kind))
    # A quoted scheme followed by a quoted expansion: only the literal start is known.
    head = rest[0]
    if _is_expansion(text, head) or text.startswith("$", head.start):
        return None
    end = head.end
    if _expands(head.kind):
        # Inside double quotes the literal start ends at the first expansion (`$$` and `$?`
        # too: `"Basic $$(echo -n "...` in a Makefile recipe); the rest is filled in.
        runtime = min(
            (
                at
                for at in (text.find("$", head.start, end), text.find("`", head.start, end))
                if at != -1
            ),
            default=end,
        )
        if runtime == head.start:
            return None
        end = runtime
    return Role.HEADER_PREFIX, Value(text[head.start : end], head.start, True, _expands(head.kind))


# curl short options that take an argument: in `-sSu x` the `u` ends the cluster and takes `x`.
_CURL_ARG_SHORT: Final = frozenset("AbcCdDeEFHKmoPQrtTuUwxXyYz")
_HTTPIE: Final = frozenset({"http", "https", "xh", "xhs"})
_SHORT_ARGS: Final = {
    "curl": _CURL_ARG_SHORT,
    "wget": frozenset("aABdDeiIlnoOPQRtTUwXY"),
    "http": frozenset("aAo"),
}
_CURL_LONG_ARG: Final = frozenset(
    {
        "--data",
        "--data-raw",
        "--data-binary",
        "--data-urlencode",
        "--request",
        "--output",
        "--cookie",
        "--form",
        "--user-agent",
        "--referer",
        "--proxy",
        "--proxy-user",
        "--max-time",
        "--connect-timeout",
        "--cacert",
        "--cert",
        "--key",
        "--url",
        "--write-out",
        "--config",
        "--retry",
        "--json",
        "--oauth2-bearer",
        "--aws-sigv4",
    }
)


def _split_option(text: str, word: Word, name: str) -> tuple[str, list[Segment], bool] | None:
    """(option, attached argument segments, whether the option takes an argument) for an option
    word of command ``name``; None for a non-option."""
    first = word.segments[0] if word.segments else None
    if first is None or first.kind not in ("raw", "exec") or not text.startswith("-", first.start):
        return None
    raw = text[first.start : first.end]
    option, cut, takes = (_option_facts if len(raw) <= 40 else _option_facts.__wrapped__)(raw, name)
    rest = word.segments[1:]
    if cut < 0:
        return option, list(rest), takes
    return option, [Segment(first.kind, first.start + cut, first.end), *rest], takes


# Option words repeat (`-sSf`, `-H`, `--data-raw`): their reading is kept. Short words only, so
# the cache stays small whatever the input.
@functools.lru_cache(maxsize=1024)
def _option_facts(raw: str, name: str) -> tuple[str, int, bool]:
    """(option, where in ``raw`` its attached argument starts or -1, whether it takes one)."""
    if raw.startswith("--"):
        option, equals, _ = raw.partition("=")
        return option, len(option) + 1 if equals else -1, _takes_argument(name, option)
    # A cluster of short flags: the first one that takes an argument takes the rest of the word.
    short_args = _SHORT_ARGS["http" if name in _HTTPIE else name]
    for index in range(1, len(raw)):
        letter = raw[index]
        if letter in short_args:
            return "-" + letter, index + 1, _takes_argument(name, "-" + letter)
    return raw, -1, _takes_argument(name, raw)


def _attached(segments: list[Segment]) -> list[Segment]:
    return [s for s in segments if s.end > s.start or s.kind not in ("raw", "exec")]


# A candidate before the command's hosts are known: (role, value, secret, context).
_Found = tuple[Role, Value, Value | None, str]


def _candidates(text: str, name: str, words: Iterable[Word]) -> list[Candidate]:
    found: list[_Found] = []
    httpie = name in _HTTPIE
    wget_user: Value | None = None
    wget_password: Value | None = None
    pending: str | None = None
    pending_at = 0
    # The words that may name a host, read only when the command has a candidate.
    host_words: list[Word] = []
    for word in words:
        option: str | None = None
        if pending is not None:
            taken, pending = pending, None
            if _takes_credentials(name, taken) and _is_option_word(text, word):
                # `curl -u \` then `-X POST ...`: the credentials are missing (a docs export
                # that lost its placeholders); the next word is read as the option it is.
                context = "httpie -a" if httpie else f"curl {taken}"
                found.append((Role.USERPASS, Value("", pending_at), None, context))
            else:
                option, segments = taken, list(word.segments)
                if option == "--url":
                    host_words.append(word)
        if option is None:
            split = _split_option(text, word, name)
            if split is None:
                host_words.append(word)
                if httpie and not HTTPIE_NOT_A_HEADER.match(text, word.start, word.end):
                    header = _header(text, list(word.segments))
                    if header is not None:
                        found.append((*header, None, f"{name} header"))
                continue
            option, segments, takes = split
            segments = _attached(segments)
            if not segments:
                if takes:
                    pending, pending_at = option, word.start
                continue
        if name == "wget" and option in _WGET_USER:
            wget_user = _word_value(text, segments) or wget_user
        elif name == "wget" and option in _WGET_PASSWORD:
            wget_password = _word_value(text, segments) or wget_password
        else:
            found.extend(_option_value(text, name, option, segments))
    if wget_password is not None:
        user = wget_user if wget_user is not None else Value("", wget_password.start, False)
        found.append((Role.PAIR, user, wget_password, "wget --http-user"))
    if not found:
        return []
    hosts: dict[str, None] = {}
    for word in host_words:
        _add_host(hosts, text[word.start : word.end])
    shown = tuple(hosts)
    return [
        Candidate(role, value, secret, context, shown) for role, value, secret, context in found
    ]


# The host of a URL argument: `https://api.razorpay.com/v1`, or HTTPie's `pie.dev/headers` and
# `:3000/path` (localhost). Evidence for which API's rules a header gets.
_URL_HOST: Final = lazy(
    r"[\"']?(?:[A-Za-z][A-Za-z0-9+.-]{0,20}://)?(?:[^\s/@\"']{0,256}@)?"
    r"(?P<host>localhost|[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}|\[[0-9A-Fa-f:.]{2,64}\])"
    r"(?::[0-9]{1,5})?(?:[/?#\"']|$)"
)


_NOT_LETTERS: Final = "0123456789-.:[]"


def _add_host(hosts: dict[str, None], word: str) -> None:
    if word.startswith("-") or "=" in word.split("/", 1)[0] or len(hosts) >= 8:
        return  # an option, or an HTTPie `field=value` item
    found = _URL_HOST.match(word)
    if found is not None:
        host = found.group("host")
        if host.strip(_NOT_LETTERS):  # the host's characters are ASCII: some are letters
            hosts[host.lower().strip("[]")] = None


def _takes_credentials(name: str, option: str) -> bool:
    if name in _HTTPIE:
        return option in ("-a", "--auth")
    return name == "curl" and option in ("-u", "--user", "-U", "--proxy-user")


def _is_option_word(text: str, word: Word) -> bool:
    first = word.segments[0] if word.segments else None
    return (
        first is not None
        and first.kind == "raw"
        and first.end - first.start > 1
        and text.startswith("-", first.start)
    )


_WGET_USER: Final = frozenset({"--user", "--http-user"})
_WGET_PASSWORD: Final = frozenset({"--password", "--http-password"})


def _takes_argument(name: str, option: str) -> bool:
    if name in _HTTPIE:
        return option in ("-a", "--auth", "-A", "--auth-type", "-o", "--output")
    if name == "wget":
        return option in ("--header", "--user", "--password", "--http-user", "--http-password")
    return option in ("--header", "--user", "--proxy-header") or (
        option in _CURL_LONG_ARG or (len(option) == 2 and option[1] in _CURL_ARG_SHORT)
    )


def _option_value(text: str, name: str, option: str, segments: list[Segment]) -> list[_Found]:
    httpie = name in _HTTPIE
    if option in ("-H", "--header", "--proxy-header") and not httpie:
        header = _header(text, segments)
        return [] if header is None else [(*header, None, f"{name} {option}")]
    userpass = (httpie and option in ("-a", "--auth")) or (
        name == "curl" and option in ("-u", "--user", "-U", "--proxy-user")
    )
    if userpass:
        value = _word_value(text, segments)
        if value is not None:
            if not value.literal and (
                value.text.strip('"').endswith(":") or value.text.strip('"').startswith(":")
            ):
                # `-u "$ID:"`: the secret half is literally empty, which the checks report.
                value = Value(value.text, value.start, True, value.expands)
            context = "httpie -a" if httpie else f"curl {option}"
            return [(Role.USERPASS, value, None, context)]
    return []


def extract(
    text: str, start: int = 0, end: int | None = None, *, prose: bool = False
) -> Iterator[Candidate]:
    """Candidates of every curl/wget/HTTPie command in text[start:end].

    ``prose``: the text is documentation, where quotes do not span lines.
    """
    stop = len(text) if end is None else end
    pos = start
    budget = _MAX_WORDS_PER_FILE
    hits = headerline.Hits(text, start, stop, *COMMANDS)
    while budget > 0:
        match = hits.next(pos)
        if match is None:
            return
        if match.start() > 0 and text[match.start() - 1] in _NOT_BEFORE:
            pos = match.start() + 1
            continue
        if not prose and _argument_of_other_command(text, match.start()):
            pos = match.end()
            continue
        commented = _commented(text, match.start())
        reader = _Reader(text, match.end(), min(stop, match.end() + _MAX_COMMAND), commented, prose)
        words = list(itertools.islice(reader.words(), min(budget, _MAX_WORDS)))
        budget -= len(words) + 1
        yield from _candidates(text, match.group("name"), words)
        pos = max(reader.pos, match.end())


# Commands that take a command's NAME as an argument without running it: fish/zsh/bash
# completion definitions (`complete -c http -s a -xa "..."`: `-xa` is fish's own option cluster),
# lookups, package managers installing the tool.
_NOT_RUNNING: Final = frozenset(
    {
        "complete",
        "compdef",
        "compctl",
        "which",
        "type",
        "whereis",
        "man",
        "apt",
        "apt-get",
        "brew",
        "yum",
        "dnf",
        "apk",
        "pacman",
        "snap",
        "choco",
        "winget",
    }
)
# Any of them anywhere in the line before the command word (a substring, as `in` tests).
_NOT_RUNNING_WORD: Final = lazy("|".join(sorted(map(re.escape, _NOT_RUNNING))))
_SIMPLE_COMMAND_START: Final = lazy(
    r"(?:.*(?:[;|&(`]|\$\(|\bthen\b|\bdo\b))?[ \t]*(?P<first>[A-Za-z0-9_.-]+)"
)


def _argument_of_other_command(text: str, pos: int) -> bool:
    """The command word at ``pos`` is an argument of another command on its line that does not
    run it (`complete -c http ...`, `apt-get install curl`)."""
    line_start = text.rfind("\n", max(0, pos - 512), pos) + 1
    if line_start == pos:
        return False
    if _NOT_RUNNING_WORD.search(text, line_start, pos) is None:
        return False  # the usual case, without the backtracking line pattern
    found = _SIMPLE_COMMAND_START.match(text, line_start, pos)
    return found is not None and found.end() < pos and found.group("first") in _NOT_RUNNING


def _commented(text: str, pos: int) -> bool:
    """The command sits after a `#` on its line: a commented-out example, read to the line end."""
    line_start = text.rfind("\n", max(0, pos - 4096), pos) + 1
    hash_at = text.find("#", line_start, pos)
    return hash_at >= 0 and (hash_at == line_start or text[hash_at - 1] in " \t")


# The exec form: `["curl", "-u", "id:secret", ...]` in a Dockerfile RUN/HEALTHCHECK, a compose
# healthcheck or a Kubernetes command. No shell runs, so nothing in it is expanded.
_EXEC: Final = lazy(
    r"(?P<q>[\"'])(?:[A-Za-z0-9_.~/-]{0,200}/)?(?P<name>curl|wget|https?|xhs?)(?P=q)[ \t]*,"
)
_EXEC_ITEM: Final = lazy(
    r"[ \t\r\n]{0,64}(?:\"(?P<d>(?:[^\"\\\n]|\\[^\n]){0,65536})\"|'(?P<s>[^'\n]{0,65536})')"
    r"[ \t\r\n]{0,64},?"
)


def extract_exec(text: str, start: int = 0, end: int | None = None) -> Iterator[Candidate]:
    """Candidates of exec-form command arrays in text[start:end]."""
    stop = len(text) if end is None else end
    pos = start
    budget = _MAX_WORDS_PER_FILE
    while pos < stop and budget > 0:
        match = _EXEC.search(text, pos, stop)
        if match is None:
            return
        words: list[Word] = []
        pos = match.end()
        while len(words) < min(budget, _MAX_WORDS):
            item = _EXEC_ITEM.match(text, pos, stop)
            if item is None:
                break
            group = "d" if item.group("d") is not None else "s"
            words.append(
                Word(
                    (Segment("exec", item.start(group), item.end(group)),), item.start(), item.end()
                )
            )
            pos = item.end()
        budget -= len(words) + 1
        yield from _candidates(text, match.group("name"), words)

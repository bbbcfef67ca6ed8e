"""Command lines of curl, wget and HTTPie, read as the shell would split them.

Only the words of a command that starts at a `curl`/`wget`/`http`/`xh` keyword are read: the
shell, Dockerfile, Markdown, YAML (`run:` scripts) and prose extractors all hand their text here.
A word is kept as its raw segments (unquoted, '...', "...", $'...') so that every value maps back
to the source byte for byte, and so that quoting decides whether `$VAR` is expanded.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Final, NamedTuple

from authlint.extract import headerline
from authlint.extract.candidate import Candidate, Role, Value

# A command word at a word boundary, followed by a blank or a line continuation: `http://` and
# `curl_easy_setopt` are not commands.
COMMANDS: Final = tuple(
    re.compile(rf"(?P<name>{name})(?:\.exe)?(?=[ \t]|\\\r?\n)")
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

_BLANK: Final = re.compile(r"(?:[ \t]+|\\\r?\n)+")
# `<key_secret>`, `<YOUR_TOKEN>`: documentation's placeholder, one piece of a word. A shell would
# read `-u id:<secret> URL` as two redirections (stdin from `secret`, stdout into the URL), which
# no command line means; read as a redirection, the example's password was "empty" (AL116).
_ANGLE_PLACEHOLDER: Final = r"<[A-Za-z][A-Za-z0-9_.-]{0,60}>"
_UNQUOTED: Final = re.compile(
    r"(?:[^\s'\"\\;&|()`$<>]|\\[^\r\n]|\$(?![({'\"A-Za-z_0-9@*#?])|" + _ANGLE_PLACEHOLDER + ")+"
)
_STARTS_PLACEHOLDER: Final = re.compile(_ANGLE_PLACEHOLDER)
_VARIABLE: Final = re.compile(r"\$(?:[A-Za-z_][A-Za-z0-9_]{0,200}|[0-9@*#?!$-])")
_DOUBLE_RUN: Final = re.compile(r'[^"\\$`]+')
_SUB_RUN: Final = re.compile(r"[^()'\"\\`$#]+")
_BRACE: Final = re.compile(r"\$\{[^}]{0,4096}\}")
_ANSI: Final = re.compile(r"\$'(?:[^'\\]|\\.){0,65536}'", re.DOTALL)


# Named tuples, not dataclasses: a YAML file of CI steps makes tens of thousands of these, and a
# frozen dataclass costs three times as much to build.
class Segment(NamedTuple):
    kind: str  # "raw", "single", "double", "ansi"
    start: int  # of the contents, without the quotes
    end: int


class Word(NamedTuple):
    segments: tuple[Segment, ...]
    start: int
    end: int


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
        while self.pos < self.end:
            blank = _BLANK.match(text, self.pos, self.end)
            if blank:
                self.pos = blank.end()
                continue
            char = text[self.pos]
            if char in "<>" and not _STARTS_PLACEHOLDER.match(text, self.pos, self.end):
                # A redirection: its target is read as a plain word, which yields nothing.
                self.pos += 1
                continue
            if char in "\n;&|()`" or char == "\r":
                return
            if char == "#":
                return
            word = self._word()
            if word is None:
                return
            yield word

    def _word(self) -> Word | None:
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
_ASSIGNMENT_WORD: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,100}=")
# Where a simple command starts: a new line (not a continued one) or a control operator.
_COMMAND_START: Final = re.compile(r"(?:[;&|(){}`]|\$\(|(?<!\\)\n)[^;&|(){}`\n]*\Z")


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
HTTPIE_NOT_A_HEADER: Final = re.compile(r"[\"']?[A-Za-z0-9_-]*(?::=|==|=|@)")


def _header(text: str, segments: list[Segment], context: str) -> Candidate | None:
    """A `-H` argument that is an Authorization header line."""
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
        return Candidate(
            Role.HEADER,
            Value(text[start:end], start, literal, _expands(only.kind)),
            context=context,
        )
    # A quoted scheme followed by a quoted expansion: only the literal start is known.
    head = rest[0]
    if _is_expansion(text, head) or text.startswith("$", head.start):
        return None
    return Candidate(
        Role.HEADER_PREFIX,
        Value(text[head.start : head.end], head.start, True, _expands(head.kind)),
        context=context,
    )


# curl short options that take an argument: in `-sSu x` the `u` ends the cluster and takes `x`.
_CURL_ARG_SHORT: Final = frozenset("AbcCdDeEFHKmoPQrtTuUwxXyYz")
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


def _split_option(
    text: str, word: Word, short_args: frozenset[str]
) -> tuple[str, list[Segment]] | None:
    """(option, attached argument segments) for an option word; None for a non-option."""
    first = word.segments[0] if word.segments else None
    if first is None or first.kind not in ("raw", "exec") or not text.startswith("-", first.start):
        return None
    raw = text[first.start : first.end]
    rest = list(word.segments[1:])
    if raw.startswith("--"):
        name, equals, _ = raw.partition("=")
        if equals:
            arg_start = first.start + len(name) + 1
            return name, [Segment(first.kind, arg_start, first.end), *rest]
        return name, rest
    # A cluster of short flags: the first one that takes an argument takes the rest of the word.
    for index in range(1, len(raw)):
        letter = raw[index]
        if letter in short_args:
            return "-" + letter, [Segment(first.kind, first.start + index + 1, first.end), *rest]
    return raw, rest


def _attached(segments: list[Segment]) -> list[Segment]:
    return [s for s in segments if s.end > s.start or s.kind not in ("raw", "exec")]


def _candidates(text: str, name: str, words: Iterable[Word]) -> list[Candidate]:
    found: list[Candidate] = []
    httpie = name in ("http", "https", "xh", "xhs")
    short_args = _SHORT_ARGS["http" if httpie else name]
    wget_user: Value | None = None
    wget_password: Value | None = None
    pending: str | None = None
    pending_at = 0
    hosts: dict[str, None] = {}
    for word in words:
        option: str | None = None
        if pending is not None:
            taken, pending = pending, None
            if _takes_credentials(name, taken) and _is_option_word(text, word):
                # `curl -u \` then `-X POST ...`: the credentials are missing (a docs export
                # that lost its placeholders); the next word is read as the option it is.
                context = "httpie -a" if httpie else f"curl {taken}"
                found.append(Candidate(Role.USERPASS, Value("", pending_at), context=context))
            else:
                option, segments = taken, list(word.segments)
                if option == "--url":
                    _add_host(hosts, text[word.start : word.end])
        if option is None:
            split = _split_option(text, word, short_args)
            if split is None:
                _add_host(hosts, text[word.start : word.end])
                if httpie and not HTTPIE_NOT_A_HEADER.match(text, word.start, word.end):
                    candidate = _header(text, list(word.segments), f"{name} header")
                    if candidate is not None:
                        found.append(candidate)
                continue
            option, segments = split
            segments = _attached(segments)
            if not segments:
                if _takes_argument(name, option):
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
        found.append(Candidate(Role.PAIR, user, wget_password, context="wget --http-user"))
    if hosts and found:
        shown = tuple(hosts)
        return [Candidate(c.role, c.value, c.secret, c.context, shown) for c in found]
    return found


# The host of a URL argument: `https://api.razorpay.com/v1`, or HTTPie's `pie.dev/headers` and
# `:3000/path` (localhost). Evidence for which API's rules a header gets.
_URL_HOST: Final = re.compile(
    r"[\"']?(?:[A-Za-z][A-Za-z0-9+.-]{0,20}://)?(?:[^\s/@\"']{0,256}@)?"
    r"(?P<host>localhost|[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}|\[[0-9A-Fa-f:.]{2,64}\])"
    r"(?::[0-9]{1,5})?(?:[/?#\"']|$)"
)


def _add_host(hosts: dict[str, None], word: str) -> None:
    if word.startswith("-") or "=" in word.split("/", 1)[0] or len(hosts) >= 8:
        return  # an option, or an HTTPie `field=value` item
    found = _URL_HOST.match(word)
    if found is not None and any(c.isalpha() for c in found.group("host")):
        hosts[found.group("host").lower().strip("[]")] = None


def _takes_credentials(name: str, option: str) -> bool:
    if name in ("http", "https", "xh", "xhs"):
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
    if name in ("http", "https", "xh", "xhs"):
        return option in ("-a", "--auth", "-A", "--auth-type", "-o", "--output")
    if name == "wget":
        return option in ("--header", "--user", "--password", "--http-user", "--http-password")
    return option in ("--header", "--user", "--proxy-header") or (
        option in _CURL_LONG_ARG or (len(option) == 2 and option[1] in _CURL_ARG_SHORT)
    )


def _option_value(text: str, name: str, option: str, segments: list[Segment]) -> list[Candidate]:
    httpie = name in ("http", "https", "xh", "xhs")
    if option in ("-H", "--header", "--proxy-header") and not httpie:
        candidate = _header(text, segments, f"{name} {option}")
        return [] if candidate is None else [candidate]
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
            return [Candidate(Role.USERPASS, value, context=context)]
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
_SIMPLE_COMMAND_START: Final = re.compile(
    r"(?:.*(?:[;|&(`]|\$\(|\bthen\b|\bdo\b))?[ \t]*(?P<first>[A-Za-z0-9_.-]+)"
)


def _argument_of_other_command(text: str, pos: int) -> bool:
    """The command word at ``pos`` is an argument of another command on its line that does not
    run it (`complete -c http ...`, `apt-get install curl`)."""
    line_start = text.rfind("\n", max(0, pos - 512), pos) + 1
    if line_start == pos:
        return False
    lead = text[line_start:pos]
    if not any(word in lead for word in _NOT_RUNNING):
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
_EXEC: Final = re.compile(
    r"(?P<q>[\"'])(?:[A-Za-z0-9_.~/-]{0,200}/)?(?P<name>curl|wget|https?|xhs?)(?P=q)[ \t]*,"
)
_EXEC_ITEM: Final = re.compile(
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

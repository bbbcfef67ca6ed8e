"""Config files: YAML, JSON, TOML, INI and .env.

No parser library: broken files are common in a repository, and a full parse costs far more than
finding the few keys that matter. Each format is scanned for the keyword `authorization` (and
`secret`/`password` for credential pairs, whose offsets a scan's prefilter anchors already hold)
in a lower-cased copy, and only the text around each hit is read: the key and its scalar, or the
mapping that holds it.

What each hit can be:
- a key: `Authorization: Basic ...`, `"Authorization": "..."`, `Authorization = "..."`;
- the name half of a name/value pair: `- name: Authorization` + `value: ...` (Kubernetes probes,
  OpenAPI examples), `{"key": "Authorization", "value": "..."}` (Postman, HAR);
- a header line inside a string: `header: "Authorization: <scheme> <credentials>"`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from authlint.extract import curl, headerline
from authlint.extract.candidate import Candidate, Role, Value
from authlint.lazyre import lazy
from authlint.placeholder import looks_random
from authlint.prefilter import WORDS, Anchors
from authlint.record import Record

# Reads the scalar whose first character is at pos; None when there is no usable value.
Scalar = Callable[[str, int, int, bool, bool], "Value | None"]
# The mapping (or section) around pos: (start, end, the parent key or section name).
Block = Callable[[str, int], tuple[int, int, str]]

_WINDOW: Final = 4096
# The longest key prefix and the longest value read: bounds the work around each keyword.
_BEFORE: Final = 256
_MAX_VALUE: Final = 16384
# Credential pairs need a look at the enclosing mapping; a file with more candidates than this is
# generated data, and the raw-text secret checks still see all of it.
_MAX_PAIRS: Final = 1000

_SECRET_WORDS: Final = ("secret", "passw")
# Their indices among the prefilter's words: a scan's anchors hold every offset of them already.
_SECRET_WORD_AT: Final = frozenset(WORDS.index(word.encode()) for word in _SECRET_WORDS)


def _secret_words(low: str) -> list[int]:
    """Offsets of every secret word in ``low``, in order. The words cannot overlap (no end of
    one begins the other or itself), so these are the matches of a search for either; found by
    `str.find` per word, at memchr speed (an alternation tries every position), then merged."""
    found: list[int] = []
    for word in _SECRET_WORDS:
        at = low.find(word)
        while at >= 0:
            found.append(at)
            at = low.find(word, at + 1)
    found.sort()
    return found


_AUTH_ANCHOR: Final = lazy(r"authori[sz]ation")
_NAME_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
_PAIR_NAME_KEY: Final = lazy(
    r"(?i)(?:^|[\s{,\[])[\"']?(?:name|key|header|header_?name)[\"']?[ \t]*[:=][ \t]*$"
)
_COMMENT: Final = lazy(r"(?:^|[ \t])[#;]")
_FLOW: Final = lazy(r"[{\[]")
_HEADER_OPTION: Final = lazy(r"(?:^|[ \t'\"])(?:-H|--header)[ \t]{0,8}=?$")


class Format(Record):
    """How one config syntax writes keys, scalars and mappings."""

    __slots__ = ("block", "comments", "expands", "inline_keys", "name", "scalar", "separators")
    _fields = ("name", "separators", "scalar", "block", "inline_keys", "comments", "expands")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        name: str,
        separators: str,
        scalar: Scalar,
        block: Block,
        inline_keys: bool,
        comments: bool = True,
        expands: bool = False,
    ) -> None:
        self.name: Final = name
        self.separators: Final = separators
        self.scalar: Final = scalar
        self.block: Final = block
        # Unquoted keys: only at a line start (INI, .env) or also after `{`/`,` (YAML, TOML
        # flow).
        self.inline_keys: Final = inline_keys
        self.comments: Final = comments
        # `$VAR` in values is filled in by the program reading the file (docker compose).
        self.expands: Final = expands


def _line_start(text: str, pos: int, window: int = _WINDOW) -> int:
    """The start of pos's line, or pos - window when the line is longer (minified files)."""
    low = max(0, pos - window)
    return text.rfind("\n", low, pos) + 1 or low


def _line_end(text: str, pos: int, stop: int) -> int:
    """The end of pos's line, at most _MAX_VALUE characters on."""
    limit = min(stop, pos + _MAX_VALUE)
    end = text.find("\n", pos, limit)
    return limit if end < 0 else end


# -- scalars ---------------------------------------------------------------------------------

_DOUBLE: Final = lazy(r'(?:[^"\\\n]|\\[^\n]){0,65536}')
_SINGLE_YAML: Final = lazy(r"(?:[^'\n]|''){0,65536}")
_SINGLE: Final = lazy(r"[^'\n]{0,65536}")
_TRIPLE: Final = {
    '"""': lazy(r'(?:[^"\\]|\\.|"(?!""))*', re.S),
    "'''": lazy(r"(?:[^']|'(?!''))*"),
}
_YAML_REF_TAG: Final = lazy(r"!(?:Ref|GetAtt|ImportValue|Secret|vault|env_var)\b")
_YAML_SUB_TAG: Final = lazy(r"!Sub[ \t]+")
_CFN_REFS: Final = headerline.references(r"\$\{[A-Za-z0-9_.:-]{1,200}\}")


def _quoted(text: str, pos: int, stop: int, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    found = pattern.match(text, pos + 1, stop)
    if found is None or found.end() >= stop or text[found.end()] != text[pos]:
        return None
    return pos + 1, found.end()


def _yaml_scalar(text: str, pos: int, stop: int, flow: bool, expands: bool) -> Value | None:
    compose = expands
    char = text[pos] if pos < stop else ""
    if char in "|>":
        # A block scalar: a header value fits on its first line.
        line = _line_end(text, pos, stop) + 1
        start = line
        while start < stop and text[start] in " \t":
            start += 1
        end = headerline.strip_ows(text, start, _line_end(text, start, stop))
        return headerline.template_value(text, start, end, expands=compose) if end > start else None
    if _YAML_REF_TAG.match(text, pos, stop):
        end = _plain_end(text, pos, stop, flow)
        return Value(text[pos:end], pos, False, True) if end > pos else None
    sub = _YAML_SUB_TAG.match(text, pos, stop)
    if sub is not None:
        inner = _yaml_scalar(text, sub.end(), stop, flow, expands)
        if inner is None:
            return None
        # CloudFormation fills ${Name} in !Sub strings.
        return headerline.value(text, inner.start, inner.end, expands=True, refs=_CFN_REFS)
    if char in "*&":
        return None  # an alias: the value is elsewhere
    span: tuple[int, int] | None
    if char == '"':
        span = _quoted(text, pos, stop, _DOUBLE)
    elif char == "'":
        span = _quoted(text, pos, stop, _SINGLE_YAML)
    else:
        span = (pos, _plain_end(text, pos, stop, flow))
    if span is None or span[1] <= span[0]:
        return None
    return headerline.template_value(text, span[0], span[1], expands=compose)


def _plain_end(text: str, pos: int, stop: int, flow: bool) -> int:
    end = _line_end(text, pos, stop)
    comment = _COMMENT.search(text, pos, end)
    if comment is not None:
        end = comment.start()
    if flow:
        for char in ",}]":
            found = text.find(char, pos, end)
            if found >= 0:
                end = found
    return headerline.strip_ows(text, pos, end)


_COMPOSE: Final = lazy(r"(?m)^services:[ \t]*$")


def _is_compose(text: str) -> bool:
    """docker compose interpolates $VAR and ${VAR} in every value of the file; Spring Boot's
    application.yml resolves ${VAR} and ${VAR:default} placeholders the same way."""
    # Literal tests first: a line-anchored search tries every position of the file.
    if "spring:" in text and _SPRING.search(text) is not None:
        return True
    return (
        "services:" in text
        and ("image:" in text or "build:" in text)
        and _COMPOSE.search(text) is not None
    )


_SPRING: Final = lazy(r"(?m)^spring:[ \t]*(?:#[^\n]*)?$")


def _json_scalar(text: str, pos: int, stop: int, flow: bool, expands: bool) -> Value | None:
    if pos >= stop or text[pos] != '"':
        return None
    span = _quoted(text, pos, stop, _DOUBLE)
    if span is None or span[1] <= span[0]:
        return None
    return headerline.template_value(text, span[0], span[1], expands=expands)


def _toml_scalar(text: str, pos: int, stop: int, flow: bool, expands: bool) -> Value | None:
    for quote, pattern in _TRIPLE.items():
        if text.startswith(quote, pos):
            found = pattern.match(text, pos + 3, min(stop, pos + 3 + 65536))
            if found is None or not text.startswith(quote, found.end()):
                return None
            start = pos + 3 + (1 if text.startswith("\n", pos + 3) else 0)
            end = headerline.strip_ows(text, start, found.end())
            return headerline.template_value(text, start, end) if end > start else None
    char = text[pos] if pos < stop else ""
    if char not in "\"'" or not char:
        return None
    span = _quoted(text, pos, stop, _DOUBLE if char == '"' else _SINGLE)
    if span is None or span[1] <= span[0]:
        return None
    return headerline.template_value(text, span[0], span[1])


def _ini_scalar(text: str, pos: int, stop: int, flow: bool, expands: bool) -> Value | None:
    end = _line_end(text, pos, stop)
    comment = _COMMENT.search(text, pos, end)
    if comment is not None:
        end = comment.start()
    end = headerline.strip_ows(text, pos, end)
    if end - pos >= 2 and text[pos] in "\"'" and text[end - 1] == text[pos]:
        pos, end = pos + 1, end - 1
    if end <= pos:
        return None
    value = headerline.template_value(text, pos, end)
    if _TOX_SUBSTITUTION.search(text, pos, end):
        return value.replace(literal=False)  # tox fills it in at run time
    return value


_TOX_SUBSTITUTION: Final = lazy(
    r"\{(?:env:[A-Za-z_][A-Za-z0-9_]{0,100}(?::[^{}\n]{0,200})?|\[[^\]\n]{1,100}\][\w.-]{1,100})\}"
)


def _dotenv_scalar(text: str, pos: int, stop: int, flow: bool, expands: bool) -> Value | None:
    found = headerline.env_value(text, pos, min(stop, pos + _MAX_VALUE))
    if found is None or not found.text:
        return None
    expands = headerline.env_expands(text, pos, found)
    return headerline.template_value(text, found.start, found.end, expands=expands)


# -- blocks ----------------------------------------------------------------------------------

_YAML_INDENT: Final = lazy(r"[ \t]{0,200}(?:-[ \t]{1,8}){0,8}")
# A line's indentation, its list dashes, and its first character ("" for a blank line).
_YAML_LINE: Final = lazy(
    r"(?P<indent>[ \t]{0,200})(?P<dash>(?:-[ \t]{1,8}){0,8})(?P<first>[^ \t\r\n]?)"
)
_YAML_KEY: Final = lazy(r"[\"']?(?P<key>[^\"':\n#]{1,80})[\"']?[ \t]*:")
_MAX_LINES: Final = 32


def _yaml_line(text: str, line: int) -> tuple[int, bool, bool]:
    """(content column, starts a list item, blank or comment) of the line starting at ``line``."""
    found = _YAML_LINE.match(text, line)
    if found is None:  # the pattern matches the empty string: never
        return 0, False, True
    column = found.start("first") - line
    first = found.group("first")
    return column, bool(found.group("dash")), first in ("", "#")


def _yaml_block(text: str, pos: int) -> tuple[int, int, str]:
    """The lines of the mapping that holds the key at pos, and its parent key."""
    line = _line_start(text, pos, _BEFORE)
    indent, item, _ = _yaml_line(text, line)
    start, parent = line, ""
    cursor = line
    for _ in range(0 if item else _MAX_LINES):
        if cursor == 0:
            break
        previous = _line_start(text, cursor - 1, _BEFORE)
        column, dash, blank = _yaml_line(text, previous)
        if not blank:
            if column < indent:
                key = _YAML_KEY.match(text, previous + column)
                parent = key.group("key") if key else ""
                break
            if column == indent and dash:
                start = previous  # the `- ` line that starts this list item
                break
        start = cursor = previous
    end = line
    for _ in range(_MAX_LINES):
        next_line = text.find("\n", end, end + _MAX_VALUE)
        if next_line < 0:
            end = min(len(text), end + _MAX_VALUE)
            break
        end = next_line + 1
        column, dash, blank = _yaml_line(text, end)
        if not blank and (column < indent or (column <= indent and dash)):
            break
    return start, end, parent


_JSON_PARENT: Final = lazy(r'"(?P<key>[^"\n]{1,80})"[ \t\r\n]*:[ \t\r\n]*$')


def _json_block(text: str, pos: int) -> tuple[int, int, str]:
    open_at = text.rfind("{", max(0, pos - _WINDOW), pos)
    close_at = text.find("}", pos, pos + _WINDOW)
    start = open_at if open_at >= 0 else max(0, pos - _WINDOW)
    end = close_at if close_at >= 0 else min(len(text), pos + _WINDOW)
    parent = ""
    if open_at > 0:
        found = _JSON_PARENT.search(text, max(0, open_at - 120), open_at)
        if found is not None:
            parent = found.group("key")
    return start, end, parent


_SECTION: Final = lazy(r"(?m)^[ \t]*\[+[ \t]*(?P<name>[^\]\n]{1,120})\]")


def _section_block(text: str, pos: int) -> tuple[int, int, str]:
    line = _line_start(text, pos)
    brace = text.rfind("{", line, pos)
    if brace >= 0 and text.find("}", brace, pos) < 0:
        # A TOML inline table `auth = { username = "...", password = "..." }`.
        close = text.find("}", pos, _line_end(text, pos, len(text)))
        key = re.search(r"(?P<key>[A-Za-z0-9_.\"'-]{1,80})[ \t]*=[ \t]*$", text[line:brace])
        name = key.group("key").strip("\"'").rsplit(".", 1)[-1] if key else ""
        return brace, len(text) if close < 0 else close, name
    header_at = text.rfind("\n[", max(0, pos - 2 * _WINDOW), pos)
    start = max(0, pos - 2 * _WINDOW) if header_at < 0 else header_at + 1
    header = _SECTION.match(text, start)
    parent = header.group("name").strip().strip("\"'").rsplit(".", 1)[-1] if header else ""
    next_header = text.find("\n[", pos, pos + 2 * _WINDOW)
    end = min(len(text), pos + 2 * _WINDOW) if next_header < 0 else next_header
    return start, end, parent


def _file_block(text: str, pos: int) -> tuple[int, int, str]:
    return max(0, pos - _WINDOW), min(len(text), pos + _WINDOW), ""


YAML: Final = Format("yaml", ":", _yaml_scalar, _yaml_block, inline_keys=True)
YAML_COMPOSE: Final = Format("yaml", ":", _yaml_scalar, _yaml_block, inline_keys=True, expands=True)
JSON: Final = Format("json", ":", _json_scalar, _json_block, inline_keys=True, comments=False)
TOML: Final = Format("toml", "=", _toml_scalar, _section_block, inline_keys=True)
INI: Final = Format("ini", "=:", _ini_scalar, _section_block, inline_keys=False)
DOTENV: Final = Format("dotenv", "=", _dotenv_scalar, _file_block, inline_keys=False)


# -- the Authorization keyword ---------------------------------------------------------------


def _headers(text: str, low: str, fmt: Format) -> Iterator[Candidate]:
    consumed = 0
    budget = [_MAX_PAIRS]
    for match in itertools.islice(_AUTH_ANCHOR.finditer(low), headerline.MAX_HITS):
        name_start, name_end = match.start(), match.end()
        if name_start < consumed:
            continue  # inside the value just read
        if low.startswith("proxy-", name_start - 6):
            name_start -= 6
        if name_start > 0 and low[name_start - 1] in _NAME_CHARS:
            continue
        if name_end < len(low) and low[name_end] in _NAME_CHARS:
            continue
        found = _at_name(text, name_start, name_end, fmt, budget)
        if isinstance(found, tuple):
            for candidate in found:  # a name/value pair's value, then its OpenAPI examples
                consumed = max(consumed, candidate.value.end)
                yield candidate
        elif found is not None:
            consumed = found.value.end
            yield found


def _at_name(
    text: str, start: int, end: int, fmt: Format, budget: list[int]
) -> Candidate | tuple[Candidate, ...] | None:
    stop = len(text)
    line = _line_start(text, start, _BEFORE)
    quote = text[start - 1] if start > line and text[start - 1] in "\"'" else ""
    key_start = start - len(quote)
    before = text[line:key_start]
    if fmt.comments and ("#" in before or ";" in before) and _COMMENT.search(before):
        return None
    pos = end
    quoted_key = bool(quote) and text.startswith(quote, pos)
    if quoted_key:
        pos += 1
    while pos < stop and text[pos] in " \t":
        pos += 1
    separator = text[pos] if pos < stop and text[pos] in fmt.separators else ""
    if not separator:
        if budget[0] > 0 and _PAIR_NAME_KEY.search(before):
            budget[0] -= 1
            return _pair_value(text, start, fmt) or None
        return None
    pos += 1
    if quote and not quoted_key:
        # "Authorization: Basic ..." inside a string value.
        if separator != ":":
            return None
        if fmt.name == "yaml" and _HEADER_OPTION.search(before):
            return None  # a `curl -H` argument in a script: the shell reader knows its quoting
        return _string_header(text, pos, quote, fmt)
    if fmt.name == "yaml" and pos < stop and text[pos] not in " \t\r\n":
        return None  # `Authorization:x` is a plain scalar, not a key
    if not _key_position(before, fmt):
        if separator == ":" and fmt.name in ("ini", "dotenv"):
            # `header = Authorization: Basic ...`: the rest of the line is the header line.
            return _string_header(text, pos, "", fmt)
        return None
    while pos < stop and text[pos] in " \t":
        pos += 1
    value = fmt.scalar(text, pos, stop, _FLOW.search(before) is not None, fmt.expands)
    if value is None:
        return None
    return Candidate(Role.HEADER, value, context=f"{fmt.name} header")


_KEY_PREFIX_INLINE: Final = lazy(r"(?:[ \t]*(?:-[ \t]+)*|[^\n]*[{,][ \t]*)")
_KEY_PREFIX_LINE: Final = lazy(r"[ \t]*(?:export[ \t]+)?")
_HEADER_LINE_TAIL: Final = {
    '"': lazy(r'(?:[^"\\\n]|\\[^\n]){0,65536}'),
    "'": lazy(r"[^'\n]{0,65536}"),
    "": lazy(r"[^\r\n]{0,65536}"),
}


def _key_position(before: str, fmt: Format) -> bool:
    prefix = _KEY_PREFIX_INLINE if fmt.inline_keys else _KEY_PREFIX_LINE
    return prefix.fullmatch(before) is not None


# A line of a shell script: what YAML, JSON and Kubernetes manifests never hold in a value.
_SHELL_LINE: Final = lazy(
    r"(?m)^[ \t]*(?:#!/[^\n]*sh\b|set[ \t]+-[a-z]|if[ \t]+\[|fi\b|then\b|else\b|done\b|"
    r"local[ \t]|export[ \t]|[A-Za-z_][A-Za-z0-9_]*\(\)[ \t]*\{|[^\n]*[ \t]&&[ \t]|"
    r"[^\n]*=\$\()"
)
_BLOCK_HEADER: Final = lazy(r"[|>][0-9+-]{0,2}[ \t]*(?:#[^\n]*)?$")
_YAML_ENTRY: Final = lazy(r"-(?:[ \t]|$)|[A-Za-z0-9_.\-\"']{1,100}:(?:[ \t]|$)")


def _lines_above(text: str, line_start: int, limit: int) -> Iterator[tuple[int, str]]:
    """(start, text) of each line above the one starting at ``line_start``, nearest first, at
    most ``limit`` of them."""
    start = line_start
    for _ in range(limit):
        if start == 0:
            return
        prev_start = text.rfind("\n", 0, start - 1) + 1
        yield prev_start, text[prev_start : start - 1]
        start = prev_start


def _in_script_block(text: str, pos: int, limit: int = 400) -> bool:
    """Is offset ``pos`` inside a YAML block scalar (`key: |`, `- |`) whose text is a shell
    script? Walks up at most ``limit`` lines to the block's header."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    if line_end < 0:
        line_end = len(text)
    line = text[line_start:line_end]
    indent = len(line) - len(line.lstrip(" "))
    for start, prev in _lines_above(text, line_start, limit):
        stripped = prev.lstrip(" ")
        if not stripped.strip() or stripped.startswith("{{"):
            continue
        if len(prev) - len(stripped) < indent:
            if _BLOCK_HEADER.search(prev) is None:
                if _YAML_ENTRY.match(stripped):
                    return False  # a key or list item: the value is no block's text
                indent = len(prev) - len(stripped)  # a script's outer line (`if ...; then`)
                continue
            body = text[start + len(prev) + 1 : line_end]
            return _SHELL_LINE.search(body) is not None
    return False


# A container's `command:` / `args:` in a Kubernetes manifest: the kubelet fills in `$(NAME)`
# from the container's environment there, and nowhere else (not in a probe's `httpHeaders`).
_CONTAINER_ARGS_KEY: Final = lazy(r"(?:-[ \t]+)?(?:command|args)[ \t]*:")
# How far above a value its pod spec's `containers:` is looked for.
_POD_SPEC_REACH: Final = 20_000


def _in_container_args(text: str, pos: int, limit: int = 200) -> bool:
    """Is offset ``pos`` in an item of a Kubernetes container's `command:` or `args:`?"""
    low = max(0, pos - _POD_SPEC_REACH)
    if text.rfind("containers:", low, pos) == -1 or text.find("apiVersion:", 0, pos) == -1:
        return False
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos]
    stripped = line.lstrip(" ")
    if _CONTAINER_ARGS_KEY.match(stripped):
        return True  # `args: ["-H", "Authorization: Bearer $(TOKEN)"]`
    indent = len(line) - len(stripped)
    for _, prev in _lines_above(text, line_start, limit):
        key = prev.lstrip(" ")
        if not key.strip() or key.startswith("#"):
            continue
        if len(prev) - len(key) < indent or (
            len(prev) - len(key) == indent and not stripped.startswith("-")
        ):
            return _CONTAINER_ARGS_KEY.match(key) is not None
    return False


def _string_header(text: str, pos: int, quote: str, fmt: Format) -> Candidate | None:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    tail = _HEADER_LINE_TAIL[quote].match(text, pos)
    if tail is None:
        return None
    end = headerline.strip_ows(text, pos, tail.end())
    if end <= pos:
        return None
    # A double-quoted string in a YAML block scalar that is a shell script (a ConfigMap's
    # `probe.sh: |`, a CI `run: |`): the shell that runs the script expands its `${VAR}`.
    expands = (
        fmt.expands
        or (
            quote == '"'
            and fmt.name == "yaml"
            and "$" in text[pos:end]
            and _in_script_block(text, pos)
        )
        or (fmt.name == "yaml" and "$(" in text[pos:end] and _in_container_args(text, pos))
    )
    value = headerline.template_value(text, pos, end, expands=expands)
    return Candidate(Role.HEADER, value, context=f"{fmt.name} header")


def _sibling(
    text: str, block: tuple[int, int, str], names: str, fmt: Format, indent_of: int | None
) -> Value | None:
    pattern = _lower_key_pattern(names.lower(), fmt.separators)
    start, end, _ = block
    # Searched in the folded copy without IGNORECASE: several times faster.
    low = headerline.folded(text)
    for found in itertools.islice(pattern.finditer(low, start, end), 64):
        key_at = found.start("key")
        if not _key_boundary(text, key_at - 1 if text[key_at - 1 : key_at] in "\"'" else key_at):
            continue
        if indent_of is not None and _indent(text, found.start("key")) != indent_of:
            continue
        pos = found.end()
        flow = fmt.name == "json" or (
            _FLOW.search(text, _line_start(text, pos, _BEFORE), found.start("key")) is not None
        )
        value = fmt.scalar(text, pos, len(text), flow, fmt.expands)
        if value is not None:
            return value
    return None


_sibling_patterns: dict[tuple[str, str], re.Pattern[str]] = {}


def _sibling_pattern(names: str, separators: str) -> re.Pattern[str]:
    pattern = _sibling_patterns.get((names, separators))
    if pattern is None:
        pattern = re.compile(
            rf"(?i)[\"']?(?P<key>{names})[\"']?[ \t]*[{re.escape(separators)}][ \t]*"
        )
        _sibling_patterns[names, separators] = pattern
    return pattern


def _lower_key_pattern(names: str, separators: str) -> re.Pattern[str]:
    pattern = _sibling_patterns.get((names, "lower" + separators))
    if pattern is None:
        pattern = re.compile(rf"(?P<key>{names})[\"']?[ \t]*[{re.escape(separators)}][ \t]*")
        _sibling_patterns[names, "lower" + separators] = pattern
    return pattern


def _key_boundary(text: str, pos: int) -> bool:
    return (
        pos == 0
        or text[pos - 1] in " \t\r\n{,["
        or (text[pos - 1] in "\"'" and (pos == 1 or text[pos - 2] in " \t\r\n{,["))
    )


def _indent(text: str, pos: int) -> int:
    """The column where the key at pos starts, counting `- ` list markers as indentation."""
    return pos - _line_start(text, pos, _BEFORE)


def _pair_value(text: str, name_start: int, fmt: Format) -> tuple[Candidate, ...]:
    """`name: Authorization` / `"key": "Authorization"`: the header is the sibling `value` (or,
    in an OpenAPI parameter object, its `example` and each `value` of its `examples`)."""
    block = fmt.block(text, name_start)
    indent = None
    values: list[Value] = []
    if fmt.name == "yaml":
        line = _line_start(text, name_start, _BEFORE)
        key = _YAML_INDENT.match(text, line)
        indent = (key.end() if key else line) - line
    value = _sibling(text, block, "value|example", fmt, indent)
    if value is not None:
        values.append(value)
    if indent is not None:
        values += _yaml_examples(text, block, indent)
    return tuple(Candidate(Role.HEADER, v, context=f"{fmt.name} header") for v in values)


def _yaml_examples(text: str, block: tuple[int, int, str], indent: int) -> list[Value]:
    """The `value` of each entry under a sibling `examples:` mapping (OpenAPI 3's named
    examples: `examples:` / `  sandbox:` / `    value: "Basic ..."`), nested deeper than it.
    (In JSON the parameter's block already holds them: its sibling search finds them.)"""
    start, end, _ = block
    low = headerline.folded(text)
    for found in _lower_key_pattern("examples", ":").finditer(low, start, end):
        key_at = found.start("key")
        if _key_boundary(text, key_at) and _indent(text, key_at) == indent:
            break
    else:
        return []
    values: list[Value] = []
    line = _line_end(text, key_at, len(text)) + 1
    for _ in range(_MAX_LINES * 4):
        if line >= len(text):
            break
        column, _dash, blank = _yaml_line(text, line)
        if not blank:
            if column <= indent:
                break
            key = _YAML_KEY.match(text, line + column)
            if key is not None and key.group("key").strip() == "value":
                pos = key.end()
                while pos < len(text) and text[pos] in " \t":
                    pos += 1
                value = _yaml_scalar(text, pos, len(text), False, False)
                if value is not None:
                    values.append(value)
        line = _line_end(text, line, len(text)) + 1
    return values


# -- credential pairs ------------------------------------------------------------------------

_ID_FOR_SECRET: Final = lazy(r"(?i)(?P<prefix>.{0,60}?)(?P<sep>[_-]?)key(?P<sep2>[_-]?)secret")
_AUTH_PARENT: Final = lazy(
    r"(?i)^(?:.*[_-])?(?:basic_?auth|http_?auth|auth|basic|credentials|provider)$"
)
_USERNAMES: Final = r"username|user|user_?name|login"


def _pairs(text: str, low: str, fmt: Format, anchors: Anchors | None = None) -> Iterator[Candidate]:
    key_pattern = _sibling_pattern(
        r"[A-Za-z0-9_.-]{0,60}(?:secret|password|passwd)", fmt.separators
    )
    # The prefilter found the same offsets (its ASCII-only lowering and the folded copy agree on
    # these words: the one non-ASCII character that lower-cases into ASCII is KELVIN SIGN, "k").
    offsets = (
        _secret_words(low)
        if anchors is None
        else [at for at, index in anchors if index in _SECRET_WORD_AT]
    )
    for count, at in enumerate(offsets):
        if count >= _MAX_PAIRS:
            return
        line = _line_start(text, at, _BEFORE)
        key_start = _key_start(text, line, at)
        key = key_pattern.match(text, key_start)
        if key is None or not (key.start("key") <= at < key.end("key")):
            named = _named_secret(text, line, at, key_start, fmt)
            if named is not None:
                yield named
            continue
        if fmt.comments and _COMMENT.search(text, line, key.start("key")):
            continue
        name = key.group("key")
        before = text[line : max(line, key.start("key") - 1)]
        if not _key_position(before, fmt) and not (fmt.name == "json" or fmt.inline_keys):
            continue
        found = _pair_for(text, key, name, fmt)
        if found is not None:
            yield found


# `- name: RAZORPAY_KEY_SECRET` + `value: "..."`: an environment list of name/value objects
# (Kubernetes containers, ECS task definitions, Cloud Run services). The name is the setting's.
_NAME_KEY_BEFORE: Final = lazy(r"(?i)[\"']?(?:name|key)[\"']?[ \t]*[:=][ \t]*[\"']?$")
_SECRET_NAME: Final = lazy(r"(?i)[A-Za-z0-9_.-]{0,60}(?:secret|passw(?:or)?d)(?:[_-]?key)?")


def _named_secret(text: str, line: int, anchor: int, start: int, fmt: Format) -> Candidate | None:
    """The sibling `value` of a `name:`/`key:` that names a secret, when it is a literal that
    looks generated (a reference, `$(VAR)`, a path or a word is how these lists are written).
    ``start``: where the key holding ``anchor`` starts (``_key_start``)."""
    if text[start] in "\"'":
        start += 1
    # What _NAME_KEY_BEFORE ends with (`:` or `=`, then blanks and a quote), tested first: the
    # search tries every start on the line, and most secret words (`secretKeyRef: {...}`) are
    # keys, not names.
    if text[line:start].rstrip(" \t\"'")[-1:] not in (":", "=") or (
        _NAME_KEY_BEFORE.search(text, line, start) is None
    ):
        return None
    name = _SECRET_NAME.match(text, start)
    if (
        name is None
        or name.end() <= anchor
        or text[name.end() : name.end() + 1]
        not in (
            '"',
            "'",
            "\r",
            "\n",
            " ",
            ",",
            "}",
            "",
        )
    ):
        return None
    block = fmt.block(text, start)
    indent = None
    if fmt.name == "yaml":
        lead = _YAML_INDENT.match(text, line)
        indent = (lead.end() if lead else line) - line
    value = _sibling(text, block, "value", fmt, indent)
    if value is None or not value.literal or not looks_random(value.text):
        return None
    # No user id: the check reports the secret-named setting on its own.
    return Candidate(
        Role.PAIR, Value("", value.start, False), value, context=f"{fmt.name} env {name.group(0)}"
    )


def _key_start(text: str, line: int, anchor: int) -> int:
    pos = anchor
    while pos > line and (text[pos - 1].isalnum() or text[pos - 1] in "_.-"):
        pos -= 1
    if pos > line and text[pos - 1] in "\"'":
        pos -= 1
    return pos


def _pair_for(text: str, key: re.Match[str], name: str, fmt: Format) -> Candidate | None:
    secret = fmt.scalar(text, key.end(), len(text), fmt.name == "json", fmt.expands)
    if secret is None:
        return None
    block = fmt.block(text, key.start("key"))
    indent = _indent(text, key.start("key")) if fmt.name == "yaml" else None
    ids = _ID_FOR_SECRET.fullmatch(name)
    if ids is not None:
        prefix, sep, sep2 = ids.group("prefix"), ids.group("sep"), ids.group("sep2")
        id_names = re.escape(f"{prefix}{sep}key{sep2}id")
        if sep2 == "":
            id_names = re.escape(f"{prefix}{sep}keyid") + "|" + re.escape(f"{prefix}{sep}keyId")
        user = _sibling(text, block, id_names, fmt, indent)
        if user is not None:
            return Candidate(Role.PAIR, user, secret, context=f"{fmt.name} key_id/key_secret")
        return None
    if name.lower() not in ("password", "passwd", "pass") or not _AUTH_PARENT.match(block[2]):
        return None
    user = _sibling(text, block, _USERNAMES, fmt, indent)
    if user is None:
        return None
    return Candidate(Role.PAIR, user, secret, context="config basic auth")


# -- entry points ----------------------------------------------------------------------------


def extract_format(text: str, fmt: Format, anchors: Anchors | None = None) -> Iterator[Candidate]:
    """Header keys, name/value header pairs and credential pairs of a file in ``fmt``.
    ``anchors``: the prefilter's for exactly this text, when a scan has them."""
    low = headerline.folded(text)
    yield from _headers(text, low, fmt)
    yield from _pairs(text, low, fmt, anchors)


def extract_yaml(text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    """YAML (also GitHub Actions, docker compose, Kubernetes, OpenAPI): header keys, name/value
    header pairs, id/secret pairs, and curl commands in `run:` scripts."""
    from authlint.kinds import embedded_regions

    fmt = YAML_COMPOSE if _is_compose(text) else YAML
    found = embedded_regions("yaml", text)
    scripts = found[1] if found is not None else []
    return headerline.dedupe(
        _scripts(text, scripts),
        _outside(
            scripts,
            extract_format(text, fmt, anchors),
            headerline.variable_headers(text, context="yaml environment", word=_yaml_env(fmt)),
            curl.extract(_unquote_commands(text)),
            curl.extract_exec(text),
        ),
    )


def _scripts(text: str, regions: list[tuple[int, int]]) -> Iterator[Candidate]:
    """The shell scripts of a workflow's `run:` steps, read as a .sh file is."""
    from authlint.extract import shell

    for start, end in regions:
        yield from shell.extract_range(text, start, end)


def _outside(regions: list[tuple[int, int]], *sources: Iterable[Candidate]) -> Iterator[Candidate]:
    """The YAML readers' candidates, but none inside a script: that text is the shell's."""
    from authlint.syntax.embedded import inside

    for source in sources:
        for candidate in source:
            if not regions or not inside(regions, candidate.value.start):
                yield candidate


# `- 'curl -H "Authorization: Bearer $TOKEN" ...'` in a CI script list: the single quotes are
# YAML's, so the shell sees double quotes (expanded). Read as shell, the YAML quote would open a
# shell string that swallows the next lines' commands.
_QUOTED_COMMAND: Final = lazy(
    r"(?m)^(?P<lead>[ \t]{0,200}(?:-[ \t]{1,8}|[A-Za-z0-9_.-]{1,80}:[ \t]{1,8}))"
    r"'(?P<body>(?:[^'\n]|''){0,65536})'(?=[ \t]*(?:#[^\n]*)?$)"
)
_COMMAND_WORD: Final = lazy(r"(?:^|[ \t;&|(])(?:curl|wget|https?|xhs?)[ \t]")


def _unquote_commands(text: str) -> str:
    """``text`` with the YAML quotes around one-line shell commands blanked, offsets unchanged."""
    if "'" not in text:
        return text
    pieces: list[str] = []
    last = 0
    for match in itertools.islice(_QUOTED_COMMAND.finditer(text), headerline.MAX_HITS):
        body = match.group("body")
        if "''" in body or _COMMAND_WORD.search(body) is None:
            continue
        pieces += [text[last : match.start("body") - 1], " ", body, " "]
        last = match.end("body") + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _yaml_env(fmt: Format) -> headerline.WordReader:
    """`- AUTH_HEADER=Basic ...` in a compose or CI `environment:` list."""

    def read(text: str, pos: int, stop: int) -> Value | None:
        found = headerline.env_value(text, pos, min(stop, pos + _MAX_VALUE))
        if found is None or not found.text:
            return None
        end = found.end
        if found.text.endswith(('"', "'")) and text[found.start - 1] not in "\"'":
            end -= 1  # the closing quote of `- "NAME=value"`
        return headerline.template_value(text, found.start, end, expands=fmt.expands)

    return read


# An MCP client configuration (Claude Desktop, Cursor, VS Code mcp.json, mcp-remote): the client
# fills in `${VAR}` in a server's args, env and headers from the environment or its `env` block.
_MCP: Final = lazy(
    r'"(?:mcpServers|mcp-servers|mcp_servers)"|"servers"[ \t\r\n]*:[^\n]{0,200}"(?:command|url)"'
)
JSON_MCP: Final = Format(
    "json", ":", _json_scalar, _json_block, inline_keys=True, comments=False, expands=True
)


def extract_json(text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    """JSON (also Postman collections and HAR files); curl only as an exec-form array."""
    fmt = JSON_MCP if "servers" in text.lower() and _MCP.search(text) else JSON
    return headerline.dedupe(
        extract_format(text, fmt, anchors),
        _json_named_headers(text, fmt),
        _postman_basic(text),
        # Only exec-form arrays: shell quoting read across JSON's own quotes finds commands in
        # prose ("see curl -u") whose words are JSON punctuation.
        curl.extract_exec(text),
    )


def extract_toml(text: str) -> Iterator[Candidate]:
    """TOML: header keys (also in inline tables), id/secret pairs, `[*.auth]` username/password."""
    return headerline.dedupe(extract_format(text, TOML))


def extract_ini(text: str) -> Iterator[Candidate]:
    """INI-style files (.ini, .cfg, .conf, .properties, .npmrc)."""
    return headerline.dedupe(extract_format(text, INI), _ini_named_headers(text))


# `auth_header = Bearer` under a section: the key names a header, as `AUTH_HEADER=` does in .env.
_INI_HEADER_KEY: Final = lazy(
    r"(?i)[ \t]{0,200}[A-Za-z0-9_.-]{0,60}auth_?header[ \t]{0,8}=[ \t]{0,8}[\"']?"
)


def _ini_word(text: str, pos: int, stop: int) -> Value | None:
    return _ini_scalar(text, pos, stop, False, False)


def _ini_named_headers(text: str) -> Iterator[Candidate]:
    for found in headerline.variable_headers(text, context="ini header", word=_ini_word):
        line = text.rfind("\n", max(0, found.value.start - _BEFORE), found.value.start) + 1
        if _INI_HEADER_KEY.fullmatch(text, line, found.value.start):
            yield found


def extract_dotenv(text: str) -> Iterator[Candidate]:
    """.env files: header-holding variables and `*_KEY_ID` / `*_KEY_SECRET` pairs."""
    return headerline.dedupe(
        headerline.variable_headers(text, context="dotenv"),
        extract_format(text, DOTENV),
    )


# `"AUTH_HEADER": "Basic ..."`: a setting whose name says it holds a whole header value (an MCP
# server's env block, an app's config), as `AUTH_HEADER=` does in .env.
_JSON_HEADER_KEY: Final = lazy(
    r'"[A-Za-z0-9_.-]{0,60}auth(?:orization)?_?header"[ \t\r\n]*:[ \t\r\n]*(?=")', re.IGNORECASE
)


def _json_named_headers(text: str, fmt: Format) -> Iterator[Candidate]:
    if "header" not in headerline.folded(text):
        return
    for match in itertools.islice(_JSON_HEADER_KEY.finditer(text), headerline.MAX_HITS):
        value = _json_scalar(text, match.end(), len(text), True, fmt.expands)
        if value is not None:
            yield Candidate(Role.HEADER, value, context="json header setting")


# Postman's basic auth: "basic": [{"key": "username", "value": ...}, {"key": "password", ...}]
_POSTMAN_BASIC: Final = lazy(r'"basic"[ \t\r\n]*:[ \t\r\n]*\[')
_POSTMAN_ITEM: Final = lazy(
    r'\{[^{}]{0,400}?"key"[ \t\r\n]*:[ \t\r\n]*"(?P<key>username|password)"[^{}]{0,400}\}'
)
_POSTMAN_VALUE: Final = lazy(r'"value"[ \t\r\n]*:[ \t\r\n]*(?=")')


def _postman_basic(text: str) -> Iterator[Candidate]:
    for match in itertools.islice(_POSTMAN_BASIC.finditer(text), headerline.MAX_HITS):
        close = text.find("]", match.end(), match.end() + _WINDOW)
        end = match.end() + _WINDOW if close < 0 else close
        values: dict[str, Value] = {}
        for item in _POSTMAN_ITEM.finditer(text, match.end(), end):
            found = _POSTMAN_VALUE.search(text, item.start(), item.end())
            if found is None:
                continue
            value = _json_scalar(text, found.end(), item.end(), True, False)
            if value is not None:
                values[item.group("key")] = value
        if "password" in values:
            user = values.get("username", Value("", values["password"].start, False))
            yield Candidate(Role.PAIR, user, values["password"], context="Postman basic auth")

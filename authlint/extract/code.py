"""Shared machinery for the source-code extractors (Python, JS/TS, Go, Java family, PHP, Ruby).

Nothing here parses a whole file. The keywords come from the prefilter's one pass over the file
(or from a search of the lower-cased text, without it), and only around each keyword hit do
we lex the one string literal, the key/value pair or the short argument list that can hold a
header value or credentials. Every regex is bounded, so the work per hit is bounded and the whole scan is linear in the text.

A language module only declares its `Language`: quote syntaxes (which prefixes interpolate),
how a literal is concatenated or formatted at runtime, its comment markers, and which calls take
credentials.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from typing import Final

from authlint.extract.candidate import Candidate, Role, Value
from authlint.lazyre import lazy
from authlint.prefilter import CODE_WORDS, WORDS, Anchors
from authlint.record import Record

# Longest literal content we lex; longer literals are not header values.
MAX_LITERAL: Final = 8192
# How far an argument list may run, in characters and tokens.
_MAX_ARGS_CHARS: Final = 3000
_MAX_TOKENS: Final = 400

_KELVIN: Final = "\u212a"  # KELVIN SIGN: lower-cases to an ASCII "k"
_IDENT_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")
_QUOTE_CHARS: Final = frozenset("\"'`")


def body(delim: str, *, escapes: bool = True, multiline: bool = False) -> re.Pattern[str]:
    """A bounded regex for a literal's content plus its closing delimiter.

    Each alternative starts with a different character, so a failed match costs at most
    MAX_LITERAL steps and never backtracks into itself.
    """
    d = re.escape(delim[0])
    newline = "" if multiline else r"\n"
    if len(delim) == 3:
        unit = rf"[^{d}\\]|\\[\s\S]|{d}(?!{d}{d})" if escapes else rf"[^{d}]|{d}(?!{d}{d})"
    elif escapes:
        unit = rf"[^{d}\\{newline}]|\\[\s\S]"
    else:
        unit = rf"[^{d}{newline}]"
    return lazy(rf"(?:{unit}){{0,{MAX_LITERAL}}}{re.escape(delim)}")


def runs_body(delim: str, *, escapes: bool = True, multiline: bool = False) -> re.Pattern[str]:
    """``body`` unrolled: a run of plain characters is one step, not one unit each (twice as
    fast on a short literal). Unbounded: see ``literal_end`` for how it stands in for ``body``.

    Plain characters and the other units (an escape, a lone delimiter in a triple-quoted
    literal) start with different characters, so a failed match gives back each run once.
    """
    d = re.escape(delim[0])
    newline = "" if multiline else r"\n"
    if len(delim) == 3:
        plain = rf"[^{d}\\]" if escapes else rf"[^{d}]"
        other = rf"\\[\s\S]|{d}(?!{d}{d})" if escapes else rf"{d}(?!{d}{d})"
    elif escapes:
        plain = rf"[^{d}\\{newline}]"
        other = r"\\[\s\S]"
    else:
        return lazy(rf"[^{d}{newline}]*{re.escape(delim)}")
    return lazy(rf"{plain}*(?:(?:{other}){plain}*)*{re.escape(delim)}")


class Quote(Record):
    """One string-literal syntax: how it ends, and where runtime interpolation starts in it."""

    __slots__ = ("body", "close", "interp", "runs")
    _fields = ("body", "close", "interp", "runs")

    def __init__(
        self,
        body: re.Pattern[str],
        close: int,
        interp: re.Pattern[str] | None = None,
        runs: re.Pattern[str] | None = None,
    ) -> None:
        self.body: Final = body
        self.close: Final = close  # length of the closing delimiter
        self.interp: Final = interp
        self.runs: Final = runs  # ``runs_body``: None where only ``body`` is known


def quote(
    delim: str, *, escapes: bool = True, multiline: bool = False, interp: str | None = None
) -> Quote:
    """The Quote of a language table (a module constant: its patterns compile on first use)."""
    return Quote(
        body(delim, escapes=escapes, multiline=multiline),
        len(delim),
        lazy(interp) if interp else None,
        runs_body(delim, escapes=escapes, multiline=multiline),
    )


# How far ``runs`` reads: further than ``body`` can (MAX_LITERAL units of at most two
# characters, a triple delimiter, the two characters its lookahead reads).
_RUNS_SPAN: Final = 2 * MAX_LITERAL + 16


def literal_end(kind: Quote, text: str, cs: int) -> int | None:
    """Where ``kind.body`` matching at ``cs`` ends (after the closing delimiter), or None.

    ``kind.runs`` ends at the first closing delimiter between units, as ``body`` does, but
    counts no units. Its match of at most MAX_LITERAL characters holds at most MAX_LITERAL
    units, so ``body`` ends there too; a longer one is ``body``'s to judge (escapes are two
    characters a unit). No match within _RUNS_SPAN: ``body``, which reads less, has none either.
    """
    if kind.runs is None:
        match = kind.body.match(text, cs)
    else:
        match = kind.runs.match(text, cs, cs + _RUNS_SPAN)
        if match is not None and match.end() - cs > MAX_LITERAL:
            match = kind.body.match(text, cs)
    return None if match is None else match.end()


class Lit(Record):
    __slots__ = ("ce", "cs", "end", "quote", "start")
    _fields = ("start", "cs", "ce", "end", "quote")

    def __init__(self, start: int, cs: int, ce: int, end: int, quote: Quote) -> None:
        self.start: Final = start  # first character of any prefix (f, b, $, @) or of the delimiter
        self.cs: Final = cs  # content start
        self.ce: Final = ce  # content end
        self.end: Final = end  # after the closing delimiter
        self.quote: Final = quote


class Call(Record):
    """A call that takes credentials: which arguments hold the id and the secret."""

    __slots__ = ("after_comma", "context", "positions")
    _fields = ("context", "positions", "after_comma")

    def __init__(
        self, context: str, positions: tuple[int, int] = (0, 1), after_comma: bool = False
    ) -> None:
        self.context: Final = context
        self.positions: Final = positions
        # The call's arguments start after a leading symbol, as in Faraday's
        # `request :basic_auth, id, secret` (then the identifier is that symbol).
        self.after_comma: Final = after_comma


_CONCAT: Final = lazy(r"\+(?![+=])")
_COMMENT: Final = lazy(r"(?://|#|\*|/\*)?")


class Language(Record):
    __slots__ = (
        "adjacent",
        "calls",
        "comment",
        "concat",
        "expanders",
        "heredoc",
        "name",
        "names",
        "new_api",
        "paren_free",
        "quotes",
        "triple",
        "verbs",
        "verbs_follow",
    )
    _fields = (
        "name",
        "quotes",
        "triple",
        "concat",
        "adjacent",
        "verbs",
        "verbs_follow",
        "comment",
        "calls",
        "paren_free",
        "new_api",
        "heredoc",
        "expanders",
    )
    _unshown = frozenset({"names"})

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        name: str,
        quotes: Callable[[str, str], Quote | None],
        triple: frozenset[str] = frozenset(),
        concat: re.Pattern[str] = _CONCAT,
        adjacent: re.Pattern[str] | None = None,
        verbs: re.Pattern[str] | None = None,
        verbs_follow: re.Pattern[str] | None = None,
        comment: re.Pattern[str] = _COMMENT,
        calls: dict[str, Call] | None = None,
        paren_free: bool = False,
        new_api: bool = False,
        heredoc: re.Pattern[str] | None = None,
        expanders: frozenset[str] = frozenset(),
    ) -> None:
        self.name: Final = name
        # (delimiter, lower-cased prefix letters) -> Quote; the prefix is "" when there is none.
        self.quotes: Final = quotes
        # Quote characters that also open a triple-quoted literal.
        self.triple: Final = triple
        # Right after a literal (and whitespace): the program adds to it at runtime.
        self.concat: Final = concat
        # Right after a literal: another literal that the compiler joins to it (Python's
        # adjacent literals, across lines inside brackets), so the first one is not the whole
        # value.
        self.adjacent: Final = adjacent
        # printf-style or brace verbs that stand for runtime values inside a literal.
        self.verbs: Final = verbs
        # Python: a verb counts only when the literal is followed by `%` or `.format(`.
        self.verbs_follow: Final = verbs_follow
        # Line-comment markers, for `// Authorization: Basic ...` lines.
        self.comment: Final = comment
        # lower-cased "last" or "prev.last" call name -> Call.
        self.calls: Final[dict[str, Call]] = {} if calls is None else calls
        # Ruby: `req.basic_auth 'id', 'secret'` without parentheses.
        self.paren_free: Final = paren_free
        # PHP: the Razorpay SDK's `new Api($key, $secret)`.
        self.new_api: Final = new_api
        # The opener of a multi-line literal that interpolates as the double quotes do (PHP's
        # heredoc `<<<EOT`; a nowdoc `<<<'EOT'` does not): its group ``id`` closes it.
        self.heredoc: Final = heredoc
        # Calls that fill `$VAR` / `${VAR}` in the literal given to them (Go's `os.ExpandEnv`,
        # Python's `os.path.expandvars`): dotted callees, matched on their last parts.
        self.expanders: Final = expanders
        # Every lower-cased name that ``_Extractor.identifier`` acts on (derived from the tables
        # above): a keyword inside any other name (`author`, `basicConfig`) costs one set
        # look-up. Not compared: it follows from the rest.
        self.names: Final = _names_of(self)


# --- lexing -----------------------------------------------------------------------------------


def _prefix_start(text: str, qpos: int) -> int:
    """Start of the letters glued to an opening quote (f", rb', $@", s"), at most 3."""
    i = qpos
    while i > 0 and qpos - i < 3 and (text[i - 1].isalpha() or text[i - 1] in "$@"):
        i -= 1
    if i > 0 and text[i - 1] in _IDENT_CHARS:
        return qpos
    return i


def lex_open(lang: Language, text: str, qpos: int) -> Lit | None:
    """The literal whose opening delimiter starts at ``qpos``, or None."""
    char = text[qpos]
    delim = char
    if char in lang.triple and text.startswith(char * 3, qpos):
        delim = char * 3
    pstart = qpos
    if qpos and (text[qpos - 1].isalpha() or text[qpos - 1] in "$@"):
        pstart = _prefix_start(text, qpos)
    kind = lang.quotes(delim, text[pstart:qpos].lower() if pstart < qpos else "")
    if kind is None:
        return None
    cs = qpos + len(delim)
    end = literal_end(kind, text, cs)
    if end is None:
        return None
    return Lit(pstart, cs, end - kind.close, end, kind)


def lex_around(lang: Language, text: str, pos: int) -> Lit | None:
    """The literal whose content starts exactly at ``pos`` (a keyword right after its quote)."""
    if pos == 0 or text[pos - 1] not in _QUOTE_CHARS:
        return None
    char = text[pos - 1]
    qpos = pos - 1
    if pos >= 3 and text[pos - 3 : pos] == char * 3 and char in lang.triple:
        qpos = pos - 3
    if qpos > 0 and text[qpos - 1] == "\\":
        return None  # an escaped quote inside a larger literal
    if _inside_other_literal(text, qpos):
        return None
    lit = lex_open(lang, text, qpos)
    if lit is None or lit.cs != pos:
        return None
    return lit


def lex_enclosing(lang: Language, text: str, pos: int) -> Lit | None:
    """The literal opened earlier on ``pos``'s line that ``pos`` is inside, or None."""
    line_start = text.rfind("\n", max(0, pos - _LINE_LOOKBACK), pos) + 1
    if line_start == 0 and pos > _LINE_LOOKBACK:
        return None
    opened = -1
    i = line_start
    while i < pos:
        char = text[i]
        if opened >= 0:
            if char == "\\":
                i += 1
            elif char == text[opened]:
                opened = -1
        elif char in _QUOTE_CHARS:
            opened = i
        i += 1
    if opened < 0:
        return None
    lit = lex_open(lang, text, opened)
    return lit if lit is not None and lit.cs <= pos < lit.ce else None


# How much of a line before a quote is read to tell whether it opens a literal.
_LINE_LOOKBACK: Final = 400


def _inside_other_literal(text: str, qpos: int) -> bool:
    """Is the quote at ``qpos`` inside another literal opened earlier on its line?

    `"expected 'Basic <credentials>'"`: the single quotes are text of a message, not a literal.
    Only one line is read (bounded); a literal opened on an earlier line is not seen.
    """
    line_start = text.rfind("\n", max(0, qpos - _LINE_LOOKBACK), qpos) + 1
    if line_start == 0 and qpos > _LINE_LOOKBACK:
        return False
    if _QUOTE.search(text, line_start, qpos) is None:
        return False  # no quote before it on its line: most keys (`{"Authorization": ...`)
    open_quote = ""
    i = line_start
    while i < qpos:
        char = text[i]
        if open_quote:
            if char == "\\":
                i += 1
            elif char == open_quote:
                open_quote = ""
        elif char in _QUOTE_CHARS:
            open_quote = char
        i += 1
    return open_quote != "" and open_quote != text[qpos]


_QUOTE: Final = lazy(r"[\"'`]")
_WS = lazy(r"[ \t\r\n]{0,200}")
_HWS = lazy(r"[ \t]{0,200}")


def skip_hws(text: str, pos: int) -> int:
    match = _HWS.match(text, pos)
    return match.end() if match else pos


def skip_ws(text: str, pos: int) -> int:
    match = _WS.match(text, pos)
    return match.end() if match else pos


def runtime_cut(lang: Language, text: str, lit: Lit, start: int) -> int | None:
    """Offset of the first runtime-filled part of ``text[start:lit.ce]``, or None."""
    cut: int | None = None
    if lit.quote.interp is not None:
        found = lit.quote.interp.search(text, start, lit.ce)
        if found:
            cut = found.start()
    if lang.verbs is not None:
        # The verb first: whether the literal is formatted costs more to tell, and most
        # literals hold none before their interpolation (f"Bearer {token}").
        found = lang.verbs.search(text, start, lit.ce if cut is None else cut)
        if found and (
            lang.verbs_follow is None
            or lang.verbs_follow.match(text, skip_ws(text, lit.end))
            or _formatted_later(lang, text, lit)
        ):
            cut = found.start()
    return cut


# `NAME [: type] =` before a literal, reversed (read from the `=` backwards): blanks, an optional
# annotation ending in `:`, blanks, then the name, whose first character is not a digit.
_ASSIGNED_REVERSED: Final = lazy(
    r"[ \t]{0,20}(?:[^=\n:]{0,60}:[ \t]{0,20})?([A-Za-z0-9_]{0,60}[A-Za-z_])(?![A-Za-z0-9_])"
)
_ASSIGNED_SPAN: Final = 20 + 60 + 1 + 20 + 61
# How far after a template's definition its `.format(` use is looked for: bounded, so that a file
# full of templates stays linear.
_FORMAT_WINDOW: Final = 50_000


def _formatted_later(lang: Language, text: str, lit: Lit) -> bool:
    """`TEMPLATE = "Bearer {token}"` and later `TEMPLATE.format(...)`: a template, not a slip."""
    assert lang.verbs_follow is not None
    floor = max(0, lit.start - 200)
    line_start = text.rfind("\n", floor, lit.start) + 1 or floor
    lead = text[line_start : lit.start].rstrip(" \t")
    if not lead.endswith("=") or lead.endswith(("==", "!=", "<=", ">=")):
        return False
    # `NAME [: type] =` read backwards from the `=`: one anchored match, where a search for a
    # `$`-anchored pattern tried every start in the window (0.6 ms a literal).
    name = _ASSIGNED_REVERSED.match(lead[-_ASSIGNED_SPAN - 1 : -1][::-1])
    if name is None:
        return False
    uses = _formatted_uses(lang.verbs_follow, text, name.group(1)[::-1])
    at = bisect.bisect_left(uses, lit.end)
    return at < len(uses) and uses[at] < lit.end + _FORMAT_WINDOW


# The file the cache below belongs to (held, so its id cannot be reused), and its entries.
_uses_of: list[object] = [None, {}]


def _formatted_uses(verbs_follow: re.Pattern[str], text: str, name: str) -> list[int]:
    """Offsets of every `name.format(` (the language's formatting call) in ``text``: one pass
    per name and file, not one per literal (a file of `x = "Bearer " + x` lines was quadratic)."""
    if _uses_of[0] is not text:
        _uses_of[:] = [text, {}]
    cache = _uses_of[1]
    assert isinstance(cache, dict)
    key = (verbs_follow, name)
    if key not in cache:
        use = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(name)}[ \t]{{0,20}}")
        cache[key] = [
            found.start() for found in use.finditer(text) if verbs_follow.match(text, found.end())
        ]
    uses: list[int] = cache[key]
    return uses


# `name(` and blanks before a literal, reversed (read from the literal backwards).
_CALLEE_BEFORE: Final = lazy(r"[ \t\r\n]{0,100}\([ \t]{0,20}([A-Za-z0-9_.$]{0,80}[A-Za-z_])")


def expanded(lang: Language, text: str, lit: Lit) -> bool:
    """Is the literal the first argument of a call that expands `$VAR` in it?"""
    if not lang.expanders:
        return False
    # Read backwards from the literal: `(`, then the callee's name (bounded, one anchored match).
    floor = max(0, lit.start - 210)
    found = _CALLEE_BEFORE.match(text[floor : lit.start][::-1])
    if found is None:
        return False
    callee = found.group(1)[::-1]
    return any(callee == name or callee.endswith("." + name) for name in lang.expanders)


def concatenated(lang: Language, text: str, lit: Lit) -> bool | None:
    """True when the program appends to the literal at runtime; None when it appends a literal."""
    if lang.adjacent is not None and lang.adjacent.match(text, lit.end):
        return None
    after = skip_ws(text, lit.end)
    op = lang.concat.match(text, after)
    if op is None:
        return False
    nxt = skip_ws(text, op.end())
    if nxt < len(text) and text[nxt] in _QUOTE_CHARS:
        return None
    return True


# --- what a header value looks like -----------------------------------------------------------

_SCHEME: Final = lazy(r"(?i:basic|bearer)(?![A-Za-z0-9_])")
_SCHEME_PREFIX: Final = lazy(r"(?i:basic|bearer)[ \t]{0,8}")
_STANDALONE: Final = lazy(r"(?i:basic|bearer)[ \t]{1,8}")
# The credential part of a standalone literal that makes it a header value rather than prose.
_TOKEN68: Final = lazy(r"[A-Za-z0-9\-._~+/]{8,4096}=*")
_QUOTED: Final = lazy(r"(\\?[\"'])[^\"'\\\n]{1,400}\1")
_PLACEHOLDER: Final = lazy(
    r"\$\{?[A-Za-z_][A-Za-z0-9_]{0,100}\}?|\{\{[^}\n]{1,100}\}\}|%[sv]|<[^<>\n]{1,100}>"
    r"|\[[^\[\]\n]{1,100}\]|\{[A-Za-z_][A-Za-z0-9_.]{0,100}\}"
)
# What may follow the credentials inside the literal: blanks and escaped line ends.
_TAIL: Final = lazy(r"(?:[ \t]|\\[rn]){0,20}")
_RANDOMISH: Final = lazy(r"[0-9+/=_\-.~]|.[A-Z]")


def looks_like_header(raw: str) -> bool:
    """Does a literal that starts with Basic/Bearer hold a header value, not prose?

    "Basic settings", "Bearer of bad news" and "basic usage" are words; a header value's
    credentials are a base64-ish run with digits or mixed case, a quoted string, or a
    placeholder, and nothing else follows them in the literal.
    """
    scheme = _STANDALONE.match(raw)
    if scheme is None:
        return False
    pos = scheme.end()
    for pattern in (_QUOTED, _PLACEHOLDER, _TOKEN68):
        found = pattern.match(raw, pos)
        if found is None:
            continue
        if pattern is _TOKEN68 and _RANDOMISH.search(found.group()) is None:
            return False
        tail = _TAIL.match(raw, found.end())
        return tail is not None and tail.end() == len(raw)
    return False


# --- the extractor ----------------------------------------------------------------------------

# Keys whose value is an (id, secret) pair or an "id:secret" string.
_PAIR_KEYS: Final = {
    "auth": "auth",
    "basic_auth": "basic_auth",
    "basicauth": "basicAuth",
    "curlopt_userpwd": "CURLOPT_USERPWD",
}
# A list under an `auth` key is an (id, secret) pair: two items, or Guzzle's three whose last
# names the scheme (docs.guzzlephp.org, request options: auth). A longer list, or a third item
# that is no scheme, is something else: an OpenAPI client's names of the security schemes an
# operation uses (`'auth': ['clientId', 'plaidVersion', 'secret']`).
AUTH_LIST_SCHEMES: Final = frozenset({"basic", "digest", "ntlm"})


def is_auth_list(rest: list[str | None]) -> bool:
    """Do the items after the first two (their literal texts; None where not a literal) still
    make an auth list?"""
    return not rest or (len(rest) == 1 and (rest[0] or "").lower() in AUTH_LIST_SCHEMES)


_USER_KEYS: Final = frozenset(
    {"username", "user", "login", "key_id", "keyid", "client_id", "user_id", "userid", "id"}
)
_SECRET_KEYS: Final = frozenset(
    {"password", "pass", "passwd", "secret", "key_secret", "keysecret", "client_secret"}
)
# Between an encoder's name and its literal: names, dots, calls, `[]byte(`; no operator.
_ENCODER_GAP: Final = lazy(r"[A-Za-z0-9_.$()\[\]: \t>\\-]{0,160}?(?=[\"'`])")
_USERPASS: Final = lazy(r"([^:\s\"'`]{1,256}):([^\s\"'`]{1,256})")
_AUTH_KEY_SEP: Final = lazy(r"[ \t]*(?:\][ \t]*=(?!=)|=>|:(?!:)|=(?!=)|,)[ \t\r\n]{0,100}")
# What may stand before a string that is a key rather than an operand: a return annotation
# (`-> "Authorization":`, an SDK's Authorization resource type), a comparison or a match case is
# followed by `:` too, and what comes after that colon is a body (a docstring), never the value.
_NOT_A_KEY_BEFORE: Final = lazy(r"(?:->|[=!]=|(?<![A-Za-z0-9_])(?:case|if|elif|in))[ \t]*\Z")
# The last characters _NOT_A_KEY_BEFORE can end with (before blanks): most keys follow `{` or
# `,`, and then its search, which tries every start, is not made.
_NOT_A_KEY_ENDS: Final = frozenset(">=efn")


# Calls that compare or search a string (a server reading the header it received): a variable
# named for the header and a literal as their arguments are operands, not a name and its value.
_COMPARISON_CALL: Final = lazy(
    r"(?i:startswith(?:ignorecase)?|endswith|equals(?:ignorecase)?|regionmatches|hasprefix"
    r"|equalfold|compare(?:to)?(?:ignorecase)?|contains|indexof|includes|matches|start_with\?)"
    r"[ \t]*\([ \t]*(?:[A-Za-z_$][A-Za-z0-9_$.]{0,60}\.)?\Z"
)


def _compared(text: str, pos: int) -> bool:
    """Is the name at ``pos`` the first argument of a string comparison?"""
    return _COMPARISON_CALL.search(text, max(0, pos - 120), pos) is not None


def _not_a_key_before(text: str, pos: int) -> bool:
    floor = max(0, pos - 12)
    last = text[floor:pos].rstrip(" \t")[-1:]
    return last in _NOT_A_KEY_ENDS and _NOT_A_KEY_BEFORE.search(text, floor, pos) is not None


_HEADER_KEY_SEP: Final = lazy(
    r"[ \t]*(?:\][ \t]*=(?!=)|=>|->|:(?!:)|=(?![=>])|,|[ \t]to[ \t])[ \t\r\n]{0,100}"
    r"(?:\[\]string\{[ \t]*|new[ \t]+String\[\][ \t]*\{[ \t]*)?"
)
_FORMAT_CALL: Final = lazy(
    r"(?:[A-Za-z_][A-Za-z0-9_.:]{0,60})?(?i:format|printf|formatted)!?[ \t]*\([ \t\r\n]{0,100}"
)
_HEADER_NAME: Final = lazy(r"[A-Za-z0-9_]{1,100}(?:-[A-Za-z0-9_]{1,100}){0,10}")
# A literal, maybe prefixed (f"", $"", @""), or a formatting call around one.
_VALUE_START: Final = lazy(
    r"[A-Za-z$@]{0,3}[\"'`]"
    r"|(?:[A-Za-z_][A-Za-z0-9_.:]{0,60})?(?i:format|printf|formatted)!?[ \t]*\("
)
# The letters glued to a literal's opening quote (f", $@", s"), read in a 4-character window.
_LITERAL_PREFIX: Final = lazy(r"[A-Za-z$@]{1,3}(?=[\"'`])")
_HEADER_LINE: Final = lazy(r"[ \t]*:[ \t]*")
_LINE_VALUE: Final = lazy(r"[^\n\r\"'`]{1,4096}")
_ESCAPED_EOL: Final = lazy(r"\\[rn]")
# A scheme followed by three or more lower-case words: a sentence about the header, not a value.
_PROSE_VALUE: Final = lazy(r"(?i:basic|bearer)(?:[ \t]{1,8}[a-z]{2,20}[.,;!?]?){3}(?![^ \t\n])")


# How far back a heredoc's opener is looked for (bounded: linear in the file).
_HEREDOC_WINDOW: Final = 8192


class _Extractor:
    def __init__(self, lang: Language, text: str) -> None:
        self.lang = lang
        self.text = text
        self.seen: set[int] = set()
        self.parsed_until = 0
        # The whole file lower-cased: only made when a keyword search needs it, or when a
        # window around a hit holds non-ASCII text (see ``fold``).
        self.low: str | None = None

    def lowered(self) -> str:
        low = self.low
        if low is None:
            text = self.text
            low = text.lower()
            if len(low) != len(text):
                # A few characters (İ) lower-case to two; keep offsets by lowering ASCII only.
                low = re.sub(r"[^\x00-\x7f]", "?", text).lower()
            self.low = low
        return low

    def fold(self, start: int, stop: int) -> str:
        """``lowered()[start:stop]``: lower-casing the few characters around a hit, not the
        file (a window of ASCII lowers alone exactly as inside the whole)."""
        piece = self.text[start:stop]
        if piece.isascii():
            return piece.lower()
        return self.lowered()[start:stop]

    def emit(
        self, role: Role, value: Value, secret: Value | None = None, ctx: str = ""
    ) -> Iterator[Candidate]:
        if value.start in self.seen:
            return
        self.seen.add(value.start)
        yield Candidate(role, value, secret, ctx)

    # -- headers --

    def header_literal(self, lit: Lit, start: int, keyed: bool, ctx: str) -> Iterator[Candidate]:
        """Classify ``text[start:lit.ce]`` as a whole header value or a runtime prefix."""
        text = self.text
        cut = runtime_cut(self.lang, text, lit, start)
        end = cut
        if end is None:
            joined = concatenated(self.lang, text, lit)
            if joined is None:
                return
            if joined:
                end = lit.ce
        if end is not None:
            prefix = text[start:end]
            if prefix and (keyed or _SCHEME_PREFIX.fullmatch(prefix)):
                yield from self.emit(Role.HEADER_PREFIX, Value(prefix, start), ctx=ctx)
            return
        raw = text[start : lit.ce]
        if (keyed and raw) or looks_like_header(raw):
            expands = expanded(self.lang, text, lit)
            yield from self.emit(Role.HEADER, Value(raw, start, expands=expands), ctx=ctx)

    def header_value_at(self, pos: int, ctx: str, listed: bool = False) -> Iterator[Candidate]:
        """The value after an Authorization key or argument, if it is a literal."""
        text = self.text
        # A formatting call starts with a letter: a literal needs no try.
        fmt = None if text[pos : pos + 1] in _QUOTE_CHARS else _FORMAT_CALL.match(text, pos)
        if fmt is not None:
            pos = fmt.end()
        if pos >= len(text) or not (text[pos] in _QUOTE_CHARS or text[pos].isalpha()):
            return
        qpos = pos
        if text[pos] not in _QUOTE_CHARS:
            # A prefixed literal: f"...", $"...", @"...", s"...".
            letters = _LITERAL_PREFIX.match(text, pos, pos + 4)
            if letters is None:
                return
            qpos = letters.end()
        lit = lex_open(self.lang, text, qpos)
        if lit is None:
            return
        if listed and _HEADER_NAME.fullmatch(text, lit.cs, lit.ce):
            return  # ("Authorization", "Content-Type"): a list of header names
        # A value that carries the field name itself stays whole: the parser reports AL114.
        yield from self.header_literal(lit, lit.cs, keyed=True, ctx=ctx)

    def authorization(self, pos: int, end: int) -> Iterator[Candidate]:
        text = self.text
        low_start = pos
        before = text[low_start - 1] if low_start > 0 else ""
        if (
            before
            and (before.isalnum() or before in "_-")
            and text[max(0, low_start - 2) : low_start] not in ("\\n", "\\r")  # not escaped
        ):
            return
        if end < len(text) and (text[end] in _IDENT_CHARS):
            return
        ctx = text[low_start:end]
        lit = lex_around(self.lang, text, low_start)
        if lit is not None:
            if lit.ce == end:
                sep = _HEADER_KEY_SEP.match(text, lit.end)
                if (
                    sep is not None
                    and sep.group().lstrip(" \t").startswith(":")
                    and _not_a_key_before(text, lit.start)
                ):
                    return
                if sep is not None:
                    listed = sep.group().strip() == ","
                    yield from self.header_value_at(sep.end(), ctx, listed)
                return
            line = _HEADER_LINE.match(text, end, lit.ce)
            if line is not None and line.end() < lit.ce:
                yield from self.header_line(lit, line.end(), ctx)
            return
        if before in _QUOTE_CHARS:
            return
        # An identifier: JS `{ Authorization: "..." }`, `headers.Authorization = "..."`,
        # Ruby `Authorization: "..."`, Java `HttpHeaders.AUTHORIZATION, "..."`.
        sep = _HEADER_KEY_SEP.match(text, end)
        if (
            sep is not None
            and _VALUE_START.match(text, sep.end())
            # Inside a literal (`"Unsupported authorization: " + x`) the word is text, and the
            # quote after the colon closes that literal: no key, no value.
            and lex_enclosing(self.lang, text, low_start) is None
        ):
            listed = sep.group().strip() == ","
            if listed and _compared(text, low_start):
                return  # `startsWithIgnoreCase(authorization, "basic ")`: a parser's prefix
            yield from self.header_value_at(sep.end(), ctx, listed)
            return
        line = _HEADER_LINE.match(text, end)
        if line is None or text[end : line.end()].count(":") != 1:
            return
        # A header line in a comment, a docstring or a raw HTTP request in a multi-line string:
        # only at the start of a line or after an escaped line end, and only a real-looking value.
        # Bounded: with no newline in the window the lead is the window, never the whole file.
        floor = max(0, low_start - 200)
        line_start = text.rfind("\n", floor, low_start) + 1 or floor
        lead = text[line_start:low_start]
        escaped = lead.endswith(("\\n", "\\r\\n"))
        if not escaped:
            marker = self.lang.comment.match(lead.strip())
            if marker is None or marker.end() != len(lead.strip()):
                return
        value = _LINE_VALUE.match(text, line.end())
        if value is None:
            return
        if not escaped and self.lang.heredoc is not None:
            # A line of a heredoc: the language fills its references in at runtime.
            interp = self.heredoc_interp(low_start)
            found = interp.search(text, line.end(), value.end()) if interp else None
            if found is not None:
                if found.start() > line.end():
                    head = Value(text[line.end() : found.start()], line.end())
                    yield from self.emit(Role.HEADER_PREFIX, head, ctx=ctx)
                return
        if escaped:
            # A line of a header block inside a literal (`"Host: x\r\nAuthorization: Basic
            # {tok}\r\n"`): the literal's own interpolation fills the value at runtime.
            lit = lex_enclosing(self.lang, text, low_start)
            if lit is not None:
                stop = _ESCAPED_EOL.search(text, line.end(), lit.ce)
                stop_at = min(value.end(), stop.start() if stop is not None else lit.ce)
                cut = runtime_cut(self.lang, text, lit, line.end())
                if cut is not None and cut < stop_at:
                    prefix = text[line.end() : cut]
                    if prefix:
                        yield from self.emit(Role.HEADER_PREFIX, Value(prefix, line.end()), ctx=ctx)
                    return
        raw = value.group()
        eol = _ESCAPED_EOL.search(raw)
        if eol is not None:
            raw = raw[: eol.start()]
        raw = raw.rstrip(" \t")
        if raw.endswith("\\"):
            return
        if looks_like_header(raw):
            yield from self.emit(Role.HEADER, Value(raw, line.end()), ctx=ctx)

    def heredoc_interp(self, pos: int) -> re.Pattern[str] | None:
        """The double quotes' interpolation when ``pos`` is inside a heredoc, else None."""
        assert self.lang.heredoc is not None
        text = self.text
        floor = max(0, pos - _HEREDOC_WINDOW)
        opener = None
        for found in self.lang.heredoc.finditer(text, floor, pos):
            opener = found  # the last one before ``pos``
        if opener is None:
            return None
        closing = re.compile(rf"^[ \t]*{re.escape(opener.group('id'))}\b", re.MULTILINE)
        if closing.search(text, opener.end(), pos) is not None:
            return None
        kind = self.lang.quotes('"', "")
        return kind.interp if kind is not None else None

    def header_line(self, lit: Lit, start: int, ctx: str) -> Iterator[Candidate]:
        """`"Authorization: Basic ..."`: a header line; its value follows the colon."""
        text = self.text
        if _PROSE_VALUE.match(text, start, lit.ce):
            return  # "Authorization: Basic followed by your credentials": a help text
        eol = _ESCAPED_EOL.search(text, start, lit.ce)
        if eol is not None or "\n" in text[start : lit.ce]:
            stop = eol.start() if eol is not None else text.index("\n", start, lit.ce)
            cut = runtime_cut(self.lang, text, lit, start)
            if cut is not None and cut < stop:
                prefix = text[start:cut]
                if prefix:
                    yield from self.emit(Role.HEADER_PREFIX, Value(prefix, start), ctx=ctx)
                return
            raw = text[start:stop].rstrip(" \t")
            if raw:
                yield from self.emit(Role.HEADER, Value(raw, start), ctx=ctx)
            return
        yield from self.header_literal(lit, start, keyed=True, ctx=ctx)

    def scheme(self, pos: int, end: int) -> Iterator[Candidate]:
        # Whatever it finds starts at ``pos`` (see header_literal), so a value already emitted
        # there makes this a no-op: the caller skips it.
        text = self.text
        lit = lex_around(self.lang, text, pos)
        if lit is not None:
            yield from self.header_literal(lit, pos, keyed=False, ctx="")

    # -- credentials --

    def pair_key(self, pos: int, end: int) -> tuple[int, str] | None:
        """`auth=(...)`, `auth: {...}`, `'auth' => [...]`, `CURLOPT_USERPWD, "id:secret"`.

        Returns where the value starts and a context such as `auth=`, or None.
        """
        text = self.text
        quoted = pos > 0 and text[pos - 1] in _QUOTE_CHARS and text.startswith(text[pos - 1], end)
        sep = _AUTH_KEY_SEP.match(text, end + 1 if quoted else end)
        name = text[pos:end].lower()
        if sep is None or (sep.group().strip() == "," and name != "curlopt_userpwd"):
            return None
        mark = sep.group().strip()
        mark = "=>" if "=>" in mark else mark[-1:]
        return sep.end(), _PAIR_KEYS[name] + mark

    def call(self, call: Call, end: int) -> Iterator[Candidate]:
        text = self.text
        after = skip_hws(text, end)
        if call.after_comma:
            if text.startswith(",", after):
                yield from self.call_pair(after + 1, None, call, call.context)
        elif text.startswith("(", after):
            yield from self.call_pair(after + 1, ")", call, call.context)
        elif self.lang.paren_free and end < after < len(text) and _ARGUMENT.match(text, after):
            yield from self.call_pair(after, None, call, call.context)

    def identifier(self, pos: int, end: int) -> Iterator[Candidate]:
        """A keyword inside a name: is the name a credentials key, call or encoder?"""
        # Every pattern below reads at most _IDENT_BEFORE characters before the keyword and
        # _IDENT_AFTER after it: only that window is lower-cased, with offsets relative to it.
        base = max(0, pos - _IDENT_BEFORE)
        low = self.fold(base, end + _IDENT_AFTER)
        pos -= base
        end -= base
        start = pos
        while start > 0 and pos - start < 40 and low[start - 1] in _IDENT_CHARS:
            start -= 1
        stop = _IDENT_RUN.match(low, end)
        end = stop.end() if stop is not None else end
        name = low[start:end]
        if name not in self.lang.names:
            return  # `author`, `basicConfig`: no key, encoder or call of this language
        if name in _PAIR_KEYS:
            keyed = self.pair_key(base + start, base + end)
            if keyed is not None:
                yield from self.keyed_pair(*keyed)
                return
        if name in _ENCODERS or name == "buffer.from":
            if _OPEN_PAREN.match(low, end):
                yield from self.encoded(base + start, base + end)
            return
        calls = self.lang.calls
        call = None
        if start > 0 and low[start - 1] == ":":
            call = calls.get(":" + name)
        if call is None:
            call = calls.get(name)
        if call is None:
            # `recv.name`, `recv::name`, `recv->name` (or one of them and a line end: `$`
            # matches before a final one): nothing to search for after any other character.
            before = (
                _RECEIVER.search(low, max(0, start - 41), start)
                if low[start - 1 : start] in _BEFORE_NAME
                else None
            )
            if before is not None:
                call = calls.get(f"{before.group(1)}.{name}")
        if call is None:
            after = _MEMBER.match(low, end)
            if after is not None:
                call = calls.get(f"{name}.{after.group(1)}")
                end = after.end()
        if (
            call is None
            and name == "api"
            and self.lang.new_api
            and _NEW.search(low, max(0, start - 40), start)
        ):
            call = _NEW_API
        if call is not None:
            yield from self.call(call, base + end)

    def items(self, pos: int, close: str | None) -> list[Item] | None:
        # `auth=(auth=(auth=(...` must not parse the same tail once per anchor: that is
        # quadratic. An argument list that starts inside one already read is skipped.
        if pos < self.parsed_until:
            return None
        parsed, reached = parse_items(self.lang, self.text, pos, close)
        self.parsed_until = max(self.parsed_until, reached)
        return parsed

    def call_pair(self, pos: int, close: str | None, call: Call, ctx: str) -> Iterator[Candidate]:
        parsed = self.items(pos, close)
        if parsed is None:
            return
        pair = pair_in(self.lang, self.text, parsed, call.positions)
        if pair is not None:
            yield from self.emit(Role.PAIR, pair[0], pair[1], ctx)

    def keyed_pair(self, pos: int, key: str) -> Iterator[Candidate]:
        """`auth=("id", "secret")`, `auth: {username, password}`, `'auth' => [...]`, `"id:secret"`."""
        text = self.text
        if pos >= len(text):
            return
        if text[pos] in "([{":
            close = {"(": ")", "[": "]", "{": "}"}[text[pos]]
            parsed = self.items(pos + 1, close)
            if parsed is None:
                return
            positional = [item.node for item in parsed if item.key is None]
            rest = [text[n.lit.cs : n.lit.ce] if n.lit else None for n in positional[2:]]
            if not is_auth_list(rest):
                return
            pair = pair_in(self.lang, text, parsed, (0, 1))
            if pair is not None:
                ctx = f"{_callee(text, pos)} {key}".strip()
                yield from self.emit(Role.PAIR, pair[0], pair[1], ctx)
            return
        if text[pos] in _QUOTE_CHARS or (text[pos].isalpha() and text[pos + 1 : pos + 2] in "\"'"):
            lit = lex_open(self.lang, text, pos if text[pos] in _QUOTE_CHARS else pos + 1)
            if lit is not None:
                yield from self.split_pair(lit, f"{_callee(text, pos)} {key}".strip())

    def split_pair(self, lit: Lit, ctx: str) -> Iterator[Candidate]:
        text = self.text
        if (
            runtime_cut(self.lang, text, lit, lit.cs) is not None
            or concatenated(self.lang, text, lit) is not False
        ):
            return
        match = _USERPASS.fullmatch(text, lit.cs, lit.ce)
        if match is None:
            return
        user = Value(match.group(1), match.start(1))
        secret = Value(match.group(2), match.start(2))
        yield from self.emit(Role.PAIR, user, secret, ctx)

    def encoded(self, pos: int, end: int) -> Iterator[Candidate]:
        """`btoa("id:secret")`, `base64.b64encode(b"id:secret")`, `[]byte("id:secret")`."""
        text = self.text
        gap = _ENCODER_GAP.match(text, end)
        if gap is None:
            return
        lit = lex_open(self.lang, text, gap.end())
        if lit is not None:
            yield from self.split_pair(lit, f"{text[pos:end]}(id:secret)")

    def run(self, anchors: Anchors | None = None) -> Iterator[Candidate]:
        text = self.text
        # The anchors hold every keyword, so the file is neither searched nor lower-cased: the
        # checks below read it case-insensitively (sets of both cases, slices lowered), which
        # reads as its lower-cased copy does, but for the one non-ASCII character that
        # lower-cases into ASCII (KELVIN SIGN into "k"): a file holding it reads the copy.
        # (``identifier`` lowers the window around a hit.) A search without anchors needs it.
        if anchors is None or self.lang.new_api:
            look = self.lowered()
            hits = keywords(self.lang, look, anchors)
        else:
            hits = keywords(self.lang, "", anchors)
            if not hits:
                return  # a file opened by other words (`secret`, `://`): nothing for us
            look = self.lowered() if _KELVIN in text else text
        size = len(text)
        for found, found_end, keyword in hits:
            pos, end = found, found_end
            if keyword == "auth" and look[end : end + 9].lower() == "orization":
                end += 9
                if end < size and look[end] in _IDENT_CHARS:
                    continue
                if pos >= 6 and look[pos - 6 : pos].lower() in ("proxy-", "proxy_"):
                    pos -= 6
                yield from self.authorization(pos, end)
                if not self.lang.paren_free or text[pos - 1 : pos] != ":":
                    continue
            elif keyword in ("basic", "bearer"):
                before = look[pos - 1] if pos else ""
                if before in _QUOTE_CHARS:
                    # A literal that starts here and was already taken as the value of an
                    # Authorization key (`{"Authorization": f"Bearer {t}"}`) is not lexed again.
                    if pos not in self.seen and (end == size or look[end] not in _IDENT_CHARS):
                        yield from self.scheme(pos, end)
                    continue
                if (
                    before not in _IDENT_CHARS
                    and before not in ".:"
                    and (end == size or (look[end] not in _IDENT_CHARS and look[end] != "("))
                ):
                    continue  # the word in prose or in a longer literal
            yield from self.identifier(pos, end)


# Every keyword a candidate needs (prefilter.CODE_WORDS): the checks that follow run only at
# these hits. A scan hands the prefilter's anchors in, which hold them all; without anchors
# (a Markdown block, `--fix`, a test) `str.find` per word finds them, at memchr speed (an
# alternation of them tries every position). No word begins another, so at most one starts at
# any offset: in offset order, skipping overlaps, the finds are what `finditer` of the
# alternation gives.
# Per language: `api` (four in ten hits on service code: apiClient, API_URL...) only where the
# Razorpay SDK is `new Api(...)` (PHP), searched here rather than by the prefilter.
_KEYWORD_WORDS: Final = tuple(word.decode() for word in CODE_WORDS)
_KEYWORD_WORDS_NEW_API: Final = (*_KEYWORD_WORDS, "api")
# prefilter.WORDS index -> the keyword, for the anchors that are code keywords.
_KEYWORD_AT: Final = {WORDS.index(word): word.decode() for word in CODE_WORDS}


def keywords(
    lang: Language, low: str, anchors: Anchors | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, keyword) of every keyword in the lower-cased text, leftmost first and not
    overlapping, as ``finditer`` of the alternation gives them. From ``anchors`` when given (the
    prefilter's, which overlap: `btoauth` holds `btoa` and `auth`; only the first counts)."""
    out: list[tuple[int, int, str]] = []
    last = 0
    if anchors is not None and not lang.new_api:
        # The common case in one pass: a scan's anchors, in offset order.
        for pos, index in anchors:
            keyword = _KEYWORD_AT.get(index)
            if keyword is not None and pos >= last:
                last = pos + len(keyword)
                out.append((pos, last, keyword))
        return out
    if anchors is None:
        found = _found(low, _KEYWORD_WORDS_NEW_API if lang.new_api else _KEYWORD_WORDS)
    else:
        found = [(pos, _KEYWORD_AT[index]) for pos, index in anchors if index in _KEYWORD_AT]
        found += _found(low, ("api",))
        found.sort()
    for pos, keyword in found:
        if pos >= last:
            last = pos + len(keyword)
            out.append((pos, last, keyword))
    return out


def _found(low: str, words: tuple[str, ...]) -> list[tuple[int, str]]:
    """(offset, word) of every occurrence of each word in ``low``, sorted."""
    found: list[tuple[int, str]] = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            found.append((at, word))
            at = low.find(word, at + 1)
    found.sort()
    return found


# The window ``identifier`` reads around a keyword: 40 name characters and a 41-character
# receiver before it (_RECEIVER, _NEW); after it the name's rest (40, or `.from`), then a member
# (_MEMBER, 43) or blanks and a parenthesis (_OPEN_PAREN, 21). A margin on top.
_IDENT_BEFORE: Final = 96
_IDENT_AFTER: Final = 160
_IDENT_RUN: Final = lazy(r"[a-z0-9_$]{1,40}|(?<=buffer)\.from")
_ARGUMENT: Final = lazy(r"[\"'`:@$A-Za-z]")
_OPEN_PAREN: Final = lazy(r"[ \t]{0,20}\(")
_BEFORE_NAME: Final = frozenset(".:>\n")
_RECEIVER: Final = lazy(r"([a-z0-9_$]{1,40})(?:\.|::|->)$")
_MEMBER: Final = lazy(r"(?:\.|::|->)([a-z_][a-z0-9_]{0,40})")
_NEW: Final = lazy(r"new[ \t]{1,20}(?:\\?razorpay\\api\\)?$")
_NEW_API: Final = Call("new Api")
_ENCODERS: Final = frozenset(
    {
        "btoa",
        "b64encode",
        "urlsafe_b64encode",
        "standard_b64encode",
        "base64_encode",
        "base64encode",
        "encode64",
        "strict_encode64",
        "urlsafe_encode64",
        "encodetostring",
        "tobase64string",
    }
)


def _names_of(lang: Language) -> frozenset[str]:
    """The names ``identifier`` may act on: a pair key, an encoder, a call (also its part
    after a receiver, `razorpay.` + `newclient`, or before a member, `credentials` + `.basic`,
    or after Ruby's `:`), and PHP's `new Api`."""
    names = {*_PAIR_KEYS, *_ENCODERS, "buffer.from"}
    for key in lang.calls:
        names |= {key, key.removeprefix(":")}
        if "." in key:
            names |= {key.split(".", 1)[1], key.rsplit(".", 1)[0]}
    if lang.new_api:
        names.add("api")
    return frozenset(names)


def extract_code(lang: Language, text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    """All candidates in a source file of ``lang``; never raises on any input. ``anchors``:
    the prefilter's for exactly this text (see prefilter.CODE_WORDS)."""
    try:
        yield from _Extractor(lang, text).run(anchors)
    except (ValueError, IndexError, RecursionError):  # pragma: no cover - defensive
        return


# --- argument lists ---------------------------------------------------------------------------

_TOKEN: Final = lazy(
    r"""(?P<ws>[ \t\r\n]{1,200})|(?P<open>[(\[{])|(?P<close>[)\]}])|(?P<comma>,)"""
    r"""|(?P<sep>=>|:(?!:)|=(?![=>]))|(?P<quote>["'`])|(?P<word>[^ \t\r\n()\[\]{},:="'`]{1,200})"""
    r"""|(?P<other>[\s\S])"""
)
_CLOSERS: Final = {"(": ")", "[": "]", "{": "}"}
# Methods that keep a literal's value: Java "x".toCharArray(), Python "x".encode().
_KEEPS_LITERAL: Final = lazy(
    r"\.(?:toCharArray|getBytes|encode|toByteArray|to_s|freeze|bytes)(?:\(\))?"
)


class Node:
    """A parsed argument: a literal, a bracketed list of items, or anything else (``parts``
    counts the pieces of an expression). Filled in while its items are read."""

    __slots__ = ("end", "items", "lit", "parts", "start")

    def __init__(
        self,
        start: int,
        end: int,
        lit: Lit | None = None,
        items: list[Item] | None = None,
        parts: int = 0,
    ) -> None:
        self.start = start
        self.end = end
        self.lit = lit
        self.items = items
        self.parts = parts


class Item(Record):
    __slots__ = ("key", "node")
    _fields = ("key", "node")

    def __init__(self, key: str | None, node: Node) -> None:
        self.key: Final = key
        self.node: Final = node


class _Budget:
    def __init__(self, limit: int) -> None:
        self.tokens = 0
        self.limit = limit
        self.reached = 0


def parse_items(
    lang: Language, text: str, pos: int, close: str | None
) -> tuple[list[Item] | None, int]:
    """Comma-separated items from ``pos`` up to ``close`` (or the line's end when None).

    Also returns how far the parse read, so that the caller never parses a region twice.
    """
    budget = _Budget(min(len(text), pos + _MAX_ARGS_CHARS))
    parsed = _parse(lang, text, pos, close, budget)
    return (None if parsed is None else parsed[0]), budget.reached


def _parse(
    lang: Language, text: str, pos: int, close: str | None, budget: _Budget
) -> tuple[list[Item], int] | None:
    limit = budget.limit
    items: list[Item] = []
    key: str | None = None
    parts: list[Node] = []

    def finish() -> None:
        if parts:
            node = Node(parts[0].start, parts[-1].end, parts=len(parts))
            if len(parts) == 1:
                node.lit, node.items = parts[0].lit, parts[0].items
            elif len(parts) == 2 and text[parts[0].start : parts[0].end] == "Some":
                node.items = parts[1].items  # Rust Some("secret")
            elif (
                len(parts) <= 3
                and parts[0].lit is not None
                and _KEEPS_LITERAL.fullmatch(text, parts[0].end, parts[-1].end)
            ):
                node.lit = parts[0].lit  # "x".toCharArray(), "x".encode()
            items.append(Item(key, node))

    while pos < limit:
        budget.tokens += 1
        budget.reached = max(budget.reached, pos)
        if budget.tokens > _MAX_TOKENS:
            return None
        tok = _TOKEN.match(text, pos)
        if tok is None:  # pragma: no cover - the last alternative matches any character
            return None
        kind = tok.lastgroup
        if kind == "ws":
            if close is None and "\n" in tok.group():
                finish()
                return items, tok.start()
            pos = tok.end()
            continue
        if kind == "close":
            if tok.group() == close:
                finish()
                return items, tok.end()
            return None
        if kind == "comma":
            finish()
            key, parts = None, []
            pos = skip_ws(text, tok.end())
            continue
        if kind == "sep" and key is None and len(parts) == 1:
            only = parts[0]
            if only.lit is not None:
                key = text[only.lit.cs : only.lit.ce]
            elif only.items is None:
                key = text[only.start : only.end].lstrip(":$")
            if key is not None:
                parts = []
                pos = tok.end()
                continue
        if close is None and kind == "other" and tok.group() == ";":
            finish()
            return items, tok.start()
        if kind == "open":
            inner = _parse(lang, text, tok.end(), _CLOSERS[tok.group()], budget)
            if inner is None:
                return None
            node = Node(tok.start(), inner[1], items=inner[0])
            # f(...) is a call, not a container: only bare brackets hold pairs.
            glued = parts and parts[-1].end == tok.start()
            if glued and text[parts[-1].start : tok.start()] != "Some":
                node.items = None
            parts.append(node)
            pos = inner[1]
            continue
        if kind == "quote":
            lit = lex_open(lang, text, tok.start())
            if lit is None:
                return None
            if parts and parts[-1].end == tok.start() and parts[-1].end - parts[-1].start <= 3:
                parts.pop()  # a string prefix such as f, b, r, $, @
            parts.append(Node(lit.start, lit.end, lit=lit))
            pos = lit.end
            continue
        parts.append(Node(tok.start(), tok.end()))
        pos = tok.end()
    if close is None:
        finish()
        return items, pos
    return None


def value_of(lang: Language, text: str, node: Node) -> Value:
    lit = node.lit
    if lit is not None and runtime_cut(lang, text, lit, lit.cs) is None:
        return Value(text[lit.cs : lit.ce], lit.cs)
    if node.items is not None and len(node.items) == 1 and node.items[0].node.lit is not None:
        return value_of(lang, text, node.items[0].node)  # Rust Some("x"), a 1-tuple
    return Value(text[node.start : node.end], node.start, literal=False)


def pair_in(
    lang: Language, text: str, items: list[Item], positions: tuple[int, int]
) -> tuple[Value, Value] | None:
    user = secret = None
    for item in items:
        if item.key is None:
            continue
        key = item.key.lower()
        if key in _USER_KEYS and user is None:
            user = item.node
        elif key in _SECRET_KEYS and secret is None:
            secret = item.node
    if user is not None and secret is not None:
        return value_of(lang, text, user), value_of(lang, text, secret)
    positional = [item.node for item in items if item.key is None]
    i, j = positions
    if len(positional) > j:
        return value_of(lang, text, positional[i]), value_of(lang, text, positional[j])
    if len(positional) == 1 and positional[0].items is not None and positions == (0, 1):
        return pair_in(lang, text, positional[0].items, positions)
    return None


def _callee(text: str, pos: int) -> str:
    """The name of the call whose arguments ``pos`` is in: `razorpay.Client`, `requests.get`."""
    depth = 0
    i = pos - 1
    floor = max(0, pos - 400)
    while i >= floor:
        char = text[i]
        if char in ")]}":
            depth += 1
        elif char in "([{":
            if depth == 0:
                if char != "(":
                    i -= 1
                    continue  # `axios.get(url, { auth: ... })`: look past the object
                name = re.search(r"[A-Za-z_$][A-Za-z0-9_$.]{0,80}[ \t]*$", text[max(0, i - 80) : i])
                if name is None:
                    return ""
                callee = name.group().strip()
                head = callee.split(".", 1)[0]
                return "requests" if head in ("requests", "session", "s") else callee
            depth -= 1
        i -= 1
    return ""

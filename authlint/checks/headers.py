"""AL1xx in context: every header value an extractor found goes through the parser, plus what only
the surroundings can tell (is a `$VAR` expanded here? is this documentation? is the value only the
literal start of a header built at runtime?)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from typing import Final

from authlint import kinds
from authlint.checks import FileContext, Hit
from authlint.checks.hosts import any_public
from authlint.codes import RULES, Code
from authlint.diagnostic import Diagnostic
from authlint.extract import Candidate, Role, Value, headerline
from authlint.lazyre import lazy
from authlint.placeholder import (
    is_dummy,
    is_placeholder,
    is_redaction_mask,
    is_reference,
    looks_random,
)
from authlint.providers import RuleChoice
from authlint.redact import redact_secret

CODES = frozenset(rule.code for rule in RULES if rule.kind == "malformed-header")

# The scheme word, after an optional field name and quote: decides which profile applies.
_SCHEME = lazy(
    r"[ \t]*(?:(?:proxy-)?authorization[ \t]*:[ \t]*)?[\"']?(?P<scheme>[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64})",
    re.IGNORECASE,
)
_STRICT_SCHEMES = frozenset({"basic", "bearer"})
# Stands in for the runtime part of a concatenated header, so the literal prefix can go through
# the same parser: RFC 7617's own example credentials.
_STAND_IN = "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
# What a literal prefix can get wrong by itself; anything else is about the stand-in.
_PREFIX_CODES = frozenset(
    {
        Code.SCHEME_CASE,
        Code.WHITESPACE,
        Code.FIELD_NAME_IN_VALUE,
        Code.UNSUPPORTED_SCHEME,
        Code.QUOTED_CREDENTIALS,
    }
)
# `{{ name }}` is no language's interpolation: it is template notation, which an engine fills
# (Helm, Ansible, Postman, REST Client, Jinja, Go's text/template, Mustache/Handlebars, Twig, an
# API that renders the header it forwards like Adyen's `Basic {{credentials}}`). The exception is
# the kinds whose format strings escape a brace by doubling it (Python f-strings and
# str.format, C# `$"..."`, C++ std::format): there `{{token}}` sends `{token}` (AL104), unless
# the value is a test's, a document's or an example's stand-in.
_BRACE_ESCAPE_KINDS = frozenset({"python", "csharp", "c-like"})
# String-literal escapes, as the program sees them. A header value in source code is raw text
# between quotes; `\"` is one quote character to the server, and `\r\n` is header injection.
_ESCAPES = {'"': '"', "'": "'", "\\": "\\", "/": "/", "n": "\n", "r": "\r", "t": "\t", "0": "\0"}


def _unescape(text: str) -> tuple[str, list[int]]:
    """The value the program sends, and for each of its characters the offset in ``text``."""
    if "\\" not in text:
        return text, list(range(len(text) + 1))
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPES:
            out.append(_ESCAPES[text[i + 1]])
            where.append(i)
            i += 2
            continue
        out.append(char)
        where.append(i)
        i += 1
    where.append(len(text))
    return "".join(out), where


_TRIPLE_QUOTE = lazy(r'"""|\'\'\'')


def _in_docstring(ctx: FileContext, offset: int) -> bool:
    """Python: inside a triple-quoted string (docstrings, mostly), by the parity of the
    triple quotes before ``offset``. Positions are found once per file."""
    if ctx.triple_quotes is None:
        ctx.triple_quotes = [m.start() for m in _TRIPLE_QUOTE.finditer(ctx.text)]
    return bisect_left(ctx.triple_quotes, offset) % 2 == 1


def _in_comment(ctx: FileContext, value: Value) -> bool:
    if value.prose:
        return True
    # The tree knows comments and docstrings, but a file is not parsed for this question alone
    # (2.7% more parses on a tree of real Python packages).
    syntax = ctx.syntax if ctx.tree_wanted else None
    if syntax is not None and (not syntax.embedded or syntax.covers(value.start)):
        return syntax.prose_at(value.start)  # no look-back
    if ctx.kind == "python" and _in_docstring(ctx, value.start):
        return True
    leads = kinds.comment_leads(ctx.kind)
    if not leads:
        return False
    text = ctx.text
    # Bounded look-back: on a minified single line, an unbounded one makes the file quadratic.
    floor = max(0, value.start - 4096)
    newline = text.rfind("\n", floor, value.start)
    line_start = newline + 1 if newline != -1 else floor
    if line_start != 0 and newline == -1:
        return False  # a line longer than the look-back is code, not a comment line
    return text[line_start : value.start].lstrip().startswith(leads)


# The roles this check reads (a PAIR's two values are the secret checks' business).
_ROLES = frozenset({Role.HEADER, Role.HEADER_PREFIX, Role.USERPASS})


def check_headers(ctx: FileContext) -> Iterator[Hit]:
    for candidate in ctx.candidates:
        value = candidate.value
        if not value.literal or candidate.role not in _ROLES:
            continue
        if value.shown_wrong and candidate.role is not Role.USERPASS:
            continue  # documentation's own example of the mistake (extract.outline)
        if not value.prose and _in_comment(ctx, value):
            candidate = candidate.replace(value=value.replace(prose=True))  # noqa: PLW2901
            value = candidate.value
        if candidate.role is Role.HEADER:
            if value.prose and headerline.names_scheme(value.text):
                continue
            yield from _unless_message(ctx, value, _header(ctx, candidate))
        elif (
            candidate.role is Role.HEADER_PREFIX
            and not value.prose
            and (not ctx.is_test or any_public(candidate.hosts))
        ):
            # In a test, the literal start of a value is what the test feeds the code under
            # test (`"bearer $n"`: any case accepted?), as a whole literal value there is;
            # unless the request goes to a public host: a live call (checks/construct.py).
            yield from _unless_message(ctx, value, _prefix_in(ctx, candidate, value))
        elif candidate.role is Role.USERPASS:
            yield from _userpass(ctx, candidate)


def _masked(text: str) -> bool:
    """Are the credentials a redaction mask (`AUTHORIZATION: basic ***` in a workflow log,
    `Bearer [REDACTED]`)? Then the value records a header that was sent, as a redactor wrote
    it down: neither a header to send nor a placeholder to fill in. A whole value masked
    (`authorization: '[REDACTED]'` in a log call's fields) is one too."""
    scheme = _SCHEME.match(text)
    rest = text[scheme.end() :] if scheme is not None else text
    return is_redaction_mask(rest.strip(" \t\"'"))


def _filled_by_call(ctx: FileContext, value: Value) -> bool:
    """Is ``value`` inside a string given to a call that fills in its `$name`s (the language's
    expanders: `string.Template(\"\"\"...${token}...\"\"\")`, `os.path.expandvars(...)`)? The
    line readers see only the header line's own quotes; the tree sees the template around it."""
    expanders = _expanders(ctx.kind)
    if not expanders:
        return False
    syntax = ctx.syntax
    return syntax is not None and syntax.callee_at(value.start) in expanders


@cache
def _expanders(kind: str) -> frozenset[str]:
    """The calls that fill `$name` in for ``kind`` (its extractor's Language.expanders)."""
    import importlib

    found = kinds.KINDS.get(kind)
    module = importlib.import_module(found.extractor.partition(":")[0]) if found else None
    language = getattr(module, "LANGUAGE", None)
    expanders: frozenset[str] = getattr(language, "expanders", frozenset())
    return expanders


def _unless_message(ctx: FileContext, value: Value, hits: Iterator[Hit]) -> Iterator[Hit]:
    """``hits``, unless ``value`` is text handed to a log, print, error or response call
    (`throw new Error("Authorization: Bearer token missing")`): a message for a person names
    the header, it sets none. Asked only of a value that draws something: the tree is parsed
    for this question only then."""
    found = list(hits)
    if found and not _in_message(ctx, value):
        yield from found


def _in_message(ctx: FileContext, value: Value) -> bool:
    syntax = ctx.syntax
    return syntax is not None and syntax.message_at(value.start)


def _profile_for(text: str, configured: str) -> str:
    """Strict applies to Basic and Bearer (any case: case is its own finding); a header with
    another well-formed scheme (Digest, AWS4-HMAC-SHA256, token) is judged by the RFC alone."""
    match = _SCHEME.match(text)
    if match and match.group("scheme").lower() not in _STRICT_SCHEMES:
        return "rfc"
    return configured


def _hit(
    value: Value,
    diagnostic: Diagnostic,
    rules: RuleChoice | None = None,
    snippet: str | None = None,
) -> Hit:
    from authlint import header

    message = diagnostic.message
    if rules is not None and diagnostic.code in RULE_DEPENDENT:
        message = f"{message} ({rules.describe()})"
    return Hit(
        value.start + diagnostic.start,
        value.start + max(diagnostic.end, diagnostic.start + 1),
        diagnostic.code,
        message,
        header.redact(value.text) if snippet is None else snippet,
        value.text,
        # Only ever a scheme name, padding, a space or a deletion: never credential material.
        diagnostic.fix,
        rules,
    )


def _is_makefile(path: str) -> bool:
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return name in ("makefile", "gnumakefile") or name.endswith(".mk")


# Header verdicts for the run, by (value, profile): a service's code repeats the same few
# header values in thousands of files (29 distinct values in 40,000 on a payments tree). The
# profile is the provider's choice, so the key is (value, profile, provider) in effect.
# A scheme followed by three lower-case words, the last not an auth-param name: no credentials
# (a token68 is one word, auth-params are `name=value`) read like that, a sentence does.
_SENTENCE = lazy(r"[ \t]*\S+(?:[ \t]+[a-z][a-z'-]*[,.;:!?]?){3}(?![ \t]*=)")
# What the grammar says of a sentence: spaces in the credentials, no credentials form.
_SENTENCE_CODES = frozenset({Code.WHITESPACE, Code.INVALID_AUTH_PARAMS, Code.UNSUPPORTED_SCHEME})
# In a test file, the literal-value codes that are still bugs: notation nothing fills in.
_BUGS_IN_TESTS = frozenset({Code.UNEXPANDED_VARIABLE})


# What decoding a Basic token that is not base64 at all trips over, one consequence each.
_DECODE_CODES = frozenset(
    {
        Code.BAD_PADDING,
        Code.NON_CANONICAL_BASE64,
        Code.MISSING_COLON,
        Code.CONTROL_CHARACTER,
        Code.NON_UTF8_CREDENTIALS,
    }
)


def _not_base64(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`Basic abc123`, `Basic hunter2`: a word where the token belongs decodes to bytes with no
    colon that are not text. That is one problem (the value was never base64 of `id:secret`),
    not a padding, a pad-bits, a colon and an encoding problem."""
    codes = {d.code for d in diagnostics}
    if Code.MISSING_COLON not in codes or not codes & {
        Code.NON_UTF8_CREDENTIALS,
        Code.CONTROL_CHARACTER,
    }:
        return diagnostics
    token = next(d for d in diagnostics if d.code is Code.MISSING_COLON)
    folded = Diagnostic(
        Code.NOT_BASE64,
        "the Basic token is not base64 of `id:secret`: it decodes to bytes that are not text "
        "(is a raw key or word where the token belongs?)",
        token.start,
        token.end,
        None,
    )
    return [folded, *(d for d in diagnostics if d.code not in _DECODE_CODES)]


def _is_sentence(text: str, diagnostics: list[Diagnostic]) -> bool:
    """A message that mentions the scheme (`Bearer token expired for this client`): the grammar
    finds neither credentials form in it, and it reads as words."""
    return any(d.code in _SENTENCE_CODES for d in diagnostics) and _SENTENCE.match(text) is not None


_VERDICTS: dict[tuple[str, str], tuple[Diagnostic, ...]] = {}
_VERDICTS_MAX = 4096


def _verdict(text: str, profile: str) -> list[Diagnostic]:
    key = (text, profile)
    found = _VERDICTS.get(key)
    if found is None:
        from authlint import header

        found = tuple(header.validate(text, profile=profile))
        if len(_VERDICTS) >= _VERDICTS_MAX:  # a generated tree of unique values: stay bounded
            _VERDICTS.clear()
        _VERDICTS[key] = found
    return list(found)


# make reads `$X` as its own one-letter variable `X` wherever it is written, recipe or not: a
# recipe's `"Bearer $TOKEN"` sends `Bearer OKEN` (`$$` is how a recipe writes the shell's `$`).
_MAKE_ONE_LETTER: Final = lazy(r"(?<!\$)(?:\$\$)*\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)")


def _bare_actions_expression(ctx: FileContext, value: Value) -> bool:
    """A GitHub workflow's `{{ secrets.X }}` that lost its `$`: nobody fills it in."""
    if value.prose or not ctx.is_github_workflow:
        return False
    from authlint.syntax.embedded import bare_expression

    return bare_expression(value.text)


def _make_one_letter(value: Value) -> Hit | None:
    """The first `$X` in a Makefile's header value that make itself fills in, if any."""
    found = _MAKE_ONE_LETTER.search(value.text)
    if found is None:
        return None
    from authlint import header

    name = found.group("name")
    return Hit(
        value.start + found.start("name") - 1,
        value.start + found.end("name"),
        Code.UNEXPANDED_VARIABLE,
        f"make expands `${name[0]}` itself (the make variable `{name[0]}`, usually empty), so the "
        f"shell never sees `${name}`; write `$${name}` in a Makefile",
        header.redact(value.text),
        value.text,
    )


def _header(ctx: FileContext, candidate: Candidate) -> Iterator[Hit]:
    value = candidate.value
    text = value.text
    if "$" in text and _is_makefile(ctx.path):
        hit = _make_one_letter(value)
        if hit is not None:
            yield hit
            return
    # make fills in $(VAR) and ${VAR} before the shell sees the line, single quotes or not.
    expands = (
        value.expands
        or (("$(" in text or "${" in text) and _is_makefile(ctx.path))
        or ("$" in text and _filled_by_call(ctx, value))
    )
    if expands and "$" in text:
        # The shell (or compose, or Docker) fills this in: only the literal start is ours to judge.
        yield from _prefix_in(ctx, candidate, Value(text[: text.index("$")], value.start))
        return
    if (
        "{{" in text
        and (
            ctx.kind not in _BRACE_ESCAPE_KINDS
            or value.prose
            or ctx.is_test
            or ctx.is_docs
            or ctx.is_example
        )
        and not _bare_actions_expression(ctx, value)
    ):
        yield from _prefix_in(ctx, candidate, Value(text[: text.index("{{")], value.start))
        return
    if not text.strip() or _masked(text):
        return
    where: list[int] | None = None
    if "\\" in text:
        text, where = _unescape(text)
    from authlint.checks import target

    choice: RuleChoice | None = None
    profile = _profile_for(text, "strict")
    if profile == "strict":  # Basic or Bearer: which API's rules?
        if _valid_by_any_rules(text):
            return  # whichever they are (choosing reads the whole file: its hosts, its SDK)
        choice = target.choose(ctx, candidate)
        profile = choice.profile
    diagnostics = _not_base64(_verdict(text, profile))
    if diagnostics and _is_sentence(text, diagnostics):
        return  # `"Bearer token was not accepted"`: a message about the header, not a value
    if diagnostics and ctx.is_test and not value.prose:
        # A literal value in a test is what the test feeds the client (a short stand-in, an
        # encoding probe, a lower-case scheme to see it accepted): test data, not a header that
        # reaches a server. What a shell or template never fills in is still a bug.
        diagnostics = [d for d in diagnostics if d.code in _BUGS_IN_TESTS]
    if where is not None:
        diagnostics = [
            Diagnostic(d.code, d.message, where[d.start], where[d.end], d.fix) for d in diagnostics
        ]
    docs = ctx.is_docs or value.prose
    if docs or ctx.is_test:
        # Documentation shows placeholders on purpose, and tests compare against stand-ins;
        # whatever a placeholder's own characters trip (brackets outside base64, say) is part of
        # the same stand-in.
        # In a sentence, `$TOKEN` is notation too: the reader fills it in.
        stand_ins = (
            (Code.PLACEHOLDER, Code.UNEXPANDED_VARIABLE) if value.prose else (Code.PLACEHOLDER,)
        )
        spans = [(d.start, d.end) for d in diagnostics if d.code in stand_ins]
        diagnostics = [
            d
            for d in diagnostics
            if d.code not in stand_ins
            and not any(s < max(d.end, d.start + 1) and d.start < e for s, e in spans)
        ]
    if docs and any(d.code is Code.MISSING_CREDENTIALS for d in diagnostics):
        # `Authorization: Bearer ""`: an example that lost its placeholder on export.
        yield _stripped(value, "header example has no credentials after the scheme")
        return
    if choice is not None and choice.empty_password:
        diagnostics = [d for d in diagnostics if d.code is not Code.EMPTY_PASSWORD]
    # Redacted once per value, not once per diagnostic (a long value can carry many).
    if not diagnostics:
        return
    from authlint import header  # the grammar compiled on the first header value, not before

    snippet = header.redact(value.text)
    for diagnostic in one_per_code(diagnostics):
        yield _hit(value, diagnostic, choice, snippet)


def one_per_code(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One diagnostic per code and value: the first span, with how many more there are
    (`base64(KEY_ID:KEY_SECRET)` has five characters outside the alphabet: one problem)."""
    counts: dict[Code, int] = {}
    for d in diagnostics:
        counts[d.code] = counts.get(d.code, 0) + 1
    out: list[Diagnostic] = []
    for d in diagnostics:
        count = counts.pop(d.code, 0)
        if count == 1:
            out.append(d)
        elif count > 1:
            more = f"{d.message} (and {count - 1} more in this value)"
            out.append(Diagnostic(d.code, more, d.start, d.end, d.fix))
    return out


def _stripped(value: Value, message: str) -> Hit:
    return Hit(
        value.start,
        max(value.end, value.start + 1),
        Code.STRIPPED_EXAMPLE,
        f"{message}: the example lost its placeholders; show `[YOUR_KEY_ID]:[YOUR_KEY_SECRET]` "
        "or a variable",
        value.text,
        value.text,
    )


# Codes whose verdict depends on the rules chosen (the rfc profile accepts what they report).
RULE_DEPENDENT = frozenset(
    {
        Code.SCHEME_CASE,
        Code.WHITESPACE,
        Code.EMPTY_USER_ID,
        Code.EMPTY_PASSWORD,
        Code.UNSUPPORTED_SCHEME,
    }
)


def _rules(ctx: FileContext, candidate: Candidate) -> RuleChoice:
    from authlint.checks import target

    return target.choose(ctx, candidate)


@cache
def _profile_rules() -> tuple[RuleChoice, ...]:
    """One choice per profile: what a header value or prefix draws depends on the rules chosen
    only through their profile. (The grammar loads with the first header value, not before.)"""
    from authlint.grammar import PROFILES

    return tuple(RuleChoice(profile, None, "default") for profile in PROFILES)


def _valid_by_any_rules(text: str) -> bool:
    """``text`` draws no diagnostic under any profile: the rules need not be chosen."""
    return not any(_verdict(text, rules.profile) for rules in _profile_rules())


def _prefix_in(ctx: FileContext, candidate: Candidate, value: Value) -> Iterator[Hit]:
    """``_prefix`` by the rules ``candidate`` gets in its file, chosen only when the prefix
    draws something under some profile (the usual `"Bearer "` draws nothing under any)."""
    if any(next(_prefix(value, rules), None) is not None for rules in _profile_rules()):
        yield from _prefix(value, _rules(ctx, candidate))


def _prefix(value: Value, rules: RuleChoice | None = None) -> Iterator[Hit]:
    """The literal start of a header completed at runtime: `"Basic " + token`, f"Bearer {t}".
    Judged by ``rules`` (the strict profile when the caller has no evidence to offer)."""
    # The same few prefixes (`"Bearer "`) recur in thousands of files: judged once per run.
    key = (value.text, rules)
    found = _PREFIXES.get(key)
    if found is None:
        if len(_PREFIXES) >= _VERDICTS_MAX:
            _PREFIXES.clear()
        found = _PREFIXES[key] = tuple(_prefix_hits(Value(value.text, 0), rules))
    for hit in found:
        yield hit.replace(start=hit.start + value.start, end=hit.end + value.start)


# Hits of a prefix at offset 0, by (prefix, rules).
_PREFIXES: dict[tuple[str, RuleChoice | None], tuple[Hit, ...]] = {}


def _prefix_hits(value: Value, rules: RuleChoice | None) -> Iterator[Hit]:
    text = value.text
    stripped = text.rstrip(" \t")
    if not stripped:
        return
    last_word = stripped.rsplit(None, 1)[-1].strip("\"'").lower()
    if stripped == text and last_word in _STRICT_SCHEMES:
        end = value.start + len(text)
        yield Hit(
            end - len(last_word),
            end,
            Code.WHITESPACE,
            "no space between the scheme and the credentials appended at runtime",
            text,
            text,
        )
        # Fall through for the scheme's case: `"basic" + token` is wrong twice.
        text = text + " "
    if _profile_for(text, "strict") == "rfc":
        return
    unescaped, where = _unescape(text)
    limit = len(unescaped)
    # `"Basic \"" + token + "\""`: the prefix opens a quote that a later literal closes.
    closing = unescaped[-1] if unescaped[-1:] in ('"', "'") else ""

    profile = "strict" if rules is None else rules.profile
    for d in _verdict(unescaped + _STAND_IN + closing, profile):
        if d.code in _PREFIX_CODES and d.start < limit:
            end = where[min(d.end, limit)]
            yield _hit(
                value,
                Diagnostic(d.code, d.message, where[d.start], min(end, len(value.text))),
                rules,
            )


def prefix_codes(prefix: str) -> frozenset[Code]:
    """What ``_prefix`` reports on a literal header start (``--fix`` re-checks its edits with it)."""
    return frozenset(hit.code for hit in _prefix(Value(prefix, 0)))


def _userpass(ctx: FileContext, candidate: Candidate) -> Iterator[Hit]:
    """`curl -u id:secret` and friends: the same rules as a decoded Basic value."""
    value = candidate.value
    text = value.text
    tool = candidate.context or "curl -u"
    whole = (value.start, max(value.end, value.start + 1))
    docs = ctx.is_docs or value.prose

    def hit(code: Code, message: str, span: tuple[int, int] = whole) -> Hit:
        shown = ":".join(redact_secret(part) for part in text.split(":", 1))
        return Hit(span[0], span[1], code, message, shown, text)

    if docs and not text.strip("'\" :"):
        # `curl -u :`, `-u ''`, `-u` followed by the next option (an empty value at the
        # option): the export lost the key id and secret. One warning per example, so a docs
        # team can find them all.
        yield _stripped(value, f"`{tool}` example has no credentials")
        return
    if not text:
        yield hit(Code.MISSING_CREDENTIALS, f"`{tool}` is given empty credentials")
        return
    if "{{" in text and (ctx.kind not in _BRACE_ESCAPE_KINDS or ctx.template_engine):
        return  # `--user {{ .Values.user }}:...`: template notation, which the engine fills in
    if "$" in text and not value.expands:
        start = text.index("$")
        yield hit(
            Code.UNEXPANDED_VARIABLE,
            f"`{tool}` value holds a variable that is never expanded here (single quotes?)",
            (value.start + start, value.end),
        )
        return
    user, colon, password = text.partition(":")
    if not colon:
        if not is_reference(text) and not (docs and is_placeholder(text)):
            yield hit(
                Code.MISSING_COLON,
                f"`{tool}` value has no colon: curl would prompt for the password",
            )
        return
    if not user or not password:
        from authlint.checks import target

        rules = target.choose(ctx, candidate)
        # Both halves empty is no credential under any rules; one half empty is what the RFC
        # allows and some APIs document (`api_key:`), but not Razorpay's strict format.
        if rules.profile == "strict" or not (user or password):
            if not user:
                yield hit(
                    Code.EMPTY_USER_ID,
                    f"`{tool}` value has an empty user id (key id) ({rules.describe()})",
                ).replace(rules=rules)
            if not password and not (rules.empty_password and user):
                yield hit(
                    Code.EMPTY_PASSWORD,
                    f"`{tool}` value has an empty password: the secret was not set "
                    f"({rules.describe()})",
                ).replace(rules=rules)
    if docs or (value.expands and "$" in text):
        return
    # `admin:Gr4fanaAdm1nPass` is a real credential (AL206), not a placeholder user name.
    real_password = looks_random(password) and not is_placeholder(password)
    for part, offset in ((user, 0), (password, len(user) + 1)):
        if offset == 0 and real_password:
            continue
        if part and is_placeholder(part) and not is_reference(part):
            if ctx.is_test and is_dummy(part):
                continue
            yield hit(
                Code.PLACEHOLDER,
                f"`{tool}` value holds a documentation placeholder",
                (value.start + offset, value.start + offset + len(part)),
            )

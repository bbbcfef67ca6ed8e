"""Judge abstract values at sinks: header values by the grammar, credentials as secrets.

A header value is rendered to one string: known text as is, each hole replaced by a stand-in
consistent with what is known about it (the base64 of RFC 7617's example credentials where a
Basic token goes, a token68 where a Bearer token goes). `authlint.validate` judges the string,
and each diagnostic maps back to the piece it falls in: a diagnostic about a stand-in is
dropped, one in known text is reported at the character's source, and one in text that a
construction added by itself (an encoder's newline, a bytes repr) is reported where that
construction is, with its own code. What only the structure can tell (a hole encoded with the
URL-safe alphabet, the scheme given twice, bare credentials) is judged before the grammar.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Callable, Iterator
from typing import Final

from authlint import grammar
from authlint.codes import Code
from authlint.construct import ir
from authlint.construct.sites import HeaderSite
from authlint.construct.value import AValue, Cause, Encoded, Piece
from authlint.lazyre import lazy
from authlint.record import Record

# Stand-ins for holes: RFC 7617's example credentials, and a token68 from RFC 6750's examples.
BASIC_STAND_IN = "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
BEARER_STAND_IN = "mF_9.B5f-4.1JqM"
_SCHEME = lazy(r"[ \t]*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,63})( ?)", re.ASCII)
_STRICT = frozenset({"basic", "bearer"})
_B64_STRICT = lazy(r"[A-Za-z0-9+/]+={0,2}", re.ASCII)
# Causes that only break Basic credentials (RFC 7617: the standard alphabet). A token68 allows
# `-` and `_`, and a JWT must be base64url (RFC 7519 §3), so under any other scheme they stand.
BASIC_ONLY: frozenset[Code] = frozenset({Code.URL_SAFE_ALPHABET})

# What each construction code says about the construction that caused it (messages are built
# from these fields, never written per finding).
PROBLEM: dict[Code, str] = {
    Code.ENCODER_NEWLINE: "appends a newline",
    Code.ENCODER_LINE_WRAP: "wraps its output into lines",
    Code.URL_SAFE_ALPHABET: "uses the URL-safe base64 alphabet (`-`, `_`)",
    Code.BAD_PADDING: "strips the base64 padding",
    Code.BYTES_REPR: "puts the printed form of bytes, not their text, into the header",
    Code.QUOTED_CREDENTIALS: "puts quotes around the credentials",
}


class Verdict(Record):
    __slots__ = (
        "code",
        "end",
        "fix",
        "hosts",
        "literal",
        "message",
        "needs_provider",
        "secret",
        "start",
        "value",
    )
    _fields = (
        "code",
        "start",
        "end",
        "message",
        "value",
        "secret",
        "fix",
        "literal",
        "needs_provider",
        "hosts",
    )

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        code: Code,
        start: int,
        end: int,
        message: str,
        value: str,
        secret: bool = False,
        fix: tuple[tuple[int, int], str] | None = None,
        literal: bool = False,
        needs_provider: bool = False,
        hosts: tuple[str, ...] = (),
    ) -> None:
        self.code: Final = code
        self.start: Final = start
        self.end: Final = end
        self.message: Final = message
        self.value: Final = value  # what the fingerprint hashes: the rendered value or the secret
        self.secret: Final = secret
        self.fix: Final = fix
        # The header value is known whole from literals: data, like a literal value.
        self.literal: Final = literal
        # Holds only for an API whose documented format forbids it: an empty half is how some
        # APIs are called (Stripe's `key:`, Heroku's `:key`), so it needs the file to name one.
        self.needs_provider: Final = needs_provider
        # The host of the request the header is sent with, when the code shows it
        # (construct/destination.py): that API's rules, not the file's, apply.
        self.hosts: Final = hosts


Emit = Callable[[Verdict], Iterator[Verdict]]


def _applies(cause: Cause, scheme: str) -> bool:
    """Does a construction's cause break a header under this scheme?"""
    return scheme == "basic" or cause.code not in BASIC_ONLY


def _cause_verdict(cause: Cause, rendered: str) -> Verdict:
    problem = PROBLEM.get(cause.code, "breaks the header value")
    message = f"`{cause.construct}` {problem}"
    if cause.advice:
        message += f"; {cause.advice}"
    return Verdict(cause.code, cause.span[0], cause.span[1], message, rendered, fix=cause.fix)


class _Render:
    def __init__(self, value: AValue) -> None:
        self.text_parts: list[str] = []
        self.owner: list[tuple[int, int]] = []  # per character: (piece index, index in piece)
        self.value = value

    def add(self, text: str, piece: int, known: bool) -> None:
        self.text_parts.append(text)
        self.owner.extend((piece, i if known else -1) for i in range(len(text)))

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def judge_header(site: HeaderSite, value: AValue) -> list[Verdict]:
    """The findings of one header value; one per encoder call (its newline wins over its wrap)."""
    key = _plain_key(site, value)
    if key is not None and key in _CLEAN:
        return []
    literal = value.known is not None
    found = [v.replace(literal=literal) for v in _judge_header(site, value)]
    newline_at = {v.start for v in found if v.code is Code.ENCODER_NEWLINE}
    found = [v for v in found if v.code is not Code.ENCODER_LINE_WRAP or v.start not in newline_at]
    if key is not None and not found:
        if len(_CLEAN) >= _CLEAN_MAX:
            _CLEAN.clear()
        _CLEAN.add(key)
    return found


# The plain values judged clean in this run, by what the judge reads of them: a service's code
# builds its header the same few ways in thousands of files (`f"Bearer {token}"` in a helper:
# 3 shapes in 2,439 judged values on the header-dense tree), and a clean value has no offsets
# to report. Only values with no encoder, cause, template notation or prose, whose judgment
# depends on nothing else (tests/test_construct_shortcuts.py compares it with judging anew).
_CLEAN: set[tuple[object, ...]] = set()
_CLEAN_MAX = 4096
# Longer known text is rarely repeated, and is not kept.
_CLEAN_TEXT = 256


def _plain_key(site: HeaderSite, value: AValue) -> tuple[object, ...] | None:
    """What ``_judge_header`` reads of a plain value (every piece known text or a bare hole),
    offsets aside; None for any other value."""
    parts: list[object] = []
    size = 0
    for p in value.pieces:
        lit = p.literal
        if (
            p.encoded is not None
            or p.cause is not None
            or (lit is not None and (lit.unexpanded or lit.prose))
        ):
            return None
        hole = p.hole
        if p.text is not None:
            size += len(p.text)
        parts.append(
            (
                p.text,
                p.offsets is None,
                p.indirect,
                None if hole is None else (hole.transform, hole.unwrapped),
            )
        )
    if size > _CLEAN_TEXT or value.causes:
        return None
    target = site.value
    plain_literal = isinstance(target, ir.Lit) and not target.unexpanded
    return (site.context, site.read_by_lines, plain_literal, value.is_bytes, *parts)


def _judge_header(site: HeaderSite, value: AValue) -> Iterator[Verdict]:
    pieces = value.pieces
    if not pieces or any(p.literal is not None and p.literal.prose for p in pieces):
        return
    if isinstance(site.value, ir.Lit) and not site.value.unexpanded and site.read_by_lines:
        return  # a plain literal: the line extractor's candidate, judged by checks/headers.py
    if (
        site.context == "header value"
        and value.known is not None
        and not any(p.encoded is not None or p.cause is not None for p in pieces)
        and not any(p.literal is not None and p.literal.unexpanded for p in pieces)
    ):
        return  # literals joined outside any sink: a message as often as a header
    first = pieces[0]
    if first.text is None and first.cause is None:
        if first.encoded is not None:
            yield Verdict(
                Code.MISSING_SCHEME,
                site.span[0],
                site.span[1],
                f"the {site.context} value is bare base64 from `{first.encoded.model.name}`, "
                "with no scheme; prefix it with `Basic `",
                _summary(value),
            )
        return  # a value from outside (env, parameter): it may well carry its scheme
    render = _Render(value)
    for index, piece in enumerate(pieces):
        if piece.text is not None:
            render.add(piece.text, index, True)
        else:
            render.add("\0", index, False)  # replaced below, once the scheme is known
    rendered = render.text
    # `"Authorization: " + "Basic " + token` given as the value: the scheme follows the field
    # name (which the grammar reports, AL114, once the value is rendered).
    field = grammar.field_name_prefix_re.match(rendered)
    at = field.end() if field is not None and "\0" not in rendered[: field.end()] else 0
    scheme_match = _SCHEME.match(rendered, at)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if "\0" in rendered[: scheme_match.end() if scheme_match else 0]:
        return  # the scheme itself is runtime text
    stand_in = BEARER_STAND_IN if scheme == "bearer" else BASIC_STAND_IN
    if scheme_match and not scheme_match.group(2) and rendered[scheme_match.end() :][:1] == "\0":
        # `"Basic" + token`: the scheme runs into the runtime credentials.
        piece = pieces[render.owner[scheme_match.end() - 1][0]]
        if piece.offsets is not None:
            end = piece.offsets[render.owner[scheme_match.end() - 1][1]] + 1
            yield Verdict(
                Code.WHITESPACE,
                end - len(scheme),
                end,
                "no space between the scheme and the credentials appended at runtime",
                _summary(value),
            )
        return
    reported: set[tuple[Code, int]] = set()

    def emit(verdict: Verdict) -> Iterator[Verdict]:
        key = (verdict.code, verdict.start)
        if key not in reported:
            reported.add(key)
            yield verdict

    # Structure first: what the stand-ins cannot show.
    cred_start = scheme_match.end() if scheme_match else 0
    after = rendered[cred_start:]
    double = _SCHEME.match(after)
    if scheme in _STRICT and double and double.group(1).lower() in _STRICT and double.group(2):
        piece = pieces[render.owner[0][0]]
        yield from emit(
            Verdict(
                Code.DOUBLE_SCHEME,
                piece.span[0],
                piece.span[1],
                f"`{scheme_match.group(1) if scheme_match else ''}` is added to a value that "
                f"already starts with `{double.group(1)}`: the server receives the scheme twice",
                _summary(value),
            )
        )
        return
    for piece in pieces:
        if (
            piece.cause is not None
            and _applies(piece.cause, scheme)
            and (
                piece.text is None
                or piece.cause.code
                in (Code.BYTES_REPR, Code.ENCODER_NEWLINE, Code.ENCODER_LINE_WRAP)
            )
        ):
            yield from emit(_cause_verdict(piece.cause, _summary(value)))
        if piece.encoded is not None and scheme == "basic":
            # A newline added to the encoder's input (`echo x | base64`) ends up in the password.
            for cause in _input_newline(piece.encoded):
                yield from emit(_cause_verdict(cause, _summary(value)))
            yield from _missing_colon(piece, emit, value)
        wrap = piece.encoded.wrap if piece.encoded is not None else None
        if wrap is not None and piece.hole is not None and not piece.hole.unwrapped:
            yield from emit(_cause_verdict(wrap, _summary(value)))
    if scheme == "basic":
        raw = list(_raw_credentials(site, value, render, cred_start, emit))
        yield from raw
        if raw:
            return  # the grammar would only restate it, character by character
    if any(p.cause is not None and p.cause.code is Code.BYTES_REPR for p in pieces):
        return  # reported above; what the repr wraps is not the credentials the server reads
    # Then the grammar, on the rendering with stand-ins.
    text = rendered.replace("\0", stand_in, 1) if rendered.count("\0") == 1 else rendered
    owner = render.owner
    if "\0" in rendered:
        text, owner = _fill(rendered, render.owner, stand_in)
    from authlint import header

    if scheme not in _STRICT and "\0" in rendered:
        return  # auth-params around runtime values (AWS4, Digest): a stand-in tells nothing
    profile = "strict" if scheme in _STRICT else "rfc"
    unexpanded = _unexpanded_chars(value, owner)
    in_text: set[Code] = set()
    for diagnostic in header.validate(text, profile=profile):
        chars = range(diagnostic.start, max(diagnostic.end, diagnostic.start + 1))
        if diagnostic.start >= len(owner) and owner:
            chars = range(len(owner) - 1, len(owner))  # at the end: the last character's fault
        touched = [owner[c] for c in chars if c < len(owner) and owner[c][1] >= 0]
        if not touched:
            continue
        piece_index, char_index = touched[0]
        piece = pieces[piece_index]
        if any(c in unexpanded for c in chars):
            start, end = _file_span(pieces, [owner[c] for c in chars if c in unexpanded])
            yield from emit(
                Verdict(
                    Code.UNEXPANDED_VARIABLE,
                    start,
                    end,
                    "the string holds template notation that it never fills in (a missing "
                    "`f`/`$` prefix, or `${...}` where the language has none): the server "
                    "receives it as is",
                    _summary(value),
                )
            )
            continue
        if piece.cause is not None and _applies(piece.cause, scheme):
            yield from emit(_cause_verdict(piece.cause, _summary(value)))
            continue
        if piece.encoded is not None:
            if scheme == "basic" and _input_newline(piece.encoded):
                continue  # the decoded newline is the input's: reported at what added it
            if diagnostic.code is Code.MISSING_COLON:
                # At the join of id and secret (done above when the input is not known).
                yield from emit(_missing_colon_verdict(piece.encoded, value))
                continue
            span = piece.encoded.span
            message = f"{diagnostic.message} (the output of `{piece.encoded.model.name}`)"
            yield from emit(Verdict(diagnostic.code, span[0], span[1], message, _summary(value)))
            continue
        if diagnostic.code in in_text:
            continue  # one finding per code in the value's own text (the opening quote, not
            # the closing one too), as the line readers give
        in_text.add(diagnostic.code)
        start, end = _file_span(pieces, touched)
        message = diagnostic.message + f" (in the value built for the {site.context})"
        fix = None
        if (
            diagnostic.fix is not None
            and piece.offsets is not None
            and len(touched) == len(chars)
            and _verbatim(piece, touched)
        ):
            fix = ((start, end), diagnostic.fix)
        yield from emit(Verdict(diagnostic.code, start, end, message, _summary(value), fix=fix))


def _input_newline(encoded: Encoded) -> list[Cause]:
    return [
        p.cause
        for p in encoded.source.pieces
        if p.cause is not None and p.cause.code is Code.ENCODER_NEWLINE
    ]


def _verbatim(piece: Piece, touched: list[tuple[int, int]]) -> bool:
    """Is each touched character written as itself in the file (not an escape like `\\"`)?
    Only then is replacing its span a fix."""
    lit = piece.literal
    if lit is None or piece.text is None or not lit.text.startswith(piece.text):
        return False
    if any(index != touched[0][0] for index, _ in touched):
        return False
    return all(lit.offsets[i + 1] - lit.offsets[i] == 1 for _, i in touched)


def _fill(
    rendered: str, owner: list[tuple[int, int]], stand_in: str
) -> tuple[str, list[tuple[int, int]]]:
    text: list[str] = []
    out: list[tuple[int, int]] = []
    for char, who in zip(rendered, owner, strict=True):
        if char == "\0" and who[1] < 0:
            text.append(stand_in)
            out.extend([who] * len(stand_in))
        else:
            text.append(char)
            out.append(who)
    return "".join(text), out


def _unexpanded_chars(value: AValue, owner: list[tuple[int, int]]) -> set[int]:
    marks: dict[int, list[tuple[int, int]]] = {}
    for index, piece in enumerate(value.pieces):
        lit = piece.literal
        if lit is not None and lit.unexpanded and piece.text == lit.text:
            marks[index] = list(lit.unexpanded)
    if not marks:
        return set()
    return {
        position
        for position, (piece, char) in enumerate(owner)
        if piece in marks and any(s <= char < e for s, e in marks[piece])
    }


def _file_span(pieces: tuple[Piece, ...], touched: list[tuple[int, int]]) -> tuple[int, int]:
    piece = pieces[touched[0][0]]
    if piece.offsets is None:
        return piece.span
    first = piece.offsets[touched[0][1]]
    last_piece, last_char = touched[-1]
    if last_piece == touched[0][0]:
        return first, piece.offsets[last_char] + 1
    return first, first + 1


def _summary(value: AValue) -> str:
    """What a fingerprint hashes for a construction finding: the known text, holes marked."""
    return "".join(p.text if p.text is not None else "\u2026" for p in value.pieces)


def _missing_colon(piece: Piece, emit: Emit, value: AValue) -> Iterator[Verdict]:
    encoded = piece.encoded
    assert encoded is not None
    source = encoded.source
    if source.known is not None:
        return  # the grammar decodes the real token and says it
    has_colon = any(p.text is not None and ":" in p.text for p in source.pieces)
    # What a construction added by itself (echo's newline) is not a joined part.
    joined = [p for p in source.pieces if p.cause is None]
    if has_colon:
        yield from _empty_half(encoded, joined, emit, value)
        return
    if len(joined) < 2:
        return
    yield from emit(_missing_colon_verdict(encoded, value))


def _empty_half(
    encoded: Encoded, joined: list[Piece], emit: Emit, value: AValue
) -> Iterator[Verdict]:
    """`":" + secret` and `id + ":"` before the encoder: whatever the runtime parts hold, the
    user-id (or the password) is empty (RFC 7617 §2; Razorpay needs both)."""
    if len(joined) < 2:
        return
    first, last = joined[0].text, joined[-1].text
    code, half = None, ""
    if first is not None and first.startswith(":"):
        code, half = Code.EMPTY_USER_ID, "user-id"
    elif last is not None and last.endswith(":") and ":" not in last[:-1]:
        code, half = Code.EMPTY_PASSWORD, "password"
    if code is None:
        return
    start, end = encoded.input_span
    yield from emit(
        Verdict(
            code,
            start,
            end,
            f"the {half} is empty: `:` is the {'first' if half == 'user-id' else 'last'} "
            f"character of what `{encoded.model.name}` encodes",
            _summary(value),
            needs_provider=True,
        )
    )


def _missing_colon_verdict(encoded: Encoded, value: AValue) -> Verdict:
    source = encoded.source
    start, end = encoded.input_span
    if source.known is None:
        # The join itself: from the first joined part to the last, where they are on one line.
        first, last = source.pieces[0].span[0], source.pieces[-1].span[1]
        if first < last and last - first <= 400:
            start, end = first, last
    return Verdict(
        Code.MISSING_COLON,
        start,
        end,
        f"the id and the secret are joined without `:` before `{encoded.model.name}`: "
        "the server cannot split them",
        _summary(value),
    )


def _raw_credentials(
    site: HeaderSite, value: AValue, render: _Render, cred_start: int, emit: Emit
) -> Iterator[Verdict]:
    """AL124: a raw pair, a key as is, or JSON where the base64 token belongs."""
    indexes = sorted({render.owner[c][0] for c in range(cred_start, len(render.owner))})
    cred = [value.pieces[i] for i in indexes]
    if not cred or any(p.encoded is not None for p in cred):
        return
    if any(p.cause is not None and p.cause.code is Code.BYTES_REPR for p in cred):
        return  # the bytes repr is the finding: what it wraps is not judged as credentials
    raw_holes = [p for p in cred if p.text is None and p.cause is None and p.hole is not None]
    known = [p for p in cred if p.text is not None and p.cause is None]
    why = ""
    if any(h.hole is not None and h.hole.transform == "json" for h in raw_holes):
        why = "a JSON string"
    elif raw_holes and any(":" in (p.text or "") for p in known):
        why = "the id and the secret joined with `:`, not base64-encoded"
    elif not raw_holes and known and all(p.indirect for p in known):
        # What follows the scheme only: one literal can hold `Basic <token>` whole.
        token = render.text[cred_start:].strip()
        unexpanded = _unexpanded_chars(value, render.owner)
        if any(c >= cred_start for c in unexpanded):
            return  # template notation left in: the grammar reports it (AL104), at the literal
        if token and "\0" not in token and not _decodes(token):
            why = "text that is not base64"
    if why:
        start, end = _construction_span(site, render, cred, cred_start)
        verdict = Verdict(
            Code.NOT_BASE64,
            start,
            end,
            f"the Basic credentials of the {site.context} are {why}; send `base64(id:secret)`",
            _summary(value),
        )
        yield from emit(verdict)


def _construction_span(
    site: HeaderSite, render: _Render, cred: list[Piece], cred_start: int
) -> tuple[int, int]:
    """Where the credentials are joined to the scheme: the fix goes there, and every sink the
    value reaches (a field set in a constructor, read by two requests) reports that one place.
    The sink when they were built elsewhere first (`creds` joined at the sink)."""
    touched = render.owner[cred_start:]
    pieces = render.value.pieces
    if touched and all(who[0] == touched[0][0] and who[1] >= 0 for who in touched):
        # One literal's text: its characters after the scheme.
        piece = pieces[touched[0][0]]
        if piece.offsets is not None:
            return piece.offsets[touched[0][1]], piece.offsets[touched[-1][1]] + 1
    scheme = pieces[render.owner[0][0]].span[0] if render.owner else site.span[0]
    first, last = min(p.span[0] for p in cred), max(p.span[1] for p in cred)
    if scheme <= first < last and last - scheme <= _NEAR:
        return first, last
    return site.span


# How far apart the parts of one construction may be (one expression, about a line or two).
_NEAR = 400


def _decodes(token: str) -> bool:
    if not _B64_STRICT.fullmatch(token) or len(token) % 4:
        return False
    try:
        binascii.a2b_base64(token, strict_mode=True)
    except binascii.Error:
        return False
    return True


# --- secrets ----------------------------------------------------------------------------------


def secret_literals(value: AValue, *, encoded: bool = False) -> Iterator[tuple[Piece, bool]]:
    """Known pieces that are a whole literal reached through a variable or a fallback, and the
    literals inside an encoder's input (then with True)."""
    for piece in value.pieces:
        if piece.encoded is not None:
            yield from secret_literals(piece.encoded.source, encoded=True)
        elif piece.literal is not None and piece.indirect and piece.text == piece.literal.text:
            yield piece, encoded

"""Parse, validate, normalise and redact Authorization header values.

``parse`` tries one cheap check first (a prefix test, an O(1) test of the padding and of the last
base64 character's pad bits, one C-level strict base64 decode and a UTF-8 decode) and only when
that fails runs the scanner, which walks the value and collects every problem as a Diagnostic
with its exact span. The fast path does not run ``grammar.strict_credentials`` as a regex: a
fullmatch over a 70-character value costs about 0.3 us here, as much as the decode, and
``a2b_base64(strict_mode=True)`` already checks the alphabet and the placement of ``=``; what it
lets through (``YTpi=``, non-zero pad bits) the O(1) tail test refuses. The property tests check
that the two paths accept exactly the same values: ``validate`` always runs the scanner, so the
property tests that compare ``validate`` with ``parse`` check one path against the other.

Profiles: ``strict`` (the default; Razorpay's documented format) and ``rfc`` (RFC 9110 §11.4,
RFC 7617, RFC 6750). See ``authlint.grammar`` for the ABNF and for every choice the RFCs leave
open. Any other profile name is a programming error and raises a plain ``ValueError``.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Sequence

from authlint import grammar
from authlint.codes import Code
from authlint.credentials import (
    BasicCredentials,
    BearerCredentials,
    Credentials,
    OtherCredentials,
    scheme_shaped,
)
from authlint.diagnostic import Diagnostic, HeaderError
from authlint.lazyre import lazy
from authlint.redact import redact_secret

__all__ = ["mask", "normalize", "parse", "redact", "validate"]

_a2b = binascii.a2b_base64
_new = object.__new__
_set_user_id = BasicCredentials.__dict__["_user_id"].__set__
_set_password = BasicCredentials.__dict__["_password"].__set__
_ZERO_LOW4 = frozenset(grammar.ZERO_LOW4)
_ZERO_LOW2 = frozenset(grammar.ZERO_LOW2)
_B64_VALUE = {c: i for i, c in enumerate(grammar.BASE64_ALPHABET)}

# Scanner patterns: the characters each credentials kind may hold, and the complement that is
# reported. Whitespace and CTLs are excluded from the complement: they have their own codes.
_NOT_BASE64 = lazy(r"[^A-Za-z0-9+/= \t\x00-\x1f\x7f]+")
_NOT_B64TOKEN = lazy(r"[^A-Za-z0-9\-._~+/= \t\x00-\x1f\x7f]+")
_BASE64_RUN = lazy(r"[A-Za-z0-9+/=]*")
_INNER_WS = lazy(r"[ \t]+")
_SEP = lazy(r"[ \t]*")
_SCHEME = lazy(grammar.token)
_TO_WS = lazy(r"[^ \t]*")
_CTL_BYTES = re.compile(rb"[\x00-\x1f\x7f]+")
_C1 = lazy(r"[\x80-\x9f]+")
_BAD_UTF8 = lazy(r"[\udc80-\udcff]+")
_QUOTED_PAIR = lazy(r"\\(.)", re.DOTALL)
_QUOTES = "\"'"
# A run of "=" with data after it. The look-behind starts a run only at its first "=": without
# it, finditer over n "=" with nothing after retried the run from each of its n positions
# (quadratic: `Basic ` + 30,000 "=" took seconds).
_MISPLACED_PAD = lazy(r"(?<!=)=+(?=[^=])")

_CTL_NAMES = {"\r": "CR", "\n": "LF", "\x00": "NUL"}


def _as_text(value: str | bytes) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        # An HTTP field value is octets; RFC 9110 §5.5 reads octets above 0x7F as obs-text, and
        # ISO-8859-1 maps each octet to exactly one character, so spans stay octet offsets.
        return bytes(value).decode("iso-8859-1")
    raise TypeError(f"expected str or bytes, not {type(value).__name__}")


def _check_profile(profile: str) -> None:
    if profile not in grammar.PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {grammar.PROFILES}")


def _fast(value: str | bytes, profile: str) -> Credentials | None:
    """The credentials of a canonical strict Basic or Bearer value without the scanner; None
    when any step refuses (then the scanner decides). Shared by ``parse`` and ``validate``."""
    # The fast path: every step is C-level, and each refusal falls through to the scanner.
    if profile == "strict" and type(value) is str:
        scheme, _, b64 = value.partition(" ")
        if scheme == "Basic":
            size = len(b64)
            # Length a multiple of 4 and the pad bits of the last character zero; a2b's strict
            # mode checks the alphabet and that "=" only ends the data. Together: canonical.
            if (
                not size & 3
                and size
                and (
                    b64[-1] != "="
                    or (b64[-3] in _ZERO_LOW4 if b64[-2] == "=" else b64[-2] in _ZERO_LOW2)
                )
            ):
                try:
                    text = _a2b(b64, strict_mode=True).decode()
                except ValueError:
                    pass
                else:
                    # partition leaves the colon out of user_id; isprintable() is False for
                    # every CTL (and for a few legal characters, which take the scanner).
                    user_id, _, password = text.partition(":")
                    if password and user_id and text.isprintable():
                        # BasicCredentials(user_id, password) without its __init__, whose
                        # object.__setattr__ calls cost a third of the whole parse.
                        basic: BasicCredentials = _new(BasicCredentials)
                        _set_user_id(basic, user_id)
                        _set_password(basic, password)
                        return basic
            return None
        if (
            scheme == "Bearer"
            and grammar.b64token_re.fullmatch(b64) is not None
            and grammar.placeholder_word_re.fullmatch(b64) is None
            and "..." not in b64
        ):
            return BearerCredentials(b64)
    return None


def parse(value: str | bytes, *, profile: str = "strict") -> Credentials:
    """Parse an Authorization header value into credentials.

    Raises ``HeaderError`` (a ``ValueError``) listing every problem, primary first. Bytes are
    read as ISO-8859-1, as HTTP field values are. An unknown ``profile`` raises a plain
    ``ValueError``: that is a bug in the caller, not in the value.
    """
    fast = _fast(value, profile)
    if fast is not None:
        return fast
    diagnostics, credentials = _scan(_as_text(value), profile)
    if diagnostics:
        raise HeaderError(diagnostics)
    assert credentials is not None  # _scan returns one or the other
    return credentials


def validate(value: str | bytes, *, profile: str = "strict") -> list[Diagnostic]:
    """Every problem in ``value``, primary first; empty exactly when ``parse`` succeeds."""
    if _fast(value, profile) is not None:  # valid: the diagnostic scanner runs only on failure
        return []
    return _scan(_as_text(value), profile)[0]


def normalize(value: str | bytes) -> str:
    """The canonical strict form of ``value`` when every problem has a mechanical fix.

    Fixable: scheme case, quotes around the value or the credentials, surplus or missing
    whitespace, missing padding, a leading ``Authorization:``. Anything else raises
    ``HeaderError``. ``normalize(normalize(x)) == normalize(x)``.
    """
    text = _as_text(value)
    diagnostics, _ = _scan(text, "strict")
    if not diagnostics:
        return text
    if any(d.fix is None for d in diagnostics):
        raise HeaderError(diagnostics)
    fixed = apply_fixes(text, diagnostics)
    remaining, _ = _scan(fixed, "strict")
    if remaining:
        # Spans now point into the repaired value; the scanner reports everything in one pass,
        # so this is a safety net rather than a path real values take.
        raise HeaderError(remaining)
    return fixed


def apply_fixes(text: str, diagnostics: list[Diagnostic]) -> str:
    """Apply every fix, right to left, so earlier offsets stay valid."""
    out = text
    for d in sorted(diagnostics, key=lambda d: (d.start, d.end), reverse=True):
        if d.fix is not None:
            out = out[: d.start] + d.fix + out[d.end :]
    return out


def redact(value: str | bytes) -> str:
    """The scheme and a short prefix of the credentials; never the credentials in full."""
    text = _as_text(value).strip(" \t")
    prefix = ""
    name = grammar.field_name_prefix_re.match(text)
    if name is not None:
        prefix, text = "Authorization: ", text[name.end() :]
    scheme, _, rest = text.replace("\t", " ").partition(" ")
    rest = rest.strip(" \t")
    if not rest:
        # One word: it may be the credentials themselves (a scheme-less token).
        if scheme.lower() in ("basic", "bearer"):
            return prefix + scheme
        return prefix + redact_secret(text) if text else prefix
    if not scheme_shaped(scheme):
        # Not scheme-shaped (`rzp_live_...`, base64): the first word may be a secret too.
        return prefix + redact_secret(text)
    return f"{prefix}{scheme} {redact_secret(rest)}"


def mask(value: str | bytes) -> str:
    """``value`` with the same length, every credentials character after a short prefix
    replaced by ``*`` and every non-printable character by ``?``: carets under it point at the
    right columns and it never shows a secret."""
    text = _as_text(value)
    scheme = _SCHEME.search(text)
    start = 0
    if scheme is not None and scheme.group().lower() in ("basic", "bearer", "authorization"):
        start = scheme.end()
        if scheme.group().lower() == "authorization":
            nxt = _SCHEME.search(text, start)
            start = nxt.end() if nxt is not None else len(text)
    secret_len = len(text) - start
    keep = min(2, secret_len // 8)
    out = [c if c.isprintable() else "?" for c in text[:start]]
    for c in text[start:]:
        if not c.isprintable():
            out.append("?")
        elif c in " \t\"'":
            out.append(c)
        elif keep:
            keep -= 1
            out.append(c)
        else:
            out.append("*")
    return "".join(out)


# --- The scanner ----------------------------------------------------------------------------


class _Scan:
    __slots__ = ("diagnostics", "profile", "text")

    def __init__(self, text: str, profile: str) -> None:
        self.text = text
        self.profile = profile
        self.diagnostics: list[Diagnostic] = []

    def add(self, code: Code, message: str, start: int, end: int, fix: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(code, message, start, end, fix))


def _scan(text: str, profile: str) -> tuple[list[Diagnostic], Credentials | None]:
    _check_profile(profile)
    scan = _Scan(text, profile)
    credentials = _scan_value(scan)
    diagnostics = sorted(scan.diagnostics, key=lambda d: (d.start, d.end))
    if diagnostics:
        return diagnostics, None
    if credentials is None:  # pragma: no cover - every rejecting branch adds a diagnostic
        return [Diagnostic(Code.UNSUPPORTED_SCHEME, "unrecognised value", 0, len(text))], None
    return [], credentials


def _ctl_name(c: str) -> str:
    return _CTL_NAMES.get(c, f"U+{ord(c):04X}")


def _scan_value(scan: _Scan) -> Credentials | None:
    text = scan.text
    if scan.profile == "rfc":
        other = _scan_rfc_other(scan)
        if other is not None:
            return other
    for m in grammar.ctl_not_htab_re.finditer(text):
        names = ", ".join(dict.fromkeys(_ctl_name(c) for c in m.group()))
        injection = " (header injection)" if "\r" in m.group() or "\n" in m.group() else ""
        scan.add(
            Code.CONTROL_CHARACTER, f"control character {names} in the value{injection}", *m.span()
        )

    end = len(text.rstrip(" \t"))
    start = len(text) - len(text.lstrip(" \t")) if end else 0
    if start:
        scan.add(Code.WHITESPACE, "whitespace before the scheme", 0, start, "")
    if end < len(text):
        scan.add(Code.WHITESPACE, "whitespace after the credentials", end, len(text), "")

    start, end, quoted = _unquote(scan, start, end, "the value")
    name = grammar.field_name_prefix_re.match(text, start, end)
    if name is not None:
        scan.add(
            Code.FIELD_NAME_IN_VALUE,
            "the field name is part of the value; the HTTP client adds it",
            start,
            name.end(),
            "",
        )
        start = name.end()
        if not quoted:
            start, end, quoted = _unquote(scan, start, end, "the value")

    if start == end:
        scan.add(Code.MISSING_CREDENTIALS, "the value is empty: no scheme, no credentials", 0, 0)
        return None
    return _scan_scheme(scan, start, end)


def _scan_rfc_other(scan: _Scan) -> Credentials | None:
    """In the rfc profile, a value that matches RFC 9110 §11.4 exactly with a scheme other than
    Basic or Bearer is valid as it stands: no quote or field-name heuristic applies to it (a
    scheme such as `'a'` is a legal token)."""
    match = grammar.credentials_re.fullmatch(scan.text)
    if match is None or match["scheme"].lower() in ("basic", "bearer"):
        return None
    rest = match["rest"]
    if rest is None:
        return OtherCredentials(match["scheme"], None, ())
    return _scan_other(scan, match["scheme"], match.start("rest"), match.end("rest"))


def _unquote(scan: _Scan, start: int, end: int, what: str) -> tuple[int, int, bool]:
    text = scan.text
    if end - start >= 2 and text[start] in _QUOTES and text[end - 1] == text[start]:
        scan.add(Code.QUOTED_CREDENTIALS, f"opening quote around {what}", start, start + 1, "")
        scan.add(Code.QUOTED_CREDENTIALS, f"closing quote around {what}", end - 1, end, "")
        return start + 1, end - 1, True
    return start, end, False


def _scan_scheme(scan: _Scan, start: int, end: int) -> Credentials | None:
    text = scan.text
    strict = scan.profile == "strict"
    m = _SCHEME.match(text, start, end)
    scheme_end = m.end() if m is not None else start
    if scheme_end < end and (scheme_end == start or text[scheme_end] not in " \t" + _QUOTES):
        # Not a token: the "scheme" runs on into characters no scheme has (a quote too, when
        # nothing came before it: the span then covers the word, never nothing).
        scheme_end = _TO_WS.match(text, scheme_end, end).end()  # type: ignore[union-attr]
    scheme = text[start:scheme_end]
    folded = scheme.lower()
    kind = folded if folded in ("basic", "bearer") else "other"

    if kind == "other" and (strict or not _SCHEME.fullmatch(scheme)):
        if _variables_or_placeholders(scan, start, end):
            return None
        if not _SCHEME.fullmatch(scheme):
            message = "the scheme is not a valid token (is the scheme missing?)"
        else:
            message = "the strict profile accepts only the Basic and Bearer schemes"
        scan.add(Code.UNSUPPORTED_SCHEME, message, start, scheme_end)
        return None
    if strict and kind != "other" and scheme not in ("Basic", "Bearer"):
        canonical = "Basic" if kind == "basic" else "Bearer"
        scan.add(
            Code.SCHEME_CASE, f"the scheme must be spelled exactly {canonical}", start,
            scheme_end, canonical,
        )  # fmt: skip

    sep = _SEP.match(text, scheme_end, end)
    assert sep is not None  # [ \t]* always matches
    creds_start = sep.end()
    if creds_start == end:
        if kind == "other":
            return OtherCredentials(scheme, None, ())
        scan.add(Code.MISSING_CREDENTIALS, "no credentials after the scheme", start, scheme_end)
        return None
    spaces = sep.group()
    if not spaces:
        scan.add(Code.WHITESPACE, "no space between scheme and credentials", creds_start,
                 creds_start, " ")  # fmt: skip
    elif spaces != " " and (strict or "\t" in spaces):
        what = "a tab" if "\t" in spaces else "more than one space"
        scan.add(Code.WHITESPACE, f"{what} between scheme and credentials; use one space",
                 scheme_end, creds_start, " ")  # fmt: skip

    cs, ce, quoted = _unquote(scan, creds_start, end, "the credentials")
    if cs == ce:
        scan.add(Code.MISSING_CREDENTIALS, "the quotes hold no credentials", creds_start, end)
        return None
    # Whole-word placeholders are valid tokens by the ABNF: only the strict profile names them.
    # In the rfc profile a valid token68 is taken as it stands (`a...b` is one).
    valid_token68 = not strict and grammar.token68_re.fullmatch(text, cs, ce) is not None
    if not valid_token68 and _variables_or_placeholders(
        scan, cs, ce, words=strict and kind != "basic"
    ):
        return None
    if kind == "basic":
        basic = _Scan(text, scan.profile)
        credentials = _scan_basic(basic, cs, ce)
        if strict and basic.diagnostics and grammar.placeholder_word_re.fullmatch(text, cs, ce):
            message = "a documentation placeholder, not credentials"
            scan.add(Code.PLACEHOLDER, message, cs, ce)
            return None
        scan.diagnostics.extend(basic.diagnostics)
        return credentials
    if kind == "bearer":
        return _scan_bearer(scan, cs, ce)
    if quoted:
        return None
    return _scan_other(scan, scheme, cs, ce)


def _variables_or_placeholders(scan: _Scan, start: int, end: int, words: bool = True) -> bool:
    """Report variables and placeholders in ``[start, end)``; True when there were any.

    ``words=False`` skips the whole-word placeholders (`token`, `XXXX`, `your_key`), whose
    characters are all in the base64 alphabet: Basic checks them only once decoding failed, so
    real credentials that happen to spell a word are never called placeholders.
    """
    text = scan.text
    variables = [m.span() for m in grammar.variable_re.finditer(text, start, end)]
    for span in variables:
        scan.add(Code.UNEXPANDED_VARIABLE, "an unexpanded variable reference", *span)
    found = bool(variables)
    # Both scans yield sorted, non-overlapping spans: one pass finds the placeholders that
    # overlap no variable (`${x}` is not also a `{x}` placeholder), linear in the matches.
    k = 0
    for m in grammar.placeholder_wrapped_re.finditer(text, start, end):
        while k < len(variables) and variables[k][1] <= m.start():
            k += 1
        if k < len(variables) and variables[k][0] < m.end():
            continue
        scan.add(Code.PLACEHOLDER, "a documentation placeholder, not credentials", *m.span())
        found = True
    if words and not found and grammar.placeholder_word_re.fullmatch(text, start, end):
        scan.add(Code.PLACEHOLDER, "a documentation placeholder, not credentials", start, end)
        found = True
    return found


def _report_foreign(scan: _Scan, pattern: re.Pattern[str], start: int, end: int, what: str) -> bool:
    text = scan.text
    bad = False
    for m in pattern.finditer(text, start, end):
        bad = True
        run = m.group()
        hint = (
            " (base64url; Basic needs standard base64)"
            if what == "base64" and ("-" in run or "_" in run)
            else ""
        )
        scan.add(Code.INVALID_BASE64_CHARACTER, f"character outside the {what} alphabet{hint}",
                 *m.span())  # fmt: skip
    for m in _INNER_WS.finditer(text, start, end):
        scan.add(Code.WHITESPACE, "whitespace inside the credentials", *m.span())
    return bad


def _scan_basic(scan: _Scan, cs: int, ce: int) -> Credentials | None:
    text = scan.text
    strict = scan.profile == "strict"
    if _report_foreign(scan, _NOT_BASE64, cs, ce, "base64"):
        return None
    # Positions of the base64 characters and "=", skipping whitespace and CTLs (reported
    # already), so spans of later problems map back to the value.
    pos: Sequence[int]
    if _BASE64_RUN.fullmatch(text, cs, ce):
        pos, chars = range(cs, ce), text[cs:ce]
    else:
        pos = [i for i in range(cs, ce) if text[i] in _B64_VALUE or text[i] == "="]
        chars = "".join(text[i] for i in pos)
    first_pad = chars.find("=")
    size = len(chars) if first_pad < 0 else first_pad
    # "=" followed later by data: padding in the middle.
    misplaced = [m.span() for m in _MISPLACED_PAD.finditer(chars)]
    if misplaced:
        for s, e in misplaced:
            scan.add(Code.BAD_PADDING, "padding before the end of the base64 data", pos[s],
                     pos[e - 1] + 1)  # fmt: skip
        return None
    pads = len(chars) - size
    if size == 0:
        if pads:
            scan.add(Code.BAD_PADDING, "padding without base64 data", pos[0], pos[-1] + 1)
        else:
            scan.add(Code.MISSING_CREDENTIALS, "no base64 data", cs, ce)
        return None
    rem = size % 4
    if rem == 1:
        scan.add(Code.BAD_PADDING, "one base64 character too many or too few (truncated?)",
                 pos[size - 1], pos[size - 1] + 1)  # fmt: skip
        return None
    expected = (4 - rem) % 4
    if pads < expected:
        at = pos[-1] + 1
        scan.add(Code.BAD_PADDING, "missing base64 padding", at, at, "=" * (expected - pads))
    elif pads > expected:
        scan.add(Code.BAD_PADDING, "surplus base64 padding", pos[size + expected],
                 pos[-1] + 1, "")  # fmt: skip
    if rem:
        last = _B64_VALUE[chars[size - 1]]
        if last & (0xF if rem == 2 else 0x3):
            at = pos[size - 1]
            scan.add(Code.NON_CANONICAL_BASE64, "the last base64 character sets pad bits",
                     at, at + 1)  # fmt: skip
    raw = _a2b(chars[:size] + "=" * expected)

    def span(b0: int, b1: int) -> tuple[int, int]:
        # Byte k of a 3-byte group is carried by characters k and k+1 of its 4-char group.
        c0 = 4 * (b0 // 3) + b0 % 3
        c1 = min(4 * ((b1 - 1) // 3) + (b1 - 1) % 3 + 2, size)
        return pos[c0], pos[c1 - 1] + 1

    ok = True
    decoded = raw.decode("utf-8", "surrogateescape")
    if not decoded.isascii():
        # Map surrogate-escaped (invalid) bytes back to byte offsets.
        byte_at = 0
        offsets = []
        for ch in decoded:
            offsets.append(byte_at)
            byte_at += 1 if "\udc80" <= ch <= "\udcff" else len(ch.encode("utf-8"))
        for m in _BAD_UTF8.finditer(decoded):
            ok = False
            b0 = offsets[m.start()]
            scan.add(Code.NON_UTF8_CREDENTIALS, "the decoded credentials are not UTF-8",
                     *span(b0, b0 + m.end() - m.start()))  # fmt: skip
    for found in _CTL_BYTES.finditer(raw):
        ok = False
        names = ", ".join(dict.fromkeys(_ctl_name(chr(b)) for b in found.group()))
        message = f"the decoded credentials hold control character {names}"
        scan.add(Code.CONTROL_CHARACTER, message, *span(*found.span()))
    if strict and not decoded.isascii():
        # The strict profile's "no control characters" covers C1 (U+0080-U+009F, two octets
        # each in UTF-8) too; `offsets` maps the decoded characters back to octets.
        for c1 in _C1.finditer(decoded):
            ok = False
            names = ", ".join(dict.fromkeys(_ctl_name(c) for c in c1.group()))
            message = f"the decoded credentials hold control character {names}"
            b0 = offsets[c1.start()]
            scan.add(Code.CONTROL_CHARACTER, message, *span(b0, b0 + 2 * len(c1.group())))
    colon = raw.find(b":")
    if colon < 0:
        scan.add(Code.MISSING_COLON, "the decoded credentials have no colon", pos[0],
                 pos[size - 1] + 1)  # fmt: skip
        return None
    if colon == 0 and strict:
        ok = False
        scan.add(Code.EMPTY_USER_ID, "the decoded user-id (before the colon) is empty",
                 *span(0, 1))  # fmt: skip
    if colon == len(raw) - 1 and strict:
        ok = False
        scan.add(Code.EMPTY_PASSWORD, "the decoded password (after the colon) is empty",
                 *span(colon, colon + 1))  # fmt: skip
    if not ok or scan.diagnostics:
        return None
    return BasicCredentials(raw[:colon].decode(), raw[colon + 1 :].decode())


def _scan_bearer(scan: _Scan, cs: int, ce: int) -> Credentials | None:
    text = scan.text
    if _report_foreign(scan, _NOT_B64TOKEN, cs, ce, "b64token"):
        return None
    token = text[cs:ce]
    if not token.rstrip("="):
        # b64token = 1*( ALPHA / ... ) *"=": at least one character before any padding.
        scan.add(Code.BAD_PADDING, "padding without b64token data", cs, ce)
        return None
    misplaced = list(_MISPLACED_PAD.finditer(token))
    for m in misplaced:
        scan.add(Code.BAD_PADDING, "'=' may only end a b64token", cs + m.start(), cs + m.end())
    if misplaced or scan.diagnostics:
        return None
    return BearerCredentials(token)


def _scan_other(scan: _Scan, scheme: str, cs: int, ce: int) -> Credentials | None:
    rest = scan.text[cs:ce]
    if grammar.token68_re.fullmatch(rest):
        return None if scan.diagnostics else OtherCredentials(scheme, rest, ())
    if not grammar.auth_param_list_re.fullmatch(rest):
        scan.add(Code.INVALID_AUTH_PARAMS, "neither a token68 nor a list of auth-params", cs, ce)
        return None
    params = []
    for m in grammar.auth_param_named_re.finditer(rest):
        value = m["token"]
        if value is None:
            value = _QUOTED_PAIR.sub(r"\1", m["quoted"][1:-1])
        params.append((m["name"], value))
    return None if scan.diagnostics else OtherCredentials(scheme, None, tuple(params))

"""An independent reading of the Authorization header grammar, written by hand from the RFCs.

Nothing here imports authlint: the alphabets are spelled out from the ABNF text and the
recogniser is a slow, obvious recursive-descent reading of it, so that when a rule in
``authlint.grammar`` or ``authlint.header`` narrows or widens, the tests that compare the parser
with this module notice (strategies built from the parser's own regex strings narrow with it).

Sources, quoted where they are used:
RFC 5234 Appendix B.1 (core rules), RFC 9110 §5.5, §5.6.1-§5.6.4 and §11 (HTTP authentication),
RFC 7617 §2 (Basic), RFC 6750 §2.1 (Bearer), RFC 4648 §3.2, §3.5 and §4 (base64).
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Terminals ------------------------------------------------------------------------------

# RFC 5234 B.1: ALPHA = %x41-5A / %x61-7A; DIGIT = %x30-39
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"
ALPHA = UPPER + LOWER
DIGIT = "0123456789"
# RFC 5234 B.1: SP = %x20, HTAB = %x09, CTL = %x00-1F / %x7F, VCHAR = %x21-7E
SP = " "
HTAB = "\t"
CTL = "".join(chr(c) for c in range(0x00, 0x20)) + "\x7f"
VCHAR = "".join(chr(c) for c in range(0x21, 0x7F))
# RFC 9110 §5.5: obs-text = %x80-FF
OBS_TEXT = "".join(chr(c) for c in range(0x80, 0x100))
# The C1 controls (Unicode general category Cc above DEL). RFC 7617 §2 forbids "any control
# characters" in user-id and password; the strict profile reads that as every Cc, C1 included.
C1 = "".join(chr(c) for c in range(0x80, 0xA0))

# RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
#                          "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
TCHAR = "!#$%&'*+-.^_`|~" + DIGIT + ALPHA
# RFC 9110 §11.2: token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
TOKEN68_CHAR = ALPHA + DIGIT + "-._~+/"
# RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
B64TOKEN_CHAR = ALPHA + DIGIT + "-._~+/"
# RFC 4648 §4, Table 1: values 0-63 in this order; pad "=".
BASE64 = UPPER + LOWER + DIGIT + "+/"
# RFC 9110 §5.6.4: qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
QDTEXT = (
    HTAB
    + SP
    + "\x21"
    + "".join(chr(c) for c in range(0x23, 0x5C))
    + "".join(chr(c) for c in range(0x5D, 0x7F))
    + OBS_TEXT
)
# RFC 9110 §5.6.4: quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
QUOTED_PAIR_CHAR = HTAB + SP + VCHAR + OBS_TEXT
# RFC 9110 §5.6.3: OWS = *( SP / HTAB ); BWS = OWS
OWS_CHAR = SP + HTAB

# Every terminal above, by name, for the per-character tables.
TERMINALS = {
    "tchar": TCHAR,
    "token68_char": TOKEN68_CHAR,
    "base64_char": BASE64,
    "qdtext": QDTEXT,
    "quoted_pair_char": QUOTED_PAIR_CHAR,
    "obs_text": OBS_TEXT,
    "ctl": CTL,
    "ows": OWS_CHAR,
}

# The characters the per-character tables sweep: all of U+0000-U+0100 and samples above.
SAMPLES_ABOVE = "\u0101\u0130\u017f\u00ff\u0100\u2028\u200b\ufeff\u212a\uff21\U0001f600\ufffd"
SWEEP = "".join(chr(c) for c in range(0x101)) + SAMPLES_ABOVE


# --- Results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Basic:
    user_id: str
    password: str


@dataclass(frozen=True)
class Bearer:
    token: str
    # The strict profile refuses documentation placeholders (`your_token`, `a...b`): a policy
    # on top of RFC 6750, not grammar. The tests allow only that refusal for such tokens.
    policy: bool = False


@dataclass(frozen=True)
class Other:
    scheme: str
    token68: str | None
    params: tuple[tuple[str, str], ...]


Accepted = Basic | Bearer | Other


# --- Pieces of the ABNF, each returning the end of its match or -1 ----------------------------


def _run(s: str, i: int, chars: str) -> int:
    while i < len(s) and s[i] in chars:
        i += 1
    return i


def token_end(s: str, i: int) -> int:
    """RFC 9110 §5.6.2: token = 1*tchar."""
    j = _run(s, i, TCHAR)
    return j if j > i else -1


def is_token68(s: str, chars: str = TOKEN68_CHAR) -> bool:
    """RFC 9110 §11.2: token68 = 1*( token68 char ) *"=" (the whole of ``s``)."""
    j = _run(s, 0, chars)
    if j == 0:
        return False
    return _run(s, j, "=") == len(s)


def quoted_string_end(s: str, i: int) -> tuple[int, str]:
    """RFC 9110 §5.6.4: quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE.

    Returns (end, unescaped content) or (-1, "")."""
    if i >= len(s) or s[i] != '"':
        return -1, ""
    i += 1
    out: list[str] = []
    while i < len(s):
        c = s[i]
        if c == '"':
            return i + 1, "".join(out)
        if c == "\\":
            if i + 1 < len(s) and s[i + 1] in QUOTED_PAIR_CHAR:
                out.append(s[i + 1])
                i += 2
                continue
            return -1, ""
        if c in QDTEXT:
            out.append(c)
            i += 1
            continue
        return -1, ""
    return -1, ""


def auth_param_end(s: str, i: int) -> tuple[int, tuple[str, str]]:
    """RFC 9110 §11.2: auth-param = token BWS "=" BWS ( token / quoted-string )."""
    j = token_end(s, i)
    if j < 0:
        return -1, ("", "")
    name = s[i:j]
    j = _run(s, j, OWS_CHAR)
    if j >= len(s) or s[j] != "=":
        return -1, ("", "")
    j = _run(s, j + 1, OWS_CHAR)
    k = token_end(s, j)
    if k >= 0:
        return k, (name, s[j:k])
    k, content = quoted_string_end(s, j)
    if k >= 0:
        return k, (name, content)
    return -1, ("", "")


def auth_param_list(s: str) -> tuple[tuple[str, str], ...] | None:
    """RFC 9110 §5.6.1.2, the recipient's list: [ element ] *( OWS "," OWS [ element ] ),
    over the whole of ``s``. Choice (authlint.grammar): at least one auth-param."""
    params = []
    i, param = auth_param_end(s, 0)
    if i >= 0:
        params.append(param)
    else:
        i = 0
    while i < len(s):
        k = _run(s, i, OWS_CHAR)
        if k >= len(s) or s[k] != ",":
            return None
        i = _run(s, k + 1, OWS_CHAR)
        j, param = auth_param_end(s, i)
        if j >= 0:
            params.append(param)
            i = j
    return tuple(params) if params else None


def base64_decode(s: str) -> bytes | None:
    """RFC 4648 §4 base64, canonical: padding required (§3.2) and pad bits zero (§3.5)."""
    if not s or len(s) % 4:
        return None
    body = s.rstrip("=")
    pads = len(s) - len(body)
    if any(c not in BASE64 for c in body):
        return None
    # A final quantum of 8 bits is two characters and "==", of 16 bits three and "=".
    if {0: 0, 2: 2, 3: 1}.get(len(body) % 4) != pads:
        return None
    bits = "".join(format(BASE64.index(c), "06b") for c in body)
    usable = len(bits) // 8 * 8
    if "1" in bits[usable:]:
        return None
    return bytes(int(bits[k : k + 8], 2) for k in range(0, usable, 8))


def user_pass(raw: bytes, *, strict: bool) -> Basic | None:
    """RFC 7617 §2: user-pass = userid ":" password; no control characters; UTF-8 (§2.1)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if ":" not in text:
        return None
    forbidden = CTL + C1 if strict else CTL
    if any(c in forbidden for c in text):
        return None
    user_id, _, password = text.partition(":")
    if strict and not (user_id and password):
        return None
    return Basic(user_id, password)


# --- The whole grammar ------------------------------------------------------------------------


def recognise(value: str | bytes, profile: str) -> Accepted | None:
    """What ``value`` carries when it is valid in ``profile``, else None."""
    if isinstance(value, bytes):
        value = value.decode("iso-8859-1")
    if profile == "strict":
        return _strict(value)
    if profile == "rfc":
        return _rfc(value)
    raise ValueError(profile)


def _strict(value: str) -> Accepted | None:
    # Razorpay's format: exactly "Basic" or "Bearer", one SP, nothing before or after.
    if value.startswith("Basic "):
        raw = base64_decode(value[6:])
        return None if raw is None else user_pass(raw, strict=True)
    if value.startswith("Bearer "):
        token = value[7:]
        return Bearer(token, policy=True) if is_token68(token, B64TOKEN_CHAR) else None
    return None


def _rfc(value: str) -> Accepted | None:
    # RFC 9110 §5.5: "a field value does not include leading or trailing whitespace" (the list
    # rule alone would allow `a=b , `).
    if value[:1] in (SP, HTAB) or value[-1:] in (SP, HTAB):
        return None
    # RFC 9110 §11.4: credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
    i = token_end(value, 0)
    if i < 0:
        return None
    scheme = value[:i]
    folded = scheme.lower()
    if i == len(value):
        # RFC 7617 and RFC 6750 both require credentials after their scheme.
        return None if folded in ("basic", "bearer") else Other(scheme, None, ())
    j = _run(value, i, SP)
    if j == i:
        return None
    rest = value[j:]
    if folded == "basic":
        # RFC 7617 §2: credentials = "Basic" 1*SP token68, the token68 being base64(user-pass).
        raw = base64_decode(rest)
        return None if raw is None else user_pass(raw, strict=False)
    if folded == "bearer":
        return Bearer(rest) if is_token68(rest, B64TOKEN_CHAR) else None
    return _other(scheme, rest)


def _other(scheme: str, rest: str) -> Other | None:
    # A rest that is a token68 is read as one (`a=` is a token68, never an auth-param).
    if is_token68(rest):
        return Other(scheme, rest, ())
    params = auth_param_list(rest)
    return None if params is None else Other(scheme, None, params)


def credentials_shape(value: str) -> bool:
    """RFC 9110 §11.4 alone, for any scheme (Basic and Bearer not read by their own RFCs)."""
    if value[-1:] in (SP, HTAB):
        return False
    i = token_end(value, 0)
    if i < 0:
        return False
    if i == len(value):
        return True
    j = _run(value, i, SP)
    return j > i and _other(value[:i], value[j:]) is not None

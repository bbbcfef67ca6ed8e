"""Is a value a stand-in rather than a real credential? The ONE placeholder vocabulary.

Docs and examples write `[YOUR_KEY_ID]`, `<token>`, `base64(KEY_ID:KEY_SECRET)`,
`rzp_test_XXXXXXXXXXXXXX`, `changeme`; secret scanners that flag these train people to ignore
them. The parser (a placeholder left in a header is AL103), the extractors and the checks (a
stand-in is not a secret) all read the words and notations defined here.

A leaf module: the grammar imports the *str* patterns below and compiles them with the rest of
the grammar, on the first header value; the predicates here compile their own small patterns, so
a file without headers never pays for the grammar.
"""

from __future__ import annotations

from authlint.lazyre import lazy

# -- the vocabulary --------------------------------------------------------------------------

# Notations that stand for a value: bracketed or angled names, `{name}`, elisions, and the
# "encode this" call that docs write instead of a token: `base64(KEY_ID:KEY_SECRET)`,
# `btoa(id + ":" + secret)`, `Base64.encode(key:secret)`. None of `[ ] < > { } ( ) *` is in the
# base64 or b64token alphabet, so a match is never part of a real token.
ENCODE_CALL = (
    r"(?i:base64|b64|btoa|base64[_-]?encode|b64encode|encode64|base64\.encode(?:ToString)?"
    r"|base64\.b64encode|base64encode)[ \t]{0,4}\([^()\n]{1,100}\)"
)
WRAPPED = (
    r"\[[^\[\]\n]{1,100}\]|<[^<>\n]{1,100}>|\{[^{}\n]{1,100}\}|\*{3,100}|\.{3}|\u2026|"
    + ENCODE_CALL
)

# Words that mark a stand-in wherever they sit in a value (`your_key`, `my-token`, `key_here`).
STAND_IN_WORDS = ("changeme", r"change[_\-]me", "redacted", "placeholder", "example", "dummy")
# What a redactor writes where it took a secret out: GitHub Actions' `***`, GitLab's `[MASKED]`,
# Rails' `[FILTERED]`, `[REDACTED]`, `<redacted>`, a bullet run. A header whose credentials are
# one (or a shown start and then one: `Bearer eyJh****`) is a record of a header copied from a
# log, not a header to send or a stand-in to fill in.
MASK_WORDS = ("redacted", "filtered", "masked", "hidden", "sanitized", "scrubbed", "omitted")
REDACTION_MASK = (
    r"(?i:[A-Za-z0-9+/=._~-]{0,12}(?:\*{3,100}|\u2022{3,100})"
    r"|[\[<({]" + "(?:" + "|".join(MASK_WORDS) + r")[\]>)}]"
    r"|(?:redacted|filtered|masked))"
)

# Words that do so only in prose-like values (secrets: a value *containing* `sample` is not a
# real key), never inside a header token, which may spell anything.
LOOSE_WORDS = ("your", "sample", "replace", "insert", "enter_?", "fake", "foo", r"bar\b", "lorem")
# Generic names that stand in when they are the whole value: `token`, `api_key`, `key_secret`.
GENERIC_NAMES = (
    r"key_?id",
    r"key_?secret",
    "secret",
    "password",
    "passwd",
    "pass",
    "pwd",
    "token",
    r"api_?key",
    r"user(?:name)?",
    r"access_?token",
    r"auth_?token",
    r"credentials?",
    "id",
    "test",
    "null",
    "none",
    "undefined",
    "admin",
    "root",
)

# A name that says what goes there, after a word or two that say whose: `acme_key_id`,
# `acme_key_secret`. A pair of them, an id's name and a secret's, is an example pair (an
# OpenAPI example decoding to `acme_key_id:acme_key_secret`); one alone may be a real weak
# password (`settlements_2024_password`), so it never makes a value a placeholder by itself.
DESCRIBED_ID = r"(?i:(?:[a-z0-9]{1,20}[_\-]){1,4}(?:key_?id|client_?id|user(?:name)?|login))"
DESCRIBED_SECRET = (
    r"(?i:(?:[a-z0-9]{1,20}[_\-]){1,4}(?:key_?secret|client_?secret|secret|password|passwd))"
)

# A whole header credential that is a stand-in word (the grammar's AL103 on `Bearer your_token`):
# the words must fill the credentials, so a real token that happens to contain `your` never is.
WORD = (
    # ASCII-only case folding: under Unicode IGNORECASE the letter classes would also match
    # U+017F, U+0131, U+0130 and U+212A (see grammar.py).
    r"(?ai:"
    r"(?:your|my)[_\-][A-Za-z0-9_\-]{0,60}|your(?:token|key|secret|password|credentials?)"
    r"|[A-Za-z0-9_\-]{0,60}[_\-]here"
    r"|(?:base64|b64)[_\-]?(?:token|encoded|string|credentials?|value)?"
    r"|(?:api[_\-]?)?(?:token|key|secret|password|credentials?)"
    r"|(?:access|auth|bearer)[_\-]?token"
    r"|key[_\-]?(?:id|secret)"
    r"|" + "|".join(STAND_IN_WORDS) + r")"
    r"|X{4,16384}|x{4,16384}"
)

# -- predicates ------------------------------------------------------------------------------

# Bounded, and applied to short values only, so no pattern here can run long. Each compiles at
# first use (authlint.lazyre): most files never ask.
_WRAPPED = lazy(WRAPPED)
_WORDS = lazy(
    r"(?i)x{4,}|"
    + "|".join(STAND_IN_WORDS + LOOSE_WORDS)
    + r"|secret_?here|token_?here|key_?here|base64_?token|base64_?encoded"
    r"|my_?(?:key|secret|token|password)|^(?:" + "|".join(GENERIC_NAMES) + r")$"
)


# Credentials every reader knows from the specs and tutorials: RFC 7617's own examples, the
# Digest examples of RFC 2617 §3.5 (`Circle Of Life`) and RFC 7616 §3.9.1 (`Circle of Life`), and
# the client credentials of RFC 6749's token requests (§2.3.1 and §4.1.3 onwards: OAuth servers
# quote them in their docstrings and docs, `Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW`).
KNOWN_EXAMPLES = frozenset(
    {
        "aladdin:open sesame",
        "test:123£",
        "mufasa:circle of life",
        "mufasa:circleoflife",
        "s6bhdrkqt3:7fjfp0zbr1ktdrbnfvdmiw",
        "s6bhdrkqt3:gx1fbat3bv",
    }
)


# Tokens the OAuth RFCs print as examples: RFC 6750 §2.1 and RFC 6749 §1.5/§4.1.4/§5.1.
KNOWN_TOKENS = frozenset({"mF_9.B5f-4.1JqM", "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA"})

# The claims of jwt.io's example token (its debugger's default, copied into countless tests and
# docs, and re-signed with whatever secret the copier typed): any JWT carrying them is that example.
KNOWN_JWT_CLAIMS: dict[str, object] = {"sub": "1234567890", "name": "John Doe"}


def is_known_example(user: str, password: str) -> bool:
    return f"{user}:{password}".lower() in KNOWN_EXAMPLES


_DESCRIBED_ID = lazy(DESCRIBED_ID)
_DESCRIBED_SECRET = lazy(DESCRIBED_SECRET)


def is_described_pair(user: str, password: str) -> bool:
    """`acme_key_id:acme_key_secret`: an id's name and a secret's name, an example pair."""
    return bool(
        _DESCRIBED_ID.fullmatch(user) is not None
        and _DESCRIBED_SECRET.fullmatch(password) is not None
    )


def is_placeholder(value: str) -> bool:
    """True for documentation stand-ins such as `[YOUR_KEY_ID]`, `<token>`, `XXXX`, `changeme`."""
    if not value:
        return False
    if _WRAPPED.search(value) or _WORDS.search(value):
        return True
    return low_variety(value)


_REDACTION_MASK = lazy(REDACTION_MASK)


def is_redaction_mask(value: str) -> bool:
    """`***`, `[REDACTED]`, `<redacted>`, `abcd****`: what a redactor left of a credential."""
    return _REDACTION_MASK.fullmatch(value) is not None


_ENCODE_CALL = lazy(ENCODE_CALL)


def is_encode_notation(value: str) -> bool:
    """`base64(KEY_ID:KEY_SECRET)`: docs writing down how to build the token, not a token."""
    return _ENCODE_CALL.search(value) is not None


def is_notation(value: str) -> bool:
    """True for what only documentation writes: `[YOUR_KEY_ID]`, `<token>`, `base64(id:secret)`,
    `XXXX`, `your_key`, a role name (`password`). Unlike is_placeholder, a default credential
    (`root`, `admin`) is not notation: it is what a misconfigured server really accepts."""
    if not value:
        return False
    if _WRAPPED.search(value):
        return True
    found = _WORDS.search(value)
    return (found is not None and not found.group(0).startswith(tuple(_DEFAULTS))) or (
        low_variety(value) and len(set(value)) <= 1
    )


# Generic names that are real default credentials (`root:root`, `admin:admin`), unlike the role
# names (`user:password`), which only say what goes there.
_DEFAULTS = frozenset({"test", "admin", "root"})


def low_variety(value: str) -> bool:
    """Too few distinct characters to be random: `aaaaaaaa`, `12341234`, `abcabcabc`; or a few
    runs of consecutive characters typed along the keyboard: `1234567890abcd`, `abcdefgh12345678`
    (a random 14-character key body is one run in about 62**12 draws)."""
    if len(value) < 4:
        return False
    return len(set(value)) <= max(2, len(value) // 6) or (
        len(value) >= 8 and _runs(value) <= max(2, len(value) // 6)
    )


def _runs(value: str) -> int:
    """How many runs of consecutive characters (`0123`, `abcd`, `89` then `0`) make ``value``."""
    runs = 1
    for i in range(1, len(value)):
        before, after = value[i - 1], value[i]
        if ord(after) != ord(before) + 1 and not (before == "9" and after == "0"):
            runs += 1
    return runs


def looks_random(value: str) -> bool:
    """Mixes at least two of lower case, upper case and digits, as generated keys do.

    A 24-character Razorpay secret has no digit with probability (52/62)**24, about 1.5%, and is
    all one case with far less; words and identifiers rarely mix like this.
    """
    classes = (
        any("a" <= c <= "z" for c in value)
        + any("A" <= c <= "Z" for c in value)
        + any("0" <= c <= "9" for c in value)
    )
    return classes >= 2 and not low_variety(value)


# Words of made-up test data: `wrongpass`, `abc123`, `secret123`, `s3cr3t`. A value built from
# them (and digits or separators) is a fixture, not a credential that leaked.
_DUMMY = lazy(
    r"(?i)(?:wrong|bad|invalid|good|right|correct|other|new|old|my|some|the|a|an|fake|mock|stub"
    r"|dummy|test(?:ing)?|sample|example|demo|user(?:name)?|pass(?:word|wd)?|pwd|secret|token"
    r"|key|api|auth|access|bearer|basic|login|admin|root|foo|bar|baz|qux|hello|world|abc|xyz"
    r"|s3cr3t|p[a@]ss(?:w[o0]rd)?|letmein|qwerty|hunter|very|long|short|value|string|valid"
    r"|[0-9]{1,8}+|[^A-Za-z0-9])+"
)


def is_dummy(value: str) -> bool:
    """Made of test-data words and digits only: `wrongpass`, `abc123`, `my_token_123`."""
    return bool(value) and _DUMMY.fullmatch(value) is not None


# Runtime references that are filled in before use: not literal secrets.
_REFERENCE = lazy(
    r"\$\{?[A-Za-z_][A-Za-z0-9_]{0,100}\}?|\$\(|\{\{[^}\n]{0,100}\}\}|%\(?[A-Za-z_]{0,40}\)?s|"
    r"#\{[^}\n]{0,100}\}|%[sdv]|\{[A-Za-z_0-9.]{0,60}\}|process\.env|os\.environ|getenv|ENV\[|"
    r"\$\{(?:input|env|config):[^}\n]{1,100}\}"
)


def is_reference(value: str) -> bool:
    """True when the value holds a variable, template or environment reference."""
    return _REFERENCE.search(value) is not None

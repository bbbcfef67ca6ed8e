"""Is a value a stand-in rather than a real credential?

Docs and examples write `[YOUR_KEY_ID]`, `<token>`, `rzp_test_XXXXXXXXXXXXXX`, `changeme`; secret
scanners that flag these train people to ignore them. These predicates are shared by the secret
checks (not a secret) and the header checks (a placeholder left in code is AL103).
"""

from __future__ import annotations

import re

# Bracketed or angled stand-ins, and words that mark a value as an example. Bounded, and
# applied to short values only, so no pattern here can run long.
_WRAPPED = re.compile(r"\[[^\]\n]{1,80}\]|<[^>\n]{1,80}>|\{[^}\n]{1,80}\}|\*{3,}|\.{3}|…")
_WORDS = re.compile(
    r"(?i)x{4,}|your|example|sample|dummy|placeholder|replace|changeme|change_me|"
    r"redacted|insert|enter_?|fake|foo|bar\b|lorem|secret_?here|token_?here|key_?here|"
    r"base64_?token|base64_?encoded|my_?(?:key|secret|token|password)|"
    r"^(?:key_?id|key_?secret|secret|password|passwd|pass|pwd|token|api_?key|user(?:name)?|"
    r"access_?token|auth_?token|credentials?|id|test|null|none|undefined|admin|root)$"
)


# Credentials every reader knows from the specs and tutorials: RFC 7617's own examples.
KNOWN_EXAMPLES = frozenset({"aladdin:open sesame", "test:123£"})


def is_known_example(user: str, password: str) -> bool:
    return f"{user}:{password}".lower() in KNOWN_EXAMPLES


def is_placeholder(value: str) -> bool:
    """True for documentation stand-ins such as `[YOUR_KEY_ID]`, `<token>`, `XXXX`, `changeme`."""
    if not value:
        return False
    if _WRAPPED.search(value) or _WORDS.search(value):
        return True
    return low_variety(value)


def low_variety(value: str) -> bool:
    """Too few distinct characters to be random: `aaaaaaaa`, `12341234`, `abcabcabc`."""
    return len(value) >= 4 and len(set(value)) <= max(2, len(value) // 6)


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


# Runtime references that are filled in before use: not literal secrets.
_REFERENCE = re.compile(
    r"\$\{?[A-Za-z_][A-Za-z0-9_]{0,100}\}?|\$\(|\{\{[^}\n]{0,100}\}\}|%\(?[A-Za-z_]{0,40}\)?s|"
    r"#\{[^}\n]{0,100}\}|%[sdv]|\{[A-Za-z_0-9.]{0,60}\}|process\.env|os\.environ|getenv|ENV\["
)


def is_reference(value: str) -> bool:
    """True when the value holds a variable, template or environment reference."""
    return _REFERENCE.search(value) is not None

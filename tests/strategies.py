"""Hypothesis strategies derived from authlint.grammar's rules, so tests generate from the same
ABNF the parser enforces."""

from __future__ import annotations

import base64

from hypothesis import strategies as st

from authlint import grammar

# Characters a user-id / password may hold once decoded: no CTL (RFC 7617 §2), no lone
# surrogate (not encodable as UTF-8), and no colon in the user-id.
_TEXT = st.characters(blacklist_categories=["Cs"], blacklist_characters="\x7f", min_codepoint=0x20)
user_ids = st.text(_TEXT.filter(lambda c: c != ":"), min_size=1, max_size=40)
passwords = st.text(_TEXT, min_size=1, max_size=60)

# The same, generated from grammar.strict_userid / strict_password (ASCII-heavy and with the
# edge characters the regex admits).
grammar_user_ids = st.from_regex(grammar.strict_userid, fullmatch=True).filter(
    lambda s: len(s) < 80
)
grammar_passwords = st.from_regex(grammar.strict_password, fullmatch=True).filter(
    lambda s: len(s) < 80
)


def basic_value(user_id: str, password: str, scheme: str = "Basic", sep: str = " ") -> str:
    token = base64.b64encode(f"{user_id}:{password}".encode()).decode("ascii")
    return f"{scheme}{sep}{token}"


@st.composite
def strict_basic_values(draw: st.DrawFn) -> tuple[str, str, str]:
    """(value, user_id, password): a strict-profile Basic value and what it carries."""
    user_id = draw(st.one_of(user_ids, grammar_user_ids))
    password = draw(st.one_of(passwords, grammar_passwords))
    return basic_value(user_id, password), user_id, password


def _not_word_placeholder(value: str) -> bool:
    return grammar.placeholder_word_re.fullmatch(value, 7) is None


strict_bearer_values = st.from_regex(grammar.strict_bearer, fullmatch=True).filter(
    _not_word_placeholder
)

# The strict grammar: Basic values built from user-pass, and Bearer values from the b64token rule.
strict_values = st.one_of(strict_basic_values().map(lambda t: t[0]), strict_bearer_values)


def _scheme_is(value: str, *names: str) -> bool:
    return value.split(" ", 1)[0].lower() in names


@st.composite
def rfc_basic_values(draw: st.DrawFn) -> str:
    """RFC 7617 via RFC 9110 §11.4: any-case scheme, 1*SP, empty user-id or password allowed."""
    scheme = "".join(draw(st.sampled_from([c.lower(), c.upper()])) for c in "Basic")
    user_id = draw(st.one_of(st.just(""), user_ids))
    password = draw(st.one_of(st.just(""), passwords))
    sep = " " * draw(st.integers(1, 3))
    return basic_value(user_id, password, scheme, sep)


rfc_bearer_values = st.from_regex(grammar.rfc_bearer, fullmatch=True)

# The RFC 9110 §11.4 ABNF for every other scheme: Basic and Bearer values from this rule are
# mostly not base64 user-pass / b64token, so those two come from their own RFCs' rules.
rfc_other_values = st.from_regex(grammar.credentials, fullmatch=True).filter(
    lambda v: not _scheme_is(v, "basic", "bearer")
)
rfc_values = st.one_of(rfc_basic_values(), rfc_bearer_values, rfc_other_values)

# Arbitrary input, weighted towards things that look like headers.
_NEAR = st.sampled_from(
    ["Basic ", "Bearer ", "basic ", "Authorization: ", '"', "'", "=", "==", "\r\n", "\t", "  ", ":"]
)
header_like = st.lists(st.one_of(_NEAR, st.text(max_size=12)), max_size=8).map("".join)
any_text = st.one_of(st.text(), header_like)
any_bytes = st.one_of(st.binary(), header_like.map(lambda s: s.encode("utf-8", "surrogatepass")))

"""Hypothesis strategies built from the hand-written alphabets in ``tests/oracle.py``.

Nothing here reads ``authlint.grammar``: a generator compiled from the parser's own regex strings
narrows when a rule narrows, so no property could notice. Valid values come from the oracle's
alphabets; invalid ones from their complement, from every control character and from all of
Unicode, and from mutations of valid values.
"""

from __future__ import annotations

import base64

from hypothesis import strategies as st

from tests import oracle as O

# --- characters -----------------------------------------------------------------------------

# Every control character a value may not hold: C0 except HTAB (reported as whitespace), DEL and
# the C1 block.
CONTROLS_NOT_HTAB = [c for c in O.CTL if c != "\t"] + list(O.C1)
controls = st.sampled_from(CONTROLS_NOT_HTAB)
# Anything at all, weighted towards the swept range U+0000-U+0100 where every rule has its edges.
any_char = st.one_of(st.sampled_from(O.SWEEP), st.characters())


def _complement(alphabet: str) -> st.SearchStrategy[str]:
    return any_char.filter(lambda c: c not in alphabet)


def _run(alphabet: str, min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(alphabet), min_size=min_size, max_size=max_size)


tokens = _run(O.TCHAR)
token68s = st.builds(lambda t, n: t + "=" * n, _run(O.TOKEN68_CHAR), st.integers(0, 3))
ows = _run(O.OWS_CHAR, 0, 3)
quoted_strings = st.lists(
    st.one_of(
        st.sampled_from(O.QDTEXT.replace("\\", "").replace('"', "")),
        st.sampled_from(O.QUOTED_PAIR_CHAR).map(lambda c: "\\" + c),
    ),
    max_size=8,
).map(lambda parts: '"' + "".join(parts) + '"')
auth_params = st.builds(
    lambda name, b1, b2, value: f"{name}{b1}={b2}{value}",
    tokens,
    ows,
    ows,
    st.one_of(tokens, quoted_strings),
)


@st.composite
def auth_param_lists(draw: st.DrawFn) -> str:
    """The recipient's #auth-param (RFC 9110 §5.6.1.2): empty elements, OWS around commas."""
    elements = draw(st.lists(st.one_of(auth_params, st.just("")), min_size=1, max_size=5))
    if not any(elements):
        elements.append(draw(auth_params))
    out = elements[0]
    for element in elements[1:]:
        out += draw(ows) + "," + draw(ows) + element
    return out.rstrip(" \t")


# --- user-ids and passwords --------------------------------------------------------------------

# Valid in the strict profile: no control character (C0, DEL, C1), no lone surrogate, and no colon
# in the user-id. Drawn from all of Unicode, then the forbidden characters removed.
_TEXT = st.characters(blacklist_categories=["Cs", "Cc"])
user_ids = st.text(_TEXT.filter(lambda c: c != ":"), min_size=1, max_size=40)
passwords = st.text(_TEXT, min_size=1, max_size=60)
# Anything at all, controls and surrogates included: what a caller may pass to format_basic.
any_user_text = st.text(st.one_of(any_char, controls, st.just(":")), max_size=30)


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def basic_value(user_id: str, password: str, scheme: str = "Basic", sep: str = " ") -> str:
    return f"{scheme}{sep}{b64(f'{user_id}:{password}'.encode())}"


@st.composite
def strict_basic_values(draw: st.DrawFn) -> tuple[str, str, str]:
    """(value, user_id, password): a strict-profile Basic value and what it carries."""
    user_id = draw(user_ids)
    password = draw(passwords)
    return basic_value(user_id, password), user_id, password


strict_bearer_values = token68s.map(lambda t: "Bearer " + t)
strict_values = st.one_of(strict_basic_values().map(lambda t: t[0]), strict_bearer_values)


def _any_case(word: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda up: "".join(c.upper() if u else c.lower() for c, u in zip(word, up, strict=True))
    )


_spaces = st.integers(1, 3).map(lambda n: " " * n)


@st.composite
def rfc_basic_values(draw: st.DrawFn) -> str:
    """RFC 7617 via RFC 9110 §11.4: any-case scheme, 1*SP, empty user-id or password allowed."""
    user_id = draw(st.one_of(st.just(""), user_ids))
    password = draw(st.one_of(st.just(""), passwords))
    return basic_value(user_id, password, draw(_any_case("Basic")), draw(_spaces))


rfc_bearer_values = st.builds(lambda s, sp, t: s + sp + t, _any_case("Bearer"), _spaces, token68s)
rfc_other_values = st.builds(
    lambda scheme, rest: scheme + rest,
    tokens.filter(lambda t: t.lower() not in ("basic", "bearer")),
    st.one_of(
        st.just(""),
        st.builds(lambda sp, r: sp + r, _spaces, st.one_of(token68s, auth_param_lists())),
    ),
)
rfc_values = st.one_of(rfc_basic_values(), rfc_bearer_values, rfc_other_values)

# Base64 of arbitrary octets: mostly not UTF-8 user-pass, some with control characters.
raw_basic_values = st.binary(max_size=24).map(lambda raw: "Basic " + b64(raw))

valid_values = st.one_of(strict_values, rfc_values, raw_basic_values)


# --- mutations ----------------------------------------------------------------------------------

_fragments = st.sampled_from(
    ["=", "==", " ", "\t", ",", '"', "\\", ":", "Basic ", "Bearer ", "\r\n", "a=b", "/", "+"]
)


@st.composite
def mutated(draw: st.DrawFn, values: st.SearchStrategy[str] = valid_values) -> str:
    """A valid value with one to three edits: characters from the whole complement of every
    alphabet, every control character but HTAB, padding and separators moved."""
    value = draw(values)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(value)))
        op = draw(st.sampled_from(["insert", "replace", "delete", "control", "fragment", "case"]))
        if op == "insert":
            value = value[:at] + draw(any_char) + value[at:]
        elif op == "replace" and at < len(value):
            value = value[:at] + draw(any_char) + value[at + 1 :]
        elif op == "delete" and at < len(value):
            value = value[:at] + value[at + 1 :]
        elif op == "control":
            value = value[:at] + draw(controls) + value[at:]
        elif op == "fragment":
            value = value[:at] + draw(_fragments) + value[at:]
        elif op == "case" and at < len(value):
            value = value[:at] + value[at].swapcase() + value[at + 1 :]
    return value


# Arbitrary input, weighted towards things that look like headers.
_NEAR = st.sampled_from(
    ["Basic ", "Bearer ", "basic ", "Authorization: ", '"', "'", "=", "==", "\r\n", "\t", "  ", ":"]
)
header_like = st.lists(st.one_of(_NEAR, st.text(max_size=12)), max_size=8).map("".join)
any_text = st.one_of(st.text(), header_like, mutated())
any_bytes = st.one_of(st.binary(), header_like.map(lambda s: s.encode("utf-8", "surrogatepass")))

"""The parser against an oracle written by hand from the RFCs (``tests/oracle.py``).

Per-character tables pin every terminal rule over U+0000-U+0100 and samples above; the reference
recogniser is compared with ``parse`` AND ``validate`` (so with the fast path and the scanner) in
both profiles, on swept, generated and mutated values.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from authlint import grammar
from authlint.codes import Code
from authlint.credentials import (
    BasicCredentials,
    BearerCredentials,
    OtherCredentials,
    format_basic,
    format_bearer,
)
from authlint.diagnostic import HeaderError
from authlint.header import parse, validate
from tests import oracle as O
from tests import strategies as S

PROFILES = ("strict", "rfc")


def _as_oracle(credentials: object) -> O.Accepted:
    if isinstance(credentials, BasicCredentials):
        return O.Basic(credentials.user_id, credentials.password)
    if isinstance(credentials, BearerCredentials):
        return O.Bearer(credentials.token)
    assert isinstance(credentials, OtherCredentials)
    return O.Other(credentials.scheme, credentials.token68, credentials.params)


def check(value: str | bytes, profile: str) -> None:
    """parse, validate and the oracle agree on ``value`` in ``profile``."""
    expected = O.recognise(value, profile)
    diagnostics = validate(value, profile=profile)
    if diagnostics:
        # The fast path must refuse it too, with the scanner's diagnostics.
        with pytest.raises(HeaderError) as excinfo:
            parse(value, profile=profile)
        assert list(excinfo.value.diagnostics) == diagnostics
        if expected is not None:
            # The one refusal on top of the RFCs: documentation placeholders as Bearer tokens.
            codes = {d.code for d in diagnostics}
            assert isinstance(expected, O.Bearer), f"rejected a valid value: {codes}"
            assert expected.policy, f"rejected a valid value: {codes}"
            assert codes == {Code.PLACEHOLDER}, f"rejected a valid value: {codes}"
        return
    got = parse(value, profile=profile)
    assert expected is not None, "parse accepted what the RFC grammar rejects"
    if isinstance(expected, O.Bearer):
        expected = O.Bearer(expected.token)
    assert _as_oracle(got) == expected


# --- 1. per-character tables for every terminal --------------------------------------------

# Each terminal's name in grammar.py, made to match exactly one character. Names, not values:
# the tests read the module when they run (bench/mutate.py swaps the module's names).
_GRAMMAR_TERMINALS = {
    "tchar": "tchar",
    "token68_char": "token68_char",
    "base64_char": "base64_char",
    "qdtext": "qdtext",
    "quoted_pair_char": "quoted_pair",
    "obs_text": "obs_text",
    "ctl": "CTL",
    "ows": "OWS",
}


@pytest.mark.parametrize("name", sorted(O.TERMINALS))
def test_terminal_table(name: str) -> None:
    pattern = re.compile(getattr(grammar, _GRAMMAR_TERMINALS[name]))
    prefix = "\\" if name == "quoted_pair_char" else ""
    wrong = [
        f"U+{ord(c):04X}"
        for c in O.SWEEP
        if (pattern.fullmatch(prefix + c) is not None) != (c in O.TERMINALS[name])
    ]
    assert wrong == []


def test_control_table_of_the_strict_profile() -> None:
    control = re.compile(grammar.CONTROL)
    assert [c for c in O.SWEEP if bool(control.fullmatch(c)) != (c in O.CTL + O.C1)] == []


def test_terminal_tables_of_the_other_grammar_strings() -> None:
    ctl_not_htab = re.compile(grammar.CTL_NOT_HTAB)
    b64 = re.compile(grammar.base64_char)
    assert [
        c for c in O.SWEEP if bool(ctl_not_htab.fullmatch(c)) != (c in O.CTL and c != "\t")
    ] == []
    assert "".join(c for c in O.SWEEP if b64.fullmatch(c)) == "".join(sorted(O.BASE64))
    assert grammar.BASE64_ALPHABET == O.BASE64
    # The canonical last characters: those whose low 4 (before "==") or 2 (before "=") bits are 0.
    assert "".join(c for c in O.BASE64 if O.BASE64.index(c) % 16 == 0) == grammar.ZERO_LOW4
    assert sorted(grammar.ZERO_LOW2) == sorted(c for c in O.BASE64 if O.BASE64.index(c) % 4 == 0)


def b64(text: str) -> str:
    return S.b64(text.encode("utf-8", "surrogatepass"))


# Each template puts the swept character in one place of the grammar.
_TEMPLATES = [
    "{c}",
    "X{c}",
    "{c}X",
    "X {c}",
    "X a{c}",
    "X {c}a",
    "X a{c}=",
    "X a{c}b",
    "X a={c}",
    "X a={c}b",
    'X a="{c}"',
    'X a="x{c}y"',
    'X a="\\{c}"',
    "X a{c}=b",
    "X a=b{c}",
    "X a=b{c},c=d",
    "X a=b,{c}c=d",
    "X a=b,c=d{c}",
    "X{c}a=b",
    "X {c},a=b",
    "X {c}a=b",
    "X a=b,{c}c=d, e=f",
    "X a=b,{c}",
    "Basic{c}YTpi",
    "Basic {c}YTpi",
    "Basic YT{c}pi",
    "Basic YTpi{c}",
    "Basic YTpiYw={c}",
    "Basic YTpiYw{c}=",
    "{c}Basic YTpi",
    "Bearer {c}",
    "Bearer a{c}",
    "Bearer a{c}b",
    "Bearer{c}abc",
    "Bearer ab={c}",
]


@pytest.mark.parametrize("template", _TEMPLATES)
def test_swept_character_in_place(template: str) -> None:
    for c in O.SWEEP:
        value = template.format(c=c)
        for profile in PROFILES:
            check(value, profile)


@pytest.mark.parametrize(
    "template", ["a{c}:b", "a:b{c}", "{c}:b", "a:{c}", "{c}", "a{c}b:c", "a:b{c}c"]
)
def test_swept_character_in_decoded_user_pass(template: str) -> None:
    for c in O.SWEEP:
        for profile in PROFILES:
            for scheme in ("Basic ", "basic  "):
                check(scheme + b64(template.format(c=c)), profile)


def test_every_base64_final_group() -> None:
    # Every last character of a final group, with each padding: canonical or not (the pad bits
    # are the last character's; the one before it only changes the decoded octet).
    for a in "Yw/":
        for b in O.BASE64:
            for tail in ("==", "=", "A=", "A", "==="):
                for profile in PROFILES:
                    check(f"Basic YTpi{a}{b}{tail}", profile)


# Each composite rule of the grammar against the oracle's reading of its ABNF, including the
# rules the parser does not compile itself (user-pass, the strict user-id and password).
_RULES: dict[str, Callable[[str], bool]] = {
    "token": lambda s: O.token_end(s, 0) == len(s),
    "token68": O.is_token68,
    "b64token": lambda s: O.is_token68(s, O.B64TOKEN_CHAR),
    "quoted_string": lambda s: O.quoted_string_end(s, 0)[0] == len(s),
    "auth_param": lambda s: O.auth_param_end(s, 0)[0] == len(s),
    "auth_param_list": lambda s: O.auth_param_list(s) is not None and s[-1:] not in (" ", "\t"),
    "credentials": O.credentials_shape,
    "base64_canonical": lambda s: O.base64_decode(s) is not None,
    "user_pass": lambda s: ":" in s and not any(c in O.CTL for c in s),
    "strict_userid": lambda s: bool(s) and not any(c in O.CTL + O.C1 + ":" for c in s),
    "strict_password": lambda s: bool(s) and not any(c in O.CTL + O.C1 for c in s),
    "strict_credentials": lambda s: (
        (s.startswith("Basic ") and O.base64_decode(s[6:]) is not None)
        or (s.startswith("Bearer ") and O.is_token68(s[7:], O.B64TOKEN_CHAR))
    ),
    "rfc_basic": lambda s: _scheme_and_rest(s, "basic", lambda r: O.base64_decode(r) is not None),
    "rfc_bearer": lambda s: _scheme_and_rest(
        s, "bearer", lambda r: O.is_token68(r, O.B64TOKEN_CHAR)
    ),
}


def _scheme_and_rest(value: str, scheme: str, rest: Callable[[str], bool]) -> bool:
    # auth-scheme 1*SP rest, the scheme compared case-insensitively (RFC 9110 §11.1).
    head, sep, tail = value.partition(" ")
    return head.lower() == scheme and bool(sep) and rest(tail.lstrip(" "))


_near_rules = st.one_of(
    st.builds(
        lambda scheme, sp, rest: scheme + sp + rest,
        st.sampled_from(["Basic", "basic", "BEARER", "Bearer", "bearer", "Basi", "X"]),
        st.sampled_from(["", " ", "  ", "\t"]),
        st.one_of(S.token68s, st.binary(max_size=9).map(S.b64), st.text(S.any_char, max_size=6)),
    ),
    st.text(st.one_of(st.sampled_from(O.TCHAR + ' \t=,"\\:/'), S.any_char), max_size=14),
    S.token68s,
    S.quoted_strings,
    S.auth_params,
    S.auth_param_lists(),
    S.rfc_other_values,
    st.binary(max_size=9).map(S.b64),
    S.mutated(S.rfc_other_values),
    S.mutated(st.binary(max_size=9).map(S.b64)),
    S.any_user_text,
)


@given(_near_rules)
@example("a=b ")
@example(" a=b")
@example("\t,a=b")
@example("X \ta=b")
@example("YTpi=")
def test_grammar_rules_agree_with_the_oracle(text: str) -> None:
    wrong = [
        name
        for name, oracle in _RULES.items()
        if (re.fullmatch(getattr(grammar, name), text) is not None) != oracle(text)
    ]
    assert wrong == []


# --- 2. the fast path under attack ------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("Basic YTpiYw==YTpi", id="data-after-padding"),  # a2b non-strict takes it
        pytest.param("Basic YTpi!!!!", id="foreign-characters"),
        pytest.param("Basic YTpiQR==", id="pad-bits-two"),
        pytest.param("Basic YTpiYx==", id="pad-bits-two-b"),
        pytest.param("Basic YTpiYWF=", id="pad-bits-one"),
        pytest.param("Basic YTpi=", id="pad-after-full-group"),
        pytest.param("Basic YTpiYQ=", id="one-pad-of-two"),
        pytest.param("Basic YTpiYQ===", id="three-pads"),
        pytest.param("Basic YTpiY===", id="pad-of-one-char"),
        pytest.param("Basic YTpi\n", id="trailing-lf"),
        pytest.param("Basic " + b64("a:b\x7f"), id="del"),
        pytest.param("Basic " + b64("a:b\x08"), id="backspace"),
        pytest.param("Basic " + b64("a\x1f:b"), id="unit-separator"),
        pytest.param("Basic " + b64("a:b\x85"), id="c1-nel"),
        pytest.param("Basic " + b64("a\x9f:b"), id="c1-apc"),
        pytest.param("Basic " + b64(":b"), id="empty-user-id"),
        pytest.param("Basic " + b64("a:"), id="empty-password"),
        pytest.param("Basic " + b64("ab"), id="no-colon"),
        pytest.param("Basic " + S.b64(b"a:\xff"), id="not-utf8"),
        pytest.param("Basic " + S.b64(b"a:\xed\xa0\x80"), id="utf8-surrogate"),
        pytest.param("Basic " + b64("a:bc").replace("=", ""), id="unpadded"),
        pytest.param("Basic ", id="empty"),
        pytest.param("Bearer ", id="bearer-empty"),
        pytest.param("Bearer a=b", id="bearer-pad-inside"),
        pytest.param("Bearer =", id="bearer-only-pad"),
        pytest.param("Bearer a b", id="bearer-space"),
        pytest.param("Bearer a\x7f", id="bearer-del"),
        pytest.param("Bearer a\x00", id="bearer-nul"),
    ],
)
def test_fast_path_rejects_what_validate_rejects(value: str) -> None:
    for profile in PROFILES:
        check(value, profile)
    assert validate(value), "a value the RFCs reject"


# --- 3. generated and mutated values, both paths, both profiles -------------------------------


@given(S.valid_values)
@example("Digest a=b ")
@example("Digest \t,a=b")
@example("Digest \ta=b")
@example("Digest a=b , ")
@example('X a="\\\t"')
def test_generated_values_agree_with_the_oracle(value: str) -> None:
    for profile in PROFILES:
        check(value, profile)


@given(S.mutated())
@example("Basic YTpiYw==YTpi")
@example("Basic " + "=" * 8)
@example("Bearer a==b")
def test_mutated_values_agree_with_the_oracle(value: str) -> None:
    for profile in PROFILES:
        check(value, profile)
    encoded = value.encode("iso-8859-1", "ignore")
    for profile in PROFILES:
        check(encoded, profile)


@given(S.mutated(S.rfc_other_values))
def test_mutated_auth_params_agree_with_the_oracle(value: str) -> None:
    check(value, "rfc")


@given(S.rfc_basic_values(), S.controls, st.data())
def test_every_control_character_is_rejected_anywhere(
    value: str, control: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(value)))
    mutated = value[:at] + control + value[at:]
    for profile in PROFILES:
        check(mutated, profile)
        found = [d for d in validate(mutated, profile=profile) if d.code is Code.CONTROL_CHARACTER]
        if control not in O.C1:
            assert [(d.start, d.end) for d in found] == [(at, at + 1)]


# --- 4. format_basic: round-trips whatever it accepts, refuses what would not parse back -------


@given(S.any_user_text, S.any_user_text)
@example("a\x1f", "x")
@example("a", "\x7f")
@example("a", "b\x85")
@example("a\u0080", "b")
@example("a", "\ud800")
@example("a:b", "c")
def test_format_basic_round_trips_or_refuses(user_id: str, password: str) -> None:
    try:
        raw = f"{user_id}:{password}".encode()
    except UnicodeEncodeError:
        would_parse = False
    else:
        would_parse = O.user_pass(raw, strict=True) == O.Basic(user_id, password)
    try:
        value = format_basic(user_id, password)
    except ValueError:
        assert not would_parse, "refused credentials the strict profile accepts"
        return
    assert would_parse, "formatted credentials that do not parse back"
    for profile in PROFILES:
        assert parse(value, profile=profile) == BasicCredentials(user_id, password)
        check(value, profile)


@given(st.one_of(S.token68s, S.mutated(S.token68s), st.text(S.any_char, max_size=12)))
@example("=")
@example("a=b")
@example("your_token")
def test_format_bearer_round_trips_or_refuses(token: str) -> None:
    try:
        value = format_bearer(token)
    except ValueError:
        assert O.recognise("Bearer " + token, "strict") is None or validate("Bearer " + token)
        return
    assert value == "Bearer " + token
    assert O.recognise(value, "strict") == O.Bearer(token, policy=True)
    for profile in PROFILES:
        assert parse(value, profile=profile) == BearerCredentials(token)

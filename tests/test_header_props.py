"""Property tests for the header parser (issue 2, properties 1-5). The oracle comparisons of
issue 12 are in test_header_oracle.py."""

from __future__ import annotations

import base64
import contextlib

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from authlint import grammar
from authlint.codes import Code
from authlint.credentials import BasicCredentials, BearerCredentials, format_basic
from authlint.diagnostic import Diagnostic, HeaderError
from authlint.header import normalize, parse, redact, validate
from authlint.redact import MARK, redact_secret
from tests import strategies as S

# --- 1. format_basic round-trips ---------------------------------------------------------


@given(S.user_ids, S.passwords)
@example("Aladdin", "open sesame")
@example("test", "123£")
def test_format_basic_round_trips(user_id: str, password: str) -> None:
    value = format_basic(user_id, password)
    for profile in ("strict", "rfc"):
        credentials = parse(value, profile=profile)
        assert credentials == BasicCredentials(user_id, password)
    assert normalize(value) == value


# --- 2. generated from the grammar, accepted ---------------------------------------------


@given(S.strict_values)
def test_strict_grammar_values_parse_and_are_normal(value: str) -> None:
    credentials = parse(value)
    assert isinstance(credentials, BasicCredentials | BearerCredentials)
    assert validate(value) == []
    assert normalize(value) == value


@given(S.strict_basic_values())
def test_strict_basic_values_carry_their_user_pass(case: tuple[str, str, str]) -> None:
    value, user_id, password = case
    assert parse(value) == BasicCredentials(user_id, password)
    assert parse(value.encode("ascii")) == BasicCredentials(user_id, password)


@given(S.rfc_values)
def test_rfc_grammar_values_parse(value: str) -> None:
    parse(value, profile="rfc")
    assert validate(value, profile="rfc") == []


@given(st.from_regex(grammar.strict_credentials, fullmatch=True))
def test_fast_path_agrees_with_scanner_on_grammar_shapes(value: str) -> None:
    # Any base64 at all: most do not decode to UTF-8 user:pass, exercising the fast path's
    # fall-through against the scanner.
    diagnostics = validate(value)
    if diagnostics:
        with pytest.raises(HeaderError) as excinfo:
            parse(value)
        assert list(excinfo.value.diagnostics) == diagnostics
    else:
        parse(value)


# --- 3. each mutation is rejected with its code, the span on the mutated characters -------


def _codes_at(value: str, code: Code) -> list[Diagnostic]:
    diagnostics = validate(value)
    assert diagnostics, "mutation was accepted"
    # Both paths on every value: the fast path must refuse what the scanner refuses.
    with pytest.raises(HeaderError) as excinfo:
        parse(value)
    assert list(excinfo.value.diagnostics) == diagnostics
    return [d for d in diagnostics if d.code == code]


_value = S.strict_basic_values().map(lambda t: t[0])


@given(_value, st.data())
def test_mutation_scheme_case(value: str, data: st.DataObject) -> None:
    scheme = data.draw(
        st.lists(st.booleans(), min_size=5, max_size=5).map(
            lambda up: "".join(
                c.upper() if u else c.lower() for c, u in zip("Basic", up, strict=True)
            )
        )
    )
    assume(scheme != "Basic")
    found = _codes_at(scheme + value[5:], Code.SCHEME_CASE)
    assert [(d.start, d.end, d.fix) for d in found] == [(0, 5, "Basic")]


@given(_value, st.sampled_from(['"', "'"]))
def test_mutation_quote_token(value: str, quote: str) -> None:
    mutated = f"Basic {quote}{value[6:]}{quote}"
    found = _codes_at(mutated, Code.QUOTED_CREDENTIALS)
    assert [(d.start, d.end) for d in found] == [(6, 7), (len(mutated) - 1, len(mutated))]
    assert normalize(mutated) == value


@given(_value, st.sampled_from(["lead", "trail", "double", "tab"]))
def test_mutation_whitespace(value: str, where: str) -> None:
    if where == "lead":
        mutated, span = " " + value, (0, 1)
    elif where == "trail":
        mutated, span = value + " ", (len(value), len(value) + 1)
    elif where == "double":
        mutated, span = value[:5] + "  " + value[6:], (5, 7)
    else:
        mutated, span = value[:5] + "\t" + value[6:], (5, 6)
    found = _codes_at(mutated, Code.WHITESPACE)
    assert [(d.start, d.end) for d in found] == [span]
    assert normalize(mutated) == value


@given(_value, st.data())
def test_mutation_foreign_character(value: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(6, len(value) - 1))
    char = data.draw(st.sampled_from("-_!@^~,;:?é\u00a0"))
    mutated = value[:index] + char + value[index + 1 :]
    found = _codes_at(mutated, Code.INVALID_BASE64_CHARACTER)
    assert [(d.start, d.end) for d in found] == [(index, index + 1)]


@given(_value)
def test_mutation_padding_removed(value: str) -> None:
    assume(value.endswith("="))
    stripped = value.rstrip("=")
    found = _codes_at(stripped, Code.BAD_PADDING)
    assert [(d.start, d.end, d.fix) for d in found] == [
        (len(stripped), len(stripped), "=" * (len(value) - len(stripped)))
    ]
    assert normalize(stripped) == value


@given(_value)
def test_mutation_padding_added(value: str) -> None:
    # "YTpi=": padding after a complete group, which werkzeug and b64decode(validate=True) take.
    mutated = value + "="
    assume(not value.endswith("=="))
    found = _codes_at(mutated, Code.BAD_PADDING)
    if value.endswith("="):
        # Three "=" after two characters: the third is surplus.
        assert [(d.start, d.end) for d in found] == [(len(value), len(mutated))]
    else:
        assert [(d.start, d.end, d.fix) for d in found] == [(len(value), len(mutated), "")]
        assert normalize(mutated) == value


@given(_value, st.data())
def test_mutation_trailing_bit(value: str, data: st.DataObject) -> None:
    assume(value.endswith("="))
    pads = len(value) - len(value.rstrip("="))
    index = len(value) - pads - 1
    mask = 0xF if pads == 2 else 0x3
    current = grammar.BASE64_ALPHABET.index(value[index])
    bits = data.draw(st.integers(1, mask))
    mutated = value[:index] + grammar.BASE64_ALPHABET[current | bits] + value[index + 1 :]
    found = _codes_at(mutated, Code.NON_CANONICAL_BASE64)
    assert [(d.start, d.end) for d in found] == [(index, index + 1)]


@given(_value, st.data())
def test_mutation_cr_lf(value: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(value)))
    injected = data.draw(st.sampled_from(["\r", "\n", "\r\n", "\x00"]))
    mutated = value[:index] + injected + value[index:]
    found = _codes_at(mutated, Code.CONTROL_CHARACTER)
    assert [(d.start, d.end) for d in found] == [(index, index + len(injected))]
    with pytest.raises(HeaderError):
        normalize(mutated)


# --- 4. nothing but HeaderError; validate agrees with parse --------------------------------


def _agrees(value: str | bytes, profile: str) -> None:
    diagnostics = validate(value, profile=profile)
    if diagnostics:
        with pytest.raises(HeaderError) as excinfo:
            parse(value, profile=profile)
        assert list(excinfo.value.diagnostics) == diagnostics
    else:
        parse(value, profile=profile)
    text = value if isinstance(value, str) else value.decode("iso-8859-1")
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text)


@given(S.any_text)
@example("Basic YTpi=")
@example('Digest a="')
@example("Basic \udcff")
def test_arbitrary_text(value: str) -> None:
    for profile in ("strict", "rfc"):
        _agrees(value, profile)
    try:
        fixed = normalize(value)
    except HeaderError:
        return
    assert normalize(fixed) == fixed
    assert validate(fixed) == []


@given(S.any_bytes)
def test_arbitrary_bytes(value: bytes) -> None:
    for profile in ("strict", "rfc"):
        _agrees(value, profile)
    with contextlib.suppress(HeaderError):
        normalize(value)


# --- 5. redaction never shows the password or the base64 beyond the prefix ----------------


@given(S.strict_basic_values())
def test_repr_and_redact_hide_the_secret(case: tuple[str, str, str]) -> None:
    value, user_id, password = case
    credentials = parse(value)
    shown = repr(credentials)
    assert shown == str(credentials)
    # The repr is a template of the redacted user-id alone: nothing of the password reaches it.
    template = f"BasicCredentials(user_id={redact_secret(user_id)!r}, password={MARK!r})"
    assert shown == template
    if len(password) >= 6 and password not in template:
        assert password not in shown
    token = value[6:]
    redacted = redact(value)
    assert redacted.startswith("Basic ")
    assert redacted.endswith(MARK)
    prefix = redacted[len("Basic ") : -len(MARK)]
    assert token.startswith(prefix)
    assert len(prefix) <= 4
    if len(password) >= 6 and password not in "Basic " + MARK:
        assert password not in redacted


@given(st.binary(min_size=1, max_size=60))
def test_redact_arbitrary_basic_shows_a_prefix_only(raw: bytes) -> None:
    token = base64.b64encode(raw).decode("ascii")
    redacted = redact("Basic " + token)
    assert len(redacted) <= len("Basic ") + 4 + len(MARK)

from __future__ import annotations

import pytest

from authlint.credentials import (
    BasicCredentials,
    BearerCredentials,
    OtherCredentials,
    format_basic,
    format_bearer,
    scheme_shaped,
)
from authlint.header import parse
from authlint.redact import MARK

LIVE = "rzp_live_AbCdEfGhIjKlMn"  # authlint: ignore
TEST = "rzp_test_AbCdEfGhIjKlMn"  # authlint: ignore
SECRET = "AbCdEfGhIjKlMnOpQrStUvWx"  # authlint: ignore
EDGES = "rzp_test_09AZaz09AZaz09"  # authlint: ignore[AL202]


@pytest.mark.parametrize(
    ("user_id", "mode"),
    [
        pytest.param(LIVE, "live", id="live"),
        pytest.param(TEST, "test", id="test"),
        pytest.param("rzp_live_AbCdEfGhIjKlM", None, id="13-chars"),
        pytest.param("rzp_live_AbCdEfGhIjKlMnO", None, id="15-chars"),
        pytest.param("rzp_live_AbCdEfGhIjKl-n", None, id="not-alnum"),
        pytest.param("RZP_LIVE_AbCdEfGhIjKlMn", None, id="upper-prefix"),
        pytest.param("Aladdin", None, id="not-a-key"),
    ],
)
def test_key_mode(user_id: str, mode: str | None) -> None:
    assert BasicCredentials(user_id, SECRET).key_mode == mode


@pytest.mark.parametrize(
    "credentials",
    [
        pytest.param(BasicCredentials(LIVE, SECRET), id="basic"),
        pytest.param(parse(format_basic(LIVE, SECRET)), id="basic-fast-path"),
        pytest.param(BearerCredentials(SECRET), id="bearer"),
        pytest.param(OtherCredentials("Foo", SECRET, ()), id="token68"),
        pytest.param(OtherCredentials("Digest", None, (("response", SECRET),)), id="params"),
    ],
)
def test_repr_and_str_never_show_the_secret(credentials: object) -> None:
    for shown in (repr(credentials), str(credentials), f"{credentials}", f"{credentials!r}"):
        assert SECRET not in shown
        assert SECRET[:5] not in shown
        assert MARK in shown


def test_repr_hides_password_entirely_and_key_id_mostly() -> None:
    shown = repr(BasicCredentials(LIVE, SECRET))
    assert shown == f"BasicCredentials(user_id='rzp_live_Ab{MARK}', password='{MARK}')"


def test_frozen_and_slotted() -> None:
    credentials = parse(format_basic("a", "b"))
    assert isinstance(credentials, BasicCredentials)
    with pytest.raises(AttributeError):
        credentials.user_id = "x"  # type: ignore[misc]
    assert not hasattr(credentials, "__dict__")
    assert credentials == BasicCredentials("a", "b")
    assert hash(credentials) == hash(BasicCredentials("a", "b"))


def test_format_basic_rfc7617_example() -> None:
    assert format_basic("Aladdin", "open sesame") == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
    assert format_basic("test", "123£") == "Basic dGVzdDoxMjPCow=="


@pytest.mark.parametrize(
    ("user_id", "password", "match"),
    [
        pytest.param("", "x", "empty", id="empty-user"),
        pytest.param("a:b", "x", "colon", id="colon-in-user"),
        pytest.param("a\nb", "x", "control", id="lf-in-user"),
        pytest.param("a\x7f", "x", "control", id="del-in-user"),
        pytest.param("a", "x\r\ny", "control", id="crlf-in-password"),
        pytest.param("a", "x\x00", "control", id="nul-in-password"),
        pytest.param("a", "", "empty", id="empty-password"),
        pytest.param("a\udcff", "x", "UTF-8", id="surrogate"),
    ],
)
def test_format_basic_refuses(user_id: str, password: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        format_basic(user_id, password)


def test_format_basic_keeps_colons_in_password() -> None:
    assert parse(format_basic("a", "b:c")) == BasicCredentials("a", "b:c")


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("mF_9.B5f-4.1JqM", id="rfc6750"),
        pytest.param("abc==", id="padded"),
        pytest.param("a~+/", id="symbols"),
    ],
)
def test_format_bearer(token: str) -> None:
    assert parse(format_bearer(token)) == BearerCredentials(token)


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("", id="empty"),
        pytest.param("a b", id="space"),
        pytest.param("a=b", id="pad-in-middle"),
        pytest.param("=abc", id="leading-pad"),
        pytest.param('"abc"', id="quoted"),
        pytest.param("abc\r\n", id="crlf"),
        pytest.param("abé", id="non-ascii"),
        pytest.param("$TOKEN", id="variable"),
    ],
)
def test_format_bearer_refuses(token: str) -> None:
    with pytest.raises(ValueError, match="b64token"):
        format_bearer(token)


@pytest.mark.parametrize("token", ["your_token_here", "XXXXXXXX", "token"])
def test_format_bearer_refuses_placeholders(token: str) -> None:
    with pytest.raises(ValueError, match="placeholder"):
        format_bearer(token)


@pytest.mark.parametrize(
    ("user_id", "mode"),
    [
        pytest.param(EDGES, "test", id="class-edges"),
        *(
            pytest.param(f"rzp_live_AbCdEfGhIjKlM{c}", None, id=f"edge-{ord(c):02x}")
            for c in "/:@[`{"
        ),
    ],
)
def test_key_mode_alphabet_edges(user_id: str, mode: str | None) -> None:
    assert BasicCredentials(user_id, SECRET).key_mode == mode


@pytest.mark.parametrize(
    ("credentials", "shown"),
    [
        pytest.param(
            OtherCredentials("AWS4-HMAC-SHA256", None, (("Credential", "x"),)),
            f"OtherCredentials(scheme='AWS4-HMAC-SHA256', token68=None, "
            f"params=(('Credential', '{MARK}'),))",
            id="aws4",
        ),
        pytest.param(
            OtherCredentials("SCRAM-SHA-256", "abc", ()),
            f"OtherCredentials(scheme='SCRAM-SHA-256', token68='{MARK}', params=())",
            id="scram",
        ),
        pytest.param(
            OtherCredentials("PrivateToken", "abcdefgh", ()),
            f"OtherCredentials(scheme='PrivateToken', token68='ab{MARK}', params=())",
            id="twelve-letters",
        ),
        pytest.param(
            OtherCredentials("Privatetokens", "a", ()),
            f"OtherCredentials(scheme='Pri{MARK}', token68='{MARK}', params=())",
            id="thirteen-letters",
        ),
        pytest.param(
            OtherCredentials("OAuth", None, (("oauth_signature_method", "x"),)),
            f"OtherCredentials(scheme='OAuth', token68=None, "
            f"params=(('oauth_signature_method', '{MARK}'),))",
            id="long-param-name",
        ),
        pytest.param(
            OtherCredentials("X", None, (("oauth_signature_methods", "x"),)),
            f"OtherCredentials(scheme='X', token68=None, params=(('oaut{MARK}', '{MARK}'),))",
            id="param-name-too-long",
        ),
        pytest.param(
            OtherCredentials("X", None, (("a9999", "x"), ("9", "y"), ("a-1", "z"))),
            f"OtherCredentials(scheme='X', token68=None, params=(('a{MARK}', '{MARK}'), "
            f"('{MARK}', '{MARK}'), ('a-1', '{MARK}')))",
            id="digits",
        ),
        pytest.param(
            OtherCredentials("AbCdEfGhIjKlMnOpQrStU", "a", ()),
            f"OtherCredentials(scheme='AbCd{MARK}', token68='{MARK}', params=())",
            id="scheme-too-long",
        ),
        pytest.param(
            OtherCredentials("Abc1def", "a", ()),
            f"OtherCredentials(scheme='A{MARK}', token68='{MARK}', params=())",
            id="digit-inside-a-word",
        ),
        pytest.param(
            OtherCredentials("Neg\u00f6tiate", "a", ()),
            f"OtherCredentials(scheme='Ne{MARK}', token68='{MARK}', params=())",
            id="non-ascii",
        ),
        pytest.param(
            OtherCredentials("Negotiate", None, ()),
            f"OtherCredentials(scheme='Ne{MARK}', token68=None, params=())",
            id="alone",
        ),
    ],
)
def test_other_credentials_show_only_word_shaped_names(
    credentials: OtherCredentials, shown: str
) -> None:
    assert repr(credentials) == shown
    assert str(credentials) == shown


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SWEEP = "".join(chr(c) for c in range(0x101))


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("A{c}", _LETTERS + "0123456789"),
        ("A-{c}", _LETTERS + "0123456789"),
        ("A{c}A", _LETTERS + "-"),
        ("A-{c}0", _LETTERS + "0123456789"),
        ("A-0{c}", "0123456789"),
    ],
)
def test_scheme_shape_per_character(template: str, expected: str) -> None:
    wrong = [
        f"U+{ord(c):04X}" for c in _SWEEP if scheme_shaped(template.format(c=c)) != (c in expected)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("scheme", "shaped"),
    [
        ("Abcdefghijk-Abcdefgh", True),  # 20 characters
        ("Abcdefghijk-Abcdefghi", False),  # 21
        ("Abcdefghijkl", True),  # a 12-letter word
        ("Abcdefghijklm", False),
        ("A-", False),
        ("A--B", False),
        ("-A", False),
    ],
)
def test_scheme_shape_limits(scheme: str, shaped: bool) -> None:
    assert scheme_shaped(scheme) is shaped


def test_bearer_repr() -> None:
    assert repr(BearerCredentials("abcdefghijkl")) == f"BearerCredentials(token='abc{MARK}')"

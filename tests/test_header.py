"""Example tables for parse / validate / normalize / redact."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from authlint import grammar
from authlint.codes import CONSTRUCTION_CODES, CONTEXT_ONLY, RULES, Code
from authlint.credentials import BasicCredentials, BearerCredentials, OtherCredentials
from authlint.diagnostic import Diagnostic, HeaderError
from authlint.header import mask, normalize, parse, redact, validate
from authlint.redact import MARK

ALADDIN = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="  # RFC 7617 §2
# RFC 7617 §2.1: user-id "test", password "123£" in UTF-8.
TEST_POUND = "Basic dGVzdDoxMjPCow=="
KEY = "rzp_test_AbCdEfGhIjKlMn"  # authlint: ignore
SECRET = "AbCdEfGhIjKlMnOpQrStUvWx"  # authlint: ignore


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


RAZORPAY = "Basic " + b64(f"{KEY}:{SECRET}".encode())


# --- accepted -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "profile", "expected"),
    [
        pytest.param(ALADDIN, "strict", BasicCredentials("Aladdin", "open sesame"), id="rfc7617"),
        pytest.param(ALADDIN, "rfc", BasicCredentials("Aladdin", "open sesame"), id="rfc7617-rfc"),
        pytest.param(TEST_POUND, "strict", BasicCredentials("test", "123£"), id="rfc7617-utf8"),
        pytest.param(RAZORPAY, "strict", BasicCredentials(KEY, SECRET), id="razorpay"),
        pytest.param(
            "Basic " + b64("a:b\u00a0c".encode()),
            "strict",
            BasicCredentials("a", "b\u00a0c"),
            id="nbsp-in-password-takes-scanner",
        ),
        pytest.param(
            "Basic " + b64(b"a:b:c"), "strict", BasicCredentials("a", "b:c"), id="first-colon"
        ),
        pytest.param(
            "Bearer mF_9.B5f-4.1JqM",
            "strict",
            BearerCredentials("mF_9.B5f-4.1JqM"),
            id="rfc6750-example",
        ),
        pytest.param("Bearer abc==", "strict", BearerCredentials("abc=="), id="bearer-pad"),
        pytest.param(
            "basic  QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
            "rfc",
            BasicCredentials("Aladdin", "open sesame"),
            id="rfc-case-and-spaces",
        ),
        pytest.param("Basic Og==", "rfc", BasicCredentials("", ""), id="rfc-empty-both"),
        pytest.param("BEARER  abc", "rfc", BearerCredentials("abc"), id="rfc-bearer-case"),
        pytest.param("Bearer token", "rfc", BearerCredentials("token"), id="rfc-word-is-a-token"),
        pytest.param("Negotiate", "rfc", OtherCredentials("Negotiate", None, ()), id="bare"),
        pytest.param(
            "Negotiate YIIBhgYGKwYBBQUC==",
            "rfc",
            OtherCredentials("Negotiate", "YIIBhgYGKwYBBQUC==", ()),
            id="token68",
        ),
        pytest.param(
            'Digest username="Mufasa", realm="a\\"b" , nc=00000001,',
            "rfc",
            OtherCredentials(
                "Digest", None, (("username", "Mufasa"), ("realm", 'a"b'), ("nc", "00000001"))
            ),
            id="auth-params",
        ),
        pytest.param("'a'", "rfc", OtherCredentials("'a'", None, ()), id="quote-is-a-tchar"),
    ],
)
def test_parses(value: str, profile: str, expected: object) -> None:
    assert parse(value, profile=profile) == expected
    assert validate(value, profile=profile) == []


def test_bytes_are_iso_8859_1() -> None:
    assert parse(ALADDIN.encode("ascii")) == BasicCredentials("Aladdin", "open sesame")
    # A raw 0xA3 octet is obs-text: one character, reported at its own offset.
    diagnostics = validate(b"Basic QWxh\xa3ZGRp")
    assert [(d.code, d.start, d.end) for d in diagnostics] == [
        (Code.INVALID_BASE64_CHARACTER, 10, 11)
    ]


def test_unknown_profile_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown profile") as excinfo:
        parse(ALADDIN, profile="lenient")
    assert not isinstance(excinfo.value, HeaderError)
    with pytest.raises(ValueError, match="unknown profile"):
        validate(ALADDIN, profile="lenient")


# --- rejected: every code, with its span ----------------------------------------------------

CASES = [
    # Razorpay's four documented invalid shapes.
    pytest.param("BASIC " + ALADDIN[6:], "strict", Code.SCHEME_CASE, (0, 5), id="rzp-BASIC"),
    pytest.param("basic " + ALADDIN[6:], "strict", Code.SCHEME_CASE, (0, 5), id="rzp-basic"),
    pytest.param('Basic "x"', "strict", Code.QUOTED_CREDENTIALS, (6, 7), id="rzp-quoted"),
    pytest.param("Basic $x", "strict", Code.UNEXPANDED_VARIABLE, (6, 8), id="rzp-dollar"),
    pytest.param("BASIC x", "strict", Code.SCHEME_CASE, (0, 5), id="rzp-BASIC-x"),
    pytest.param("basic x", "strict", Code.SCHEME_CASE, (0, 5), id="rzp-basic-x"),
    pytest.param("bearer abc", "strict", Code.SCHEME_CASE, (0, 6), id="bearer-case"),
    # Placeholders.
    pytest.param("Basic [YOUR_KEY_ID]", "strict", Code.PLACEHOLDER, (6, 19), id="brackets"),
    pytest.param("Bearer <token>", "strict", Code.PLACEHOLDER, (7, 14), id="angle"),
    pytest.param("Basic <base64(key:secret)>", "rfc", Code.PLACEHOLDER, (6, 26), id="angle-rfc"),
    pytest.param("Basic base64token", "strict", Code.PLACEHOLDER, (6, 17), id="base64token"),
    pytest.param("Basic XXXXXXXXXXXXXXXX", "strict", Code.PLACEHOLDER, (6, 22), id="xxxx"),
    pytest.param("Bearer your_token_here", "strict", Code.PLACEHOLDER, (7, 22), id="here"),
    pytest.param("Bearer ****", "strict", Code.PLACEHOLDER, (7, 11), id="stars"),
    # Unexpanded variables.
    pytest.param("Basic ${TOKEN}", "strict", Code.UNEXPANDED_VARIABLE, (6, 14), id="shell"),
    pytest.param("Bearer {{token}}", "strict", Code.UNEXPANDED_VARIABLE, (7, 16), id="jinja"),
    pytest.param("Basic %s", "strict", Code.UNEXPANDED_VARIABLE, (6, 8), id="printf"),
    pytest.param("Basic %(auth)s", "rfc", Code.UNEXPANDED_VARIABLE, (6, 14), id="pyformat"),
    pytest.param("Bearer #{token}", "strict", Code.UNEXPANDED_VARIABLE, (7, 15), id="ruby"),
    pytest.param("$AUTH", "strict", Code.UNEXPANDED_VARIABLE, (0, 5), id="whole-value"),
    # The base64 itself.
    pytest.param(
        "Basic QWxhZGRpbjpvcGVu-HNlc2FtZQ==",
        "strict",
        Code.INVALID_BASE64_CHARACTER,
        (22, 23),
        id="base64url-dash",
    ),
    pytest.param(
        "Basic QWxhZGRpbjpvcGVu_HNlc2FtZQ==",
        "rfc",
        Code.INVALID_BASE64_CHARACTER,
        (22, 23),
        id="base64url-underscore",
    ),
    # werkzeug 3.1.9 raises an uncaught ValueError (HTTP 500) on this one.
    pytest.param(
        "Basic QWxh\u00e9GRp", "strict", Code.INVALID_BASE64_CHARACTER, (10, 11), id="non-ascii"
    ),
    pytest.param(
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ",
        "strict",
        Code.BAD_PADDING,
        (32, 32),
        id="missing-padding",
    ),
    # werkzeug, aiohttp and b64decode(validate=True) all accept these.
    pytest.param("Basic YTpi=", "strict", Code.BAD_PADDING, (10, 11), id="pad-after-group"),
    pytest.param("Basic YTpi=", "rfc", Code.BAD_PADDING, (10, 11), id="pad-after-group-rfc"),
    pytest.param("Basic YQ==YTpi", "strict", Code.BAD_PADDING, (8, 10), id="pad-in-middle"),
    pytest.param("Basic YTpiY", "strict", Code.BAD_PADDING, (10, 11), id="length-4n+1"),
    pytest.param(
        "Basic YTpiYx==", "strict", Code.NON_CANONICAL_BASE64, (11, 12), id="non-canonical-2"
    ),
    pytest.param(
        "Basic YTpiYmN=", "rfc", Code.NON_CANONICAL_BASE64, (12, 13), id="non-canonical-1"
    ),
    # Layout.
    pytest.param("Basic  " + ALADDIN[6:], "strict", Code.WHITESPACE, (5, 7), id="double-space"),
    pytest.param("Basic\t" + ALADDIN[6:], "rfc", Code.WHITESPACE, (5, 6), id="tab-rfc"),
    pytest.param(" " + ALADDIN, "strict", Code.WHITESPACE, (0, 1), id="leading"),
    pytest.param(ALADDIN + " \t", "rfc", Code.WHITESPACE, (34, 36), id="trailing"),
    pytest.param("Basic QWxh ZGRp", "strict", Code.WHITESPACE, (10, 11), id="inside"),
    pytest.param("Basic", "strict", Code.MISSING_CREDENTIALS, (0, 5), id="no-credentials"),
    pytest.param("Bearer ", "rfc", Code.MISSING_CREDENTIALS, (0, 6), id="no-token"),
    pytest.param("", "strict", Code.MISSING_CREDENTIALS, (0, 0), id="empty"),
    pytest.param('Basic ""', "strict", Code.MISSING_CREDENTIALS, (6, 8), id="empty-quotes"),
    # The decoded credentials.
    pytest.param("Basic QWxhZGRpbg==", "strict", Code.MISSING_COLON, (6, 16), id="no-colon"),
    pytest.param("Basic " + b64(b":secret"), "strict", Code.EMPTY_USER_ID, (6, 8), id="no-user"),
    pytest.param("Basic QWxhZGRpbjo=", "strict", Code.EMPTY_PASSWORD, (15, 17), id="no-password"),
    # werkzeug and aiohttp accept CTLs in the decoded credentials.
    pytest.param(
        "Basic QWxhZGRpbjpvcGVuDQpzZXNhbWU=",
        "strict",
        Code.CONTROL_CHARACTER,
        (22, 25),
        id="decoded-crlf",
    ),
    pytest.param(
        "Basic " + b64(b"a\x00:b"), "rfc", Code.CONTROL_CHARACTER, (7, 9), id="decoded-nul"
    ),
    pytest.param(
        ALADDIN + "\r\nX-Evil: 1", "strict", Code.CONTROL_CHARACTER, (34, 36), id="injection"
    ),
    pytest.param(
        "Basic QWxhZGRpbjr/", "strict", Code.NON_UTF8_CREDENTIALS, (16, 18), id="not-utf8"
    ),
    pytest.param(
        "Authorization: " + ALADDIN, "strict", Code.FIELD_NAME_IN_VALUE, (0, 15), id="field-name"
    ),
    pytest.param(
        "authorization:" + ALADDIN, "rfc", Code.FIELD_NAME_IN_VALUE, (0, 14), id="field-name-rfc"
    ),
    pytest.param("Token " + ALADDIN[6:], "strict", Code.UNSUPPORTED_SCHEME, (0, 5), id="token"),
    pytest.param("Digest a=b", "strict", Code.UNSUPPORTED_SCHEME, (0, 6), id="digest-strict"),
    pytest.param(ALADDIN[6:], "strict", Code.UNSUPPORTED_SCHEME, (0, 28), id="no-scheme"),
    pytest.param("B@sic x", "rfc", Code.UNSUPPORTED_SCHEME, (0, 5), id="not-a-token"),
    pytest.param(
        'Digest username="a", realm',
        "rfc",
        Code.INVALID_AUTH_PARAMS,
        (7, 26),
        id="param-without-value",
    ),
    pytest.param("Digest a=b c=d", "rfc", Code.INVALID_AUTH_PARAMS, (7, 14), id="no-comma"),
    pytest.param('Digest a="b', "rfc", Code.INVALID_AUTH_PARAMS, (7, 11), id="open-quote"),
]


@pytest.mark.parametrize(("value", "profile", "code", "span"), CASES)
def test_rejects_with_code_and_span(
    value: str, profile: str, code: Code, span: tuple[int, int]
) -> None:
    with pytest.raises(HeaderError) as excinfo:
        parse(value, profile=profile)
    diagnostics = excinfo.value.diagnostics
    assert list(diagnostics) == validate(value, profile=profile)
    assert (code, *span) in [(d.code, d.start, d.end) for d in diagnostics]


def test_every_parser_code_has_a_case() -> None:
    parser_codes = (
        {r.code for r in RULES if r.kind == "malformed-header"} - CONTEXT_ONLY - CONSTRUCTION_CODES
    )
    covered = {p.values[2] for p in CASES}
    assert parser_codes - covered == set()


@pytest.mark.parametrize(("value", "profile", "code", "span"), CASES)
def test_messages_never_quote_the_value(
    value: str, profile: str, code: Code, span: tuple[int, int]
) -> None:
    for d in validate(value, profile=profile):
        credentials = value.split(" ", 1)[-1].strip('"')
        assert len(credentials) < 3 or credentials not in d.message
        assert ALADDIN[6:] not in d.message


def test_primary_first_and_every_problem_listed() -> None:
    value = ' Authorization: basic  "QWxhZGRpbjpvcGVuIHNlc2FtZQ" '
    codes = [d.code for d in validate(value)]
    assert codes == [
        Code.WHITESPACE,
        Code.FIELD_NAME_IN_VALUE,
        Code.SCHEME_CASE,
        Code.WHITESPACE,
        Code.QUOTED_CREDENTIALS,
        Code.BAD_PADDING,
        Code.QUOTED_CREDENTIALS,
        Code.WHITESPACE,
    ]
    with pytest.raises(HeaderError) as excinfo:
        parse(value)
    error = excinfo.value
    assert error.primary.code == Code.WHITESPACE
    assert error.primary is error.diagnostics[0]
    assert str(error) == f"AL108: {error.primary.message} (and 7 more)"
    assert error.args == (error.primary.message,)


def test_header_error_with_one_diagnostic_and_with_none() -> None:
    only = Diagnostic(Code.MISSING_COLON, "the decoded credentials have no colon", 6, 10)
    error = HeaderError([only])
    assert str(error) == "AL110: the decoded credentials have no colon"
    assert error.args == ("the decoded credentials have no colon",)
    assert error.diagnostics == (only,)
    assert isinstance(error, ValueError)
    with pytest.raises(TypeError, match="at least one diagnostic"):
        HeaderError([])


@pytest.mark.parametrize(
    ("value", "profile"),
    [
        pytest.param("Basic Og==", "strict", id="empty-both-strict"),
        pytest.param("Bearer token", "strict", id="word-placeholder-strict"),
        pytest.param("Basic YTpi=", "rfc", id="surplus-pad-rfc"),
        pytest.param("Basic YTpiYw", "rfc", id="rfc-needs-padding"),
        pytest.param("Basic " + b64(b"\xff:x"), "rfc", id="rfc-needs-utf8"),
        pytest.param("Basic " + b64("a:\u0085".encode()), "strict", id="c1-control-strict"),
    ],
)
def test_profile_differences(value: str, profile: str) -> None:
    with pytest.raises(HeaderError):
        parse(value, profile=profile)


def test_c1_controls_are_ctls_only_in_the_strict_profile() -> None:
    # RFC 5234's CTL is C0 and DEL; the strict profile also refuses C1 (U+0080-U+009F), which
    # is two octets in UTF-8: the span is the base64 characters that carry both.
    value = "Basic " + b64("a:b\u0085".encode())
    assert parse(value, profile="rfc") == BasicCredentials("a", "b\u0085")
    [d] = validate(value)
    assert (d.code, d.message) == (
        Code.CONTROL_CHARACTER,
        "the decoded credentials hold control character U+0085",
    )
    assert (d.start, d.end) == (10, 13)


# --- normalize ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(ALADDIN, ALADDIN, id="already-canonical"),
        pytest.param("basic " + ALADDIN[6:], ALADDIN, id="case"),
        pytest.param('Basic "' + ALADDIN[6:] + '"', ALADDIN, id="quoted-credentials"),
        pytest.param('"' + ALADDIN + '"', ALADDIN, id="quoted-value"),
        pytest.param("'" + ALADDIN + "'", ALADDIN, id="single-quoted-value"),
        pytest.param("  Basic\t" + ALADDIN[6:] + " \t", ALADDIN, id="whitespace"),
        pytest.param('Basic"' + ALADDIN[6:] + '"', ALADDIN, id="missing-space"),
        pytest.param(ALADDIN.rstrip("="), ALADDIN, id="padding"),
        pytest.param("Basic YTpi=", "Basic YTpi", id="surplus-padding"),
        pytest.param("Authorization: " + ALADDIN, ALADDIN, id="field-name"),
        pytest.param('Authorization: "' + ALADDIN + '"', ALADDIN, id="field-name-quoted"),
        pytest.param('"Authorization: BASIC  ' + ALADDIN[6:-2] + '"', ALADDIN, id="all"),
        pytest.param("BEARER  abc", "Bearer abc", id="bearer"),
        pytest.param(b"basic " + ALADDIN[6:].encode(), ALADDIN, id="bytes"),
    ],
)
def test_normalize(value: str | bytes, expected: str) -> None:
    assert normalize(value) == expected
    assert normalize(expected) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        pytest.param("Basic $x", Code.UNEXPANDED_VARIABLE, id="variable"),
        pytest.param("Basic [YOUR_KEY]", Code.PLACEHOLDER, id="placeholder"),
        pytest.param("Basic QWxhZGRpbg==", Code.MISSING_COLON, id="no-colon"),
        pytest.param("Basic YTpiYx==", Code.NON_CANONICAL_BASE64, id="non-canonical"),
        pytest.param("basic QWxh-GRp", Code.INVALID_BASE64_CHARACTER, id="mixed"),
        pytest.param(ALADDIN + "\r\n", Code.CONTROL_CHARACTER, id="crlf"),
        pytest.param("Digest a=b", Code.UNSUPPORTED_SCHEME, id="scheme"),
    ],
)
def test_normalize_refuses(value: str, code: Code) -> None:
    with pytest.raises(HeaderError) as excinfo:
        normalize(value)
    assert code in [d.code for d in excinfo.value.diagnostics]


# --- redact and mask ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(RAZORPAY, "Basic " + RAZORPAY[6:10] + MARK, id="basic"),
        pytest.param("Bearer abcdefghijklmnop", "Bearer abcd" + MARK, id="bearer"),
        pytest.param("Basic", "Basic", id="scheme-only"),
        pytest.param(RAZORPAY[6:], RAZORPAY[6:10] + MARK, id="no-scheme"),
        pytest.param(
            "Authorization: " + RAZORPAY,
            "Authorization: Basic " + RAZORPAY[6:10] + MARK,
            id="field-name",
        ),
        pytest.param("", "", id="empty"),
        pytest.param("Basic\t" + RAZORPAY[6:], "Basic " + RAZORPAY[6:10] + MARK, id="tab"),
        pytest.param(f"{KEY} {SECRET}", "rzp_test_Ab" + MARK, id="key-id-first"),
        pytest.param("Digest a=b", "Digest " + MARK, id="digest"),
    ],
)
def test_redact(value: str, expected: str) -> None:
    assert redact(value) == expected
    assert SECRET not in redact(value)


def test_mask_keeps_columns_and_hides_secret() -> None:
    value = ' basic  "' + RAZORPAY[6:] + '"\r\n'
    shown = mask(value)
    assert len(shown) == len(value)
    assert shown.startswith(' basic  "' + RAZORPAY[6:8] + "**")
    assert shown.endswith('*"??')
    assert RAZORPAY[6:14] not in shown


def test_grammar_strict_regex_matches_fast_path() -> None:
    # The regex form of the strict grammar (used by the strategies) and the parser agree on
    # canonical padding.
    assert grammar.strict_credentials_re.fullmatch("Basic YTpiYw==")
    assert not grammar.strict_credentials_re.fullmatch("Basic YTpiYx==")
    assert not grammar.strict_credentials_re.fullmatch("Basic YTpi=")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("Bearer abcdefghijklmnop", "Bearer ab**************", id="bearer"),
        pytest.param("Bearer abcdefg", "Bearer a******", id="short-shows-one"),
        pytest.param("Bearer abcdefgh", "Bearer a*******", id="eight-shows-one"),
        pytest.param(
            "Authorization: Basic QWxhZGRpbjpv",
            "Authorization: Basic Q***********",
            id="field-name",
        ),
        pytest.param("Authorization:", "Authorization:", id="field-name-alone"),
        pytest.param("Token abcdefghijklmnop", "To*** ****************", id="other-scheme"),
        pytest.param("\x00Basic abc\t'x'", "?Basic a**?'*'", id="ctl-and-quotes"),
        pytest.param("BASIC abcdefghijklmnop", "BASIC ab**************", id="any-case"),
        pytest.param("", "", id="empty"),
    ],
)
def test_mask(value: str, expected: str) -> None:
    assert mask(value) == expected
    assert mask(value.encode("iso-8859-1")) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("Basic YT\rpi", "control character CR in the value (header injection)"),
        pytest.param("Basic YT\npi", "control character LF in the value (header injection)"),
        pytest.param("Basic YT\x00pi", "control character NUL in the value"),
        pytest.param("Basic YT\x7f\x01\x7fpi", "control character U+007F, U+0001 in the value"),
        pytest.param(
            "Basic " + b64(b"a:b\r\n"),
            "the decoded credentials hold control character CR, LF",
        ),
        pytest.param(
            "Basic YT-i",
            "character outside the base64 alphabet (base64url; Basic needs standard base64)",
        ),
        pytest.param(
            "Basic YT_i",
            "character outside the base64 alphabet (base64url; Basic needs standard base64)",
        ),
        pytest.param("Basic YT!i", "character outside the base64 alphabet"),
        pytest.param("Bearer a-b!", "character outside the b64token alphabet"),
        pytest.param("Bearer a=b", "'=' may only end a b64token"),
        pytest.param("Bearer ==", "padding without b64token data"),
        pytest.param("Basic ==", "padding without base64 data"),
        pytest.param("Basic YTpi====", "surplus base64 padding"),
        pytest.param("Basic YTpiY", "one base64 character too many or too few (truncated?)"),
        pytest.param("Basic YTp", "missing base64 padding"),
        pytest.param(
            "Basic  YTpi", "more than one space between scheme and credentials; use one space"
        ),
        pytest.param("Basic\tYTpi", "a tab between scheme and credentials; use one space"),
        pytest.param('Basic""', "the quotes hold no credentials"),
        pytest.param("Basic", "no credentials after the scheme"),
        pytest.param("  Basic YTpi", "whitespace before the scheme"),
        pytest.param("Basic YTpi ", "whitespace after the credentials"),
        pytest.param("B@sic YTpi", "the scheme is not a valid token (is the scheme missing?)"),
        pytest.param("Digest a=b", "the strict profile accepts only the Basic and Bearer schemes"),
    ],
)
def test_messages(value: str, message: str) -> None:
    assert message in [d.message for d in validate(value)]


@pytest.mark.parametrize(
    ("value", "profile", "expected"),
    [
        # Whitespace and CTLs inside the base64 are skipped, and spans of later problems map
        # back through them to the value.
        pytest.param(
            "Basic YT pi Yw",
            "strict",
            [
                (Code.WHITESPACE, 8, 9, None),
                (Code.WHITESPACE, 11, 12, None),
                (Code.BAD_PADDING, 14, 14, "=="),
            ],
            id="pads-after-inner-spaces",
        ),
        pytest.param(
            "Basic Y Q = =",
            "strict",
            [
                (Code.MISSING_COLON, 6, 9, None),
                (Code.WHITESPACE, 7, 8, None),
                (Code.WHITESPACE, 9, 10, None),
                (Code.WHITESPACE, 11, 12, None),
            ],
            id="no-colon-spread",
        ),
        pytest.param(
            "Basic YQ= =YTpi",
            "strict",
            [
                (Code.BAD_PADDING, 8, 11, None),
                (Code.WHITESPACE, 9, 10, None),
            ],
            id="pads-in-middle-spread",
        ),
        pytest.param(
            "Basic YT\tpiYx==",
            "rfc",
            [
                (Code.WHITESPACE, 8, 9, None),
                (Code.NON_CANONICAL_BASE64, 12, 13, None),
            ],
            id="pad-bits-after-tab",
        ),
        pytest.param(
            "Basic = =",
            "strict",
            [
                (Code.BAD_PADDING, 6, 9, None),
                (Code.WHITESPACE, 7, 8, None),
            ],
            id="only-pads-spread",
        ),
        pytest.param(
            "Basic YTpi YWJj ZA",
            "strict",
            [
                (Code.WHITESPACE, 10, 11, None),
                (Code.WHITESPACE, 15, 16, None),
                (Code.BAD_PADDING, 18, 18, "=="),
            ],
            id="three-groups",
        ),
        pytest.param(
            "Basic YTr/YWJj",
            "strict",
            [
                (Code.NON_UTF8_CREDENTIALS, 8, 10, None),
            ],
            id="non-utf8-first-group",
        ),
        pytest.param(
            "Basic YWJjYTr/",
            "strict",
            [
                (Code.NON_UTF8_CREDENTIALS, 12, 14, None),
            ],
            id="non-utf8-second-group",
        ),
        pytest.param(
            "Basic " + b64("é:\x00".encode()),
            "strict",
            [
                (Code.CONTROL_CHARACTER, 10, 12, None),
            ],
            id="ctl-after-two-octet-char",
        ),
        pytest.param(
            "Basic " + b64(b":"),
            "strict",
            [
                (Code.EMPTY_USER_ID, 6, 8, None),
                (Code.EMPTY_PASSWORD, 6, 8, None),
            ],
            id="colon-alone",
        ),
        pytest.param(
            "Basic " + b64(b"abcd:"),
            "strict",
            [
                (Code.EMPTY_PASSWORD, 11, 13, None),
            ],
            id="no-password-second-group",
        ),
        pytest.param("Basic " + b64(b":"), "rfc", [], id="colon-alone-rfc"),
        pytest.param(
            "Bearer a=b=c",
            "strict",
            [
                (Code.BAD_PADDING, 8, 9, None),
                (Code.BAD_PADDING, 10, 11, None),
            ],
            id="bearer-pads-inside",
        ),
        pytest.param("Bearer ab c", "strict", [(Code.WHITESPACE, 9, 10, None)], id="bearer-ws"),
        pytest.param(
            "Authorization: 'Basic YTpi'",
            "strict",
            [
                (Code.FIELD_NAME_IN_VALUE, 0, 15, ""),
                (Code.QUOTED_CREDENTIALS, 15, 16, ""),
                (Code.QUOTED_CREDENTIALS, 26, 27, ""),
            ],
            id="field-name-then-quotes",
        ),
        pytest.param(
            "'Authorization: \"Basic YTpi\"'",
            "strict",
            [
                (Code.QUOTED_CREDENTIALS, 0, 1, ""),
                (Code.FIELD_NAME_IN_VALUE, 1, 16, ""),
                (Code.UNSUPPORTED_SCHEME, 16, 22, None),
                (Code.QUOTED_CREDENTIALS, 28, 29, ""),
            ],
            id="quotes-then-field-name-once",
        ),
        # A single quote is a tchar: "Bearer'abc'" is one (unsupported) scheme.
        pytest.param("Bearer'abc'", "strict", [(Code.UNSUPPORTED_SCHEME, 0, 11, None)]),
        pytest.param(
            'Bearer"abc"',
            "strict",
            [
                (Code.WHITESPACE, 6, 6, " "),
                (Code.QUOTED_CREDENTIALS, 6, 7, ""),
                (Code.QUOTED_CREDENTIALS, 10, 11, ""),
            ],
            id="quote-ends-scheme",
        ),
        pytest.param('"', "strict", [(Code.UNSUPPORTED_SCHEME, 0, 1, None)], id="lone-quote"),
        pytest.param("Token", "rfc", [], id="scheme-alone-rfc"),
        pytest.param("Token  ", "rfc", [(Code.WHITESPACE, 5, 7, "")], id="scheme-spaces-rfc"),
        pytest.param(
            'Token "a"',
            "rfc",
            [
                (Code.QUOTED_CREDENTIALS, 6, 7, ""),
                (Code.QUOTED_CREDENTIALS, 8, 9, ""),
            ],
            id="quoted-token68-rfc",
        ),
        pytest.param(
            "Token a=b ,c", "rfc", [(Code.INVALID_AUTH_PARAMS, 6, 12, None)], id="bad-list-rfc"
        ),
        pytest.param("Token\ta=b", "rfc", [(Code.WHITESPACE, 5, 6, " ")], id="tab-other-rfc"),
        pytest.param("Token  a=b", "rfc", [], id="spaces-other-rfc"),
    ],
)
def test_diagnostics_exactly(
    value: str, profile: str, expected: list[tuple[Code, int, int, str | None]]
) -> None:
    assert [(d.code, d.start, d.end, d.fix) for d in validate(value, profile=profile)] == expected


@pytest.mark.parametrize(
    "value",
    [bytearray(ALADDIN.encode()), memoryview(ALADDIN.encode()), ALADDIN.encode()],
    ids=["bytearray", "memoryview", "bytes"],
)
def test_octet_inputs(value: Any) -> None:
    # bytes-like values are read as octets too (the API is typed str | bytes).
    assert parse(value) == BasicCredentials("Aladdin", "open sesame")
    assert validate(value) == []
    assert normalize(value) == ALADDIN
    assert redact(value) == "Basic QWxh" + MARK


@pytest.mark.parametrize("value", [None, 42, ["Basic"]])
def test_other_inputs_are_type_errors(value: Any) -> None:
    for call in (parse, validate, normalize, redact, mask):
        with pytest.raises(TypeError, match="expected str or bytes, not "):
            call(value)


def test_case_folding_is_ascii_only() -> None:
    # U+0131 (dotless i) folds to "i" under Unicode IGNORECASE: not a field name.
    value = "Author\u0131zation: " + ALADDIN
    assert Code.FIELD_NAME_IN_VALUE not in [d.code for d in validate(value)]
    assert Code.FIELD_NAME_IN_VALUE in [d.code for d in validate("AUTHORIZATION: " + ALADDIN)]


@pytest.mark.parametrize(
    "value",
    [
        ALADDIN,
        RAZORPAY,
        TEST_POUND,
        "Basic YTpiYw==",
        "Basic YTpiYWI=",
        "Basic YTpi",
        "Bearer mF_9.B5f-4.1JqM",
        "Bearer abc==",
    ],
)
def test_fast_path_takes_canonical_values(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The design contract of parse: a canonical strict value never reaches the scanner.
    from authlint import header

    def scanner(*args: object) -> None:
        raise AssertionError("the scanner ran")

    monkeypatch.setattr(header, "_scan", scanner)
    assert parse(value) is not None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("Basic YT\x00pi", [(Code.CONTROL_CHARACTER, 8, 9)], id="nul-in-base64"),
        pytest.param("Basic YT\x1fpi", [(Code.CONTROL_CHARACTER, 8, 9)], id="us-in-base64"),
        pytest.param("Basic YT\x01pi", [(Code.CONTROL_CHARACTER, 8, 9)], id="soh-in-base64"),
        pytest.param("Basic YT\x7fpi", [(Code.CONTROL_CHARACTER, 8, 9)], id="del-in-base64"),
        pytest.param("Basic YT\x80pi", [(Code.INVALID_BASE64_CHARACTER, 8, 9)], id="x80-base64"),
        pytest.param("Basic YT\x20pi", [(Code.WHITESPACE, 8, 9)], id="space-in-base64"),
        pytest.param("Basic YT\tpi", [(Code.WHITESPACE, 8, 9)], id="tab-in-base64"),
        pytest.param("Bearer a\x00b", [(Code.CONTROL_CHARACTER, 8, 9)], id="nul-in-token"),
        pytest.param("Bearer a\x1fb", [(Code.CONTROL_CHARACTER, 8, 9)], id="us-in-token"),
        pytest.param("Bearer a\x01b", [(Code.CONTROL_CHARACTER, 8, 9)], id="soh-in-token"),
        pytest.param("Bearer a\x7fb", [(Code.CONTROL_CHARACTER, 8, 9)], id="del-in-token"),
        pytest.param("Bearer a\tb", [(Code.WHITESPACE, 8, 9)], id="tab-in-token"),
        pytest.param("Bearer a b", [(Code.WHITESPACE, 8, 9)], id="space-in-token"),
        pytest.param("Bearer a:b", [(Code.INVALID_BASE64_CHARACTER, 8, 9)], id="colon-token"),
        pytest.param("Bearer a...b", [(Code.PLACEHOLDER, 8, 11)], id="elision-in-token"),
        pytest.param(
            "Basic YT/+",
            [(Code.MISSING_COLON, 6, 10), (Code.NON_UTF8_CREDENTIALS, 8, 10)],
            id="slash-plus-base64",
        ),
        pytest.param(
            "Basic 09AZ",
            [
                (Code.NON_UTF8_CREDENTIALS, 6, 9),
                (Code.MISSING_COLON, 6, 10),
                (Code.CONTROL_CHARACTER, 8, 10),
            ],
            id="digit-edges",
        ),
        pytest.param(
            "Basic azaz",
            [(Code.MISSING_COLON, 6, 10), (Code.NON_UTF8_CREDENTIALS, 8, 10)],
            id="lower-edges",
        ),
    ],
)
def test_scanner_classes_exactly(value: str, expected: list[tuple[Code, int, int]]) -> None:
    assert [(d.code, d.start, d.end) for d in validate(value)] == expected
    with pytest.raises(HeaderError):
        parse(value)

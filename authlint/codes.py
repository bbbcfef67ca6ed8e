"""The one registry of diagnostic codes: the parser, the checks, the CLI, the docs and SARIF read it.

A leaf module (stdlib and authlint.record only) so that every other module can import it without
cycles. Codes are stable: a code, once released, keeps its meaning; a retired code is never reused.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Literal

from authlint.record import Record


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    # AL1xx: the header value is malformed (emitted by the parser, and by context checks).
    SCHEME_CASE = "AL101"
    QUOTED_CREDENTIALS = "AL102"
    PLACEHOLDER = "AL103"
    UNEXPANDED_VARIABLE = "AL104"
    INVALID_BASE64_CHARACTER = "AL105"
    BAD_PADDING = "AL106"
    NON_CANONICAL_BASE64 = "AL107"
    WHITESPACE = "AL108"
    MISSING_CREDENTIALS = "AL109"
    MISSING_COLON = "AL110"
    EMPTY_USER_ID = "AL111"
    CONTROL_CHARACTER = "AL112"
    NON_UTF8_CREDENTIALS = "AL113"
    FIELD_NAME_IN_VALUE = "AL114"
    UNSUPPORTED_SCHEME = "AL115"
    EMPTY_PASSWORD = "AL116"
    INVALID_AUTH_PARAMS = "AL117"
    # AL118-AL124: what only a construction can do to a header value (authlint/construct/).
    BYTES_REPR = "AL118"
    ENCODER_NEWLINE = "AL119"
    ENCODER_LINE_WRAP = "AL120"
    URL_SAFE_ALPHABET = "AL121"
    DOUBLE_SCHEME = "AL122"
    MISSING_SCHEME = "AL123"
    NOT_BASE64 = "AL124"
    # AL125-AL129: documentation (issue 10).
    STRIPPED_EXAMPLE = "AL125"
    # AL2xx: a secret is hard-coded.
    LIVE_KEY_ID = "AL201"
    TEST_KEY_ID = "AL202"
    KEY_SECRET = "AL203"
    BASIC_CREDENTIALS = "AL204"
    URL_CREDENTIALS = "AL205"
    CURL_USER_CREDENTIALS = "AL206"
    CLIENT_CREDENTIALS = "AL207"
    BEARER_TOKEN = "AL208"
    # AL9xx: about authlint's own suppression comments.
    UNUSED_SUPPRESSION = "AL901"
    MALFORMED_SUPPRESSION = "AL902"


Kind = Literal["malformed-header", "secret", "suppression"]


class Rule(Record):
    __slots__ = (
        "bad",
        "code",
        "fixable",
        "good",
        "kind",
        "name",
        "rationale",
        "severity",
        "source",
        "summary",
    )
    _fields = (
        "code",
        "name",
        "summary",
        "rationale",
        "source",
        "bad",
        "good",
        "kind",
        "severity",
        "fixable",
    )

    def __init__(  # noqa: PLR0917 - the registry below builds them positionally
        self,
        code: Code,
        name: str,
        summary: str,
        rationale: str,
        source: str,
        bad: str,
        good: str,
        kind: Kind,
        severity: Severity,
        fixable: bool = False,
    ) -> None:
        self.code: Final = code
        self.name: Final = name  # kebab-case, names the bad thing
        self.summary: Final = summary
        self.rationale: Final = rationale
        self.source: Final = source
        self.bad: Final = bad
        self.good: Final = good
        self.kind: Final = kind
        self.severity: Final = severity
        self.fixable: Final = fixable


_E = Severity.ERROR
_W = Severity.WARNING
_RZP_DOCS = "Razorpay API docs: authentication"
# Example credentials are the RFC 7617 ones (Aladdin / open sesame) or obviously fake keys, so the
# registry itself never trips a secret scanner.
_GOOD = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="

RULES: tuple[Rule, ...] = (
    Rule(
        Code.SCHEME_CASE,
        "scheme-case",
        "The auth scheme is not spelled exactly `Basic` or `Bearer`.",
        "RFC 9110 makes the scheme case-insensitive, but the strict profile follows payment APIs "
        "such as Razorpay, which document `BASIC x` and `basic x` as invalid.",
        "RFC 9110 §11.1; " + _RZP_DOCS,
        "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        _GOOD,
        "malformed-header",
        _E,
        fixable=True,
    ),
    Rule(
        Code.QUOTED_CREDENTIALS,
        "quoted-credentials",
        "The credentials are wrapped in quotes.",
        "token68 has no quoting: the quotes become part of the token and the server rejects it. "
        'Razorpay documents `Basic "x"` as invalid.',
        "RFC 9110 §11.4; " + _RZP_DOCS,
        'Basic "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="',
        _GOOD,
        "malformed-header",
        _E,
        fixable=True,
    ),
    Rule(
        Code.PLACEHOLDER,
        "placeholder-credentials",
        "The credentials are a documentation placeholder, not a value.",
        "Placeholders such as `[YOUR_KEY_ID]`, `<token>` or `XXXX` copied from docs into code or "
        "config fail at runtime with a 401.",
        _RZP_DOCS,
        "Basic <base64token>",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.UNEXPANDED_VARIABLE,
        "unexpanded-variable",
        "The credentials hold a variable reference that is never expanded.",
        "`$x`, `${x}`, `{{x}}` or `%s` inside single quotes or a config value is sent literally; "
        "Razorpay documents `Basic $x` as invalid.",
        _RZP_DOCS,
        "Basic $TOKEN",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.INVALID_BASE64_CHARACTER,
        "invalid-base64-character",
        "The credentials hold a character outside the standard base64 alphabet.",
        "Basic credentials are standard base64 (RFC 4648 §4); base64url's `-` and `_` and any "
        "other character make decoding fail or silently lose data.",
        "RFC 7617 §2; RFC 4648 §4",
        "Basic QWxhZGRpbjpvcGVu-HNlc2FtZQ==",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.BAD_PADDING,
        "bad-padding",
        "The base64 padding is missing, surplus or misplaced.",
        "Canonical base64 pads to a multiple of four with `=` only at the end; servers differ on "
        "what they accept otherwise.",
        "RFC 4648 §3.2, §4",
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ",
        _GOOD,
        "malformed-header",
        _E,
        fixable=True,
    ),
    Rule(
        Code.NON_CANONICAL_BASE64,
        "non-canonical-base64",
        "The last base64 character sets padding bits that must be zero.",
        "RFC 4648 §3.5 lets decoders reject non-zero pad bits; a value that decodes differently "
        "on different servers is a bug waiting to happen.",
        "RFC 4648 §3.5",
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZR==",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.WHITESPACE,
        "bad-whitespace",
        "There is whitespace other than one space between scheme and credentials.",
        "RFC 9110 §11.4 separates scheme and credentials with 1*SP; the strict profile takes "
        "exactly one space and nothing around the value.",
        "RFC 9110 §11.4; " + _RZP_DOCS,
        "Basic  QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        _GOOD,
        "malformed-header",
        _E,
        fixable=True,
    ),
    Rule(
        Code.MISSING_CREDENTIALS,
        "missing-credentials",
        "The scheme has no credentials after it.",
        "Basic and Bearer need a token; an empty one is always rejected.",
        "RFC 7617 §2; RFC 6750 §2.1",
        "Basic ",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.MISSING_COLON,
        "missing-colon",
        "The decoded Basic credentials have no colon between user-id and password.",
        'RFC 7617 user-pass is `user-id ":" password`; Razorpay expects `KEY_ID:KEY_SECRET`.',
        "RFC 7617 §2",
        "Basic QWxhZGRpbg==",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.EMPTY_USER_ID,
        "empty-user-id",
        "The decoded Basic credentials have an empty user-id.",
        "A Razorpay request needs the key id before the colon; an empty one usually means an "
        "unset variable.",
        "RFC 7617 §2; " + _RZP_DOCS,
        "Basic Om9wZW4gc2VzYW1l",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.CONTROL_CHARACTER,
        "control-character",
        "The value or its decoded credentials hold a control character (CR, LF, NUL, ...).",
        "CR/LF in a header value is header injection; RFC 7617 forbids CTLs in user-id and password.",
        "RFC 9110 §5.5; RFC 7617 §2",
        "Basic QWxhZGRpbjpvcGVuDQpzZXNhbWU=",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.NON_UTF8_CREDENTIALS,
        "non-utf8-credentials",
        "The decoded Basic credentials are not valid UTF-8.",
        "RFC 7617 §2.1 defines UTF-8 as the only charset; other bytes are read differently by "
        "different servers.",
        "RFC 7617 §2.1",
        "Basic QWxhZGRpbjr/",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.FIELD_NAME_IN_VALUE,
        "field-name-in-value",
        "The value starts with the `Authorization:` field name.",
        "The field name is set by the HTTP client; in the value it is sent twice.",
        "RFC 9110 §5.1",
        "Authorization: " + _GOOD,
        _GOOD,
        "malformed-header",
        _E,
        fixable=True,
    ),
    Rule(
        Code.UNSUPPORTED_SCHEME,
        "unsupported-scheme",
        "The auth scheme is not one this profile accepts, or is not a valid token.",
        "The strict profile accepts only Basic and Bearer; the rfc profile any RFC 9110 token.",
        "RFC 9110 §11.1",
        "Token QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.EMPTY_PASSWORD,
        "empty-password",
        "The decoded Basic credentials have an empty password.",
        "A Razorpay key secret is never empty; an empty one means the secret was never filled in.",
        _RZP_DOCS,
        "Basic QWxhZGRpbjo=",
        _GOOD,
        "malformed-header",
        _E,
    ),
    Rule(
        Code.INVALID_AUTH_PARAMS,
        "invalid-auth-params",
        "The credentials are neither a token68 nor a valid auth-param list.",
        "RFC 9110 §11.4 allows `token68` or `#auth-param` after the scheme, nothing else.",
        "RFC 9110 §11.2, §11.4",
        'Digest username="a", realm',
        'Digest username="a", realm="b"',
        "malformed-header",
        _E,
    ),
    Rule(
        code=Code.BYTES_REPR,
        name="bytes-repr-in-header",
        summary="The header value holds the repr of a bytes object (`b'...'`).",
        rationale="In Python 3, `str()`, an f-string, `%s` or `.format()` of bytes gives "
        "`b'cnpw...'`, quotes and all: the server receives `Basic b'...'` and answers 401. "
        "`base64.b64encode` returns bytes; decode it first.",
        source="Python docs: bytes, str(); RFC 9110 §11.4",
        bad='h = {"Authorization": f"Basic {base64.b64encode(creds)}"}',
        good='h = {"Authorization": f"Basic {base64.b64encode(creds).decode()}"}',
        kind="malformed-header",
        severity=_E,
    ),
    Rule(
        code=Code.ENCODER_NEWLINE,
        name="encoder-newline",
        summary="An encoder (or `echo`) adds a newline to the value or to what is encoded.",
        rationale="`base64.encodebytes` and Ruby's `Base64.encode64` end their output with a "
        "newline, and `echo $ID:$SECRET | base64` encodes the newline echo adds: the header "
        "carries a line break (rejected, or a header injection) or the password a trailing `\\n`.",
        source="RFC 4648 §3.1; Python docs: base64.encodebytes; Ruby docs: Base64.encode64",
        bad='h = {"Authorization": "Basic " + base64.encodebytes(creds).decode()}',
        good='h = {"Authorization": "Basic " + base64.b64encode(creds).decode()}',
        kind="malformed-header",
        severity=_E,
        fixable=True,
    ),
    Rule(
        code=Code.ENCODER_LINE_WRAP,
        name="encoder-line-wrap",
        summary="An encoder wraps its output into lines (MIME, `chunk_split`, GNU `base64`).",
        rationale="MIME base64 breaks lines every 76 characters (RFC 2045 §6.8), GNU `base64` "
        "every 76 unless `-w0`, PHP `chunk_split` every 76: a long credential's header gets a "
        "CRLF or LF inside it.",
        source="RFC 2045 §6.8; RFC 4648 §3.1",
        bad='String h = "Basic " + Base64.getMimeEncoder().encodeToString(creds);',
        good='String h = "Basic " + Base64.getEncoder().encodeToString(creds);',
        kind="malformed-header",
        severity=_E,
        fixable=True,
    ),
    Rule(
        code=Code.URL_SAFE_ALPHABET,
        name="url-safe-alphabet",
        summary="The Basic token is encoded with the URL-safe base64 alphabet.",
        rationale="RFC 7617 uses the standard alphabet (`+` and `/`); `urlsafe_b64encode`, "
        "`base64url`, Go's `URLEncoding` or Java's `getUrlEncoder()` write `-` and `_` instead, "
        "which strict servers reject. Only Basic: a Bearer token (a JWT is base64url by "
        "RFC 7519 §3) or any other token68 may use `-` and `_`.",
        source="RFC 7617 §2; RFC 4648 §4, §5",
        bad='h = {"Authorization": "Basic " + base64.urlsafe_b64encode(creds).decode()}',
        good='h = {"Authorization": "Basic " + base64.b64encode(creds).decode()}',
        kind="malformed-header",
        severity=_E,
        fixable=True,
    ),
    Rule(
        code=Code.DOUBLE_SCHEME,
        name="double-scheme",
        summary="The scheme is added to a value that already starts with a scheme.",
        rationale='`"Bearer " + token` where `token` already holds `Bearer ...` sends '
        "`Bearer Bearer ...`, which no server accepts.",
        source="RFC 9110 §11.4",
        bad='token = "Bearer " + os.environ["T"]\nh = {"Authorization": "Bearer " + token}',
        good='token = os.environ["T"]\nh = {"Authorization": "Bearer " + token}',
        kind="malformed-header",
        severity=_E,
    ),
    Rule(
        code=Code.MISSING_SCHEME,
        name="missing-scheme",
        summary="The header is set to bare credentials, with no scheme.",
        rationale="An Authorization value is `scheme credentials`; a bare base64 token is "
        "answered with 401 (RFC 9110 §11.6.2).",
        source="RFC 9110 §11.4, §11.6.2",
        bad='h = {"Authorization": base64.b64encode(creds).decode()}',
        good='h = {"Authorization": "Basic " + base64.b64encode(creds).decode()}',
        kind="malformed-header",
        severity=_E,
    ),
    Rule(
        code=Code.NOT_BASE64,
        name="not-base64",
        summary="Raw text (a key, `id:secret`, JSON) sits where the Basic token belongs.",
        rationale="Basic credentials are the base64 of `user-id:password` (RFC 7617 §2); the "
        "raw pair or a key as is cannot be decoded by the server.",
        source="RFC 7617 §2",
        bad='h = {"Authorization": f"Basic {key_id}:{key_secret}"}',
        good='h = {"Authorization": "Basic " + base64.b64encode(f"{key_id}:{key_secret}".encode()).decode()}',
        kind="malformed-header",
        severity=_E,
    ),
    Rule(
        code=Code.STRIPPED_EXAMPLE,
        name="stripped-example",
        summary="A documentation example lost its placeholders: its credentials are empty.",
        rationale="Docs exported from a template often drop `[YOUR_KEY_ID]:[YOUR_KEY_SECRET]`, "
        'leaving `curl -u :` or `Bearer ""`; a reader who copies it gets a 401. Reported once '
        "per example line, as a warning, so a docs team can find them all.",
        source="RFC 7617 §2; RFC 6750 §2.1",
        bad="List payments with `curl -u : https://api.razorpay.com/v1/payments`.",
        good="List payments with "
        "`curl -u [YOUR_KEY_ID]:[YOUR_KEY_SECRET] https://api.razorpay.com/v1/payments`.",
        kind="malformed-header",
        severity=_W,
    ),
    Rule(
        Code.LIVE_KEY_ID,
        "live-key-id",
        "A Razorpay live key id is hard-coded.",
        "Live key ids identify a production account; keep them in the environment or a secret "
        "store, and roll the key if it was committed. Not reported where Razorpay's docs put "
        "the key id in client-side code (the checkout options' `key`, `setKeyID(...)`, "
        "`initWithKey(...)`, Flutter's `Razorpay(...)`, the Android manifest's "
        "`com.razorpay.ApiKey`): the key id is the "
        "public half, made to ship to browsers and phones; only the key secret must stay on "
        "the server. There too it is reported when its secret is in the same file.",
        _RZP_DOCS,
        'KEY_ID = "rzp_live_AbCdEfGhIjKlMn"',  # authlint: ignore[AL201]
        'KEY_ID = os.environ["RAZORPAY_KEY_ID"]',
        "secret",
        _E,
    ),
    Rule(
        Code.TEST_KEY_ID,
        "test-key-id",
        "A Razorpay test key id is hard-coded.",
        "Test keys move no money, but a committed one still has to be rolled and usually sits "
        "next to its secret. Like AL201, not reported in a client-side slot Razorpay documents "
        "for the key id, unless its secret is in the same file.",
        _RZP_DOCS,
        'KEY_ID = "rzp_test_AbCdEfGhIjKlMn"',  # authlint: ignore
        'KEY_ID = os.environ["RAZORPAY_KEY_ID"]',
        "secret",
        _W,
    ),
    Rule(
        Code.KEY_SECRET,
        "key-secret",
        "A secret key is hard-coded: a Razorpay key secret, a provider's secret key, or a secret-named setting's literal.",
        "The key secret signs every request; Razorpay's docs say never to share or commit it.",
        _RZP_DOCS,
        'RAZORPAY_KEY_SECRET = "AbCdEfGhIjKlMnOpQrStUvWx"',  # authlint: ignore
        'RAZORPAY_KEY_SECRET = os.environ["RAZORPAY_KEY_SECRET"]',
        "secret",
        _E,
    ),
    Rule(
        Code.BASIC_CREDENTIALS,
        "basic-credentials",
        "A Basic header value carries real credentials (base64 of id:secret).",
        "Base64 is an encoding, not encryption: the header is the key id and secret in clear.",
        "RFC 7617 §4",
        'headers = {"Authorization": "Basic cnpwX2xpdmVfQWJDZEVmR2hJaktsTW46QWJDZEVmR2hJaktsTW5PcFFyU3RVdld4"}',  # authlint: ignore
        'headers = {"Authorization": basic_auth(os.environ["KEY_ID"], os.environ["KEY_SECRET"])}',
        "secret",
        _E,
    ),
    Rule(
        Code.URL_CREDENTIALS,
        "url-credentials",
        "A URL carries a password in its userinfo (`https://id:secret@host`).",
        "RFC 3986 §3.2.1 deprecates `user:password` in URIs; the URL ends up in logs and history.",
        "RFC 3986 §3.2.1",
        "https://rzp_test_AbCdEfGhIjKlMn:AbCdEfGhIjKlMnOpQrStUvWx@api.razorpay.com/v1/orders",  # authlint: ignore
        "https://api.razorpay.com/v1/orders  (with -u from the environment)",
        "secret",
        _E,
    ),
    Rule(
        Code.CURL_USER_CREDENTIALS,
        "curl-user-credentials",
        "`curl -u id:secret` passes literal credentials.",
        "The command line ends up in shell history, CI logs and `ps`; use variables.",
        _RZP_DOCS,
        "curl -u rzp_test_AbCdEfGhIjKlMn:AbCdEfGhIjKlMnOpQrStUvWx https://api.razorpay.com/v1/orders",  # authlint: ignore
        'curl -u "$RAZORPAY_KEY_ID:$RAZORPAY_KEY_SECRET" https://api.razorpay.com/v1/orders',
        "secret",
        _E,
    ),
    Rule(
        Code.CLIENT_CREDENTIALS,
        "client-credentials",
        "Literal credentials are passed to an SDK or HTTP client.",
        "`razorpay.Client(auth=(...))`, `requests.get(..., auth=(...))`, `HTTPBasicAuth(...)`, "
        "axios `auth: {}` and Go's `SetBasicAuth` should read the key from the environment.",
        _RZP_DOCS,
        'razorpay.Client(auth=("rzp_live_AbCdEfGhIjKlMn", "AbCdEfGhIjKlMnOpQrStUvWx"))',  # authlint: ignore
        'razorpay.Client(auth=(os.environ["KEY_ID"], os.environ["KEY_SECRET"]))',
        "secret",
        _E,
    ),
    Rule(
        Code.BEARER_TOKEN,
        "bearer-token",
        "A literal Bearer token is hard-coded.",
        "A bearer token is a credential by itself: whoever holds it is authenticated (RFC 6750 §5).",
        "RFC 6750 §5.3",
        '"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo"',  # authlint: ignore
        '"Authorization": f"Bearer {os.environ[\'API_TOKEN\']}"',
        "secret",
        _E,
    ),
    Rule(
        Code.UNUSED_SUPPRESSION,
        "unused-suppression",
        "An `authlint: ignore` comment suppresses nothing.",
        "Stale suppressions hide the next real finding on that line (ruff's RUF100).",
        "authlint",
        "x = 1  # authlint: ignore[AL201]",
        "x = 1",
        "suppression",
        _W,
    ),
    Rule(
        Code.MALFORMED_SUPPRESSION,
        "malformed-suppression",
        "An `authlint: ignore[...]` comment is malformed or names an unknown code.",
        "A malformed suppression is never widened to a blanket ignore; it is reported instead.",
        "authlint",
        "# authlint: ignore[AL2O1]",
        "# authlint: ignore[AL201]",
        "suppression",
        _E,
    ),
)

# Header codes that only a construction can produce (authlint/construct): never the parser's.
CONSTRUCTION_CODES: frozenset[Code] = frozenset(
    {
        Code.BYTES_REPR,
        Code.ENCODER_NEWLINE,
        Code.ENCODER_LINE_WRAP,
        Code.URL_SAFE_ALPHABET,
        Code.DOUBLE_SCHEME,
        Code.MISSING_SCHEME,
        Code.NOT_BASE64,
    }
)

RULE_BY_CODE: dict[Code, Rule] = {rule.code: rule for rule in RULES}
# Malformed-header codes that only the context checks emit, never the parser (a docs example
# that lost its placeholders is judged in its file, not as a header value).
CONTEXT_ONLY: frozenset[Code] = frozenset({Code.STRIPPED_EXAMPLE})
RULE_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def rule(code: Code) -> Rule:
    return RULE_BY_CODE[code]

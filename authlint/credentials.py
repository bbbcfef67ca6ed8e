"""The parsed credentials, and the formatters that can only build values that parse back."""

from __future__ import annotations

import base64
import re

from authlint import grammar, providers
from authlint.lazyre import lazy
from authlint.record import Record
from authlint.redact import MARK, redact_secret

# The strict profile's control characters: CTL and C1 (see grammar.CONTROL).
_CTL = grammar.control_re
_B64TOKEN = grammar.b64token_re
# What output shows of a scheme or a parameter name. Registered schemes and parameter names are
# short words of letters with at most a version number (Basic, Negotiate, AWS4-HMAC-SHA256,
# SCRAM-SHA-256, oauth_nonce); a key id (`rzp_live_...`, `xoxb-...`) or base64 is not one and may
# be the credentials themselves, as in a value with no scheme.
_NAME_PART = lazy(r"[A-Za-z]{1,12}[0-9]{0,3}|[0-9]{1,3}")
_SCHEME_PARTS = lazy(r"-")
_PARAM_PARTS = lazy(r"[-_]")


def _word_shaped(name: str, parts: re.Pattern[str], longest: int) -> bool:
    if len(name) > longest or not name[:1].isalpha() or not name.isascii():
        return False
    return all(len(p) <= 12 and _NAME_PART.fullmatch(p) for p in parts.split(name))


def scheme_shaped(scheme: str) -> bool:
    """True when ``scheme`` reads as a scheme name, not as a token that may be a secret."""
    return _word_shaped(scheme, _SCHEME_PARTS, 20)


def _shown_param(name: str) -> str:
    return name if _word_shaped(name, _PARAM_PARTS, 22) else redact_secret(name)


# The credentials are public: each field is a read-only property over a private slot, so that
# assigning one raises AttributeError at run time (as a frozen dataclass did), not only in mypy.


class BasicCredentials(Record):
    """RFC 7617 credentials: ``user_id`` and ``password``, split at the first colon."""

    __slots__ = ("_password", "_user_id")
    _fields = ("user_id", "password")

    def __init__(self, user_id: str, password: str) -> None:
        self._user_id = user_id
        self._password = password

    @property
    def user_id(self) -> str:
        return self._user_id

    @property
    def password(self) -> str:
        return self._password

    @property
    def key_mode(self) -> str | None:
        """``"live"`` or ``"test"`` when the user-id is a provider key that says its mode (a
        Razorpay key id, a Stripe secret key: authlint/providers.py), else ``None``."""
        match = providers.key_of(self.user_id)
        return match.mode if match is not None and match.shape.role != "public" else None

    def __repr__(self) -> str:
        # The password never shows, not even its length; the user-id (a key id) shows a prefix.
        return f"BasicCredentials(user_id={redact_secret(self.user_id)!r}, password={MARK!r})"

    __str__ = __repr__


class BearerCredentials(Record):
    """RFC 6750 §2.1 credentials: a b64token."""

    __slots__ = ("_token",)
    _fields = ("token",)

    def __init__(self, token: str) -> None:
        self._token = token

    @property
    def token(self) -> str:
        return self._token

    def __repr__(self) -> str:
        return f"BearerCredentials(token={redact_secret(self.token)!r})"

    __str__ = __repr__


class OtherCredentials(Record):
    """Any other RFC 9110 §11.4 scheme (``rfc`` profile only): a token68 or auth-params."""

    __slots__ = ("_params", "_scheme", "_token68")
    _fields = ("scheme", "token68", "params")

    def __init__(
        self, scheme: str, token68: str | None, params: tuple[tuple[str, str], ...] = ()
    ) -> None:
        self._scheme = scheme
        self._token68 = token68
        self._params = params

    @property
    def scheme(self) -> str:
        return self._scheme

    @property
    def token68(self) -> str | None:
        return self._token68

    @property
    def params(self) -> tuple[tuple[str, str], ...]:
        return self._params

    def __repr__(self) -> str:
        token = None if self.token68 is None else redact_secret(self.token68)
        # Parameter values may be secrets (Digest's response, a signature): names only.
        params = tuple((_shown_param(name), MARK) for name, _ in self.params)
        # A scheme alone may be a bare token (`parse(token, profile="rfc")`): shown redacted.
        alone = self.token68 is None and not self.params
        scheme = self.scheme
        if alone or not scheme_shaped(scheme):
            scheme = redact_secret(scheme)
        return f"OtherCredentials(scheme={scheme!r}, token68={token!r}, params={params!r})"

    __str__ = __repr__


Credentials = BasicCredentials | BearerCredentials | OtherCredentials


def format_basic(user_id: str, password: str) -> str:
    """``Basic base64(user_id:password)``; ValueError for anything the strict parser would refuse.

    Refused: an empty user-id, a colon or control character (C0, DEL or C1) in the user-id, a
    control character in the password, an empty password (the strict profile's AL116), and text that is not
    encodable as UTF-8 (lone surrogates).
    """
    if not user_id:
        raise ValueError("user-id is empty")
    if ":" in user_id:
        raise ValueError("user-id contains a colon (RFC 7617 §2)")
    if _CTL.search(user_id):
        raise ValueError("user-id contains a control character (RFC 7617 §2)")
    if not password:
        raise ValueError("password is empty (refused by the strict profile)")
    if _CTL.search(password):
        raise ValueError("password contains a control character (RFC 7617 §2)")
    try:
        raw = f"{user_id}:{password}".encode()
    except UnicodeEncodeError:
        raise ValueError("user-id or password is not encodable as UTF-8") from None
    return "Basic " + base64.b64encode(raw).decode("ascii")


def format_bearer(token: str) -> str:
    """``Bearer token``; ValueError unless ``token`` is an RFC 6750 §2.1 b64token, or when it is
    a documentation placeholder (`your_token_here`, `XXXX`) that the strict parser refuses."""
    if not _B64TOKEN.fullmatch(token):
        raise ValueError("token is not an RFC 6750 b64token")
    if grammar.placeholder_word_re.fullmatch(token):
        raise ValueError("token is a documentation placeholder")
    return "Bearer " + token

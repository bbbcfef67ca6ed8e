"""The parsed credentials, and the formatters that can only build values that parse back."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from authlint import grammar, providers
from authlint.redact import MARK, redact_secret

_CTL = grammar.ctl_re
_B64TOKEN = grammar.b64token_re


@dataclass(frozen=True, slots=True)
class BasicCredentials:
    """RFC 7617 credentials: ``user_id`` and ``password``, split at the first colon."""

    user_id: str
    password: str

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


@dataclass(frozen=True, slots=True)
class BearerCredentials:
    """RFC 6750 §2.1 credentials: a b64token."""

    token: str

    def __repr__(self) -> str:
        return f"BearerCredentials(token={redact_secret(self.token)!r})"

    __str__ = __repr__


@dataclass(frozen=True, slots=True)
class OtherCredentials:
    """Any other RFC 9110 §11.4 scheme (``rfc`` profile only): a token68 or auth-params."""

    scheme: str
    token68: str | None
    params: tuple[tuple[str, str], ...] = ()

    def __repr__(self) -> str:
        token = None if self.token68 is None else redact_secret(self.token68)
        # Parameter values may be secrets (Digest's response, a signature): names only.
        params = tuple((name, MARK) for name, _ in self.params)
        return f"OtherCredentials(scheme={self.scheme!r}, token68={token!r}, params={params!r})"

    __str__ = __repr__


Credentials = BasicCredentials | BearerCredentials | OtherCredentials


def format_basic(user_id: str, password: str) -> str:
    """``Basic base64(user_id:password)``; ValueError for anything the strict parser would refuse.

    Refused: an empty user-id, a colon or control character in the user-id, a control character
    in the password, an empty password (the strict profile's AL116), and text that is not
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

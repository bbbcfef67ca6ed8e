"""Parse, validate, normalise and redact Authorization header values (first version)."""

from __future__ import annotations

import binascii
import re

from authlint.codes import Code
from authlint.credentials import BasicCredentials, BearerCredentials, Credentials
from authlint.diagnostic import Diagnostic, HeaderError
from authlint.redact import redact_secret

_BASIC = re.compile(r"Basic ([A-Za-z0-9+/]{2,}={0,2})")
_BEARER = re.compile(r"Bearer ([A-Za-z0-9\-._~+/]+=*)")


def _text(value: str | bytes) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value


def parse(value: str | bytes, *, profile: str = "strict") -> Credentials:
    text = _text(value)
    if profile not in ("strict", "rfc"):
        raise ValueError(f"unknown profile {profile!r}")
    match = _BASIC.fullmatch(text)
    if match:
        try:
            raw = binascii.a2b_base64(match.group(1), strict_mode=True)
            decoded = raw.decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            pass
        else:
            user_id, colon, password = decoded.partition(":")
            if colon and user_id and password:
                return BasicCredentials(user_id, password)
    match = _BEARER.fullmatch(text)
    if match:
        return BearerCredentials(match.group(1))
    raise HeaderError([Diagnostic(Code.UNSUPPORTED_SCHEME, "invalid value", 0, len(text))])


def validate(value: str | bytes, *, profile: str = "strict") -> list[Diagnostic]:
    try:
        parse(value, profile=profile)
    except HeaderError as exc:
        return list(exc.diagnostics)
    return []


def normalize(value: str | bytes) -> str:
    text = _text(value)
    parse(text)
    return text


def redact(value: str | bytes) -> str:
    text = _text(value)
    scheme, _, rest = text.strip().partition(" ")
    return f"{scheme} {redact_secret(rest.strip())}" if rest else redact_secret(scheme)

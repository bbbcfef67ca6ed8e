"""What a JSON Web Token (RFC 7519) says about itself, read without a key: is it a whole token,
and has it expired? A literal token that cannot authenticate anyone is not a leaked secret."""

from __future__ import annotations

import binascii
import time
from collections.abc import Callable, Mapping

_FROM_URLSAFE = str.maketrans("-_", "+/")


def _segment(text: str) -> bytes | None:
    """One base64url segment, decoded (padding is optional in JWTs)."""
    try:
        return binascii.a2b_base64(text.translate(_FROM_URLSAFE) + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None


def header_only(value: str) -> bool:
    """`eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9`: a JWT's header segment alone (algorithm and type)
    is public metadata; a token needs the payload and signature segments after it."""
    if not value.startswith("eyJ") or "." in value.rstrip("."):
        return False
    decoded = _segment(value)
    return decoded is not None and decoded.startswith(b"{") and b'"alg"' in decoded


def _claims(value: str) -> dict[str, object] | None:
    """The payload of a JWS compact token (`header.payload.signature`), or None."""
    parts = value.split(".")
    if len(parts) != 3 or not value.startswith("eyJ"):
        return None
    payload = _segment(parts[1])
    if payload is None or not payload.startswith(b"{"):
        return None
    import json  # on a token's first payload: a run without one never imports it

    try:
        claims = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    return claims if isinstance(claims, dict) else None


def unsigned(value: str) -> bool:
    """`header.payload.` with an empty signature (`"alg": "none"`, RFC 7519 §6): anyone can
    write one, so it proves nothing and leaks nothing; tests forge them on purpose."""
    return value.endswith(".") and value.count(".") == 2 and _claims(value) is not None


def written_signature(value: str) -> bool:
    """`header.payload.c2lnbmF0dXJl`: a signature segment that decodes to printable text
    ("signature", "sig-placeholder") was typed, not computed. A real signature is 32 or more
    random bytes, all printable ASCII with a chance of about (95/256)^32, under 1e-13."""
    parts = value.split(".")
    if len(parts) != 3 or not parts[2] or _claims(value) is None:
        return False
    signature = _segment(parts[2])
    return signature is not None and all(32 <= byte < 127 for byte in signature)


def has_claims(value: str, known: Mapping[str, object]) -> bool:
    """A JWT whose payload carries every claim of ``known`` (jwt.io's example, whatever key
    re-signed it)."""
    claims = _claims(value)
    return claims is not None and all(claims.get(k) == v for k, v in known.items())


def expired(value: str, now: float | Callable[[], float] | None = None) -> bool:
    """A JWS compact token (`header.payload.signature`) whose `exp` claim (RFC 7519 §4.1.4) is
    in the past: every server rejects it, so writing it down leaks nothing that still works
    (the signing key is not in it). Tokens without `exp`, or that do not decode, are not."""
    claims = _claims(value)
    exp = claims.get("exp") if claims is not None else None
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        return False
    # ``now`` may be a clock, read only for a token that has an `exp` (FileContext.now).
    moment = time.time() if now is None else now() if callable(now) else now
    return exp < moment

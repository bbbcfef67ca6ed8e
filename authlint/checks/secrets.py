"""AL2xx: hard-coded secrets.

Two passes. The text pass finds what has a shape of its own in any file kind (Razorpay key ids,
key secrets in secret-named fields or next to a key id, Basic tokens that decode to credentials,
URL userinfo, literal Bearer tokens): the prefilter's one pass over the bytes says where its
words are, and the exact pattern runs only there. The candidate pass judges what extractors found in
context (curl -u, SDK and HTTP-client calls).
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterator
from dataclasses import replace

from authlint.checks import FileContext, Hit
from authlint.codes import Code
from authlint.extract import Candidate, Role, Value
from authlint.placeholder import is_known_example, is_placeholder, is_reference, looks_random
from authlint.prefilter import WORDS
from authlint.redact import redact_secret

TEXT_CODES = frozenset(
    {
        Code.LIVE_KEY_ID,
        Code.TEST_KEY_ID,
        Code.KEY_SECRET,
        Code.BASIC_CREDENTIALS,
        Code.URL_CREDENTIALS,
        Code.BEARER_TOKEN,
    }
)
CANDIDATE_CODES = frozenset({Code.CURL_USER_CREDENTIALS, Code.CLIENT_CREDENTIALS})
COMPOSITE_CODES = frozenset(
    {
        Code.BASIC_CREDENTIALS,
        Code.URL_CREDENTIALS,
        Code.CURL_USER_CREDENTIALS,
        Code.CLIENT_CREDENTIALS,
    }
)
KEY_CODES = frozenset({Code.LIVE_KEY_ID, Code.TEST_KEY_ID, Code.KEY_SECRET})

# What each prefilter word is evidence of, for this check.
_ROLE_OF_WORD = {
    b"rzp_": "key",
    b"secret": "field",
    b"passw": "field",
    b"pwd": "field",
    b"://": "url",
    b"basic": "basic",
    b"bearer": "bearer",
}
_ROLES = tuple(_ROLE_OF_WORD.get(word) for word in WORDS)
_SCHEME_GAP = re.compile(r"[ \t]+")
_KEY_ID = re.compile(r"rzp_(live|test)_([A-Za-z0-9]{14})(?![A-Za-z0-9])")
_ALNUM24 = re.compile(r"(?<![A-Za-z0-9_+/=-])[A-Za-z0-9]{24}(?![A-Za-z0-9_+/=-])")
# Where a secret follows a key id in the same statement: `id:secret`, `("id", "secret")`, `id secret`.
_NEAR = 80
# key_secret = "...", "password": "...", RAZORPAY_KEY_SECRET=..., getenv("KEY_SECRET", "...").
_FIELD_VALUE = re.compile(
    r"[A-Za-z0-9_.\-]{0,40}[\"'`\]]?[ \t]{0,5}(?::=|=>|=|:|,)[ \t]{0,5}"
    r"(?:[\"']value[\"'][ \t]{0,5}:[ \t]{0,5})?[\"'`]?"
    r"(?P<value>[A-Za-z0-9]{24})(?![A-Za-z0-9_+/=-])"
)
_USERINFO = re.compile(
    r"://(?P<user>[^\s:/?#@\"'<>\\`]{0,256}):(?P<password>[^\s/?#@\"'<>\\`]{1,256})@"
    r"(?=[A-Za-z0-9\[])"
)
# Standard or base64url (servers that decode leniently take either; the leak is the same).
_B64 = re.compile(r"[A-Za-z0-9+/_-]{8,4096}={0,2}(?![A-Za-z0-9+/=_-])")
_FROM_URLSAFE = str.maketrans("-_", "+/")
# `Basic "token"` and, inside a string literal, `Basic \\"token\\"`: quoted, still a credential.
_OPEN_QUOTE = re.compile(r"\\?[\"']")
_BEARER_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]{20,4096}=*(?![A-Za-z0-9\-._~+/=])")


def _key_id_hit(mode: str, key: str, start: int) -> Hit:
    code = Code.LIVE_KEY_ID if mode == "live" else Code.TEST_KEY_ID
    return Hit(
        start,
        start + len(key),
        code,
        f"Razorpay {mode} key id is hard-coded; read it from the environment"
        + (" and roll the key" if mode == "live" else ""),
        redact_secret(key),
        key,
    )


def _secret_hit(secret: str, start: int, why: str) -> Hit:
    return Hit(
        start,
        start + len(secret),
        Code.KEY_SECRET,
        f"key secret is hard-coded ({why}); read it from the environment and roll the key",
        redact_secret(secret),
        secret,
    )


def _stand_in_user(user: str, password: str) -> bool:
    """`user:password`, `[YOUR_KEY_ID]:x`: an example. But `admin:hunter2pass` is a leak: a
    real-looking password wins over a user name that looks generic."""
    return is_placeholder(user) and not _KEY_ID.fullmatch(user) and not looks_random(password)


def _is_secret(value: str) -> bool:
    return looks_random(value) and not is_placeholder(value)


def _describe_user(user: str) -> str:
    match = _KEY_ID.fullmatch(user)
    if match:
        return f"Razorpay {match.group(1)} key id {redact_secret(user)} and its secret"
    return "a user id and password"


def check_text_secrets(ctx: FileContext) -> Iterator[Hit]:
    text = ctx.text
    seen_secret_at: set[int] = set()
    for pos, word in ctx.anchors:
        kind = _ROLES[word]
        if kind is None:
            continue
        after = pos + len(WORDS[word])
        if kind == "key":
            key = _KEY_ID.match(text, pos)
            if key is None or (pos and (text[pos - 1].isalnum())):
                continue
            if is_placeholder(key.group(2)):
                continue
            yield _key_id_hit(key.group(1), key.group(0), pos)
            near = _ALNUM24.search(text, key.end(), min(len(text), key.end() + _NEAR))
            if near and _is_secret(near.group(0)) and "\n\n" not in text[key.end() : near.start()]:
                seen_secret_at.add(near.start())
                yield _secret_hit(near.group(0), near.start(), "next to a key id")
        elif kind == "field":
            field = _FIELD_VALUE.match(text, after)
            if field is None:
                continue
            value = field.group("value")
            start = field.start("value")
            if start in seen_secret_at or not _is_secret(value):
                continue
            seen_secret_at.add(start)
            yield _secret_hit(value, start, "in a secret-named field")
        elif kind == "url":
            info = _USERINFO.match(text, pos)
            if info is None:
                continue
            user, password = info.group("user"), info.group("password")
            if (
                len(password) < MIN_PASSWORD
                or is_placeholder(password)
                or is_reference(password)
                or is_reference(user)
            ):
                continue
            if _stand_in_user(user, password):
                continue
            yield Hit(
                info.start("user"),
                info.end("password"),
                Code.URL_CREDENTIALS,
                f"URL carries {_describe_user(user)} in its userinfo; roll the password "
                "and pass credentials separately",
                redact_secret(user) + ":" + redact_secret(password),
                f"{user}:{password}",
            )
        elif kind == "basic":
            gap = _SCHEME_GAP.match(text, after)
            if gap is None or (pos and (text[pos - 1].isalnum() or text[pos - 1] == "_")):
                continue
            quote = _OPEN_QUOTE.match(text, gap.end())
            token = _B64.match(text, quote.end() if quote else gap.end())
            if token is not None:
                hit = _basic_credentials(token.group(0), token.start())
                if hit is not None:
                    yield hit
        elif kind == "bearer":
            gap = _SCHEME_GAP.match(text, after)
            if gap is None or (pos and (text[pos - 1].isalnum() or text[pos - 1] == "_")):
                continue
            token = _BEARER_TOKEN.match(text, gap.end())
            if token is None:
                continue
            value = token.group(0)
            if not looks_random(value) or is_placeholder(value) or is_reference(value):
                continue
            yield Hit(
                token.start(),
                token.end(),
                Code.BEARER_TOKEN,
                "literal Bearer token is hard-coded; read it from the environment and revoke it",
                redact_secret(value),
                value,
            )


def _basic_credentials(token: str, start: int) -> Hit | None:
    """AL204 when a Basic token decodes to UTF-8 `id:secret` that is not a placeholder."""
    padded = token.translate(_FROM_URLSAFE) + "=" * (-len(token) % 4)
    try:
        decoded = binascii.a2b_base64(padded, strict_mode=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    user, colon, password = decoded.partition(":")
    if not colon or not user or not password or not decoded.isprintable():
        return None
    if is_placeholder(password) or is_reference(password) or is_reference(user):
        return None
    if _stand_in_user(user, password) or is_known_example(user, password):
        return None
    return Hit(
        start,
        start + len(token),
        Code.BASIC_CREDENTIALS,
        f"Basic token decodes to {_describe_user(user)}; base64 is not encryption: "
        "read them from the environment and roll the key",
        redact_secret(token),
        decoded,
    )


# Shorter than this, a literal password is a test stub (`("u", "p")`), not a secret worth a finding.
MIN_PASSWORD = 6


def _literal_secret(value: Value | None) -> bool:
    return (
        value is not None
        and value.literal
        and len(value.text) >= MIN_PASSWORD
        and not is_reference(value.text)
        and not is_placeholder(value.text)
    )


# Settings files: a key id and its secret there are AL201/AL202 + AL203 on their own lines
# (AL207 is for literals handed to a client call); other id/password pairs are AL207.
CONFIG_KINDS = frozenset({"yaml", "json", "toml", "ini", "dotenv", "terraform"})


def check_candidate_secrets(ctx: FileContext) -> Iterator[Hit]:
    for candidate in ctx.candidates:
        if candidate.role is Role.USERPASS:
            hit = _userpass(candidate)
        elif candidate.role is Role.PAIR:
            if ctx.kind in CONFIG_KINDS and _KEY_ID.fullmatch(candidate.value.text):
                continue
            hit = _pair(candidate)
            if hit is not None and ctx.kind in CONFIG_KINDS and not candidate.value.text:
                # A secret on its own in settings (a Terraform variable's default): the
                # secret-named field is the finding, not a client call.
                hit = replace(
                    hit,
                    code=Code.KEY_SECRET,
                    message="secret is hard-coded in a "
                    "secret-named setting; read it from the environment and roll it",
                )
        else:
            continue
        if hit is not None:
            yield hit


def _userpass(candidate: Candidate) -> Hit | None:
    value = candidate.value
    user, colon, password = value.text.partition(":")
    if not colon or not value.literal:
        return None
    if value.expands and ("$" in user or "$" in password):
        return None
    if not user or len(password) < MIN_PASSWORD or is_reference(password):
        return None
    if is_placeholder(password) or _stand_in_user(user, password):
        return None
    return Hit(
        value.start,
        value.end,
        Code.CURL_USER_CREDENTIALS,
        f"`{candidate.context or 'curl -u'}` passes {_describe_user(user)} literally; use "
        "environment variables",
        redact_secret(user) + ":" + redact_secret(password),
        value.text,
    )


def _pair(candidate: Candidate) -> Hit | None:
    secret = candidate.secret
    if secret is None or not _literal_secret(secret):
        return None
    user = candidate.value
    if secret.expands and "$" in secret.text:
        return None
    start = min(user.start, secret.start)
    end = max(user.end, secret.end)
    user_text = user.text if user.literal else ""
    what = _describe_user(user_text) if user_text else "a secret"
    return Hit(
        start,
        end,
        Code.CLIENT_CREDENTIALS,
        f"`{candidate.context or 'client'}` is given {what} as literals; read them from the "
        "environment",
        (redact_secret(user_text) + ", " if user_text else "") + redact_secret(secret.text),
        f"{user_text}:{secret.text}",
    )


def fold_key_hits(hits: list[Hit]) -> list[Hit]:
    """Drop key-id and key-secret hits that lie inside a composite credential hit.

    `curl -u rzp_live_…:…` is one leak; reporting the key id, the secret and the pair three
    times is noise. The composite finding's message names the key and its mode.
    """
    composites = [(h.start, h.end) for h in hits if h.code in COMPOSITE_CODES]
    if not composites:
        return hits
    return [
        h
        for h in hits
        if h.code not in KEY_CODES
        or not any(start <= h.start and h.end <= end for start, end in composites)
    ]

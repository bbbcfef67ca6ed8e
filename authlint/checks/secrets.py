"""AL2xx: hard-coded secrets.

Two passes. The text pass finds what has a shape of its own in any file kind (provider keys from
authlint/providers.py, key secrets in secret-named fields or next to a key id, Basic tokens that
decode to credentials, URL userinfo, literal Bearer tokens): the prefilter's one pass over the
bytes says where its words are, and the exact pattern runs only there. The candidate pass judges
what extractors found in context (curl -u, SDK and HTTP-client calls).

What is not a leak: a provider's published example key (the table cites where it is printed),
documentation notation, and in test and fixture files, credentials made of test-data words.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterator

from authlint import generated, jwt, providers
from authlint.checks import FileContext, Hit
from authlint.checks.hosts import is_local_host, url_host
from authlint.codes import Code
from authlint.extract import Candidate, Role, Value
from authlint.lazyre import lazy
from authlint.placeholder import (
    KNOWN_JWT_CLAIMS,
    KNOWN_TOKENS,
    is_described_pair,
    is_dummy,
    is_known_example,
    is_notation,
    is_placeholder,
    is_reference,
    looks_random,
)
from authlint.prefilter import KEY_WORDS, WORDS
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
    **dict.fromkeys(KEY_WORDS, "key"),
    b"secret": "field",
    b"passw": "field",
    b"pwd": "field",
    b"://": "url",
    b"basic": "basic",
    b"bearer": "bearer",
}
_ROLES = tuple(_ROLE_OF_WORD.get(word) for word in WORDS)
_SCHEME_GAP = lazy(r"[ \t]+")
_RAZORPAY = providers.BY_NAME["razorpay"]
assert _RAZORPAY.secret_shape is not None
# A key secret without a prefix of its own, as a standalone word (Razorpay's 24 alphanumerics).
_ALNUM24 = lazy(rf"(?<![A-Za-z0-9_+/=-]){_RAZORPAY.secret_shape}(?![A-Za-z0-9_+/=-])")
# Where a secret follows a key id in the same statement: `id:secret`, `("id", "secret")`, `id secret`.
_NEAR = 80
# key_secret = "...", "password": "...", RAZORPAY_KEY_SECRET=..., getenv("KEY_SECRET", "..."),
# and the fallback of an environment lookup: `process.env.KEY_SECRET || "..."`, `?? "..."`.
# After `,`, `||` or `??` (an argument, a fallback) only a quoted value is a literal: a bare
# word there is a name (`string secretName, UpsertSecretRequest body`: a parameter's type).
_FIELD_VALUE = lazy(
    r"(?P<name>[A-Za-z0-9_.\-]{0,40})(?P<close>[\"'`]\]?|\])?[ \t]{0,5}"
    r"(?:(?::=|=>|=|:(?:[ \t]{0,5}[A-Za-z_][A-Za-z0-9_.\[\]]{0,30}[ \t]{0,5}=)?)[ \t]{0,5}"
    r"(?:[\"']value[\"'][ \t]{0,5}:[ \t]{0,5})?(?P<quote>[\"'`]?)"
    r"|(?P<sep>,|\|\||\?\?)[ \t]{0,5}(?P<argquote>[\"'`]))"
    r"(?P<value>[A-Za-z0-9_+/=\-]{16,128})(?![A-Za-z0-9_+/=\-])"
)
# Kinds whose settings are written unquoted (`SESSION_SECRET: value`, `ENV SECRET=value`). In
# source code an unquoted word after `secret =` is a name (`secret = SecretsCollection`).
_BARE_VALUE_KINDS = frozenset({"yaml", "ini", "dotenv", "dockerfile", "shell", "makefile"})
# How far back a secret-named setting's name may start before its secret-named word.
_NAME_BACK = 40
_NAME_CHAR = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")
_USERINFO = lazy(
    r"://(?P<user>[^\s:/?#@\"'<>\\`]{0,256}):(?P<password>[^\s/?#@\"'<>\\`]{1,256})@"
    r"(?=[A-Za-z0-9\[])"
)
# Standard or base64url (servers that decode leniently take either; the leak is the same).
_B64 = lazy(r"[A-Za-z0-9+/_-]{8,4096}={0,2}(?![A-Za-z0-9+/=_-])")
_FROM_URLSAFE = str.maketrans("-_", "+/")
# `Basic "token"` and, inside a string literal, `Basic \\"token\\"`: quoted, still a credential.
_OPEN_QUOTE = lazy(r"\\?[\"']")
_BEARER_TOKEN = lazy(r"[A-Za-z0-9\-._~+/]{8,4096}=*(?![A-Za-z0-9\-._~+/=])")
# Below this, a Bearer token must mix three character classes to count (`Xk29dLq0`, not `abc123`).
_SHORT_TOKEN = 20
_WORD_SPLIT = lazy(r"[_\-.]+")


def _owner(ctx: FileContext, found: providers.Match, key: str) -> str:
    """Whose key: the provider of its shape, or, where providers share the shape, the one the
    file's host or SDK names (else all of them, `Stripe or Paystack`)."""
    owners = providers.sharing(found, key)
    if len(owners) == 1:
        return found.provider.name
    from authlint.checks import target

    named = target.file_choice(ctx).provider
    if named is not None and any(p.name == named for p in owners):
        return named
    return " or ".join(p.name for p in owners)


def _key_hit(
    ctx: FileContext, found: providers.Match, key: str, start: int, *, slot: bool = False
) -> Hit:
    shape = found.shape
    what = f"{_owner(ctx, found, key)} {found.mode + ' ' if found.mode else ''}{shape.name}"
    if shape.role == "key-id" and slot:
        # Reported only because its secret is in the file too (see check_text_secrets).
        code = Code.TEST_KEY_ID if found.mode == "test" else Code.LIVE_KEY_ID
        message = (
            f"{what} is where {found.provider.name}'s docs put it for client-side code, but its "
            "key secret is in this file too; move the secret to the server and roll the key"
        )
    elif shape.role == "key-id":
        code = Code.TEST_KEY_ID if found.mode == "test" else Code.LIVE_KEY_ID
        message = f"{what} is hard-coded; read it from the environment" + (
            "" if found.mode == "test" else " and roll the key"
        )
    else:
        code = Code.KEY_SECRET
        message = f"{what} is hard-coded; read it from the environment and roll it"
    return Hit(start, start + len(key), code, message, redact_secret(key), key)


def _secret_hit(secret: str, start: int, why: str) -> Hit:
    return Hit(
        start,
        start + len(secret),
        Code.KEY_SECRET,
        f"key secret is hard-coded ({why}); read it from the environment and roll the key",
        redact_secret(secret),
        secret,
    )


_RAZORPAY_SECRET = lazy(_RAZORPAY.secret_shape)


def _generic_secret(ctx: FileContext, field: re.Match[str], pos: int) -> bool:
    """A secret without a provider's shape (`SESSION_SECRET`, `SECRET_KEY`, a webhook's signing
    secret): a generated-looking literal assigned to a secret-named setting.

    Not in tests, fixtures, examples or documentation: with no provider's shape to go by, a
    random-looking value there is the test's or the reader's own stand-in (Django test settings
    carry one in every project). Not a name that says the value is public or a reference
    (`SECRET_KEY_ID`, `webhook_secret_env`, `password_hash`): authlint.generated has the words.
    """
    quoted = field.group("quote") or field.group("argquote")
    if quoted:
        end = field.end("value")
        if not ctx.text.startswith(quoted, end):
            return False  # `"abc...:..."`, `"host.abc..."`: the token is not the whole literal
    elif ctx.kind not in _BARE_VALUE_KINDS:
        return False
    if field.group("sep") == "," and not field.group("close"):
        # `hmac.new(secret, "payload")`: only `getenv("X_SECRET", "fallback")` has a quoted
        # name before its comma.
        return False
    if ctx.is_test or ctx.is_docs or ctx.is_example:
        return False
    begin = pos
    while begin > pos - _NAME_BACK and begin > 0 and ctx.text[begin - 1] in _NAME_CHAR:
        begin -= 1
    name = ctx.text[begin : field.end("name")]
    if generated.public_name(name):
        return False
    value = field.group("value")
    return (
        generated.looks_generated(value)
        and not providers.published(value)
        and not _phrase(value)
        and not _typed(value)
    )


def _stand_in_user(user: str, password: str) -> bool:
    """`user:password`, `[YOUR_KEY_ID]:x`, `acme_key_id:acme_key_secret`: an example. But
    `admin:hunter2pass` is a leak: a real-looking password wins over a user name that looks
    generic, and a provider's key as the user is never an example's."""
    if providers.key_of(user):
        return False
    return (is_placeholder(user) and not looks_random(password)) or is_described_pair(
        user, password
    )


def _is_secret(value: str) -> bool:
    return looks_random(value) and not is_placeholder(value) and not providers.published(value)


def _fixture_pair(ctx: FileContext, user: str, password: str, at: int | None = None) -> bool:
    """Where examples are the norm (a test or fixture file; for a pair handed to a client call,
    ``at`` set, also documentation, a comment or a docstring), a pair of test-data words (`user`/`wrongpass`, unicode names, `test`/`test`,
    `tom`/`mot123`, RFC 2617's `Mufasa`/`CircleOfLife`) is what the reader or the code under test
    is given, not a credential that leaked. A provider's secret key shape or a generated-looking
    password still counts; a key id as the user does not (a key id is not the secret:
    AL201/AL202 report it on its own)."""
    if providers.key_of(password):
        return False
    examples = at is not None and (ctx.is_docs or ctx.is_example or _in_prose(ctx, at))
    if not (ctx.is_test or examples):
        return False
    key = providers.key_of(user)
    if key is not None and key.shape.role != "key-id":
        return False
    password = _as_written(password)
    return (
        is_dummy(password)
        or not looks_random(password)
        or _phrase(password)
        or _typed(password)
        or _label(password)
    )


# Words typed by a person, then at most a short number: `mot123`, `withPwd`, `CircleOfLife`,
# `Secret2024`. Generated key material puts digits anywhere and capitals side by side.
_TYPED = lazy(r"(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+){0,3}[0-9]{0,4}")


def _label(value: str) -> bool:
    """Words separated by blanks (`Razorpay API Key Secret`): what a form or a schema shows."""
    return len(value.split()) >= 2 and all(word.isalnum() for word in value.split())


# Digits standing for letters inside a word (`s00pers3cret`, `rapunz3l`, `p4ssw0rd`).
_LEET = str.maketrans("013457", "oieast")
_INNER_DIGITS = lazy(r"(?<=[A-Za-z])[0-9]{1,2}(?=[A-Za-z])")


def _typed(value: str) -> bool:
    if len(value) > 16:
        return False
    # A letter outside ASCII (`Straßenbahn`, `contraseña`) is typed: key material is ASCII.
    value = "".join(_ascii_letter(c) for c in value)
    if _TYPED.fullmatch(value) is not None:
        return True
    word = _INNER_DIGITS.sub(lambda m: m.group().translate(_LEET), value)
    if word == value or _TYPED.fullmatch(word) is None:
        return False
    # A word reads: about a third of its letters are vowels; `xotkzmq` is not one.
    letters = [c for c in word.lower() if c.isalpha()]
    return sum(c in "aeiouy" for c in letters) * 10 >= 3 * len(letters)


def _ascii_letter(char: str) -> str:
    if char.isascii() or not char.isalpha():
        return char
    return "A" if char.isupper() else "a"


def _in_prose(ctx: FileContext, offset: int) -> bool:
    """Inside a comment or a docstring (by the file's syntax tree, where it has one)."""
    syntax = ctx.syntax
    return syntax is not None and syntax.prose_at(offset)


_ESCAPED = lazy(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})|%[0-9A-Fa-f]{2}")


def _as_written(value: str) -> str:
    """The characters a test meant: `test\\xc6\\xb6` is bytes of `testƶ` (an encoding probe),
    `pass%20pass` is `pass pass`; escapes are not key material."""
    if _ESCAPED.search(value) is None:
        return value
    from urllib.parse import unquote

    text = _ESCAPED.sub(lambda m: "\u00e9" if m.group(0)[0] == "\\" else m.group(0), value)
    return unquote(text)


def _published_pair(user: str, password: str) -> bool:
    return bool(providers.published(password)) and (not user or bool(providers.published(user)))


def _describe_user(user: str, password: str = "x") -> str:
    match = providers.key_of(user)
    if match:
        mode = f"{match.mode} " if match.mode else ""
        tail = " and its secret" if password else ""
        return f"{match.provider.name} {mode}{match.shape.name} {redact_secret(user)}{tail}"
    return "a user id and password"


def _phrase(value: str) -> bool:
    """Words joined by `_`, `-` or `.` (`token-with-dashes_and.dots`, `my_access_token_123`):
    an identifier someone typed, not generated key material, which mixes cases within a run."""
    parts = [p for p in _WORD_SPLIT.split(value) if p]
    return len(parts) >= 2 and all(
        (p.islower() and p.isalpha()) or p.isdigit() or is_dummy(p) for p in parts
    )


def _bearer_secret(ctx: FileContext, value: str) -> bool:
    """Is a literal Bearer token a secret? By its shape and where it is, not by length alone."""
    if is_placeholder(value) or is_reference(value) or is_dummy(value) or _phrase(value):
        return False
    if providers.key_of(value):
        return True  # a provider's key, whatever else
    if value in KNOWN_TOKENS or providers.published(value) or not looks_random(value):
        return False
    if generated.stand_in(value):
        return False  # `Bearer xx_<base64 of "access_token">`, `Bearer tok-1234567890abcdef`
    if jwt.header_only(value) or jwt.expired(value, ctx.now) or jwt.unsigned(value):
        return False
    if jwt.has_claims(value, KNOWN_JWT_CLAIMS) or jwt.written_signature(value):
        return False  # jwt.io's example token; a signature typed as text
    classes = sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
        )
    )
    if ctx.is_test and classes < 3:
        return False  # a UUID or hex id the test sends to its own server: test data
    if len(value) < _SHORT_TOKEN:
        # Short: only a run that mixes lower, upper case and digits, outside test data.
        return classes == 3 and not ctx.is_test
    return True


def check_text_secrets(ctx: FileContext) -> Iterator[Hit]:
    """Keys, key secrets and literal credentials, wherever they are written.

    A key id in a slot its provider documents for client-side code (the Standard Checkout's
    `key` option, the Android manifest's `com.razorpay.ApiKey`, `setKeyID(...)`) is the public
    half of the key, meant to ship to browsers and phones: not a finding on its own. It is
    reported only when a key secret of the provider's shape is in the same file: then the pair
    is exposed, and the key must be rolled (both are reported)."""
    text = ctx.text
    seen_secret_at: set[int] = set()
    in_slots: list[tuple[providers.Match, str, int]] = []  # key ids in a client-side slot
    secret_found = False
    for pos, word in ctx.anchors:
        kind = _ROLES[word]
        if kind is None:
            continue
        after = pos + len(WORDS[word])
        if kind == "key":
            found = providers.match_key(text, pos)
            if found is None or found.shape.role == "public":
                continue
            end = providers.key_span(text, pos)
            key = text[pos:end]
            body = key[len(found.shape.prefix) :].split("_", 1)[-1]
            if is_placeholder(body) or providers.published(key):
                continue
            if found.shape.role == "key-id" and ctx.in_client_slot(found.provider, pos, end):
                in_slots.append((found, key, pos))
            else:
                yield _key_hit(ctx, found, key, pos)
            secret_shape = providers.secret_shape_of(found.provider)
            if found.shape.role != "key-id" or secret_shape is None:
                continue
            near = _ALNUM24.search(text, end, min(len(text), end + _NEAR))
            if near and _is_secret(near.group(0)) and "\n\n" not in text[end : near.start()]:
                seen_secret_at.add(near.start())
                secret_found = True
                yield _secret_hit(near.group(0), near.start(), "next to a key id")
        elif kind == "field":
            field = _FIELD_VALUE.match(text, after)
            if field is None:
                continue
            value = field.group("value")
            start = field.start("value")
            if start in seen_secret_at:
                continue
            if _RAZORPAY_SECRET.fullmatch(value):
                if (
                    not _is_secret(value)
                    or generated.reads_as_words(value)
                    or generated.stand_in(value)
                ):
                    continue  # `'AbstractBasicAuthHandler'` after a `'...Password...',`
                why = "in a secret-named field"
                secret_found = True
            elif _generic_secret(ctx, field, pos):
                why = "a generated-looking value in a secret-named setting"
            else:
                continue
            seen_secret_at.add(start)
            yield _secret_hit(value, start, why)
        elif kind == "url":
            info = _USERINFO.match(text, pos)
            if info is None:
                continue
            user, password = info.group("user"), info.group("password")
            host = url_host(text, info.end())
            if not _url_secret(ctx, user, password, host, info.start("user")):
                continue
            where = "a local host" if is_local_host(host) else f"host {host}"
            yield Hit(
                info.start("user"),
                info.end("password"),
                Code.URL_CREDENTIALS,
                f"URL to {where} carries {_describe_user(user)} in its userinfo; roll the "
                "password and pass credentials separately",
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
                hit = _basic_credentials(ctx, token.group(0), token.start())
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
            if providers.key_of(value) is not None:
                continue  # a provider's key: the key rules name it (whose, which mode) once
            if not _bearer_secret(ctx, value):
                continue
            yield Hit(
                token.start(),
                token.end(),
                Code.BEARER_TOKEN,
                "literal Bearer token is hard-coded; read it from the environment and revoke it",
                redact_secret(value),
                value,
            )
    if secret_found:
        for found, key, pos in in_slots:
            yield _key_hit(ctx, found, key, pos, slot=True)


def _url_secret(ctx: FileContext, user: str, password: str, host: str, at: int) -> bool:
    """Credentials in a URL, judged by where they are sent.

    To a public host, any literal password counts (`root:root@db.example-cloud.net` opens a real
    server), unless it is documentation notation. To a local or documentation host (loopback,
    a compose service name, `.local`, `example.com`, `.test`), a default such as `user:pass` is
    how local stacks and docs are written: only a real-looking password counts there.
    """
    if not password or is_reference(password) or is_reference(user):
        return False
    if is_notation(password) or providers.published(password):
        return False
    if _fixture_pair(ctx, user, password):
        return False
    if _label(_as_written(password)) and _in_prose(ctx, at):
        return False  # `https://jo%40email.com:a%20secret@host` in a docstring: a phrase
    if ctx.is_docs and (is_placeholder(password) or is_dummy(password)):
        return False  # `https://user:password@proxy.corp.com` in a README is notation
    if not is_local_host(host):
        return True
    # Local: the stack's own default (`postgres:postgres@db`, `:devpassword@redis`) is what
    # compose files and dev settings write; only a generated-looking password is a leak.
    if len(password) < MIN_PASSWORD or is_placeholder(password) or not looks_random(password):
        return False
    if _typed(_as_written(password)):
        return False  # `user:withPwd@proxy`: a word someone typed for the local stack
    return not _stand_in_user(user, password)


def _basic_credentials(ctx: FileContext, token: str, start: int) -> Hit | None:
    """AL204 when a Basic token decodes to UTF-8 `id:secret` that is not a placeholder, or to a
    provider's key with the empty password its API documents (`sk_live_...:`)."""
    padded = token.translate(_FROM_URLSAFE) + "=" * (-len(token) % 4)
    try:
        decoded = binascii.a2b_base64(padded, strict_mode=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    user, colon, password = decoded.partition(":")
    if not colon or not user or not decoded.isprintable():
        return None
    key = providers.key_of(user)
    if not password:
        if key is None or key.shape.role != "secret" or providers.published(user):
            return None
    elif (
        is_placeholder(password)
        or is_reference(password)
        or is_reference(user)
        or _stand_in_user(user, password)
        or is_known_example(user, password)
        or _published_pair(user, password)
        or _fixture_pair(ctx, user, password)
    ):
        return None
    return Hit(
        start,
        start + len(token),
        Code.BASIC_CREDENTIALS,
        f"Basic token decodes to {_describe_user(user, password)}; base64 is not encryption: "
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
        and not providers.published(value.text)
    )


# Settings files: a key id and its secret there are AL201/AL202 + AL203 on their own lines
# (AL207 is for literals handed to a client call); other id/password pairs are AL207.
CONFIG_KINDS = frozenset({"yaml", "json", "toml", "ini", "dotenv", "terraform"})


def check_candidate_secrets(ctx: FileContext) -> Iterator[Hit]:
    for candidate in ctx.candidates:
        if candidate.role is Role.USERPASS:
            hit = _userpass(ctx, candidate)
        elif candidate.role is Role.PAIR:
            if ctx.kind in CONFIG_KINDS and providers.key_of(candidate.value.text):
                continue
            hit = _pair(ctx, candidate)
            secret = candidate.secret
            if (
                hit is not None
                and secret is not None
                and ctx.kind in CONFIG_KINDS
                and not (candidate.value.literal and candidate.value.text)
            ):
                # A secret on its own in settings (a Terraform variable's default, a CI `env:`
                # whose id is `${{ secrets.KEY_ID }}`): the secret-named field is the finding,
                # at the secret, not a client call spanning the reference.
                hit = hit.replace(
                    start=secret.start,
                    end=secret.end,
                    snippet=redact_secret(secret.text),
                    secret=secret.text,  # the same problem as a field finding on the line
                    code=Code.KEY_SECRET,
                    message="secret is hard-coded in a "
                    "secret-named setting; read it from the environment and roll it",
                )
        else:
            continue
        if hit is not None:
            yield hit


def _userpass(ctx: FileContext, candidate: Candidate) -> Hit | None:
    value = candidate.value
    user, colon, password = value.text.partition(":")
    if not colon or not value.literal:
        return None
    if value.expands and ("$" in user or "$" in password):
        return None
    if not user or len(password) < MIN_PASSWORD or is_reference(password):
        return None
    if is_placeholder(password) or _stand_in_user(user, password) or is_notation(value.text):
        return None
    if _published_pair(user, password) or _fixture_pair(ctx, user, password, value.start):
        return None
    if is_known_example(user, password):
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


def _pair(ctx: FileContext, candidate: Candidate) -> Hit | None:
    secret = candidate.secret
    if secret is None or not _literal_secret(secret):
        return None
    user = candidate.value
    if secret.expands and "$" in secret.text:
        return None
    if _fixture_pair(ctx, user.text if user.literal else "", secret.text, user.start):
        return None
    if user.literal and is_known_example(user.text, secret.text):
        return None
    if user.literal and _label(user.text) and _label(secret.text):
        return None  # `"key_id": "Razorpay API Key ID"`: a schema describing its fields
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


def literal_secret(ctx: FileContext, value: str, code: Code) -> bool:
    """Does a literal that reaches a credential sink (found by the construction analysis) leak
    a secret? The same judgement the line readers make of a literal in place: a Bearer token by
    its shape and where it is; any other secret is test data in a test when it reads as one."""
    if providers.published(value) or value in KNOWN_TOKENS:
        return False
    key = providers.key_of(value)
    if key is not None and key.shape.role != "secret":
        # A key id (the user half of a Basic pair) is not the secret: the key-id rules (AL201,
        # AL202) report it where it is written, with their own judgement of test data.
        return False
    if code is Code.BEARER_TOKEN:
        return _bearer_secret(ctx, value)
    if jwt.expired(value, ctx.now) or jwt.header_only(value) or jwt.unsigned(value):
        return False
    if jwt.has_claims(value, KNOWN_JWT_CLAIMS) or jwt.written_signature(value):
        return False
    if code is Code.BASIC_CREDENTIALS and _example_token(value):
        return False
    return not _fixture_pair(ctx, "", value)


def _example_token(token: str) -> bool:
    """A Basic token of the RFCs' example credentials (RFC 7617's `Aladdin:open sesame`)."""
    try:
        decoded = binascii.a2b_base64(token, strict_mode=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return False
    user, colon, password = decoded.partition(":")
    return bool(colon) and is_known_example(user, password)

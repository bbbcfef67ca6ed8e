"""Does a literal in a secret-named setting look machine-generated? The generic key secret.

A secret without a provider's shape (`SESSION_SECRET`, Django's `SECRET_KEY`, a webhook's
signing secret) is recognised by two things together: the name it is assigned to (the scanner's
secret-named words: `secret`, `passw`, `pwd`) and a value that a generator made, not a person:
one token of one alphabet (hex, or base64 / URL-safe base64 with its `+/` or `-_` and `=`
padding), 16 to 128 characters, with as much variety as random output of that alphabet has.

The thresholds are measured (bench/README.md, "Generic secrets"): for random strings of each
alphabet and length, 99.9% have a Shannon entropy above ``_ENTROPY_SLOPE * log2(n)`` (base64:
3.25 bits at 16 characters, 4.1 at 32, 4.8 at 64; hex is lower, its alphabet being 16
symbols) and fewer characters in word-like runs than ``_word_limit(n)``; identifiers, phrases
and version strings of the same lengths mostly fail one or the other, and a secret-named
setting rarely holds them anyway.

A leaf module: stdlib and authlint.placeholder only, patterns compiled on first use.
"""

from __future__ import annotations

import base64
import math
from collections import Counter

from authlint.lazyre import lazy
from authlint.placeholder import is_dummy, is_placeholder, is_reference, low_variety

MIN_LENGTH = 16
MAX_LENGTH = 128

# One alphabet per token: hex in one case; standard base64 (`+/`) or URL-safe (`-_`), padded at
# the end only. A value mixing `+` with `_` or holding `.` or `:` is something else (a version,
# a path, a host).
_HEX = lazy(r"[0-9a-f]+|[0-9A-F]+")
_BASE64 = lazy(r"[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+={0,2}")

# Entropy (bits per character) below which a value is too regular to be random output, as a
# multiple of log2(length): the 0.1st percentile of random strings measured 0.63 log2(n) for hex
# and 0.81 log2(n) for base62/base64, capped where the alphabet's own ceiling bends the curve.
_ENTROPY_SLOPE = {"hex": 0.6, "base64": 0.8}
_ENTROPY_CAP = {"hex": 3.5, "base64": 4.8}

# Runs of a word: a capitalised or lower-case run of three or more letters holding a vowel
# (`Session`, `secret`), or an acronym (`HTTP`). Random base64 has such runs too, by chance; a
# phrase or an identifier (`MySessionSecretKey`, `test_bug_1467852`) is mostly made of them.
_SEGMENT = lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[^A-Za-z0-9]+")
_VOWEL = frozenset("aeiouyAEIOUY")
_MIN_RUNS = 0.25

# Names of settings that hold something public beside a secret, or a secret's reference rather
# than the secret: `webhook_secret_id`, `publishable_key`, `SECRET_KEY_ENV`, `password_hash`.
# Matched against the name's words (split at `_`, `-`, `.` and case changes).
PUBLIC_NAME_WORDS = frozenset(
    {
        "id",
        "ids",
        "public",
        "publishable",
        "pub",
        "name",
        "names",
        "env",
        "var",
        "file",
        "path",
        "dir",
        "url",
        "uri",
        "ref",
        "arn",
        "hash",
        "hashed",
        "digest",
        "checksum",
        "sha",
        "sha1",
        "sha256",
        "md5",
        "fingerprint",
        "length",
        "len",
        "size",
        "prefix",
        "version",
        "field",
        "header",
        "param",
        "type",
        "format",
        "regex",
        "pattern",
        "label",
        # Quantities and policies beside a secret: `API_KEY_RATE_LIMIT`, `SECRET_TTL`,
        # `PASSWORD_MAX_AGE` hold `60/minute`, `3600`, not the secret.
        "limit",
        "rate",
        "ttl",
        "timeout",
        "expiry",
        "lifetime",
        "age",
        "max",
        "min",
        "count",
        "rounds",
        "iterations",
    }
)
# Values that say they are a development key: Django's startproject writes `SECRET_KEY =
# "django-insecure-..."` into every new project's settings, and `manage.py check --deploy`
# (security.W009) reports it where it matters, in production settings. Reporting it here too
# would flag every tutorial and starter repository for a key its generator labels insecure.
DEV_KEY_PREFIXES = ("django-insecure-",)
_PART_SPLIT = lazy(r"[-_]")
# A constant's name: upper-case parts joined by `_`. Random URL-safe base64 of 16 characters or
# more has a lower-case letter but for about one draw in 4,000 ((38/64)**16).
_CONSTANT = lazy(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_NAME_WORD = lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")


def entropy(value: str) -> float:
    """Shannon entropy of ``value``'s characters, in bits per character."""
    size = len(value)
    return -sum(n / size * math.log2(n / size) for n in Counter(value).values())


def _word_limit(size: int) -> float:
    # The 99.9th percentile of the share of random base64 in word-like runs: 0.9 at 16
    # characters, 0.75 at 32, 0.6 at 64 (shorter strings have more room for chance words).
    return 0.9 - 0.15 * (math.log2(size) - 4)


def _wordy(value: str) -> float:
    covered = sum(
        len(run)
        for run in (m.group() for m in _SEGMENT.finditer(value))
        if len(run) >= 3 and run.isalpha() and not _VOWEL.isdisjoint(run)
    )
    return covered / max(1, sum(c.isalnum() for c in value))


def alphabet(value: str) -> str | None:
    """ "hex" or "base64" when ``value`` is one token of one of those alphabets, else None."""
    if _HEX.fullmatch(value):
        return "hex"
    if _BASE64.fullmatch(value):
        return "base64"
    return None


def stand_in(value: str) -> bool:
    """A made-up value dressed as a key: a part (between `-` or `_`, 8 characters or more) that
    is a keyboard run (`sk-lf-1234567890abcdef`: prefixed keys are judged by their body), or
    base64 whose decoding is a placeholder (`ZXhhbXBsZS1hcHAtc2VjcmV0` is `example-app-secret`),
    whole or after a prefix.
    Random output has neither: a run of 8 consecutive characters comes up about once in 62**7
    draws, and 12 random bytes are all printable text about once in 150,000."""
    if any(low_variety(part[:64]) for part in _PART_SPLIT.split(value) if len(part) >= 8):
        return True
    # The whole value, or the body after a prefix (`DMS_` + base64 of `access_token`).
    for encoded in {value, _PART_SPLIT.split(value)[-1]}:
        text = _decoded_text(encoded)
        if text is not None and (is_placeholder(text) or is_dummy(text)):
            return True
    return False


def _decoded_text(value: str) -> str | None:
    """The printable ASCII text that base64 ``value`` encodes, if it encodes text."""
    if len(value) % 4 or not _BASE64.fullmatch(value):
        return None
    try:
        raw = base64.b64decode(value, altchars=b"-_" if "-" in value or "_" in value else None)
    except ValueError:
        return None
    if not raw or not all(32 <= byte < 127 for byte in raw):
        return None
    return raw.decode("ascii")


def looks_generated(value: str) -> bool:
    """One token of 16 to 128 characters that random output of its alphabet could be, and no
    placeholder, template, test-data word, phrase or keyboard run."""
    size = len(value)
    if not MIN_LENGTH <= size <= MAX_LENGTH:
        return False
    kind = alphabet(value)
    if kind is None or value.startswith(DEV_KEY_PREFIXES):
        return False
    if entropy(value) < min(_ENTROPY_SLOPE[kind] * math.log2(size), _ENTROPY_CAP[kind]):
        return False
    # `aaaa...`, `1234567890abcdef...`. Of hex, the first 64 characters: a longer random hex
    # string uses all 16 digits, which low_variety's distinct-count bound would call too few.
    if low_variety(value[:64] if kind == "hex" else value) or stand_in(value):
        return False
    if kind == "hex":
        # Random hex of 16+ characters holds both digits and letters (the chance it does not
        # is below 0.06%); `0000111122223333` or `deadbeefcafebabe`-style words do not.
        # No placeholder word or notation is spelt in hex digits (and is_placeholder's own
        # variety bound would reject any long random hex); test-data runs (`abc123...`) are.
        has_both = any(c.isdigit() for c in value) and any(c.isalpha() for c in value)
        return has_both and not is_dummy(value)
    else:
        classes = (
            any(c.islower() for c in value)
            + any(c.isupper() for c in value)
            + any(c.isdigit() for c in value)
        )
        if classes < 2 or _wordy(value) >= _word_limit(size) or reads_as_words(value):
            return False
        if _CONSTANT.fullmatch(value):
            return False  # `SMTP_OAUTH2_REFRESH_TOKEN`: a constant's name, listed beside another
    return not (is_placeholder(value) or is_reference(value) or is_dummy(value))


def reads_as_words(value: str) -> bool:
    """Few, long runs (`IAmSensitiveBytes`, `AbstractBasicAuthHandler`: 0.17 to 0.24 runs per
    character) are words joined; random base64 changes class about every other character (99.9%
    of samples above 0.25 runs per character from 20 characters on, 0.19 at 16)."""
    return len(_SEGMENT.findall(value)) < _MIN_RUNS * len(value)


def public_name(name: str) -> bool:
    """Does a secret-named setting's name say it holds something public or a reference
    (`webhook_secret_id`, `SECRET_KEY_FILE`, `password_hash`)?"""
    words = {m.group().lower() for m in _NAME_WORD.finditer(name)}
    return not words.isdisjoint(PUBLIC_NAME_WORDS)

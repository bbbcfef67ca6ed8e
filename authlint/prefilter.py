"""Where in a file could anything be? One case-insensitive multi-literal pass over the bytes.

Most files in a repository hold none of these words and are done after this pass. In the rest,
the positions found are where the exact (slower) patterns run. Two engines give the same
answer: Hyperscan (about 2 GB/s here, measured in bench/bench_prefilter.py) for large inputs,
and `bytes.lower()` plus `bytes.find` loops (about 150 MB/s) for small ones, where importing
Hyperscan and compiling its database would cost more than the scan itself (pre-commit's case).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from authlint.providers import PREFILTER_WORDS

# Lower-case literals. Every check and extractor needs one of these near what it reports: a
# file without any is done. The first ones are the providers' key prefixes
# (authlint/providers.py: `rzp_`, `sk_live_`...).
KEY_WORDS: tuple[bytes, ...] = PREFILTER_WORDS
GATE_WORDS: tuple[bytes, ...] = (
    *KEY_WORDS,
    b"secret",  # key_secret, client_secret, secrets.X
    b"passw",  # password, passwd
    b"pwd",
    b"://",  # URL userinfo
    b"basic",  # Basic scheme, HTTPBasicAuth, SetBasicAuth, basic_auth
    b"bearer",
    b"auth",  # Authorization, auth=, and authlint's own suppression comments
    b"curl",  # curl -u / -H
    b"wget",
    b"--user",
    b"razorpay",  # SDK constructors
    b"key_id",
)
# The source-code extractor's keywords (extract/code.py): where a header key, a credentials call
# or an encoder's name can be. Found in the same pass, so the extractor never searches the text
# again; the ones that are not gate words do not open a file by themselves (`base64` alone is
# nothing to check). PHP's `new Api(...)` is searched by that extractor itself: `api` is in
# four of ten service files, and most of its hits would be noise to every other reader.
CODE_WORDS: tuple[bytes, ...] = (
    b"auth",
    b"basic",
    b"bearer",
    b"razorpay",
    b"credential",  # NetworkCredential, UsernamePasswordCredentials, Credentials.basic
    b"base64",  # base64_encode, ToBase64String
    b"b64",  # b64encode
    b"btoa",
    b"buffer.from",
    b"encode64",  # Ruby's Base64.strict_encode64
    b"encodetostring",  # Go's base64.StdEncoding.EncodeToString
    b"userpwd",  # CURLOPT_USERPWD
    b"add_password",  # urllib's HTTPPasswordMgr.add_password
)
WORDS: tuple[bytes, ...] = GATE_WORDS + tuple(w for w in CODE_WORDS if w not in GATE_WORDS)
# Indices below this are gate words.
GATE = len(GATE_WORDS)
# The words that can call for a syntax tree, by index: the header's own (`authorization`, a
# scheme), a sink's name in some language's table, a fallback's secret-named word. Which of them
# do, and where, construct/anchors.py works out from the lowerings' tables; a file whose anchors
# hold none of these (a URL, a key prefix, `base64`) is told no without importing any of that.
# tests/test_construct.py checks this is exactly what the tables ask for.
TREE_WORDS: frozenset[int] = frozenset(
    WORDS.index(word)
    for word in (
        b"auth",
        b"basic",
        b"bearer",
        b"secret",
        b"passw",
        b"key_id",
        b"curl",
        b"wget",
        b"--user",
        b"razorpay",
        b"credential",
        b"add_password",
    )
)
# The words of an encoder, by index: a documented code block is read by the construction
# analysis only when it encodes something (`base64`, `btoa`, `Buffer.from`): a block that writes
# its header as a literal is the line readers' (checks.FileContext.fenced).
ENCODER_WORDS: frozenset[int] = frozenset(
    WORDS.index(word)
    for word in (b"base64", b"b64", b"btoa", b"buffer.from", b"encode64", b"encodetostring")
)
# Input size from which Hyperscan pays for its import (about 16 ms) and database compile.
HYPERSCAN_MIN_BYTES = 4 * 1024 * 1024

Anchors = list[tuple[int, int]]  # (byte offset of the word, index into WORDS), sorted


def python_anchors(data: bytes) -> Anchors:
    lowered = data.lower()  # ASCII-only lowering: byte offsets stay put
    out: Anchors = []
    for index, word in enumerate(WORDS):
        find = lowered.find
        position = find(word)
        while position != -1:
            out.append((position, index))
            position = find(word, position + 1)
    out.sort()
    return out


_database: Any = None


def _hyperscan_database() -> Any:
    global _database  # noqa: PLW0603 - compiled once per process, on first large input
    if _database is None:
        import re

        import hyperscan

        database = hyperscan.Database()
        database.compile(
            expressions=[re.escape(word.decode()).encode() for word in WORDS],
            ids=list(range(len(WORDS))),
            elements=len(WORDS),
            flags=[hyperscan.HS_FLAG_CASELESS] * len(WORDS),
        )
        _database = database
    return _database


_LENGTHS = tuple(len(word) for word in WORDS)


def hyperscan_anchors(data: bytes) -> Anchors:
    out: Anchors = []
    append = out.append

    # Called once per match, from C: as little work as can be (a file can hold thousands).
    def on_match(
        index: int,
        start: int,
        end: int,
        flags: int,
        context: object,
        *,
        lengths: tuple[int, ...] = _LENGTHS,
    ) -> None:
        append((end - lengths[index], index))

    _hyperscan_database().scan(data, match_event_handler=on_match)
    if out:
        out.sort()
    return out


def _hyperscan_available() -> bool:
    try:
        _hyperscan_database()
    except Exception:  # no wheel for this platform, or a broken install
        return False
    return True


_large_engine: Callable[[bytes], Anchors] | None = None
_prefer_hyperscan = False


def prefer_hyperscan(prefer: bool = True) -> None:
    """Use Hyperscan (when installed) for every input: for runs over many files, where its
    one-time start-up is paid back many times over."""
    global _prefer_hyperscan  # noqa: PLW0603
    _prefer_hyperscan = prefer


def anchors(data: bytes) -> Anchors:
    """Every occurrence of every word in ``data``, case-insensitively, sorted by offset."""
    global _large_engine  # noqa: PLW0603
    if not _prefer_hyperscan and len(data) < HYPERSCAN_MIN_BYTES:
        return python_anchors(data)
    if _large_engine is None:
        _large_engine = hyperscan_anchors if _hyperscan_available() else python_anchors
    return _large_engine(data)


def opens(found: Anchors) -> bool:
    """Does a gate word occur among ``found``: is there anything in the file to check?"""
    # No anchor, or a gate word first, decides most files without starting a generator.
    return bool(found) and (found[0][1] < GATE or any(index < GATE for _, index in found))


def might_open(data: bytes) -> bool:
    """``opens(anchors(data))`` without listing the anchors: for small inputs, such as the
    added lines of one commit."""
    lowered = data.lower()
    return any(word in lowered for word in GATE_WORDS)


def char_offsets(data: bytes, found: Anchors) -> Anchors:
    """Byte offsets of UTF-8 ``data`` as offsets into its decoded text (errors="replace").

    Every word is ASCII, and an ASCII byte never sits inside a multi-byte sequence, so decoding
    the stretches between anchors one by one gives the same text as decoding the whole.
    """
    if data.isascii():
        return found
    out: Anchors = []
    byte_at = char_at = 0
    for offset, index in found:
        char_at += len(data[byte_at:offset].decode("utf-8", "replace"))
        byte_at = offset
        out.append((char_at, index))
    return out

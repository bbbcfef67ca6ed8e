"""What the ASGI and WSGI middleware share: the check, the challenge and the 401 answer.

The answer to a malformed value is RFC 9110 §11.6.1's 401 with a ``WWW-Authenticate: Basic``
challenge carrying RFC 7617 §2.1's ``charset="UTF-8"``, and an RFC 9457 problem+json body. The
body names the AL code, the span and the fix; diagnostic messages never quote the value, so
the credentials are never in the body or the log.
"""

from __future__ import annotations

import json
import logging
import re

from authlint.credentials import Credentials
from authlint.diagnostic import HeaderError

log = logging.getLogger("authlint.guard")

# The key under which the parsed credentials go on the ASGI scope or WSGI environ (dotted, as
# the WSGI spec's own keys are); ``None`` when the request has no Authorization header.
CREDENTIALS_KEY = "authlint.credentials"

# The body lists at most this many diagnostics and counts the rest in ``more_errors``: a header
# of a few KB can hold thousands of problems (one per space or control character), and one entry
# each would turn an 8 KB request into a 400 KB answer. The first ones are what a client fixes.
MAX_ERRORS = 10

# RFC 9110 §5.6.4: quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE, with
# qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text; `"` and `\` go as quoted-pairs.
_QDTEXT_OR_PAIR = re.compile(r"[\t\x20-\x7e\x80-\xff]*")


def challenge(realm: str) -> str:
    """``Basic realm="...", charset="UTF-8"``; ValueError for a realm no quoted-string holds."""
    if not _QDTEXT_OR_PAIR.fullmatch(realm):
        raise ValueError("realm must be printable ISO-8859-1 text (no CR, LF or other controls)")
    quoted = realm.replace("\\", "\\\\").replace('"', '\\"')
    return f'Basic realm="{quoted}", charset="UTF-8"'


def check_profile(profile: str) -> str:
    from authlint.grammar import PROFILES

    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {PROFILES}")
    return profile


def parse_value(value: str, profile: str) -> Credentials | HeaderError:
    """The credentials, or the error that lists the diagnostics."""
    from authlint.header import parse

    try:
        return parse(value, profile=profile)
    except HeaderError as error:
        return error


def problem_body(error: HeaderError | None) -> bytes:
    """The RFC 9457 body: ``about:blank`` (the status says it all) plus extension members."""
    body: dict[str, object] = {"type": "about:blank", "title": "Unauthorized", "status": 401}
    if error is None:
        body["detail"] = "an Authorization header is required"
    else:
        primary = error.primary
        body["detail"] = f"malformed Authorization header: {primary.message}"
        body["code"] = str(primary.code)
        body["span"] = {"start": primary.start, "end": primary.end}
        if primary.fix is not None:
            body["fix"] = primary.fix
        body["errors"] = [
            {
                "code": str(d.code),
                "message": d.message,
                "start": d.start,
                "end": d.end,
                "fix": d.fix,
            }
            for d in error.diagnostics[:MAX_ERRORS]
        ]
        if len(error.diagnostics) > MAX_ERRORS:
            body["more_errors"] = len(error.diagnostics) - MAX_ERRORS
    return json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def log_rejection(error: HeaderError | None, method: str, path: str) -> None:
    # Code and span only: the value (even redacted) stays out of logs that many people read.
    # The path percent-encoded, as uvicorn's access log has it: ASGI paths are decoded, and a
    # %0A in one would otherwise start a forged log line.
    from urllib.parse import quote

    path = quote(path, safe="/:@!$&'()*+,;=~")
    if error is None:
        log.info("401 %s %s: no Authorization header", method, path)
    else:
        d = error.primary
        log.info(
            "401 %s %s: malformed Authorization header: %s at %d-%d",
            method,
            path,
            d.code,
            d.start,
            d.end,
        )

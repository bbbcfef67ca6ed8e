import logging
import re

log = logging.getLogger(__name__)

# Authorization: Basic base64(key_id:key_secret) -- we never log the token part.
_AUTH_RE = re.compile(r"^(Basic|Bearer) (.+)$")


def redact(value: str) -> str:
    m = _AUTH_RE.match(value)
    if not m:
        return "<malformed>"
    return f"{m.group(1)} {m.group(2)[:4]}..."


def log_request(method: str, url: str, headers: dict) -> None:
    auth = headers.get("Authorization")
    log.info("%s %s auth=%s", method, url, redact(auth) if auth else "-")

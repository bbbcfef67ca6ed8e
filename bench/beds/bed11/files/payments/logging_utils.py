import logging
import re

log = logging.getLogger("payments.http")

_AUTH_RE = re.compile(r"(Authorization:\s*)(Basic|Bearer)\s+\S+", re.IGNORECASE)


def redact(text):
    return _AUTH_RE.sub(r"\1\2 ****", text)


def log_request(method, url, headers):
    safe = dict(headers)
    if "Authorization" in safe:
        scheme = safe["Authorization"].split(" ", 1)[0]
        safe["Authorization"] = f"{scheme} ****"
    log.info("%s %s headers=%s", method, url, safe)


class AuthConfigError(Exception):
    pass


def check_header(value):
    if not value.startswith("Basic "):
        raise AuthConfigError("Authorization header must look like 'Basic <base64(key_id:key_secret)>'")
    log.debug("outgoing Authorization: Basic ****(redacted)")

"""The one place a secret becomes output-safe text."""

from __future__ import annotations

from authlint.providers import KEY_PREFIXES

# How many characters of a secret may be shown. Four characters of a 24-character alphanumeric
# secret leave 20 unknown (about 119 bits), and tell a human which key it was.
SHOWN = 4
MARK = "…(redacted)"


def redact_secret(secret: str, shown: int = SHOWN) -> str:
    """``rzp_live_Ab…(redacted)``: a key's well-known prefix plus a few characters, never more
    than a quarter of what is secret."""
    if not secret:
        return secret
    prefix = next((p for p in KEY_PREFIXES if secret.startswith(p)), "")
    rest = secret[len(prefix) :]
    keep = min(2 if prefix else shown, len(rest) // 4)
    return prefix + rest[:keep] + MARK


def user_value(text: str) -> str:
    """A value from the user's configuration, quoted for an error message. A rule selector or a
    glob is short and readable and is shown as written; anything longer than a selector could
    be (a pasted key, an allowlist pattern holding one) is redacted like a secret."""
    if len(text) <= 16 or all(char.islower() or char == "-" for char in text):
        return repr(text)
    return repr(redact_secret(text))


def fingerprint(*parts: str) -> str:
    """A stable hex digest of ``parts``: baselines and SARIF store this, never the secret."""
    import hashlib  # here: a run without findings never loads OpenSSL (pre-commit start-up)

    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()

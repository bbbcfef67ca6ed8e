"""What the guard's parts share: which profile a host gets, and the report of a bad value."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from authlint.diagnostic import Diagnostic, HeaderError


def profile_for_host(host: str | None) -> str:
    """The profile the provider table (authlint/providers.py) gives ``host``'s API: ``strict``
    for one that documents the strict format (Razorpay), ``rfc`` elsewhere."""
    if not host:
        return "rfc"
    from authlint.providers import for_host

    provider = for_host(host)
    return provider.profile if provider is not None else "rfc"


def safe_url(url: str) -> str:
    """``scheme://host[:port]/path``: no userinfo, no query, no fragment (any may hold a key)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<unparsable URL>"
    if not parts.scheme:
        return parts.path
    return f"{parts.scheme}://{host}{port}{parts.path}"


def fix_text(diagnostic: Diagnostic) -> str:
    """How to apply a diagnostic's mechanical fix, in words; empty when it has none."""
    fix = diagnostic.fix
    if fix is None:
        return ""
    if not fix:
        return "fix: delete"
    if diagnostic.start == diagnostic.end:
        return f"fix: insert {fix!r}"
    return f"fix: replace with {fix!r}"


def describe(
    diagnostics: Sequence[Diagnostic], value: str | bytes, where: str, profile: str
) -> str:
    """A multi-line report: where the value went, the value redacted, one line per problem.

    Diagnostic messages never quote the value and fixes are scheme names, spaces, padding or
    deletions, so the only view of the value is ``redact``'s and ``mask``'s.
    """
    from authlint.header import mask, redact

    primary = diagnostics[0]
    masked = mask(value)
    caret = " " * primary.start + "^" * max(1, primary.end - primary.start)
    lines = [
        f"malformed Authorization header ({where}, profile {profile}): {redact(value)}",
        f"    {masked}",
        f"    {caret}",
    ]
    for d in diagnostics:
        fix = fix_text(d)
        lines.append(f"  {d.code} at {d.start}-{d.end}: {d.message}" + (f" ({fix})" if fix else ""))
    return "\n".join(lines)


class MalformedAuthorization(HeaderError):
    """A malformed Authorization value met at runtime. ``str()`` is the full report, redacted;
    the value itself is not kept."""

    def __init__(
        self, diagnostics: Sequence[Diagnostic], value: str | bytes, where: str, profile: str
    ) -> None:
        super().__init__(diagnostics)
        self.where = where
        self.profile = profile
        self.report = describe(self.diagnostics, value, where, profile)

    def __str__(self) -> str:
        return self.report

    def __repr__(self) -> str:
        return f"MalformedAuthorization({self.primary.code}, where={self.where!r})"


def check(value: str | bytes, *, where: str, profile: str) -> MalformedAuthorization | None:
    """The error for ``value`` under ``profile``, or ``None`` when it parses."""
    from authlint.header import parse

    try:
        parse(value, profile=profile)
    except HeaderError as error:
        return MalformedAuthorization(error.diagnostics, value, where, profile)
    return None

"""Hosts: where a request goes, read from a URL, and whether that is a local or documentation host.

Local: loopback, `localhost`, single-label names (docker compose services, Kubernetes services in
the same namespace: `db`, `redis`), private and link-local addresses, `.local`/`.localhost`/
`.internal`/`.lan`/`.home.arpa`. Documentation: the names RFC 2606 and RFC 6761 reserve for it
(`example.com/.net/.org` and their subdomains, `.example`, `.test`, `.invalid`). Credentials
to either are how local stacks and docs are written; credentials to anything else open a real
server.
"""

from __future__ import annotations

import re

_HOST = r"\[[0-9A-Fa-f:.]{2,64}\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?"
# What follows `scheme://`: optional userinfo, then the host.
_AFTER_SCHEME = r"(?:[^\s/@\"'<>`]{0,256}@)?(?P<host>" + _HOST + ")"
_LOCAL_SUFFIXES = (
    ".local",
    ".localhost",
    ".internal",
    ".lan",
    ".home.arpa",
    ".localdomain",
    ".svc",
    ".cluster.local",
)
_DOCS_SUFFIXES = (".example", ".test", ".invalid")
_DOCS_DOMAINS = ("example.com", "example.net", "example.org")


def url_host(text: str, pos: int) -> str:
    """The host of the URL authority that starts at ``pos`` (after `user:pass@`), lower-cased."""
    found = re.compile(_HOST).match(text, pos, pos + 260)  # re's cache keeps it compiled
    return found.group(0).lower().strip("[]") if found else ""


def hosts_in(text: str, start: int = 0, end: int | None = None, limit: int = 64) -> tuple[str, ...]:
    """The distinct hosts of the URLs in text[start:end], in order, at most ``limit``.

    Found from each literal `://` (a memchr-speed search), not by a regex that tries every word.
    """
    stop = len(text) if end is None else end
    after = re.compile(_AFTER_SCHEME)
    found: dict[str, None] = {}
    pos = text.find("://", start, stop)
    while pos != -1 and len(found) < limit:
        scheme = pos
        while scheme > max(start, pos - 20) and (
            text[scheme - 1].isalnum() or text[scheme - 1] in "+.-"
        ):
            scheme -= 1
        if scheme < pos and text[scheme].isalpha():
            match = after.match(text, pos + 3, min(stop, pos + 600))
            if match is not None:
                found[match.group("host").lower().strip("[]")] = None
        pos = text.find("://", pos + 3, stop)
    return tuple(found)


def any_public(hosts: tuple[str, ...]) -> bool:
    """Does a request to ``hosts`` reach a public host (a live API, not a test's own server)?"""
    return any(not is_local_host(host) for host in hosts)


def is_local_host(host: str) -> bool:
    """Loopback, private, a single-label service name, or a name reserved for docs and tests."""
    host = host.lower().rstrip(".")
    if not host:
        return True
    if host[0].isdigit() or ":" in host:
        import ipaddress  # only for numeric hosts: the module costs start-up time

        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            pass  # a name that starts with a digit (`1password.com`)
        else:
            return bool(
                address.is_loopback
                or address.is_private
                or address.is_link_local
                or address.is_unspecified
                or address.is_reserved
            )
    if "." not in host:
        return True  # `localhost`, `db`, `redis`: resolved only inside the host or compose network
    if host.endswith(_LOCAL_SUFFIXES + _DOCS_SUFFIXES):
        return True
    return any(host == d or host.endswith("." + d) for d in _DOCS_DOMAINS)

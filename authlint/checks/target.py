"""Which API is a header for, and so which rules does it get?

Per header, from the strongest evidence the file offers: a pin in the configuration (per path,
per host), a provider key in the credentials themselves, the host of the same request (which
extractors fill in where the syntax shows it), then the file as a whole (its SDK imports, the
hosts it calls), and last the configured default profile. A provider's documented format picks
the profile (Razorpay: strict; the others: the RFCs) and whether an empty password is correct.
"""

from __future__ import annotations

import binascii
import re
from functools import lru_cache
from typing import Final

from authlint import providers
from authlint.checks import FileContext
from authlint.checks.hosts import hosts_in, is_local_host
from authlint.config import Settings, compile_globs, config_relative
from authlint.extract import Candidate, Role, headerline
from authlint.lazyre import lazy
from authlint.providers import Evidence, RuleChoice
from authlint.record import Record
from authlint.redact import redact_secret

_SCHEME_AND_TOKEN = lazy(
    r"[ \t]*[\"']?(?P<scheme>[A-Za-z]{1,20})[ \t]+[\"']?(?P<token>[A-Za-z0-9+/=_.~-]{4,4096})"
)


def choose(ctx: FileContext, candidate: Candidate) -> RuleChoice:
    """The rules for ``candidate`` (a header value or a `curl -u` pair) in ``ctx``'s file."""
    settings = ctx.settings
    pinned = _path_pin(settings, ctx.path)
    if pinned is not None:
        return _pinned(pinned[1], "config-path", pinned[0])
    # What the candidate itself shows: the same few values recur in thousands of files, so the
    # answer is kept for the run, by value.
    key = (settings.host_profiles, candidate.role, candidate.value.text, candidate.hosts)
    found = _BY_VALUE.get(key, _UNKNOWN)
    if found is _UNKNOWN:
        found = _by_candidate(settings, candidate)
        if len(_BY_VALUE) >= _BY_VALUE_MAX:  # a generated tree of unique values: stay bounded
            _BY_VALUE.clear()
        _BY_VALUE[key] = found
    return file_choice(ctx) if found is None else found


_UNKNOWN = RuleChoice("", None, "default")
_BY_VALUE: dict[object, RuleChoice | None] = {}
_BY_VALUE_MAX = 4096


def for_request(ctx: FileContext, hosts: tuple[str, ...]) -> RuleChoice:
    """The rules for a header the code builds and sends to ``hosts`` (the host of its
    request's URL, when the code shows it: construct/destination.py)."""
    pinned = _path_pin(ctx.settings, ctx.path)
    if pinned is not None:
        return _pinned(pinned[1], "config-path", pinned[0])
    pinned_host = _host_pinned(ctx.settings, hosts)
    found = pinned_host if pinned_host is not None else _by_hosts(hosts)
    return file_choice(ctx) if found is None else found


def _by_candidate(settings: Settings, candidate: Candidate) -> RuleChoice | None:
    """The rules the candidate's own evidence picks (host pins, a provider key in it, the hosts
    of its request); None when it has none and the file decides."""
    pinned = _host_pinned(settings, candidate.hosts)
    if pinned is not None:
        return pinned
    key = _key_in(candidate)
    if key is not None:
        return _for(key.provider, "key", f"{key.provider.name} {key.shape.name} ({key.prefix})")
    return _by_hosts(candidate.hosts)


def _host_pinned(settings: Settings, hosts: tuple[str, ...]) -> RuleChoice | None:
    for host in hosts:
        profile = _host_pin(settings, host)
        if profile is not None:
            return _pinned(profile, "config-host", host)
    return None


def _by_hosts(hosts: tuple[str, ...]) -> RuleChoice | None:
    """A known API's host picks its rules; another public host, the RFCs'; a local or
    documentation host (or none) leaves it to the file."""
    for host in hosts:
        provider = _host_facts(host)[0]
        if provider is not None:
            return _for(provider, "host", host)
    for host in hosts:
        if not _host_facts(host)[1]:
            return RuleChoice("rfc", None, "host", f"{host}, not an API authlint knows")
    return None


_HOSTS: dict[str, tuple[providers.Provider | None, bool]] = {}


def _host_facts(host: str) -> tuple[providers.Provider | None, bool]:
    """The provider whose API ``host`` is, and whether it is a local or documentation host:
    worked out once per host and run."""
    found = _HOSTS.get(host)
    if found is None:
        if len(_HOSTS) >= _BY_VALUE_MAX:
            _HOSTS.clear()
        found = _HOSTS[host] = (providers.for_host(host), is_local_host(host))
    return found


def file_choice(ctx: FileContext) -> RuleChoice:
    """Weaker evidence: the SDK the file imports and the hosts it calls, as a whole."""
    if ctx.file_rules is None:
        ctx.file_rules = _file_choice(ctx)
    return ctx.file_rules


def _file_choice(ctx: FileContext) -> RuleChoice:
    found: dict[str, tuple[providers.Provider, Evidence, str]] = {}
    foreign = ""
    for host in hosts_in(ctx.text):
        pinned = _host_pin(ctx.settings, host)
        if pinned is not None:
            return _pinned(pinned, "config-host", host)
        provider, local = _host_facts(host)
        if provider is not None:
            found.setdefault(provider.name, (provider, "file-host", host))
        elif not foreign and not local:
            foreign = host  # the first of them
    low = headerline.folded(ctx.text)
    for provider in providers.PROVIDERS:
        if provider.name in found:
            continue
        # The API's host as a string of its own: Node's `https.request({host: "..."})`, a
        # `Host:` header, a base-host setting.
        named = next((h for h in provider.hosts if h in low and _quoted(low, h)), None)
        if named is not None:
            found[provider.name] = (provider, "file-host", named)
            continue
        # Most files name no SDK at all: a plain substring test first.
        word = next((w for w in provider.sdk_words if w in low and _names_dependency(low, w)), None)
        if word is not None:
            found[provider.name] = (provider, "sdk", word)
    if len(found) == 1:
        provider, evidence, detail = next(iter(found.values()))
        return _for(provider, evidence, detail).replace(mixed=bool(foreign))
    if not found and foreign:
        return RuleChoice("rfc", None, "file-host", f"{foreign}, not an API authlint knows")
    return RuleChoice(ctx.settings.profile, None, "default")


def _quoted(low: str, host: str, tries: int = 64) -> bool:
    """Does ``host`` stand alone between quotes somewhere in ``low``?"""
    at = low.find(host)
    while at != -1 and tries:
        before, after = low[at - 1 : at], low[at + len(host) : at + len(host) + 1]
        if before and before in "\"'`" and after == before:
            return True
        at = low.find(host, at + 1)
        tries -= 1
    return False


_IMPORT_WORD = lazy(r"\b(?:import|from|require|using|use|gem|include|package)\b")


def _names_dependency(low: str, word: str, tries: int = 64) -> bool:
    """``word`` (an SDK's name) where code names a dependency: an import line, `require("...")`,
    a package path (`github.com/razorpay/...`, `@razorpay/...`), a quoted manifest key; not a
    word in prose. ``low`` is the file's text in lower case."""
    pos = low.find(word)
    while pos != -1 and tries > 0:
        tries -= 1
        end = pos + len(word)
        if end == len(low) or not low[end].isalnum():
            if pos and low[pos - 1] in "\"'@/":
                return True
            line = low.rfind("\n", max(0, pos - 200), pos) + 1
            if _IMPORT_WORD.search(low, line, pos) is not None:
                return True
        pos = low.find(word, end)
    return False


def _for(provider: providers.Provider, evidence: Evidence, detail: str) -> RuleChoice:
    return RuleChoice(provider.profile, provider.name, evidence, detail, provider.empty_password)


def _pinned(value: str, evidence: Evidence, detail: str) -> RuleChoice:
    provider = providers.BY_NAME.get(value.lower())
    if provider is not None:
        return _for(provider, evidence, detail)
    return RuleChoice(value, None, evidence, detail)


class _Key(Record):
    __slots__ = ("prefix", "provider", "shape")
    _fields = ("provider", "shape", "prefix")

    def __init__(
        self, provider: providers.Provider, shape: providers.KeyShape, prefix: str
    ) -> None:
        self.provider: Final = provider
        self.shape: Final = shape
        self.prefix: Final = prefix  # redacted: the provider's prefix and a few characters

    @classmethod
    def of(cls, match: providers.Match, value: str) -> _Key:
        return cls(match.provider, match.shape, redact_secret(value))


def _key_in(candidate: Candidate) -> _Key | None:
    """A provider key among the credentials: the user id of a pair, a Bearer token, the user id
    a Basic token decodes to."""
    text = candidate.value.text
    if candidate.role in (Role.USERPASS, Role.PAIR):
        user = text.partition(":")[0] if candidate.role is Role.USERPASS else text
        match = providers.key_of(user)
        return _Key.of(match, user) if match else None
    found = _SCHEME_AND_TOKEN.match(text)
    if found is None:
        return None
    token = found.group("token")
    scheme = found.group("scheme").lower()
    if scheme == "basic":
        try:
            raw = binascii.a2b_base64(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError):
            return None
        token = raw.decode("utf-8", "replace").partition(":")[0]
    match = providers.key_of(token)
    return _Key.of(match, token) if match else None


def _path_pin(settings: Settings, path: str) -> tuple[str, str] | None:
    if not settings.path_profiles:
        return None
    relative = config_relative(path, settings)  # globs are relative to the configuration
    for glob, pattern, profile in _compiled_paths(settings.path_profiles):
        if pattern.fullmatch(relative):
            return glob, profile
    return None


@lru_cache(maxsize=16)
def _compiled_paths(
    pins: tuple[tuple[str, str], ...],
) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    out = []
    for glob, profile in pins:
        pattern = compile_globs([glob])
        if pattern is not None:
            out.append((glob, pattern, profile))
    return tuple(out)


def _host_pin(settings: Settings, host: str) -> str | None:
    for pattern, profile in settings.host_profiles:
        if host == pattern or (pattern.startswith("*.") and host.endswith(pattern[1:])):
            return profile
    return None

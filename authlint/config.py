"""Settings: built once from defaults, `[tool.authlint]` / `authlint.toml`, then the command line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from authlint.codes import RULE_BY_NAME, RULES, Code

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
PROFILES = ("strict", "rfc")
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")


class ConfigError(Exception):
    """A bad configuration file or option; the CLI prints it on one line and exits 2."""


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ("AL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    # (glob, selectors) pairs, as ruff's per-file-ignores.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Regexes matched against a finding's secret, and fingerprints of findings to drop.
    allowlist_patterns: tuple[re.Pattern[str], ...] = ()
    allowlist_fingerprints: frozenset[str] = frozenset()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    profile: str = "strict"
    # Rules pinned per host and per path glob (issue 10): ((host or *.domain, profile), ...) and
    # ((glob, profile), ...); a profile is "strict", "rfc" or a provider's name (its format).
    host_profiles: tuple[tuple[str, str], ...] = ()
    path_profiles: tuple[tuple[str, str], ...] = ()
    # Directory that relative globs are matched against (where the config file lives).
    root: str = "."
    enabled: frozenset[Code] = field(default_factory=lambda: frozenset(Code))

    def with_selection(self) -> Settings:
        """Recompute ``enabled`` from select/extend_select/ignore (ruff's rules: the most
        specific selector wins, and ignore wins a tie)."""
        return replace(
            self, enabled=resolve_selection(self.select + self.extend_select, self.ignore)
        )


def _codes_for(selector: str) -> tuple[frozenset[Code], int]:
    """Codes a selector names, and its specificity (longer prefixes are more specific)."""
    if selector in RULE_BY_NAME:
        return frozenset({RULE_BY_NAME[selector].code}), 99
    upper = selector.upper()
    if upper == "ALL":
        return frozenset(Code), 0
    if not re.fullmatch(r"AL[0-9]{0,3}", upper):
        raise ConfigError(
            f"unknown rule selector {selector!r} (expected a code such as AL201, a prefix such as AL2, or a rule name)"
        )
    codes = frozenset(rule.code for rule in RULES if rule.code.value.startswith(upper))
    if not codes:
        raise ConfigError(f"rule selector {selector!r} matches no rule")
    return codes, len(upper)


def resolve_selection(select: Iterable[str], ignore: Iterable[str]) -> frozenset[Code]:
    decided: dict[Code, tuple[int, bool]] = {}
    for selector, keep in [(s, True) for s in select] + [(s, False) for s in ignore]:
        codes, specificity = _codes_for(selector)
        for code in codes:
            previous = decided.get(code)
            # ignore (keep=False) comes after select, so >= lets it win a tie.
            if previous is None or specificity >= previous[0]:
                decided[code] = (specificity, keep)
    return frozenset(code for code, (_, keep) in decided.items() if keep)


def codes_matching(selectors: Iterable[str]) -> frozenset[Code]:
    out: set[Code] = set()
    for selector in selectors:
        out |= _codes_for(selector)[0]
    return frozenset(out)


_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "exclude",
    "extend-exclude",
    "per-file-ignores",
    "allowlist",
    "max-file-size",
    "profile",
    "host-profiles",
    "path-profiles",
}


def _str_list(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of strings")
    return tuple(value)


def _profile_pins(key: str, value: Any, source: str) -> tuple[tuple[str, str], ...]:
    """`host-profiles = { "api.partner.com" = "rfc" }`, `path-profiles = { "docs/**" = "stripe" }`."""
    from authlint.providers import BY_NAME

    if not isinstance(value, dict):
        raise ConfigError(f"{source}: '{key}' must be a table of pattern = profile")
    allowed = (*PROFILES, *(name for name in BY_NAME))
    out = []
    for pattern, profile in value.items():
        if not isinstance(profile, str) or profile.lower() not in allowed:
            raise ConfigError(f"{source}: '{key}.{pattern}' must be one of {', '.join(allowed)}")
        out.append((pattern.lower() if key == "host-profiles" else pattern, profile.lower()))
    return tuple(out)


def settings_from_mapping(table: Mapping[str, Any], *, source: str, root: str) -> Settings:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{source}: unknown key '{unknown[0]}' in authlint configuration")
    kwargs: dict[str, Any] = {"root": root}
    for key in ("select", "ignore", "extend-select", "exclude", "extend-exclude"):
        if key in table:
            kwargs[key.replace("-", "_")] = _str_list(key, table[key])
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{source}: 'per-file-ignores' must be a table of glob = [codes]")
        kwargs["per_file_ignores"] = tuple(
            (glob, _str_list(f"per-file-ignores.{glob}", codes)) for glob, codes in pfi.items()
        )
    if "allowlist" in table:
        patterns: list[re.Pattern[str]] = []
        prints: set[str] = set()
        for entry in _str_list("allowlist", table["allowlist"]):
            if _FINGERPRINT.fullmatch(entry):
                prints.add(entry)
                continue
            try:
                patterns.append(re.compile(entry))
            except re.error as exc:
                raise ConfigError(f"{source}: bad allowlist regex {entry!r}: {exc}") from None
        kwargs["allowlist_patterns"] = tuple(patterns)
        kwargs["allowlist_fingerprints"] = frozenset(prints)
    if "max-file-size" in table:
        size = table["max-file-size"]
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ConfigError(f"{source}: 'max-file-size' must be a positive integer (bytes)")
        kwargs["max_file_size"] = size
    if "profile" in table:
        if table["profile"] not in PROFILES:
            raise ConfigError(f"{source}: 'profile' must be one of {', '.join(PROFILES)}")
        kwargs["profile"] = table["profile"]
    for key in ("host-profiles", "path-profiles"):
        if key in table:
            kwargs[key.replace("-", "_")] = _profile_pins(key, table[key], source)
    settings = Settings(**kwargs).with_selection()
    for _, selectors in settings.per_file_ignores:
        codes_matching(selectors)  # validate now, not on the first matching file
    return settings


def find_config(start: Path) -> Path | None:
    """The nearest authlint.toml, or pyproject.toml with a [tool.authlint] table, upwards."""
    for directory in (start, *start.parents):
        candidate = directory / "authlint.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "[tool.authlint" in text:
                return pyproject
        if (directory / ".git").exists():
            break
    return None


def load_settings(path: Path | None) -> Settings:
    """Settings from ``path`` (authlint.toml or pyproject.toml); defaults when ``path`` is None."""
    if path is None:
        return Settings().with_selection()
    import tomllib

    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("authlint", {})
    else:
        table = document.get("tool", {}).get("authlint", document)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.authlint] must be a table")
    return settings_from_mapping(table, source=str(path), root=str(path.parent))


def glob_to_regex(glob: str) -> str:
    """A gitignore-style glob as a regex over '/'-separated relative paths.

    `*` stays within a path segment, `**` crosses them, a glob without a slash matches a name
    at any depth, and a match on a directory covers everything below it.
    """
    anchored = "/" in glob.rstrip("/")
    glob = glob.strip("/")
    out: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[":
            close = glob.find("]", i + 1)
            if close == -1:
                out.append(re.escape(glob[i]))
                i += 1
            else:
                body = glob[i + 1 : close].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return prefix + "".join(out) + "(?:/.*)?"


def compile_globs(globs: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching any of ``globs`` (fullmatch against a relative path), or None."""
    parts = [glob_to_regex(glob) for glob in globs if glob.strip()]
    if not parts:
        return None
    return re.compile("|".join(f"(?:{part})" for part in parts))

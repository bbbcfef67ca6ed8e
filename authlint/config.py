"""Settings: built once from defaults, `[tool.authlint]` / `authlint.toml`, then the command line.

Every configuration problem becomes a ``ConfigError`` that names its source (the file, or the
command-line option) and the reason; ``authlint.cli.main`` is the one place that prints it on one
line and exits 2, for every command. Which file applies to which checked file is decided in
``authlint.settings_tree``.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from authlint.codes import RULE_BY_NAME, RULES, Code
from authlint.lazyre import lazy
from authlint.record import Record

if TYPE_CHECKING:
    from pathlib import Path

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
PROFILES = ("strict", "rfc")
_FINGERPRINT = lazy(r"[0-9a-f]{64}")
# The `kind` column of `authlint rules`, usable as a selector (`--select secret`).
RULE_KINDS = tuple(dict.fromkeys(rule.kind for rule in RULES))


class ConfigError(Exception):
    """A bad configuration file or option; the CLI prints it on one line and exits 2.

    ``source`` is the file (or the option) at fault; ``str()`` is ``"<source>: <reason>"``.
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason

    def at(self, source: str) -> ConfigError:
        """This error attributed to ``source`` unless it already names one."""
        return self if self.source else ConfigError(self.reason, source)


_ALL_CODES: frozenset[Code] = frozenset(Code)


class Settings(Record):
    __slots__ = (
        "allowlist_fingerprints",
        "allowlist_patterns",
        "command_line_exclude",
        "enabled",
        "exclude",
        "extend_exclude",
        "extend_select",
        "host_profiles",
        "ignore",
        "max_file_size",
        "path_profiles",
        "per_file_ignores",
        "profile",
        "root",
        "select",
    )
    _fields = (
        "select",
        "ignore",
        "extend_select",
        "exclude",
        "extend_exclude",
        "command_line_exclude",
        "per_file_ignores",
        "allowlist_patterns",
        "allowlist_fingerprints",
        "max_file_size",
        "profile",
        "host_profiles",
        "path_profiles",
        "root",
        "enabled",
    )

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        select: tuple[str, ...] = ("AL",),
        ignore: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        exclude: tuple[str, ...] = (),
        extend_exclude: tuple[str, ...] = (),
        command_line_exclude: tuple[str, ...] = (),
        per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
        allowlist_patterns: tuple[re.Pattern[str], ...] = (),
        allowlist_fingerprints: frozenset[str] = frozenset(),
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
        profile: str = "strict",
        host_profiles: tuple[tuple[str, str], ...] = (),
        path_profiles: tuple[tuple[str, str], ...] = (),
        root: str = ".",
        enabled: frozenset[Code] = _ALL_CODES,
    ) -> None:
        self.select: Final = select
        self.ignore: Final = ignore
        self.extend_select: Final = extend_select
        self.exclude: Final = exclude
        self.extend_exclude: Final = extend_exclude
        # --exclude / --extend-exclude: relative to the working directory, not to ``root`` (ruff
        # reads globs typed on the command line from where they are typed).
        self.command_line_exclude: Final = command_line_exclude
        # (glob, selectors) pairs, as ruff's per-file-ignores.
        self.per_file_ignores: Final = per_file_ignores
        # Regexes matched against a finding's secret, and fingerprints of findings to drop.
        self.allowlist_patterns: Final = allowlist_patterns
        self.allowlist_fingerprints: Final = allowlist_fingerprints
        self.max_file_size: Final = max_file_size
        self.profile: Final = profile
        # Rules pinned per host and per path glob (issue 10): ((host or *.domain, profile), ...)
        # and ((glob, profile), ...); a profile is "strict", "rfc" or a provider's name.
        self.host_profiles: Final = host_profiles
        self.path_profiles: Final = path_profiles
        # Directory that relative globs are matched against (where the config file lives).
        self.root: Final = root
        self.enabled: Final = enabled

    def with_selection(self) -> Settings:
        """Recompute ``enabled`` from select/extend_select/ignore (ruff's rules: the most
        specific selector wins, and ignore wins a tie)."""
        return self.replace(
            enabled=resolve_selection(self.select + self.extend_select, self.ignore)
        )


def _codes_for(selector: str) -> tuple[frozenset[Code], int]:
    """Codes a selector names, and its specificity (longer prefixes are more specific)."""
    if selector in RULE_BY_NAME:
        return frozenset({RULE_BY_NAME[selector].code}), 99
    if selector in RULE_KINDS:
        # A kind is as broad as the `AL` prefix: `ignore` wins a tie with `select = ["AL"]`.
        return frozenset(rule.code for rule in RULES if rule.kind == selector), 2
    upper = selector.upper()
    if upper == "ALL":
        return frozenset(Code), 0
    if not re.fullmatch(r"AL[0-9]{0,3}", upper):
        from authlint.redact import user_value

        raise ConfigError(
            f"unknown rule selector {user_value(selector)} (expected a code such as AL201, a prefix such as"
            f" AL2, a rule name, or a kind: {', '.join(RULE_KINDS)})"
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


def _profile_pins(key: str, value: Any) -> tuple[tuple[str, str], ...]:
    """`host-profiles = { "api.partner.com" = "rfc" }`, `path-profiles = { "docs/**" = "stripe" }`."""
    from authlint.providers import BY_NAME

    if not isinstance(value, dict):
        raise ConfigError(f"'{key}' must be a table of pattern = profile")
    allowed = (*PROFILES, *(name for name in BY_NAME))
    out = []
    for pattern, profile in value.items():
        if not isinstance(profile, str) or profile.lower() not in allowed:
            raise ConfigError(f"'{key}.{pattern}' must be one of {', '.join(allowed)}")
        if key == "path-profiles":
            check_glob(pattern, key)
        out.append((pattern.lower() if key == "host-profiles" else pattern, profile.lower()))
    return tuple(out)


def settings_from_mapping(table: Mapping[str, Any], *, source: str, root: str) -> Settings:
    try:
        return _settings_from_mapping(table, root)
    except ConfigError as exc:
        raise exc.at(source) from None


def _settings_from_mapping(table: Mapping[str, Any], root: str) -> Settings:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"unknown key '{unknown[0]}' in authlint configuration")
    kwargs: dict[str, Any] = {"root": root}
    for key in ("select", "ignore", "extend-select", "exclude", "extend-exclude"):
        if key in table:
            kwargs[key.replace("-", "_")] = _str_list(key, table[key])
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError("'per-file-ignores' must be a table of glob = [codes]")
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
            patterns.append(compile_allowlist_regex(entry))
        kwargs["allowlist_patterns"] = tuple(patterns)
        kwargs["allowlist_fingerprints"] = frozenset(prints)
    if "max-file-size" in table:
        size = table["max-file-size"]
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ConfigError("'max-file-size' must be a positive integer (bytes)")
        kwargs["max_file_size"] = size
    if "profile" in table:
        if table["profile"] not in PROFILES:
            raise ConfigError(f"'profile' must be one of {', '.join(PROFILES)}")
        kwargs["profile"] = table["profile"]
    for key in ("host-profiles", "path-profiles"):
        if key in table:
            kwargs[key.replace("-", "_")] = _profile_pins(key, table[key])
    return validated(Settings(**kwargs))


def validated(settings: Settings) -> Settings:
    """``settings`` with its selection resolved, every selector and glob checked now (not on the
    first file that meets them): raises ConfigError without a source."""
    settings = settings.with_selection()
    for glob, selectors in settings.per_file_ignores:
        check_glob(glob, "per-file-ignores")
        codes_matching(selectors)
    for glob in settings.exclude:
        check_glob(glob, "exclude")
    for glob in settings.extend_exclude:
        check_glob(glob, "extend-exclude")
    for glob in settings.command_line_exclude:
        check_glob(glob, "--exclude")
    return settings


def compile_allowlist_regex(entry: str) -> re.Pattern[str]:
    from authlint.redact import user_value
    from authlint.userregex import UnsafeRegex, compile_user_regex

    try:
        return compile_user_regex(entry)
    except re.error as exc:
        raise ConfigError(f"bad allowlist regex {user_value(entry)}: {exc}") from None
    except UnsafeRegex as exc:
        raise ConfigError(f"allowlist regex {user_value(entry)} rejected: {exc}") from None


# Configuration files in one directory, the first found wins (ruff: .ruff.toml, ruff.toml,
# pyproject.toml). A pyproject.toml counts only when it has a [tool.authlint] table.
CONFIG_NAMES = (".authlint.toml", "authlint.toml", "pyproject.toml")
# Largest configuration file read: a config is a few hundred bytes; this bounds a mistake.
MAX_CONFIG_SIZE = 1024 * 1024


def find_config(start: Path) -> Path | None:
    """The nearest configuration file upwards from the directory ``start``, stopping at the
    repository root (the directory holding ``.git``)."""
    for directory in (start, *start.parents):
        found = config_in(directory)
        if found is not None:
            return directory / os.path.basename(found)
        if (directory / ".git").exists():
            break
    return None


# Paths are strings here, not pathlib's: a pre-commit run looks its configuration up on every
# commit, and importing pathlib (with urllib.parse and ipaddress) cost it 7 ms.
def config_in(directory: str | os.PathLike[str]) -> str | None:
    """The configuration file of ``directory`` itself, or None."""
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if not os.path.lexists(candidate):
            continue
        if name != "pyproject.toml":
            return candidate
        # Parsed only when it mentions authlint: most pyproject.toml files are someone else's
        # (and a broken one that never mentions authlint is not ours to judge).
        data = _read_config_bytes(candidate)
        if b"authlint" in data and _authlint_table(_parse(candidate, data), candidate) is not None:
            return candidate
    return None


def _read_config_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a configuration file: a regular file only (a FIFO would block the run),
    opened non-blocking, and bounded in size."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ConfigError(f"cannot read configuration: {exc.strerror or exc}", str(path)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError("not a regular file", str(path))
        if info.st_size > MAX_CONFIG_SIZE:
            raise ConfigError(f"larger than {MAX_CONFIG_SIZE} bytes", str(path))
        chunks: list[bytes] = []
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise ConfigError(f"cannot read configuration: {exc.strerror or exc}", str(path)) from None
    finally:
        os.close(fd)


def _parse(path: str | os.PathLike[str], data: bytes) -> dict[str, Any]:
    import tomllib

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"not UTF-8 (byte {exc.start}); TOML files must be UTF-8", str(path)
        ) from None
    try:
        return _toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", str(path)) from None


@lru_cache(maxsize=8)
def _toml(text: str) -> dict[str, Any]:
    """The parsed document (read-only for its callers): a pyproject.toml is parsed to find its
    [tool.authlint] table, and the same text again to load it."""
    import tomllib

    return tomllib.loads(text)


def _authlint_table(
    document: dict[str, Any], path: str | os.PathLike[str]
) -> dict[str, Any] | None:
    """The authlint table of a parsed file: ``[tool.authlint]`` in any TOML spelling (quoted,
    dotted keys, inline table) or, in authlint.toml / .authlint.toml, the whole document."""
    pyproject = os.path.basename(path) == "pyproject.toml"
    tool = document.get("tool")
    if tool is not None and not isinstance(tool, dict):
        if pyproject:
            return None  # someone else's business
        raise ConfigError("'tool' must be a table ([tool.authlint])", str(path))
    table = tool.get("authlint") if isinstance(tool, dict) else None
    if table is None:
        return None if pyproject else document
    if not isinstance(table, dict):
        raise ConfigError("[tool.authlint] must be a table", str(path))
    return table


def load_settings(path: str | os.PathLike[str] | None) -> Settings:
    """Settings from ``path`` (authlint.toml, .authlint.toml or pyproject.toml); defaults when
    ``path`` is None. Every problem is a ConfigError naming ``path``."""
    if path is None:
        return Settings().with_selection()
    table = _authlint_table(_parse(path, _read_config_bytes(path)), path)
    if table is None:
        table = {}  # a pyproject.toml named explicitly but without the table: defaults
    source = os.fspath(path)
    # pathlib's parent: "." for a bare file name (paths here are normalised, as pathlib's are).
    return settings_from_mapping(table, source=source, root=os.path.dirname(source) or ".")


def config_relative(path: str, settings: Settings, location: str | None = None) -> str:
    """``path`` as a configuration's globs (``per-file-ignores``, ``path-profiles``) see it:
    relative to the configuration file's directory, '/'-separated. ``location`` is the file's
    absolute path when ``path`` is not relative to the working directory (history's paths are
    relative to the repository root). A file outside that directory (``--config`` elsewhere)
    is seen as ``path`` as given."""
    root = os.path.abspath(settings.root)  # not cached: a relative root follows the cwd
    absolute = location or os.path.abspath(path)
    if absolute.startswith(root.rstrip(os.sep) + os.sep):
        relative = os.path.relpath(absolute, root)
    else:
        relative = path.removeprefix("./")
    return relative.replace(os.sep, "/").replace("\\", "/")


def check_glob(glob: str, key: str) -> None:
    """Raise ConfigError when ``glob`` is not a valid pattern."""
    try:
        re.compile(glob_to_regex(glob))
    except (ValueError, re.error) as exc:
        raise ConfigError(f"bad glob {glob!r} in '{key}': {exc}") from None


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
            translated, i = _glob_class(glob, i)
            out.append(translated)
        else:
            out.append(re.escape(glob[i]))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return prefix + "".join(out) + "(?:/.*)?"


def _glob_class(glob: str, i: int) -> tuple[str, int]:
    """The regex for the character class opening at ``glob[i] == "["``, and the index after it.

    fnmatch's reading: ``!`` first negates, a ``]`` first is a member, ``a-z`` is a range, and a
    ``[`` that never closes is a literal. An empty class (``[]``, ``[!]``) and a reversed range
    (``[z-a]``) match nothing and are always a typo, so they raise ValueError.
    """
    j = i + 1
    negate = glob.startswith("!", j)
    j += negate
    close = glob.find("]", j + 1 if glob.startswith("]", j) else j)
    if close == -1:
        if glob.startswith("]", j):
            raise ValueError(f"empty character class {glob[i : j + 1]!r}")
        return re.escape("["), i + 1
    body = glob[j:close]
    if not body:
        raise ValueError(f"empty character class {glob[i : close + 1]!r}")
    members: list[str] = []
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == "-":
            low, high = body[k], body[k + 2]
            if low > high:
                raise ValueError(f"reversed range {low}-{high} in {glob[i : close + 1]!r}")
            members.append(f"{re.escape(low)}-{re.escape(high)}")
            k += 3
        else:
            members.append(re.escape(body[k]))
            k += 1
    return f"[{'^' if negate else ''}{''.join(members)}]", close + 1


def compile_globs(globs: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching any of ``globs`` (fullmatch against a relative path), or None."""
    parts = [glob_to_regex(glob) for glob in globs if glob.strip()]
    if not parts:
        return None
    return re.compile("|".join(f"(?:{part})" for part in parts))

"""Which settings apply to which checked file: the closest configuration to each file wins.

ruff's hierarchy: for a file, the nearest of ``.authlint.toml``, ``authlint.toml`` or a
``pyproject.toml`` with a ``[tool.authlint]`` table, looking up from the file's directory to the
repository root (the directory holding ``.git``). So ``authlint check /elsewhere/A`` uses A's
configuration, never the current directory's, and in a monorepo ``svc/pyproject.toml`` governs
``svc/``. A tree with no configuration gets the defaults. ``--config FILE`` (or the
``AUTHLINT_CONFIG`` environment variable) applies one file to everything; ``--isolated``
ignores every file. Command-line options are laid over whichever settings apply.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from authlint.config import ConfigError, Settings, config_in, load_settings

ENV_CONFIG = "AUTHLINT_CONFIG"

Overrides = Callable[[Settings], Settings]


def _identity(settings: Settings) -> Settings:
    return settings


class SettingsTree:
    """Settings per directory, each configuration file read once."""

    def __init__(
        self,
        *,
        config: str | None = None,
        isolated: bool = False,
        overrides: Overrides = _identity,
    ) -> None:
        self._overrides = overrides
        self._source_of_dir: dict[str, Path | None] = {}
        self._settings_of: dict[Path | None, Settings] = {}
        self._by_file_dir: dict[str, Settings] = {}  # dirname as given -> settings
        self.fixed: Path | None = None  # --config / AUTHLINT_CONFIG, when given
        self.isolated = isolated
        if not isolated:
            chosen = config or os.environ.get(ENV_CONFIG) or None
            if chosen is not None:
                self.fixed = Path(chosen)
                if not os.path.lexists(self.fixed):
                    where = "--config" if config else ENV_CONFIG
                    raise ConfigError(f"no such file (from {where})", chosen)
        if isolated or self.fixed is not None:
            self._only: Settings | None = self._load(self.fixed)
        else:
            self._only = None

    def _load(self, source: Path | None) -> Settings:
        settings = self._settings_of.get(source)
        if settings is None:
            settings = self._overrides(load_settings(source))
            self._settings_of[source] = settings
        return settings

    def source_for_dir(self, directory: str) -> Path | None:
        """The configuration file governing the absolute directory ``directory``."""
        if self._only is not None:
            return self.fixed
        visited: list[str] = []
        current = directory
        found: Path | None = None
        while True:
            if current in self._source_of_dir:
                found = self._source_of_dir[current]
                break
            visited.append(current)
            candidate = config_in(Path(current))
            if candidate is not None:
                found = candidate
                break
            parent = os.path.dirname(current)
            if parent == current or os.path.exists(os.path.join(current, ".git")):
                break
            current = parent
        for each in visited:
            self._source_of_dir[each] = found
        return found

    def source_for(self, path: str) -> Path | None:
        """The configuration file governing ``path`` (a file, or a directory itself)."""
        absolute = os.path.abspath(path)
        directory = absolute if os.path.isdir(absolute) else os.path.dirname(absolute)
        return self.source_for_dir(directory)

    def for_path(self, path: str) -> Settings:
        if self._only is not None:
            return self._only
        return self._load(self.source_for(path))

    def for_file(self, path: str) -> Settings:
        """``for_path`` for a path known to be a file: no stat, one lookup per directory name
        (discovery hands over thousands of files from a few directories)."""
        if self._only is not None:
            return self._only
        directory = os.path.dirname(path)
        settings = self._by_file_dir.get(directory)
        if settings is None:
            source = self.source_for_dir(os.path.abspath(directory or "."))
            settings = self._by_file_dir[directory] = self._load(source)
        return settings

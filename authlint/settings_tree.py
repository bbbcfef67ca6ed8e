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
from typing import TYPE_CHECKING

from authlint.config import ConfigError, Settings, config_in, load_settings

if TYPE_CHECKING:
    from authlint.discover import Excluder

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
        # Configuration files are paths as strings (see config.config_in).
        self._source_of_dir: dict[str, str | None] = {}
        self._settings_of: dict[str | None, Settings] = {}
        self._by_file_dir: dict[str, Settings] = {}  # dirname as given -> settings
        self.fixed: str | None = None  # --config / AUTHLINT_CONFIG, when given
        self.isolated = isolated
        if config is not None and not config.strip():
            raise ConfigError("--config needs a file name (it was given an empty one)")
        if isolated and config:
            raise ConfigError("--isolated ignores every configuration file: drop it or --config")
        if not isolated:
            chosen = config or os.environ.get(ENV_CONFIG) or None
            if chosen is not None:
                from pathlib import Path

                self.fixed = str(Path(chosen))  # as pathlib normalises it, for messages
                if not os.path.lexists(self.fixed):
                    where = "--config" if config else ENV_CONFIG
                    raise ConfigError(f"no such file (from {where})", chosen)
        if isolated or self.fixed is not None:
            self._only: Settings | None = self._load(self.fixed)
        else:
            self._only = None

    def _load(self, source: str | None) -> Settings:
        settings = self._settings_of.get(source)
        if settings is None:
            settings = self._overrides(load_settings(source))
            self._settings_of[source] = settings
        return settings

    def source_for_dir(self, directory: str) -> str | None:
        """The configuration file governing the absolute directory ``directory``."""
        if self._only is not None:
            return self.fixed
        visited: list[str] = []
        current = directory
        found: str | None = None
        while True:
            if current in self._source_of_dir:
                found = self._source_of_dir[current]
                break
            visited.append(current)
            candidate = config_in(current)
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

    def source_for(self, path: str) -> str | None:
        """The configuration file governing ``path`` (a file, or a directory itself)."""
        absolute = os.path.abspath(path)
        directory = absolute if os.path.isdir(absolute) else os.path.dirname(absolute)
        return self.source_for_dir(directory)

    def for_path(self, path: str) -> Settings:
        if self._only is not None:
            return self._only
        return self._load(self.source_for(path))

    def for_dir(self, directory: str) -> Settings:
        """The settings governing the absolute directory ``directory``."""
        if self._only is not None:
            return self._only
        return self._load(self.source_for_dir(directory))

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


class TreeExcluder:
    """``exclude``/``extend-exclude`` under nested configurations, for one walk from ``top``.

    ruff's rule: an entry (file or directory) is judged by the configuration that governs the
    directory holding it, and everything under an excluded directory is excluded. So the root's
    ``exclude = ["fixtures"]`` (a name at any depth) does not reach ``svc/fixtures`` when
    ``svc`` has a configuration of its own, whichever path the run was given; and a directory
    the root excludes stays excluded, configured or not. ``top`` (absolute) is where the walk
    starts: it is judged by nothing (a named path is checked), its entries by its configuration.
    """

    def __init__(self, tree: SettingsTree, top: str) -> None:
        self._tree = tree
        self._top = top.rstrip(os.sep) + os.sep
        self._dirs: dict[str, bool] = {top: False}  # absolute directory -> excluded
        self._excluders: dict[int, Excluder] = {}
        # absolute directory -> how its entries are judged: True (the directory is excluded),
        # False (nothing to exclude there), or the Excluder to ask. One lookup per file.
        self._judges: dict[str, Excluder | bool] = {}

    def excluded(self, absolute: str) -> bool:
        parent = os.path.dirname(absolute)
        judge = self._judges.get(parent)
        if judge is None:
            judge = self._judges[parent] = self._judge(parent)
        return judge if isinstance(judge, bool) else judge.excluded(absolute)

    def _judge(self, directory: str) -> Excluder | bool:
        if self._excluded_dir(directory):
            return True
        from authlint.discover import Excluder

        settings = self._tree.for_dir(directory)
        excluder = self._excluders.get(id(settings))
        if excluder is None:
            excluder = self._excluders[id(settings)] = Excluder(settings)
        return False if excluder.empty else excluder

    def _excluded_dir(self, directory: str) -> bool:
        known = self._dirs.get(directory)
        if known is None:
            # Above or beside the top (a staged file outside the working directory): nothing
            # there was walked, only the file's own configuration judges it.
            under = directory.startswith(self._top)
            known = self._dirs[directory] = under and self.excluded(directory)
        return known

"""File kind -> extractor: turns a file's text into Candidates (header values and credentials).

Which kinds exist and which extractor reads each is authlint/kinds.py (the one file-kinds table).

Extractor modules are imported lazily, only for the kinds a run actually meets, so that a
pre-commit run on one Python file never imports the YAML or Markdown extractors.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Final

from authlint import kinds as _kinds
from authlint.extract.candidate import Candidate, Role, Value
from authlint.kinds import kind_of

__all__ = ["DOC_KINDS", "KINDS", "Candidate", "Extractor", "Role", "Value", "extractor", "kind_of"]

Extractor = Callable[[str], Iterator[Candidate]]

KINDS: Final[dict[str, str]] = {name: kind.extractor for name, kind in _kinds.KINDS.items()}
DOC_KINDS: Final = _kinds.DOC_KINDS


_loaded: dict[str, Extractor] = {}


def extractor(kind: str) -> Extractor:
    """The extractor for ``kind``, imported on first use."""
    found = _loaded.get(kind)
    if found is None:
        module_name, _, function = KINDS[kind].partition(":")
        found = getattr(importlib.import_module(module_name), function)
        _loaded[kind] = found
    return found

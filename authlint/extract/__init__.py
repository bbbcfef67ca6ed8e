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
from authlint.prefilter import Anchors

__all__ = [
    "DOC_KINDS",
    "KINDS",
    "Candidate",
    "Extractor",
    "Role",
    "Value",
    "extract",
    "extractor",
    "kind_of",
]

Extractor = Callable[[str], Iterator[Candidate]]

KINDS: Final[dict[str, str]] = {name: kind.extractor for name, kind in _kinds.KINDS.items()}
DOC_KINDS: Final = _kinds.DOC_KINDS


_loaded: dict[str, Extractor] = {}
# Does an extractor take the prefilter's anchors? (The source-code extractors do: they would
# otherwise search the text for their keywords again.)
_takes_anchors: dict[Extractor, bool] = {}


def extractor(kind: str) -> Extractor:
    """The extractor for ``kind``, imported on first use."""
    found = _loaded.get(kind)
    if found is None:
        module_name, _, function = KINDS[kind].partition(":")
        found = getattr(importlib.import_module(module_name), function)
        _loaded[kind] = found
    return found


def _has_parameter(function: Extractor, name: str) -> bool:
    """Does ``function`` (a plain Python function) take a parameter ``name``? What
    ``inspect.signature`` says, read from its code object: importing inspect (and with it ast,
    dis and tokenize) cost a one-file run 11 ms."""
    code = function.__code__
    return name in code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]


def extract(kind: str, text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    """The candidates of ``text`` as a file of ``kind``. ``anchors``: the prefilter's, for
    exactly this text; the extractors that search for prefilter words take them instead."""
    function = extractor(kind)
    if anchors is not None:
        takes = _takes_anchors.get(function)
        if takes is None:
            takes = _takes_anchors[function] = _has_parameter(function, "anchors")
        if takes:
            return function(text, anchors=anchors)  # type: ignore[call-arg]
    return function(text)

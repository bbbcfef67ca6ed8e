"""Regular expressions compiled at first use, not at import.

A pre-commit run on one file imports the whole check path, and compiling a module's table of
patterns up front cost a third of that run although most files use a few of them: a file with
no header word never runs the header grammar. ``lazy(source)`` stands for ``re.compile(source)``
and compiles on the first method call; after that, each method is the compiled pattern's own
bound method (a slot lookup, as fast as calling the pattern).

For module-level constants only: it is not a ``re.Pattern`` instance (``isinstance`` fails, and
``re.sub(lazy(...), ...)`` does not accept it), so hand the methods, not the object, to code
that takes patterns from elsewhere.
"""

from __future__ import annotations

import re
from typing import Any, cast

_FILLED = (
    "match",
    "fullmatch",
    "search",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "groups",
    "groupindex",
)


class LazyPattern:
    __slots__ = ("pattern", "flags", *_FILLED)

    def __init__(self, source: str, flags: int) -> None:
        # Known without compiling: composing a bigger pattern from `.pattern` compiles nothing.
        self.pattern = source
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only reached while the slots are empty: compile once, fill them all, answer.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for slot in _FILLED:
            setattr(self, slot, getattr(compiled, slot))
        self.flags = compiled.flags
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return re.compile, (self.pattern, self.flags)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, deferred to the first match, search, sub, ..."""
    return cast("re.Pattern[str]", LazyPattern(source, flags))

"""Records: value classes written by hand, for the classes a one-file run defines as it starts.

A ``@dataclass`` writes its methods as source text and compiles them when the class is
created: 1 to 3 ms a class, 33 ms for the 23 on the import path of `authlint check` on one
file (what pre-commit runs on every commit), and importing ``dataclasses`` imports ``inspect``
(11 ms more). A record's methods are compiled once, into the byte code cache, like any other.

A record lists its fields in ``_fields``, in declaration order, and writes its ``__init__``
out, assigning each field as ``Final`` (mypy, strict in CI, refuses any assignment after
``__init__``: records are immutable by contract, as construct/ir.py's nodes are). The base
gives what a frozen dataclass would: equality and hashing by the fields (``_compared``, when
some fields do not count), a repr in field order, and ``replace``, which stands for
``dataclasses.replace``. ``OrderedRecord`` adds the ordering of ``order=True``.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, ClassVar, Self


class Record:
    __slots__ = ()

    # Every field, in declaration order: repr and replace() follow it.
    _fields: ClassVar[tuple[str, ...]] = ()
    # The fields that equality, hashing and ordering compare (default: all of them).
    _compared: ClassVar[tuple[str, ...] | None] = None
    # Fields repr leaves out (caches, back references).
    _unshown: ClassVar[frozenset[str]] = frozenset()
    # The compared fields' values, as one tuple (an attrgetter: one C call).
    _key: ClassVar[attrgetter[Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        compared = cls._fields if cls._compared is None else cls._compared
        if compared:  # (not the abstract bases)
            # attrgetter of one name returns the bare value, of several a tuple: either keys.
            cls._key = attrgetter(*compared)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self._key
        return bool(key(self) == key(other))

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self._fields if name not in self._unshown
        )
        return f"{self.__class__.__qualname__}({shown})"

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` (``dataclasses.replace``): an unknown name is a TypeError."""
        for name in self._fields:
            if name not in changes:
                changes[name] = getattr(self, name)
        return self.__class__(**changes)


class OrderedRecord(Record):
    """A record sorted by its compared fields, in order (``@dataclass(order=True)``)."""

    __slots__ = ()

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self._key
        return bool(key(self) < key(other))

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self._key
        return bool(key(self) <= key(other))

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self._key
        return bool(key(self) > key(other))

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self._key
        return bool(key(self) >= key(other))

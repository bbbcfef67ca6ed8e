"""User-supplied regexes (the allowlist) compiled with a guard against catastrophic backtracking.

Python's `re` backtracks, and cannot be interrupted from inside a match, so a pattern such as
``^([A-Za-z0-9]+)+$`` takes 2^n steps on a string of n characters that almost matches: one
committed secret would hang every run. A time budget would need a SIGALRM timer around every
match (Unix only, main thread only, a system call pair per match) or a subprocess, and it would
turn a slow pattern into findings that come and go with machine load; so the guard works at
compile time instead, with a clear error when the file is read, and rejects the shapes that cause
exponential time: a repeat that can run many times around a sub-pattern that can itself match a
varying number of times (star height above one: ``(a+)+``, ``(a*)*``, ``(?:x+y?)+``), or around
alternatives that can start with the same character or can both match nothing (``(x|.)*y``,
``(a|a)*``). A possessive inner repeat (``a++``) or an atomic group (``(?>a+)``) cannot
backtrack, so it is accepted, and so are fixed counts (``(ab){2}``) and alternatives that start
apart (``(foo|bar)+``). The check is conservative: a few safe patterns (``(\\w|-x)+``) are
refused too; the error says how to rewrite them.

What remains possible is polynomial (``\\w*\\w*``): a secret is at most a few hundred characters,
so that stays in the microseconds.
"""

from __future__ import annotations

import re

# re's own parser: the only exact reading of Python's regex syntax (3.11+: re._parser).
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_MAXREPEAT = _parser.MAXREPEAT
_BACKTRACKING_REPEATS = {str(_parser.MAX_REPEAT), str(_parser.MIN_REPEAT)}
_ALL_REPEATS = _BACKTRACKING_REPEATS | {"POSSESSIVE_REPEAT"}
_ATOMIC = "ATOMIC_GROUP"


class UnsafeRegex(ValueError):
    """The pattern can take exponential time; the message says how to rewrite it."""


def _children(op: str, av: Any) -> list[Any]:
    """The sub-pattern lists below one parsed node."""
    if op in _ALL_REPEATS:
        return [av[2]]
    if op == "SUBPATTERN":
        return [av[3]]
    if op == "BRANCH":
        return list(av[1])
    if op in ("ASSERT", "ASSERT_NOT"):
        return [av[1]]
    if op == "GROUPREF_EXISTS":
        return [branch for branch in av[1:] if branch is not None]
    if op == _ATOMIC:
        return [av]
    return []


def _varies(items: Any) -> bool:
    """Whether ``items`` holds a backtracking repeat whose count can vary."""
    for op_code, av in items:
        op = str(op_code)
        if op in (_ATOMIC, "POSSESSIVE_REPEAT"):
            continue  # matched once, never re-entered by backtracking
        if op in _BACKTRACKING_REPEATS and av[1] > av[0]:
            return True
        if any(_varies(child) for child in _children(op, av)):
            return True
    return False


# First characters an item list can start with: a set of code points, or None for "any" (a
# category such as \w, a negated class, a wide range): enough to tell `(foo|bar)` from `(a|a)`.
_WIDE = 256


def _first(items: Any) -> tuple[set[int] | None, bool]:
    """(characters ``items`` can start with, whether they can match the empty string)."""
    out: set[int] = set()
    for op_code, av in items:
        op = str(op_code)
        if op == "AT":
            continue  # an anchor consumes nothing
        if op == "LITERAL":
            return out | {av}, False
        if op == "IN":
            for member_op, member in av:
                kind = str(member_op)
                if kind == "LITERAL":
                    out.add(member)
                elif kind == "RANGE" and member[1] - member[0] < _WIDE:
                    out.update(range(member[0], member[1] + 1))
                else:
                    return None, False
            return out, False
        if op in ("SUBPATTERN", "BRANCH", *_ALL_REPEATS):
            if op == "SUBPATTERN":
                parts, least = [av[3]], 1
            elif op == "BRANCH":
                parts, least = list(av[1]), 1
            else:
                parts, least = [av[2]], av[0]
            nullable = least == 0
            for part in parts:
                inner, empty = _first(part)
                if inner is None:
                    return None, False
                out |= inner
                nullable = nullable or empty
            if not nullable:
                return out, False
            continue  # may match nothing: what follows can come first
        return None, False  # ANY, NOT_LITERAL, backreferences, lookarounds: anything
    return out, True


def _ambiguous(items: Any) -> bool:
    """Whether ``items`` hold an alternation two of whose branches can start alike, or can both
    match nothing (outside atomic groups): under a repeat, each such choice doubles the ways
    to fail."""
    for op_code, av in items:
        op = str(op_code)
        if op in (_ATOMIC, "POSSESSIVE_REPEAT"):
            continue
        if op == "BRANCH":
            seen: set[int] = set()
            empties = 0
            for branch in av[1]:
                first, empty = _first(branch)
                if first is None or first & seen:
                    return True
                seen |= first
                empties += empty
            if empties > 1:
                return True
        if any(_ambiguous(child) for child in _children(op, av)):
            return True
    return False


def _nested(items: Any) -> bool:
    for op_code, av in items:
        op = str(op_code)
        unbounded = op in _ALL_REPEATS and av[1] == _MAXREPEAT
        if unbounded and (_varies(av[2]) or (op != "POSSESSIVE_REPEAT" and _ambiguous(av[2]))):
            return True
        if any(_nested(child) for child in _children(op, av)):
            return True
    return False


def compile_user_regex(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, refusing patterns that nest repeats (see the module docstring).

    Raises ``re.error`` for invalid syntax and ``UnsafeRegex`` for a nested repeat.
    """
    compiled = re.compile(pattern)
    if _nested(_parser.parse(pattern)):
        raise UnsafeRegex(
            "nested repeat (a repeat, or alternatives that start alike, inside a repeat) can "
            "backtrack for minutes on one string "
            "(ReDoS); drop the outer repeat, or make the inner one possessive (`++`, `*+`) or "
            "atomic (`(?>...)`)"
        )
    return compiled

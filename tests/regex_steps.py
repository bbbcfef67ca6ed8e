"""Count the steps a backtracking regex engine takes, to test complexity without timing.

``steps(pattern, text, mode)`` runs ``pattern`` over ``text`` with a small backtracking
interpreter of the parsed pattern (``re._parser``'s tree, the tree ``re`` compiles) that tries the
alternatives in the order CPython's engine does: greedy repeats longest first, lazy shortest
first, branches left to right, possessive repeats and atomic groups without giving anything back.
Every character test and every node entered is one step. CPython's engine has shortcuts (a
literal prefix search, a character-set check before a repeat) that only ever save steps, so a
pattern whose count here grows linearly does not backtrack quadratically there, and one that
grows quadratically here is the shape a regex denial of service is made of.

Modes: ``fullmatch``, ``match``, and ``finditer`` (a search from each position after the last
match, which is also what a failing ``search`` costs).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

Node = tuple[Any, Any]


class _Counter:
    def __init__(self) -> None:
        self.steps = 0


def _category(cat: Any, c: str) -> bool:
    name = str(cat)
    if "DIGIT" in name:
        hit = c.isdecimal()
    elif "SPACE" in name:
        hit = c.isspace()
    elif "WORD" in name:
        hit = c.isalnum() or c == "_"
    elif "LINEBREAK" in name:
        hit = c == "\n"
    else:  # pragma: no cover - a category the project's patterns do not use
        raise NotImplementedError(name)
    return not hit if "NOT" in name else hit


def _in_set(items: list[Node], c: str, ignore_case: bool) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or _same(chr(av), c, ignore_case)
        elif op is C.RANGE:
            lo, hi = av
            hit = hit or lo <= ord(c) <= hi
            if ignore_case and not hit:
                hit = any(lo <= ord(v) <= hi for v in (c.lower(), c.upper()))
        elif op is C.CATEGORY:
            hit = hit or _category(av, c)
        else:  # pragma: no cover
            raise NotImplementedError(op)
    return hit != negate


def _same(a: str, b: str, ignore_case: bool) -> bool:
    return a == b or (ignore_case and a.lower() == b.lower())


class _Matcher:
    def __init__(self, text: str, flags: int, counter: _Counter) -> None:
        self.s = text
        self.flags = flags
        self.count = counter

    def seq(self, items: list[Node], k: int, i: int, flags: int) -> Iterator[int]:
        if k == len(items):
            yield i
            return
        for j in self.node(items[k], i, flags):
            yield from self.seq(items, k + 1, j, flags)

    def node(self, node: Node, i: int, flags: int) -> Iterator[int]:
        self.count.steps += 1
        op, av = node
        s = self.s
        ic = bool(flags & re.IGNORECASE)
        if op is C.LITERAL:
            if i < len(s) and _same(chr(av), s[i], ic):
                yield i + 1
        elif op is C.NOT_LITERAL:
            if i < len(s) and not _same(chr(av), s[i], ic):
                yield i + 1
        elif op is C.ANY:
            if i < len(s) and (s[i] != "\n" or flags & re.DOTALL):
                yield i + 1
        elif op is C.IN:
            if i < len(s) and _in_set(av, s[i], ic):
                yield i + 1
        elif op is C.BRANCH:
            for alt in av[1]:
                yield from self.seq(list(alt), 0, i, flags)
        elif op is C.SUBPATTERN:
            _group, add, remove, sub = av
            yield from self.seq(list(sub), 0, i, (flags | add) & ~remove)
        elif op is C.MAX_REPEAT:
            lo, hi, sub = av
            yield from self.greedy(list(sub), (lo, hi), 0, i, flags)
        elif op is C.MIN_REPEAT:
            lo, hi, sub = av
            yield from self.lazy(list(sub), (lo, hi), 0, i, flags)
        elif op is C.POSSESSIVE_REPEAT:
            lo, hi, sub = av
            yield from self.first(self.greedy(list(sub), (lo, hi), 0, i, flags))
        elif op is C.ATOMIC_GROUP:
            yield from self.first(self.seq(list(av), 0, i, flags))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            items = list(sub)
            if direction == 1:
                found = any(True for _ in self.seq(items, 0, i, flags))
            else:
                lo, hi = sub.getwidth()
                assert lo == hi, "look-behind has a fixed width"
                found = i - lo >= 0 and any(j == i for j in self.seq(items, 0, i - lo, flags))
            if found == (op is C.ASSERT):
                yield i
        elif op is C.AT:
            if self.at(av, i):
                yield i
        else:  # pragma: no cover - GROUPREF and the like: not in the project's patterns
            raise NotImplementedError(op)

    def at(self, where: Any, i: int) -> bool:
        s = self.s
        if where in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
            return i == 0
        if where is C.AT_END:
            return i == len(s) or (i == len(s) - 1 and s[i] == "\n")
        if where is C.AT_END_STRING:
            return i == len(s)
        raise NotImplementedError(where)  # pragma: no cover

    def first(self, results: Iterator[int]) -> Iterator[int]:
        for j in results:
            yield j
            return

    def greedy(
        self, sub: list[Node], bounds: tuple[int, int], count: int, i: int, flags: int
    ) -> Iterator[int]:
        lo, hi = bounds
        if count < hi:
            for j in self.seq(sub, 0, i, flags):
                if j == i and count >= lo:
                    continue  # an empty iteration ends the repeat, as in CPython
                yield from self.greedy(sub, bounds, count + 1, j, flags)
        if count >= lo:
            yield i

    def lazy(
        self, sub: list[Node], bounds: tuple[int, int], count: int, i: int, flags: int
    ) -> Iterator[int]:
        lo, hi = bounds
        if count >= lo:
            yield i
        if count < hi:
            for j in self.seq(sub, 0, i, flags):
                if j == i and count >= lo:
                    continue
                yield from self.lazy(sub, bounds, count + 1, j, flags)


def steps(pattern: re.Pattern[str], text: str, mode: str) -> int:
    """How many steps ``mode`` (fullmatch, match or finditer) takes on ``text``."""
    tree = P.parse(pattern.pattern, pattern.flags)
    items = list(tree)
    counter = _Counter()
    flags = pattern.flags
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20_000))
    try:
        m = _Matcher(text, flags, counter)
        if mode == "fullmatch":
            any(j == len(text) for j in m.seq(items, 0, 0, flags))
        elif mode == "match":
            next(m.seq(items, 0, 0, flags), None)
        elif mode == "finditer":
            start = 0
            while start <= len(text):
                end = next(m.seq(items, 0, start, flags), None)
                if end is None:
                    start += 1
                else:
                    start = end + 1 if end == start else end
        else:
            raise ValueError(mode)
    finally:
        sys.setrecursionlimit(limit)
    return counter.steps


def accepts(pattern: re.Pattern[str], c: str) -> bool:
    """Whether some literal or class anywhere in ``pattern`` takes the character ``c``."""
    found = False

    def walk(items: Any, flags: int) -> None:
        nonlocal found
        for op, av in items:
            ic = bool(flags & re.IGNORECASE)
            if (
                (op is C.LITERAL and _same(chr(av), c, ic))
                or (op is C.IN and _in_set(av, c, ic))
                or (op is C.NOT_LITERAL and not _same(chr(av), c, ic))
            ):
                found = True
            elif op is C.BRANCH:
                for alt in av[1]:
                    walk(alt, flags)
            elif op is C.SUBPATTERN:
                walk(av[3], (flags | av[1]) & ~av[2])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                walk(av[2], flags)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                walk(av[1], flags)
            elif op is C.ATOMIC_GROUP:
                walk(av, flags)

    walk(P.parse(pattern.pattern, pattern.flags), pattern.flags)
    return found


Runner = Callable[[str], object]

"""Every parser pattern and the parser itself take linear time: counted in steps, not seconds.

Each compiled pattern of grammar.py, header.py and credentials.py is run, the way the code calls
it, through a step-counting backtracking interpreter (``tests/regex_steps.py``) on inputs made to
be worst for it: runs of each character it repeats and of separators, with and without a
terminator that makes the match fail. Doubling the run must not much more than double the steps
(a quadratic pattern such as the old padding scan ``=+(?=[^=])`` quadruples them). The Python
side of ``validate`` and ``parse`` is counted in executed lines the same way. Seconds on real
sizes are in ``bench/bench_parser_linear.py``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import partial
from types import FrameType, ModuleType
from typing import Any

import pytest

from authlint import credentials, grammar, header
from authlint.lazyre import LazyPattern
from tests.regex_steps import accepts, steps

# How the code calls each compiled pattern (a failing `search` costs what `finditer` does).
USES = {
    "grammar.credentials_re": "fullmatch",
    "grammar.token_re": "fullmatch",
    "grammar.token68_re": "fullmatch",
    "grammar.auth_param_re": "fullmatch",
    "grammar.auth_param_named_re": "finditer",
    "grammar.auth_param_list_re": "fullmatch",
    "grammar.b64token_re": "fullmatch",
    "grammar.base64_canonical_re": "fullmatch",
    "grammar.strict_credentials_re": "fullmatch",
    "grammar.user_pass_re": "fullmatch",
    "grammar.ctl_re": "finditer",
    "grammar.control_re": "finditer",
    "grammar.ctl_not_htab_re": "finditer",
    "grammar.field_name_prefix_re": "match",
    "grammar.variable_re": "finditer",
    "grammar.placeholder_wrapped_re": "finditer",
    "grammar.placeholder_word_re": "fullmatch",
    "header._NOT_BASE64": "finditer",
    "header._NOT_B64TOKEN": "finditer",
    "header._BASE64_RUN": "fullmatch",
    "header._INNER_WS": "finditer",
    "header._SEP": "match",
    "header._SCHEME": "finditer",
    "header._TO_WS": "match",
    "header._CTL_BYTES": "finditer",
    "header._C1": "finditer",
    "header._BAD_UTF8": "finditer",
    "header._QUOTED_PAIR": "finditer",
    "header._MISPLACED_PAD": "finditer",
    "credentials._CTL": "finditer",
    "credentials._B64TOKEN": "fullmatch",
    "credentials._NAME_PART": "fullmatch",
    "credentials._SCHEME_PARTS": "finditer",
    "credentials._PARAM_PARTS": "finditer",
}
MODULES: dict[str, ModuleType] = {"grammar": grammar, "header": header, "credentials": credentials}


def _compiled(module: ModuleType) -> dict[str, object]:
    # Compiled now or at first use (authlint.lazyre).
    return {n: v for n, v in vars(module).items() if isinstance(v, (re.Pattern, LazyPattern))}


def test_every_pattern_is_declared() -> None:
    found = {f"{m}.{name}" for m, module in MODULES.items() for name in _compiled(module)}
    assert found == set(USES)


def _pattern(qualified: str) -> re.Pattern[str]:
    module, name = qualified.split(".")
    pattern = getattr(MODULES[module], name)
    if isinstance(pattern.pattern, bytes):
        return re.compile(pattern.pattern.decode("iso-8859-1"))
    return re.compile(pattern.pattern, pattern.flags)


# Characters every rule treats specially, and multi-character units lists and variables repeat.
_SINGLES = "a0A=+/-_.~ \t,;:\"'\\$%#{}[]<>()*!\x00\r\n\x7f\x85é…X"
_UNITS = ["a=b,", "a=b, ", " ,", "a=", "=a", "a ", "\t,", '\\"', "${", "{{", "%(", "#{", "$a", "aA"]
_PREFIXES = ["", "a", 'a="', "a=b,"]
_SUFFIXES = ["", "!", "\x01"]
SMALL, LARGE = 16, 32


def _cases(pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    units = [c for c in _SINGLES if accepts(pattern, c)] + [
        u for u in _UNITS if all(accepts(pattern, c) for c in u)
    ]
    return [(p, u, s) for u in units for p in _PREFIXES for s in _SUFFIXES]


@pytest.mark.parametrize("qualified", sorted(USES))
def test_pattern_is_linear(qualified: str) -> None:
    pattern = _pattern(qualified)
    mode = USES[qualified]
    worst = []
    for prefix, unit, suffix in _cases(pattern):
        small = steps(pattern, prefix + unit * SMALL + suffix, mode)
        large = steps(pattern, prefix + unit * LARGE + suffix, mode)
        # Linear: x2 per doubling plus a constant; quadratic would be x4.
        if large > 2.6 * small + 40:
            worst.append((prefix, unit, suffix, small, large))
    assert worst == []


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        pytest.param("=" * 40, "finditer", id="old-padding-scan"),
        pytest.param("a" * 40 + "!", "finditer", id="token-then-fail"),
    ],
)
def test_the_step_counter_sees_a_quadratic_pattern(text: str, mode: str) -> None:
    # The padding scan as it was (issue 8) and a run that must be retried from each position.
    old = re.compile(r"=+(?=[^=])") if text[0] == "=" else re.compile(r"a+b")
    small = steps(old, text[:20] + text[-1], mode)
    large = steps(old, text + text[-1], mode)
    assert large > 3.5 * small
    assert steps(_pattern("header._MISPLACED_PAD"), text, mode) < 8 * len(text)


# --- the Python side of the parser, counted in executed lines ---------------------------------

_PARSER_FILES = {header.__file__, credentials.__file__}


def _lines(run: Callable[[], object]) -> int:
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if frame.f_code.co_filename in _PARSER_FILES:
            count += 1
            return tracer
        return None

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        run()
    except ValueError:
        pass
    finally:
        sys.settrace(old)
    return count


# Values built to be worst for the scanner: long runs of what it loops over.
_FAMILIES: dict[str, Callable[[int], str]] = {
    "padding": lambda n: "Basic " + "=" * n,
    "pads-between": lambda n: "Basic " + "A=" * n,
    "base64-run": lambda n: "Basic " + "A" * n + "!",
    "bearer-pads": lambda n: "Bearer a" + "=a" * n,
    "variables": lambda n: "Basic " + "$x" * n,
    "placeholders": lambda n: "Bearer " + "<a>" * n,
    "params": lambda n: "Digest " + "a=b, " * n + "!",
    "quoted-params": lambda n: 'Digest a="' + "\\x" * n,
    "spaces": lambda n: " " * n + "x" + " " * n,
    "tabs-in-token": lambda n: "Basic " + "A\t" * n,
    "controls": lambda n: "Basic " + "\r" * n,
    "mixed-controls": lambda n: "Basic " + "A\x00" * n,
    "quotes": lambda n: '"' * n,
    "field-name": lambda n: "Authorization: " * n,
    "non-utf8": lambda n: "Basic " + "//" * (2 * n) + "==",
    "c1": lambda n: "Basic " + "woXChcKF" * n,
    "foreign": lambda n: "Basic " + "-_" * n,
}


@pytest.mark.parametrize("family", sorted(_FAMILIES))
@pytest.mark.parametrize("profile", ["strict", "rfc"])
def test_parser_python_steps_are_linear(family: str, profile: str) -> None:
    make = _FAMILIES[family]
    runs: tuple[Callable[..., object], ...] = (header.validate, header.parse)
    for run in runs:
        small = _lines(partial(run, make(200), profile=profile))
        large = _lines(partial(run, make(400), profile=profile))
        assert large <= 2.3 * small + 50, (run.__name__, small, large)

"""The allowlist regex guard: exponential shapes are refused when the configuration is read,
ordinary patterns pass. Each rejected row backtracks exponentially in CPython's `re` (measured
when the rows were written: > 300 ms on 23 characters, doubling per character)."""

from __future__ import annotations

import re

import pytest

from authlint.userregex import UnsafeRegex, compile_user_regex

REJECTED = [
    "^([A-Za-z0-9]+)+$",
    "(a*)*b",
    "(?:x+y?)+$",
    "^(a|a)*$",  # re folds it to a(|): two empty branches under a repeat
    "(x|.)*y",  # `.` can start like `x`
    "((ab)*)+$",
    "(?:[a-z]+-?)*$",
    "(?=x)(a+)+",
]
ACCEPTED = [
    "^rzp_test_Doc",
    "EXAMPLE",
    "(?:ab)+c",
    "^(?:[A-Za-z0-9]++)+$",  # possessive inner repeat: nothing to give back
    "^(?>[a-z]+)*$",  # atomic group
    "(foo|bar){2}x*",  # fixed count outside
    "a{2,3}(b{1,2}){2}",
    "(a|b)+",
    "(foo|bar)+$",  # alternatives start apart
    "(?:rzp_test_|rzp_live_)+",
    "^(https?|ftp)://",
    "(a|ab)*c",  # re factors it to a(|b): no choice left
    "[A-Za-z0-9]{14}$",
    r"\d+\.\d+",
]


@pytest.mark.parametrize("pattern", REJECTED)
def test_exponential_shapes_are_refused(pattern: str) -> None:
    with pytest.raises(UnsafeRegex, match="possessive"):
        compile_user_regex(pattern)


@pytest.mark.parametrize("pattern", ACCEPTED)
def test_ordinary_patterns_compile(pattern: str) -> None:
    assert compile_user_regex(pattern).pattern == pattern


def test_syntax_errors_stay_re_errors() -> None:
    with pytest.raises(re.error):
        compile_user_regex("(unclosed")

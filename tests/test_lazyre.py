from __future__ import annotations

import pickle
import re
import subprocess
import sys

import pytest

from authlint.lazyre import LazyPattern, lazy


def _compiled(pattern: object) -> bool:
    try:
        object.__getattribute__(pattern, "search")
    except AttributeError:
        return False
    return True


def test_nothing_is_compiled_until_first_use() -> None:
    pattern = lazy(r"(?P<word>[a-z]+)-(\d+)", re.IGNORECASE)
    assert pattern.pattern == r"(?P<word>[a-z]+)-(\d+)"
    assert not _compiled(pattern)
    found = pattern.search("x ABC-12 y")
    assert found is not None
    assert found.group("word") == "ABC"
    assert _compiled(pattern)


@pytest.mark.parametrize(
    ("call", "text"),
    [
        ("match", "ab-1"),
        ("fullmatch", "ab-1"),
        ("search", "zz ab-1"),
        ("findall", "a-1 b-2"),
        ("split", "a-1 b-2"),
    ],
)
def test_every_method_answers_as_the_compiled_pattern(call: str, text: str) -> None:
    source = r"([a-z]+)-(\d)"
    expected = getattr(re.compile(source), call)(text)
    got = getattr(lazy(source), call)(text)
    if isinstance(expected, re.Match):
        assert isinstance(got, re.Match)
        assert got.span() == expected.span()
        assert got.groups() == expected.groups()
    else:
        assert got == expected


def test_sub_finditer_and_compiled_attributes() -> None:
    pattern = lazy(r"(?P<n>\d+)")
    assert pattern.groups == 1
    assert pattern.groupindex == {"n": 1}
    assert pattern.sub("#", "a1b22") == "a#b#"
    assert [m.group() for m in pattern.finditer("1 22 333")] == ["1", "22", "333"]
    assert pattern.flags == re.compile(r"(?P<n>\d+)").flags


def test_a_bad_pattern_fails_at_first_use() -> None:
    broken = lazy("(")
    with pytest.raises(re.error):
        broken.search("x")


def test_pickles_as_the_compiled_pattern() -> None:
    restored = pickle.loads(pickle.dumps(lazy("a+", re.IGNORECASE)))
    assert isinstance(restored, re.Pattern)
    assert restored.fullmatch("AAA") is not None


def test_importing_the_parser_and_vocabulary_compiles_nothing() -> None:
    # Checked in a fresh interpreter: this one has run the patterns already.
    code = (
        "import sys\n"
        "import authlint.credentials, authlint.grammar, authlint.header, authlint.placeholder\n"
        "from authlint.lazyre import LazyPattern\n"
        "lazies = [v for m in list(sys.modules.values()) if m and m.__name__.startswith('authlint')"
        " for v in vars(m).values() if isinstance(v, LazyPattern)]\n"
        "def compiled(v):\n"
        "    try:\n"
        "        object.__getattribute__(v, 'search')\n"
        "    except AttributeError:\n"
        "        return False\n"
        "    return True\n"
        "done = [v.pattern for v in lazies if compiled(v)]\n"
        "print(len(lazies), len(done))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) >= 30
    assert out[1] == "0"


def test_is_a_slotted_proxy() -> None:
    assert not hasattr(lazy("a"), "__dict__")
    assert isinstance(lazy("a"), LazyPattern)

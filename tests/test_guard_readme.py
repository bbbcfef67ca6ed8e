"""The README's runtime-guard examples run as written."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"

pytest_plugins = ["pytester"]


def _guard_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Runtime guard\n")
    end = text.index("\n## ", start + 1)
    return re.findall(r"```python\n(.*?)```", text[start:end], re.DOTALL)


BLOCKS = _guard_blocks()
# What each example prints, in order: the comments in the README say the same.
PRINTS = [
    [],
    ["StrictBasicAuth(key_id='A…(redacted)', secret='…(redacted)')", "AL106 =="],
    [
        "{'key_id': 'Aladdin'}",
        '401 Basic realm="payments", charset="UTF-8"',
        "AL102 {'start': 6, 'end': 7} malformed Authorization header: opening quote around the "
        "credentials",
    ],
    ["{'key_id': 'Aladdin'}", "401 AL101 Basic"],
]


def test_every_integration_has_an_example() -> None:
    assert len(BLOCKS) == len(PRINTS) == 4


@pytest.mark.parametrize(("block", "prints"), list(zip(BLOCKS, PRINTS, strict=True)))
def test_example_runs_as_a_script(block: str, prints: list[str]) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, "README.md", "exec"), {"__name__": "__main__"})
    assert out.getvalue().splitlines() == prints
    # ...and the README's comments show that output.
    for line in prints:
        assert line in block


def test_the_plugin_example_fails_under_the_plugin(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_orders=BLOCKS[0])
    assert pytester.runpytest("-p", "no:cacheprovider").ret == 0
    result = pytester.runpytest("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    # The output the README shows, line for line.
    text = README.read_text(encoding="utf-8")
    shown = re.search(r"```text\n(FAILED test_orders.py.*?)```", text, re.DOTALL)
    assert shown is not None
    for line in shown.group(1).splitlines()[1:]:
        assert line in result.outlines, line

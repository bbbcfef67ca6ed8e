"""LineIndex answers its first questions by counting newlines and then from a table of line
starts: both must give what the plain table always gave, in any order of questions."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

from authlint.finding import LineIndex

# Line ends of every kind (only "\n" ends a line here), and text that is not ASCII.
TEXT = st.text(alphabet=st.sampled_from(list("ab \n\r\u2028\x0bé😀")), max_size=120)


def reference(text: str) -> list[int]:
    """Line starts as the first LineIndex computed them: after every "\n"."""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


@given(TEXT, st.lists(st.integers(min_value=-3, max_value=130), max_size=30))
def test_positions_agree_with_the_table(text: str, offsets: list[int]) -> None:
    index = LineIndex(text)
    starts = reference(text)
    assert [index.position(offset) for offset in offsets] == [
        position(starts, offset) for offset in offsets
    ]


@given(TEXT, st.data())
def test_line_spans_agree_with_the_table(text: str, data: st.DataObject) -> None:
    index = LineIndex(text)
    starts = reference(text)
    asked = data.draw(st.lists(st.integers(min_value=0, max_value=len(text)), max_size=3))
    for offset in asked:  # whichever way the earlier questions were answered
        assert index.position(offset) == position(starts, offset)
    line = data.draw(st.integers(min_value=1, max_value=len(starts)))
    end = starts[line] - 1 if line < len(starts) else len(text)
    assert index.line_span(line) == (starts[line - 1], end)


def test_many_questions_switch_to_the_table() -> None:
    text = "a\nbb\nccc\n" * 10
    index = LineIndex(text)
    starts = reference(text)
    for offset in range(len(text) + 2):
        assert index.position(offset) == position(starts, offset)

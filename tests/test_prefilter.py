from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authlint import prefilter

hyperscan = pytest.importorskip("hyperscan")

WORDY = st.lists(
    st.sampled_from(
        [
            *"rzp_SECRETpasswdbasicBEARERauth:/curlwget-u ké\n\x00",
            *("b64", "Buffer.from", "CREDENTIAL", "userpwd"),
        ]
    ),
    max_size=300,
).map("".join)


@given(WORDY)
def test_engines_agree(text: str) -> None:
    data = text.encode("utf-8")
    assert prefilter.hyperscan_anchors(data) == prefilter.python_anchors(data)


@given(WORDY)
def test_char_offsets_point_at_the_words(text: str) -> None:
    data = text.encode("utf-8")
    for offset, index in prefilter.char_offsets(data, prefilter.python_anchors(data)):
        word = prefilter.WORDS[index].decode()
        assert text[offset : offset + len(word)].lower() == word


@given(
    st.lists(st.sampled_from([b"auth", b"basic", b" ", b"\n", b"\xc3\xa9", b"\xe2\x82", b"\xff"]))
)
def test_char_offsets_are_offsets_into_the_replaced_text(pieces: list[bytes]) -> None:
    """Invalid UTF-8 too: each offset is where the word is in the text decoded with replace."""
    data = b"".join(pieces)
    found = prefilter.python_anchors(data)
    expected = [(len(data[:offset].decode("utf-8", "replace")), i) for offset, i in found]
    assert prefilter.char_offsets(data, found) == expected


def test_case_insensitive_and_overlapping() -> None:
    found = prefilter.python_anchors(b"AUTHORIZATION: Basic x; basic_auth")
    words = [prefilter.WORDS[i] for _, i in found]
    assert words.count(b"auth") == 2
    assert words.count(b"basic") == 2


def test_nothing_to_find() -> None:
    assert prefilter.anchors(b"import os\nprint(os.getcwd())\n") == []


def test_code_words_alone_do_not_open_a_file() -> None:
    # The source-code extractor's own keywords come from the same pass, but a file that holds
    # only them has nothing for any check.
    found = prefilter.python_anchors(b"data = base64.b64encode(Buffer.from(x))")
    assert {prefilter.WORDS[i] for _, i in found} == {b"base64", b"b64", b"buffer.from"}
    assert not prefilter.opens(found)
    assert not prefilter.might_open(b"data = base64.b64encode(Buffer.from(x))")
    opened = prefilter.python_anchors(b"AUTH = base64.b64encode(x)")
    assert prefilter.opens(opened)
    assert prefilter.might_open(b"AUTH = base64.b64encode(x)")


def test_gate_words_come_first() -> None:
    assert prefilter.WORDS[: prefilter.GATE] == prefilter.GATE_WORDS
    assert set(prefilter.CODE_WORDS) <= set(prefilter.WORDS)
    assert len(set(prefilter.WORDS)) == len(prefilter.WORDS)

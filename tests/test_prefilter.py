from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authlint import prefilter

hyperscan = pytest.importorskip("hyperscan")

WORDY = st.text(
    alphabet=st.sampled_from(list("rzp_SECRETpasswdbasicBEARERauth:/curlwget-u ké\n\x00")),
    max_size=300,
)


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


def test_case_insensitive_and_overlapping() -> None:
    found = prefilter.python_anchors(b"AUTHORIZATION: Basic x; basic_auth")
    words = [prefilter.WORDS[i] for _, i in found]
    assert words.count(b"auth") == 2
    assert words.count(b"basic") == 2


def test_nothing_to_find() -> None:
    assert prefilter.anchors(b"import os\nprint(os.getcwd())\n") == []

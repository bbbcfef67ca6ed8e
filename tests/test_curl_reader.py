"""The regex word reader of extract/curl.py against the char-by-char reader it replaced.

The char reader still lives in the module (`_Reader._slow_word`, for what the regex grammar does
not fit); `_CharReader` below reads every word with it, with the word loop the module had before
the regex reader. On any shell-ish text both must split the same words, with the same segments,
spans and stop position, and give the same candidates.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from authlint.extract import curl
from authlint.extract.candidate import Value

# Pieces that steer the reader into each of its branches: quotes (closed, unclosed, spanning
# lines), expansions, substitutions, backticks, escapes, continuations, operators, comments,
# redirections and placeholders, option words, and non-ASCII letters and blanks.
_PIECES = (
    "curl ",
    "curl\t",
    "wget ",
    "http ",
    "https ",
    "xh ",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\\\n",
    "\\\r\n",
    "\\",
    "\\ ",
    "'",
    '"',
    "$",
    "$'",
    "$'a\\'b'",
    '$"',
    "${",
    "}",
    "${VAR}",
    "${A:-x}",
    "$VAR",
    "$1",
    "$$",
    "$!",
    "$(",
    "$(date)",
    ")",
    "(",
    "`",
    "`id`",
    "#",
    ";",
    "|",
    "&",
    "<",
    ">",
    "<key_secret>",
    "<YOUR_TOKEN>",
    "-H",
    "-H ",
    "-sSu",
    "-u",
    "-u ",
    "-U ",
    "--user",
    "--user=",
    "--proxy-user ",
    "--url ",
    "--header",
    "--header=",
    "--http-user=",
    "--password ",
    "-a ",
    "--auth=",
    "-X ",
    "=",
    ":",
    "@",
    "Authorization: ",
    "authorization:",
    "Proxy-Authorization:",
    "Bearer ",
    "Basic ",
    "id:secret",
    "x",
    "ab",
    "0",
    "https://api.example.com/v1",
    ":3000/p",
    "pie.dev",
    "é",
    "İ",
    "\xa0",
    "\u2003",
    "\x0b",
    "K",
)

shellish = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


class _CharReader(curl._Reader):
    """Every word by the char reader: the reference the regex grammar must agree with."""

    def words(self) -> Iterator[curl.Word]:
        text = self.text
        while self.pos < self.end:
            blank = curl._BLANK.match(text, self.pos, self.end)
            if blank:
                self.pos = blank.end()
                continue
            char = text[self.pos]
            if char in "<>" and not curl._STARTS_PLACEHOLDER.match(text, self.pos, self.end):
                self.pos += 1  # a redirection: its target is read as a plain word
                continue
            if char in "\n\r;&|()`#":
                return
            word = self._slow_word()
            if word is None:
                return
            yield word

    def _word(self) -> curl.Word | None:
        return self._slow_word()


def _by_chars(function: Any, *args: Any, **kwargs: Any) -> Any:
    """``function`` of the module run with the char reader in place of the regex reader."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(curl, "_Reader", _CharReader)
        found = function(*args, **kwargs)
        return found if found is None or isinstance(found, Value) else list(found)


Plain = tuple[tuple[tuple[str, int, int], ...], int, int]
Split = tuple[list[Plain], int]


def _words(reader: Any, limit: int) -> Split:
    """The first ``limit`` words as plain tuples, and where the reader stopped."""
    words: list[Plain] = []
    for word in itertools.islice(reader.words(), limit):
        segments = tuple((s.kind, s.start, s.end) for s in word.segments)
        words.append((segments, word.start, word.end))
    return words, reader.pos


@settings(max_examples=1000)  # cheap, and the grammar has many corners
@given(
    text=shellish,
    span=st.tuples(st.integers(0, 60), st.integers(0, 60)),
    flags=st.tuples(st.booleans(), st.booleans()),
    limit=st.integers(0, 12),
)
@example(
    text='curl -H "Authorization: Bearer $T" https://x.io',
    span=(4, 0),
    flags=(False, False),
    limit=9,
)
@example(text="<key_secret>", span=(0, 0), flags=(False, False), limit=1)
@example(text="a$$(b) $$'c' x$$'d'", span=(0, 0), flags=(False, False), limit=9)
@example(text="a$'b", span=(0, 1), flags=(False, False), limit=9)
@example(text="a${b\n}c 'd\ne' \"f\ng\"", span=(0, 0), flags=(False, True), limit=9)
def test_words_match_the_reference(
    text: str, span: tuple[int, int], flags: tuple[bool, bool], limit: int
) -> None:
    start = min(span[0], len(text))
    end = max(start, len(text) - span[1])
    one_line, prose = flags
    new = curl._Reader(text, start, end, one_line, prose)
    old = _CharReader(text, start, end, one_line, prose)
    assert _words(new, limit) == _words(old, limit)


@settings(max_examples=1000)  # cheap, and the grammar has many corners
@given(text=shellish, start=st.integers(0, 60), cut=st.integers(0, 60))
@example(text="  $'a\\'b'<key_secret>", start=6, cut=0)  # a placeholder after a closing quote
def test_word_at_matches_the_reference(text: str, start: int, cut: int) -> None:
    start = min(start, len(text))
    end = max(start, len(text) - cut)
    assert curl.word_at(text, start, end) == _by_chars(curl.word_at, text, start, end)


@settings(max_examples=1000)  # cheap, and the grammar has many corners
@given(text=shellish, prose=st.booleans(), start=st.integers(0, 30), cut=st.integers(0, 30))
@example(
    text='curl -sf -H "Authorization: Bearer $API_TOKEN" https://api.example.com/v1',
    prose=False,
    start=0,
    cut=0,
)
@example(text="http pie.dev Authorization:Bearer\\ x --auth=a:b", prose=True, start=0, cut=0)
@example(text="wget --http-user=u --password p https://h.io", prose=False, start=0, cut=0)
@example(text="curl -u \\\n -X POST https://h.io", prose=False, start=0, cut=0)
def test_extract_matches_the_reference(text: str, prose: bool, start: int, cut: int) -> None:
    start = min(start, len(text))
    end = max(start, len(text) - cut)
    assert list(curl.extract(text, start, end, prose=prose)) == _by_chars(
        curl.extract, text, start, end, prose=prose
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('["curl", "-u", "id:secret", "https://h.io"]', id="exec"),
        pytest.param("['wget', '--password', 'p', '--user=u']", id="exec wget"),
    ],
)
def test_extract_exec_matches_the_reference(text: str) -> None:
    assert list(curl.extract_exec(text)) == _by_chars(curl.extract_exec, text)

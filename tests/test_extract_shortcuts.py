"""The extractors' shortcuts give what the long way gives.

Each shortcut in extract/code.py and extract/config.py skips work that cannot change the answer:
a name no table knows, a keyword search the prefilter already made, a search that cannot match.
Each test here runs the shortcut and the long way (kept as the reference: the search without
anchors, the filter disabled, the original per-word merge and search) on generated inputs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authlint import prefilter
from authlint.extract import (
    Candidate,
    Role,
    Value,
    code,
    config,
    go,
    headerline,
    java,
    javascript,
    php,
    python,
    ruby,
)
from authlint.extract.code import Language, extract_code
from authlint.placeholder import looks_random

LANGUAGES: dict[str, Language] = {
    module.LANGUAGE.name: module.LANGUAGE for module in (python, javascript, go, java, php, ruby)
}


class _Everything(frozenset[str]):
    """A name filter that lets every name through: the long way."""

    def __contains__(self, name: object) -> bool:
        return True


def _unfiltered(lang: Language) -> Language:
    copy = lang.replace()
    object.__setattr__(copy, "names", _Everything())
    return copy


# Names around the keywords: every table's names, their parts, and near misses.
NAMES = st.lists(
    st.sampled_from(
        [
            "auth",
            "Auth",
            "author",
            "basic",
            "Basic",
            "basicConfig",
            "basic_auth",
            "BasicAuth",
            "HTTPBasicAuth",
            "HTTPDigestAuth",
            "add_password",
            "SetBasicAuth",
            "setBasicAuth",
            "withBasicAuth",
            "NetworkCredential",
            "Credentials.basic",
            "credentials",
            "UsernamePasswordCredentials",
            "razorpay",
            "Razorpay.setup",
            "razorpay.NewClient",
            "RazorpayClient",
            "new Razorpay",
            "new Api",
            "new \\Razorpay\\Api\\Api",
            "request :basic_auth",
            ":authorization",
            "Authorization",
            "CURLOPT_USERPWD",
            "btoa",
            "b64encode",
            "base64.b64encode",
            "base64_encode",
            "Buffer.from",
            "buffer.fromx",
            "strict_encode64",
            "EncodeToString",
            "ToBase64String",
            "client.",
            "->",
            "::",
            "\u212a",  # KELVIN SIGN lower-cases to ASCII "k"
            "İ",
            *"\"'`$#{}()[],:=+. \nxk_",
            '"id"',
            "'secret'",
            '"id:secret"',
        ]
    ),
    max_size=40,
).map("".join)


def _anchors(src: str) -> prefilter.Anchors:
    data = src.encode("utf-8", "replace")
    return prefilter.char_offsets(data, prefilter.python_anchors(data))


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
@given(NAMES)
def test_the_name_filter_drops_only_names_that_find_nothing(lang: str, src: str) -> None:
    language = LANGUAGES[lang]
    slow = _unfiltered(language)
    assert list(extract_code(language, src)) == list(extract_code(slow, src))
    anchors = _anchors(src)
    assert list(extract_code(language, src, anchors)) == list(extract_code(slow, src, anchors))


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
@given(NAMES)
def test_anchored_windows_read_as_the_lowered_file(lang: str, src: str) -> None:
    # With anchors only the window around each hit is lower-cased; without them the whole
    # file is, as it always was.
    language = LANGUAGES[lang]
    assert list(extract_code(language, src, _anchors(src))) == list(extract_code(language, src))


def test_the_name_filter_knows_every_call_of_every_language() -> None:
    for language in LANGUAGES.values():
        for key in language.calls:
            assert key.removeprefix(":") in language.names
            if "." in key:
                assert key.split(".", 1)[1] in language.names
                assert key.rsplit(".", 1)[0] in language.names


# --- config.py ------------------------------------------------------------------------------

_SECRET_PATTERNS = (re.compile("secret"), re.compile("passw"))

SECRETISH = st.lists(
    st.sampled_from(["secret", "passw", "secretsecret", "passwsecret", "s", "e", "c", "r", "t"])
    | st.sampled_from(["p", "a", "w", "sec", "pass", "secre", "passwd", "x", "\n", " "]),
    max_size=30,
).map("".join)


@given(SECRETISH)
def test_secret_words_are_the_merged_searches(low: str) -> None:
    merged = [m.start() for m in headerline.Hits(low, 0, len(low), *_SECRET_PATTERNS)]
    assert config._secret_words(low) == merged


def _named_secret_reference(
    text: str, line: int, anchor: int, fmt: config.Format
) -> Candidate | None:
    """_named_secret as it was: the key's start found again, the name search always made."""
    start = config._key_start(text, line, anchor)
    if text[start] in "\"'":
        start += 1
    if config._NAME_KEY_BEFORE.search(text, line, start) is None:
        return None
    name = config._SECRET_NAME.match(text, start)
    if (
        name is None
        or name.end() <= anchor
        or text[name.end() : name.end() + 1] not in ('"', "'", "\r", "\n", " ", ",", "}", "")
    ):
        return None
    block = fmt.block(text, start)
    indent = None
    if fmt.name == "yaml":
        lead = config._YAML_INDENT.match(text, line)
        indent = (lead.end() if lead else line) - line
    value = config._sibling(text, block, "value", fmt, indent)
    if value is None or not value.literal or not looks_random(value.text):
        return None
    return Candidate(
        Role.PAIR, Value("", value.start, False), value, context=f"{fmt.name} env {name.group(0)}"
    )


def _pairs_reference(text: str, low: str, fmt: config.Format) -> Iterator[Candidate]:
    """_pairs as it was: one search per word merged by headerline.Hits."""
    key_pattern = config._sibling_pattern(
        r"[A-Za-z0-9_.-]{0,60}(?:secret|password|passwd)", fmt.separators
    )
    for count, anchor in enumerate(headerline.Hits(low, 0, len(low), *_SECRET_PATTERNS)):
        if count >= config._MAX_PAIRS:
            return
        line = config._line_start(text, anchor.start(), config._BEFORE)
        key = key_pattern.match(text, config._key_start(text, line, anchor.start()))
        if key is None or not (key.start("key") <= anchor.start() < key.end("key")):
            named = _named_secret_reference(text, line, anchor.start(), fmt)
            if named is not None:
                yield named
            continue
        if fmt.comments and config._COMMENT.search(text, line, key.start("key")):
            continue
        name = key.group("key")
        before = text[line : max(line, key.start("key") - 1)]
        if not config._key_position(before, fmt) and not (fmt.name == "json" or fmt.inline_keys):
            continue
        found = config._pair_for(text, key, name, fmt)
        if found is not None:
            yield found


CONFIG_LINES = st.lists(
    st.sampled_from(
        [
            "- name: RAZORPAY_KEY_SECRET",
            "  - name: 'DB_PASSWORD'",
            '{"name": "client_secret", "value": "x8Hq2LmZ91kQ"}',
            "  value: x8Hq2LmZ91kQpR7s",
            '  value: "Zk29QmLx81Hq"',
            "  value: $(SECRET)",
            "valueFrom: {secretKeyRef: {name: app, key: token}}",
            "key_secret: aZ81kQm2Lx9H",
            "key_id: rzp_test_1DP5mmOlF5G5ag",  # authlint: ignore[AL202]
            "KEY_SECRET=Qm2Lx9HaZ81k",
            "auth:",
            "  username: admin",
            "  password: hunter2hunter2",
            "# password: not this",
            "key = 'secret'",
            "name=PASSWD",
            "x: secret",
            "  ",
            "",
        ]
    ),
    max_size=12,
).map("\n".join)
FORMATS = [config.YAML, config.JSON, config.TOML, config.INI, config.DOTENV]


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda fmt: fmt.name)
@given(CONFIG_LINES)
def test_pairs_give_what_they_gave(fmt: config.Format, text: str) -> None:
    low = headerline.folded(text)
    assert list(config._pairs(text, low, fmt)) == list(_pairs_reference(text, low, fmt))


def test_no_keyword_begins_another() -> None:
    # What makes the finds per word, in offset order without overlaps, what `finditer` of
    # their alternation gives: at most one keyword starts at any offset.
    words = [*code._KEYWORD_WORDS_NEW_API]
    for word in words:
        assert not any(other != word and other.startswith(word) for other in words), word


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
@given(NAMES)
def test_keyword_finds_are_the_alternation(lang: str, src: str) -> None:
    language = LANGUAGES[lang]
    low = src.lower()
    words = code._KEYWORD_WORDS_NEW_API if language.new_api else code._KEYWORD_WORDS
    alternation = re.compile("|".join(re.escape(word) for word in words))
    expected = [(hit.start(), hit.end(), hit.group()) for hit in alternation.finditer(low)]
    assert code.keywords(language, low) == expected


BEFORE_KEY = st.lists(
    st.sampled_from(["->", "==", "!=", "=", "case", "if", "elif", "in", "x", "_", " ", "\t", "{"])
    | st.sampled_from(["e", "f", "n", ">", "\n", ",", "return", "(", "'", "K", "ä"]),
    max_size=12,
).map("".join)


@given(BEFORE_KEY, st.integers(0, 30))
def test_not_a_key_before_is_the_search(text: str, cut: int) -> None:
    pos = min(cut, len(text))
    search = code._NOT_A_KEY_BEFORE.search(text, max(0, pos - 12), pos) is not None
    assert code._not_a_key_before(text, pos) == search


# Every literal syntax of every language: (delimiter, escapes, multiline).
QUOTE_KINDS = [
    (delim, escapes, multiline)
    for delim in ('"', "'", "`", '"""', "'''")
    for escapes in (True, False)
    for multiline in (True, False)
]
LITERAL_TEXT = st.lists(
    st.sampled_from(['"', "'", "`", '"""', "'''", "\\", '\\"', "\\'", "\n", "x", "ab", " ", "é"]),
    max_size=30,
).map("".join)


@pytest.mark.parametrize(("delim", "escapes", "multiline"), QUOTE_KINDS)
@settings(max_examples=40)
@given(LITERAL_TEXT, st.sampled_from([0, 1, 8191, 8193, 16384, 16400]))
def test_literal_end_is_where_the_bounded_body_ends(
    delim: str, escapes: bool, multiline: bool, tail: str, padding: int
) -> None:
    kind = code.quote(delim, escapes=escapes, multiline=multiline)
    # Long runs of plain characters or of escapes around MAX_LITERAL units and characters.
    for filler in ("x", "\\x"):
        text = filler * (padding // len(filler)) + tail
        for cs in (0, 1, len(text) // 2):
            match = kind.body.match(text, cs)
            assert code.literal_end(kind, text, cs) == (None if match is None else match.end())


CONFIG_TEXT = st.lists(
    st.sampled_from(
        [
            "- name: RAZORPAY_KEY_SECRET",
            "  value: x8Hq2LmZ91kQpR7s",
            '{"key_secret": "aZ81kQm2Lx9H", "key_id": "rzp_test_1DP5mmOlF5G5ag"}',  # authlint: ignore[AL202]
            "auth:",
            "  username: admin",
            "  password: hunter2hunter2",
            "Authorization: Basic dXNlcjpwYXNz",
            "SECRET",
            "PassWord",
            "\u017fecret",  # LONG S: lower-cases to itself, not to "s"
            "\u212a",  # KELVIN SIGN: lower-cases to ASCII "k"
            "İ",  # lower-cases to two characters
            "é",
            "\ufffd",
            ":",
            " ",
            "",
        ]
    ),
    max_size=12,
).map("\n".join)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda fmt: fmt.name)
@given(CONFIG_TEXT)
def test_config_anchors_give_what_the_search_gives(fmt: config.Format, text: str) -> None:
    anchors = _anchors(text)
    assert list(config.extract_format(text, fmt, anchors)) == list(config.extract_format(text, fmt))


@given(CONFIG_TEXT)
def test_yaml_and_json_take_the_anchors(text: str) -> None:
    anchors = _anchors(text)
    assert list(config.extract_yaml(text, anchors)) == list(config.extract_yaml(text))
    assert list(config.extract_json(text, anchors)) == list(config.extract_json(text))

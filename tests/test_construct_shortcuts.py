"""The lowerings' shortcuts (construct/lower.py `may_be_shaped`, `may_spell_header`,
the literal keys read without lowering) must decide exactly what the slow path decides: each is
checked against lowering the same node, on generated literals and concatenations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from authlint.construct import anchor_offsets, ir
from authlint.construct.evaluate import alternatives
from authlint.construct.lang import javascript, python
from authlint.construct.lower import Sites, may_spell_header
from authlint.construct.models import is_header_name
from authlint.syntax import parse

# Letters of the words the shortcuts look for, the escapes that can and cannot spell them, format
# fields, quotes and a few others.
_PIECES = st.sampled_from(
    [
        "Basic ",
        "bearer ",
        "Authorization",
        "authorization: ",
        "Proxy-Authorization",
        "Bas",
        "ic ",
        "x",
        " ",
        "%s",
        "{}",
        "{t}",
        "\\n",
        "\\t",
        "\\x42",
        "\\u0061",
        "\\\\",
        "\\'",
        "é",
        "-",
        ":",
    ]
)
_BODIES = st.lists(_PIECES, max_size=5).map("".join)


def _nodes(node: Any, types: frozenset[str]) -> Iterator[Any]:
    if node.type in types:
        yield node
    for child in node.children:
        yield from _nodes(child, types)


@settings(max_examples=300, deadline=None)
@given(body=_BODIES, prefix=st.sampled_from(["", "b", "r", "f", "rb", "u"]))
def test_python_key_shortcut_agrees_with_lowering(body: str, prefix: str) -> None:
    source = f'h = {{{prefix}"{body}": token}}\n'
    syntax = parse("python", source)
    assert syntax is not None
    lowering = python.Lowering(syntax)
    for key in _nodes(syntax.root, frozenset({"string"})):
        lit = lowering.lower(key, 0)
        slow = isinstance(lit, ir.Lit) and is_header_name(lit.text)
        assert lowering._key_is_header(key) is slow, source
        if slow:
            assert may_spell_header(syntax.source(key))


@settings(max_examples=300, deadline=None)
@given(body=_BODIES, quote=st.sampled_from(["'", '"']))
def test_javascript_key_shortcut_agrees_with_lowering(body: str, quote: str) -> None:
    if quote in body.replace("\\" + quote, ""):
        return
    source = f"const h = {{{quote}{body}{quote}: token}};\n"
    syntax = parse("javascript", source)
    assert syntax is not None
    lowering = javascript.Lowering(syntax)
    for key in _nodes(syntax.root, frozenset({"string"})):
        lit = lowering.lower(key, 0)
        assert lowering._key_text(key) == (lit.text if isinstance(lit, ir.Lit) else ""), source


def _shaped(lowering: Any, top: Any) -> bool:
    sites = Sites()
    sites.maybe_shaped(lowering.lower(top, 0))
    return bool(sites.shaped)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(_BODIES, min_size=1, max_size=4),
    joiner=st.sampled_from([" ", " + ", " % "]),
    tail=st.sampled_from(["", " + token", ".format(token)"]),
)
def test_python_shaped_shortcut_never_drops_a_construction(
    parts: list[str], joiner: str, tail: str
) -> None:
    source = "v = " + joiner.join(f'"{p}"' for p in parts) + tail + "\n"
    syntax = parse("python", source)
    assert syntax is not None
    lowering = python.Lowering(syntax)
    statement = syntax.root.named_children[0].named_children[0]
    top = statement.child_by_field_name("right")
    if top is not None and not lowering.may_be_shaped(top):
        assert not _shaped(lowering, top), source


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(_BODIES, min_size=1, max_size=4),
    template=st.booleans(),
    tail=st.sampled_from(["", " + token"]),
)
def test_javascript_shaped_shortcut_never_drops_a_construction(
    parts: list[str], template: bool, tail: str
) -> None:
    quote = "`" if template else '"'
    body = " + ".join(f"{quote}{p.replace(quote, '')}{quote}" for p in parts)
    source = f"const v = {body}{tail};\n"
    syntax = parse("javascript", source)
    assert syntax is not None
    lowering = javascript.Lowering(syntax)
    declarator = next(_nodes(syntax.root, frozenset({"variable_declarator"})))
    top = declarator.child_by_field_name("value")
    if top is not None and not lowering.may_be_shaped(top):
        assert not _shaped(lowering, top), source


# Header values built the ways a helper builds them: literals (schemes, credentials, a colon,
# notation), a parameter, an environment variable, f-string fields, joined with `+`.
_VALUE_PARTS = {
    "literal": [
        '"Basic "',
        '"Bearer "',
        '"bearer "',
        '"Basic"',
        '"Token "',
        '"Bearer  "',
        '":"',
        '"hunter2"',
        '"QWxhZGRpbjpvcGVuIHNlc2FtZQ=="',
        '"{token}"',
        '"Basic {token}"',
        '"Authorization: Bearer "',
    ],
    "name": ["token", "other", "SECRET"],
    "f-string": [
        'f"Bearer {token}"',
        'f"Basic {other}"',
        'f"{token}:{other}"',
        'f"Basic {token}:"',
    ],
}


def _helper(parts: list[str], pad: int) -> str:
    return (
        "\n" * pad
        + "import os\nSECRET = os.environ['KEY_SECRET']\n\n"
        + "def headers(token, other):\n"
        + f'    return {{"Authorization": {" + ".join(parts)}}}\n'
    )


def _verdicts(source: str) -> list[tuple[object, ...]]:
    from authlint.construct import verdicts

    syntax = parse("python", source)
    assert syntax is not None
    found = verdicts(syntax, anchor_offsets(source))
    return [(v.code, v.start, v.end, v.message, v.value, v.literal) for v in found]


@settings(max_examples=300, deadline=None)
@given(
    shape=st.lists(st.sampled_from(sorted(_VALUE_PARTS)), min_size=1, max_size=3),
    data=st.data(),
)
def test_clean_verdict_cache_agrees_with_judging_anew(shape: list[str], data: Any) -> None:
    """judge.py keeps the plain values it judged clean: another value of the same shape (other
    texts, other offsets, another file) must get what judging it anew gives."""
    from authlint.construct import judge

    sources = [
        _helper([data.draw(st.sampled_from(_VALUE_PARTS[slot])) for slot in shape], pad)
        for pad in (0, 1, 2, 0)
    ]
    with mock.patch.object(judge, "_plain_key", return_value=None):
        expected = [_verdicts(source) for source in sources]
    judge._CLEAN.clear()
    assert [_verdicts(source) for source in sources] == expected
    assert [_verdicts(source) for source in reversed(sources)] == expected[::-1]


@settings(max_examples=500, deadline=None)
@given(
    lines=st.lists(
        st.lists(
            st.sampled_from(
                [
                    "def ",
                    "x",
                    " = 1",
                    "@",
                    " ",
                    "\t",
                    "  y(",
                    ")",
                    "class",
                    "$a[",
                    "b.c: ",
                    "é",
                    "#",
                ]
            ),
            max_size=4,
        ).map("".join),
        max_size=6,
    )
)
def test_statement_starts_are_the_lines_that_start_one(lines: list[str]) -> None:
    """The partial parse's split searches line starts by their newline (syntax.py
    `statement_starts`): it finds exactly the lines where a top-level statement starts."""
    from authlint.syntax import _TOP_LEVEL, statement_starts

    text = "\n".join(lines)
    line_starts = [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]
    assert statement_starts(text) == [i for i in line_starts if _TOP_LEVEL.match(text, i)]


_JS_PIECES = st.sampled_from(
    [
        "const a = ",
        "`Bearer ${",
        "t}`",
        "}",
        "`",
        '"Basic x"',
        "'y'",
        "// note\n",
        "/* block */",
        "/*",
        "*/",
        "<!-- old -->\n",
        "<div>",
        "</div>",
        "{",
        "(",
        ")",
        ";\n",
        " ",
        "\n",
        "x",
        "/re/",
        "Authorization: ",
    ]
)


def _prose_by_climbing(syntax: Any, offset: int) -> bool:
    """Syntax.prose_at as the climb it skips for JavaScript: up to a comment or a string."""
    start = syntax.byte(offset)
    node = syntax.root.descendant_for_byte_range(start, start + 1)
    while node is not None:
        if node.type in ("comment", "html_comment"):
            return True
        if node.type == "string":
            return False
        node = node.parent
    return False


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(_JS_PIECES, max_size=12),
    kind=st.sampled_from(["javascript", "typescript", "tsx"]),
)
def test_javascript_prose_without_climbing_agrees_with_climbing(
    pieces: list[str], kind: str
) -> None:
    """A comment of the JavaScript grammars is a token: prose_at asks the smallest node only
    (syntax.py `_TOKEN_COMMENTS`)."""
    text = "".join(pieces)
    syntax = parse(kind, text)
    assert syntax is not None
    for offset in range(len(text)):
        assert syntax.prose_at(offset) is _prose_by_climbing(syntax, offset), (text, offset)


# Python files where a header is set from a parameter: its function called or not, defined
# twice, nested, a method, a lambda, the name written again in a comment.
_PY_CALLERS = st.sampled_from(
    [
        "",
        "auth(TOKEN)\n",
        "auth('Basic x')\n",
        "auth(token='Bearer y')\n",
        "def auth(token):\n    return token\n",
        "class C:\n    def auth(self, token):\n        return {'Authorization': token}\n",
        "x = C().auth('hunter2')\n",
        "# auth\n",
        "f = lambda token: {'Authorization': token}\n",
        "def outer(token):\n    def auth(token):\n        return {'Authorization': token}\n"
        "    return auth(token)\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    before=st.lists(_PY_CALLERS, max_size=2),
    after=st.lists(_PY_CALLERS, max_size=2),
    value=st.sampled_from(["token", "'Bearer ' + token", "f'Basic {token}'"]),
)
def test_written_once_shortcut_agrees_with_the_definitions(
    before: list[str], after: list[str], value: str
) -> None:
    """calls.py `_written_once` finds a parameter's function from its scope node instead of
    the definitions query: the verdicts and the names left to look up elsewhere must not
    change."""
    from authlint.construct import calls, verdicts

    source = (
        "TOKEN = 'x'\n"
        + "".join(before)
        + f"def auth(token):\n    return {{'Authorization': {value}}}\n"
        + "".join(after)
    )

    def run() -> tuple[list[tuple[object, ...]], list[set[str]]]:
        syntax = parse("python", source)
        assert syntax is not None
        lowered = python.lower_file(syntax, anchor_offsets(source, "python"))
        found = [(v.code, v.start, v.end) for v in verdicts(syntax, anchor_offsets(source))]
        sites, resolution = lowered
        for site in sites.headers:
            list(alternatives(python.LANGUAGE, resolution, site.value))
        # Sorted, and without messages: the order of the calls query's captures can change
        # between parses of one text in one process, with or without the shortcut, and with
        # it which caller's value a finding shared by several of them describes.
        return sorted(found), [resolution.missing]

    with mock.patch.object(calls.Functions, "_written_once", return_value=""):
        expected = run()
    assert run() == expected

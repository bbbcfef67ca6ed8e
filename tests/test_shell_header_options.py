"""The command-line clients' header options are one table (construct/lang/shell.py
HEADER_OPTIONS): curl's `-H`, wget's `--header` (also `--header=...`), HTTPie's request items.
A value built in the script is traced back through each the same way."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.construct.lang.shell import HEADER_OPTIONS
from tests.helpers import findings_in

HEAD = "#!/bin/sh\n"
WRAPPED = 'T=$(echo "$ID:$SECRET" | base64)\n'
GOOD = "T=$(printf '%s' \"$ID:$SECRET\" | base64 -w0)\n"
NO_COLON = '"Authorization: Basic $(echo -n "${ID}${SECRET}" | base64 -w0)"'
URL = " https://api.example.com/x\n"

ROWS = [
    pytest.param(
        HEAD + WRAPPED + 'curl -H "Authorization: Basic $T"' + URL,
        [(2, Code.ENCODER_NEWLINE), (2, Code.ENCODER_LINE_WRAP)],
        id="curl-H",
    ),
    pytest.param(
        HEAD + WRAPPED + 'wget --header="Authorization: Basic $T"' + URL,
        [(2, Code.ENCODER_NEWLINE), (2, Code.ENCODER_LINE_WRAP)],
        id="wget-header-equals",
    ),
    pytest.param(
        HEAD + WRAPPED + 'wget --header "Authorization: Basic $T"' + URL,
        [(2, Code.ENCODER_NEWLINE), (2, Code.ENCODER_LINE_WRAP)],
        id="wget-header-space",
    ),
    pytest.param(
        HEAD + "wget --header=" + NO_COLON + URL, [(2, Code.MISSING_COLON)], id="wget-no-colon"
    ),
    pytest.param(HEAD + "curl -H " + NO_COLON + URL, [(2, Code.MISSING_COLON)], id="curl-no-colon"),
    pytest.param(
        HEAD + WRAPPED + 'http GET https://api.example.com/x "Authorization:Basic $T"\n',
        [(2, Code.ENCODER_NEWLINE), (2, Code.ENCODER_LINE_WRAP)],
        id="httpie-item",
    ),
    pytest.param(HEAD + GOOD + 'wget --header="Authorization: Basic $T"' + URL, [], id="wget-good"),
    pytest.param(
        HEAD + GOOD + 'wget --header "Authorization: Basic $T"' + URL, [], id="wget-good-space"
    ),
    pytest.param(
        HEAD + GOOD + 'http GET https://api.example.com/x "Authorization:Basic $T"\n',
        [],
        id="httpie-good",
    ),
]


@pytest.mark.parametrize(("source", "expected"), ROWS)
def test_header_options_trace_the_value(source: str, expected: list[tuple[int, Code]]) -> None:
    assert sorted((f.line, f.code) for f in findings_in(source, "shell")) == expected


def test_each_client_header_option_is_a_row() -> None:
    rows = {(sink.command, sink.option) for sink in HEADER_OPTIONS}
    assert {("curl", "-H"), ("curl", "--header"), ("wget", "--header"), ("http", "")} <= rows

"""One defect, one finding, at the place the fix goes: a header value built once (a constant, a
field set in a constructor, a variable) and read at one or more sinks is reported where it is
built, not again at each sink, and not under a second code next to what the line readers say
of the same literal."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _found(path: str, source: str) -> list[tuple[int, Code]]:
    return [(f.line, f.code) for f in scan_text(path, source, Settings().with_selection())]


GO_HEAD = 'package billing\n\nimport "net/http"\n\n'


@pytest.mark.parametrize(
    ("decl", "code"),
    [
        ('const hookAuth = "Basic ${PSP_BASIC}"', Code.UNEXPANDED_VARIABLE),
        ('const hookAuth = "Basic $PSP_BASIC"', Code.UNEXPANDED_VARIABLE),
        ('var hookAuth = "Bearer ${PSP_TOKEN}"', Code.UNEXPANDED_VARIABLE),
    ],
)
def test_a_go_constant_with_template_notation_is_one_finding_at_the_constant(
    decl: str, code: Code
) -> None:
    source = (
        GO_HEAD + decl + "\n\n"
        "func Replay(req *http.Request) {\n"
        '\treq.Header.Add("Authorization", hookAuth)\n'
        "}\n\n"
        "func Retry(req *http.Request) {\n"
        '\treq.Header.Set("Authorization", hookAuth)\n'
        "}\n"
    )
    assert _found("svc/hooks.go", source) == [(5, code)]


def test_a_word_where_the_token_goes_is_reported_once_at_the_literal() -> None:
    source = (
        GO_HEAD + 'const hookAuth = "Basic hunter2hunter"\n\n'
        "func Replay(req *http.Request) {\n"
        '\treq.Header.Add("Authorization", hookAuth)\n'
        "}\n"
    )
    found = _found("svc/hooks.go", source)
    assert [line for line, _ in found] == [5]


TS_FIELD = (
    "class Plans {\n"
    "  private readonly auth: string;\n"
    "\n"
    "  constructor(keyId: string, keySecret: string) {\n"
    "    this.auth = VALUE;\n"
    "  }\n"
    "\n"
    "  async list(): Promise<unknown> {\n"
    "    const r = await fetch('https://api.example.com/v1/plans', {\n"
    "      headers: { Authorization: this.auth },\n"
    "    });\n"
    "    return r.json();\n"
    "  }\n"
    "\n"
    "  async one(id: string): Promise<unknown> {\n"
    "    const r = await fetch(`https://api.example.com/v1/plans/${id}`, {\n"
    "      headers: { Authorization: this.auth },\n"
    "    });\n"
    "    return r.json();\n"
    "  }\n"
    "}\n"
)


@pytest.mark.parametrize(
    "value",
    [
        "'Basic ' + Buffer.from(keyId + ':' + keySecret).toString()",
        "`Basic ${keyId}:${keySecret}`",
        "'Basic ' + keyId + ':' + keySecret",
    ],
)
def test_a_field_set_in_the_constructor_is_reported_once_where_it_is_built(value: str) -> None:
    source = TS_FIELD.replace("VALUE", value)
    assert _found("src/api/plans.ts", source) == [(5, Code.NOT_BASE64)]


def test_a_variable_and_its_sink_are_one_finding() -> None:
    source = (
        GO_HEAD + "func Call(req *http.Request, id, secret string) {\n"
        '\traw := "Basic " + id + ":" + secret\n'
        '\treq.Header.Add("Authorization", raw)\n'
        "}\n"
    )
    assert _found("svc/call.go", source) == [(6, Code.NOT_BASE64)]


def test_two_constructions_are_still_two_findings() -> None:
    source = (
        GO_HEAD + "func Call(req *http.Request, id, secret string) {\n"
        '\treq.Header.Add("Authorization", "Basic "+id+":"+secret)\n'
        '\treq.Header.Set("Authorization", "Basic "+secret+":"+id)\n'
        "}\n"
    )
    assert _found("svc/call.go", source) == [(6, Code.NOT_BASE64), (7, Code.NOT_BASE64)]


def test_an_encoded_constant_stays_clean() -> None:
    source = (
        GO_HEAD + 'import "os"\n\n'
        'var hookAuth = os.ExpandEnv("Basic ${PSP_BASIC}")\n\n'
        "func Replay(req *http.Request) {\n"
        '\treq.Header.Add("Authorization", hookAuth)\n'
        "}\n"
    )
    assert _found("svc/hooks.go", source) == []


def test_credentials_built_first_and_joined_at_the_sink_are_reported_at_the_sink() -> None:
    source = (
        "const pair = `${process.env.PSP_ID}:${process.env.PSP_SECRET}`;\n"
        "\n"
        "async function forward() {\n"
        "  return fetch('https://api.example.com/v1/orders', {\n"
        "    headers: { Authorization: 'Basic ' + Buffer.from(pair) },\n"
        "  });\n"
        "}\n"
    )
    assert _found("src/forward.js", source) == [(5, Code.NOT_BASE64)]

"""Reads of a property of an object literal held by a name (`const AUTH = {scheme: "Basic"}`,
then `AUTH.scheme`): the evaluator follows them like names, an assignment to the property
itself wins from where it is made, and a parameter of the same name shadows the constant."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _found(path: str, source: str) -> list[tuple[int, Code]]:
    return [(f.line, f.code) for f in scan_text(path, source, Settings().with_selection())]


ENCODED = "btoa(`${process.env.PSP_ID}:${process.env.PSP_SECRET}`)"
SINK = (
    "\nexport function list() {\n"
    "  return fetch('https://api.example.com/v1/plans', {\n"
    "    headers: { Authorization: USE },\n"
    "  });\n"
    "}\n"
)


def _source(decl: str, use: str) -> str:
    return decl + SINK.replace("USE", use)


@pytest.mark.parametrize(
    ("decl", "use", "expected"),
    [
        # The scheme's case, from a config object, by template and by `+`.
        (
            f"const AUTH = {{\n  scheme: 'BASIC',\n  token: {ENCODED},\n}};\n",
            "`${AUTH.scheme} ${AUTH.token}`",
            [(2, Code.SCHEME_CASE)],
        ),
        (
            "const AUTH = { scheme: 'bearer', token: process.env.TOKEN };\n",
            "AUTH.scheme + ' ' + AUTH.token",
            [(1, Code.SCHEME_CASE)],
        ),
        # A raw pair joined to the scheme through two properties.
        (
            "const CFG = {\n  prefix: 'Basic ',\n"
            "  pair: `${process.env.PSP_ID}:${process.env.PSP_SECRET}`,\n};\n",
            "CFG.prefix + CFG.pair",
            [(3, Code.NOT_BASE64)],
        ),
        # The URL-safe encoder stored in an object.
        (
            "const AUTH = {\n  token: Buffer.from(`${process.env.PSP_ID}:${process.env.PSP_SECRET}`)"
            ".toString('base64url'),\n};\n",
            "'Basic ' + AUTH.token",
            [(2, Code.URL_SAFE_ALPHABET)],
        ),
    ],
)
def test_a_property_of_an_object_literal_is_followed(
    decl: str, use: str, expected: list[tuple[int, Code]]
) -> None:
    assert _found("src/api/plans.js", _source(decl, use)) == expected


@pytest.mark.parametrize(
    ("decl", "use"),
    [
        # Correct values through properties.
        (f"const AUTH = {{ scheme: 'Basic', token: {ENCODED} }};\n", "`${AUTH.scheme} ${AUTH.token}`"),
        # The property is reassigned before the request: the new value is sent.
        (
            f"const AUTH = {{ scheme: 'BASIC', token: {ENCODED} }};\nAUTH.scheme = 'Basic';\n",
            "`${AUTH.scheme} ${AUTH.token}`",
        ),
        # A property the literal does not have, or an object from elsewhere: unknown.
        (f"const AUTH = {{ token: {ENCODED} }};\n", "`${AUTH.scheme} ${AUTH.token}`"),
        ("const AUTH = loadConfig();\n", "`${AUTH.scheme} ${AUTH.token}`"),
    ],
)  # fmt: skip
def test_properties_that_are_right_or_unknown_stay_clean(decl: str, use: str) -> None:
    assert _found("src/api/plans.js", _source(decl, use)) == []


def test_a_parameter_shadows_the_constant() -> None:
    source = (
        "const AUTH = { scheme: 'BASIC', token: process.env.TOKEN };\n\n"
        "export function list(AUTH) {\n"
        "  return fetch('https://api.example.com/v1/plans', {\n"
        "    headers: { Authorization: `${AUTH.scheme} ${AUTH.token}` },\n"
        "  });\n"
        "}\n"
    )
    assert _found("src/api/plans.js", source) == []


def test_a_reassignment_after_the_request_does_not_count() -> None:
    source = (
        "export function list() {\n"
        "  const AUTH = { scheme: 'BASIC', token: process.env.TOKEN };\n"
        "  const r = fetch('https://api.example.com/v1/plans', {\n"
        "    headers: { Authorization: `${AUTH.scheme} ${AUTH.token}` },\n"
        "  });\n"
        "  AUTH.scheme = 'Basic';\n"
        "  return r;\n"
        "}\n"
    )
    assert _found("src/api/plans.ts", source) == [(2, Code.SCHEME_CASE)]

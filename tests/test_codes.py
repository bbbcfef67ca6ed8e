"""The registry is the single source of truth: every code has a rule, a README row, and an example
that really triggers it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from authlint import validate
from authlint.codes import CONSTRUCTION_CODES, CONTEXT_ONLY, RULE_BY_CODE, RULES, Code, Rule
from tests.helpers import codes_in

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_code_has_one_rule() -> None:
    assert [rule.code for rule in RULES] == list(Code)
    assert set(RULE_BY_CODE) == set(Code)


def test_names_are_unique_kebab_case() -> None:
    names = [rule.name for rule in RULES]
    assert len(set(names)) == len(names)
    for name in names:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name), name


def test_code_families_match_kinds() -> None:
    for rule in RULES:
        family = {"1": "malformed-header", "2": "secret", "9": "suppression"}[rule.code.value[2]]
        assert rule.kind == family, rule.code


def test_readme_lists_every_rule() -> None:
    text = README.read_text(encoding="utf-8")
    for rule in RULES:
        assert re.search(rf"\|\s*`?{rule.code.value}`?\s*\|\s*`?{rule.name}`?\s*\|", text), (
            rule.code
        )


# AL118-AL124 are about constructions: their examples are code, judged by the scanner.
HEADER_RULES = [
    rule
    for rule in RULES
    if rule.kind == "malformed-header" and rule.code not in CONSTRUCTION_CODES
]
CONSTRUCTION_RULES = [rule for rule in RULES if rule.code in CONSTRUCTION_CODES]
# The language each construction example is written in; Java's lowering comes with its engineer.
_EXAMPLE_KIND = {Code.ENCODER_LINE_WRAP: "java"}
SECRET_RULES = [rule for rule in RULES if rule.kind == "secret"]


@pytest.mark.parametrize("rule", HEADER_RULES, ids=lambda r: r.code.value)
def test_header_rule_examples(rule: Rule) -> None:
    if rule.code in CONTEXT_ONLY:  # a finding about documentation, not the parser's
        assert codes_in(rule.bad + "\n", "markdown") == [rule.code]
        assert codes_in(rule.good + "\n", "markdown") == []
        return
    profile = "rfc" if rule.code is Code.INVALID_AUTH_PARAMS else "strict"
    assert rule.code in {d.code for d in validate(rule.bad, profile=profile)}
    assert validate(rule.good, profile=profile) == []


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(
            rule,
            marks=pytest.mark.xfail(
                rule.code is Code.ENCODER_LINE_WRAP,
                reason="Java is not lowered yet (issue 9, language engineers)",
                strict=True,
            ),
        )
        for rule in CONSTRUCTION_RULES
    ],
    ids=lambda r: r.code.value,
)
def test_construction_rule_examples(rule: Rule) -> None:
    kind = _EXAMPLE_KIND.get(rule.code, "python")
    assert rule.code in codes_in(rule.bad + "\n", kind)
    assert codes_in(rule.good + "\n", kind) == []


@pytest.mark.parametrize("rule", SECRET_RULES, ids=lambda r: r.code.value)
def test_secret_rule_examples(rule: Rule) -> None:
    kind = "shell" if rule.code is Code.CURL_USER_CREDENTIALS else "python"
    assert rule.code in codes_in(rule.bad + "\n", kind)
    assert codes_in(rule.good + "\n", kind) == []

from __future__ import annotations

import argparse
import json

import pytest

from authlint.codes import RULES
from authlint.commands import rules as rules_cmd


def run(capsys: pytest.CaptureFixture[str], command: str, argv: list[str]) -> tuple[int, str, str]:
    """Build the subcommand parser the way cli.py does, then run it."""
    parser = argparse.ArgumentParser(prog=f"authlint {command}")
    getattr(rules_cmd, f"add_{command}_arguments")(parser)
    code: int = getattr(rules_cmd, f"run_{command}")(parser.parse_args(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_rules_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rules", [])
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["CODE", "NAME", "SEVERITY", "KIND", "FIXABLE", "SUMMARY"]
    assert len(lines) == 1 + len(RULES)
    for line, meta in zip(lines[1:], RULES, strict=True):
        cells = line.split(None, 5)
        assert cells[:5] == [
            str(meta.code),
            meta.name,
            str(meta.severity),
            meta.kind,
            "yes" if meta.fixable else "no",
        ]
        assert cells[5] == meta.summary
    # Columns line up: every summary starts at the same offset.
    assert len({line.index(meta.summary) for line, meta in zip(lines[1:], RULES, strict=True)}) == 1


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", ["--output-format", "json"])
    assert code == 0
    data = json.loads(out)
    assert [item["code"] for item in data] == [str(r.code) for r in RULES]
    assert set(data[0]) == {
        "code",
        "name",
        "severity",
        "kind",
        "fixable",
        "summary",
        "rationale",
        "source",
        "bad",
        "good",
    }
    assert data[0]["fixable"] is RULES[0].fixable


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("AL201", id="code"),
        pytest.param("al201", id="lowercase-code"),
        pytest.param("live-key-id", id="name"),
        pytest.param(" Live-Key-Id ", id="name-any-case"),
    ],
)
def test_rule_page(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run(capsys, "rule", [query])
    assert (code, err) == (0, "")
    meta = next(r for r in RULES if r.name == "live-key-id")
    assert out.startswith("# live-key-id (AL201)\n")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## Source",
    ]
    for part in (meta.summary, meta.rationale, meta.bad, meta.good, meta.source):
        assert part in out
    assert "Severity: error. Kind: secret. Fixable: no." in out


def test_rule_page_fixable(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rule", ["AL101"])
    assert "Fixable: yes (`authlint check --fix`)." in out


def test_rule_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rule", ["AL203", "--output-format", "json"])
    assert code == 0
    assert json.loads(out)["name"] == "key-secret"


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        pytest.param("AL999", "`authlint rules` lists them", id="unknown-code"),
        pytest.param("live-key-idd", "did you mean live-key-id?", id="typo"),
        pytest.param("", "`authlint rules` lists them", id="empty"),
    ],
)
def test_unknown_rule(capsys: pytest.CaptureFixture[str], query: str, hint: str) -> None:
    code, out, err = run(capsys, "rule", [query])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"authlint rule: unknown rule {query!r}")
    assert hint in err


def test_every_rule_has_a_page(capsys: pytest.CaptureFixture[str]) -> None:
    for meta in RULES:
        code, out, _ = run(capsys, "rule", [str(meta.code)])
        assert code == 0
        assert out.startswith(f"# {meta.name} ({meta.code})\n")

"""The realistic corpus: every expected finding is reported, and nothing else is.

tests/corpus/expected.json is the specification, written from the rules in authlint/codes.py and
the issue text, not from the scanner's output. Each entry is {path, line, code} (plus an optional
"why" where the rules left room for a call). tests/corpus/must_not_flag.json lists the lines that
hold a value no rule may fire on (environment lookups, docs placeholders, UI strings, hashes), with
what the value is. The comparison runs both ways and prints a readable diff: what was missed, and
what was reported that must not be.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from authlint.codes import RULE_BY_CODE, Code
from authlint.extract import kind_of
from tests.helpers import (
    JSON_CONTRACT,
    check_json,
    check_json_as_tree,
    corpus_diff,
    planted_secrets,
    relative_to,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
EXPECTED_FILE = CORPUS / "expected.json"
MUST_NOT_FLAG_FILE = CORPUS / "must_not_flag.json"
SPEC_FILES = {EXPECTED_FILE, MUST_NOT_FLAG_FILE}
CONSTRUCT_GLOB = "tests/corpus/construct/**"
CONTRACT_KEYS = set(JSON_CONTRACT)

Key = tuple[str, int, str]


def _expected() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
    return data


def _must_not_flag() -> dict[tuple[str, int], str]:
    data = json.loads(MUST_NOT_FLAG_FILE.read_text(encoding="utf-8"))
    return {(e["path"], e["line"]): e["what"] for e in data}


def _relative(path: str) -> str:
    return relative_to(CORPUS, path)


def _check(*options: str) -> list[dict[str, Any]]:
    """`authlint check --output-format json --exit-zero [options] tests/corpus`, in-process.

    The construction corpus (tests/corpus/construct) has its own spec and test
    (tests/test_corpus_construct.py); it is excluded here."""
    return check_json(*options, "--extend-exclude", CONSTRUCT_GLOB, "tests/corpus")


@pytest.fixture(scope="module")
def report() -> list[dict[str, Any]]:
    # --isolated: the spec is the rules' defaults. The project's own config excludes the corpus
    # from its self-scan and ignores AL1xx under tests/**; neither is what the corpus tests.
    # The corpus stands for a repository of its own: scanned as one (helpers.check_json_as_tree),
    # its paths start at its root, not inside this project's test tree.
    return check_json_as_tree(CORPUS, "--isolated", "--extend-exclude", "construct/**", ".")


def test_project_config_excludes_the_corpus_inside_a_named_directory() -> None:
    """ruff's rule: excludes apply inside a directory named on the command line (the project
    excludes its corpus from the self-scan), and a named file is scanned unless
    --force-exclude; --isolated drops the configuration."""
    from authlint.cli import main

    assert _check() == []
    named = "tests/corpus/python/settings/production.py"
    for extra, expected in (([], 1), (["--force-exclude"], 0)):
        with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(io.StringIO()):
            mp.chdir(ROOT)
            assert main(["check", "--select", "AL201", *extra, named]) == expected


def _diff(
    title: str, keys: set[Key], why: dict[Key, str], clean: dict[tuple[str, int], str]
) -> list[str]:
    return corpus_diff(title, keys, why, clean, describe=kind_of)


def test_expected_file_is_well_formed() -> None:
    expected = _expected()
    keys = [(e["path"], e["line"], e["code"]) for e in expected]
    assert len(keys) == len(set(keys)), "duplicate entries in expected.json"
    for entry in expected:
        assert set(entry) <= {"path", "line", "code", "why"}, entry
        assert Code(entry["code"]) in RULE_BY_CODE, entry
        lines = (CORPUS / entry["path"]).read_text(encoding="utf-8").split("\n")
        assert 1 <= entry["line"] <= len(lines), entry
        assert lines[entry["line"] - 1].strip(), f"expected finding on a blank line: {entry}"
    clean = _must_not_flag()
    assert len(clean) >= 50
    for path, line in clean:
        text = (CORPUS / path).read_text(encoding="utf-8").split("\n")
        assert 1 <= line <= len(text), (path, line)
        assert text[line - 1].strip(), (path, line)
    assert not {(p, n) for p, n, _ in keys} & set(clean), "a line cannot be both"


def test_corpus_covers_every_file_kind() -> None:
    kinds = {kind_of(p.name) for p in CORPUS.rglob("*") if p.is_file() and p not in SPEC_FILES}
    wanted = {
        "python",
        "javascript",
        "go",
        "java",
        "php",
        "ruby",
        "shell",
        "yaml",
        "json",
        "toml",
        "ini",
        "dotenv",
        "dockerfile",
        "http",
        "markdown",
        "terraform",
    }
    assert wanted <= kinds, sorted(wanted - kinds)


def test_report_follows_the_json_contract(report: list[dict[str, Any]]) -> None:
    assert isinstance(report, list)
    assert report, (
        "empty report: the corpus has planted problems. Was tests/corpus excluded (extend-exclude) "
        "although it was named on the command line?"
    )
    for finding in report:
        assert set(finding) >= CONTRACT_KEYS, sorted(CONTRACT_KEYS - set(finding))
        rule = RULE_BY_CODE[Code(finding["code"])]
        assert finding["name"] == rule.name
        assert finding["kind"] == rule.kind
        assert finding["severity"] == rule.severity


def test_corpus_findings_match_expected(report: list[dict[str, Any]]) -> None:
    expected = _expected()
    want = {(e["path"], e["line"], e["code"]) for e in expected}
    why = {(e["path"], e["line"], e["code"]): e["why"] for e in expected if "why" in e}
    got = {(_relative(f["path"]), f["line"], f["code"]) for f in report}
    missed, extra = want - got, got - want
    clean = _must_not_flag()
    if missed or extra:
        message = [
            f"corpus mismatch: {len(want & got)} matched, {len(missed)} missed, {len(extra)} extra",
            *_diff("missed (expected, not reported)", missed, why, clean),
            *_diff("extra (reported, must not be)", extra, why, clean),
        ]
        pytest.fail("\n".join(message), pytrace=False)


def test_counts_per_kind(report: list[dict[str, Any]]) -> None:
    def per_kind(keys: set[Key]) -> Counter[str]:
        return Counter(RULE_BY_CODE[Code(code)].kind for _, _, code in keys)

    def per_file_kind(keys: set[Key]) -> Counter[str]:
        return Counter(kind_of(path) for path, _, _ in keys)

    want_keys = {(e["path"], e["line"], e["code"]) for e in _expected()}
    got_keys = {(_relative(f["path"]), f["line"], f["code"]) for f in report}
    want = per_kind(want_keys)
    assert per_kind(got_keys) == want
    assert per_file_kind(got_keys) == per_file_kind(want_keys)
    # The corpus is meant to exercise both families; the spec itself must not drift to one.
    assert want["secret"] >= 50
    assert want["malformed-header"] >= 20


def _corpus_secrets() -> set[str]:
    return planted_secrets(CORPUS, {*SPEC_FILES, CORPUS / "construct"})


def test_no_full_secret_in_output(report: list[dict[str, Any]]) -> None:
    secrets = _corpus_secrets()
    assert len(secrets) >= 40, "the secret harvest should see the planted keys"
    output = json.dumps(report)
    leaked = sorted(s for s in secrets if s in output)
    # Print only a prefix: the failure message itself must not become the leak.
    assert not leaked, [s[:6] + "..." for s in leaked]

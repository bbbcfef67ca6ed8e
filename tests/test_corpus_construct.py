"""The construction corpus (issue 9): Authorization values built in code, in every language read.

tests/corpus/construct/<language>/ holds realistic client code (API clients, helpers, scripts,
config) that builds header values wrongly and rightly, side by side. expected.json is the
specification, one entry per finding: {path, line, code, class, why}. The line is where the fix
goes (issue 9's shared contract): the encoder call (AL119, AL120, AL121, AL106), the join of id
and secret (AL110), the str()/format/interpolation that turns bytes into text (AL118), the format
string or literal carrying the bad scheme, separator, quote or reference (AL101, AL108, AL102,
AL104, AL122), the sink (AL123, AL124). A secret that reaches a header, an auth tuple or an SDK
constructor through a variable or across lines is AL2xx at the literal. must_not_flag.json lists
each line of a correct construction (its encoder and its sink) with what it is.

Where the contract leaves room, the spec takes these calls:
- one finding per encoder call, with the code its fix names: base64url also drops the padding
  (AL121 only); encodebytes, encode64 and Android's DEFAULT also wrap (AL119 only); once the
  trailing newline is stripped or chomped what remains is the wrap (AL120);
- a value from outside (a parameter, the environment, another file) is never flagged for what it
  might hold: a header set to os.environ["X_AUTHORIZATION"] is correct;
- an SDK constructor given the key id and the secret as literals on separate lines is one AL207
  at the first literal (as in tests/corpus).

Each wrong and right label was checked by running the code with dummy credentials where an
interpreter was at hand (Python, JavaScript, TypeScript, bash, Java, Go, Ruby, PHP) and comparing
the header it really built with authlint.validate; that harness is not part of this suite.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from authlint.codes import RULE_BY_CODE, Code
from authlint.extract import kind_of
from tests.helpers import (
    REPO_ROOT,
    check_json,
    check_json_as_tree,
    corpus_diff,
    planted_secrets,
    relative_to,
)


def _not_landed(language: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"construction analysis for {language} not landed")


# ONE row per language directory under tests/corpus/construct. When a language's construction
# analysis lands, its owner replaces the row with the bare name (strict: an unexpected pass fails).
LANGUAGES = [
    pytest.param("python"),
    pytest.param("javascript"),
    pytest.param("typescript"),
    pytest.param("go"),
    pytest.param("java"),
    pytest.param("kotlin"),
    pytest.param("csharp"),
    pytest.param("php"),
    pytest.param("ruby"),
    pytest.param("bash"),
    pytest.param("terraform"),
]
LANGUAGE_NAMES: list[str] = [str(p.values[0]) for p in LANGUAGES]

CONSTRUCT = REPO_ROOT / "tests" / "corpus" / "construct"
EXPECTED_FILE = CONSTRUCT / "expected.json"
MUST_NOT_FLAG_FILE = CONSTRUCT / "must_not_flag.json"

# The codes issue 9 adds (kind malformed-header, severity error), as the team contract names them.
CONTRACT_CODES = {
    "AL118": "bytes-repr-in-header",
    "AL119": "encoder-newline",
    "AL120": "encoder-line-wrap",
    "AL121": "url-safe-alphabet",
    "AL122": "double-scheme",
    "AL123": "missing-scheme",
    "AL124": "not-base64",
}
SECRET_CODES = frozenset(r.code.value for r in RULE_BY_CODE.values() if r.kind == "secret")

# The classes of issue 9's table and the code each is reported with.
CLASS_CODES: dict[str, frozenset[str]] = {
    "bytes-repr": frozenset({"AL118"}),
    "encoder-newline": frozenset({"AL119"}),
    "line-wrap": frozenset({"AL120"}),
    "url-safe-alphabet": frozenset({"AL121"}),
    "missing-padding": frozenset({"AL106"}),
    "missing-colon": frozenset({"AL110"}),
    "scheme-case": frozenset({"AL101"}),
    "scheme-separator": frozenset({"AL108"}),
    "quoted-token": frozenset({"AL102"}),
    "double-scheme": frozenset({"AL122"}),
    "missing-scheme": frozenset({"AL123"}),
    "not-base64": frozenset({"AL124"}),
    "unexpanded": frozenset({"AL104"}),
    "secret-flow": SECRET_CODES,
}

_NO_BYTES = "strings are byte strings; there is no bytes type whose repr could reach the header"
_JS_BYTES = (
    "encoders return strings; a Buffer in a template is its UTF-8 text (the not-base64 class)"
)
_NO_NEWLINE = "no encoder of the language appends a newline"
_NO_WRAP = "no encoder of the language wraps lines"
# Where a class cannot occur in a language, and why. Every other (class, language) pair must be
# in the corpus, and no pair listed here may be.
NOT_APPLICABLE: dict[tuple[str, str], str] = {
    ("bytes-repr", "javascript"): _JS_BYTES,
    ("bytes-repr", "typescript"): _JS_BYTES,
    ("bytes-repr", "php"): _NO_BYTES,
    ("bytes-repr", "ruby"): _NO_BYTES,
    ("bytes-repr", "bash"): _NO_BYTES,
    ("bytes-repr", "terraform"): _NO_BYTES,
    ("encoder-newline", "javascript"): _NO_NEWLINE,
    ("encoder-newline", "typescript"): _NO_NEWLINE,
    ("encoder-newline", "go"): _NO_NEWLINE,
    ("encoder-newline", "csharp"): _NO_NEWLINE + " (InsertLineBreaks only wraps)",
    ("encoder-newline", "php"): _NO_NEWLINE + " (chunk_split is the line-wrap class)",
    ("encoder-newline", "terraform"): _NO_NEWLINE,
    ("line-wrap", "javascript"): _NO_WRAP,
    ("line-wrap", "typescript"): _NO_WRAP,
    ("line-wrap", "go"): _NO_WRAP,
    ("line-wrap", "terraform"): _NO_WRAP,
    ("url-safe-alphabet", "terraform"): "Terraform has no URL-safe encoder",
    ("unexpanded", "kotlin"): "every Kotlin string is a template: $x and ${x} always interpolate",
    (
        "unexpanded",
        "terraform",
    ): "HCL interpolates every ${...}; an unknown name fails at plan time",
}

Key = tuple[str, int, str]


def _expected() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
    return data


def _must_not_flag() -> dict[tuple[str, int], str]:
    data = json.loads(MUST_NOT_FLAG_FILE.read_text(encoding="utf-8"))
    return {(e["path"], e["line"]): e["what"] for e in data}


def _language(path: str) -> str:
    return path.split("/", 1)[0]


@pytest.fixture(scope="module")
def report() -> list[dict[str, Any]]:
    # --isolated: the spec is the rules' defaults (the project excludes tests/corpus from its own
    # check). The language directories are named, so the two spec files are not scanned.
    return check_json_as_tree(CONSTRUCT, "--isolated", *LANGUAGE_NAMES)


def test_language_table_matches_the_corpus() -> None:
    on_disk = {p.name for p in CONSTRUCT.iterdir() if p.is_dir()}
    assert on_disk == set(LANGUAGE_NAMES)


def test_spec_is_well_formed() -> None:
    expected = _expected()
    keys = [(e["path"], e["line"], e["code"]) for e in expected]
    assert len(keys) == len(set(keys)), "duplicate entries in expected.json"
    for entry in expected:
        assert set(entry) == {"path", "line", "code", "class", "why"}, entry
        assert entry["why"].strip(), entry
        assert _language(entry["path"]) in LANGUAGE_NAMES, entry
        assert entry["code"] in CLASS_CODES[entry["class"]], entry
        lines = (CONSTRUCT / entry["path"]).read_text(encoding="utf-8").split("\n")
        assert 1 <= entry["line"] <= len(lines), entry
        assert lines[entry["line"] - 1].strip(), f"expected finding on a blank line: {entry}"
    clean_entries = json.loads(MUST_NOT_FLAG_FILE.read_text(encoding="utf-8"))
    clean_keys = [(e["path"], e["line"]) for e in clean_entries]
    assert len(clean_keys) == len(set(clean_keys)), "duplicate entries in must_not_flag.json"
    for entry in clean_entries:
        assert set(entry) == {"path", "line", "what"}, entry
        text = (CONSTRUCT / entry["path"]).read_text(encoding="utf-8").split("\n")
        assert 1 <= entry["line"] <= len(text), entry
        assert text[entry["line"] - 1].strip(), entry
    assert not {(p, n) for p, n, _ in keys} & set(clean_keys), "a line cannot be both"


def test_contract_codes_agree_with_the_registry() -> None:
    """Once the new codes are registered they must mean what the corpus assumes."""
    registered = {rule.code.value: rule for rule in RULE_BY_CODE.values()}
    for code, name in CONTRACT_CODES.items():
        if code in registered:
            assert (registered[code].name, registered[code].kind) == (name, "malformed-header")
    existing = {e["code"] for e in _expected()} - set(CONTRACT_CODES)
    assert all(Code(code) in RULE_BY_CODE for code in existing)


def test_every_class_in_every_language_where_it_can_occur() -> None:
    present = {(e["class"], _language(e["path"])) for e in _expected()}
    wanted = {(c, lang) for c in CLASS_CODES for lang in LANGUAGE_NAMES} - set(NOT_APPLICABLE)
    assert not wanted - present, sorted(wanted - present)
    assert not set(NOT_APPLICABLE) & present, sorted(set(NOT_APPLICABLE) & present)


def test_enough_wrong_and_right_constructions_in_every_language() -> None:
    wrong = Counter(_language(e["path"]) for e in _expected() if e["class"] != "secret-flow")
    right = Counter(_language(path) for path, _ in _must_not_flag())
    assert sum(wrong.values()) >= 60
    assert sum(right.values()) >= 60
    for lang in LANGUAGE_NAMES:
        assert wrong[lang] >= 6, (lang, wrong[lang])
        assert right[lang] >= 6, (lang, right[lang])


@pytest.mark.parametrize("language", LANGUAGES)
def test_construct_findings_match_expected(language: str, report: list[dict[str, Any]]) -> None:
    expected = [e for e in _expected() if _language(e["path"]) == language]
    want = {(e["path"], e["line"], e["code"]) for e in expected}
    why = {(e["path"], e["line"], e["code"]): f"{e['class']}: {e['why']}" for e in expected}
    got = {(relative_to(CONSTRUCT, f["path"]), f["line"], f["code"]) for f in report}
    got = {key for key in got if _language(key[0]) == language}
    missed, extra = want - got, got - want
    clean = {key: what for key, what in _must_not_flag().items() if _language(key[0]) == language}
    if missed or extra:
        names = CONTRACT_CODES
        message = [
            f"{language} constructions: {len(want & got)} matched, {len(missed)} missed, "
            f"{len(extra)} extra",
            *corpus_diff(
                "missed (expected, not reported)", missed, why, clean, describe=kind_of, names=names
            ),
            *corpus_diff(
                "extra (reported, must not be)", extra, why, clean, describe=kind_of, names=names
            ),
        ]
        pytest.fail("\n".join(message), pytrace=False)


def test_no_full_secret_in_output(report: list[dict[str, Any]]) -> None:
    secrets = planted_secrets(CONSTRUCT, {EXPECTED_FILE, MUST_NOT_FLAG_FILE})
    assert len(secrets) >= 30, "the secret harvest should see the planted keys"
    output = json.dumps(report)
    leaked = sorted(s for s in secrets if s in output)
    # Print only a prefix: the failure message itself must not become the leak.
    assert not leaked, [s[:6] + "..." for s in leaked]


def test_the_corpus_stays_out_of_the_project_check() -> None:
    """The construct tree plants keys on purpose: the project's own configuration excludes it."""
    assert check_json("tests/corpus/construct") == []

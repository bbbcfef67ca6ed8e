from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings, resolve_selection
from authlint.suppress import find_suppressions
from tests.helpers import codes_in

KEY = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        pytest.param(f'KEY = "{KEY}"  # authlint: ignore', "python", id="python-blanket"),
        pytest.param(f'KEY = "{KEY}"  # authlint: ignore[AL201]', "python", id="python-code"),
        pytest.param(f'KEY = "{KEY}"  # authlint: ignore[live-key-id]', "python", id="by-name"),
        pytest.param(f'const k = "{KEY}"; // authlint: ignore[AL201]', "javascript", id="js"),
        pytest.param(f'k := "{KEY}" /* authlint: ignore[AL201] */', "go", id="block-comment"),
        pytest.param(f"key: {KEY} # authlint: ignore[AL201, AL203]", "yaml", id="list"),
        pytest.param(f"KEY={KEY} # authlint:ignore", "dotenv", id="no-space"),
        pytest.param(f"Key {KEY} <!-- authlint: ignore -->", "markdown", id="html-comment"),
        pytest.param(f"key = {KEY} ; authlint: ignore[AL201]", "ini", id="ini"),
    ],
)
def test_suppressed(line: str, kind: str) -> None:
    assert codes_in(line + "\n", kind) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            f'KEY = "{KEY}"  # authlint: ignore[AL202]',
            [Code.LIVE_KEY_ID, Code.UNUSED_SUPPRESSION],
            id="other-code",
        ),
        pytest.param(
            f'KEY = "{KEY}"  # authlint: ignore[AL2O1]',
            [Code.LIVE_KEY_ID, Code.MALFORMED_SUPPRESSION],
            id="typo-is-not-blanket",
        ),
        pytest.param(
            f'KEY = "{KEY}"  # authlint: ignore[AL201',
            [Code.LIVE_KEY_ID, Code.MALFORMED_SUPPRESSION],
            id="unclosed",
        ),
        pytest.param(
            f'KEY = "{KEY}"  # authlint: ignore AL201',
            [Code.LIVE_KEY_ID, Code.MALFORMED_SUPPRESSION],
            id="no-brackets",
        ),
        pytest.param(
            f'KEY = "{KEY}"  # authlint: ignore[]',
            [Code.LIVE_KEY_ID, Code.MALFORMED_SUPPRESSION],
            id="empty-list",
        ),
        pytest.param("x = 1  # authlint: ignore", [Code.UNUSED_SUPPRESSION], id="unused-blanket"),
    ],
)
def test_not_suppressed(line: str, expected: list[Code]) -> None:
    assert sorted(codes_in(line + "\n")) == sorted(expected)


def test_suppression_only_covers_its_own_line() -> None:
    source = f'# authlint: ignore[AL201]\nKEY = "{KEY}"\n'
    assert sorted(codes_in(source)) == [Code.LIVE_KEY_ID, Code.UNUSED_SUPPRESSION]


def test_directive_inside_a_string_is_not_a_comment() -> None:
    suppressions, malformed = find_suppressions('msg = "authlint: ignore"\n')
    assert suppressions == []
    assert malformed == []


def test_unused_not_reported_for_codes_outside_the_selection() -> None:
    settings = Settings(enabled=resolve_selection(["AL1", "AL9"], []))
    source = f'KEY = "{KEY}"  # authlint: ignore[AL201]\n'
    assert codes_in(source, settings=settings) == []


@pytest.mark.parametrize(
    "selected",
    [["AL1", "AL9"], ["AL9"], ["AL901"]],
    ids=["headers-only", "suppression-rules-only", "unused-only"],
)
def test_blanket_not_reported_unused_when_a_rule_it_covers_was_not_checked(
    selected: list[str],
) -> None:
    # The blanket ignore may well suppress AL201 here; a run that did not check AL201 cannot
    # call it unused (and `--ignore AL201` or per-file-ignores must not turn it into noise).
    settings = Settings(enabled=resolve_selection(selected, []))
    assert codes_in(f'KEY = "{KEY}"  # authlint: ignore\n', settings=settings) == []
    settings = Settings(enabled=resolve_selection(["AL"], ["AL201"]))
    assert codes_in(f'KEY = "{KEY}"  # authlint: ignore\n', settings=settings) == []


@pytest.mark.parametrize("selected", ["AL902", "AL9", "suppression", "malformed-suppression"])
def test_selecting_only_the_suppression_rules_still_reports_them(selected: str) -> None:
    # `--select suppression` audits the suppression comments: nothing else needs to run.
    settings = Settings(enabled=resolve_selection([selected], []))
    source = f'KEY = "{KEY}"  # authlint: ignore[AL2O1]\nx = 1  # authlint: ignore-file\n'
    assert codes_in(source, settings=settings) == [Code.MALFORMED_SUPPRESSION] * 2


# --- next-line and whole-file suppressions --------------------------------------------------

SECRET = "Hk3LmN0pQr5StUv7WxYz1Ab2"  # authlint: ignore


@pytest.mark.parametrize(
    ("source", "kind", "expected"),
    [
        pytest.param(
            f'# authlint: ignore-next-line[AL201]\nKEY = "{KEY}"\n', "python", [], id="next-line"
        ),
        pytest.param(
            f'# authlint: ignore-next-line\nKEY = "{KEY}"\n', "python", [], id="next-line-blanket"
        ),
        pytest.param(
            f'# authlint: ignore-next-line[AL201]\n\nKEY = "{KEY}"\n',
            "python",
            [Code.UNUSED_SUPPRESSION, Code.LIVE_KEY_ID],
            id="next-line-only-the-next",
        ),
        pytest.param(
            f'KEY = "{KEY}"  # authlint: ignore-next-line[AL201]\nX = 1\n',
            "python",
            [Code.LIVE_KEY_ID, Code.UNUSED_SUPPRESSION],
            id="next-line-not-its-own-line",
        ),
        pytest.param(
            f'# authlint: ignore-next-line[AL203]\nKEY = "{KEY}"\n',
            "python",
            [Code.UNUSED_SUPPRESSION, Code.LIVE_KEY_ID],
            id="next-line-other-code",
        ),
        pytest.param(
            f'"""doc"""\n# authlint: ignore-file[AL201]\nA = "{KEY}"\n\n\nB = "{KEY}"\n',
            "python",
            [],
            id="file",
        ),
        pytest.param(
            f'# authlint: ignore-file[AL201]\nA = "{KEY}"\nS = "{SECRET}"\n',
            "python",
            [Code.KEY_SECRET],
            id="file-only-its-codes",
        ),
        pytest.param(
            f'# authlint: ignore-file\nA = "{KEY}"\n',
            "python",
            [Code.MALFORMED_SUPPRESSION, Code.LIVE_KEY_ID],
            id="file-needs-codes",
        ),
        pytest.param(
            f'# authlint: ignore-files[AL201]\nA = "{KEY}"\n',
            "python",
            [Code.MALFORMED_SUPPRESSION, Code.LIVE_KEY_ID],
            id="misspelt-scope",
        ),
        pytest.param(
            f'{{\n  "//": "authlint: ignore-next-line[AL201]",\n  "key_id": "{KEY}"\n}}\n',
            "json",
            [],
            id="json-comment-key-next-line",
        ),
        pytest.param(
            f'{{\n  "$comment": "authlint: ignore-file[AL201]",\n  "a": "{KEY}",\n'
            f'  "b": "{KEY}"\n}}\n',
            "json",
            [],
            id="json-schema-comment-file",
        ),
        pytest.param(
            f'{{\n  "note": "authlint: ignore-file[AL201]",\n  "a": "{KEY}"\n}}\n',
            "json",
            [Code.LIVE_KEY_ID],
            id="json-any-other-key-is-data",
        ),
    ],
)
def test_next_line_and_file_scopes(source: str, kind: str, expected: list[Code]) -> None:
    assert sorted(codes_in(source, kind)) == sorted(expected)


def test_file_scope_reaches_past_any_distance() -> None:
    source = "# authlint: ignore-file[live-key-id]\n" + "x = 1\n" * 5000 + f'K = "{KEY}"\n'
    assert codes_in(source) == []

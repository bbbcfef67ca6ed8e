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

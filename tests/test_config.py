from __future__ import annotations

from pathlib import Path

import pytest

from authlint.codes import Code
from authlint.config import (
    ConfigError,
    Settings,
    compile_globs,
    find_config,
    load_settings,
    resolve_selection,
)


@pytest.mark.parametrize(
    ("select", "ignore", "expected_in", "expected_out"),
    [
        pytest.param(["AL"], [], {Code.LIVE_KEY_ID, Code.SCHEME_CASE}, set(), id="all"),
        pytest.param(["AL2"], [], {Code.LIVE_KEY_ID}, {Code.SCHEME_CASE}, id="prefix"),
        pytest.param(["AL"], ["AL2"], {Code.SCHEME_CASE}, {Code.KEY_SECRET}, id="ignore-prefix"),
        pytest.param(
            ["AL201"], ["AL2"], {Code.LIVE_KEY_ID}, {Code.TEST_KEY_ID}, id="specific-select-wins"
        ),
        pytest.param(
            ["AL2"], ["AL201"], {Code.TEST_KEY_ID}, {Code.LIVE_KEY_ID}, id="specific-ignore"
        ),
        pytest.param(["AL201"], ["AL201"], set(), {Code.LIVE_KEY_ID}, id="ignore-wins-tie"),
        pytest.param(["live-key-id"], [], {Code.LIVE_KEY_ID}, {Code.TEST_KEY_ID}, id="by-name"),
        pytest.param(["al1"], [], {Code.SCHEME_CASE}, {Code.LIVE_KEY_ID}, id="case-insensitive"),
    ],
)
def test_selection(
    select: list[str], ignore: list[str], expected_in: set[Code], expected_out: set[Code]
) -> None:
    enabled = resolve_selection(select, ignore)
    assert expected_in <= enabled
    assert not (expected_out & enabled)


@pytest.mark.parametrize("selector", ["AL2O1", "E501", "AL9999", "no-such-rule", "AL8"])
def test_bad_selector_is_a_config_error(selector: str) -> None:
    with pytest.raises(ConfigError, match="selector"):
        resolve_selection([selector], [])


def test_unknown_key_names_the_key(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.authlint]\nselect = ["AL2"]\nignroe = ["AL201"]\n')
    with pytest.raises(ConfigError, match="ignroe"):
        load_settings(config)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param('select = "AL2"\nmax-file-size = -1', "max-file-size", id="size"),
        pytest.param('profile = "lenient"', "profile", id="profile"),
        pytest.param('allowlist = ["(unclosed"]', "allowlist", id="regex"),
        pytest.param("select = [1]", "select", id="type"),
        pytest.param('per-file-ignores = {"x" = ["AL2X"]}', "selector", id="pfi-code"),
        pytest.param("select = [", "invalid TOML", id="toml"),
    ],
)
def test_invalid_values(tmp_path: Path, body: str, message: str) -> None:
    config = tmp_path / "authlint.toml"
    config.write_text(body + "\n")
    with pytest.raises(ConfigError, match=message):
        load_settings(config)


def test_authlint_toml_and_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.authlint]\nprofile = "rfc"\n')
    nested = tmp_path / "src" / "pkg"
    nested.mkdir(parents=True)
    found = find_config(nested)
    assert found == tmp_path / "pyproject.toml"
    settings = load_settings(found)
    assert settings.profile == "rfc"
    assert settings.root == str(tmp_path)
    (tmp_path / "authlint.toml").write_text('ignore = ["AL202"]\nallowlist = ["^rzp_test_"]\n')
    settings = load_settings(find_config(nested))
    assert Code.TEST_KEY_ID not in settings.enabled
    assert settings.allowlist_patterns[0].pattern == "^rzp_test_"


def test_pyproject_without_table_is_not_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / ".git").mkdir()
    assert find_config(tmp_path) is None
    assert load_settings(None) == Settings().with_selection()


def test_allowlist_fingerprints_are_split_from_regexes(tmp_path: Path) -> None:
    digest = "a" * 64
    config = tmp_path / "authlint.toml"
    config.write_text(f'allowlist = ["{digest}", "EXAMPLE"]\n')
    settings = load_settings(config)
    assert settings.allowlist_fingerprints == frozenset({digest})
    assert [p.pattern for p in settings.allowlist_patterns] == ["EXAMPLE"]


@pytest.mark.parametrize(
    ("globs", "path", "matches"),
    [
        (["tests/corpus/**"], "tests/corpus/python/a.py", True),
        (["tests/corpus/**"], "tests/test_corpus.py", False),
        (["*.md"], "docs/deep/readme.md", True),
        (["docs/*.md"], "docs/deep/readme.md", False),
        (["docs/"], "docs/deep/readme.md", True),
        (["**/fixtures"], "a/b/fixtures/x.json", True),
        (["?.py"], "a.py", True),
        (["[ab].py"], "c.py", False),
    ],
)
def test_globs(globs: list[str], path: str, matches: bool) -> None:
    pattern = compile_globs(globs)
    assert pattern is not None
    assert bool(pattern.fullmatch(path)) is matches


def test_config_errors_show_short_selectors_as_written() -> None:
    # A typo in a selector stays readable; only what could be a pasted key is redacted.
    from authlint.redact import user_value

    assert user_value("AL2O1") == "'AL2O1'"
    assert user_value("live-key") == "'live-key'"
    assert "…(redacted)" in user_value("Hk3LmN0pQr5StUvWx7YzAb9C")  # authlint: ignore[AL203]

"""Configuration is found where the code is (ruff's hierarchy), and every configuration problem
is one line on stderr naming the file, exit 2."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import Run

LIVE = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore
TEST = "rzp_test_Z9x8C7v6B5n4M3"  # authlint: ignore


def _leak(directory: Path, name: str = "app.py") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(f'KEY_ID = "{LIVE}"\nTEST_ID = "{TEST}"\n')
    return path


def _codes(out: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for f in json.loads(out):
        found.setdefault(f["path"], set()).add(f["code"])
    return found


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two projects side by side; A ignores its test keys, B ignores every secret rule."""
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    (tmp_path / ".git").mkdir()  # the search for configuration stops at a repository root
    a, b = tmp_path / "A", tmp_path / "B"
    _leak(a)
    _leak(b)
    (a / "pyproject.toml").write_text('[tool.authlint]\nignore = ["AL202"]\n')
    (b / "authlint.toml").write_text('ignore = ["AL2"]\n')
    return tmp_path


def test_the_target_tree_configuration_applies_not_the_cwd(
    run: Run, layout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(layout / "B")
    code, out, err = run(["check", "--output-format", "json", str(layout / "A")])
    assert err == ""
    assert code == 1
    # B's `ignore = ["AL2"]` must not hide A's live key; A's own ignore applies.
    assert list(_codes(out).values()) == [{"AL201"}]
    code, out, _ = run(["check", "--output-format", "json", "."])
    assert code == 0
    assert json.loads(out) == []


def test_a_tree_without_configuration_gets_defaults_not_the_cwd_one(
    run: Run, layout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = layout / "C"
    _leak(c)
    monkeypatch.chdir(layout / "B")
    _, out, _ = run(["check", "--output-format", "json", str(c)])
    assert list(_codes(out).values()) == [{"AL201", "AL202"}]


def test_monorepo_closest_configuration_to_each_file_wins(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.authlint]\nignore = ["AL202"]\n')
    _leak(tmp_path / "root")
    _leak(tmp_path / "svc")
    _leak(tmp_path / "svc" / "deep")
    _leak(tmp_path / "lib")
    (tmp_path / "svc" / "pyproject.toml").write_text(
        '[tool.authlint]\nignore = ["AL201"]\nextend-exclude = ["skipped/"]\n'
    )
    _leak(tmp_path / "svc" / "skipped")
    # dotted keys and a quoted table name are the same table to TOML
    (tmp_path / "lib" / ".authlint.toml").write_text('select = ["AL202"]\n')
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "--output-format", "json", "."])
    assert err == ""
    assert _codes(out) == {
        "root/app.py": {"AL201"},
        "svc/app.py": {"AL202"},
        "svc/deep/app.py": {"AL202"},
        "lib/app.py": {"AL202"},
    }
    assert code == 1
    # the same from inside the service directory
    monkeypatch.chdir(tmp_path / "svc")
    _, out, _ = run(["check", "--output-format", "json", "."])
    assert _codes(out) == {"app.py": {"AL202"}, "deep/app.py": {"AL202"}}


@pytest.mark.parametrize(
    "pyproject",
    [
        pytest.param('[tool."authlint"]\nignore = ["AL202"]\n', id="quoted-table"),
        pytest.param('tool.authlint.ignore = ["AL202"]\n', id="dotted-key"),
        pytest.param('[tool]\nauthlint = { ignore = ["AL202"] }\n', id="inline-table"),
    ],
)
def test_every_toml_spelling_of_the_table_is_honoured(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pyproject: str
) -> None:
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(pyproject)
    _leak(tmp_path)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(["check", "--output-format", "json", "."])
    assert _codes(out) == {"app.py": {"AL201"}}


def test_config_option_and_environment_override_and_isolated_ignores_all(
    run: Run, layout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(layout)
    override = layout / "override.toml"
    override.write_text('select = ["AL202"]\n')
    _, out, _ = run(["check", "--output-format", "json", "--config", str(override), "A", "B"])
    assert _codes(out) == {"A/app.py": {"AL202"}, "B/app.py": {"AL202"}}
    monkeypatch.setenv("AUTHLINT_CONFIG", str(override))
    _, out, _ = run(["check", "--output-format", "json", "A", "B"])
    assert _codes(out) == {"A/app.py": {"AL202"}, "B/app.py": {"AL202"}}
    # --config beats the environment
    other = layout / "other.toml"
    other.write_text('select = ["AL201"]\n')
    _, out, _ = run(["check", "--output-format", "json", "--config", str(other), "A"])
    assert _codes(out) == {"A/app.py": {"AL201"}}
    _, out, _ = run(["check", "--output-format", "json", "--isolated", "A", "B"])
    assert _codes(out) == {"A/app.py": {"AL201", "AL202"}, "B/app.py": {"AL201", "AL202"}}


def test_show_settings_names_the_file_and_the_resolved_rules(
    run: Run, layout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(layout)
    code, out, _ = run(["check", "--show-settings", "A/app.py"])
    assert code == 0
    assert "Settings path: A/pyproject.toml" in out
    assert "profile = strict" in out
    enabled = next(line for line in out.splitlines() if line.startswith("enabled"))
    assert "AL201" in enabled
    assert "AL202" not in enabled
    _, out, _ = run(["check", "--show-settings", "--isolated", "A"])
    assert "Settings path: (none: defaults)" in out
    assert "AL202" in next(line for line in out.splitlines() if line.startswith("enabled"))
    _, out, _ = run(["check", "--show-settings", "--profile", "rfc", "B"])
    assert "Settings path: B/authlint.toml" in out
    assert "profile = rfc" in out
    assert LIVE not in out
    monkeypatch.chdir(layout / "B")
    _, out, _ = run(["check", "--show-settings", str(layout / "A")])
    assert f"Settings path: {layout / 'A' / 'pyproject.toml'}" in out  # outside: absolute


def test_show_files_lists_what_would_be_scanned(
    run: Run, layout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(layout)
    (layout / "A" / "pyproject.toml").write_text('[tool.authlint]\nextend-exclude = ["gen/"]\n')
    _leak(layout / "A" / "gen")
    code, out, _ = run(["check", "--show-files", "A", "B"])
    assert code == 0
    assert out.split() == ["A/app.py", "A/pyproject.toml", "B/app.py", "B/authlint.toml"]


# --- every configuration problem: exit 2, one line, the file and the reason ---------------


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        pytest.param('exclude = ["[z-a]"]', "[z-a]", id="reversed-range"),
        pytest.param('extend-exclude = ["src/[!]"]', "[!]", id="negated-empty"),
        pytest.param('extend-exclude = ["a[]b"]', "[]", id="empty-class"),
        pytest.param('per-file-ignores = { "[z-a].py" = ["AL2"] }', "[z-a]", id="pfi-glob"),
        pytest.param("tool = 1", "tool", id="tool-not-a-table"),
        pytest.param("[tool]\nauthlint = 1", "table", id="authlint-not-a-table"),
        pytest.param('allowlist = ["^([A-Za-z0-9]+)+$"]', "nested", id="redos-nested"),
        pytest.param('allowlist = ["(a*)*b"]', "nested", id="redos-star-star"),
        pytest.param('allowlist = ["(?:x+y?)+$"]', "nested", id="redos-noncapturing"),
        pytest.param('select = ["AL2X"]', "AL2X", id="selector"),
        pytest.param("select = [1]", "select", id="type"),
        pytest.param("max-file-size = true", "max-file-size", id="bool-size"),
    ],
)
def test_configuration_problems_exit_2_with_file_and_reason(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, reason: str
) -> None:
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    config = tmp_path / "authlint.toml"
    config.write_text(body + "\n")
    _leak(tmp_path)
    for argv in (["check", "."], ["check", "--config", str(config), "."]):
        code, out, err = run(argv)
        assert code == 2, (argv, out, err)
        assert out == ""
        assert err.count("\n") == 1, err
        assert err.startswith("authlint: error: ")
        assert str(config) in err or "authlint.toml" in err
        assert reason in err
        assert "Traceback" not in err


@pytest.mark.parametrize("glob", ["[z-a]", "[!]", "x[]"])
def test_bad_globs_on_the_command_line_and_in_history(
    run: Run, git_repo: Path, monkeypatch: pytest.MonkeyPatch, glob: str
) -> None:
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    code, _, err = run(["check", "--extend-exclude", glob, "."])
    assert code == 2
    assert glob in err
    assert "--extend-exclude" in err
    config = git_repo / "h.toml"
    config.write_text(f'extend-exclude = ["{glob}"]\n')
    code, out, err = run(["history", "--config", str(config)])
    assert code == 2
    assert str(config) in err
    assert err.count("\n") == 1
    assert out == ""


def test_nested_quantifier_guard_allows_safe_and_possessive_patterns(tmp_path: Path) -> None:
    from authlint.config import load_settings

    config = tmp_path / "authlint.toml"
    config.write_text(
        'allowlist = ["^rzp_test_Doc", "(?:ab)+c", "^(?:[A-Za-z0-9]++)+$", "^(?>[a-z]+)*$",'
        ' "(foo|bar){2}x*", "a{2,3}(b{1,2}){2}"]\n'
    )
    settings = load_settings(config)
    assert len(settings.allowlist_patterns) == 6


def test_non_utf8_configuration_is_a_config_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "authlint.toml").write_bytes(b'ignore = ["AL2\xff"]\n')
    _leak(tmp_path)
    code, _, err = run(["check", "."])
    assert code == 2
    assert "authlint.toml" in err
    assert "UTF-8" in err
    assert err.count("\n") == 1


def test_a_pyproject_mentioning_authlint_that_is_not_utf8_or_toml_is_an_error(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.authlint\nselect = [\n")
    _leak(tmp_path)
    code, _, err = run(["check", "."])
    assert code == 2
    assert "pyproject.toml" in err
    # a pyproject.toml that says nothing of authlint is not ours to judge
    (tmp_path / "pyproject.toml").write_bytes(b"[project\n\xff")
    code, _, err = run(["check", "--output-format", "json", "."])
    assert code == 1
    assert err == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_config_pointing_at_a_fifo_does_not_hang(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    fifo = tmp_path / "authlint.toml"
    os.mkfifo(fifo)
    _leak(tmp_path)
    outcome: dict[str, tuple[int, str, str]] = {}

    def target() -> None:
        outcome["result"] = run(["check", "--config", str(fifo), "."])

    thread = threading.Thread(target=target, daemon=True)
    started = time.monotonic()
    thread.start()
    thread.join(10)
    if thread.is_alive():  # unblock the reader so the test process can end
        with open(fifo, "w"):
            pass
        pytest.fail("--config on a FIFO hung")
    assert time.monotonic() - started < 10
    code, _, err = outcome["result"]
    assert code == 2
    assert "not a regular file" in err
    # the same file found by the search (no --config) is an error too, never a hang
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    (tmp_path / ".git").mkdir()
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()


def test_allowlist_redos_pattern_cannot_hang_a_run(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The guard rejects the pattern at load time: the run ends at once with exit 2.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "authlint.toml").write_text('allowlist = ["^([A-Za-z0-9]+)+$"]\n')
    (tmp_path / "app.py").write_text(f'K = "{LIVE}!"\nS = "{"A" * 40}!"\n')
    started = time.monotonic()
    code, _, err = run(["check", "--config", str(tmp_path / "authlint.toml"), "."])
    assert time.monotonic() - started < 5
    assert code == 2
    assert "possessive" in err


def test_a_missing_config_file_is_named(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _leak(tmp_path)
    code, _, err = run(["check", "--config", "nope.toml", "."])
    assert (code, err) == (2, "authlint: error: nope.toml: no such file (from --config)\n")
    monkeypatch.setenv("AUTHLINT_CONFIG", "gone.toml")
    code, _, err = run(["check", "."])
    assert (code, err) == (2, "authlint: error: gone.toml: no such file (from AUTHLINT_CONFIG)\n")
    code, _, err = run(["history"])
    assert code == 2
    assert "gone.toml" in err
    # --isolated ignores the environment too
    code, _, _ = run(["check", "--isolated", "."])
    assert code == 1


def test_many_named_files_under_two_configurations(
    run: Run, layout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(layout)
    for i in range(30):
        _leak(layout / "A", f"m{i}.py")
        _leak(layout / "B", f"m{i}.py")
    names = [f"{d}/m{i}.py" for i in range(30) for d in "AB"]
    _, out, _ = run(["check", "--output-format", "json", *names])
    codes = _codes(out)
    assert len(codes) == 30
    assert all(path.startswith("A/") and found == {"AL201"} for path, found in codes.items())


def test_staged_files_follow_their_closest_configuration(
    run: Run, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import git

    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    (git_repo / "pyproject.toml").write_text('[tool.authlint]\nignore = ["AL202"]\n')
    _leak(git_repo / "root")
    _leak(git_repo / "svc")
    _leak(git_repo / "svc" / "gen")
    (git_repo / "svc" / "authlint.toml").write_text(
        'ignore = ["AL201"]\nextend-exclude = ["gen/"]\n'
    )
    git(git_repo, "add", "-A")
    _, out, _ = run(["check", "--staged", "--output-format", "json"])
    assert _codes(out) == {"root/app.py": {"AL201"}, "svc/app.py": {"AL202"}}
    # pre-commit's hook names the files and passes --force-exclude: svc's excludes still apply
    _, out, _ = run(
        ["check", "--staged", "--force-exclude", "--output-format", "json", "svc/gen/app.py"]
    )
    assert json.loads(out) == []
    _, out, _ = run(["check", "--force-exclude", "--output-format", "json", "svc/gen/app.py"])
    assert json.loads(out) == []
    _, out, _ = run(["check", "--output-format", "json", "svc/gen/app.py"])
    assert _codes(out) == {"svc/gen/app.py": {"AL202"}}


@pytest.mark.parametrize("in_git", [True, False], ids=["git", "plain"])
def test_a_parent_exclude_does_not_reach_into_a_nested_configuration(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_git: bool
) -> None:
    # ruff's rule: each entry is judged by the configuration of the directory holding it. The
    # root's `fixtures` (a name at any depth) excludes root/fixtures, not svc/fixtures, which
    # svc's own configuration governs; the verdict must not depend on the path given.
    from tests.conftest import git

    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    repo = tmp_path / "repo"
    repo.mkdir()
    if in_git:
        git(repo, "init", "-q", "-b", "main")
    else:
        (repo / ".git").mkdir()  # only the end of the configuration search
    (repo / "pyproject.toml").write_text('[tool.authlint]\nextend-exclude = ["fixtures"]\n')
    (repo / "svc").mkdir()
    (repo / "svc" / "authlint.toml").write_text('extend-exclude = ["gen/"]\n')
    _leak(repo / "fixtures")
    _leak(repo / "svc" / "fixtures")
    _leak(repo / "svc" / "gen")
    # a directory the root excludes stays excluded with everything under it, configured or not
    _leak(repo / "lib" / "fixtures" / "inner")
    (repo / "lib" / "fixtures" / "inner" / "authlint.toml").write_text('select = ["AL2"]\n')
    expected = {"svc/fixtures/app.py": {"AL201", "AL202"}}
    monkeypatch.chdir(repo)
    _, out, _ = run(["check", "--output-format", "json", "."])
    assert _codes(out) == expected
    _, out, _ = run(["check", "--output-format", "json", "svc"])
    assert _codes(out) == expected
    monkeypatch.chdir(repo / "svc")
    _, out, _ = run(["check", "--output-format", "json", ".."])
    assert list(_codes(out).values()) == [{"AL201", "AL202"}]
    if in_git:
        monkeypatch.chdir(repo)
        git(repo, "add", "-A")
        _, out, _ = run(["check", "--staged", "--output-format", "json"])
        assert _codes(out) == expected


def test_per_file_ignores_are_relative_to_the_configuration_file(
    run: Run, git_repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # As the README says for every glob: relative to the file's directory, not to wherever the
    # run starts. svc's `tests/**` means svc/tests, whether run from the root, from svc or from
    # outside the repository, and in history.
    from tests.conftest import git

    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    _leak(git_repo / "svc" / "tests")
    _leak(git_repo / "svc")
    _leak(git_repo / "tests")  # the root has no configuration: `tests/**` of svc is not this
    (git_repo / "svc" / "pyproject.toml").write_text(
        '[tool.authlint]\nper-file-ignores = { "tests/**" = ["AL201"] }\n'
    )
    expected = {"svc/tests/app.py": {"AL202"}, "svc/app.py": {"AL201", "AL202"}}
    expected_root = {**expected, "tests/app.py": {"AL201", "AL202"}}
    _, out, _ = run(["check", "--output-format", "json", "."])
    assert _codes(out) == expected_root
    _, out, _ = run(["check", "--output-format", "json", "svc"])
    assert _codes(out) == expected
    monkeypatch.chdir(git_repo / "svc")
    _, out, _ = run(["check", "--output-format", "json", "."])
    assert _codes(out) == {"tests/app.py": {"AL202"}, "app.py": {"AL201", "AL202"}}
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(["check", "--output-format", "json", str(git_repo / "svc")])
    assert {Path(p).name + ":" + Path(p).parent.name: c for p, c in _codes(out).items()} == {
        "app.py:tests": {"AL202"},
        "app.py:svc": {"AL201", "AL202"},
    }
    # history reads the configuration that governs the working directory
    git(git_repo, "add", "-A")
    git(git_repo, "commit", "-qm", "leaks")
    monkeypatch.chdir(git_repo / "svc")
    _, out, _ = run(["history", "--output-format", "json"])
    found = _codes(out)
    assert {path: found[path] for path in expected} == expected


def test_fix_and_diff_follow_each_file_s_configuration(
    run: Run, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --fix used the settings of the path it was given for every file below it: it rewrote
    # files svc's configuration excludes, under a profile svc does not use.
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    line = 'curl -H "Authorization: basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==" https://api.example.com\n'
    for name in ("z.sh", "svc/y.sh", "svc/gen/x.sh"):
        (git_repo / name).parent.mkdir(parents=True, exist_ok=True)
        (git_repo / name).write_text(line)
    # RFC 9110 allows the lowercase scheme, so under svc's profile there is nothing to fix
    (git_repo / "svc" / "authlint.toml").write_text('extend-exclude = ["gen/"]\nprofile = "rfc"\n')
    code, out, _ = run(["check", "--diff", "."])
    assert code == 1
    assert [row for row in out.splitlines() if row.startswith("---")] == ["--- z.sh"]
    code, out, _ = run(["check", "--fix", "."])
    assert code == 0
    assert (git_repo / "z.sh").read_text() == line.replace("basic", "Basic")
    assert (git_repo / "svc" / "y.sh").read_text() == line
    assert (git_repo / "svc" / "gen" / "x.sh").read_text() == line


def test_force_exclude_judges_a_named_file_as_the_walk_would(
    run: Run, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pre-commit names the files and passes --force-exclude: a file under a directory the root
    # excludes stays excluded even when a configuration of its own sits deeper.
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    (git_repo / "pyproject.toml").write_text('[tool.authlint]\nextend-exclude = ["vendor"]\n')
    _leak(git_repo / "vendor" / "pkg")
    (git_repo / "vendor" / "pkg" / ".authlint.toml").write_text('select = ["AL2"]\n')
    _leak(git_repo / "src")
    _, out, _ = run(["check", "--output-format", "json", "."])
    assert set(_codes(out)) == {"src/app.py"}
    named = ["vendor/pkg/app.py", "src/app.py"]
    _, out, _ = run(["check", "--force-exclude", "--output-format", "json", *named])
    assert set(_codes(out)) == {"src/app.py"}
    _, out, _ = run(["check", "--output-format", "json", *named])  # named, not forced: checked
    assert set(_codes(out)) == set(named)


def test_command_line_excludes_are_relative_to_the_working_directory(
    run: Run, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As in ruff: a glob typed on the command line means a path from where it is typed. It was
    # read relative to each configuration's directory: `svc/gen` did nothing under svc's own
    # configuration, and `tests/fixtures` also hid svc/tests/fixtures.
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    for where in ("svc/gen", "svc/tests/fixtures", "tests/fixtures", "src"):
        _leak(git_repo / where)
    (git_repo / "svc" / "authlint.toml").write_text('ignore = ["AL202"]\n')
    for option in ("--extend-exclude", "--exclude"):
        _, out, _ = run(["check", option, "svc/gen,tests/fixtures", "--output-format", "json", "."])
        assert set(_codes(out)) == {"svc/tests/fixtures/app.py", "src/app.py"}
    monkeypatch.chdir(git_repo / "svc")
    _, out, _ = run(["check", "--extend-exclude", "gen", "--output-format", "json", ".."])
    assert sorted(Path(p).parent.name for p in _codes(out)) == ["fixtures", "fixtures", "src"]
    _, out, _ = run(["check", "--extend-exclude", "tests/fixtures", "--output-format", "json"])
    assert set(_codes(out)) == {"gen/app.py"}


def test_fingerprints_do_not_depend_on_where_the_run_starts(
    run: Run, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fingerprint hashes the path from the repository root (as history's do), so a baseline
    # written at the root still holds in a run from svc/, and an allowlist fingerprint in svc's
    # own configuration works whichever path the run is given.
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    _leak(git_repo / "svc")
    _, out, _ = run(["check", "--output-format", "json", "."])
    at_root = {(f["code"], f["fingerprint"]) for f in json.loads(out)}
    monkeypatch.chdir(git_repo / "svc")
    _, out, _ = run(["check", "--output-format", "json", "."])
    assert {(f["code"], f["fingerprint"]) for f in json.loads(out)} == at_root
    monkeypatch.chdir(git_repo.parent)
    _, out, _ = run(["check", "--output-format", "json", str(git_repo)])
    assert {(f["code"], f["fingerprint"]) for f in json.loads(out)} == at_root
    # the allowlist
    live = next(p for c, p in at_root if c == "AL201")
    (git_repo / "svc" / "authlint.toml").write_text(f'allowlist = ["{live}"]\n')
    for cwd, target in ((git_repo, "."), (git_repo / "svc", "."), (git_repo.parent, "repo")):
        monkeypatch.chdir(cwd)
        _, out, _ = run(["check", "--output-format", "json", target])
        assert [f["code"] for f in json.loads(out)] == ["AL202"]
    # the baseline, written at the root
    (git_repo / "svc" / "authlint.toml").unlink()
    monkeypatch.chdir(git_repo)
    run(["check", "--write-baseline", "base.json", "."])
    monkeypatch.chdir(git_repo / "svc")
    code, out, _ = run(["check", "--baseline", "../base.json", "--output-format", "json", "."])
    assert (code, json.loads(out)) == (0, [])
    # history's fingerprints are the same ones
    from tests.conftest import git

    git(git_repo, "add", "svc/app.py")
    git(git_repo, "commit", "-qm", "leak")
    _, out, _ = run(["history", "--output-format", "json"])
    assert {(f["code"], f["fingerprint"]) for f in json.loads(out)} == at_root


def test_path_profiles_are_relative_to_the_configuration_file(
    run: Run, git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # path-profiles globs, like per-file-ignores, mean paths from the configuration's directory.
    monkeypatch.delenv("AUTHLINT_CONFIG", raising=False)
    line = (
        'curl -H "Authorization: basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==" https://api.razorpay.com/v1\n'
    )
    (git_repo / "svc" / "docs").mkdir(parents=True)
    (git_repo / "svc" / "docs" / "x.sh").write_text(line)
    (git_repo / "svc" / "authlint.toml").write_text('path-profiles = { "docs/**" = "rfc" }\n')
    for cwd, target in ((git_repo, "."), (git_repo / "svc", "."), (git_repo.parent, "repo")):
        monkeypatch.chdir(cwd)
        code, out, _ = run(["check", "--output-format", "json", target])
        assert (code, json.loads(out)) == (0, [])

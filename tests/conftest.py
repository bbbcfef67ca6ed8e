from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# tests/corpus holds realistic sample files (some named test_*.py) for the scanner, not tests.
collect_ignore = ["corpus"]

# Deadlines are flaky on shared machines; CI runs more examples than a local run.
settings.register_profile(
    "dev", deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", deadline=None, max_examples=600, suppress_health_check=[HealthCheck.too_slow]
)
# bench/mutate.py runs the header tests once per mutant: few examples, and the same ones each run.
settings.register_profile(
    "mutants",
    deadline=None,
    max_examples=25,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(
    os.environ.get("AUTHLINT_HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI") == "true" else "dev")
)


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway git repository, made the working directory."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "commit.gpgsign", "false")
    monkeypatch.chdir(repo)
    return repo


Run = Callable[[list[str]], tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """run(argv) -> (exit code, stdout, stderr), through authlint.cli.main."""
    from authlint.cli import main

    def _run(argv: list[str]) -> tuple[int, str, str]:
        code = main(argv)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return _run


@pytest.fixture(autouse=True)
def result_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test's runs keep their result cache in a directory of their own (never the user's,
    never another test's): a test that patches a check must not be handed another test's
    results for the same file."""
    directory = tmp_path_factory.mktemp("authlint-cache")
    monkeypatch.setenv("AUTHLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("AUTHLINT_NO_CACHE", raising=False)
    return directory

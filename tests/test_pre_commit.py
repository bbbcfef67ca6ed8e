"""The hook as users get it: the real `pre-commit try-repo` against this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import git

ROOT = Path(__file__).resolve().parent.parent
LIVE = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
]


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One hook environment for the module: the first run builds it, the second reuses it.
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "authlint", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_hook_fails_on_a_live_key_and_passes_when_clean(
    git_repo: Path, pre_commit_home: Path
) -> None:
    (git_repo / "settings.py").write_text(f'RAZORPAY_KEY_ID = "{LIVE}"\n')
    git(git_repo, "add", "settings.py")
    failed = try_repo(git_repo, pre_commit_home)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "settings.py:1:20: AL201" in output
    assert LIVE not in output
    assert "rzp_live_Q1…(redacted)" in output

    (git_repo / "settings.py").write_text('RAZORPAY_KEY_ID = os.environ["RAZORPAY_KEY_ID"]\n')
    git(git_repo, "add", "settings.py")
    passed = try_repo(git_repo, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "AL201" not in passed.stdout


def _readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_readme_snippet_with_a_tag_from_the_release_step(
    git_repo: Path, tmp_path: Path, pre_commit_home: Path
) -> None:
    # The README's release step, run on a clone of this repository: it creates the tag that
    # the README's pre-commit snippet names in `rev:`.
    import re

    clone = tmp_path / "authlint-clone"
    git(tmp_path, "clone", "-q", str(ROOT), str(clone))
    release = _readme_section("Releasing")
    tag_commands = re.findall(r"^git tag .*$", release, re.MULTILINE)
    assert len(tag_commands) == 1
    subprocess.run(
        ["bash", "-c", tag_commands[0]],
        cwd=clone,
        check=True,
        env={**os.environ, "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"},
    )
    snippet = re.search(r"```yaml\n(.*?)```", _readme_section("pre-commit"), re.DOTALL)
    assert snippet is not None
    config = snippet.group(1)
    rev = re.search(r"rev: (\S+)", config)
    assert rev is not None
    assert rev.group(1) in git(clone, "tag", "--list")
    config = re.sub(r"repo: \S+", f"repo: {clone}", config)
    (git_repo / ".pre-commit-config.yaml").write_text(config)
    (git_repo / "settings.py").write_text(f'RAZORPAY_KEY_ID = "{LIVE}"\n')
    git(git_repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=git_repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "settings.py:1:20: AL201" in output
    assert LIVE not in output

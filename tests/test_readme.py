"""The README's examples run, so the README cannot drift from the code.

Every fenced block whose info string starts with ``python`` or ``console`` is executed; a block
that cannot run in a test says so in its info string (```` ```console no-run ````), and such
marks must stay few. Each block runs in a fresh empty directory with this interpreter's
``authlint`` first on PATH.

- ``python``: a block written as a doctest (``>>>`` prompts) is run by doctest, so every shown
  result is compared; any other python block is executed and must not raise.
- ``console``: ``$ command`` lines run in bash one after the other, in the block's directory;
  the lines up to the next ``$`` are the expected output (stdout and stderr together), compared
  exactly except that a line ``...`` stands for any number of lines.
- ``toml`` blocks holding an authlint configuration are loaded as one, so the documented keys
  stay valid.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RUN_KINDS = ("python", "console")
MAX_NO_RUN = 3  # blocks marked `no-run`: keep this small
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$",
                    re.MULTILINE | re.DOTALL)  # fmt: skip


@dataclass(frozen=True)
class Block:
    line: int
    kind: str
    flags: tuple[str, ...]
    body: str

    @property
    def id(self) -> str:
        return f"{self.kind}-line{self.line}"


def blocks(text: str) -> list[Block]:
    found = []
    for m in _FENCE.finditer(text):
        words = m.group("info").split()
        if not words:
            continue
        line = text.count("\n", 0, m.start()) + 1
        found.append(Block(line, words[0].lower(), tuple(words[1:]), m.group("body")))
    return found


ALL = blocks(README.read_text(encoding="utf-8"))
RUNNABLE = [b for b in ALL if b.kind in RUN_KINDS and "no-run" not in b.flags]


def _env(tmp_path: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AUTHLINT_", "FORCE_COLOR"))}
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        NO_COLOR="1",
        HOME=str(tmp_path),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
    )
    return env


def run_console(body: str, cwd: Path, env: dict[str, str]) -> list[tuple[str, str, str]]:
    """(command, expected, actual) for each ``$`` line of a console block."""
    steps: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
        elif line.strip():
            raise AssertionError(f"console block starts with output, not `$ `: {line!r}")
    results = []
    for command, expected in steps:
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-c", command],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
            timeout=120,
        )
        results.append((command, "\n".join(expected).rstrip(), proc.stdout.rstrip()))
    return results


def output_matches(expected: str, actual: str) -> bool:
    """Exact, line by line, except that a line ``...`` matches any lines."""
    pattern = "\n".join(
        r"(?:.*\n?)*?" if line == "..." else re.escape(line.rstrip())
        for line in expected.splitlines()
    )
    actual = "\n".join(line.rstrip() for line in actual.splitlines())
    return re.fullmatch(pattern, actual) is not None


def test_the_readme_has_runnable_examples_and_few_exemptions() -> None:
    kinds = {b.kind for b in RUNNABLE}
    assert {"python", "console"} <= kinds
    exempt = [b for b in ALL if b.kind in RUN_KINDS and "no-run" in b.flags]
    assert len(exempt) <= MAX_NO_RUN, [b.id for b in exempt]


@pytest.mark.parametrize("block", RUNNABLE, ids=[b.id for b in RUNNABLE])
def test_readme_example(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    if block.kind == "console":
        for command, expected, actual in run_console(block.body, tmp_path, _env(tmp_path)):
            assert output_matches(expected, actual), (
                f"README line {block.line}: `$ {command}`\n"
                f"--- expected\n{expected}\n--- actual\n{actual}"
            )
        return
    if ">>> " in block.body:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block.body, {}, f"README.md:{block.line}", str(README), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test, out=lambda text: print(text, end=""))
        assert runner.failures == 0, f"README line {block.line}: doctest failed (output above)"
        assert runner.tries > 0
        return
    exec(compile(block.body, f"README.md:{block.line}", "exec"), {"__name__": "readme"})


def test_readme_configuration_examples_load(tmp_path: Path) -> None:
    from authlint.config import load_settings

    configs = [b for b in ALL if b.kind == "toml" and "authlint" in b.body]
    assert configs
    for block in configs:
        path = tmp_path / ("pyproject.toml" if "[tool." in block.body else "authlint.toml")
        path.write_text(block.body)
        load_settings(path)  # raises ConfigError naming the problem


# The runner itself, on examples made to fail: it must notice drift.


def test_runner_notices_wrong_console_output(tmp_path: Path) -> None:
    ((command, expected, actual),) = run_console("$ echo one\ntwo\n", tmp_path, _env(tmp_path))
    assert not output_matches(expected, actual)
    ((command, expected, actual),) = run_console("$ echo one\n", tmp_path, _env(tmp_path))
    assert not output_matches(expected, actual)  # output nobody documented
    assert output_matches("a\n...\nd", "a\nb\nc\nd")
    assert not output_matches("a\n...\nd", "a\nb\nc")


def test_blocks_reads_info_strings() -> None:
    text = "x\n```console no-run\n$ rm -rf /\n```\n\n````python\nprint(1)\n````\n```\nplain\n```\n"
    assert [(b.kind, b.flags, b.line) for b in blocks(text)] == [
        ("console", ("no-run",), 2),
        ("python", (), 6),
    ]

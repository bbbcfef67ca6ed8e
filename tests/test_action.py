"""The composite GitHub Action (action.yml): valid metadata, and its `run:` steps executed as a
runner would, on a sample repository, with authlint installed from the action's checkout."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import git

ROOT = Path(__file__).resolve().parent.parent
ACTION = ROOT / "action.yml"
LIVE = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore
TEST = "rzp_test_Z9x8C7v6B5n4M3"  # authlint: ignore
_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def _action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text())
    return data


def _check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_action_metadata_matches_the_schema() -> None:
    # SchemaStore's github-action schema, vendored in check-jsonschema (no network).
    proc = _check_jsonschema("vendor.github-actions", ACTION)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_documented_workflows_match_the_schema(tmp_path: Path) -> None:
    docs = (ROOT / "docs" / "ci.md").read_text()
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", docs, re.DOTALL) if "jobs:" in b]
    assert len(blocks) >= 2  # the action's workflow and the step-by-step one
    files = []
    for i, block in enumerate(blocks):
        path = tmp_path / f"workflow{i}.yml"
        path.write_text(block)
        files.append(path)
    proc = _check_jsonschema("vendor.github-workflows", *files)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    action_workflow = next(yaml.safe_load(b) for b in blocks if "uses: authlint/authlint@" in b)
    assert action_workflow["permissions"] == {
        "contents": "read",
        "security-events": "write",
        "actions": "read",
    }


def test_action_structure() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    inputs = set(action["inputs"])
    assert {"paths", "output-format", "sarif", "fail-on-warnings"} <= inputs
    steps = action["runs"]["steps"]
    text = ACTION.read_text()
    for name in re.findall(r"inputs\.([A-Za-z0-9_-]+)", text):
        assert name in inputs, name
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
            # inputs go through env, never into the script text (script injection)
            assert "${{" not in step["run"], step["name"]
            syntax = subprocess.run(
                ["bash", "-n"], input=step["run"], capture_output=True, text=True, check=False
            )
            assert syntax.returncode == 0, syntax.stderr
        else:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]), step["uses"]
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert install["env"]["AUTHLINT_SOURCE"] == "${{ github.action_path }}"


def _expand(value: str, context: dict[str, str]) -> str:
    return _EXPR.sub(lambda m: context[m.group(1)], value)


class Runner:
    """Runs the action's `run:` steps the way a GitHub runner does: bash, the step's env with
    expressions filled in, GITHUB_OUTPUT and RUNNER_TEMP, in the workspace."""

    def __init__(self, workspace: Path, python_bin: Path, temp: Path) -> None:
        self.workspace = workspace
        self.python_bin = python_bin
        self.temp = temp

    def step(self, step_id: str, **inputs: str) -> tuple[int, str, dict[str, str]]:
        action = _action()
        values = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
        values.update({k.replace("_", "-"): v for k, v in inputs.items()})
        context = {f"inputs.{k}": v for k, v in values.items()}
        context["github.action_path"] = str(ROOT)
        steps = action["runs"]["steps"]
        by_id = [s for s in steps if s.get("id") == step_id]
        step = by_id[0] if by_id else next(s for s in steps if s["name"].startswith(step_id))
        output = self.temp / "github_output"
        output.write_text("")
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("AUTHLINT", "PYTHON"))},
            "PATH": f"{self.python_bin}{os.pathsep}{os.environ['PATH']}",
            "GITHUB_OUTPUT": str(output),
            "RUNNER_TEMP": str(self.temp),
            "GITHUB_WORKSPACE": str(self.workspace),
            **{k: _expand(str(v), context) for k, v in step.get("env", {}).items()},
        }
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        outputs = dict(
            line.split("=", 1) for line in output.read_text().splitlines() if "=" in line
        )
        return proc.returncode, proc.stdout + proc.stderr, outputs


@pytest.mark.slow
def test_action_steps_on_a_sample_repository(tmp_path: Path) -> None:
    workspace = tmp_path / "repo"
    workspace.mkdir()
    git(workspace, "init", "-q", "-b", "main")
    (workspace / "app.py").write_text(f'KEY_ID = "{LIVE}"\n')
    (workspace / "keys.env").write_text(f"RAZORPAY_KEY_ID={TEST}\n")
    (workspace / "docs").mkdir()
    (workspace / "docs" / "clean.md").write_text("Nothing to see.\n")
    git(workspace, "add", "-A")
    # actions/setup-python's part: a Python on PATH (a fresh venv, so the install is real).
    venv = tmp_path / "python"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    runner = Runner(workspace, venv / "bin", temp)

    code, log, _ = runner.step("Install authlint")
    assert code == 0, log
    assert (venv / "bin" / "authlint").exists()

    code, log, outputs = runner.step("check")
    assert code == 1, log
    assert "::error file=app.py,line=1" in log
    assert LIVE not in log
    sarif = json.loads(Path(outputs["sarif-file"]).read_text())
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"AL201", "AL202"}

    code, log, outputs = runner.step("check", paths="keys.env\ndocs", sarif="false")
    assert code == 0, log
    assert "::warning file=keys.env" in log
    assert "sarif-file" not in outputs

    code, log, _ = runner.step("check", paths="keys.env", fail_on_warnings="true")
    assert code == 1, log

    code, log, _ = runner.step("check", paths="docs", output_format="text", sarif="false")
    assert code == 0, log
    assert "All clear: 1 file scanned." in log

    code, log, outputs = runner.step("check", paths="missing-dir")
    assert code == 2, log
    assert "missing-dir: no such file or directory" in log
    assert "sarif-file" not in outputs

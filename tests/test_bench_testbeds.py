"""bench/testbeds.py on a one-repository mirror made here: extraction at the pinned commit,
labels matched by fingerprint, the exit status, and no secret in anything it prints or writes."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import git

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "testbeds.py"
KEY = "rzp_live_Q8v3NfK2LmZ7pT"  # authlint: ignore[AL201]
REPO = "example/bed"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_testbeds", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, Path, str]:
    """(the script's module with one test bed, the mirror root, the pinned commit)."""
    source = tmp_path / "source"
    source.mkdir()
    git(source, "init", "-q", "-b", "main")
    (source / "settings.py").write_text(f'RAZORPAY_KEY_ID = "{KEY}"\n')
    git(source, "add", ".")
    git(source, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "one")
    pinned = git(source, "rev-parse", "HEAD").strip()
    # A later commit the pinned run must not see.
    (source / "later.py").write_text(f'OTHER = "{KEY}"\n')
    git(source, "add", ".")
    git(source, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "two")
    mirror = tmp_path / "mirror"
    git(tmp_path, "clone", "-q", "--bare", str(source), str(mirror / "example+bed" / "repo"))
    module = _load()
    monkeypatch.setattr(module, "TESTBEDS", (module.Testbed(REPO, pinned),))
    return module, mirror, pinned


def _main(module: ModuleType, tmp_path: Path, mirror: Path, labels: object, *extra: str) -> int:
    path = tmp_path / "labels.json"
    path.write_text(labels if isinstance(labels, str) else json.dumps(labels))
    argv = ["--mirror", str(mirror), "--work", str(tmp_path / "work"), "--labels", str(path)]
    code: int = module.main([*argv, *extra])
    return code


def _fingerprint(tmp_path: Path, module: ModuleType, mirror: Path) -> str:
    out = tmp_path / "unlabelled.json"
    _main(module, tmp_path, mirror, {"repos": {}}, "--write-unlabelled", str(out))
    items = json.loads(out.read_text())[REPO]
    assert [(i["path"], i["code"], i["verdict"]) for i in items] == [("settings.py", "AL201", None)]
    assert KEY not in out.read_text()
    return str(items[0]["fingerprint"])


def _labels(fingerprint: str, verdict: str) -> dict[str, object]:
    label = {"path": "settings.py", "code": "AL201", "fingerprint": fingerprint}
    return {
        "reasons": {"r": "why"},
        "repos": {REPO: {"labels": [{**label, "verdict": verdict, "reason": "r"}]}},
    }


def test_unlabelled_error_fails_and_nothing_secret_is_printed(
    bed: tuple[ModuleType, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    module, mirror, pinned = bed
    assert _main(module, tmp_path, mirror, {"repos": {}}) == 1
    out, err = capsys.readouterr()
    row = next(line for line in out.splitlines() if line.startswith(f"| {REPO} "))
    # errors 1, warnings 0, right 0, wrong 0, unlabelled 1: later.py (after the pin) is not seen.
    assert row.split("|")[4:9] == [" 1 ", " 0 ", " 0 ", " 0 ", " 1 "]
    assert pinned[:12] in row
    assert "unlabelled or labelled wrong" in err
    assert KEY not in out + err


def test_label_by_fingerprint_decides_right_and_wrong(
    bed: tuple[ModuleType, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    module, mirror, _ = bed
    fingerprint = _fingerprint(tmp_path, module, mirror)
    capsys.readouterr()
    assert _main(module, tmp_path, mirror, _labels(fingerprint, "true-positive")) == 0
    assert _main(module, tmp_path, mirror, _labels(fingerprint, "false-positive")) == 1
    # An acceptable warning reported at error level is wrong too.
    assert _main(module, tmp_path, mirror, _labels(fingerprint, "acceptable-warning")) == 1
    out = capsys.readouterr().out
    assert "r: why" in out  # the wrong finding's class is named with its reason
    # A label for another value of the same code and path does not apply.
    assert _main(module, tmp_path, mirror, _labels("0" * 64, "true-positive")) == 1


def test_absent_snapshot_is_skipped_with_a_message(
    bed: tuple[ModuleType, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    module, _, _ = bed
    assert _main(module, tmp_path, tmp_path / "nowhere", {"repos": {}}) == 0
    err = capsys.readouterr().err
    assert f"{REPO}: skipped: no snapshot at" in err
    assert "nothing was compared" in err


@pytest.mark.parametrize(
    "labels",
    [
        "{not json",
        {"repos": {REPO: {"labels": [{"path": "settings.py"}]}}},
        _labels("f" * 64, "maybe"),
        {**_labels("f" * 64, "false-positive"), "reasons": {}},
        {"reasons": {"r": "why"}, "repos": {REPO: {"misses": [{"path": "a.md"}]}}},
    ],
)
def test_bad_labels_file_is_one_line_and_exit_2(
    bed: tuple[ModuleType, Path, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    labels: object,
) -> None:
    module, mirror, _ = bed
    assert _main(module, tmp_path, mirror, labels) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert len(err.strip().splitlines()) == 1

"""`--fix` rewrites fixable header literals in place; `--diff` shows them redacted; secrets stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run

TOKEN = "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="  # RFC 7617's example credentials


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "client.py").write_text(
        "import requests\n"
        f'H1 = {{"Authorization": "basic {TOKEN}"}}\n'
        f'H2 = {{"Authorization": "Basic  {TOKEN}"}}\n'
        'H3 = {"Authorization": "bearer " + token}\n'
        'H4 = {"Authorization": "Basic <base64token>"}\n'
    )
    return tmp_path


def test_fix_rewrites_only_what_is_mechanical(run: Run, project: Path) -> None:
    code, out, err = run(["check", "--isolated", "--fix", "client.py"])
    text = (project / "client.py").read_text()
    assert f'H1 = {{"Authorization": "Basic {TOKEN}"}}' in text
    assert f'H2 = {{"Authorization": "Basic {TOKEN}"}}' in text
    assert 'H3 = {"Authorization": "Bearer " + token}' in text
    # A placeholder has no mechanical fix: left alone, and still reported.
    assert 'H4 = {"Authorization": "Basic <base64token>"}' in text
    assert "fixed 3 header value(s) in client.py" in out
    assert "AL103" in out
    assert "AL101" not in out
    assert code == 1


def test_fix_is_idempotent(run: Run, project: Path) -> None:
    run(["check", "--isolated", "--fix", "client.py"])
    once = (project / "client.py").read_text()
    _, out, _ = run(["check", "--isolated", "--fix", "client.py"])
    assert (project / "client.py").read_text() == once
    assert "fixed" not in out


def test_diff_shows_redacted_fixes_and_writes_nothing(run: Run, project: Path) -> None:
    before = (project / "client.py").read_text()
    code, out, _ = run(["check", "--isolated", "--diff", "client.py"])
    assert (project / "client.py").read_text() == before
    assert code == 1
    assert "--- client.py" in out
    assert "@@ 2:25 @@" in out
    assert "-basic QWxh…(redacted)" in out
    assert "+Basic QWxh…(redacted)" in out
    assert TOKEN not in out


def test_fix_and_diff_together_is_a_usage_error(run: Run, project: Path) -> None:
    code, _, err = run(["check", "--isolated", "--fix", "--diff", "client.py"])
    assert code == 2
    assert "--fix" in err


def test_fix_leaves_files_that_do_not_round_trip(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "latin1.py"
    data = b"# caf\xe9\n" + f'H = {{"Authorization": "basic {TOKEN}"}}\n'.encode()
    path.write_bytes(data)
    run(["check", "--isolated", "--fix", str(path)])
    assert path.read_bytes() == data

"""`--fix` rewrites fixable header literals in place; `--diff` shows them redacted; secrets stay."""

from __future__ import annotations

import re
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


# --- issue 8: edits are re-checked, and [*] counts exactly what --fix fixes ----------------------


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        pytest.param(
            'h = {"Authorization": "basic" + (" " + tok)}',
            'h = {"Authorization": "Basic" + (" " + tok)}',
            id="space-comes-from-the-next-literal",
        ),
        pytest.param(
            'h = {"Authorization": "bearer" + SEP + tok}',
            'h = {"Authorization": "Bearer" + SEP + tok}',
            id="unknown-separator-no-space-added",
        ),
        pytest.param(
            'h = {"Authorization": "bearer" + tok}',
            'h = {"Authorization": "Bearer " + tok}',
            id="token-alone-gets-the-space",
        ),
        pytest.param(
            'h = {"Authorization": "Basic" + " " + tok}',
            'h = {"Authorization": "Basic" + " " + tok}',
            id="already-right-with-the-next-literal",
        ),
    ],
)
def test_prefix_fix_is_rechecked_with_what_follows(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, fixed: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.py").write_text(f"import requests\n{line}\n")
    run(["check", "--isolated", "--fix", "c.py"])
    assert (tmp_path / "c.py").read_text() == f"import requests\n{fixed}\n"


def _fixable_count(out: str) -> int:
    import re

    found = re.search(r"\[\*\] (\d+) fixable", out)
    return int(found.group(1)) if found else 0


def _finding_count(out: str) -> int:
    import re

    return len(re.findall(r"^\S+:\d+:\d+: AL", out, re.MULTILINE))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("a.sh", 'curl -H "Authorization: BASIC " https://x\n', id="curl-basic-empty"),
        pytest.param("a.sh", 'curl -H "Authorization: BASIC $T" https://x\n', id="curl-expands"),
        pytest.param(
            "a.sh", f'curl -H "Authorization: BASIC {TOKEN}" https://x\n', id="curl-literal"
        ),
        pytest.param(
            "c.py",
            "import requests\n"
            'a = {"Authorization": "basic" + (" " + tok)}\n'
            'b = {"Authorization": "bearer" + SEP + tok}\n'
            'c = {"Authorization": "bearer" + tok}\n'
            f'd = {{"Authorization": "basic {TOKEN}"}}\n'
            'e = {"Authorization": "Basic <token>"}\n'
            f'f = {{"Authorization": "Basic  {TOKEN}"}}\n',
            id="python-mix",
        ),
        pytest.param("api.http", f"GET https://x\nAuthorization: basic  {TOKEN}\n", id="http-file"),
    ],
)
def test_fixable_count_is_what_fix_fixes(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(content)
    _, before, _ = run(["check", "--isolated", name])
    _, diff, _ = run(["check", "--isolated", "--diff", name])
    changed = diff.count("\n@@ ")
    run(["check", "--isolated", "--fix", name])
    _, after, _ = run(["check", "--isolated", name])
    assert _finding_count(before) - _finding_count(after) == _fixable_count(before)
    assert _fixable_count(after) == 0
    assert (changed == 0) == (_fixable_count(before) == 0)


# --- a fix only for a finding that is reported: suppressions, ignores, allowlist, baseline -------

_BASIC = f'{{"Authorization": "basic {TOKEN}"}}'
_TWO_PROBLEMS = f'{{"Authorization": "basic  {TOKEN}"}}'  # AL101 (case) and AL108 (two spaces)
_ENCODER = 'base64.encodebytes(b"user:pass").decode()'  # AL119: renamed to b64encode


def _changed_lines(before: str, after: str) -> set[int]:
    pairs = zip(before.splitlines(), after.splitlines(), strict=True)
    return {n for n, (a, b) in enumerate(pairs, 1) if a != b}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("content", "config", "fixed_lines"),
    [
        pytest.param(
            f"import requests\nA = {_BASIC}  # authlint: ignore[AL101]\nB = {_BASIC}\n",
            "",
            {3},
            id="line-suppression",
        ),
        pytest.param(
            f"import requests\nA = {_BASIC}  # authlint: ignore\nB = {_BASIC}\n",
            "",
            {3},
            id="blanket-line-suppression",
        ),
        pytest.param(
            f"import requests\n# authlint: ignore-next-line[scheme-case]\nA = {_BASIC}\n"
            f"B = {_BASIC}\n",
            "",
            {4},
            id="next-line-suppression-by-name",
        ),
        pytest.param(
            f"# authlint: ignore-file[AL101]\nimport requests\nA = {_BASIC}\nB = {_BASIC}\n",
            "",
            set(),
            id="file-suppression",
        ),
        pytest.param(
            # Normalising would fix AL108 but also rewrite the suppressed scheme case: left alone.
            f"import requests\nA = {_TWO_PROBLEMS}  # authlint: ignore[AL101]\nB = {_BASIC}\n",
            "",
            {3},
            id="one-edit-two-findings-one-suppressed",
        ),
        pytest.param(
            f"import requests\nA = {_TWO_PROBLEMS}  # authlint: ignore[AL101,AL108]\n",
            "",
            set(),
            id="one-edit-two-findings-both-suppressed",
        ),
        pytest.param(
            "import base64\nimport requests\n"
            f"t = {_ENCODER}  # authlint: ignore[AL119]\n"
            'h = {"Authorization": "Basic " + t}\n'
            f"u = {_ENCODER}\n"
            'g = {"Authorization": "Basic " + u}\n',
            "",
            {5},
            id="construction-suppressed",
        ),
        pytest.param(
            f"import requests\nA = {_BASIC}\nB = {_BASIC}\n",
            '[tool.authlint]\nper-file-ignores = {"c.py" = ["AL101"]}\n',
            set(),
            id="per-file-ignores",
        ),
        pytest.param(
            f"import requests\nA = {_BASIC}\nB = {_BASIC}\n",
            '[tool.authlint]\nper-file-ignores = {"other.py" = ["AL101"]}\n',
            {2, 3},
            id="per-file-ignores-elsewhere",
        ),
        pytest.param(
            f"import requests\nA = {_BASIC}\n",
            '[tool.authlint]\nselect = ["AL2"]\n',
            set(),
            id="not-selected",
        ),
        pytest.param(
            # An API that wants `basic`: the case is ignored, so fixing AL108 must not change it.
            f"import requests\nA = {_TWO_PROBLEMS}\nB = {_BASIC}\n",
            '[tool.authlint]\nper-file-ignores = {"c.py" = ["AL101"]}\n',
            set(),
            id="one-edit-two-findings-one-ignored-for-the-file",
        ),
        pytest.param(
            f"import requests\nA = {_TWO_PROBLEMS}\nB = {_BASIC}\n",
            '[tool.authlint]\nignore = ["scheme-case"]\n',
            set(),
            id="one-edit-two-findings-one-not-selected",
        ),
        pytest.param(
            f"import requests\nA = {_TWO_PROBLEMS}\nB = {_BASIC}\n",
            '[tool.authlint]\nignore = ["AL108"]\n',
            {3},
            id="one-edit-two-findings-the-other-not-selected",
        ),
        pytest.param(
            f"import requests\nA = {_BASIC}\n",
            '[tool.authlint]\nallowlist = ["QWxhZGRpbjpvcGVu"]\n',
            set(),
            id="allowlisted",
        ),
    ],
)
def test_fix_and_diff_touch_only_reported_findings(
    run: Run, workdir: Path, content: str, config: str, fixed_lines: set[int]
) -> None:
    if config:
        (workdir / "pyproject.toml").write_text(config)
    path = workdir / "c.py"
    path.write_text(content)
    _, report, _ = run(["check", "c.py"])
    _, diff, _ = run(["check", "--diff", "c.py"])
    assert {int(n) for n in re.findall(r"^@@ (\d+):", diff, re.MULTILINE)} == fixed_lines
    # [*] counts exactly the values --diff shows.
    assert _fixable_count(report) == diff.count("\n@@ ")
    code, out, _ = run(["check", "--fix", "c.py"])
    assert _changed_lines(content, path.read_text()) == fixed_lines
    if not fixed_lines:
        assert "fixed" not in out


def test_fix_leaves_baselined_findings_and_fixes_new_ones(run: Run, workdir: Path) -> None:
    path = workdir / "c.py"
    old = f"import requests\nA = {_BASIC}\n"
    path.write_text(old)
    assert run(["check", "--isolated", "--write-baseline", "base.json", "c.py"])[0] == 0
    new = old + f"B = {_TWO_PROBLEMS}\n"
    path.write_text(new)
    _, report, _ = run(["check", "--isolated", "--baseline", "base.json", "c.py"])
    _, diff, _ = run(["check", "--isolated", "--baseline", "base.json", "--diff", "c.py"])
    assert re.findall(r"^@@ (\d+):", diff, re.MULTILINE) == ["3"]
    assert _fixable_count(report) == 2  # AL101 and AL108 of line 3, one edit
    code, out, _ = run(["check", "--isolated", "--baseline", "base.json", "--fix", "c.py"])
    assert _changed_lines(new, path.read_text()) == {3}
    assert "fixed 1 header value(s) in c.py" in out
    assert code == 0  # line 3 fixed, line 2 is in the baseline

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from authlint import gitio, history
from authlint.codes import Code
from authlint.commands import history as command
from authlint.config import Settings
from authlint.finding import Finding, LineIndex, make_finding
from authlint.history import HistoryFinding, parse_log, scan_history
from authlint.redact import redact_secret
from tests.conftest import git

LIVE = "rzp_live_AbCdEfGhIjKlMn"  # authlint: ignore
TEST = "rzp_test_ZyXwVuTsRqPoNm"  # authlint: ignore
_KEY = re.compile(r"rzp_(live|test)_[A-Za-z0-9]{14}")


def fake_detect(path: str, text: str) -> list[Finding]:
    """Key ids only: enough to test the history plumbing without the real scanner."""
    index = LineIndex(text)
    return [
        make_finding(
            path=path,
            index=index,
            start=m.start(),
            end=m.end(),
            code=Code.LIVE_KEY_ID if m.group(1) == "live" else Code.TEST_KEY_ID,
            message=f"Razorpay {m.group(1)} key id is hard-coded",
            snippet=redact_secret(m.group()),
            secret=m.group(),
        )
        for m in _KEY.finditer(text)
    ]


def commit(repo: Path, message: str, **files: str | bytes | None) -> str:
    """Write (or delete, for None) files, commit them all, return the full sha."""
    for name, content in files.items():
        path = repo / name.replace("__", "/")
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message, "--allow-empty")
    return git(repo, "rev-parse", "HEAD").strip()


def found(*revs: str, settings: Settings | None = None) -> list[tuple[str, str, int, Code]]:
    return [
        (h.commit, h.finding.path, h.finding.line, h.finding.code)
        for h in scan_history(revs, settings=settings, detect=fake_detect)
    ]


def lines(*parts: str) -> str:
    return "".join(f"{part}\n" for part in parts)


def test_deleted_key_is_reported_with_its_commit(git_repo: Path) -> None:
    first = commit(git_repo, "add", **{"app.py": lines("import os", "", f"KEY = '{LIVE}'")})
    commit(git_repo, "remove", **{"app.py": lines("import os", "", "KEY = os.environ['K']")})
    assert found() == [(first, "app.py", 3, Code.LIVE_KEY_ID)]


def test_line_numbers_follow_hunks(git_repo: Path) -> None:
    body = [f"line {i}" for i in range(1, 21)]
    commit(git_repo, "base", **{"a.txt": lines(*body)})
    body[2] = "changed"
    body.insert(9, f"key {TEST}")  # new line 10
    body.append(f"tail {LIVE}")  # new line 22
    second = commit(git_repo, "keys", **{"a.txt": lines(*body)})
    assert found() == [
        (second, "a.txt", 10, Code.TEST_KEY_ID),
        (second, "a.txt", 22, Code.LIVE_KEY_ID),
    ]


def test_unchanged_key_is_not_reported_again(git_repo: Path) -> None:
    first = commit(git_repo, "add", **{"k.env": lines(f"ID={LIVE}", "A=1")})
    commit(git_repo, "edit", **{"k.env": lines(f"ID={LIVE}", "A=2", "B=3")})
    assert found() == [(first, "k.env", 1, Code.LIVE_KEY_ID)]


def test_rename_is_not_a_new_leak(git_repo: Path) -> None:
    content = lines(*[f"setting_{i} = {i}" for i in range(10)], f"KEY = '{LIVE}'")
    first = commit(git_repo, "add", **{"old.py": content})
    git(git_repo, "mv", "old.py", "new.py")
    commit(git_repo, "rename")
    third = commit(git_repo, "edit", **{"new.py": content + f"OTHER = '{TEST}'\n"})
    assert found() == [
        (third, "new.py", 12, Code.TEST_KEY_ID),
        (first, "old.py", 11, Code.LIVE_KEY_ID),
    ]


def test_rename_with_added_lines_reports_the_new_path(git_repo: Path) -> None:
    content = lines(*[f"setting_{i} = {i}" for i in range(10)])
    commit(git_repo, "add", **{"old.py": content})
    (git_repo / "old.py").unlink()
    second = commit(git_repo, "move", **{"new.py": content + f"KEY = '{LIVE}'\n"})
    assert found() == [(second, "new.py", 11, Code.LIVE_KEY_ID)]


def test_merge_reports_branch_commit_once(git_repo: Path) -> None:
    commit(git_repo, "base", **{"a.txt": lines("a"), "b.txt": lines("b")})
    git(git_repo, "checkout", "-qb", "side")
    on_side = commit(git_repo, "side key", **{"b.txt": lines("b", f"k {LIVE}")})
    git(git_repo, "checkout", "-q", "main")
    commit(git_repo, "main work", **{"a.txt": lines("a", "more")})
    git(git_repo, "merge", "-q", "--no-edit", "side")
    assert found() == [(on_side, "b.txt", 2, Code.LIVE_KEY_ID)]


def test_key_added_while_resolving_a_conflict_is_reported_on_the_merge(git_repo: Path) -> None:
    commit(git_repo, "base", **{"a.txt": lines("one", "two", "three")})
    git(git_repo, "checkout", "-qb", "side")
    commit(git_repo, "side", **{"a.txt": lines("one", "side", "three")})
    git(git_repo, "checkout", "-q", "main")
    commit(git_repo, "main", **{"a.txt": lines("one", "main", "three")})
    with pytest.raises(subprocess.CalledProcessError):
        git(git_repo, "merge", "-q", "side")
    merge = commit(git_repo, "merge", **{"a.txt": lines("one", f"k {TEST}", "three")})
    assert found() == [(merge, "a.txt", 2, Code.TEST_KEY_ID)]


def test_binary_files_are_skipped(git_repo: Path) -> None:
    text = commit(git_repo, "text", **{"t.txt": f"{LIVE}\n"})
    commit(git_repo, "binary", **{"b.bin": b"\0\1\2" + LIVE.encode() + b"\n"})
    assert found() == [(text, "t.txt", 1, Code.LIVE_KEY_ID)]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("with space.txt", id="space"),
        pytest.param("tab\there.txt", id="tab"),
        pytest.param('quote".txt', id="quote"),
        pytest.param("caf\u00e9/\u00fc.txt", id="non-ascii"),
        pytest.param("back\\slash.txt", id="backslash"),
    ],
)
def test_unusual_file_names(git_repo: Path, name: str) -> None:
    sha = commit(git_repo, "odd", **{name.replace("/", "__"): f"x\n{TEST}\n"})
    assert found() == [(sha, name, 2, Code.TEST_KEY_ID)]


def test_rev_range_and_all_refs(git_repo: Path) -> None:
    first = commit(git_repo, "one", **{"a.txt": f"{LIVE}\n"})
    second = commit(git_repo, "two", **{"b.txt": f"{TEST}\n"})
    git(git_repo, "checkout", "-qb", "unmerged")
    third = commit(git_repo, "three", **{"c.txt": f"{TEST}\n"})
    git(git_repo, "checkout", "-q", "main")
    # Commits made within one second have no defined log order: compare as sets.
    assert {c for c, *_ in found()} == {third, second, first}  # default: every ref
    assert {c for c, *_ in found("main")} == {second, first}
    assert [c for c, *_ in found(f"{first}..main")] == [second]


@pytest.mark.parametrize(
    "rev",
    [pytest.param("no-such-branch", id="unknown"), pytest.param("--output=x", id="option-like")],
)
def test_bad_range_is_a_git_error(git_repo: Path, rev: str) -> None:
    commit(git_repo, "one", **{"a.txt": "a\n"})
    with pytest.raises(gitio.GitError):
        found(rev)
    with pytest.raises(gitio.GitError):  # the segmented path starts with git rev-list
        list(scan_history([rev], jobs=2))
    assert not (git_repo / "x").exists()


def test_empty_repository_has_no_history(git_repo: Path) -> None:
    assert found() == []


def test_not_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(gitio.GitError, match="not a git repository"):
        found()


def test_excluded_paths_are_not_reported(git_repo: Path) -> None:
    kept = commit(git_repo, "keys", **{"src__a.py": f"{LIVE}\n", "fixtures__b.py": f"{LIVE}\n"})
    settings = Settings().replace(extend_exclude=("fixtures/",), root=str(git_repo))
    assert found(settings=settings) == [(kept, "src/a.py", 1, Code.LIVE_KEY_ID)]


def test_prefilter_gates_the_detector(git_repo: Path) -> None:
    commit(git_repo, "key", **{"a.txt": f"{LIVE}\n"})
    calls: list[str] = []

    def counting(path: str, text: str) -> list[Finding]:
        calls.append(path)
        return fake_detect(path, text)

    assert list(scan_history(detect=counting, prefilter=lambda data: False)) == []
    assert calls == []
    assert len(list(scan_history(detect=counting, prefilter=lambda data: b"rzp_" in data))) == 1


def test_parse_log_streams(git_repo: Path) -> None:
    """A finding comes out as soon as its file section ends: the log is never collected."""
    head = [
        b"\x01" + b"a" * 40 + b" 2024-01-02T03:04:05+00:00\n",
        b"\n",
        b"diff --git a/k.txt b/k.txt\n",
        b"--- /dev/null\n",
        b"+++ b/k.txt\n",
        b"@@ -0,0 +1,2 @@\n",
        b"+++ not a header\n",
        b"+" + LIVE.encode() + b"\n",
        b"diff --git a/z b/z\n",
    ]

    def endless() -> Iterator[bytes]:
        yield from head
        raise AssertionError("read past the first file")

    first = next(parse_log(endless(), fake_detect))
    assert (first.commit, first.date) == ("a" * 40, "2024-01-02T03:04:05+00:00")
    assert (first.finding.path, first.finding.line) == ("k.txt", 2)


def test_mode_comes_from_code_or_key_prefix() -> None:
    [live] = fake_detect("a", LIVE)
    [test] = fake_detect("a", TEST)
    assert HistoryFinding("0" * 40, "", live).mode == "live"
    assert HistoryFinding("0" * 40, "", test).mode == "test"
    composite = live.replace(code=Code.BASIC_CREDENTIALS, message="decodes to credentials")
    assert HistoryFinding("0" * 40, "", composite).mode == "live"  # from the snippet
    other = composite.replace(snippet="Bearer abcd…(redacted)")
    assert HistoryFinding("0" * 40, "", other).mode is None


# The command, with the fake detector in place of the real scanner.

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    monkeypatch.setattr(history, "default_detector", lambda settings, top=None: (fake_detect, None))

    def _run(*argv: str) -> tuple[int, str, str]:
        parser = argparse.ArgumentParser()
        command.add_arguments(parser)
        code = command.run(parser.parse_args(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return _run


def test_command_text(git_repo: Path, cli: Run) -> None:
    sha = commit(git_repo, "k", **{"a.py": f"x = 1\nKEY = '{LIVE}'\n"})
    commit(git_repo, "rm", **{"a.py": "x = 1\n"})
    code, out, err = cli()
    assert code == 1
    assert err == ""
    assert out.startswith(f"{sha[:10]} ")
    assert "a.py:2:8: AL201 Razorpay live key id is hard-coded" in out
    assert "roll this live key" in out
    assert "Found 1 secret (1 live key) in 1 of 2 commits." in out
    assert LIVE not in out


def test_command_json(git_repo: Path, cli: Run) -> None:
    sha = commit(git_repo, "k", **{"a.py": f"{TEST}\n{LIVE}\n"})
    code, out, _ = cli("--output-format", "json")
    assert code == 1
    records = json.loads(out)
    assert [(r["commit"], r["line"], r["code"], r["mode"]) for r in records] == [
        (sha, 1, "AL202", "test"),
        (sha, 2, "AL201", "live"),
    ]
    assert set(records[0]) == {
        "commit", "date", "path", "line", "column", "end_line", "end_column", "code", "name",
        "kind", "severity", "message", "snippet", "fingerprint", "mode",
    }  # fmt: skip
    assert LIVE not in out
    assert TEST not in out


@pytest.mark.parametrize(
    ("content", "expected_code"),
    [
        pytest.param(f"{TEST}\n", 0, id="test-key-is-a-warning"),
        pytest.param("nothing here\n", 0, id="clean"),
        pytest.param(f"{LIVE}\n", 1, id="live-key-is-an-error"),
    ],
)
def test_command_exit_code(git_repo: Path, cli: Run, content: str, expected_code: int) -> None:
    commit(git_repo, "c", **{"a.txt": content})
    code, out, _ = cli("--output-format", "json")
    assert code == expected_code
    assert (json.loads(out) == []) == (content == "nothing here\n")


def test_command_git_errors_exit_2(git_repo: Path, cli: Run) -> None:
    commit(git_repo, "c", **{"a.txt": "a\n"})
    code, _, err = cli("nope..HEAD")
    assert code == 2
    assert err.startswith("authlint: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


# End to end with the real scanner (authlint.scan.scan_text).


def test_real_scanner_reports_deleted_key_with_its_commit(git_repo: Path) -> None:
    first = commit(
        git_repo,
        "add",
        **{
            "app.py": lines("import os", "", f'KEY_ID = "{LIVE}"'),
            "docs__setup.md": lines("Use `rzp_test_XXXXXXXXXXXXXX` in test mode."),
        },
    )
    commit(git_repo, "remove", **{"app.py": lines("import os", "", 'KEY_ID = os.environ["ID"]')})
    results = list(scan_history())
    assert [(h.commit, h.finding.path, h.finding.line, h.finding.code) for h in results] == [
        (first, "app.py", 3, Code.LIVE_KEY_ID)
    ]
    assert results[0].mode == "live"
    assert LIVE not in repr(results)


def test_real_scanner_reports_only_secret_rules(git_repo: Path) -> None:
    # A malformed header (AL1xx) is check's business; history looks for secrets only.
    commit(git_repo, "hdr", **{"client.py": lines('headers = {"Authorization": "basic abc"}')})
    assert list(scan_history()) == []


def test_progress_line_only_with_a_stream() -> None:
    stream = io.StringIO()
    progress = command.Progress(stream, 10)
    progress.tick()
    progress.tick()  # within 0.1 s of the first: not redrawn
    assert stream.getvalue() == "\rauthlint: scanned 1/10 commits"
    progress.clear()
    assert stream.getvalue().endswith("\r\033[K")
    silent = command.Progress(None, None)
    silent.tick()
    assert silent.done == 1


def test_parallel_detection_keeps_order(git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history, "SEGMENT_COMMITS", 2)
    for i in range(12):
        # A new key each time: a key line that only moves is not added again.
        key = f"rzp_{'live' if i % 3 == 0 else 'test'}_AbCdEfGhIjKl{'MnOpQrStUvWx'[i]}z"
        commit(git_repo, f"c{i}", **{f"f{i % 4}.py": f"# {i}\n" * i + f'KEY = "{key}"\n'})

    commits: list[int] = []

    def run(jobs: int) -> list[tuple[str, str, int, Code]]:
        commits.append(0)

        def tick() -> None:
            commits[-1] += 1

        return [
            (h.commit, h.finding.path, h.finding.line, h.finding.code)
            for h in scan_history(jobs=jobs, on_commit=tick)
        ]

    sequential = run(1)
    assert len(sequential) == 12
    assert run(2) == sequential
    assert commits == [12, 12]


def test_command_text_clean(git_repo: Path, cli: Run) -> None:
    commit(git_repo, "c", **{"a.txt": "nothing here\n"})
    assert cli() == (0, "No secrets found in 1 commit.\n", "")


# --- errors are clean, formats, and the count the progress line showed ------------------------


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        pytest.param(["nope"], "unknown revision", id="unknown"),
        pytest.param(["nope..HEAD"], "nope..HEAD", id="bad-range"),
        pytest.param(["--", "app"], "'app': unknown revision", id="dash-dash-path"),
        pytest.param(["--output-format", "json", "nope"], "unknown revision", id="json"),
        pytest.param(["--output-format", "sarif", "nope"], "unknown revision", id="sarif"),
    ],
)
def test_history_errors_are_one_line_and_nothing_on_stdout(
    git_repo: Path, run: Callable[[list[str]], tuple[int, str, str]], argv: list[str], reason: str
) -> None:
    commit(git_repo, "c", **{"a.txt": "a\n"})
    code, out, err = run(["history", *argv])
    assert code == 2
    assert out == ""  # no "No secrets found in 0 commits.", no "[]"
    assert err.startswith("authlint: error: ")
    assert err.count("\n") == 1, err
    assert reason in err
    assert "usage" not in err
    assert "bisect" not in err


def test_history_outside_a_repository(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    run: Callable[[list[str]], tuple[int, str, str]],
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["history", "--output-format", "json"])
    assert (code, out) == (2, "")
    assert "not a git repository" in err


def test_history_reports_the_commit_count_of_the_range(git_repo: Path, cli: Run) -> None:
    commit(git_repo, "one", **{"a.txt": "a\n"})
    commit(git_repo, "empty")
    git(git_repo, "checkout", "-qb", "side")
    commit(git_repo, "side", **{"b.txt": "b\n"})
    git(git_repo, "checkout", "-q", "main")
    commit(git_repo, "main", **{"c.txt": "c\n"})
    git(git_repo, "merge", "-q", "--no-edit", "side")
    total = int(git(git_repo, "rev-list", "--count", "--all").strip())
    assert total == 5
    assert cli() == (0, f"No secrets found in {total} commits.\n", "")
    assert cli("HEAD~1..HEAD")[1] == "No secrets found in 2 commits.\n"


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "gitlab"])
def test_history_other_formats(git_repo: Path, cli: Run, fmt: str) -> None:
    live = "rzp_live_Zq8Wx7Ec6Rv5Tb"  # authlint: ignore (not the rule example SARIF carries)
    sha = commit(git_repo, "k", **{"a.py": f"x = 1\nKEY = '{live}'\n"})
    commit(git_repo, "rm", **{"a.py": "x = 1\n"})
    code, out, err = cli("--output-format", fmt)
    assert code == 1
    assert live not in out + err
    assert sha[:10] in out  # every format says which commit to look at
    if fmt == "sarif":
        import jsonschema

        schema = json.loads(
            (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text()
        )
        document = json.loads(out)
        jsonschema.validate(document, schema)
        (result,) = document["runs"][0]["results"]
        assert result["ruleId"] == "AL201"
        assert result["properties"]["commit"] == sha
    elif fmt == "github":
        assert out.startswith("::error ")
    elif fmt == "junit":
        assert "<testsuites" in out
    else:
        assert json.loads(out)[0]["check_name"].startswith("AL201")
    assert cli("--output-format", fmt, "--exit-zero")[0] == 0


# --- files over the size limit are listed as skipped, never dropped silently ------------------


BIG_KEY = "rzp_live_Pq7Rs6Tu5Vw4Xy"  # authlint: ignore (not the rule example SARIF carries)


def _big(key: str = BIG_KEY) -> str:
    return f"KEY = '{key}'\n" + "# padding\n" * 30


def test_file_diffs_reports_a_file_over_the_limit() -> None:
    sha = "c" * 40
    log = [
        b"\x01" + sha.encode() + b" 2026-01-01T00:00:00+00:00\n",
        b"diff --git a/x.py b/x.py\n",
        b"+++ b/x.py\n",
        b"@@ -0,0 +1,2 @@\n",
        b"+" + LIVE.encode() + b"\n",
        b"+" + b"#" * 2000 + b"\n",
        b"diff --git a/y.py b/y.py\n",
        b"+++ b/y.py\n",
        b"@@ -0,0 +1 @@\n",
        b"+" + LIVE.encode() + b"\n",
    ]
    skipped: list[history.SkippedDiff] = []
    diffs = list(history.file_diffs(log, max_size=1000, on_skip=skipped.append))
    assert [d.path for d in diffs] == ["y.py"]
    assert [(s.commit, s.path) for s in skipped] == [(sha, "x.py")]
    assert skipped[0].reason.startswith("too large")


@pytest.mark.parametrize("jobs", [1, 2])
def test_scan_history_reports_skipped_files(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setattr(history, "SEGMENT_COMMITS", 2)  # jobs=2: segments go to workers
    first = commit(git_repo, "big", **{"big.py": _big(), "small.py": f"K = '{TEST}'\n"})
    for i in range(4):
        commit(git_repo, f"c{i}", **{"other.py": f"x = {i}\n"})
    last = commit(git_repo, "more", **{"fixtures__big.py": _big(), "big2.py": _big(TEST)})
    settings = Settings().replace(
        max_file_size=200, extend_exclude=("fixtures/",), root=str(git_repo)
    )
    skipped: list[history.SkippedDiff] = []
    found = list(scan_history(settings=settings, jobs=jobs, on_skip=skipped.append))
    # The small file is still scanned; the big ones are listed (not the excluded one).
    assert [(h.commit, h.finding.path) for h in found] == [(first, "small.py")]
    assert sorted((s.commit, s.path) for s in skipped) == sorted(
        [(first, "big.py"), (last, "big2.py")]
    )


def test_command_lists_skipped_files(git_repo: Path, cli: Run) -> None:
    sha = commit(git_repo, "big", **{"big.py": _big()})
    (git_repo / "authlint.toml").write_text("max-file-size = 200\n")
    code, out, err = cli()
    assert code == 0  # as for check: a skipped file is listed and counted, not an error
    assert err == ""
    assert re.match(rf"{sha[:10]} [0-9-]{{10}} big\.py: skipped \(too large \(", out)
    assert out.endswith("No secrets found in 1 commit; 1 file skipped: 1 too large.\n")
    assert BIG_KEY not in out


def test_command_lists_skipped_files_beside_findings(git_repo: Path, cli: Run) -> None:
    commit(git_repo, "both", **{"big.py": _big(), "a.py": f"K = '{LIVE}'\n"})
    (git_repo / "authlint.toml").write_text("max-file-size = 200\n")
    code, out, _ = cli()
    assert code == 1
    assert "big.py: skipped (too large" in out
    assert "Found 1 secret (1 live key) in 1 of 1 commit; 1 file skipped: 1 too large.\n" in out


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "junit", "gitlab"])
def test_command_other_formats_name_skipped_files(git_repo: Path, cli: Run, fmt: str) -> None:
    sha = commit(git_repo, "big", **{"big.py": _big()})
    (git_repo / "authlint.toml").write_text("max-file-size = 200\n")
    code, out, err = cli("--output-format", fmt)
    assert code == 0
    # Each machine format keeps its shape; the skipped file is named on stderr in every one.
    assert f"authlint: warning: skipped big.py in commit {sha[:10]}: too large" in err
    assert err.count("\n") == 1
    if fmt in ("json", "gitlab"):
        assert json.loads(out) == []
    if fmt == "sarif":
        (note,) = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert "big.py" in json.dumps(note)
        assert sha[:10] in note["message"]["text"]
    if fmt in ("github", "junit"):
        assert "big.py" in out
    assert BIG_KEY not in out + err


# --- a revision that names no commit cannot be walked: an error, not "0 commits" ---------------


@pytest.mark.parametrize(
    ("rev", "kind"),
    [
        pytest.param("HEAD^{tree}", "tree", id="tree"),
        pytest.param("HEAD:a.txt", "blob", id="blob"),
        pytest.param("tree-tag", "tag of a tree", id="tag-of-a-tree"),
        pytest.param("HEAD^{tree}..HEAD", "tree", id="range-from-a-tree"),
        pytest.param("HEAD...HEAD:a.txt", "blob", id="symmetric-to-a-blob"),
    ],
)
def test_revision_that_is_not_a_commit_is_an_error(
    git_repo: Path, cli: Run, rev: str, kind: str
) -> None:
    commit(git_repo, "one", **{"a.txt": f"{LIVE}\n"})
    git(git_repo, "tag", "-a", "-m", "t", "tree-tag", "HEAD^{tree}")
    for fmt in ("text", "json"):
        code, out, err = cli("--output-format", fmt, rev)
        assert (code, out) == (2, "")
        assert err.startswith("authlint: error: ")
        assert err.count("\n") == 1
        assert f"is a {kind}, not a commit" in err


@pytest.mark.parametrize(
    "rev",
    [
        pytest.param("HEAD..HEAD", id="empty-range"),
        pytest.param("^HEAD", id="only-excluded"),
        pytest.param("HEAD^@", id="parents-of-a-root-commit"),
    ],
)
def test_genuinely_empty_range_is_not_an_error(git_repo: Path, cli: Run, rev: str) -> None:
    commit(git_repo, "one", **{"a.txt": f"{LIVE}\n"})
    assert cli(rev) == (0, "No secrets found in 0 commits.\n", "")


def test_all_refs_ignore_a_tag_of_a_tree(git_repo: Path, cli: Run) -> None:
    commit(git_repo, "one", **{"a.txt": "a\n"})
    git(git_repo, "tag", "-a", "-m", "t", "tree-tag", "HEAD^{tree}")
    assert cli() == (0, "No secrets found in 1 commit.\n", "")
    assert cli("tree-tag..HEAD")[0] == 2

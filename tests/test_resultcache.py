"""The result cache: an unchanged file is not checked again, and nothing else changes.

A second run must report exactly what the first did; any change to the file, the settings or
the code that checks is a fresh check; what the cache holds is never trusted unchecked, never
holds more than the report shows, and never lives in the tree being checked.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
from pathlib import Path

import pytest

import authlint
from authlint import resultcache, scan
from authlint.config import Settings
from authlint.resultcache import ResultCache, directory_from
from tests.conftest import Run

BAD = 'import requests\nrequests.get(u, headers={"Authorization": "basic dXNlcjpwYXNz"})\n'
GOOD = 'import requests\nrequests.get(u, headers={"Authorization": "Basic dXNlcjpwYXNz"})\n'
CLEAN = "def f():\n    return 1\n"


def _checks_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the checks run on from now on (scan._scan_text is the checks' entry)."""
    seen: list[str] = []
    original = scan._scan_text

    def counting(path: str, *args: object, **kwargs: object) -> object:
        seen.append(os.path.basename(path))
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scan, "_scan_text", counting)
    return seen


def _tree(root: Path) -> Path:
    (root / "app.py").write_text(BAD)
    (root / "other.py").write_text(BAD.replace("dXNlcjpwYXNz", "YWRtaW46c2VjcmV0"))
    (root / "clean.py").write_text(CLEAN)
    return root


def test_second_run_reports_the_same_without_checking_again(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    argv = ["check", "--isolated", "--output-format", "json", "."]
    first = run(argv)
    assert first[0] == 1
    assert json.loads(first[1])
    seen = _checks_counted(monkeypatch)
    second = run(argv)
    assert second == first
    assert seen == []  # every finding came from the cache
    text = run(["check", "--isolated", "."])
    assert "[*]" in text[1]  # the fixable marker survives the cache


def test_a_changed_file_is_checked_again(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    argv = ["check", "--isolated", "--output-format", "json", "."]
    run(argv)
    (tmp_path / "app.py").write_text(GOOD)
    seen = _checks_counted(monkeypatch)
    code, out, _ = run(argv)
    assert seen == ["app.py"]
    assert {f["path"] for f in json.loads(out)} == {"other.py"}
    (tmp_path / "app.py").write_text(BAD)  # back to the first bytes: its entry was replaced
    code, out, _ = run(argv)
    assert seen == ["app.py", "app.py"]
    assert {f["path"] for f in json.loads(out)} == {"app.py", "other.py"}


def test_other_settings_are_another_cache(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    run(["check", "--isolated", "--output-format", "json", "."])
    seen = _checks_counted(monkeypatch)
    code, out, _ = run(["check", "--isolated", "--output-format", "json", "--ignore", "AL101", "."])
    assert sorted(seen) == ["app.py", "other.py"]
    assert all(f["code"] != "AL101" for f in json.loads(out))
    seen.clear()
    again = run(["check", "--isolated", "--output-format", "json", "--ignore", "AL101", "."])
    assert again[1] == out
    assert seen == []
    first = run(["check", "--isolated", "--output-format", "json", "."])
    assert json.loads(first[1])
    assert seen == []  # the first settings' entries are still kept


def test_new_code_is_another_cache(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    run(["check", "--isolated", "."])
    monkeypatch.setattr(authlint, "__version__", authlint.__version__ + ".post1")
    # Worked out once per process (a new release is a new process): a fresh one for this test.
    fresh = functools.cache(resultcache._code_stamp.__wrapped__)
    monkeypatch.setattr(resultcache, "_code_stamp", fresh)
    seen = _checks_counted(monkeypatch)
    run(["check", "--isolated", "."])
    assert sorted(seen) == ["app.py", "other.py"]


def test_a_moved_file_is_checked_again(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key holds the absolute path: a file's findings name it, and rules read its place
    (tests, docs)."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    run(["check", "--isolated", "src"])
    os.rename(tmp_path / "src", tmp_path / "lib")
    seen = _checks_counted(monkeypatch)
    code, out, _ = run(["check", "--isolated", "--output-format", "json", "lib"])
    assert seen == ["app.py"]
    assert {f["path"] for f in json.loads(out)} == {"lib/app.py"}


def _shards(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        '{"x": ["0", 1, 0, []]}',
        # A well-formed entry of the wrong shape (a negative line) makes the shard untrusted.
        None,
    ],
)
def test_a_damaged_cache_is_never_trusted(
    tmp_path: Path,
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    result_cache_dir: Path,
    content: str | None,
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    argv = ["check", "--isolated", "--output-format", "json", "."]
    first = run(argv)
    for shard in _shards(result_cache_dir):
        if content is None:
            entries = json.loads(shard.read_text())
            for stored in entries.values():
                for finding in stored[3]:
                    finding[0] = -1
                stored[3].append([0, 0, 0, 0, "AL999", "error", "", "", "", False])
            shard.write_text(json.dumps(entries))
        else:
            shard.write_text(content)
    seen = _checks_counted(monkeypatch)
    assert run(argv) == first
    assert sorted(seen) == ["app.py", "other.py"]


def test_an_emptied_entry_cannot_hide_a_finding(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, result_cache_dir: Path
) -> None:
    """An entry is found by the hash of the file's path and bytes: an entry saying "nothing
    found" for other bytes is never read for these."""
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text(GOOD)
    run(["check", "--isolated", "."])  # app.py clean: an entry with no findings
    (tmp_path / "app.py").write_text(BAD)
    code, out, _ = run(["check", "--isolated", "--output-format", "json", "."])
    assert "app.py" in {f["path"] for f in json.loads(out)}


def test_no_cache_neither_reads_nor_writes(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, result_cache_dir: Path
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    run(["check", "--isolated", "--no-cache", "."])
    assert _shards(result_cache_dir) == []
    monkeypatch.setenv("AUTHLINT_NO_CACHE", "1")
    run(["check", "--isolated", "."])
    assert _shards(result_cache_dir) == []
    monkeypatch.setenv("AUTHLINT_NO_CACHE", "0")
    run(["check", "--isolated", "."])
    assert _shards(result_cache_dir)
    seen = _checks_counted(monkeypatch)
    run(["check", "--isolated", "--no-cache", "."])
    assert sorted(seen) == ["app.py", "other.py"]


def test_cache_dir_option_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert directory_from(str(tmp_path / "c")) == str(tmp_path / "c")
    monkeypatch.delenv("AUTHLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert directory_from(None) == str(tmp_path / "xdg" / "authlint")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG spec says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert directory_from(None) == str(tmp_path / "home" / ".cache" / "authlint")
    monkeypatch.setenv("HOME", "not-absolute")
    assert directory_from(None) is None  # never a cache relative to the tree being checked
    monkeypatch.setenv("AUTHLINT_NO_CACHE", "yes")
    assert directory_from(None) is None


def test_the_cache_is_kept_outside_the_tree(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By default under the user's cache directory: nothing is written into the tree checked."""
    monkeypatch.delenv("AUTHLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    tree = _tree_dir(tmp_path / "tree")
    before = set(tree.rglob("*"))
    monkeypatch.chdir(tree)
    run(["check", "--isolated", "."])
    assert set(tree.rglob("*")) == before
    assert (tmp_path / "home-cache" / "authlint" / "CACHEDIR.TAG").is_file()


def _tree_dir(root: Path) -> Path:
    root.mkdir()
    return _tree(root)


def test_an_unwritable_cache_costs_nothing_but_speed(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = _tree_dir(tmp_path / "tree")
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.chdir(tree)
    code, out, err = run(["check", "--isolated", "--cache-dir", str(blocker / "c"), "."])
    assert code == 1
    assert "app.py" in out
    assert err.startswith("authlint: warning: not using the result cache in ")
    assert err.count("\n") == 1


def test_a_partly_checked_file_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, result_cache_dir: Path
) -> None:
    """An extractor that failed is reported, and the file is checked again the next time."""
    from authlint import extract

    def broken(text: str) -> list[object]:
        raise RuntimeError("extractor bug")

    scan._load_checking()
    monkeypatch.setitem(extract._loaded, "python", broken)
    path = tmp_path / "app.py"
    path.write_text(BAD)
    settings = Settings()
    cache = ResultCache(str(result_cache_dir), settings)
    result = scan.scan_paths([str(path)], settings, jobs=1, cache=cache)
    assert [s.reason for s in result.skipped] == ["python extractor failed (RuntimeError)"]
    assert _shards(result_cache_dir) == []


def test_the_pool_workers_entries_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, result_cache_dir: Path
) -> None:
    """Files checked in worker processes are saved by the parent, and read back by a pool."""
    monkeypatch.setattr(scan, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(scan, "PROBE_SECONDS", 0.0)
    monkeypatch.setattr(scan, "POOL_MIN_SECONDS", 0.0)
    paths = []
    for i in range(40):
        path = tmp_path / f"m{i}.py"
        path.write_text(BAD.replace("dXNlcjpwYXNz", f"dXNlcjpwYXNz{i:04d}"))
        paths.append(str(path))
    settings = Settings()
    first = scan.scan_paths(
        paths, settings, jobs=2, cache=ResultCache(str(result_cache_dir), settings)
    )
    stored = {key for shard in _shards(result_cache_dir) for key in json.loads(shard.read_text())}
    assert len(stored) == 40
    again = scan.scan_paths(
        paths, settings, jobs=2, cache=ResultCache(str(result_cache_dir), settings)
    )
    assert again == first
    assert again == scan.scan_paths(paths, settings, jobs=1)


def test_fix_reads_the_file_not_the_cache(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "app.py").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    run(["check", "--isolated", "."])
    code, out, err = run(["check", "--isolated", "--fix", "."])
    assert (tmp_path / "app.py").read_text() == GOOD
    assert code == 0, (out, err)


def test_a_file_checked_again_replaces_its_entry(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, result_cache_dir: Path
) -> None:
    """The cache grows with the files, not with their edits."""
    (tmp_path / "app.py").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    for i in range(5):
        (tmp_path / "app.py").write_text(BAD.replace("dXNlcjpwYXNz", f"dXNlcjpwYXNz{i:04d}"))
        run(["check", "--isolated", "."])
    entries = [json.loads(shard.read_text()) for shard in _shards(result_cache_dir)]
    assert sum(len(e) for e in entries) == 1


@pytest.mark.parametrize("in_git", [False, True])
def test_a_cache_inside_the_checked_tree_is_not_checked(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, in_git: bool
) -> None:
    """`authlint check ~` with the cache in ~/.cache: its files are not listed."""
    from tests.conftest import git

    tree = _tree_dir(tmp_path / "home")
    if in_git:
        git(tree, "init", "-q")
    monkeypatch.setenv("AUTHLINT_CACHE_DIR", str(tree / ".cache" / "authlint"))
    monkeypatch.chdir(tree)
    first = run(["check", "--isolated", "."])
    assert (tree / ".cache" / "authlint" / "v1").is_dir()
    assert run(["check", "--isolated", "."]) == first
    assert "(3 files scanned)" in first[1]


def test_a_directory_of_other_files_is_not_made_a_cache(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--cache-dir .` by mistake: no `.gitignore` of `*` in the user's directory, no pruning,
    one warning, the same findings."""
    tree = _tree_dir(tmp_path / "tree")
    monkeypatch.chdir(tree)
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    code, out, err = run(["check", "--isolated", "--cache-dir", ".", "."])
    assert code == 1
    assert "app.py" in out
    assert err.count("not using the result cache") == 1
    assert {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()} == before


def test_pruning_removes_only_old_cache_directories(tmp_path: Path) -> None:
    parent = tmp_path / "v1"
    parent.mkdir()
    keys = [f"{i:032x}" for i in range(resultcache._KEEP_DIRS + 3)]
    for at, name in enumerate(keys):
        (parent / name).mkdir()
        os.utime(parent / name, ns=(at * 10**9, at * 10**9))
    (parent / "notes").mkdir()  # not a cache directory's name
    resultcache._prune(str(parent), keep=str(parent / keys[0]))
    left = sorted(p.name for p in parent.iterdir())
    assert "notes" in left
    assert keys[0] in left  # the one in use, however old
    assert sorted(set(left) - {"notes", keys[0]}) == keys[-(resultcache._KEEP_DIRS - 1) :]


def test_where_the_run_starts_is_part_of_the_key(
    git_repo: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks read the path as given (a test directory by its last parts): a run from a
    subdirectory is not handed the verdict of a run from the root."""
    (git_repo / "authlint.toml").write_text("")
    data = git_repo / "pkg" / "fixtures" / "data"
    data.mkdir(parents=True)
    secret = "k3J9xQ2mV7pL5nR8tW4yZ6bC1dF0gH3jX9q"  # authlint: ignore[AL203]
    (data / "settings.py").write_text(f'SESSION_SECRET = "{secret}"\n')
    run(["check", "."])
    monkeypatch.chdir(git_repo / "pkg" / "fixtures")
    warm = run(["check", "--output-format", "json", "."])
    assert warm == run(["check", "--no-cache", "--output-format", "json", "."])


def test_a_verdict_that_read_the_clock_is_not_kept(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JWT's `exp` is judged against the clock: the next run judges it again."""
    import base64

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    token = ".".join(
        [
            part(b'{"alg":"HS256"}'),
            part(b'{"sub":"svc","exp":4102444800}'),
            part(bytes.fromhex("9f1c2e7ab04d53e8c6a1f0b2d7e49c3a5b8e0f1d2c3b4a59687f6e5d4c3b2a19")),
        ]
    )
    (tmp_path / "client.py").write_text(f'H = {{"Authorization": "Bearer {token}"}}\n')
    (tmp_path / "app.py").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    first = run(["check", "--isolated", "--output-format", "json", "."])
    assert "client.py" in {f["path"] for f in json.loads(first[1])}
    seen = _checks_counted(monkeypatch)
    assert run(["check", "--isolated", "--output-format", "json", "."]) == first
    assert seen == ["client.py"]


def test_a_parser_failure_is_reported_and_not_kept(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, result_cache_dir: Path
) -> None:
    """A parse that failed (out of memory, a grammar bug) left the file partly checked: said,
    and checked again next time, never remembered as clean."""
    import authlint.syntax

    def failing(*args: object, **kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(authlint.syntax, "parse", failing)
    (tmp_path / "Client.java").write_text(
        'class C { void f() { r.setHeader("Authorization", "Basic" + token()); } }\n'
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "--isolated", "."])
    assert "java parser failed (MemoryError)" in out + err
    assert _shards(result_cache_dir) == []


def _warm(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["check", "--isolated", "--output-format", "json", "."])
    return code, out


def test_a_shard_that_is_no_file_is_not_read(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, result_cache_dir: Path
) -> None:
    """A FIFO would block the read forever; a link to /dev/zero would fill the memory."""
    first = _warm(tmp_path, run, monkeypatch)
    shards = _shards(result_cache_dir)
    os.unlink(shards[0])
    os.mkfifo(shards[0])
    if len(shards) > 1:
        os.unlink(shards[1])
        os.symlink("/dev/zero", shards[1])
    code, out, err = run(["check", "--isolated", "--output-format", "json", "."])
    assert (code, out) == first
    assert "Traceback" not in err


def test_a_lone_surrogate_in_a_shard_drops_the_shard(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, result_cache_dir: Path
) -> None:
    first = _warm(tmp_path, run, monkeypatch)
    for shard in _shards(result_cache_dir):
        entries = json.loads(shard.read_text())
        for stored in entries.values():
            stored[3].append([1, 1, 1, 2, "AL101", "error", "\ud800", "", "", False])
        shard.write_text(json.dumps(entries))  # ensure_ascii: "\\ud800" as text
    for _ in range(2):  # read, then written back by the save
        code, out, err = run(["check", "--isolated", "--output-format", "json", "."])
        assert (code, out) == first
        assert err == ""


def test_nothing_is_written_through_a_link_in_the_cache(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, result_cache_dir: Path
) -> None:
    tree = _tree_dir(tmp_path / "tree")
    monkeypatch.chdir(tree)
    run(["check", "--isolated", "."])  # a cache of authlint's, tagged
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(result_cache_dir / "v1")
    (result_cache_dir / "v1").symlink_to(elsewhere)
    (result_cache_dir / ".gitignore").unlink()
    (result_cache_dir / ".gitignore").symlink_to(tmp_path / "planted")
    code, out, err = run(["check", "--isolated", "--ignore", "AL203", "."])
    assert code == 1
    assert list(elsewhere.iterdir()) == []
    assert not (tmp_path / "planted").exists()


def test_a_cache_others_may_write_is_not_used(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    tree = _tree_dir(tmp_path / "tree")
    monkeypatch.chdir(tree)
    code, out, err = run(["check", "--isolated", "--cache-dir", str(shared), "."])
    assert code == 1
    assert "not this user's alone" in err
    assert list(shared.iterdir()) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--cache-dir", ""], "--cache-dir needs a directory"),
        (["--cache-dir", "c", "--no-cache"], "--cache-dir and --no-cache cannot be used together"),
    ],
)
def test_cache_options_are_checked(run: Run, argv: list[str], message: str) -> None:
    code, out, err = run(["check", "--isolated", *argv, "."])
    assert code == 2
    assert err == f"authlint: error: {message}\n"


def _package(root: Path, *, wheel: bool) -> Path:
    site = root / "site-packages"
    package = site / "pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("x = 1\n")
    if wheel:
        info = site / "pkg-1.0.dist-info"
        info.mkdir()
        (info / "RECORD").write_text("pkg/__init__.py,sha256=abc,6\n")
    return package


def test_an_installed_wheel_is_stamped_by_its_record(tmp_path: Path) -> None:
    """A CI job that installs authlint afresh each run (new modification times) keeps the
    stamp, so the cache it restored still counts; another build is another stamp."""
    package = _package(tmp_path, wheel=True)
    before = resultcache.module_stamp(str(package))
    os.utime(package / "__init__.py", ns=(1, 1))
    assert resultcache.module_stamp(str(package)) == before
    (tmp_path / "site-packages" / "pkg-1.0.dist-info" / "RECORD").write_text(
        "pkg/__init__.py,sha256=def,6\n"
    )
    assert resultcache.module_stamp(str(package)) != before


def test_a_checkout_is_stamped_by_its_modules(tmp_path: Path) -> None:
    package = _package(tmp_path, wheel=False)
    before = resultcache.module_stamp(str(package))
    os.utime(package / "__init__.py", ns=(1, 1))
    assert resultcache.module_stamp(str(package)) != before

"""Issue 8: a secret planted in every position of every command's input never comes out whole.

Every command and mode runs on the same planted tree (and `header` on every value shape), and
ALL of its output is searched: stdout, stderr, and every file it writes (reports, baselines).
The searched forms are the secrets themselves and the Basic tokens built from them.
"""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from authlint.commands.header import check_values
from authlint.report import FORMATS
from tests.conftest import Run, git

KEY_ID = "rzp_live_Q1w2E3r4T5y6U7"  # authlint: ignore[AL201]
TEST_ID = "rzp_test_Z9x8C7v6B5n4M3"  # authlint: ignore[AL202]
KEY_SECRET = "Hk3LmN0pQr5StUv7WxYz1Ab2"  # authlint: ignore[AL203]
BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl"  # authlint: ignore[AL203]
PASSWORD = "Tr0ub4dor&3horsebatterystaple"  # authlint: ignore[AL203]
BASIC = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()
BASIC_PW = base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
SECRETS = (KEY_ID, TEST_ID, KEY_SECRET, BEARER, PASSWORD, BASIC, BASIC_PW)

# Every position a reader takes a secret from, in the kinds that have it.
FILES = {
    "app.py": (
        f'KEY_ID = "{KEY_ID}"\nKEY_SECRET = "{KEY_SECRET}"\n'
        f'client = razorpay.Client(auth=("{KEY_ID}", "{KEY_SECRET}"))\n'
        f'H = {{"Authorization": "basic {BASIC}"}}\n'
        f'H2 = {{"Authorization": "Basic  {BASIC_PW}"}}\n'
        f'B = {{"Authorization": "bearer {BEARER}"}}\n'
        f'Q = {{"Authorization": "\\"Basic {BASIC}\\""}}\n'
        f'requests.get(url, auth=("admin", "{PASSWORD}"))\n'
        f'U = "https://admin:{PASSWORD}@api.example.com/v1"\n'
    ),
    "deploy.sh": (
        f"curl -u {KEY_ID}:{KEY_SECRET} https://api.razorpay.com/v1/orders\n"
        f"curl -H 'Authorization: BASIC {BASIC}' https://api.example.com\n"
        f'wget --user=admin --password="{PASSWORD}" https://example.com\n'
    ),
    "config.yaml": f"razorpay:\n  key_id: {TEST_ID}\n  key_secret: {KEY_SECRET}\n",
    ".env": f"RAZORPAY_KEY_ID={KEY_ID}\nRAZORPAY_KEY_SECRET={KEY_SECRET}\n",
    "api.http": f"GET https://api.example.com\nAuthorization: basic {BASIC}\n",
    "README.md": f"```bash\ncurl -u {KEY_ID}:{KEY_SECRET} https://api.razorpay.com\n```\n",
    "app.js": f'fetch(u, {{headers: {{Authorization: "Bearer  {BEARER}"}}}})\n',
    "main.go": f'req.Header.Set("Authorization", "basic {BASIC}")\n',
}


@pytest.fixture
def planted(git_repo: Path) -> Path:
    for name, content in FILES.items():
        (git_repo / name).write_text(content)
    git(git_repo, "add", ".")
    git(git_repo, "commit", "-qm", "planted")
    return git_repo


def _leaks(blob: str) -> list[str]:
    return [s for s in SECRETS if s in blob]


def _outputs(root: Path, before: set[Path]) -> Iterator[tuple[str, str]]:
    """Files a command wrote (anything new under ``root``, .git aside)."""
    for path in root.rglob("*"):
        if path.is_file() and ".git" not in path.parts and path not in before:
            yield str(path), path.read_text("utf-8", "replace")


def _commands(root: Path) -> Iterator[list[str]]:
    for fmt in FORMATS:
        yield ["check", "--isolated", "--output-format", fmt, "."]
        yield ["check", "--isolated", "--output-format", fmt, "--statistics", "."]
        yield ["check", "--isolated", "--output-format", fmt, "-o", f"out/report.{fmt}", "."]
        yield ["check", "--isolated", "--output-format", fmt, "--staged"]
    yield ["check", "--isolated", "--diff", "."]
    yield ["check", "--isolated", "--write-baseline", "out/baseline.json", "."]
    yield ["check", "--isolated", "--baseline", "out/baseline.json", "--show-stale", "."]
    yield ["check", "--isolated", "--fix", "."]
    yield ["history"]
    yield ["history", "--output-format", "json"]
    yield ["history", "HEAD"]
    # Errors caused by input that holds a secret (a corrupt baseline): see also ERRORS below.
    yield ["check", "--isolated", "--baseline", "out/corrupt.json", "."]


def test_no_command_shows_a_planted_secret(planted: Path, run: Run, result_cache_dir: Path) -> None:
    (planted / "out").mkdir()
    (planted / "out" / "corrupt.json").write_text(f'{{"version": 1, "entries": ["{KEY_SECRET}"')
    before = {p for p in planted.rglob("*") if p.is_file()}
    seen: list[str] = []
    for argv in _commands(planted):
        code, out, err = run(argv)
        assert "Traceback" not in err, argv
        seen.append(" ".join(argv))
        assert not _leaks(out), (argv, _leaks(out))
        assert not _leaks(err), (argv, _leaks(err))
    written = dict(_outputs(planted, before))
    assert any(name.endswith("baseline.json") for name in written)
    assert any(name.endswith("report.sarif") for name in written)
    for name, content in written.items():
        assert not _leaks(content), (name, _leaks(content))
    # The result cache the check runs kept (outside the tree): every file of it.
    cached = [p for p in result_cache_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".json" for p in cached)
    for path in cached:
        content = path.read_text("utf-8", "replace")
        assert not _leaks(content), (path, _leaks(content))
    # --fix did rewrite planted values: the run really reached the fix path.
    assert "Basic " + BASIC in (planted / "app.py").read_text()
    assert len(seen) == 4 * len(FORMATS) + 8


HEADER_SHAPES = (
    "{s}",
    "Basic {s}",
    "basic  {s}",
    "Bearer {s}",
    "BEARER {s} ",
    '"Basic {s}"',
    "Authorization: {s}",
    "Authorization:{s}",
    "Authorization: Basic {s}",
    "authorization: {s} {s}",
    "Proxy-Authorization: {s}",
    "{s} {s}",
    "{s} Basic",
    "Basic {s}==",
    "Basic {s}\r\n",
    "Basic\t{s}",
    "Token token={s}",
    'Digest username="a", response="{s}"',
    "Basic '{s}'",
    " {s}",
)


@pytest.mark.parametrize("shape", HEADER_SHAPES)
@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("profile", ["strict", "rfc"])
def test_header_command_never_shows_a_secret(shape: str, fmt: str, profile: str) -> None:
    for secret in (KEY_SECRET, BASIC, BEARER, PASSWORD, KEY_ID):
        value = shape.format(s=secret)
        for args, stdin in (([value], ""), (["-"], value + "\n")):
            out = io.StringIO()
            check_values(args, profile, fmt, io.StringIO(stdin), out)
            assert secret not in out.getvalue(), (value, out.getvalue())


ERRORS = [
    pytest.param('max-file-size = "{s}"\n', id="bad-type"),
    pytest.param('select = ["{s}"]\n', id="bad-selector"),
    pytest.param('allowlist = ["{s}(("]\n', id="bad-allowlist-regex"),
    pytest.param('exclude = ["{s}"\n', id="toml-syntax"),
    pytest.param('[tool.authlint]\nselect = "{s}"\n', id="wrong-shape"),
]


@pytest.mark.parametrize("config", ERRORS)
def test_configuration_errors_name_no_secret(planted: Path, run: Run, config: str) -> None:
    (planted / "bad.toml").write_text(config.format(s=KEY_SECRET))
    code, out, err = run(["check", "--config", "bad.toml", "."])
    assert code == 2
    assert not _leaks(out + err)


def test_unreadable_file_error_names_no_secret(planted: Path, run: Run) -> None:
    # An unreadable file's error and a vanished one: reasons, never contents.
    (planted / "locked.py").write_text(f'K = "{KEY_SECRET}"\n')
    os.chmod(planted / "locked.py", 0)
    try:
        code, out, err = run(["check", "--isolated", "."])
    finally:
        os.chmod(planted / "locked.py", 0o644)
    assert not _leaks(out + err)


def test_history_skipped_files_name_no_secret(planted: Path, run: Run) -> None:
    # A commit whose added lines are over max-file-size: listed as skipped, in every format.
    (planted / "big.py").write_text(FILES["app.py"] * 40)
    git(planted, "add", "big.py")
    git(planted, "commit", "-qm", "big")
    (planted / "authlint.toml").write_text(f"max-file-size = {len(FILES['app.py']) * 20}\n")
    for fmt in FORMATS:
        code, out, err = run(["history", "--output-format", fmt])
        assert "big.py" in out + err, fmt
        assert not _leaks(out + err), (fmt, _leaks(out + err))


def test_stale_temporary_file_removal_names_no_secret(planted: Path, run: Run) -> None:
    # An interrupted --fix left a copy of app.py (secrets and all): removed, and named only.
    (planted / ".app.py.abcd1234.authlint-tmp").write_text(FILES["app.py"])
    code, out, err = run(["check", "--isolated", "--fix", "."])
    assert "removed .app.py.abcd1234.authlint-tmp" in err
    assert not (planted / ".app.py.abcd1234.authlint-tmp").exists()
    assert not _leaks(out + err)


def test_text_file_read_as_binary_names_no_secret(planted: Path, run: Run) -> None:
    # A NUL byte in a source file: named, an error (exit 2); found, a skipped line. Never content.
    (planted / "nul.py").write_bytes(FILES["app.py"].encode() + b"\0\0\x01\0")
    code, out, err = run(["check", "--isolated", "nul.py"])
    assert code == 2
    assert "nul.py: cannot be checked" in err
    assert not _leaks(out + err)
    for fmt in FORMATS:
        code, out, err = run(["check", "--isolated", "--output-format", fmt, "."])
        assert not _leaks(out + err), fmt


def test_show_settings_redacts_allowlist_entries(planted: Path, run: Run) -> None:
    # A key pasted into an allowlist (as a regex) is shown redacted, like any user value.
    entries = [KEY_SECRET, BASIC, f"^{KEY_ID}$", BEARER.replace(".", r"\."), "^sk_test_"]
    listed = ", ".join(f"'{e}'" for e in entries)  # TOML literal strings: no escapes
    (planted / "authlint.toml").write_text(f"allowlist = [{listed}]\n")
    code, out, err = run(["check", "--show-settings", "app.py"])
    assert code == 0
    (line,) = [line for line in out.splitlines() if line.startswith("allowlist = ")]
    assert "'^sk_test_'" in line  # short, readable entries are shown as written
    assert line.count("…(redacted)") == 4
    assert not _leaks(out + err)
    assert KEY_ID[:-2] not in out + err


@pytest.mark.parametrize("rev", ["HEAD:app.py", "HEAD^{tree}", "HEAD^{tree}..HEAD"])
def test_history_revision_not_a_commit_names_no_secret(planted: Path, run: Run, rev: str) -> None:
    # A blob full of secrets named as the revision: an error about its type, never its content.
    code, out, err = run(["history", rev])
    assert (code, out) == (2, "")
    assert "not a commit" in err
    assert not _leaks(out + err)

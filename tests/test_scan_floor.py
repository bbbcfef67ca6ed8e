"""The per-file path's shortcuts (issue 13, the floor) give what the plain path gave: the git
listing parsed whole, containment judged once per directory, the exact-size read, the prefilter
verdict from its first anchor, and no char-offset pass for ASCII text."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authlint import gitio, prefilter, safeio
from authlint.config import Settings
from authlint.discover import discover
from authlint.scan import scan_bytes, scan_text
from tests.conftest import git

SETTINGS = Settings().with_selection()


def test_every_file_below_a_directory_link_out_is_skipped(git_repo: Path, tmp_path: Path) -> None:
    """Containment is cached per directory: each file below the link is judged, none leaks."""
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    for name in ("pkg/a.py", "pkg/b.py", "pkg/sub/c.py", "ok/d.py", "top.py"):
        (git_repo / name).parent.mkdir(parents=True, exist_ok=True)
        (git_repo / name).write_text("x = 1\n")
    for name in ("a.py", "b.py", "sub/c.py"):  # there, so git does not list them as deleted
        (outside / name).write_text('KEY = "rzp_live_AbCdEfGhIjKlMn"\n')  # authlint: ignore[AL201]
    git(git_repo, "add", ".")
    git(git_repo, "commit", "-qm", "init")
    for name in ("pkg/sub/c.py", "pkg/a.py", "pkg/b.py"):
        (git_repo / name).unlink()
    (git_repo / "pkg" / "sub").rmdir()
    (git_repo / "pkg").rmdir()
    (git_repo / "pkg").symlink_to(outside, target_is_directory=True)
    skipped: list[object] = []
    assert discover(["."], SETTINGS, on_skip=skipped.append) == ["ok/d.py", "top.py"]
    assert sorted((s.path, s.reason) for s in skipped) == [  # type: ignore[attr-defined]
        ("pkg", safeio.SYMLINK),  # the link itself, untracked
        ("pkg/a.py", safeio.OUTSIDE),
        ("pkg/b.py", safeio.OUTSIDE),
        ("pkg/sub/c.py", safeio.OUTSIDE),
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
def test_listing_keeps_names_with_spaces_tabs_newlines_and_bad_utf8(git_repo: Path) -> None:
    names = ["a b.py", "tab\there.py", "new\nline.py", "100644 x 0\tfake.py", "é.py"]
    for name in names:
        (git_repo / name).write_text("x = 1\n")
    raw = os.fsencode(git_repo) + b"/bad\xff.py"
    with open(raw, "wb") as handle:
        handle.write(b"x = 1\n")
    git(git_repo, "add", "a b.py", "tab\there.py")
    git(git_repo, "commit", "-qm", "init")
    listed = gitio.ls_files(str(git_repo))
    assert listed is not None
    bad = os.fsdecode(b"bad\xff.py")
    assert sorted(listed) == sorted(
        [("a b.py", 0o100644), ("tab\there.py", 0o100644)]
        + [(name, None) for name in [*names[2:], bad]]
    )


def test_read_regular_reads_on_past_what_fstat_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first read takes fstat's size + 1 bytes: a file longer than that (it grew, or the
    kernel reports 0 as for /proc) is read on, and the limit still holds."""
    path = tmp_path / "f.txt"
    data = b"0123456789" * 20_000
    path.write_bytes(data)
    real_fstat = os.fstat

    def shrunk(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *info[1:6], 3, *info[7:]))

    monkeypatch.setattr(os, "fstat", shrunk)
    assert safeio.read_regular(str(path), len(data))[0] == data
    with pytest.raises(safeio.Refused, match="too large"):
        safeio.read_regular(str(path), len(data) - 1)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="Linux /proc")
def test_read_regular_reads_a_file_whose_size_is_unknown() -> None:
    assert stat.S_ISREG(os.stat("/proc/self/status").st_mode)
    assert os.stat("/proc/self/status").st_size == 0
    assert b"Pid:" in safeio.read_regular("/proc/self/status", 1 << 20)[0]


INDICES = st.integers(min_value=0, max_value=len(prefilter.WORDS) - 1)


@given(st.lists(st.tuples(st.integers(min_value=0, max_value=50), INDICES), max_size=12))
def test_opens_is_any_gate_word(found: list[tuple[int, int]]) -> None:
    assert prefilter.opens(found) == any(index < prefilter.GATE for _, index in found)


# Words that open a file and make findings, separators, and text that is not ASCII (valid UTF-8
# only: scan_text takes a str).
PIECES = st.sampled_from(
    [
        'KEY = "rzp_live_AbCdEfGhIjKlMn"\n',  # authlint: ignore[AL201]
        'h = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n',
        "curl -u user:pass https://x\n",
        "# authlint: ignore[AL201]\n",
        "secret = 1\n",
        "é",
        "😀",
        " ",
        "\n",
        "x",
    ]
)


@given(st.lists(PIECES, max_size=12).map("".join))
def test_scan_bytes_finds_what_scan_text_finds(text: str) -> None:
    """scan_bytes takes ASCII files' byte offsets as they are; scan_text always converts."""
    assert scan_bytes("app.py", text.encode(), SETTINGS).findings == tuple(
        scan_text("app.py", text, SETTINGS)
    )

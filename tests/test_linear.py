"""Issue 8: the inputs that hung a scan now take time linear in their size.

Each case is timed at n and 4n bytes (best of two, in CPU time: the machine may be shared):
linear gives a ratio of about 4, the old quadratic readers gave 16 and more. The bar (9) leaves room for a noisy shared machine. The full
table over every reader and pattern is bench/bench_pathological.py.
"""

from __future__ import annotations

import time

import pytest

from authlint.config import Settings
from authlint.scan import scan_bytes

SETTINGS = Settings(max_file_size=1 << 26).with_selection()
CASES = [
    # Python extractor: a comment look-back fell to offset 0 with no newline in its window.
    pytest.param("app.py", b"Authorization: Basic ", id="py-header-line-no-newline"),
    pytest.param("app.js", b"Authorization: Basic ", id="js-header-line-no-newline"),
    pytest.param("app.py", b'x = "Bearer " + TEMPLATE ', id="py-template-look-back"),
    # The assignment before each literal was found by a `$`-anchored search over 200 characters.
    pytest.param("app.py", b'-H "Authorization: Bearer ', id="py-assignment-look-back"),
    # Prose: `-H` was searched for from the start of the range before every quoted header.
    pytest.param(
        "README.md", b"Use '-H \"Authorization: Basic dXNlcjpwYXNz\"' here. ", id="md-quoted-curl"
    ),
    pytest.param("notes.txt", b'"Authorization: Bearer abcdefgh" ', id="text-quoted-header"),
    pytest.param("api.http", b"Authorization: Basic dXNlcjpwYXNz ", id="http-one-line"),
    pytest.param("run.sh", b"curl -u a:b ", id="shell-curl-no-newline"),
    # The printf look-back before each quoted header scanned back to the line's start.
    pytest.param("run.sh", b'curl -H "Authorization: $(', id="shell-printf-look-back"),
    # Markdown counter-examples: each value on one long table row, or under many headings.
    pytest.param("README.md", b"| `Authorization: basic dXNlcjpwYXNz` ", id="md-long-table-row"),
    pytest.param(
        "README.md", b"## Step\n\nSend `Authorization: basic dXNlcjpwYXNz`.\n", id="md-headings"
    ),
    pytest.param(
        "nginx.conf", b'proxy_set_header Authorization "basic dXNlcjpwYXNz"; ', id="nginx"
    ),
    # A Kubernetes container's args: the walk up to `args:` and back to `containers:`.
    pytest.param(
        "pod.yaml",
        b'apiVersion: v1\ncontainers:\n  args:\n    - "Authorization: Bearer  $(T)"\n',
        id="k8s-args",
    ),
    # Marking fixable findings looked every hit up in every edit.
    pytest.param(
        "app.js", b"'Authorization': 'basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', ", id="js-many-fixable"
    ),
]


def _best(name: str, data: bytes) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        scan_bytes(name, data, SETTINGS)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(("name", "unit"), CASES)
def test_scan_time_is_linear(name: str, unit: bytes) -> None:
    small = (unit * (50_000 // len(unit) + 1))[:50_000]
    large = (unit * (200_000 // len(unit) + 1))[:200_000]
    t_small = max(_best(name, small), 1e-3)
    t_large = _best(name, large)
    assert t_large / t_small < 9, (t_small, t_large)

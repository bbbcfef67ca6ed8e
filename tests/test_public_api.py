from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import authlint


def test_every_public_name_resolves() -> None:
    for name in authlint.__all__:
        assert getattr(authlint, name) is not None, name
    assert set(authlint.__all__) <= set(dir(authlint))


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        authlint.no_such_name  # noqa: B018


def test_check_on_a_plain_file_does_not_load_the_parser(tmp_path: Path) -> None:
    # pre-commit runs `authlint check` on every commit: a file without any header must not pay
    # for the grammar's regexes or the report formats it does not use.
    plain = tmp_path / "plain.py"
    plain.write_text("import os\nprint(os.getcwd())\n")
    code = (
        "import sys\n"
        "from authlint.cli import main\n"
        f"main(['check', '--isolated', {str(plain)!r}])\n"
        "loaded = [m for m in ('authlint.grammar', 'authlint.report.sarif', 'authlint.baseline',"
        " 'authlint.history', 'xml.etree.ElementTree') if m in sys.modules]\n"
        "print('loaded:' + ','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "loaded:"

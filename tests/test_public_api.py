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
    # for the grammar's regexes or the report formats it does not use; one without an anchor
    # word not for the checks, nor git (subprocess), file writing (tempfile), argparse's
    # terminal width (shutil), fingerprints (hashlib) or a configuration reader (tomllib).
    plain = tmp_path / "plain.py"
    plain.write_text("import os\nprint(os.getcwd())\n")
    code = (
        "import sys\n"
        "from authlint.cli import main\n"
        f"main(['check', '--isolated', {str(plain)!r}])\n"
        "loaded = [m for m in ('authlint.grammar', 'authlint.report.sarif', 'authlint.baseline',"
        " 'authlint.history', 'xml.etree.ElementTree', 'authlint.checks', 'authlint.extract',"
        " 'authlint.suppress', 'subprocess', 'tempfile', 'shutil', 'hashlib', 'tomllib')"
        " if m in sys.modules]\n"
        "print('loaded:' + ','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "loaded:"


def test_public_names_keep_their_identity_after_every_import() -> None:
    # `import authlint.redact` (which parse() does) binds the submodule as an attribute of the
    # package; it must not replace the public function of the same name. Checked in a fresh
    # interpreter, since this one has imported most modules already.
    code = r"""
import importlib, pkgutil, sys
import authlint
homes = {name: getattr(importlib.import_module(authlint._HOME[name]), name)
         for name in authlint.__all__ if name in authlint._HOME}
for name in authlint.__all__:
    getattr(authlint, name)
for info in pkgutil.walk_packages(authlint.__path__, "authlint."):
    if info.name.endswith("__main__"):
        continue
    importlib.import_module(info.name)
authlint.parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
from authlint import redact
bad = [name for name, value in homes.items() if getattr(authlint, name) is not value]
assert redact is homes["redact"], redact
assert callable(authlint.redact), authlint.redact
assert authlint.redact("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").startswith("Basic ")
assert not bad, bad
assert authlint.__version__ == "0.1.0"
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_submodules_stay_importable_by_name() -> None:
    import importlib

    module = importlib.import_module("authlint.redact")
    assert hasattr(module, "fingerprint")
    from authlint.redact import fingerprint

    assert callable(fingerprint)

"""Shared test helpers: what the scanner reports for a snippet of source, a tree or a corpus."""

from __future__ import annotations

import base64
import binascii
import contextlib
import io
import json
import re
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

import pytest

from authlint.codes import RULES, Code
from authlint.config import Settings
from authlint.finding import Finding
from authlint.scan import scan_text

# The documented JSON output contract (README, "JSON output"), written out here rather than
# imported from the reporter so that a change to the reporter cannot change what is tested.
JSON_CONTRACT = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "name",
    "kind",
    "severity",
    "message",
    "snippet",
    "fingerprint",
)

EXTENSIONS = {
    "python": "app.py",
    "javascript": "app.js",
    "typescript": "app.ts",
    "tsx": "app.tsx",
    "go": "main.go",
    "java": "App.java",
    "kotlin": "App.kt",
    "csharp": "App.cs",
    "php": "index.php",
    "ruby": "app.rb",
    "shell": "deploy.sh",
    "yaml": "config.yaml",
    "json": "config.json",
    "toml": "config.toml",
    "ini": "config.ini",
    "dotenv": ".env",
    "dockerfile": "Dockerfile",
    "http": "api.http",
    "nginx": "nginx.conf",
    "markdown": "README.md",
    "terraform": "main.tf",
    "text": "notes.txt",
}


def findings_in(
    source: str, kind: str = "python", settings: Settings | None = None
) -> list[Finding]:
    return scan_text(EXTENSIONS[kind], source, settings or Settings().with_selection(), kind)


def codes_in(source: str, kind: str = "python", settings: Settings | None = None) -> list[Code]:
    """The codes reported for ``source``, in output order (pyflakes' test harness style)."""
    return [f.code for f in findings_in(source, kind, settings)]


REPO_ROOT = Path(__file__).resolve().parent.parent

CorpusKey = tuple[str, int, str]  # (path relative to the corpus, line, code)


def check_json(*args: str) -> list[dict[str, Any]]:
    """`authlint check --output-format json --exit-zero [args]`, in-process, from the repository
    root (relative paths, as a user there would see them)."""
    from authlint.cli import main

    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(out):
        mp.chdir(REPO_ROOT)
        status = main(["check", "--output-format", "json", "--exit-zero", *args])
    assert status == 0, "--exit-zero must exit 0"
    findings: list[dict[str, Any]] = json.loads(out.getvalue())
    return findings


def check_json_as_tree(tree: Path, *args: str) -> list[dict[str, Any]]:
    """`check_json` over a copy of ``tree`` that stands on its own (no repository above it),
    as a user's checkout of those files would: their paths start at the tree, not at this
    project's `tests/` (the project's test tree, whose values are test data). Reported paths
    are given back relative to the repository root, like check_json's."""
    import shutil
    import tempfile

    from authlint.cli import main

    prefix = tree.resolve().relative_to(REPO_ROOT).as_posix()
    out = io.StringIO()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / tree.name
        shutil.copytree(tree, copy, symlinks=True)
        with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(out):
            mp.chdir(copy)
            status = main(["check", "--output-format", "json", "--exit-zero", *args])
    assert status == 0, "--exit-zero must exit 0"
    findings: list[dict[str, Any]] = json.loads(out.getvalue())
    for finding in findings:
        finding["path"] = f"{prefix}/{finding['path']}"
    return findings


def relative_to(base: Path, path: str) -> str:
    """A reported path (relative to the repository root, or absolute) relative to ``base``."""
    resolved = Path(path).resolve() if Path(path).is_absolute() else (REPO_ROOT / path).resolve()
    return resolved.relative_to(base.resolve()).as_posix()


_RULE_NAMES = {rule.code.value: rule.name for rule in RULES}


def corpus_diff(
    title: str,
    keys: Collection[CorpusKey],
    why: dict[CorpusKey, str],
    clean: dict[tuple[str, int], str],
    *,
    describe: Callable[[str], str],
    names: Mapping[str, str] | None = None,
) -> list[str]:
    """One readable line per finding: where, which code and rule, what the file is, and the
    spec's reason or its must-not-flag note. ``describe(path)`` names the file's kind; ``names``
    names codes the registry does not hold yet."""
    lines = [f"{title} ({len(keys)}):"]
    for path, line, code in sorted(keys):
        note = f"  [{why[(path, line, code)]}]" if (path, line, code) in why else ""
        if (path, line) in clean:
            note += f"  [must not flag: {clean[(path, line)]}]"
        name = _RULE_NAMES.get(code) or (names or {}).get(code, "not registered yet")
        lines.append(f"  {path}:{line}: {code} {name} ({describe(path)}){note}")
    return lines


# What counts as a full secret in a corpus: key ids, 24- and 40-alphanumeric runs (key secrets,
# opaque service tokens), Basic and Bearer tokens, URL passwords, and what a Basic token decodes to.
_SECRETISH = re.compile(
    r"rzp_(?:live|test)_[A-Za-z0-9]{14}(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])(?:[A-Za-z0-9]{24}|[A-Za-z0-9]{40})(?![A-Za-z0-9])"
    r"|(?i:basic|bearer)[ \t]+\"?([A-Za-z0-9+/_.~-]{12,}=*)"
    r"|://[^\s:/@\"']*:([^\s/@\"'$]{8,})@"
)


def planted_secrets(root: Path, skip: Collection[Path] = ()) -> set[str]:
    """Every full secret planted in the files under ``root`` (files and directories in ``skip``
    are left out), so that a test can assert none of them reaches the output."""
    found: set[str] = set()
    for path in root.rglob("*"):
        if not path.is_file() or any(path == s or s in path.parents for s in skip):
            continue
        for match in _SECRETISH.finditer(path.read_text(encoding="utf-8")):
            value = match.group(1) or match.group(2) or match.group(0)
            if "XXXX" in value or not re.search(r"[0-9]", value):
                continue
            found.add(value)
            if match.group(1):
                with contextlib.suppress(binascii.Error, UnicodeDecodeError, ValueError):
                    decoded = base64.b64decode(value + "=" * (-len(value) % 4)).decode()
                    found.update(part for part in decoded.split(":") if len(part) >= 8)
    return found

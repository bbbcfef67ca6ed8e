"""File kind -> extractor: turns a file's text into Candidates (header values and credentials).

Extractor modules are imported lazily, only for the kinds a run actually meets, so that a
pre-commit run on one Python file never imports the YAML or Markdown extractors.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Final

from authlint.extract.candidate import Candidate, Role, Value

__all__ = ["DOC_KINDS", "KINDS", "Candidate", "Extractor", "Role", "Value", "extractor", "kind_of"]

Extractor = Callable[[str], Iterator[Candidate]]

# kind -> "module:function". Every kind's extractor takes the whole (decoded) file text and yields
# Candidates in any order; it must be linear in the text (no backtracking regexes) and never raise.
KINDS: Final[dict[str, str]] = {
    "python": "authlint.extract.python:extract",
    "javascript": "authlint.extract.javascript:extract",
    "go": "authlint.extract.go:extract",
    "java": "authlint.extract.java:extract",
    "php": "authlint.extract.php:extract",
    "ruby": "authlint.extract.ruby:extract",
    "shell": "authlint.extract.shell:extract",
    "yaml": "authlint.extract.config:extract_yaml",
    "json": "authlint.extract.config:extract_json",
    "toml": "authlint.extract.config:extract_toml",
    "ini": "authlint.extract.config:extract_ini",
    "dotenv": "authlint.extract.config:extract_dotenv",
    "dockerfile": "authlint.extract.dockerfile:extract",
    "http": "authlint.extract.http:extract",
    "markdown": "authlint.extract.markdown:extract",
    "terraform": "authlint.extract.terraform:extract",
    "text": "authlint.extract.text:extract",
}

# Documentation: a placeholder there is expected, not a finding.
DOC_KINDS: Final = frozenset({"markdown", "text"})

_BY_SUFFIX: Final[dict[str, str]] = {
    ".py": "python",
    ".pyi": "python",
    ".ipynb": "json",
    ".js": "javascript",
    ".jsx": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".ts": "javascript",
    ".tsx": "javascript",
    ".mts": "javascript",
    ".cts": "javascript",
    ".vue": "javascript",
    ".svelte": "javascript",
    ".go": "go",
    ".java": "java",
    ".kt": "java",
    ".kts": "java",
    ".scala": "java",
    ".groovy": "java",
    ".gradle": "java",
    ".cs": "java",
    ".swift": "java",
    ".rs": "java",
    ".c": "java",
    ".cc": "java",
    ".cpp": "java",
    ".h": "java",
    ".hpp": "java",
    ".dart": "java",
    ".php": "php",
    ".rb": "ruby",
    ".rake": "ruby",
    ".gemspec": "ruby",
    ".sh": "shell",
    ".bash": "shell",
    ".zsh": "shell",
    ".ksh": "shell",
    ".fish": "shell",
    ".command": "shell",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".jsonc": "json",
    ".json5": "json",
    ".toml": "toml",
    ".ini": "ini",
    ".cfg": "ini",
    ".conf": "ini",
    ".properties": "ini",
    ".env": "dotenv",
    ".dockerfile": "dockerfile",
    ".http": "http",
    ".rest": "http",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".rst": "text",
    ".txt": "text",
    ".adoc": "text",
    ".tf": "terraform",
    ".tfvars": "terraform",
    ".hcl": "terraform",
}

_BY_NAME: Final[dict[str, str]] = {
    "dockerfile": "dockerfile",
    "containerfile": "dockerfile",
    "gemfile": "ruby",
    "rakefile": "ruby",
    "vagrantfile": "ruby",
    "makefile": "shell",
    "jenkinsfile": "java",
    "procfile": "shell",
    ".bashrc": "shell",
    ".zshrc": "shell",
    ".profile": "shell",
    ".bash_profile": "shell",
    ".npmrc": "ini",
    ".pypirc": "ini",
    ".netrc": "text",
    ".gitconfig": "ini",
    ".editorconfig": "ini",
}

_SHEBANG: Final[dict[str, str]] = {
    "python": "python",
    "node": "javascript",
    "deno": "javascript",
    "bun": "javascript",
    "ruby": "ruby",
    "php": "php",
    "sh": "shell",
    "bash": "shell",
    "zsh": "shell",
    "ksh": "shell",
    "dash": "shell",
    "fish": "shell",
}


def kind_of(name: str, head: str = "") -> str:
    """The file kind from its name, then its first line (a shebang); "text" when unknown."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if base in _BY_NAME:
        return _BY_NAME[base]
    if base == ".env" or base.startswith(".env.") or base.endswith(".env"):
        return "dotenv"
    if base.startswith(("dockerfile.", "containerfile.")):
        return "dockerfile"
    dot = base.rfind(".")
    if dot > 0 or (dot == 0 and base.count(".") > 1):
        kind = _BY_SUFFIX.get(base[dot:])
        if kind is not None:
            return kind
    if head.startswith("#!"):
        words = head[2:].split("\n", 1)[0].replace("/", " ").split()
        if words and words[0] == "env" and len(words) > 1:
            words = words[1:]
        for word in reversed(words):
            interpreter = word.rstrip("0123456789.")
            if interpreter in _SHEBANG:
                return _SHEBANG[interpreter]
    return "text"


_loaded: dict[str, Extractor] = {}


def extractor(kind: str) -> Extractor:
    """The extractor for ``kind``, imported on first use."""
    found = _loaded.get(kind)
    if found is None:
        module_name, _, function = KINDS[kind].partition(":")
        found = getattr(importlib.import_module(module_name), function)
        _loaded[kind] = found
    return found

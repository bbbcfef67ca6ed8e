"""Shared test helpers: what the scanner reports for a snippet of source."""

from __future__ import annotations

from authlint.codes import Code
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

"""The integrations import nothing from their frameworks until used; `import authlint` stays light."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

FRAMEWORKS = (
    "requests",
    "httpx",
    "urllib3",
    "aiohttp",
    "starlette",
    "fastapi",
    "flask",
    "werkzeug",
    "django",
    "uvicorn",
)


def _loaded_after(statement: str) -> list[str]:
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        f"{statement}\n"
        "print('\\n'.join(sorted(set(sys.modules) - before)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return out.split()


def test_import_authlint_loads_only_itself() -> None:
    # The public API is loaded on first use (PEP 562); the guard adds nothing to the import.
    loaded = _loaded_after("import authlint")
    assert [m for m in loaded if m.startswith("authlint")] == ["authlint"]
    assert [
        m for m in loaded if m.split(".")[0] in (*FRAMEWORKS, "pytest", "asyncio", "json")
    ] == []


def test_integrations_import_no_framework() -> None:
    loaded = _loaded_after(
        "import authlint.auth, authlint.guard.asgi, authlint.guard.wsgi, authlint.guard.check"
    )
    assert [m for m in loaded if m.split(".")[0] in FRAMEWORKS] == []
    assert "pytest" not in loaded


def test_the_pytest_plugin_imports_no_client_until_a_test_does() -> None:
    loaded = _loaded_after("import authlint.guard.pytest_plugin")
    assert [m for m in loaded if m.split(".")[0] in FRAMEWORKS] == []


def test_the_plugin_is_registered_for_pytest() -> None:
    plugins = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert plugins.get("authlint") == "authlint.guard.pytest_plugin"

"""authlint: a strict parser, formatter and linter for the HTTP Authorization header.

The names in ``__all__`` are the public API; every other module is internal. They are loaded on
first use (PEP 562): `authlint check` starts on every commit, and a file with no header in it
never needs the parser's grammar compiled.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from authlint.codes import Code, Rule, Severity
    from authlint.credentials import (
        BasicCredentials,
        BearerCredentials,
        Credentials,
        OtherCredentials,
        format_basic,
        format_bearer,
    )
    from authlint.diagnostic import Diagnostic, HeaderError
    from authlint.header import normalize, parse, redact, validate

__version__ = "0.1.0"

_HOME = {
    "Code": "authlint.codes",
    "Rule": "authlint.codes",
    "Severity": "authlint.codes",
    "BasicCredentials": "authlint.credentials",
    "BearerCredentials": "authlint.credentials",
    "Credentials": "authlint.credentials",
    "OtherCredentials": "authlint.credentials",
    "format_basic": "authlint.credentials",
    "format_bearer": "authlint.credentials",
    "Diagnostic": "authlint.diagnostic",
    "HeaderError": "authlint.diagnostic",
    "normalize": "authlint.header",
    "parse": "authlint.header",
    "redact": "authlint.header",
    "validate": "authlint.header",
}

__all__ = [
    "BasicCredentials",
    "BearerCredentials",
    "Code",
    "Credentials",
    "Diagnostic",
    "HeaderError",
    "OtherCredentials",
    "Rule",
    "Severity",
    "__version__",
    "format_basic",
    "format_bearer",
    "normalize",
    "parse",
    "redact",
    "validate",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'authlint' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # the next lookup is a plain module attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The package module, keeping its public names when submodules are imported.

    Importing a submodule binds it as an attribute of its package: `import authlint.redact`
    (which `parse` does) would replace the public function `authlint.redact` with the module.
    A submodule never takes the place of a public name; it stays reachable through
    ``sys.modules`` and ``from authlint.redact import ...``.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOME and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

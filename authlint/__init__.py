"""authlint: a strict parser, formatter and linter for the HTTP Authorization header.

The names in ``__all__`` are the public API; every other module is internal.
"""

from __future__ import annotations

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

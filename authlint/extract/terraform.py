"""Terraform and HCL: header maps, provider basic auth, key id/secret variables.

The key and mapping logic is the config scanner's; what HCL adds is its strings, whose `${...}`
interpolations (which may hold quoted strings themselves) Terraform fills in at plan time.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Final

from authlint.extract import headerline
from authlint.extract.candidate import Candidate, Role, Value
from authlint.extract.config import Format, extract_format
from authlint.lazyre import lazy
from authlint.placeholder import looks_random

_RUN: Final = lazy(r'[^"\\$%\n]+')
_TEMPLATE_RUN: Final = lazy(r'[^{}"\n]+')
_MAX_DEPTH: Final = 8
_MAX_STRING: Final = 8192
_WINDOW: Final = 8192
_MAX_BRACES: Final = 256
_INTERPOLATION: Final = lazy(r"\$\{[^\n]{0,4096}\}")


class _Strings:
    """Reads HCL strings, with a budget of steps for the whole file.

    Interpolations nest strings (`"${f("${x}")}"`), so strings that start inside other strings
    would be read again and again; the budget, a few steps per character of the file, keeps the
    total linear whatever the nesting.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.budget = 2 * len(text) // 8 + 4096

    def end(self, pos: int, stop: int, depth: int) -> int | None:
        """The index of the closing quote of the string whose contents start at pos."""
        text = self.text
        while pos < stop and self.budget > 0:
            self.budget -= 1
            run = _RUN.match(text, pos, stop)
            if run is not None:
                pos = run.end()
                continue
            char = text[pos]
            if char == '"':
                return pos
            if char == "\n":
                return None
            if char == "\\":
                pos += 2
            elif text.startswith(("$${", "%%{"), pos):
                pos += 3
            elif text.startswith(("${", "%{"), pos) and depth < _MAX_DEPTH:
                end = self.template_end(pos + 2, stop, depth + 1)
                if end is None:
                    return None
                pos = end
            else:
                pos += 1
        return None

    def template_end(self, pos: int, stop: int, depth: int) -> int | None:
        """The index after the `}` closing an interpolation, with nested strings inside it."""
        text = self.text
        level = 1
        while pos < stop and self.budget > 0:
            self.budget -= 1
            run = _TEMPLATE_RUN.match(text, pos, stop)
            if run is not None:
                pos = run.end()
                continue
            char = text[pos]
            if char == "{":
                level += 1
            elif char == "}":
                level -= 1
                if level == 0:
                    return pos + 1
            elif char == '"':
                end = self.end(pos + 1, stop, depth)
                if end is None:
                    return None
                pos = end
            else:  # a newline ends a quoted template
                return None
            pos += 1
        return None

    def scalar(self, text: str, pos: int, stop: int, flow: bool, expands: bool) -> Value | None:
        if pos >= stop or text[pos] != '"':
            return None
        end = self.end(pos + 1, min(stop, pos + 1 + _MAX_STRING), 0)
        if end is None or end <= pos + 1:
            return None
        raw = text[pos + 1 : end]
        # Not literal when one interpolation is the whole value: "${var.auth_header}".
        whole = (
            _INTERPOLATION.fullmatch(raw) is not None and self.template_end(pos + 3, end, 1) == end
        )
        return Value(raw, pos + 1, not whole, _EXPANDS.search(raw) is not None)


# An interpolation Terraform fills in: `${` not escaped as `$${` (which stays `${` literally).
_EXPANDS: Final = lazy(r"(?<!\$)(?:\$\$)*\$\{")
_BLOCK_HEAD: Final = lazy(r"(?P<head>[^\n{}]{0,200})$")
_AUTH_HEAD: Final = lazy(r"(?i)^[ \t]*(?:provider\b|[A-Za-z0-9_]*auth[A-Za-z0-9_]*\b)")


def _block(text: str, pos: int) -> tuple[int, int, str]:
    """The innermost `{ ... }` around pos, and "provider"/"auth" when it holds basic auth."""
    low = max(0, pos - _WINDOW)
    depth, start = 0, low
    cursor = pos
    for _ in range(_MAX_BRACES):
        if cursor <= low:
            break
        opening = text.rfind("{", low, cursor)
        closing = text.rfind("}", low, cursor)
        if opening < 0 and closing < 0:
            break
        if closing > opening:
            depth += 1
            cursor = closing
            continue
        if depth == 0:
            start = opening
            break
        depth -= 1
        cursor = opening
    depth, end = 0, min(len(text), pos + _WINDOW)
    cursor = pos
    for _ in range(_MAX_BRACES):
        if cursor >= end:
            break
        opening = text.find("{", cursor, end)
        closing = text.find("}", cursor, end)
        if closing < 0:
            break
        if 0 <= opening < closing:
            depth += 1
            cursor = opening + 1
            continue
        if depth == 0:
            end = closing
            break
        depth -= 1
        cursor = closing + 1
    parent = ""
    head = _BLOCK_HEAD.search(text, max(0, start - 200), start) if start > 0 else None
    if head is not None:
        found = _AUTH_HEAD.match(head.group("head"))
        if found is not None:
            parent = "provider" if "provider" in found.group().lower() else "auth"
    return start, end, parent


def _no_scalar(text: str, pos: int, stop: int, flow: bool, expands: bool) -> Value | None:
    return None


# The scalar reader is bound per file (see _Strings).
# Terraform fills in every `${...}` of a quoted string (`$${` escapes one), as compose does its
# variables: a header line inside a string (`headers = ["Authorization: Bearer ${var.t}"]`) is
# judged up to the interpolation.
TERRAFORM: Final = Format("terraform", "=:", _no_scalar, _block, inline_keys=True, expands=True)

# Grafana-style `auth = "user:password"`.
_AUTH_STRING: Final = lazy(r'(?im)^[ \t]*(?:basic_)?auth[ \t]*=[ \t]*(?=")')


def extract(text: str) -> Iterator[Candidate]:
    """Candidates of a Terraform/HCL file."""
    strings = _Strings(text)
    fmt = TERRAFORM.replace(scalar=strings.scalar)
    return headerline.dedupe(
        extract_format(text, fmt), _auth_strings(text, strings), _secret_defaults(text, strings)
    )


# `variable "key_secret" { sensitive = true  default = "..." }`: the name is on the block, not
# on the key, so the value reads as a plain `default`.
_SECRET_VARIABLE: Final = lazy(
    r'(?im)^[ \t]*variable[ \t]+"(?P<name>[A-Za-z0-9_-]{0,60}(?:secret|passw(?:or)?d|token)'
    r'[A-Za-z0-9_-]{0,60})"[ \t]*\{'
)
_DEFAULT: Final = lazy(r'(?m)^[ \t]*default[ \t]*=[ \t]*(?=")')


def _secret_defaults(text: str, strings: _Strings) -> Iterator[Candidate]:
    for match in itertools.islice(_SECRET_VARIABLE.finditer(text), headerline.MAX_HITS):
        close = text.find("\n}", match.end(), match.end() + _WINDOW)
        stop = match.end() + _WINDOW if close < 0 else close
        found = _DEFAULT.search(text, match.end(), stop)
        if found is None:
            continue
        value = strings.scalar(text, found.end(), stop, False, False)
        if value is None or not value.literal or not looks_random(value.text):
            continue
        # No user id: the check reports "a secret" given as a literal.
        user = Value("", value.start, False)
        yield Candidate(Role.PAIR, user, value, context=f"terraform variable {match['name']}")


def _auth_strings(text: str, strings: _Strings) -> Iterator[Candidate]:
    for match in itertools.islice(_AUTH_STRING.finditer(text), headerline.MAX_HITS):
        value = strings.scalar(text, match.end(), len(text), False, False)
        if value is not None and ":" in value.text and " " not in value.text:
            yield Candidate(Role.USERPASS, value, context="terraform auth")

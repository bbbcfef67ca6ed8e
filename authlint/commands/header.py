"""``authlint header VALUE...``: validate Authorization header values.

Each problem is printed with the value masked but aligned (so the caret line points at the right
columns without showing the secret) and the fix when there is one. Exit 0 when every value is
valid, 1 when any is not, 2 on usage errors (argparse).

Nothing the user typed is shown unless it is known not to be secret: a field name and a scheme
from ``SHOWN_SCHEMES``. Whatever stands where the scheme should be (`Authorization: <secret>`, a
bare token) is masked like the credentials, in text and JSON alike.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

_STDIN = "-"
# Scheme names that may be shown: the IANA HTTP Authentication Scheme Registry and a few widely
# used unregistered ones. Anything else in the scheme's place may be the credentials themselves.
SHOWN_SCHEMES = frozenset(
    {
        "basic",
        "bearer",
        "concealed",
        "digest",
        "dpop",
        "gnap",
        "hoba",
        "mutual",
        "negotiate",
        "oauth",
        "privatetoken",
        "scram-sha-1",
        "scram-sha-256",
        "vapid",
        "aws4-hmac-sha256",
        "ntlm",
        "token",
    }
)
_FIELD = re.compile(r"[ \t]*(?:proxy-)?authorization[ \t]*:[ \t]*", re.IGNORECASE)
_WORD = re.compile(r"[^ \t\"']{1,64}")
_KEPT = frozenset(" \t\"'")


def public_length(value: str) -> int:
    """How much of ``value`` can be shown: a leading field name, then a known scheme name."""
    field = _FIELD.match(value)
    pos = field.end() if field is not None else 0
    word = _WORD.match(value, pos)
    if word is not None and word.group().lower() in SHOWN_SCHEMES:
        return word.end()
    return pos


def masked(value: str) -> str:
    """``value`` at the same length: the public part as is, every other character ``*`` (blanks
    and quotes kept, so the carets line up and the shape shows), control characters ``?``."""
    keep = public_length(value)
    out = [c if c.isprintable() else "?" for c in value[:keep]]
    # Two characters of a long secret tell a human which one it was (as header.mask does).
    hint = min(2, (len(value) - keep) // 8)
    for c in value[keep:]:
        if not c.isprintable():
            out.append("?")
        elif c in _KEPT:
            out.append(c)
        elif hint:
            hint -= 1
            out.append(c)
        else:
            out.append("*")
    return "".join(out)


def redacted(value: str) -> str:
    """The public part and a redacted rest (``Basic QWxh…(redacted)``), for JSON."""
    from authlint.redact import redact_secret

    keep = public_length(value)
    head = "".join(c if c.isprintable() else "?" for c in value[:keep]).strip(" \t")
    rest = value[keep:].strip(" \t")
    shown = redact_secret("".join(c if c.isprintable() else "?" for c in rest))
    return f"{head} {shown}".strip() if rest else head


def shown_fix(fix: str) -> str | None:
    """A parser fix is a scheme name, padding, blanks or a deletion; show it only if it is."""
    if fix.strip(" \t=") == "" or fix.lower() in SHOWN_SCHEMES:
        return fix
    return None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "values",
        nargs="+",
        metavar="VALUE",
        help="an Authorization header value; '-' reads one value per line from stdin",
    )
    parser.add_argument(
        "--profile",
        choices=("strict", "rfc"),
        default="strict",
        help="strict: the Razorpay format (default); rfc: RFC 9110/7617/6750",
    )
    parser.add_argument(
        "--output-format", choices=("text", "json"), default="text", help="default: text"
    )


def _inputs(values: list[str], stdin: TextIO) -> Iterator[tuple[str, str]]:
    """(label, value) pairs; labels never contain the value."""
    for index, value in enumerate(values, 1):
        if value != _STDIN:
            yield f"arg{index}", value
            continue
        for lineno, line in enumerate(stdin, 1):
            # Strip the line ending only: any other CR or control character is in the value and
            # is reported (AL112).
            text = line[:-1] if line.endswith("\n") else line
            yield f"stdin:{lineno}", text[:-1] if text.endswith("\r") else text


def run(args: argparse.Namespace) -> int:
    return check_values(args.values, args.profile, args.output_format, sys.stdin, sys.stdout)


def check_values(
    values: list[str], profile: str, output_format: str, stdin: TextIO, out: TextIO
) -> int:
    import json

    from authlint.codes import rule
    from authlint.header import parse, validate

    invalid = 0
    records: list[dict[str, Any]] = []
    for label, value in _inputs(values, stdin):
        diagnostics = validate(value, profile=profile)
        invalid += bool(diagnostics)
        if output_format == "json":
            scheme = None if diagnostics else type(parse(value, profile=profile)).__name__
            records.append(
                {
                    "input": label,
                    "valid": not diagnostics,
                    "credentials": scheme,
                    "redacted": redacted(value),
                    "diagnostics": [
                        {
                            "code": str(d.code),
                            "name": rule(d.code).name,
                            "message": d.message,
                            "start": d.start,
                            "end": d.end,
                            "fix": d.fix if d.fix is None else shown_fix(d.fix),
                        }
                        for d in diagnostics
                    ],
                }
            )
            continue
        if not diagnostics:
            print(f"{label}: ok", file=out)
            continue
        shown = masked(value)
        for d in diagnostics:
            print(f"{label}:{d.start + 1}: {d.code} [{rule(d.code).name}] {d.message}", file=out)
            print(f"    {shown}", file=out)
            print(f"    {' ' * d.start}{'^' * max(1, d.end - d.start)}", file=out)
            if d.fix is not None:
                fix = shown_fix(d.fix)
                what = "delete" if not d.fix else f"replace with {fix!r}"
                if d.start == d.end:
                    what = f"insert {fix!r}"
                if fix is None:
                    what = "replace (not shown)"
                print(f"    fix: {what}", file=out)
    if output_format == "json":
        json.dump(records, out, indent=2)
        out.write("\n")
    return 1 if invalid else 0

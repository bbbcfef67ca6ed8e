"""``authlint header VALUE...``: validate Authorization header values.

Each problem is printed with the value masked but aligned (so the caret line points at the right
columns without showing the secret) and the fix when there is one. Exit 0 when every value is
valid, 1 when any is not, 2 on usage errors (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any, TextIO

_STDIN = "-"


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
    from authlint.header import mask, parse, redact, validate

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
                    "redacted": redact(value),
                    "diagnostics": [
                        {
                            "code": str(d.code),
                            "name": rule(d.code).name,
                            "message": d.message,
                            "start": d.start,
                            "end": d.end,
                            "fix": d.fix,
                        }
                        for d in diagnostics
                    ],
                }
            )
            continue
        if not diagnostics:
            print(f"{label}: ok", file=out)
            continue
        shown = mask(value)
        for d in diagnostics:
            print(f"{label}:{d.start + 1}: {d.code} [{rule(d.code).name}] {d.message}", file=out)
            print(f"    {shown}", file=out)
            print(f"    {' ' * d.start}{'^' * max(1, d.end - d.start)}", file=out)
            if d.fix is not None:
                what = "delete" if not d.fix else f"replace with {d.fix!r}"
                if d.start == d.end:
                    what = f"insert {d.fix!r}"
                print(f"    fix: {what}", file=out)
    if output_format == "json":
        json.dump(records, out, indent=2)
        out.write("\n")
    return 1 if invalid else 0

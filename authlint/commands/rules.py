"""``authlint rules`` lists every rule; ``authlint rule CODE`` explains one (ruff's rule pages)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from authlint.codes import RULE_BY_CODE, RULE_BY_NAME, RULES, Code, Rule

COLUMNS = ("code", "name", "severity", "kind", "fixable", "summary")


def rule_to_dict(meta: Rule) -> dict[str, Any]:
    return {
        "code": str(meta.code),
        "name": meta.name,
        "severity": str(meta.severity),
        "kind": meta.kind,
        "fixable": meta.fixable,
        "summary": meta.summary,
        "rationale": meta.rationale,
        "source": meta.source,
        "bad": meta.bad,
        "good": meta.good,
    }


def find_rule(query: str) -> Rule | None:
    """A rule by code (any case) or by name."""
    try:
        return RULE_BY_CODE[Code(query.strip().upper())]
    except ValueError:
        return RULE_BY_NAME.get(query.strip().lower())


def rules_table(rules: tuple[Rule, ...] = RULES) -> str:
    rows = [tuple(c.upper() for c in COLUMNS)]
    rows += [
        (
            str(r.code),
            r.name,
            str(r.severity),
            r.kind,
            "yes" if r.fixable else "no",
            r.summary,
        )
        for r in rules
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]))
    return "".join(line + "\n" for line in lines)


def rule_page(meta: Rule) -> str:
    """ruff's page layout: What it does / Why is this bad? / Example / Use instead / Source."""
    fixable = "yes (`authlint check --fix`)" if meta.fixable else "no"
    return (
        f"# {meta.name} ({meta.code})\n\n"
        f"Severity: {meta.severity}. Kind: {meta.kind}. Fixable: {fixable}.\n\n"
        f"## What it does\n{meta.summary}\n\n"
        f"## Why is this bad?\n{meta.rationale}\n\n"
        f"## Example\n    {meta.bad}\n\n"
        f"## Use instead\n    {meta.good}\n\n"
        f"## Source\n{meta.source}\n"
    )


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output-format",
        choices=("text", "json"),
        default="text",
        help="output format (default: %(default)s)",
    )


def add_rules_arguments(parser: argparse.ArgumentParser) -> None:
    _add_format(parser)


def run_rules(args: argparse.Namespace) -> int:
    if args.output_format == "json":
        json.dump([rule_to_dict(r) for r in RULES], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(rules_table())
    return 0


def add_rule_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", metavar="CODE", help="a rule code (AL201) or name (live-key-id)")
    _add_format(parser)


def run_rule(args: argparse.Namespace) -> int:
    meta = find_rule(args.rule)
    if meta is None:
        import difflib

        # Names only: codes one digit apart are different rules, not typos of each other.
        close = difflib.get_close_matches(args.rule.strip().lower(), RULE_BY_NAME, n=1, cutoff=0.8)
        hint = f"; did you mean {close[0]}?" if close else "; `authlint rules` lists them"
        print(f"authlint rule: unknown rule {args.rule!r}{hint}", file=sys.stderr)
        return 2
    if args.output_format == "json":
        json.dump(rule_to_dict(meta), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(rule_page(meta))
    return 0

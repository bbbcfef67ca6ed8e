"""The command line: a thin ``main(argv) -> int`` that dispatches to ``authlint.commands.*``.

Exit codes: 0 nothing at error severity, 1 findings (or invalid headers), 2 usage, configuration
or I/O errors. Command modules import their heavy dependencies inside ``run`` so that
``--help`` and a one-file pre-commit run stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from authlint import __version__

# subcommand -> (module, help). Order is the order `authlint --help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("authlint.commands.check", "lint files for malformed headers and hard-coded secrets"),
    "header": ("authlint.commands.header", "validate Authorization header values"),
    "rules": ("authlint.commands.rules", "list every rule"),
    "rule": ("authlint.commands.rules", "explain one rule"),
    "history": (
        "authlint.commands.history",
        "scan git history for secrets that were ever committed",
    ),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="authlint",
        description="Lint HTTP Authorization headers and find hard-coded payment API keys.",
    )
    parser.add_argument("--version", action="version", version=f"authlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        add = getattr(module, f"add_{name}_arguments", None) or module.add_arguments
        add(command_parser)
        command_parser.set_defaults(run=getattr(module, f"run_{name}", None) or module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.run(args)
    except KeyboardInterrupt:
        print("authlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `authlint check | head`: the reader left; nothing more to say.
        sys.stderr.close()
        return 1
    return result


if __name__ == "__main__":
    raise SystemExit(main())

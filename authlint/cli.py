"""The command line: a thin ``main(argv) -> int`` that dispatches to ``authlint.commands.*``.

Exit codes: 0 nothing at error severity, 1 findings (or invalid headers), 2 usage, configuration
or I/O errors. Command modules import their heavy dependencies inside ``run`` so that
``--help`` and a one-file pre-commit run stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
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


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it (COLUMNS, then the terminal
    on stdout, else 80), without importing shutil: argparse imports it for every argument it
    adds, and with it bz2, lzma and fnmatch, 2 ms of each pre-commit run."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)  # argparse's own margin


def build_parser(command: str | None = None, *, alone: bool = False) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that subcommand gets its full arguments, and with
    ``alone`` the others are not built at all.

    Every subcommand module is imported only to build its arguments, so a pre-commit run of
    `authlint check` skips importing (and compiling the regexes of) the other commands.
    """
    parser = argparse.ArgumentParser(
        prog="authlint",
        description="Lint HTTP Authorization headers and find hard-coded payment API keys.",
        formatter_class=_Formatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"authlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        if alone and name != command:
            continue
        command_parser = sub.add_parser(
            name, help=help_text, description=help_text, formatter_class=_Formatter
        )
        if command is not None and name != command:
            continue
        module = importlib.import_module(module_name)
        add = getattr(module, f"add_{name}_arguments", None) or module.add_arguments
        add(command_parser)
        command_parser.set_defaults(
            run=getattr(module, f"run_{name}", None) or module.run, command_parser=command_parser
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The first word that names a subcommand decides which one to build in full.
    command = next((word for word in argv if word in COMMANDS), None)
    # Named first, the subcommand is the only one argparse can meet (no other is named, listed
    # or suggested): the others' parsers are not built (each costs gettext look-ups).
    alone = bool(argv) and argv[0] == command
    args, unknown = build_parser(command, alone=alone).parse_known_args(argv)
    if unknown:
        # The subcommand's own usage line, not the top-level one (`check --bogus`).
        args.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    from authlint.config import ConfigError

    try:
        result: int = args.run(args)
    except ConfigError as exc:
        # The one place every configuration problem becomes exit 2: file and reason, one line.
        print(f"authlint: error: {exc}", file=sys.stderr)
        return 2
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

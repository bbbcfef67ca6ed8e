"""`authlint check [PATHS...]`: lint files for malformed headers and hard-coded secrets."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from authlint.config import Settings
    from authlint.result import ScanResult

# Mirrors authlint.report.FORMATS (a test keeps them equal): importing the report package here
# would cost every `--help` its import.
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=None, help="files or directories (default: .)")
    rules = parser.add_argument_group("rule selection")
    rules.add_argument(
        "--select",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="only these codes, prefixes or names (comma-separated)",
    )
    rules.add_argument(
        "--extend-select",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="add to the selection",
    )
    rules.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="skip these codes, prefixes or names",
    )
    rules.add_argument(
        "--profile", choices=("strict", "rfc"), help="header profile (default: strict)"
    )
    files = parser.add_argument_group("file selection")
    files.add_argument(
        "--exclude",
        type=_codes,
        action="extend",
        metavar="GLOBS",
        help="replace the configured excludes",
    )
    files.add_argument(
        "--extend-exclude", type=_codes, action="extend", metavar="GLOBS", help="exclude more paths"
    )
    files.add_argument(
        "--max-file-size", type=int, metavar="BYTES", help="skip larger files (default 10 MB)"
    )
    files.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply excludes to files named on the command line too (for pre-commit)",
    )
    files.add_argument(
        "--staged",
        action="store_true",
        help="scan what is staged in the git index, not the working tree",
    )
    files.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes (default: all cores; 1 disables the pool)",
    )
    out = parser.add_argument_group("output")
    out.add_argument("--output-format", choices=FORMATS, default="text")
    out.add_argument(
        "-o", "--output-file", metavar="FILE", help="write the report here instead of stdout"
    )
    out.add_argument("--statistics", action="store_true", help="print counts per rule")
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    fix = parser.add_argument_group("fixes")
    fix.add_argument(
        "--fix", action="store_true", help="rewrite fixable malformed headers in place"
    )
    fix.add_argument(
        "--diff", action="store_true", help="show the fixes (redacted) without writing them"
    )
    base = parser.add_argument_group("baseline")
    base.add_argument(
        "--baseline", metavar="FILE", help="report only findings not recorded in FILE"
    )
    base.add_argument(
        "--write-baseline", metavar="FILE", help="record the current findings (hashes only) in FILE"
    )
    base.add_argument(
        "--show-stale", action="store_true", help="list baseline entries that match nothing"
    )
    parser.add_argument("--config", metavar="FILE", help="authlint.toml or pyproject.toml to use")
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")


def _error(message: str) -> int:
    print(f"authlint: error: {message}", file=sys.stderr)
    return 2


def settings_from_args(args: argparse.Namespace) -> Settings:
    from authlint.config import Settings, find_config, load_settings

    if args.isolated:
        settings = Settings().with_selection()
    elif args.config:
        settings = load_settings(Path(args.config))
    else:
        settings = load_settings(find_config(Path.cwd()))
    changes: dict[str, object] = {}
    if args.select:
        changes["select"] = tuple(args.select)
    if args.extend_select:
        changes["extend_select"] = settings.extend_select + tuple(args.extend_select)
    if args.ignore:
        changes["ignore"] = settings.ignore + tuple(args.ignore)
    if args.exclude is not None:
        changes["exclude"] = tuple(args.exclude)
    if args.extend_exclude:
        changes["extend_exclude"] = settings.extend_exclude + tuple(args.extend_exclude)
    if args.max_file_size is not None:
        if args.max_file_size <= 0:
            from authlint.config import ConfigError

            raise ConfigError("--max-file-size must be a positive number of bytes")
        changes["max_file_size"] = args.max_file_size
    if args.profile:
        changes["profile"] = args.profile
    return replace(settings, **changes).with_selection()  # type: ignore[arg-type]


def _scan(args: argparse.Namespace, settings: Settings) -> tuple[ScanResult, list[str]]:
    """The result, and the paths that were scanned (for judging stale baseline entries)."""
    from authlint.discover import discover, discover_staged
    from authlint.result import Skipped
    from authlint.scan import scan_paths, scan_staged

    if args.staged:
        staged = discover_staged(args.paths or [], settings, force_exclude=args.force_exclude)
        return scan_staged(staged, settings), [path for path, _ in staged]
    skipped: list[Skipped] = []
    files = discover(
        args.paths or ["."], settings, force_exclude=args.force_exclude, on_skip=skipped.append
    )
    result = scan_paths(files, settings, jobs=args.jobs)
    if skipped:
        result = replace(result, skipped=tuple(sorted(result.skipped + tuple(skipped))))
    return result, files


def _use_color(args: argparse.Namespace, stream: object) -> bool:
    if args.color != "auto":
        return bool(args.color == "always")
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def run(args: argparse.Namespace) -> int:
    from authlint.config import ConfigError
    from authlint.discover import DiscoveryError
    from authlint.report import report

    expected: tuple[type[Exception], ...] = (ConfigError, DiscoveryError)
    if args.baseline or args.write_baseline:
        # Imported only when asked for: pre-commit starts authlint on every commit.
        from authlint.baseline import BaselineError

        expected += (BaselineError,)

    if args.fix and args.diff:
        return _error("--fix and --diff cannot be used together")
    unfixed = 0
    try:
        settings = settings_from_args(args)
        if args.fix or args.diff:
            from authlint.fix import fix_paths

            fixed = fix_paths(args, settings, write=args.fix, stream=sys.stdout)
            if args.diff:
                return 1 if fixed.changed and not args.exit_zero else 0
            if fixed.failed:
                unfixed = len(fixed.failed)
        result, scanned = _scan(args, settings)
        if args.write_baseline:
            from authlint.baseline import write_baseline

            write_baseline(Path(args.write_baseline), result)
            print(
                f"authlint: wrote {len(result.findings)} finding(s) to baseline "
                f"{args.write_baseline}",
                file=sys.stderr,
            )
            return 0
        if args.baseline:
            from authlint.baseline import apply_baseline, load_baseline

            result = apply_baseline(
                result,
                load_baseline(Path(args.baseline)),
                show_stale=args.show_stale,
                scanned_paths=frozenset(scanned),
                enabled_codes=frozenset(code.value for code in settings.enabled),
            )
    except expected as exc:
        return _error(str(exc))
    except OSError as exc:
        return _error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    if args.output_file:
        from authlint.report import visible
        from authlint.safeio import atomic_output

        # Written whole or not at all: an error while reporting leaves no empty or partial file.
        try:
            with atomic_output(args.output_file) as handle:
                report(
                    result,
                    args.output_format,
                    handle,
                    color=_use_color(args, handle),
                    statistics=args.statistics,
                )
        except OSError as exc:
            return _error(f"cannot write {visible(args.output_file)}: {exc.strerror or exc}")
    else:
        report(
            result,
            args.output_format,
            sys.stdout,
            color=_use_color(args, sys.stdout),
            statistics=args.statistics,
        )
    if unfixed:
        print(
            f"authlint: error: {unfixed} file(s) could not be fixed (listed above)", file=sys.stderr
        )
        return 2
    if args.exit_zero:
        return 0
    return 1 if result.errors else 0

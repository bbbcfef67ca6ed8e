"""`authlint check [PATHS...]`: lint files for malformed headers and hard-coded secrets."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from authlint.commands import positive_int

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from authlint.config import Settings
    from authlint.result import ScanResult, Skipped
    from authlint.resultcache import ResultCache
    from authlint.settings_tree import SettingsTree

# Mirrors authlint.report.FORMATS (a test keeps them equal): importing the report package here
# would cost every `--help` its import.
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        default=None,
        help="files or directories (default: .); `-` reads one file from standard input",
    )
    rules = parser.add_argument_group("rule selection")
    rules.add_argument(
        "--select",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="only these codes, prefixes, names or kinds (`secret`, `malformed-header`), "
        "comma-separated",
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
        help="replace the configured excludes (globs relative to the working directory)",
    )
    files.add_argument(
        "--extend-exclude",
        type=_codes,
        action="extend",
        metavar="GLOBS",
        help="exclude more paths (globs relative to the working directory)",
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
        type=positive_int,
        metavar="N",
        help="worker processes (default: all cores; 1 disables the pool)",
    )
    files.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file again, and keep nothing for the next run (also: "
        "AUTHLINT_NO_CACHE=1)",
    )
    files.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="keep unchanged files' results here (also: AUTHLINT_CACHE_DIR; default: "
        "$XDG_CACHE_HOME/authlint or ~/.cache/authlint)",
    )
    files.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the path of the file read from `-` (its kind, per-file-ignores, configuration)",
    )
    out = parser.add_argument_group("output")
    out.add_argument(
        "--output-format",
        choices=FORMATS,
        default="text",
        metavar="FORMAT",
        help="text (default), json, sarif (code scanning), github (workflow annotations), "
        "junit or gitlab (Code Quality)",
    )
    out.add_argument(
        "-o", "--output-file", metavar="FILE", help="write the report here instead of stdout"
    )
    out.add_argument(
        "--statistics",
        action="store_true",
        help="counts per rule: instead of the findings for text and json, on stderr for the "
        "other formats",
    )
    out.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings and nothing else"
    )
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found")
    out.add_argument(
        "--fail-on-warnings",
        action="store_true",
        help="exit 1 on warnings too (such as test key ids), not only on errors",
    )
    out.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto (default) when stdout is a terminal, unless NO_COLOR "
        "is set; FORCE_COLOR forces it",
    )
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
    conf = parser.add_argument_group("configuration")
    conf.add_argument(
        "--config",
        metavar="FILE",
        help="use this authlint.toml or pyproject.toml for every file (also: AUTHLINT_CONFIG); "
        "default: the closest one to each file",
    )
    conf.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    conf.add_argument(
        "--show-settings",
        action="store_true",
        help="print the configuration file and resolved settings for the first path, and exit",
    )
    conf.add_argument(
        "--show-files", action="store_true", help="list the files that would be checked, and exit"
    )


def _error(message: str) -> int:
    print(f"authlint: error: {message}", file=sys.stderr)
    return 2


def _overrides(args: argparse.Namespace) -> Callable[[Settings], Settings]:
    """The command line laid over whichever configuration applies to a file; its values are
    checked once, here, so a bad one is reported as the option's fault."""
    from authlint.config import ConfigError, check_glob, codes_matching

    for option in ("select", "extend_select", "ignore"):
        try:
            codes_matching(getattr(args, option) or ())
        except ConfigError as exc:
            raise ConfigError(f"--{option.replace('_', '-')}: {exc}") from None
    for option in ("exclude", "extend_exclude"):
        for glob in getattr(args, option) or ():
            check_glob(glob, f"--{option.replace('_', '-')}")
    if args.max_file_size is not None and args.max_file_size <= 0:
        raise ConfigError("--max-file-size must be a positive number of bytes")

    def apply(settings: Settings) -> Settings:
        changes: dict[str, object] = {}
        if args.select:
            changes["select"] = tuple(args.select)
        if args.extend_select:
            changes["extend_select"] = settings.extend_select + tuple(args.extend_select)
        if args.ignore:
            changes["ignore"] = settings.ignore + tuple(args.ignore)
        if args.exclude is not None:
            changes["exclude"] = ()  # replaced by the command line's, which are cwd-relative
        if args.exclude is not None or args.extend_exclude:
            typed = (args.exclude or []) + (args.extend_exclude or [])
            changes["command_line_exclude"] = tuple(typed)
        if args.max_file_size is not None:
            changes["max_file_size"] = args.max_file_size
        if args.profile:
            changes["profile"] = args.profile
        return settings.replace(**changes).with_selection()

    return apply


def settings_tree(args: argparse.Namespace) -> SettingsTree:
    from authlint.settings_tree import SettingsTree

    return SettingsTree(config=args.config, isolated=args.isolated, overrides=_overrides(args))


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The settings for the working directory (one set for the whole run)."""
    return settings_tree(args).for_path(".")


def _merge_results(results: Sequence[ScanResult]) -> ScanResult:
    from authlint.result import ScanResult

    if len(results) == 1:
        return results[0]
    return ScanResult(
        findings=tuple(sorted(f for r in results for f in r.findings)),
        skipped=tuple(sorted(s for r in results for s in r.skipped)),
        files_scanned=sum(r.files_scanned for r in results),
        bytes_scanned=sum(r.bytes_scanned for r in results),
        suppressed=sum(r.suppressed for r in results),
    )


def _grouped(tree: SettingsTree, found: Iterable[str]) -> list[tuple[Settings, list[str]]]:
    """Files grouped by the settings of their closest configuration (discovery has applied
    each configuration's excludes where it governs: ``TreeExcluder``)."""
    if tree.fixed is not None or tree.isolated:  # one configuration for every file
        paths = sorted(found)
        return [(tree.for_file(paths[0]), paths)] if paths else []
    groups: dict[int, tuple[Settings, list[str]]] = {}
    # Sorted paths come a directory at a time, and a file's settings depend on its directory
    # only: one lookup per directory. (Two paths with the same text before their last "/" are
    # in the same directory.)
    folder: str | None = None
    files: list[str] = []
    for path in sorted(found):
        here = path.rpartition("/")[0]
        if here != folder:
            folder = here
            own = tree.for_file(path)
            files = groups.setdefault(id(own), (own, []))[1]
        files.append(path)
    return list(groups.values())


def _excluder_for(tree: SettingsTree) -> Callable[[str], Callable[[str], bool]] | None:
    """Excludes of nested configurations, each where it governs; None with one fixed file."""
    if tree.fixed is not None or tree.isolated:
        return None
    from authlint.settings_tree import TreeExcluder

    return lambda top: TreeExcluder(tree, top).excluded


def _discover(
    args: argparse.Namespace, tree: SettingsTree, on_skip: Callable[[Skipped], None]
) -> list[tuple[Settings, list[str]]]:
    from authlint.discover import discover

    # One discovery per distinct settings (pre-commit names hundreds of files, mostly under one
    # configuration), each path with the settings of the configuration that governs it.
    by_settings: dict[int, tuple[Settings, list[str]]] = {}
    for path in args.paths or ["."]:
        settings = tree.for_path(path)
        by_settings.setdefault(id(settings), (settings, []))[1].append(path)
    excluder_for = _excluder_for(tree)
    lists = [
        discover(
            paths,
            settings,
            force_exclude=args.force_exclude,
            on_skip=on_skip,
            excluder_for=excluder_for,
        )
        for settings, paths in by_settings.values()
    ]
    # One discovery (the usual case) is sorted and has no duplicates already.
    found = lists[0] if len(lists) == 1 else {path for listed in lists for path in listed}
    return _grouped(tree, found)


def _scan(args: argparse.Namespace, tree: SettingsTree) -> tuple[ScanResult, list[str]]:
    """The result, and the paths that were scanned (for judging stale baseline entries)."""
    from authlint.scan import merge, scan_paths, scan_staged

    if args.staged:
        from authlint.discover import discover_staged

        staged = discover_staged(
            args.paths or [],
            tree.for_path("."),
            force_exclude=args.force_exclude,
            excluder_for=_excluder_for(tree),
        )
        shas = dict(staged)
        groups = _grouped(tree, shas)
        # scan_staged reads each blob's size first: one over the limit is skipped, never read.
        directory = _cache_directory(args)
        results = [
            scan_staged(
                [(path, shas[path]) for path in paths], settings, _cache(directory, settings)
            )
            for settings, paths in groups
        ]
        return _merge_results(results or [merge(())]), sorted(shas)
    skipped: list[Skipped] = []
    groups = _discover(args, tree, skipped.append)
    directory = _cache_directory(args)
    results = [
        scan_paths(paths, settings, jobs=args.jobs, cache=_cache(directory, settings))
        for settings, paths in groups
    ]
    result = _merge_results(results or [merge(())])
    if skipped:
        result = result.replace(skipped=tuple(sorted(result.skipped + tuple(skipped))))
    return result, sorted(path for _, paths in groups for path in paths)


def _cache_directory(args: argparse.Namespace) -> str | None:
    """Where this run keeps its result cache; None with --no-cache, or when the directory may
    not be used (said once, unless --quiet)."""
    if args.no_cache:
        return None
    from authlint.resultcache import directory_from, unusable

    directory = directory_from(args.cache_dir)
    if directory is None:
        return None
    why = unusable(directory)
    if why is None:
        return directory
    if not args.quiet:
        from authlint.report import visible

        print(
            f"authlint: warning: not using the result cache in {visible(directory)}: {why}",
            file=sys.stderr,
        )
    return None


def _cache(directory: str | None, settings: Settings) -> ResultCache | None:
    """The result cache for the files checked with ``settings``, in ``directory``."""
    if directory is None:
        return None
    from authlint.resultcache import ResultCache

    try:
        return ResultCache(directory, settings)
    except OSError:  # the working directory is gone: nothing to key entries by
        return None


def _scan_stdin(args: argparse.Namespace, tree: SettingsTree) -> tuple[ScanResult, list[str]]:
    """``check -``: one file from standard input, named by ``--stdin-filename``."""
    from authlint.scan import merge, scan_bytes

    name = args.stdin_filename or "-"
    settings = tree.for_path(args.stdin_filename or ".")
    data = sys.stdin.buffer.read(settings.max_file_size + 1)
    return merge([scan_bytes(name, data, settings)]), [name]


def _use_color(args: argparse.Namespace, stream: object) -> bool:
    """--color, else FORCE_COLOR (set and not empty: colour even into a pipe, as CI logs want),
    else NO_COLOR (no colour), else colour only on a terminal."""
    if args.color != "auto":
        return bool(args.color == "always")
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _shown_path(path: str) -> str:
    """``path`` relative to the working directory when it is under it, else absolute."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if absolute == cwd:
        return "."
    return os.path.relpath(absolute, cwd) if absolute.startswith(cwd + os.sep) else absolute


def _show_settings(tree: SettingsTree, path: str) -> str:
    """ruff's --show-settings: the file that governs ``path`` and what it resolves to."""
    from authlint.redact import user_value

    source = tree.source_for(path) if not tree.isolated else None
    settings = tree.for_path(path)
    enabled = sorted(code.value for code in settings.enabled)
    lines = [
        f"Resolved settings for: {path}",
        f"Settings path: {_shown_path(source) if source is not None else '(none: defaults)'}",
        f"root = {_shown_path(settings.root)}",
        f"profile = {settings.profile}",
        f"host-profiles = {dict(settings.host_profiles)}",
        f"path-profiles = {dict(settings.path_profiles)}",
        f"select = {list(settings.select)}",
        f"extend-select = {list(settings.extend_select)}",
        f"ignore = {list(settings.ignore)}",
        f"enabled ({len(enabled)}) = {' '.join(enabled)}",
        f"exclude = {list(settings.exclude)}",
        f"extend-exclude = {list(settings.extend_exclude)}",
        *(
            [f"command-line exclude (from .) = {list(settings.command_line_exclude)}"]
            if settings.command_line_exclude
            else []
        ),
        f"per-file-ignores = { {g: list(c) for g, c in settings.per_file_ignores} }",
        # A key pasted into the allowlist as a regex: shown as any user value is (redacted).
        f"allowlist = [{', '.join(user_value(p.pattern) for p in settings.allowlist_patterns)}]"
        f" + {len(settings.allowlist_fingerprints)} fingerprint(s)",
        f"max-file-size = {settings.max_file_size}",
    ]
    return "".join(line + "\n" for line in lines)


def _named_unreadable(args: argparse.Namespace, result: ScanResult) -> str | None:
    """A file named on the command line that could not be read, or whose name says text but
    whose bytes read as binary: a gate must fail closed on what it was asked to check."""
    from authlint.report import visible
    from authlint.scan import NOT_TEXT

    named = {os.path.abspath(path) for path in args.paths or [] if path != "-"}
    if "-" in (args.paths or []):
        named.add(os.path.abspath(args.stdin_filename or "-"))
    for skipped in result.skipped:
        if os.path.abspath(skipped.path) not in named:
            continue
        why = skipped.reason.partition(": ")[2]
        if skipped.reason.startswith("unreadable"):
            return f"{visible(skipped.path)}: cannot be read ({visible(why)})"
        if skipped.reason.startswith(NOT_TEXT):
            return f"{visible(skipped.path)}: cannot be checked: {why}, so it reads as binary"
    return None


def _named_cannot_open(args: argparse.Namespace) -> str | None:
    """A regular file named on the command line that cannot be opened: --diff and --fix stop on
    it before anything else, as the scan would (a gate fails closed)."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # never block on a FIFO
    for path in args.paths or []:
        try:
            if path == "-" or not stat.S_ISREG(os.lstat(path).st_mode):
                continue  # directories, symlinks and special files go through discovery
            os.close(os.open(path, flags))
        except FileNotFoundError:
            continue  # discovery names it
        except OSError as exc:
            return f"{path}: cannot be read ({exc.strerror or exc})"
    return None


def run(args: argparse.Namespace) -> int:
    from authlint.discover import DiscoveryError
    from authlint.report import report

    # Configuration problems (ConfigError) are reported by authlint.cli.main, for every command.
    expected: tuple[type[Exception], ...] = (DiscoveryError,)
    if args.baseline or args.write_baseline:
        # Imported only when asked for: pre-commit starts authlint on every commit.
        from authlint.baseline import BaselineError

        expected += (BaselineError,)

    paths = args.paths or []
    stdin = "-" in paths
    if stdin and (len(paths) > 1 or args.staged or args.fix or args.diff):
        return _error("`-` (standard input) cannot be combined with other paths, --staged or --fix")
    if args.stdin_filename and not stdin:
        return _error("--stdin-filename needs `-` as the path")
    if args.show_stale and not args.baseline:
        return _error("--show-stale needs --baseline FILE")
    if args.fix and args.diff:
        return _error("--fix and --diff cannot be used together")
    if args.cache_dir is not None and not args.cache_dir.strip():
        return _error("--cache-dir needs a directory")
    if args.cache_dir is not None and args.no_cache:
        return _error("--cache-dir and --no-cache cannot be used together")
    unfixed = 0
    tree = settings_tree(args)
    if args.show_settings:
        sys.stdout.write(_show_settings(tree, args.stdin_filename or (paths or ["."])[0]))
        return 0
    try:
        if args.show_files:
            groups = [] if stdin else _discover(args, tree, lambda _: None)
            files = sorted(path for _, paths_ in groups for path in paths_)
            sys.stdout.write("".join(f"{path}\n" for path in files))
            return 0
        if args.fix or args.diff:
            from authlint.fix import fix_paths

            cannot = _named_cannot_open(args)
            if cannot is not None:
                return _error(cannot)

            fixed = 0
            # A finding the baseline takes is not reported, so not fixed either.
            budget = None
            if args.baseline:
                from collections import Counter
                from pathlib import Path

                from authlint.baseline import load_baseline

                budget = Counter(load_baseline(Path(args.baseline)).counts)
            # Each file with the settings of its closest configuration (excludes, profile),
            # as the scan that follows sees it: the files are named, already selected.
            for settings, files in _discover(args, tree, lambda _: None):
                one = argparse.Namespace(**{**vars(args), "paths": files, "force_exclude": False})
                outcome = fix_paths(
                    one, settings, write=args.fix, stream=sys.stdout, baseline=budget
                )
                fixed += outcome.changed
                unfixed += len(outcome.failed)
            if args.diff:
                return 1 if fixed and not args.exit_zero else 0
        result, scanned = _scan_stdin(args, tree) if stdin else _scan(args, tree)
        unreadable = _named_unreadable(args, result)
        if unreadable is not None:
            return _error(unreadable)
        if not result.files_scanned and not result.skipped and not args.quiet:
            # Not an error (pre-commit may pass only excluded files), but never silent.
            print("authlint: warning: no files to check under the given paths", file=sys.stderr)
        if args.write_baseline:
            from pathlib import Path

            from authlint.baseline import write_baseline

            write_baseline(Path(args.write_baseline), result)
            if not args.quiet:
                print(
                    f"authlint: wrote {len(result.findings)} finding(s) to baseline "
                    f"{args.write_baseline}",
                    file=sys.stderr,
                )
            return 0
        if args.baseline:
            from pathlib import Path

            from authlint.baseline import apply_baseline, load_baseline

            enabled = {code.value for code in tree.for_path(".").enabled} if not scanned else set()
            for settings in {id(s): s for s in map(tree.for_file, scanned)}.values():
                enabled.update(code.value for code in settings.enabled)
            result = apply_baseline(
                result,
                load_baseline(Path(args.baseline)),
                show_stale=args.show_stale,
                scanned_paths=frozenset(scanned),
                enabled_codes=frozenset(enabled),
            )
    except expected as exc:
        return _error(str(exc))
    except OSError as exc:
        return _error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    # ruff replaces the findings by the counts in text and json; a machine format (SARIF, ...)
    # keeps its findings and the counts go to stderr for the person reading the log.
    inline_statistics = args.statistics and args.output_format in ("text", "json")
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
                    statistics=inline_statistics,
                    quiet=args.quiet,
                )
        except OSError as exc:
            return _error(f"cannot write {visible(args.output_file)}: {exc.strerror or exc}")
    else:
        report(
            result,
            args.output_format,
            sys.stdout,
            color=_use_color(args, sys.stdout),
            statistics=inline_statistics,
            quiet=args.quiet,
        )
    if args.statistics and not inline_statistics:
        from authlint.report.text import statistics

        sys.stderr.write(statistics(result.findings) or "No findings.\n")
    if unfixed:
        print(
            f"authlint: error: {unfixed} file(s) could not be fixed (listed above)", file=sys.stderr
        )
        return 2
    if args.exit_zero:
        return 0
    return 1 if result.errors or (args.fail_on_warnings and result.warnings) else 0

"""What reaches the wire: header values and credentials as the code builds them.

Layers (docs/construct.md): the syntax layer parses (authlint/syntax); a language's lowering
(authlint/construct/lang/<language>.py, named in authlint/kinds.py) turns its tree into the IR
(ir.py) and finds the sink sites (sites.py); the evaluator (evaluate.py) turns an IR expression
into an abstract value (value.py) with the language's encoder and transform tables
(models.py records); the judge (judge.py) checks the values.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from authlint import kinds
from authlint.codes import Code
from authlint.construct.anchors import anchor_offsets

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.construct.lower import Resolution, Sites
    from authlint.construct.models import Language
    from authlint.construct.value import Piece
    from authlint.syntax import Syntax

__all__ = ["Verdict", "anchor_offsets", "verdicts"]


def __getattr__(name: str) -> object:
    # `from authlint.construct import Verdict`: the judge is imported with the first tree judged.
    # (The package itself is imported by anchors.py's check, which most files stop at.)
    if name == "Verdict":
        from authlint.construct.judge import Verdict

        return Verdict
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Shorter than this, a literal password is a test stub, not a secret worth a finding (the
# candidate checks use the same floor).
MIN_SECRET = 6
_SECRET_VARS = ("SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE")


class LoweringModule(Protocol):
    LANGUAGE: Language

    def lower_file(self, syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]: ...


def lowering(kind: str) -> LoweringModule | None:
    spec = kinds.KINDS[kind].lowering if kind in kinds.KINDS else None
    if spec is None:
        return None
    module: LoweringModule = importlib.import_module(spec)
    return module


def verdicts(syntax: Syntax, offsets: Sequence[int]) -> list[Verdict]:
    """The construction findings of one parsed file, at the sinks near ``offsets`` (character
    offsets of the prefilter words that call for a tree: see construct/anchors.py).

    A partial parse (the statements around the offsets) is enough unless it has errors or a
    name it could not resolve is written elsewhere in the file: then the whole file is parsed.
    """
    module = lowering(syntax.kind)
    if module is None:
        return []
    if not _evaluator_loaded:
        _load_evaluator()
    try:
        found, resolution = _verdicts(module, syntax, offsets)
        if (
            syntax.partial
            and not syntax.embedded
            and (syntax.root.has_error or _elsewhere(syntax, resolution.missing))
        ):
            found, resolution = _verdicts(module, syntax.full(), offsets)
    except RecursionError:
        # Expressions nested thousands deep (generated code): the lowerings recurse with the
        # tree, so such a file is left to the line readers rather than crash the run.
        return []
    return found


if TYPE_CHECKING:
    from authlint.construct import destination, ir
    from authlint.construct.evaluate import Evaluator, alternatives
    from authlint.construct.judge import Verdict, judge_header, secret_literals
    from authlint.construct.sites import HeaderSite
    from authlint.generated import public_name, stand_in
    from authlint.placeholder import is_placeholder, is_reference, looks_random

_evaluator_loaded = False


def _load_evaluator() -> None:
    """Import the evaluator and the judge, with the first tree judged: the package is imported
    for anchors.py's question (does the file call for a tree?), which most files answer no to.
    Once, into this module's names, as scan.py loads the checks."""
    global _evaluator_loaded, destination, ir, Evaluator, alternatives  # noqa: PLW0603
    global judge_header, Verdict, secret_literals, HeaderSite, public_name  # noqa: PLW0603
    global stand_in, is_placeholder, is_reference, looks_random  # noqa: PLW0603
    from authlint.construct import destination, ir
    from authlint.construct.evaluate import Evaluator, alternatives
    from authlint.construct.judge import Verdict, judge_header, secret_literals
    from authlint.construct.sites import HeaderSite
    from authlint.generated import public_name, stand_in
    from authlint.placeholder import is_placeholder, is_reference, looks_random

    _evaluator_loaded = True


def _elsewhere(syntax: Syntax, names: set[str]) -> bool:
    """Is one of ``names`` written outside the parsed regions?"""
    if not names:
        return False
    assert syntax.regions is not None
    words = {name.rsplit(".", 1)[-1] for name in names}
    text = syntax.text
    outside = [(0, syntax.regions[0][0])] if syntax.regions else [(0, len(text))]
    outside += [(a[1], b[0]) for a, b in zip(syntax.regions, syntax.regions[1:], strict=False)]
    outside.append((syntax.regions[-1][1] if syntax.regions else len(text), len(text)))
    for word in words:
        for start, end in outside:
            at = text.find(word, start, end)
            while at != -1:
                before = text[at - 1 : at]
                after = text[at + len(word) : at + len(word) + 1]
                if not _is_name_char(before) and not _is_name_char(after):
                    return True
                at = text.find(word, at + 1, end)
    return False


def _is_name_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "_$")


def _verdicts(
    module: LoweringModule, syntax: Syntax, offsets: Sequence[int]
) -> tuple[list[Verdict], Resolution]:
    sites, resolution = module.lower_file(syntax, offsets)
    return list(_judge(module, sites, resolution)), resolution


def _judge(module: LoweringModule, sites: Sites, resolution: Resolution) -> Iterator[Verdict]:
    language = module.LANGUAGE
    seen_secrets: set[int] = set()
    seen_verdicts: set[tuple[Code, int, int]] = set()
    # Fallbacks first: a secret-named variable's default is named after the variable.
    for fallback in sites.fallbacks:
        if not any(word in fallback.var.upper() for word in _SECRET_VARS) or public_name(
            fallback.var
        ):
            continue  # `API_KEY_RATE_LIMIT`'s `60/minute`: the name says what it holds
        evaluator = Evaluator(language, resolution)
        value = evaluator.value(fallback.default, indirect=True)
        for piece, _ in secret_literals(value):
            yield from _secret(
                piece,
                Code.KEY_SECRET,
                f"is the fallback for the environment variable `{fallback.var}`",
                seen_secrets,
            )
    syntax = resolution.syntax
    for site, evaluator, value in (
        (header, run, found)
        for header in _through_parameters(sites.headers, resolution)
        # A value only by its look, handed to a log, print, error or response call: a message
        # (`logger.error(f"Authorization: Basic {user} rejected")`), not a header.
        if not (header.shaped and syntax.message_at(header.span[0]))
        for run, found in alternatives(language, resolution, header.value)
    ):
        # Each alternative (a branch, a function's return) is judged; a finding shared by
        # several of them is one.
        for verdict in judge_header(site, value):
            key = (verdict.code, verdict.start, verdict.end)
            if key not in seen_verdicts:
                seen_verdicts.add(key)
                hosts = _hosts(language, resolution, site.entry)
                yield verdict.replace(hosts=hosts) if hosts else verdict
        scheme = next((p.text for p in value.pieces if p.text is not None), "") or ""
        scheme = scheme.lstrip().lower()
        if not scheme.startswith(("basic", "bearer")):
            continue  # other schemes carry signatures and parameters, not a literal secret
        for candidate, inside in ((value, False), *evaluator.fallbacks):
            # A token written as several literals side by side (`"eyJ..." + "." + "eyJ..."`)
            # is one secret: reported once, at its first literal.
            position = {id(p): i for i, p in enumerate(candidate.pieces)}
            last, run_found = -2, False
            for piece, encoded in secret_literals(candidate, encoded=inside):
                index = position.get(id(piece), -2)
                run_found = run_found and index >= 0 and index == last + 1
                last = index
                if run_found:
                    continue
                code = Code.KEY_SECRET
                if not encoded and scheme.startswith("bearer"):
                    code = Code.BEARER_TOKEN
                elif not encoded and scheme.startswith("basic"):
                    code = Code.BASIC_CREDENTIALS
                found = list(_secret(piece, code, f"reaches the {site.context}", seen_secrets))
                yield from found
                literal = piece.literal
                run_found = bool(found) or (literal is not None and literal.span[0] in seen_secrets)
    for pair, evaluator, secret in (
        (site, run, found)
        for site in sites.pairs
        for run, found in alternatives(language, resolution, site.secret)
    ):
        for candidate, _ in ((secret, False), *evaluator.fallbacks):
            for piece, _ in secret_literals(candidate):
                yield from _secret(
                    piece, Code.CLIENT_CREDENTIALS, f"is given to `{pair.context}`", seen_secrets
                )


def _hosts(
    language: Language, resolution: Resolution, entry: tuple[Node, int] | None
) -> tuple[str, ...]:
    """The host of the request a header ``entry`` is sent with, when its URL is in the same
    call's arguments and starts with a known host."""
    shape = destination.SHAPES.get(language.name)
    if entry is None or shape is None:
        return ()
    from authlint.checks.hosts import hosts_in

    node, scope = entry
    source = resolution.syntax.source
    if node.type in shape.calls:  # a header call on a request object: `req.Header.Set(...)`
        urls = destination.receiver_url_nodes(node, shape, source)
    else:  # a mapping's entry
        urls = destination.url_nodes(node, shape, source)
    for url in urls:
        leading = []
        for piece in Evaluator(language, resolution).value(resolution.lower(url, scope)).pieces:
            if piece.text is None:
                break
            leading.append(piece.text)
        found = hosts_in("".join(leading), limit=1)
        if found:
            return found
    return ()


def _through_parameters(headers: list[HeaderSite], resolution: Resolution) -> list[HeaderSite]:
    """A header set to a parameter as it is (`headers={"Authorization": authorization}` in a
    request helper) is set to what each call of the helper passes: each argument is judged as
    a site of its own, at the call, where the fix goes (one caller's bare token is not the
    helper's fault, and changing the helper would break the callers that pass it whole)."""
    out: list[HeaderSite] = []
    for site in headers:
        target = resolution.resolve(site.value) if isinstance(site.value, ir.Name) else site.value
        arguments = resolution.arguments(target) if isinstance(target, ir.Param) else ()
        if not isinstance(target, ir.Param) or not arguments:
            out.append(site)
            continue
        context = f"{site.context} (through `{target.name}`)"
        out.extend(
            HeaderSite(argument, argument.span, context, read_by_lines=False)
            for argument in arguments
        )
    return out


def _secret(piece: Piece, code: Code, where: str, seen: set[int]) -> Iterator[Verdict]:
    literal = piece.literal
    if literal is None or piece.text is None:
        return
    text = piece.text.strip()
    if (
        len(text) < MIN_SECRET
        or any(blank in piece.text for blank in " \t\r\n")
        or not looks_random(text)
        or is_placeholder(text)
        or is_reference(text)
        or stand_in(text)
        or literal.span[0] in seen
    ):
        return
    seen.add(literal.span[0])
    start, end = literal.offsets[0], literal.offsets[-1]
    what = {
        Code.BEARER_TOKEN: "Bearer token",
        Code.BASIC_CREDENTIALS: "Basic token",
        Code.CLIENT_CREDENTIALS: "secret",
        Code.KEY_SECRET: "secret",
    }.get(code, "secret")
    yield Verdict(
        code,
        start,
        end,
        f"hard-coded {what} {where}; read it from the environment and roll it",
        text,
        secret=True,
    )

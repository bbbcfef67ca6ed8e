"""What reaches the wire: header values and credentials as the code builds them.

Layers (docs/construct.md): the syntax layer parses (authlint/syntax); a language's lowering
(authlint/construct/lang/<language>.py, named in authlint/kinds.py) turns its tree into the IR
(ir.py) and finds the sink sites (sites.py); the evaluator (evaluate.py) turns an IR expression
into an abstract value (value.py) with the language's encoder and transform tables
(models.py records); the judge (judge.py) checks the values.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from authlint import kinds
from authlint.codes import Code
from authlint.construct.evaluate import Evaluator
from authlint.construct.judge import Verdict, judge_header, secret_literals
from authlint.construct.lower import Resolution, Sites
from authlint.construct.models import Language
from authlint.construct.value import Piece
from authlint.placeholder import is_placeholder, is_reference, looks_random

if TYPE_CHECKING:
    from authlint.syntax import Syntax

__all__ = ["Verdict", "verdicts"]

# Shorter than this, a literal password is a test stub, not a secret worth a finding (the
# candidate checks use the same floor).
MIN_SECRET = 6
_SECRET_VARS = ("SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE")


class LoweringModule(Protocol):
    LANGUAGE: Language

    def lower_file(self, syntax: Syntax) -> tuple[Sites, Resolution]: ...


def lowering(kind: str) -> LoweringModule | None:
    spec = kinds.KINDS[kind].lowering if kind in kinds.KINDS else None
    if spec is None:
        return None
    module: LoweringModule = importlib.import_module(spec)
    return module


def verdicts(syntax: Syntax) -> Iterator[Verdict]:
    """Every construction finding in one parsed file."""
    module = lowering(syntax.kind)
    if module is None:
        return
    sites, resolution = module.lower_file(syntax)
    language = module.LANGUAGE
    seen_secrets: set[int] = set()
    # Fallbacks first: a secret-named variable's default is named after the variable.
    for fallback in sites.fallbacks:
        if not any(word in fallback.var.upper() for word in _SECRET_VARS):
            continue
        evaluator = Evaluator(language, resolution)
        value = evaluator.value(fallback.default, indirect=True)
        for piece, _ in secret_literals(value):
            yield from _secret(
                piece,
                Code.KEY_SECRET,
                f"is the fallback for the environment variable `{fallback.var}`",
                seen_secrets,
            )
    for site in sites.headers:
        evaluator = Evaluator(language, resolution)
        value = evaluator.value(site.value)
        yield from judge_header(site, value)
        scheme = next((p.text for p in value.pieces if p.text is not None), "") or ""
        scheme = scheme.lstrip().lower()
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
    for pair in sites.pairs:
        evaluator = Evaluator(language, resolution)
        secret = evaluator.value(pair.secret)
        for candidate, _ in ((secret, False), *evaluator.fallbacks):
            for piece, _ in secret_literals(candidate):
                yield from _secret(
                    piece, Code.CLIENT_CREDENTIALS, f"is given to `{pair.context}`", seen_secrets
                )


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

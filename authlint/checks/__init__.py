"""The checks, registered in one ordered table, and the per-file context they share.

A check is a plain function ``(FileContext) -> Iterator[Hit]`` that declares the codes it can emit,
so a run whose selection excludes all of them never calls it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from authlint.codes import Code
from authlint.config import Settings
from authlint.extract import DOC_KINDS, Candidate, extractor

if TYPE_CHECKING:
    from authlint.syntax import Syntax


@dataclass(frozen=True, slots=True)
class Hit:
    """A finding before it is located in lines: offsets into the file text.

    ``secret`` is what the fingerprint hashes (the matched secret, or the malformed header value);
    it never leaves the scanner: Finding keeps only its hash.
    """

    start: int
    end: int
    code: Code
    message: str
    snippet: str  # redacted
    secret: str
    fix: str | None = None
    # Found by evaluating a construction (authlint/construct): yields to a line-reader finding
    # of the same problem at the same place (see fold_constructions).
    construct: bool = False


@dataclass(slots=True)
class FileContext:
    path: str
    text: str
    kind: str
    settings: Settings
    # (offset in text, index into prefilter.WORDS), sorted: where the exact patterns should look.
    anchors: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _candidates: list[Candidate] | None = field(default=None, repr=False)
    # Python only, on demand: offsets of every triple quote (is a value in a docstring?).
    triple_quotes: list[int] | None = field(default=None, repr=False)
    # Set when the extractor failed: the file was only partly checked, and the run says so.
    extractor_error: str | None = None
    # The tree-sitter parse, on demand (kinds with a grammar only); False until asked.
    _syntax: Syntax | bool | None = field(default=False, repr=False)

    @property
    def is_docs(self) -> bool:
        return self.kind in DOC_KINDS

    @property
    def syntax(self) -> Syntax | None:
        """The file's syntax tree, parsed on first use; None for kinds without a grammar."""
        if self._syntax is False:
            from authlint.construct.anchors import tree_offsets
            from authlint.syntax import parse

            try:
                # Only the statements around the words that call for a tree and around the
                # values the line extractor found, at first.
                near = tree_offsets(self.anchors, self.text)
                near += [candidate.value.start for candidate in self.candidates]
                self._syntax = parse(self.kind, self.text, near=near)
            except Exception:  # a grammar bug must cost the tree, not the file
                self._syntax = None
        assert self._syntax is not True
        return self._syntax

    @property
    def candidates(self) -> list[Candidate]:
        """The extractor's candidates, computed once per file and only if a check asks."""
        if self._candidates is None:
            try:
                self._candidates = list(extractor(self.kind)(self.text))
            except Exception as exc:  # a bug must cost one file's context checks, not the run
                self._candidates = []
                self.extractor_error = f"{self.kind} extractor failed ({type(exc).__name__})"
        return self._candidates


Check = Callable[[FileContext], Iterator[Hit]]


@dataclass(frozen=True, slots=True)
class RegisteredCheck:
    function: Check
    codes: frozenset[Code]


def _registry() -> tuple[RegisteredCheck, ...]:
    from authlint.checks import construct, headers, secrets

    return (
        RegisteredCheck(headers.check_headers, headers.CODES),
        RegisteredCheck(secrets.check_text_secrets, secrets.TEXT_CODES),
        RegisteredCheck(secrets.check_candidate_secrets, secrets.CANDIDATE_CODES),
        RegisteredCheck(construct.check_constructions, construct.CODES),
    )


_CHECKS: tuple[RegisteredCheck, ...] | None = None


def checks_for(enabled: frozenset[Code]) -> tuple[Check, ...]:
    """The registered checks, in order, that can emit at least one enabled code."""
    global _CHECKS  # noqa: PLW0603 - built once, lazily: importing checks costs start-up time
    if _CHECKS is None:
        _CHECKS = _registry()
    return tuple(check.function for check in _CHECKS if check.codes & enabled)


# A construction finding that names the real problem replaces what the line reader saw of it:
# `"Basic {token}"` with no f prefix is an unexpanded field, not a docs placeholder.
SUPERSEDES: dict[Code, frozenset[Code]] = {
    Code.UNEXPANDED_VARIABLE: frozenset({Code.PLACEHOLDER}),
}


def fold_constructions(hits: list[Hit]) -> list[Hit]:
    """One finding per problem: a construction hit yields to another hit that covers the same
    text with the same code (a header problem) or with any secret code (the same literal)."""
    if not any(h.construct for h in hits):
        return hits
    from authlint.codes import RULE_BY_CODE

    constructs = [h for h in hits if h.construct]
    kept = [
        h
        for h in hits
        if not h.construct
        and not any(
            h.code in SUPERSEDES.get(c.code, ())
            and c.start < max(h.end, h.start + 1)
            and h.start < max(c.end, c.start + 1)
            for c in constructs
        )
    ]
    for hit in constructs:
        secret = RULE_BY_CODE[hit.code].kind == "secret"
        clash = any(
            o.start < max(hit.end, hit.start + 1)
            and hit.start < max(o.end, o.start + 1)
            and (o.code is hit.code or (secret and RULE_BY_CODE[o.code].kind == "secret"))
            for o in kept
        )
        if not clash:
            kept.append(hit)
    return kept

"""The checks, registered in one ordered table, and the per-file context they share.

A check is a plain function ``(FileContext) -> Iterator[Hit]`` that declares the codes it can emit,
so a run whose selection excludes all of them never calls it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from authlint.codes import Code
from authlint.config import Settings
from authlint.extract import DOC_KINDS, Candidate, extract
from authlint.kinds import KINDS, has_grammar
from authlint.prefilter import TREE_WORDS
from authlint.providers import Provider, RuleChoice
from authlint.record import Record

if TYPE_CHECKING:
    from authlint.syntax import Syntax


class Hit(Record):
    """A finding before it is located in lines: offsets into the file text.

    ``secret`` is what the fingerprint hashes (the matched secret, or the malformed header value);
    it never leaves the scanner: Finding keeps only its hash.
    """

    __slots__ = (
        "code",
        "construct",
        "end",
        "fix",
        "message",
        "rules",
        "secret",
        "snippet",
        "start",
    )
    _fields = ("start", "end", "code", "message", "snippet", "secret", "fix", "rules", "construct")

    def __init__(  # noqa: PLR0917 - the checks build them positionally
        self,
        start: int,
        end: int,
        code: Code,
        message: str,
        snippet: str,  # redacted
        secret: str,
        fix: str | None = None,
        rules: RuleChoice | None = None,
        construct: bool = False,
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.code: Final = code
        self.message: Final = message
        self.snippet: Final = snippet
        self.secret: Final = secret
        self.fix: Final = fix
        # AL1xx: the rules the header was judged by and the evidence that chose them.
        self.rules: Final = rules
        # Found by evaluating a construction (authlint/construct): yields to a line-reader
        # finding of the same problem at the same place (see fold_constructions).
        self.construct: Final = construct


class FileContext:
    """What the checks of one file share; the properties work things out on first use."""

    __slots__ = (
        "_candidates",
        "_docs",
        "_embedded",
        "_engine",
        "_example",
        "_slots",
        "_syntax",
        "_test",
        "_tree_offsets",
        "_view",
        "anchors",
        "extractor_error",
        "file_rules",
        "kind",
        "path",
        "read_clock",
        "settings",
        "text",
        "triple_quotes",
    )

    def __init__(
        self,
        path: str,
        text: str,
        kind: str,
        settings: Settings,
        anchors: list[tuple[int, int]] | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.kind = kind
        self.settings = settings
        # (offset in text, index into prefilter.WORDS), sorted: where the exact patterns should
        # look.
        self.anchors: list[tuple[int, int]] = [] if anchors is None else anchors
        self._candidates: list[Candidate] | None = None
        # Python only, on demand: offsets of every triple quote (is a value in a docstring?).
        self.triple_quotes: list[int] | None = None
        # On demand: the rules the file as a whole points to (checks/target.py).
        self.file_rules: RuleChoice | None = None
        self._docs: bool | None = None
        self._test: bool | None = None
        self._example: bool | None = None
        self._engine: str | bool | None = False
        # Set when the extractor failed: the file was only partly checked, and the run says so.
        self.extractor_error: str | None = None
        # Set when a verdict read the clock (a JWT's `exp`, through ``now``): the file's result
        # changes with time alone, so the result cache does not keep it.
        self.read_clock = False
        # The tree-sitter parse, on demand (kinds with a grammar only); False until asked.
        self._syntax: Syntax | bool | None = False
        self._tree_offsets: list[int] | None = None
        # On demand: the kind of code embedded in the file and its regions
        # (kinds.embedded_regions).
        self._embedded: tuple[str, list[tuple[int, int]]] | bool | None = False
        # A view of a file with code blocks (``fenced``): its embedded code is one language's.
        self._view = False
        # On demand, per provider: the literals written in its documented client-side slots.
        self._slots: dict[str, frozenset[tuple[int, int]]] = {}

    def in_client_slot(self, provider: Provider, start: int, end: int) -> bool:
        """Is ``text[start:end]`` the whole of a literal written where ``provider``'s docs put
        its key id in client-side code (providers.ClientSlot; read by extract/slots.py)?"""
        if not provider.client_slots:
            return False
        slots = self._slots.get(provider.name)
        if slots is None:
            from authlint.extract.slots import client_slots

            slots = self._slots[provider.name] = client_slots(self.text, provider.client_slots)
        return (start, end) in slots

    @property
    def is_docs(self) -> bool:
        """Documentation: Markdown and prose, and the formats whose files are examples to copy
        (REST-client request files, OpenAPI documents, Postman collections)."""
        if self._docs is None:
            self._docs = self.kind in DOC_KINDS or self.kind == "http"
            if not self._docs and self.kind in _SETTINGS_KINDS:
                # A template of settings to copy (`.env.example`, `config.sample.toml`) shows
                # what to fill in: its placeholders are its purpose.
                base = self.path.replace("\\", "/").rsplit("/", 1)[-1].lower()
                self._docs = not _TEMPLATE_PARTS.isdisjoint(base.split("."))
            if not self._docs and self.kind in ("json", "yaml"):
                self._docs = re.compile(_API_DOCUMENT).search(self.text, 0, 4096) is not None
        return self._docs

    @property
    def is_github_workflow(self) -> bool:
        """A GitHub Actions workflow or action (`.github/workflows/`, `action.yml`) with steps:
        its expressions are `${{ ... }}`, and a bare `{{ ... }}` is nobody's notation."""
        if self.kind != "yaml":
            return False
        posix = self.path.replace("\\", "/")
        if "/.github/workflows/" not in f"/{posix}" and posix.rsplit("/", 1)[-1] not in (
            "action.yml",
            "action.yaml",
        ):
            return False
        from authlint.syntax.embedded import is_workflow

        return is_workflow(self.text)

    @property
    def template_engine(self) -> str | None:
        """The engine that renders this file before use ("helm": a chart's templates/)."""
        if self._engine is False:
            from authlint.kinds import template_engine

            self._engine = template_engine(self.path)
        return self._engine if isinstance(self._engine, str) else None

    @property
    def is_test(self) -> bool:
        """A test or fixture file, by its name or its two nearest directories, or anywhere in
        the repository's own test tree: made-up credentials there are test data. (Only the
        nearest directories below the root: a repository checked out under someone's `tests/`
        is a repository of its own, whose paths start at its root.)"""
        if self._test is None:
            tail = "/".join(self.path.replace("\\", "/").rsplit("/", 3)[-3:])
            self._test = re.compile(_TEST_PATH).search(tail) is not None  # re caches it
            if not self._test and self.kind in _SETTINGS_KINDS:
                # Settings of the test environment (`.env.test`, `.env.testing`,
                # `application-test.yml`): the test run's own throwaway values.
                base = tail.rsplit("/", 1)[-1].lower()
                self._test = not _TEST_ENV_PARTS.isdisjoint(re.split(r"[.\-]", base))
            if not self._test:
                # A build tool's test source set, or the test tree at the root of the repository
                # (`test/unit/adapters/http.js`), holds only tests, however deep.
                self._test = re.compile(_TEST_SOURCE_SET).search(self._in_repository) is not None
        return self._test

    @property
    def is_catalog(self) -> bool:
        """A translation catalog (`locales/fr.json`, `config/locales/de.yml`, `i18n/ja.json`):
        its keys name UI strings (`"authorization": "Autorisation"`, `"password": "Parola"`)
        and its values are their translations, never a header value or a credential setting."""
        return (
            self.kind in _CATALOG_KINDS
            and re.compile(_CATALOG_PATH).search(self._in_repository) is not None
        )

    @property
    def is_example(self) -> bool:
        """Example code: a samples/examples/demo directory of the repository, there for readers
        to copy (its credentials are examples, like documentation's)."""
        if self._example is None:
            self._example = re.compile(_EXAMPLE_PATH).search(self._in_repository) is not None
        return self._example

    @property
    def _in_repository(self) -> str:
        """The path from the root of the repository holding the file (as given, outside one)."""
        from authlint.finding import stable_path

        return stable_path(self.path)

    @property
    def embedded(self) -> tuple[str, list[tuple[int, int]]] | None:
        """The kind of code embedded in this file and its regions (a workflow's `run:`
        scripts are shell), or None."""
        if self._embedded is False:
            from authlint.kinds import embedded_regions

            self._embedded = embedded_regions(self.kind, self.text)
        assert self._embedded is not True
        return self._embedded

    @property
    def embeds(self) -> bool:
        """Is the code this context's tree reads embedded in the file (a workflow's scripts,
        a view's code blocks), rather than the file itself?"""
        return self._view or KINDS[self.kind].embeds is not None

    def fenced(self) -> list[FileContext]:
        """One view of this file per language of its code blocks (kinds.Kind.fences): each
        reads the blocks of its language as its embedded code, with a tree of its own."""
        from authlint.kinds import fenced_regions
        from authlint.prefilter import ENCODER_WORDS
        from authlint.syntax.embedded import block_at

        encoding = [offset for offset, word in self.anchors if word in ENCODER_WORDS]
        if not encoding:
            return []  # literal headers only: the line readers have read them
        views = []
        for kind, regions in fenced_regions(self.kind, self.text).items():
            # Only blocks that encode something are parsed: a page of API docs has dozens of
            # blocks per language, nearly all of them requests with literal headers.
            blocks = {block for o in encoding if (block := block_at(regions, o)) is not None}
            if not blocks:
                continue
            view = FileContext(self.path, self.text, self.kind, self.settings, self.anchors)
            view._view = True
            view._embedded = (kind, sorted(blocks))
            if not view.tree_offsets:
                continue  # nothing in them calls for a tree
            view._candidates = self.candidates
            views.append(view)
        return views

    @property
    def code_kind(self) -> str:
        """The kind whose grammar and lowering read this file: its own, or the kind of the
        code embedded in it."""
        embedded = self.embedded if self.embeds else None
        return embedded[0] if embedded is not None else self.kind

    def now(self) -> float:
        """The time, for a verdict that depends on it (marks the file's result as timely)."""
        import time

        self.read_clock = True
        return time.time()

    @property
    def syntax(self) -> Syntax | None:
        """The file's syntax tree, parsed on first use; None for kinds without a grammar. For
        a kind that embeds code (kinds.Kind.embeds), the tree of that code's regions."""
        if self._syntax is False and self.embeds:
            embedded = self.embedded
            self._syntax = None
            if embedded is not None:
                from authlint.syntax import parse_embedded

                try:
                    self._syntax = parse_embedded(embedded[0], self.text, embedded[1])
                except Exception as exc:  # a grammar bug must cost the tree, not the file
                    self._syntax = None
                    self.extractor_error = f"{embedded[0]} parser failed ({type(exc).__name__})"
        if self._syntax is False and not has_grammar(self.kind):
            self._syntax = None  # Markdown, YAML...: nothing to work out
        if self._syntax is False:
            from authlint.syntax import parse

            try:
                # Only the statements around the words that call for a tree and around the
                # values the line extractor found, at first.
                near = [*self.tree_offsets, *(c.value.start for c in self.candidates)]
                self._syntax = parse(self.kind, self.text, near=near)
            except Exception as exc:  # a grammar bug must cost the tree, not the file
                self._syntax = None
                # ... and the run says the file was only partly checked (never cached as clean).
                self.extractor_error = f"{self.kind} parser failed ({type(exc).__name__})"
        assert self._syntax is not True
        return self._syntax

    @property
    def tree_offsets(self) -> list[int]:
        """The offsets of the anchors that call for a syntax tree (construct/anchors.py)."""
        if self._tree_offsets is None:
            if TREE_WORDS.isdisjoint([word for _, word in self.anchors]):
                self._tree_offsets = []  # no word here can: the construction package stays out
                return self._tree_offsets
            from authlint.construct.anchors import tree_offsets

            anchors = self.anchors
            if self.embeds:
                # Only the words inside the embedded code call for its tree.
                embedded = self.embedded
                regions = embedded[1] if embedded is not None else []
                from authlint.syntax.embedded import inside

                anchors = [a for a in anchors if inside(regions, a[0])]
            self._tree_offsets = tree_offsets(anchors, self.text, self.code_kind)
        return self._tree_offsets

    @property
    def tree_wanted(self) -> bool:
        """Is the tree parsed already, or will the construction analysis parse it? Then the
        other checks may ask it anything; otherwise they make do with what the line
        extractors know rather than parse a file for one question."""
        if self._syntax is not False:
            return self._syntax is not None
        kind = KINDS.get(self.kind)
        if kind is not None and self.embeds:
            if not self.tree_offsets:
                return False
            kind = KINDS.get(self.code_kind)
        return kind is not None and kind.lowering is not None and bool(self.tree_offsets)

    @property
    def candidates(self) -> list[Candidate]:
        """The extractor's candidates, computed once per file and only if a check asks."""
        if self._candidates is None and self.is_catalog:
            self._candidates = []  # UI text: no header value or credential setting in it
        if self._candidates is None:
            try:
                self._candidates = list(extract(self.kind, self.text, self.anchors))
            except Exception as exc:  # a bug must cost one file's context checks, not the run
                self._candidates = []
                self.extractor_error = f"{self.kind} extractor failed ({type(exc).__name__})"
        return self._candidates


# An OpenAPI/Swagger document or a Postman collection announces itself near its start. (Patterns
# are compiled on first use, through re's cache: start-up pays only for what a run needs.)
_SETTINGS_KINDS = frozenset({"dotenv", "yaml", "json", "toml", "ini"})
_TEMPLATE_PARTS = frozenset({"example", "sample", "template", "tmpl", "dist"})
_TEST_ENV_PARTS = frozenset({"test", "testing"})
_CATALOG_KINDS = frozenset({"json", "yaml", "toml", "ini"})
_CATALOG_PATH = r"(?i)(?:^|/)(?:locales?|i18n|l10n|translations?|lang)/"
_API_DOCUMENT = (
    r"(?m)^[ \t]{0,4}[\"']?(?:openapi|swagger)[\"']?[ \t]*:|\"_postman_id\"|"
    r"schema\.getpostman\.com"
)
# Maven/Gradle source sets of tests (`src/test/java/...`, Android's `src/androidTest/`).
_TEST_SOURCE_SET = (
    r"(?:^|/)src/(?:test|androidTest|testFixtures|integrationTest|intTest)/"
    r"|^(?:tests?|spec|specs|__tests__)/"
)
# Directories of example code for readers to copy, and Storybook's stories (a component shown
# with made-up props: `Button.stories.tsx`).
_EXAMPLE_PATH = (
    r"(?i)(?:^|/)(?:examples?|samples?|demos?|tutorials?|quickstarts?)/"
    r"|\.stories\.[a-z]+$"
)
# Test and fixture files, by the conventions of the common test runners (pytest, go test,
# JUnit, Jest/Mocha, RSpec, PHPUnit) and the directories that hold their data.
_TEST_PATH = (
    r"(?i)(?:^|/)(?:tests?|testing|spec|specs|__tests__|testdata|test_data|fixtures?"
    r"|__fixtures__|mocks?|__mocks__|e2e|__e2e__)/"
    r"|(?:^|/)(?:test_[^/]*|[^/]*_test\.[a-z]+|conftest\.py|[^/]*\.(?:test|spec)\.[a-z]+"
    r"|[^/]*_spec\.rb|[^/]*Tests?\.(?:java|kt|cs|php|swift|scala))$"
)

Check = Callable[[FileContext], Iterator[Hit]]


class RegisteredCheck(Record):
    __slots__ = ("codes", "function")
    _fields = ("function", "codes")

    def __init__(self, function: Check, codes: frozenset[Code]) -> None:
        self.function: Final = function
        self.codes: Final = codes


def _registry() -> tuple[RegisteredCheck, ...]:
    from authlint.checks import construct, headers, secrets

    return (
        RegisteredCheck(headers.check_headers, headers.CODES),
        RegisteredCheck(secrets.check_text_secrets, secrets.TEXT_CODES),
        RegisteredCheck(secrets.check_candidate_secrets, secrets.CANDIDATE_CODES),
        RegisteredCheck(construct.check_constructions, construct.CODES),
    )


_CHECKS: tuple[RegisteredCheck, ...] | None = None


@lru_cache(maxsize=64)
def checks_for(enabled: frozenset[Code]) -> tuple[Check, ...]:
    """The registered checks, in order, that can emit at least one enabled code (asked once
    per file, by the file's set of enabled codes: a run has one or a few)."""
    global _CHECKS  # noqa: PLW0603 - built once, lazily: importing checks costs start-up time
    if _CHECKS is None:
        _CHECKS = _registry()
    return tuple(check.function for check in _CHECKS if check.codes & enabled)


def consolidate(text: str, hits: list[Hit]) -> list[Hit]:
    """One finding per problem: key ids and secrets inside a composite credential fold into it
    (AL204-AL207), and a line gets at most one finding per code and value (two readers of the
    same line, or a value repeated on it, are still one problem)."""
    from authlint.checks.secrets import fold_key_hits

    seen: set[tuple[int, Code, str]] = set()
    out: list[Hit] = []
    for hit in fold_key_hits(hits):
        line = text.rfind("\n", 0, hit.start)
        key = (line, hit.code, hit.secret)
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out


# A construction finding that names the real problem replaces what the line reader saw of it:
# `"Basic {token}"` with no f prefix is an unexpanded field, not a docs placeholder.
SUPERSEDES: dict[Code, frozenset[Code]] = {
    Code.UNEXPANDED_VARIABLE: frozenset({Code.PLACEHOLDER}),
}


# Construction findings about a literal's own text (`"Basic hunter2"` reaching a sink: AL124 at
# its credentials): the line readers judge that literal too, and what they find there (AL104,
# AL106...) is the same problem.
_TEXT_VERDICTS: frozenset[Code] = frozenset({Code.NOT_BASE64})


def fold_constructions(hits: list[Hit]) -> list[Hit]:
    """One finding per problem: a construction hit yields to another hit that covers the same
    text with the same code (a header problem), with any secret code (the same literal), or,
    for a verdict on a literal's own text, with any header code."""
    if not any(h.construct for h in hits):
        return hits
    from bisect import bisect_left

    from authlint.codes import RULE_BY_CODE

    constructs = sorted((h for h in hits if h.construct), key=lambda h: h.start)
    starts = [h.start for h in constructs]

    def near(hit: Hit, pool: list[Hit], keys: list[int]) -> list[Hit]:
        # Hits that can overlap ``hit``: those starting at most a long value before it.
        lo = bisect_left(keys, hit.start - _LONGEST)
        hi = bisect_left(keys, max(hit.end, hit.start + 1))
        return [o for o in pool[lo:hi] if hit.start < max(o.end, o.start + 1)]

    kept = [
        h
        for h in hits
        if not h.construct
        and not any(h.code in SUPERSEDES.get(c.code, ()) for c in near(h, constructs, starts))
    ]
    others = sorted(kept, key=lambda h: h.start)
    other_starts = [h.start for h in others]
    for hit in constructs:
        kind = RULE_BY_CODE[hit.code].kind
        secret = kind == "secret"
        text = hit.code in _TEXT_VERDICTS
        clash = any(
            o.code is hit.code
            or (secret and RULE_BY_CODE[o.code].kind == "secret")
            or (text and RULE_BY_CODE[o.code].kind == kind)
            for o in near(hit, others, other_starts)
        )
        if not clash:
            kept.append(hit)
    return kept


# The longest span a hit can have and still overlap another that starts later (a header value).
_LONGEST = 8192

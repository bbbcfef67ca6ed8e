"""Constructions: header values and credentials as the code builds them (authlint/construct).

Runs only for kinds with a grammar and a lowering (authlint/kinds.py), and only when the file's
prefilter anchors hold a word a construction finding needs: the tree is parsed then, not before.
"""

from __future__ import annotations

from collections.abc import Iterator

from authlint import kinds
from authlint.checks import FileContext, Hit
from authlint.checks.hosts import any_public
from authlint.codes import RULES, Code
from authlint.redact import redact_secret

CODES = frozenset(rule.code for rule in RULES if rule.kind == "malformed-header") | frozenset(
    {Code.KEY_SECRET, Code.BASIC_CREDENTIALS, Code.CLIENT_CREDENTIALS, Code.BEARER_TOKEN}
)
# In a test, a header value known whole from literals is test data, as a literal value there is
# (checks/headers.py): what it says (a word where the token belongs, a pair encoded without its
# colon, a lower-case scheme) is what the test feeds the code under test. How the code builds it
# is still the code's own mistake, and notation nothing fills in is still a bug.
_BUILT_WRONG = frozenset(
    {
        Code.BYTES_REPR,
        Code.ENCODER_NEWLINE,
        Code.ENCODER_LINE_WRAP,
        Code.URL_SAFE_ALPHABET,
        Code.DOUBLE_SCHEME,
        Code.MISSING_SCHEME,
        Code.UNEXPANDED_VARIABLE,
    }
)


# What a value's own literals say (the scheme's spelling, blanks, quotes, a stand-in word, a
# scheme with nothing after it): in a test, the author wrote it so whatever the code appends
# (`"bearer $n"` checks that the server takes any case), as a literal value there is data.
_SAID_BY_LITERALS = frozenset(
    {
        Code.SCHEME_CASE,
        Code.QUOTED_CREDENTIALS,
        Code.PLACEHOLDER,
        Code.WHITESPACE,
        Code.MISSING_CREDENTIALS,
        Code.UNSUPPORTED_SCHEME,
    }
)


def check_constructions(ctx: FileContext) -> Iterator[Hit]:
    found = kinds.KINDS.get(ctx.kind)
    if found is not None and found.fences is not None and not ctx.embeds:
        yield from _in_code_blocks(ctx)
        return
    yield from _constructions(ctx)


def _in_code_blocks(ctx: FileContext) -> Iterator[Hit]:
    """A document's code blocks, language by language; a block the document presents as a
    mistake ("Invalid:", under "Common mistakes") is its own counter-example."""
    from authlint.extract.markdown import fence_of
    from authlint.extract.outline import Outline
    from authlint.syntax.embedded import block_at

    outline = None
    for view in ctx.fenced():
        regions = view.embedded[1] if view.embedded is not None else []
        for hit in _constructions(view):
            if outline is None:
                outline = Outline(ctx.text)
            block = block_at(regions, hit.start)
            fence = fence_of(ctx.text, block[0]) if block is not None else None
            if not outline.shown_wrong(hit.start, fence):
                yield hit
        ctx.extractor_error = ctx.extractor_error or view.extractor_error
        ctx.read_clock = ctx.read_clock or view.read_clock


def _constructions(ctx: FileContext) -> Iterator[Hit]:
    kind = kinds.KINDS.get(ctx.kind)
    if kind is not None and ctx.embeds:
        kind = kinds.KINDS.get(ctx.code_kind)  # a workflow's `run:` scripts are shell
    if kind is None or kind.lowering is None:
        return
    offsets = ctx.tree_offsets
    if not offsets:
        return
    syntax = ctx.syntax
    if syntax is None:
        return
    from authlint import construct, header
    from authlint.checks.headers import RULE_DEPENDENT
    from authlint.checks.secrets import literal_secret
    from authlint.checks.target import file_choice, for_request

    for found in construct.verdicts(syntax, offsets):
        verdict = found
        if verdict.secret and not literal_secret(ctx, verdict.value, verdict.code):
            continue  # a published example, an expired JWT, test data in a test
        rules = None
        if (
            ctx.is_test
            and not verdict.secret
            and (
                (verdict.literal and verdict.code not in _BUILT_WRONG)
                or (verdict.code in _SAID_BY_LITERALS and not any_public(verdict.hosts))
            )
        ):
            continue  # test data, as a literal value in a test is (checks/headers.py)
        if verdict.code in RULE_DEPENDENT or verdict.needs_provider:
            # The judge reads Basic and Bearer strictly; the file's evidence (its hosts, its
            # SDK) may say the API follows the RFCs, which accept what these codes report.
            rules = for_request(ctx, verdict.hosts) if verdict.hosts else file_choice(ctx)
            if rules.profile != "strict" or (
                verdict.needs_provider and (rules.provider is None or rules.mixed)
            ):
                continue  # an empty half is proven wrong only for a request to that API
            message = f"{verdict.message} ({rules.describe()})"
            verdict = verdict.replace(message=message)
        snippet = redact_secret(verdict.value) if verdict.secret else header.redact(verdict.value)
        fix = None
        if verdict.fix is not None:
            (start, end), replacement = verdict.fix
            if (start, end) == (verdict.start, verdict.end):
                fix = replacement
        yield Hit(
            verdict.start,
            max(verdict.end, verdict.start + 1),
            verdict.code,
            verdict.message,
            snippet,
            verdict.value,
            fix,
            rules,
            construct=True,
        )

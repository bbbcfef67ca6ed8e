"""Mechanical fixes of constructions for `--fix`: rename an encoder (`encodebytes` ->
`b64encode`). Only a callee's name is replaced: never credential material."""

from __future__ import annotations

from collections.abc import Iterator

from authlint import kinds
from authlint.codes import Code


def construction_edits(text: str, kind: str) -> Iterator[tuple[int, int, str, Code]]:
    """(start, end, replacement, code) of each construction finding with a mechanical fix."""
    found = kinds.KINDS.get(kind)
    regions: list[tuple[int, int]] | None = None
    if found is not None and found.embeds is not None:
        embedded = kinds.embedded_regions(kind, text)  # a workflow's `run:` scripts
        if embedded is None:
            return
        kind, regions = embedded
        found = kinds.KINDS.get(kind)
    if found is None or found.lowering is None:
        return
    from authlint.construct import anchor_offsets, verdicts
    from authlint.syntax import parse, parse_embedded

    offsets = anchor_offsets(text, kind)
    if regions is not None:
        from authlint.syntax.embedded import inside

        offsets = [o for o in offsets if inside(regions, o)]
        syntax = parse_embedded(kind, text, regions) if offsets else None
    else:
        syntax = parse(kind, text, near=offsets) if offsets else None
    if syntax is None:
        return
    seen: set[tuple[int, int]] = set()
    for verdict in verdicts(syntax, offsets):
        if verdict.fix is None:
            continue
        (start, end), replacement = verdict.fix
        if (start, end) not in seen and text[start:end] != replacement:
            seen.add((start, end))
            yield start, end, replacement, verdict.code

"""The syntax layer's own guarantees (authlint/syntax)."""

from __future__ import annotations


def test_query_captures_come_in_document_order_on_every_parse() -> None:
    """tree-sitter's capture order can differ between parses of one text; the first capture
    decides which of several findings' messages is kept, so the order is the document's."""
    from authlint.syntax import captures, parse

    source = (
        "TOKEN = 'x'\nauth(TOKEN)\nauth(token='Bearer y')\ndef auth(token):\n"
        "    return {'Authorization': f'Basic {token}'}\nauth('Basic x')\n"
    )
    for _ in range(30):
        syntax = parse("python", source)
        assert syntax is not None
        starts = [n.start_byte for n in captures("python", "(call) @call", syntax.root)["call"]]
        assert starts == sorted(starts)

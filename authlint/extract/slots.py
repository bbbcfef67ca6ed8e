"""A reader of the client-side slots a provider documents for its key id (providers.ClientSlot).

It answers one question for the key-id rules: which string literals of a file are written in
such a slot? The value of the `key` property of the options object handed to `new Razorpay(...)`
(directly, or through the variable the object literal is assigned to), the argument of
`co.setKeyID("...")`, the `android:value` of the `com.razorpay.ApiKey` `<meta-data>`. The
answer is the spans of those literals' contents.

One reader for every kind that can hold a slot (HTML and Vue pages, JavaScript and TypeScript,
Dart, Kotlin, Java, Swift, Objective-C, Android manifests): the slots are written alike in all
of them, and most of these kinds have no grammar here. The reader is structural, not a window:
a call's argument is followed to the object literal it names, and the object's properties are
read at its own depth, skipping nested objects, strings and comments. Every scan is bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from authlint.lazyre import lazy
from authlint.providers import ClientSlot

Span = tuple[int, int]

# A one-line string literal without escapes (key ids have none); Objective-C's `@"..."` too.
_LITERAL: Final = r"@?(?P<q>[\"'`])(?P<value>[^\"'`\\\n]{1,256})(?P=q)"
_META_DATA = lazy(r"<meta-data\b(?P<attrs>[^<>]{0,2000})>")
_ATTRIBUTE = lazy(r"(?P<attr>[\w:.-]+)[ \t\r\n]*=[ \t\r\n]*(?P<q>[\"'])(?P<value>[^\"'<>]*)(?P=q)")
# An argument that names the options: a variable, or a field of the component (`this.options`).
_ARGUMENT = lazy(r"(?:this\.)?(?P<name>[A-Za-z_$][\w$]{0,100})")
_GAP = lazy(r"[ \t\r\n]*")
# Bounds of the object scan: a checkout's options object is a screenful.
_MAX_OBJECT = 20_000
_STRING = lazy(r"([\"'`])(?:[^\"'`\\]|\\[\s\S]){0,8192}?\1")
_COMMENT = lazy(r"//[^\n]{0,10000}|/\*[\s\S]{0,10000}?\*/")


def client_slots(text: str, slots: Sequence[ClientSlot]) -> frozenset[Span]:
    """The spans of the string literals' contents that sit in one of ``slots``."""
    found: set[Span] = set()
    for slot in slots:
        if slot.name not in text:
            continue
        if slot.where == "manifest":
            found.update(_manifest(text, slot.name))
        elif slot.where == "call":
            found.update(_call_argument(text, slot.name))
        else:
            # Each object once, however many calls hand it over (a file is read in linear time).
            braces: set[int] = set()
            names: set[str] = set()
            for call in slot.calls:
                _option_objects(text, call, braces, names)
            for name in names:
                braces.update(_assigned_objects(text, name))
            scanned = -1
            for brace in sorted(braces):
                if brace < scanned:
                    continue  # inside an object read already: each character is read once
                spans, scanned = _properties(text, brace, slot.name)
                found.update(spans)
    return frozenset(found)


def _manifest(text: str, name: str) -> Iterator[Span]:
    for element in _META_DATA.finditer(text):
        values = {
            a.group("attr"): a.span("value")
            for a in _ATTRIBUTE.finditer(text, element.start("attrs"), element.end("attrs"))
        }
        named = values.get("android:name")
        value = values.get("android:value")
        if named is not None and value is not None and text[named[0] : named[1]] == name:
            yield value


def _call_argument(text: str, name: str) -> Iterator[Span]:
    # `co.setKeyID("...")`, Swift `RazorpayCheckout.initWithKey("...", andDelegate: self)`,
    # Objective-C `[RazorpayCheckout initWithKey:@"..." andDelegate:self]`.
    pattern = re.compile(
        rf"(?<![\w$]){re.escape(name)}[ \t]*(?:\([ \t\r\n]*|:[ \t]*){_LITERAL}"
        r"(?=[ \t\r\n]*[,)\]]|[ \t]+[A-Za-z])"
    )
    for found in pattern.finditer(text):
        yield found.span("value")


def _option_objects(text: str, call: str, braces: set[int], names: set[str]) -> None:
    """Add the `{` of each object literal handed to ``call`` to ``braces``, and the name of
    each variable handed to it to ``names``."""
    receiver, _, method = call.rpartition(".")
    if call.startswith("new "):
        # `new Razorpay(`, `new window.Razorpay(`, TypeScript's `new (window as any).Razorpay(`.
        callee = (
            r"(?<![\w$])new[ \t]+(?:\([^()\n]{0,60}\)[ \t]*\.)?(?:[\w$]+\.)*"
            rf"{re.escape(call[4:])}[ \t]*\("
        )
        pattern = re.compile(callee)
    else:
        pattern = re.compile(
            rf"(?<![\w$.])(?P<recv>[\w$]+)[ \t]*\.[ \t]*{re.escape(method)}[ \t]*\("
        )
    for found in pattern.finditer(text):
        if (
            receiver
            and not call.startswith("new ")
            and found.group("recv").lstrip("_").lower() != receiver.lower()
        ):
            continue
        at = _GAP.match(text, found.end())
        assert at is not None
        start = at.end()
        if text.startswith("{", start):
            braces.add(start)
            continue
        name = _ARGUMENT.match(text, start)
        if name is None:
            continue
        after = _GAP.match(text, name.end())
        assert after is not None
        if text[after.end() : after.end() + 1] in (")", ","):
            names.add(name.group("name"))


def _assigned_objects(text: str, name: str) -> Iterator[int]:
    """The `{` of each object literal assigned to the variable ``name`` in the file (`var
    options = {`, `const options: Options = {`, Dart `var options = <String, dynamic>{`, a
    component's field `options: any = {` or `this.options = {`). Every one: samples rebuild
    the options per button, and a README shows them in one fence and the call in another."""
    pattern = re.compile(
        rf"(?:(?<=this\.)|(?<![\w$.])){re.escape(name)}[ \t]*(?::[^=\n;{{}}]{{1,80}})?=(?![=>])"
        r"[ \t\r\n]*(?:<[^<>{}\n]{0,80}>[ \t]*)?\{"
    )
    for found in pattern.finditer(text):
        yield found.end() - 1


def _properties(text: str, brace: int, name: str) -> tuple[list[Span], int]:
    """The literal values of the properties ``name`` of the object whose `{` is at ``brace``
    (its own properties: not those of nested objects), and where the scan stopped."""
    prop = re.compile(
        rf"[ \t\r\n]*(?P<k>[\"']?){re.escape(name)}(?P=k)[ \t]*:[ \t\r\n]*{_LITERAL}"
        r"(?=[ \t\r\n]*[,}\n/])"
    )
    spans: list[Span] = []
    depth = 0
    i = brace
    end = min(len(text), brace + _MAX_OBJECT)
    while i < end:
        char = text[i]
        if char in "\"'`":
            string = _STRING.match(text, i)
            i = string.end() if string is not None else i + 1
            continue
        if char == "/" and text.startswith(("//", "/*"), i):
            comment = _COMMENT.match(text, i)
            i = comment.end() if comment is not None else i + 2
            continue
        if char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
            if depth == 0:
                return spans, i + 1
        if depth == 1 and char in "{,":
            found = prop.match(text, i + 1)
            if found is not None:
                spans.append(found.span("value"))
                i = found.end()
                continue
        i += 1
    return spans, i

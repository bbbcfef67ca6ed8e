"""The evaluator: an IR expression -> an abstract value (authlint/construct/value.py).

It follows literals, concatenation, interpolation and format calls, conversions of bytes to
text, names through their assignments (same function, then module; through the lowering's
Resolver), environment lookups and fallbacks, and the encoder and transform calls of the
language's tables, computing an encoder's exact output when its input is fully known.
It does not follow calls into functions (a call it has no model for is an unknown hole) nor
anything outside the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol, TypeVar

from authlint.codes import Code
from authlint.construct import ir
from authlint.construct.models import EncoderModel, Language, Transform
from authlint.construct.value import (
    AValue,
    Cause,
    Encoded,
    Hole,
    Piece,
    concat,
    derived,
    from_lit,
    hole,
)

_BREAK_CODES = frozenset({Code.ENCODER_NEWLINE, Code.ENCODER_LINE_WRAP})
# How deep names may chain (`a = b`, `b = c`...): bounded, and cycles stop there too.
MAX_DEPTH = 24
# How many evaluations one expression's alternatives may take (each Choice multiplies them),
# and how deep calls into same-file functions may nest (recursion stops there).
MAX_ALTERNATIVES = 8
MAX_CALLS = 4
# How many calls up a parameter is followed to the arguments its callers pass.
MAX_CALLERS = 2


class Resolver(Protocol):
    def resolve(self, name: ir.Name) -> ir.Expr | None:
        """What ``name`` holds where it is used: the expression last assigned to it in its
        function (or module) before the use, a Param, or None when not known."""

    def function(self, call: ir.Call) -> ir.Function | None:
        """The function defined in the same file that ``call`` reaches, or None."""

    def arguments(self, param: ir.Param) -> tuple[ir.Expr, ...]:
        """What the calls in the same file pass for ``param`` (one expression per call)."""


def alternatives(
    lang: Language, resolver: Resolver, expr: ir.Expr, *, indirect: bool = False
) -> Iterator[tuple[Evaluator, AValue]]:
    """``expr``'s value once per combination of the alternatives it meets (the branches of a
    conditional, a function's returns), each with its evaluator; at most MAX_ALTERNATIVES."""
    pending: list[dict[ir.Span, int]] = [{}]
    runs = 0
    while pending and runs < MAX_ALTERNATIVES:
        picks = pending.pop(0)
        evaluator = Evaluator(lang, resolver, picks)
        value = evaluator.value(expr, indirect=indirect)
        runs += 1
        yield evaluator, value
        # Each choice this run met that it did not pick: its other options, the choices met
        # before it fixed at the first (every combination once).
        fixed = dict(picks)
        for span, count in evaluator.met.items():
            if span in picks:
                continue
            pending.extend({**fixed, span: option} for option in range(1, count))
            fixed[span] = 0


class Evaluator:
    def __init__(
        self, lang: Language, resolver: Resolver, picks: dict[ir.Span, int] | None = None
    ) -> None:
        self.lang = lang
        self.resolver = resolver
        # Which option of each Choice (by span) this evaluation takes (default the first), and
        # the choices it met with their number of options (see ``alternatives``).
        self.picks = picks or {}
        self.met: dict[ir.Span, int] = {}
        # Parameters of the same-file functions being evaluated (by their declaration's span):
        # the argument, and the bindings where the call was.
        self._bindings: dict[ir.Span, tuple[ir.Expr, dict[ir.Span, Any]]] = {}
        self._calls = 0
        self._upward = 0
        # Defaults of fallbacks met while evaluating (`env || "lit"`), and whether they were met
        # inside an encoder's input: secrets are judged there too.
        self.fallbacks: list[tuple[AValue, bool]] = []
        self._encoding = 0

    def value(self, expr: ir.Expr, *, indirect: bool = False, depth: int = 0) -> AValue:
        if depth > MAX_DEPTH:
            return hole(expr.span)
        if isinstance(expr, ir.Lit):
            return from_lit(expr, indirect=indirect)
        if isinstance(expr, ir.Concat):
            return concat([self.value(p, indirect=indirect, depth=depth + 1) for p in expr.parts])
        if isinstance(expr, ir.Conversion):
            inner = self.value(expr.value, indirect=indirect, depth=depth + 1)
            return self._convert(inner, expr.how, expr.span, expr.construct, expr.quote)
        if isinstance(expr, ir.Call):
            return self._call(expr, indirect, depth)
        if isinstance(expr, ir.Name):
            target = self.resolver.resolve(expr)
            if target is None:
                return hole(expr.span, Hole("unknown", expr.name))
            if isinstance(target, ir.Param):
                return self._param(target, expr.span, indirect, depth)
            return _entering(self.value(target, indirect=True, depth=depth + 1), expr.span)
        if isinstance(expr, ir.Attr):
            return self._property(expr, indirect, depth)
        if isinstance(expr, ir.Env):
            return hole(expr.span, Hole("env", expr.var))
        if isinstance(expr, ir.Fallback):
            default = self.value(expr.default, indirect=True, depth=depth + 1)
            self.fallbacks.append((default, self._encoding > 0))
            return self.value(expr.primary, indirect=indirect, depth=depth + 1)
        if isinstance(expr, ir.Param):
            return self._param(expr, expr.span, indirect, depth)
        if isinstance(expr, ir.Choice):
            if not expr.options:
                return hole(expr.span)
            self.met.setdefault(expr.span, len(expr.options))
            pick = min(self.picks.get(expr.span, 0), len(expr.options) - 1)
            return self.value(expr.options[pick], indirect=indirect, depth=depth + 1)
        return hole(expr.span)

    def _property(self, attr: ir.Attr, indirect: bool, depth: int) -> AValue:
        """`AUTH.scheme`: the property of the object literal a name holds."""
        finder = getattr(self.resolver, "property", None)
        if finder is None or not isinstance(attr.obj, ir.Name):
            return hole(attr.span)
        target: ir.Expr | None = finder(attr.obj, attr.name, attr.span)
        if target is None:
            return hole(attr.span, Hole("unknown", f"{attr.obj.name}.{attr.name}"))
        return _entering(self.value(target, indirect=True, depth=depth + 1), attr.span)

    def _param(self, param: ir.Param, span: ir.Span, indirect: bool, depth: int) -> AValue:
        bound = self._bindings.get(param.span)
        if bound is None:
            return self._callers(param, span, indirect, depth)
        argument, at_call = bound
        inside, self._bindings = self._bindings, at_call
        try:
            found = self.value(argument, indirect=indirect, depth=depth + 1)
        finally:
            self._bindings = inside
        return _entering(found, span)

    def _callers(self, param: ir.Param, span: ir.Span, indirect: bool, depth: int) -> AValue:
        """A parameter no call being evaluated binds: what the calls of the file pass for it,
        each an alternative (`_request(..., auth=f"{self.SCHEME} {tok}")` for the header that
        `_request` sets from `auth`). Not inside a call followed forward (there the parameter
        was left to its default), and at most MAX_CALLERS calls up."""
        finder = getattr(self.resolver, "arguments", None)
        if finder is None or self._calls or self._upward >= MAX_CALLERS:
            return hole(span, Hole("param", param.name))
        arguments: tuple[ir.Expr, ...] = finder(param)
        if not arguments:
            return hole(span, Hole("param", param.name))
        self._upward += 1
        try:
            found = self.value(ir.choice(arguments, param.span), indirect=indirect, depth=depth + 1)
        finally:
            self._upward -= 1
        return _entering(found, span)

    def _function(self, call: ir.Call, indirect: bool, depth: int) -> AValue | None:
        """A call to a function of the same file: its return value, the arguments bound."""
        finder = getattr(self.resolver, "function", None)
        if finder is None or self._calls >= MAX_CALLS:
            return None
        function: ir.Function | None = finder(call)
        if function is None:
            return None
        bindings = dict(self._bindings)
        keywords = dict(call.kwargs)
        for index, (name, span) in enumerate(function.params):
            argument = call.args[index] if index < len(call.args) else keywords.get(name)
            if argument is not None:
                bindings[span] = (argument, self._bindings)
            else:
                bindings.pop(span, None)  # a default, or not given: unknown
        inside, self._bindings = self._bindings, bindings
        self._calls += 1
        try:
            return self.value(function.result, indirect=indirect, depth=depth + 1)
        finally:
            self._calls -= 1
            self._bindings = inside

    # -- conversions -------------------------------------------------------------------------

    def _convert(
        self, value: AValue, how: str, span: ir.Span, construct: str, quote: str
    ) -> AValue:
        if how == "str" and not value.is_bytes:
            return value
        if how == "str" and self.lang.bytes_to_text == "decode":
            return _to_text(value)
        # A repr: of bytes (b'...'), or of text ('...', Go's "...").
        prefix = "b" + quote if value.is_bytes else quote
        code = Code.BYTES_REPR if value.is_bytes else Code.QUOTED_CREDENTIALS
        what = construct or ("str()" if value.is_bytes else "repr")
        advice = self.lang.bytes_advice if value.is_bytes else "drop the repr"
        cause = Cause(code, span, what, advice)
        known = value.known
        if known is not None and value.is_bytes:
            shown = repr(known.encode("latin-1", "replace"))
            return AValue((derived(shown, span, cause),), False)
        return AValue(
            (derived(prefix, span, cause), *value.pieces, derived(quote, span, cause)),
            False,
            value.causes,
        )

    # -- calls -------------------------------------------------------------------------------

    def _call(self, call: ir.Call, indirect: bool, depth: int) -> AValue:
        lang = self.lang
        model = lang.encoders.get(call.callee) if call.callee else None
        if model is not None:
            data = _arg(call, model.data_arg)
            if data is None:
                return hole(call.span)
            source = self._encoded_input(data, indirect, depth)
            if model.newline_switch and _false(dict(call.kwargs).get(model.newline_switch)):
                model = model.replace(newline=False)
            return _encode(model, source, call, data.span)
        transform = _lookup(lang.transforms, call.callee, call) if call.callee else None
        if transform is not None and _applies(transform, call):
            data = _arg(call, transform.data_arg)
            if data is None:
                return hole(call.span)
            if transform.effect == "json" and isinstance(data, ir.Seq | ir.Mapping):
                return hole(call.span, Hole("unknown", transform=transform.note or "json"))
            source = self.value(data, indirect=indirect, depth=depth + 1)
            if _decodes(transform, call):
                transform = transform.replace(effect="to_text")
            return self._transform(transform, source, call)
        if call.method:
            receiver = call.receiver
            if receiver is None:
                return hole(call.span)
            model = _lookup(lang.encoders, f".{call.method}", call)
            if model is not None:
                source = self._encoded_input(receiver, indirect, depth)
                if source.known is not None and not source.is_bytes:
                    return hole(call.span)  # `"text".toString("base64")` encodes nothing
                return _encode(model, source, call, receiver.span)
            transform = _lookup(lang.transforms, f".{call.method}", call)
            if transform is not None and _applies(transform, call):
                source = self.value(receiver, indirect=indirect, depth=depth + 1)
                return self._transform(transform, source, call)
        returned = self._function(call, indirect, depth)
        return returned if returned is not None else hole(call.span)

    def _encoded_input(self, expr: ir.Expr, indirect: bool, depth: int) -> AValue:
        self._encoding += 1
        try:
            return self.value(expr, indirect=indirect, depth=depth + 1)
        finally:
            self._encoding -= 1

    def _transform(self, transform: Transform, value: AValue, call: ir.Call) -> AValue:
        effect = transform.effect
        if effect == "keep":
            return value
        if effect == "to_bytes":
            return _to_bytes(value)
        if effect == "to_text":
            return _to_text(value)
        if effect == "strip_padding":
            return _strip_padding(value, call, transform.name)
        if effect in ("strip_newline", "unwrap"):
            return _remove_breaks(value, everywhere=effect == "unwrap")
        if effect == "append_newline":
            return concat(
                [value, AValue((derived("\n", call.span, _newline_cause(transform, call)),))]
            )
        if effect in ("repr", "str"):
            return self._convert(value, effect, call.span, transform.name, transform.quote)
        if effect == "json":
            return self._convert(value, "repr", call.span, transform.name, '"')
        if effect == "url_alphabet":
            return _url_alphabet(value, call, transform.name)
        return hole(call.span, Hole("unknown", transform=transform.note or transform.name))


_T = TypeVar("_T")


def _entering(found: AValue, span: ir.Span) -> AValue:
    """A runtime value enters the expression where the name (or parameter) is used."""
    if len(found.pieces) == 1:
        only = found.pieces[0]
        if only.text is None and only.encoded is None and only.cause is None:
            return AValue((only.replace(span=span),), found.is_bytes, found.causes)
    return found


def _newline_cause(transform: Transform, call: ir.Call) -> Cause:
    span = call.name_span if call.name_span != (0, 0) else call.span
    fix = None
    if transform.better and len(call.args) == 1 and not call.kwargs:
        fix = (span, transform.better)
    advice = f"use `{transform.better}`" if transform.better else "strip the newline"
    return Cause(Code.ENCODER_NEWLINE, span, transform.name, advice, fix)


def _lookup(table: dict[str, _T], key: str, call: ir.Call) -> _T | None:
    """The entry for ``key`` with the first argument's literal (`.rstrip:=`), else for ``key``."""
    first = _literal_arg(call, 0)
    if first is not None:
        found = table.get(f"{key}:{first}")
        if found is not None:
            return found
    return table.get(key)


_BREAKS = "\r\n"


def _remove_breaks(value: AValue, *, everywhere: bool) -> AValue:
    """`.strip()` (trailing and leading blanks) or `.replace("\n", "")` (every line break)."""
    pieces = list(value.pieces)
    if everywhere:
        out = []
        for piece in pieces:
            if piece.text is None:
                assert piece.hole is not None
                h = piece.hole
                hole_piece = Hole(h.origin, h.name, h.unpadded, h.transform, unwrapped=True)
                out.append(piece.replace(hole=hole_piece))
            elif piece.cause is not None and piece.cause.code in _BREAK_CODES:
                continue
            elif any(c in piece.text for c in _BREAKS):
                text = piece.text.replace("\r", "").replace("\n", "")
                out.append(Piece(text, piece.span, None, cause=piece.cause, encoded=piece.encoded))
            else:
                out.append(piece)
        return AValue(tuple(out), value.is_bytes, value.causes)
    while pieces and pieces[-1].text is not None and not pieces[-1].text.strip():
        pieces.pop()
    if pieces and pieces[-1].text is not None:
        last = pieces[-1]
        assert last.text is not None
        text = last.text.rstrip()
        offsets = None if last.offsets is None else last.offsets[: len(text)]
        pieces[-1] = last.replace(text=text, offsets=offsets)
    return AValue(tuple(pieces), value.is_bytes, value.causes)


def _false(expr: ir.Expr | None) -> bool:
    return isinstance(expr, ir.Opaque) and expr.what == "false"


def _arg(call: ir.Call, index: int) -> ir.Expr | None:
    return call.args[index] if index < len(call.args) else None


def _literal_arg(call: ir.Call, index: int) -> str | None:
    arg = _arg(call, index)
    return arg.text if isinstance(arg, ir.Lit) else ("" if arg is None else None)


def _decodes(transform: Transform, call: ir.Call) -> bool:
    """Does the call give one of the arguments that make it decode bytes?"""
    if transform.decodes_with is None:
        return False
    index, keywords = transform.decodes_with
    return len(call.args) > index or any(name in keywords for name, _ in call.kwargs)


def _applies(transform: Transform, call: ir.Call) -> bool:
    if transform.when_arg is None:
        return True
    index, accepted = transform.when_arg
    found = _literal_arg(call, index)
    return found is not None and found in accepted


def _to_bytes(value: AValue) -> AValue:
    if value.is_bytes:
        return value
    pieces = []
    for piece in value.pieces:
        if piece.text is not None and not piece.text.isascii():
            raw = piece.text.encode("utf-8", "replace").decode("latin-1")
            pieces.append(Piece(raw, piece.span, literal=piece.literal, indirect=piece.indirect))
        else:
            pieces.append(piece)
    return AValue(tuple(pieces), True, value.causes)


def _to_text(value: AValue) -> AValue:
    if not value.is_bytes:
        return value
    pieces = []
    for piece in value.pieces:
        if piece.text is not None and not piece.text.isascii():
            text = piece.text.encode("latin-1", "replace").decode("utf-8", "replace")
            pieces.append(Piece(text, piece.span, literal=piece.literal, indirect=piece.indirect))
        else:
            pieces.append(piece)
    return AValue(tuple(pieces), False, value.causes)


_TO_URL = str.maketrans("+/", "-_")


def _url_alphabet(value: AValue, call: ir.Call, name: str) -> AValue:
    """`.Replace('+', '-')` on an encoder's output: base64url made by hand, which a Basic
    token must not be (RFC 7617: the standard alphabet). Text that was not encoded here is
    only translated."""
    span = call.name_span if call.name_span != (0, 0) else call.span
    cause = Cause(Code.URL_SAFE_ALPHABET, span, name, "keep the standard alphabet")
    pieces = [
        p
        if p.encoded is None
        else p.replace(
            text=None if p.text is None else p.text.translate(_TO_URL),
            # The first replacement is where base64url starts: `.Replace('+', '-')`.
            cause=p.cause if p.cause is not None and p.cause.code is cause.code else cause,
        )
        for p in value.pieces
    ]
    return AValue(tuple(pieces), value.is_bytes, value.causes)


def _strip_padding(value: AValue, call: ir.Call, name: str) -> AValue:
    """`.rstrip("=")`: the padding goes; a Basic token must keep it (RFC 4648 §3.2)."""
    span = call.name_span if call.name_span != (0, 0) else call.span
    cause = Cause(Code.BAD_PADDING, span, name, "keep the `=` padding")
    pieces = list(value.pieces)
    if not pieces:
        return value
    last = pieces[-1]
    if last.text is None:
        assert last.hole is not None
        h = last.hole
        pieces[-1] = Piece(
            None,
            last.span,
            hole=Hole(h.origin, h.name, call.span, h.transform),
            cause=cause,
            encoded=last.encoded,
        )
    else:
        stripped = last.text.rstrip("=")
        if stripped != last.text:
            pieces[-1] = Piece(
                stripped,
                last.span,
                None if last.offsets is None else last.offsets[: len(stripped)],
                cause=cause if last.encoded is not None else last.cause,
                literal=last.literal,
                indirect=last.indirect,
                encoded=last.encoded,
            )
    return AValue(tuple(pieces), value.is_bytes, value.causes)


def _encoder_cause(model: EncoderModel, call: ir.Call, code: Code, what: str) -> Cause:
    fix = None
    # Only a qualified call is renamed (`base64.encodebytes`): a bare name came from an import
    # that the new name may not have.
    if model.better and model.renames and "." in call.callee and call.name_span != (0, 0):
        fix = (call.name_span, model.better.rsplit(".", 1)[-1])
    advice = f"use `{model.better}`" if model.better else what
    # Reported at the encoder's name: the line of the call, and what a fix replaces.
    span = call.name_span if call.name_span != (0, 0) else call.span
    return Cause(code, span, model.name, advice, fix)


def body_cause(model: EncoderModel, call: ir.Call) -> Cause | None:
    if model.alphabet == "url":
        return _encoder_cause(model, call, Code.URL_SAFE_ALPHABET, "use the standard alphabet")
    if not model.padding:
        return _encoder_cause(model, call, Code.BAD_PADDING, "keep the padding")
    return None


def break_cause(model: EncoderModel, call: ir.Call, *, last: bool = True) -> Cause:
    """The cause of a line break in an encoder's output: its trailing newline, or its wrap."""
    if model.newline and last:
        return _encoder_cause(model, call, Code.ENCODER_NEWLINE, "strip the newline")
    return _encoder_cause(model, call, Code.ENCODER_LINE_WRAP, "encode on one line")


def _encode(model: EncoderModel, source: AValue, call: ir.Call, input_span: ir.Span) -> AValue:
    wrap = break_cause(model, call, last=False) if model.wrap else None
    encoded = Encoded(model, source, call.span, call.name_span, input_span, wrap)
    known = source.known
    body = body_cause(model, call)
    if known is None:
        pieces: list[Piece] = [
            Piece(None, call.span, hole=Hole("unknown"), cause=body, encoded=encoded)
        ]
        if model.newline:
            pieces.append(derived("\n", call.span, break_cause(model, call)))
        elif model.wrap and model.wrap_ends:
            pieces.append(derived(model.line_break, call.span, break_cause(model, call)))
        return AValue(tuple(pieces), model.returns_bytes)
    if source.is_bytes:
        data = known.encode("latin-1", "replace")
    else:
        data = known.encode(model.charset, "replace")
    out = model.encode(data)
    pieces = []
    lines = out.splitlines(keepends=True)
    for index, line in enumerate(lines):
        text = line.rstrip("\r\n")
        if text:
            pieces.append(Piece(text, call.span, None, cause=body, encoded=encoded))
        if len(text) < len(line):
            last = index == len(lines) - 1
            pieces.append(
                derived(line[len(text) :], call.span, break_cause(model, call, last=last))
            )
    return AValue(tuple(pieces), model.returns_bytes)

"""Kotlin: the JVM tables of lang/java.py plus kotlin.io.encoding, Ktor and string templates,
and the lowering of tree-sitter-kotlin trees. Every Kotlin string is a template (`$x`,
`${x}`), so no literal holds notation it does not fill in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from authlint.construct import ir
from authlint.construct.branches import conditional_options
from authlint.construct.calls import Returns
from authlint.construct.lang import clike, java
from authlint.construct.lang.clike import CLowering, Sinks, string_plus
from authlint.construct.lower import LitBuilder, Resolution, Scope, Sites
from authlint.construct.models import EncoderModel, Language, PairSink, SchemeSink, Transform
from authlint.construct.sites import HeaderSite
from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# --- tables ---------------------------------------------------------------------------------

_DEFAULT = "Base64.Default.encode"
ENCODERS: Final[dict[str, EncoderModel]] = {
    **java.ENCODERS,
    # kotlin.io.encoding.Base64 (Kotlin 1.8.20+): Default is RFC 4648 §4, UrlSafe §5 with
    # padding, Mime wraps at 76 with CRLF.
    _DEFAULT: EncoderModel(_DEFAULT),
    "Base64.encode": EncoderModel("Base64.encode"),
    "Base64.Default.encodeToByteArray": EncoderModel(
        "Base64.Default.encodeToByteArray", returns_bytes=True
    ),
    "Base64.UrlSafe.encode": EncoderModel(
        "Base64.UrlSafe.encode", alphabet="url", better=_DEFAULT, renames=False
    ),
    # Ktor's io.ktor.util `"$id:$secret".encodeBase64()`: the UTF-8 bytes, RFC 4648 §4.
    ".encodeBase64": EncoderModel(".encodeBase64()", data_arg=-1),
    "Base64.Mime.encode": EncoderModel(
        "Base64.Mime.encode", wrap=76, line_break="\r\n", better=_DEFAULT, renames=False
    ),
}

TRANSFORMS: Final[dict[str, Transform]] = {
    **java.TRANSFORMS,
    ".toByteArray": Transform(".toByteArray()", "to_bytes"),
    ".encodeToByteArray": Transform(".encodeToByteArray()", "to_bytes"),
    ".decodeToString": Transform(".decodeToString()", "to_text"),
    # ByteArray.toString(charset) decodes; toString() with no argument prints `[B@...`.
    ".toString": Transform(".toString(charset)", "to_text"),
    ".trimEnd:=": Transform(".trimEnd('=')", "strip_padding"),
    ".trim:=": Transform(".trim('=')", "strip_padding"),
    ".trimEnd:": Transform(".trimEnd()", "strip_newline"),
    ".trim:": Transform(".trim()", "strip_newline"),
    ".orEmpty": Transform(".orEmpty()", "keep"),
}

PAIR_SINKS: Final = (
    *java.PAIR_SINKS,
    PairSink(callee="BasicAuthCredentials", context="BasicAuthCredentials"),
)
SCHEME_SINKS: Final = (*java.SCHEME_SINKS, SchemeSink("bearer", "Bearer"))

LANGUAGE: Final = Language(
    name="kotlin",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=java.HEADER_CALLS,
    pair_sinks=PAIR_SINKS,
    # `"Basic $bytes"`, `"Basic " + bytes`: a ByteArray prints as `[B@1b6d3586`.
    bytes_to_text="repr",
    bytes_advice=(
        "a ByteArray prints as `[B@...`; use `encodeToString` or `String(bytes, Charsets.US_ASCII)`"
    ),
    scheme_sinks=SCHEME_SINKS,
    fallbacks=(r"\?:", *java.FALLBACKS),
)

# `$name` in a template (the grammar leaves it inside the string content).
_SIMPLE_TEMPLATE: Final = lazy(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# What is left of a template once its `$` is escaped (`"Bearer \$token"`, `"\${t}"`): every bare
# `$name` or `${` of a string's source is a template, so one in the text came from `\$`.
_ESCAPED_TEMPLATE: Final = lazy(r"\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[^}\n]*\})")
_SCOPES: Final = frozenset(
    {"function_declaration", "lambda_literal", "anonymous_function", "secondary_constructor"}
)
_TRANSPARENT: Final = frozenset({"parenthesized_expression", "value_argument"})
_WRAPPERS: Final = frozenset({"parenthesized_expression"})


def _getter_value(body: Node | None) -> Node | None:
    """A getter's expression body, or the value of a block that only returns it (a block with
    other statements is not followed: its locals are not scoped)."""
    if body is None or body.type != "block":
        return body
    statements = [c for c in body.named_children if c.type != "comment"]
    if len(statements) != 1 or statements[0].type != "return_expression":
        return None
    values = [c for c in statements[0].named_children if c.type != "comment"]
    return values[0] if len(values) == 1 else None


class Lowering(CLowering):
    sinks = Sinks(java.HEADER_CALLS, PAIR_SINKS, SCHEME_SINKS)
    SCOPES = _SCOPES
    WRAPPERS = _WRAPPERS
    STRINGS = frozenset({"string_literal", "multiline_string_literal"})
    ASSIGNMENTS = "[(property_declaration) (assignment) (class_parameter)] @assign"
    FUNCTIONS = "(function_declaration) @def"
    CALLS = "(call_expression) @call"
    # `return x` is an expression; `fun f() = expr` has the expression as its body.
    RETURNS = Returns(statements=frozenset({"return_expression"}), blocks=frozenset({"block"}))

    # -- StringBuilder and buildString (CLowering's builder hooks, Kotlin's node types) -------

    ARGUMENT = frozenset({"value_argument"})

    def created(self, node: Node) -> list[Node] | None:
        """`StringBuilder(...)` (Kotlin constructs without `new`)."""
        call = _call_parts(node)
        if call is None or call[0].type != "identifier" or self.src(call[0]) not in self.BUILDERS:
            return None
        return call[1]

    def statement_expression(self, statement: Node) -> Node | None:
        return statement if statement.type == "call_expression" else None

    def method_call(self, node: Node) -> tuple[Node, str, list[Node]] | None:
        call = _call_parts(node)
        if call is None or call[0].type != "navigation_expression":
            return None
        parts = [c for c in call[0].named_children if c.type != "comment"]
        if len(parts) != 2 or self.src(call[0])[len(self.src(parts[0])) :].startswith("?"):
            return None
        return parts[0], self.src(parts[1]), call[1]

    def declared(self, statement: Node, name: str) -> Node | None:
        if statement.type != "property_declaration":
            return None
        declaration = next(
            (c for c in statement.named_children if c.type == "variable_declaration"), None
        )
        key = (
            None
            if declaration is None
            else next((c for c in declaration.named_children if c.type == "identifier"), None)
        )
        if declaration is None or key is None or self.src(key) != name:
            return None
        values = [
            c
            for c in statement.named_children
            if c.type not in ("modifiers", "variable_declaration", "comment", "type_constraints")
            and c.start_byte > declaration.end_byte
        ]
        return values[0] if values else None

    def built_string(self, lambda_node: Node) -> list[Node] | None:
        """What `buildString { append(a); append(b).append(c) }` appends, in order; None when
        the block does anything else (a loop, a branch, another call)."""
        parts: list[Node] = []
        for statement in lambda_node.named_children:
            if statement.type == "comment":
                continue
            if statement.type == "statements":  # older grammars wrap the block's statements
                inner = self.built_string(statement)
                if inner is None:
                    return None
                parts.extend(inner)
                continue
            chain: list[Node] = []
            node = statement
            while (call := self.method_call(node)) is not None:
                obj, method, args = call
                if method != self.APPEND or len(args) != 1:
                    return None
                chain.insert(0, args[0])
                node = obj
            bare = _call_parts(node)
            if node.type == "this_expression" and chain:
                parts.extend(chain)
                continue
            if bare is None or self.src(bare[0]) != self.APPEND or len(bare[1]) != 1:
                return None
            parts.extend([bare[1][0], *chain])
        return parts

    @staticmethod
    def body_of(definition: Node) -> Node | None:
        body = next((c for c in definition.named_children if c.type == "function_body"), None)
        inner = [] if body is None else [c for c in body.named_children if c.type != "comment"]
        return inner[0] if len(inner) == 1 else None

    # -- sites, found from the anchors -------------------------------------------------------

    def on_call_expression(self, node: Node, scope: Scope) -> None:
        expr = self.lower(node, scope.node_id)
        if isinstance(expr, ir.Call):
            self.call_site(expr)
        self.fallback_site(expr)
        self.sites.maybe_shaped(expr)

    def on_binary_expression(self, node: Node, scope: Scope) -> None:
        self.fallback_site(self.lower(node, scope.node_id))
        self.shaped(node, scope)

    def on_string_literal(self, node: Node, scope: Scope) -> None:
        self.shaped(node, scope)

    def on_multiline_string_literal(self, node: Node, scope: Scope) -> None:
        self.on_string_literal(node, scope)

    def on_infix_expression(self, node: Node, scope: Scope) -> None:
        parts = [c for c in node.named_children if c.type != "comment"]
        if (
            len(parts) == 3
            and self.src(parts[1]) == "to"
            and self.header_name(self.lower(parts[0], scope.node_id))
        ):
            value = self.lower(parts[2], scope.node_id)
            self.sites.headers.append(HeaderSite(value, self.span(node), '"Authorization" to'))

    def on_assignment(self, node: Node, scope: Scope) -> None:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        op = node.child_by_field_name("operator")
        if left is None or right is None or left.type != "indexing_expression":
            return
        if op is not None and op.type == "+=":
            return
        suffix = [c for c in left.named_children if c.type != "comment"]
        key = self.lower(suffix[-1], scope.node_id) if len(suffix) >= 2 else None
        if key is not None and self.header_name(_first(key)):
            value = self.lower(right, scope.node_id)
            self.sites.headers.append(HeaderSite(value, self.span(node), "headers[...]"))

    # -- scopes ------------------------------------------------------------------------------

    def params(self, scope_node: Node, scope: Scope) -> None:
        for params in scope_node.named_children:
            if params.type not in ("function_value_parameters", "lambda_parameters"):
                continue
            for child in params.named_children:
                name = None
                if child.type in ("parameter", "variable_declaration"):
                    name = next((c for c in child.named_children if c.type == "identifier"), None)
                if name is not None:
                    scope.params[self.src(name)] = self.span(name)

    def record(self, assign: Node, scope: Scope) -> None:
        end = self.span(assign)[1]
        if assign.type == "class_parameter":
            # A constructor property: a value from the caller (its default only maybe).
            name = next((c for c in assign.named_children if c.type == "identifier"), None)
            if name is not None:
                scope.params[self.src(name)] = self.span(name)
            return
        if assign.type == "property_declaration":
            declaration = next(
                (c for c in assign.named_children if c.type == "variable_declaration"), None
            )
            if declaration is None:
                return
            name = next((c for c in declaration.named_children if c.type == "identifier"), None)
            values = [
                c
                for c in assign.named_children
                if c.type
                not in ("modifiers", "variable_declaration", "comment", "type_constraints")
                and c.start_byte > declaration.end_byte
            ]
            value = values[0] if values else None
            if value is not None and value.type == "getter":
                # `val token get() = expr`: each read runs the getter; its value is the body's.
                value = _getter_value(self.body_of(value))
            if name is not None and value is not None:
                self.assign(scope, self.src(name), end, value)
            return
        left = assign.child_by_field_name("left")
        right = assign.child_by_field_name("right")
        op = assign.child_by_field_name("operator")
        if left is None or right is None:
            return
        if left.type == "identifier":
            augmented = op is not None and op.type == "+="
            self.assign(scope, self.src(left), end, assign if augmented else right)
        elif scope.node_id == 0:
            self.record_member(assign, scope)

    def record_member(self, assign: Node, module: Scope) -> None:
        """`this.token = token`: one class-wide binding."""
        if assign.type != "assignment":
            return
        left = assign.child_by_field_name("left")
        right = assign.child_by_field_name("right")
        if (
            left is not None
            and right is not None
            and left.type == "navigation_expression"
            and self.src(left).startswith("this.")
        ):
            self.assign(module, self.src(left), self.span(assign)[1], right)

    # -- expressions -------------------------------------------------------------------------

    def lower(self, node: Node, scope: int) -> ir.Expr:
        kind = node.type
        span = self.span(node)
        options = conditional_options(node)
        if options is not None:  # `c ? a : b`: either value
            return ir.choice(tuple(self.lower(o, scope) for o in options), span)
        if kind in _TRANSPARENT:
            inner = [c for c in node.named_children if c.type != "comment"]
            return self.lower(inner[-1], scope) if inner else ir.Opaque(span)
        if kind == "as_expression":
            left = node.child_by_field_name("left")
            return self.lower(left, scope) if left is not None else ir.Opaque(span)
        if kind == "unary_expression" and self.src(node).endswith("!!"):
            argument = node.child_by_field_name("argument")
            return self.lower(argument, scope) if argument is not None else ir.Opaque(span)
        if kind in ("string_literal", "multiline_string_literal"):
            return self._string(node, scope, raw=kind == "multiline_string_literal")
        if kind == "character_literal":
            body = self.src(node)[1:-1]
            text = java.unescape(body) if body.startswith("\\") else body
            return ir.Lit(text, span, (span[0] + 1,) * len(text) + (span[1] - 1,))
        if kind == "identifier":
            return ir.Name(self.src(node), span, scope)
        if kind == "navigation_expression":
            parts = [c for c in node.named_children if c.type != "comment"]
            if len(parts) != 2:
                return ir.Opaque(span)
            if parts[0].type == "this_expression":
                return ir.Name(self.src(node).replace("?.", "."), span, scope)
            return ir.Attr(self.lower(parts[0], scope), self.src(parts[1]), span)
        if kind == "binary_expression":
            op = node.child_by_field_name("operator")
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if op is None or left is None or right is None:
                return ir.Opaque(span)
            pair = (self.lower(left, scope), self.lower(right, scope))
            if op.type == "+":
                return string_plus(pair, span, "string concatenation")
            if op.type == "?:":
                return ir.Fallback(pair[0], pair[1], span)
            return ir.Opaque(span)
        if kind == "infix_expression":
            parts = [c for c in node.named_children if c.type != "comment"]
            if len(parts) == 3 and self.src(parts[1]) == "or":
                return ir.Concat((self.lower(parts[0], scope), self.lower(parts[2], scope)), span)
            return ir.Opaque(span)
        if kind == "number_literal":
            return ir.Opaque(span, self.src(node))
        if kind == "call_expression":
            return self._call(node, scope)
        if kind == "indexing_expression":
            parts = [c for c in node.named_children if c.type != "comment"]
            if len(parts) == 2:
                obj = self.lower(parts[0], scope)
                key = _first(self.lower(parts[1], scope))
                if (
                    isinstance(obj, ir.Call)
                    and obj.callee == "System.getenv"
                    and not obj.args
                    and isinstance(key, ir.Lit)
                ):
                    return ir.Env(key.text, span)
                return ir.Index(obj, key, span)
            return ir.Opaque(span)
        if kind == "assignment":
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if left is not None and right is not None:
                previous = ir.Name(self.src(left), (span[0], span[0]), scope)
                return string_plus((previous, self.lower(right, scope)), span, "+=")
            return ir.Opaque(span)
        return ir.Opaque(span, kind)

    def _string(self, node: Node, scope: int, *, raw: bool) -> ir.Expr:
        span = self.span(node)
        parts: list[ir.Expr] = []
        builder = LitBuilder()
        run: list[Node] = []

        def flush() -> None:
            nonlocal builder
            if not run:
                return
            start, end = self.span(run[0])[0], self.span(run[-1])[1]
            text = self.text[start:end]
            pos = 0
            for match in _SIMPLE_TEMPLATE.finditer(text):
                builder.verbatim(text[pos : match.start()], start + pos)
                if builder.chars:
                    parts.append(builder.build(span, start + match.start()))
                    builder = LitBuilder()
                name_span = (start + match.start(1), start + match.end(1))
                name = ir.Name(match.group(1), name_span, scope)
                where = (start + match.start(), start + match.end())
                parts.append(ir.Conversion(name, "str", where, "string template"))
                pos = match.end()
            builder.verbatim(text[pos:], start + pos)
            run.clear()

        for child in node.named_children:
            if child.type == "string_content":
                run.append(child)
                continue
            flush()
            start, end = self.span(child)
            if child.type == "escape_sequence":
                source = self.text[start:end]
                # `\$` is Kotlin's own escape (a dollar that starts no template).
                text = "$" if source == "\\$" else java.unescape(source)
                builder.escaped(source if raw else text, start)
            elif child.type == "interpolation":
                if builder.chars:
                    parts.append(builder.build(span, start))
                    builder = LitBuilder()
                inner = [c for c in child.named_children if c.type != "comment"]
                value = self.lower(inner[0], scope) if inner else ir.Opaque((start, end))
                parts.append(ir.Conversion(value, "str", (start, end), "string template"))
        flush()
        if builder.chars or not parts:
            quote = 3 if raw else 1
            parts.append(builder.build(span, span[1] - quote, prose=self.syntax.prose_at(span[0])))
        if not raw:
            parts = [_escaped_templates(part) for part in parts]
        return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)

    def _built(self, function: Node, rest: list[Node], span: ir.Span, scope: int) -> ir.Expr | None:
        """`sb.toString()` of a local StringBuilder, `buildString { append(...) }`: the text
        appended, in order; None when the call is neither or what it holds is not known."""
        parts: list[Node] | None = None
        arguments = [c for c in rest if c.type == "value_arguments"]
        given = [a for v in arguments for a in v.named_children if a.type == "value_argument"]
        lambdas = [c for c in rest if c.type == "annotated_lambda"]
        if function.type == "navigation_expression" and not given and not lambdas:
            named = [c for c in function.named_children if c.type != "comment"]
            if len(named) == 2 and self.src(named[1]) == "toString":
                parts = self.builder_parts(named[0])
        elif function.type == "identifier" and self.src(function) == "buildString":
            body = lambdas[0].named_children[-1] if len(lambdas) == 1 else None
            if (
                body is not None
                and body.type == "lambda_literal"
                and len(given) <= 1  # a capacity
                and not any(c.type == "lambda_parameters" for c in body.named_children)
            ):
                parts = self.built_string(body)
        if parts is None:
            return None
        lowered = tuple(self.lower(p, scope) for p in parts)
        return string_plus(lowered, span, "append()")

    def _call(self, node: Node, scope: int) -> ir.Expr:
        span = self.span(node)
        children = [c for c in node.named_children if c.type != "comment"]
        if not children:
            return ir.Opaque(span)
        function = children[0]
        arg_nodes: list[Node] = []
        for child in children[1:]:
            if child.type == "value_arguments":
                arg_nodes = [a for a in child.named_children if a.type == "value_argument"]
        built = self._built(function, children[1:], span, scope)
        if built is not None:
            return built
        args = tuple(self.lower(a, scope) for a in arg_nodes)
        flag_spans = {i: self.span(_last_identifier(a)) for i, a in enumerate(arg_nodes)}
        callee = ""
        method = ""
        receiver: ir.Expr | None = None
        name_span = self.span(function)
        if function.type == "identifier":
            callee = self.src(function)
        elif function.type == "navigation_expression":
            parts = [c for c in function.named_children if c.type != "comment"]
            if len(parts) == 2:
                method = self.src(parts[1])
                receiver = self.lower(parts[0], scope)
                head = java.chain_name(receiver)
                callee = f"{head}.{method}" if head else ""
                name_span = self.span(parts[1])
                if callee in ENCODERS and isinstance(receiver, ir.Call) and not receiver.args:
                    inner = receiver
                    while isinstance(inner.receiver, ir.Call) and not inner.receiver.args:
                        inner = inner.receiver
                    name_span = inner.name_span
        call = ir.Call(callee, args, (), span, receiver, method, name_span)
        return java.jvm_call(call, flag_spans, self.resolution.resolve)


def _call_parts(node: Node) -> tuple[Node, list[Node]] | None:
    """(function, value_argument nodes) of a call without a trailing lambda, else None."""
    if node.type != "call_expression":
        return None
    children = [c for c in node.named_children if c.type != "comment"]
    if not children or any(c.type == "annotated_lambda" for c in children[1:]):
        return None
    args: list[Node] = []
    for child in children[1:]:
        if child.type == "value_arguments":
            args = [a for a in child.named_children if a.type == "value_argument"]
    return children[0], args


def _first(expr: ir.Expr) -> ir.Expr:
    return expr.items[0] if isinstance(expr, ir.Seq) and expr.items else expr


def _last_identifier(node: Node) -> Node:
    while node.named_children:
        node = node.named_children[-1]
    return node


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    return clike.lower_file(Lowering(syntax), offsets)


def _escaped_templates(part: ir.Expr) -> ir.Expr:
    """A literal holding `$name` or `${...}` written with an escaped `$`: notation the
    program sends as is (marked, as other languages' unexpanded templates are)."""
    if not isinstance(part, ir.Lit) or "$" not in part.text or part.unexpanded:
        return part
    marks = tuple(m.span() for m in _ESCAPED_TEMPLATE.finditer(part.text))
    if not marks:
        return part
    return ir.Lit(part.text, part.span, part.offsets, part.is_bytes, part.prose, marks)

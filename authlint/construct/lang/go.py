"""Go: tables (encoding/base64, fmt, net/http sinks) and the lowering of tree-sitter-go trees."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from authlint.construct import ir
from authlint.construct.lang import clike
from authlint.construct.lang.clike import CLowering, Sinks, join, printf
from authlint.construct.lower import LitBuilder, Resolution, Scope, Sites
from authlint.construct.models import EncoderModel, HeaderCallSink, Language, PairSink, Transform
from authlint.construct.sites import HeaderSite
from authlint.extract.go import EXPANDERS
from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# --- tables ---------------------------------------------------------------------------------

_STD = "base64.StdEncoding"
# The encodings of encoding/base64 (RFC 4648 §4 and §5; the Raw ones omit the padding). A fix
# renames the encoding (`URLEncoding` -> `StdEncoding`): the lowering names it as the callee.
_ENCODINGS: Final = {
    "StdEncoding": EncoderModel(f"{_STD}.EncodeToString"),
    "URLEncoding": EncoderModel("base64.URLEncoding.EncodeToString", alphabet="url", better=_STD),
    "RawStdEncoding": EncoderModel(
        "base64.RawStdEncoding.EncodeToString", padding=False, better=_STD
    ),
    "RawURLEncoding": EncoderModel(
        "base64.RawURLEncoding.EncodeToString", alphabet="url", padding=False, better=_STD
    ),
}
ENCODERS: Final[dict[str, EncoderModel]] = {
    **{f"base64.{name}.EncodeToString": model for name, model in _ENCODINGS.items()},
    **{
        f"base64.{name}.AppendEncode": EncoderModel(
            model.name.replace("EncodeToString", "AppendEncode"),
            alphabet=model.alphabet,
            padding=model.padding,
            returns_bytes=True,
            better=model.better,
            data_arg=1,
        )
        for name, model in _ENCODINGS.items()
    },
}

TRANSFORMS: Final[dict[str, Transform]] = {
    "[]byte": Transform("[]byte()", "to_bytes"),
    "string": Transform("string()", "to_text"),
    # make([]byte, n): a byte slice whose content is not known here.
    "make:[]byte": Transform("make([]byte)", "to_bytes", data_arg=1),
    "strings.TrimRight": Transform(
        'strings.TrimRight(s, "=")', "strip_padding", when_arg=(1, ("=",))
    ),
    "strings.TrimSpace": Transform("strings.TrimSpace", "strip_newline"),
    # fmt's default format: a string as is, a []byte as its numbers (bytes_to_text below).
    "fmt.Sprint": Transform("fmt.Sprint", "str"),
    "strings.ToLower": Transform("strings.ToLower", "opaque", note="lower-cased"),
}

HEADER_CALLS: Final = (
    HeaderCallSink("Set"),
    HeaderCallSink("Add"),
    HeaderCallSink("SetHeader"),  # resty, gorequest
    HeaderCallSink("AddHeader"),
)

PAIR_SINKS: Final = (
    PairSink(callee="SetBasicAuth", context="SetBasicAuth"),
    PairSink(callee="razorpay.NewClient", context="razorpay.NewClient"),
)

LANGUAGE: Final = Language(
    name="go",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=HEADER_CALLS,
    pair_sinks=PAIR_SINKS,
    # %v and fmt.Sprint print a []byte as its numbers: `[89 87 ...]`.
    bytes_to_text="repr",
    bytes_advice="it prints as `[89 87 ...]`; use `%s` or `string(b)`",
    fallbacks=(r"cmp\.Or\(", r"Getenv\("),
)

_ENV_CALLS: Final = frozenset({"os.Getenv"})
# Functions that fill `${X}` in: a literal given to them is a template, not a slip.
# A literal given to these is a template (the expanders) or a pattern to replace.
_EXPANDERS: Final = EXPANDERS | {"strings.NewReplacer"}
_UNEXPANDED: Final = lazy(r"\$\{[A-Za-z_][A-Za-z0-9_]{0,60}\}")
_SIMPLE_ESCAPES: Final = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    "'": "'",
    '"': '"',
}
_SCOPES: Final = frozenset({"function_declaration", "method_declaration", "func_literal"})
_WRAPPERS: Final = frozenset({"parenthesized_expression"})


def _verb(letter: str, value: ir.Expr, span: ir.Span) -> ir.Expr | None:
    as_text = ir.Call("string", (value,), (), value.span)
    if letter == "s":
        return ir.Conversion(as_text, "str", span, "%s")
    if letter == "v":
        return ir.Conversion(value, "str", span, "%v")
    if letter == "q":
        return ir.Conversion(as_text, "repr", span, "%q", quote='"')
    return None


class Lowering(CLowering):
    sinks = Sinks(HEADER_CALLS, PAIR_SINKS)
    FUNCTIONS = "[(function_declaration) (method_declaration)] @def"
    SCOPES = _SCOPES
    WRAPPERS = _WRAPPERS
    STRINGS = frozenset({"interpreted_string_literal", "raw_string_literal"})
    ASSIGNMENTS = (
        "[(short_var_declaration) (assignment_statement) (var_spec) (const_spec)"
        " (composite_literal type: (type_identifier))] @assign"
    )

    def __init__(self, syntax: Syntax) -> None:
        super().__init__(syntax)
        # "Client.auth": a struct's field, set in a struct literal or through a method's
        # receiver; every such assignment is an alternative where a method reads it.
        self._struct_fields: set[str] = set()
        self.resolution.member = self._member

    def _member(self, name: str) -> str | None:
        return name if name in self._struct_fields else None

    def _field(self, module: Scope, key: str, end: int, value: Node) -> None:
        self._struct_fields.add(key)
        self.assign(module, key, end, value)

    def _struct_literal(self, literal: Node, module: Scope) -> None:
        """`&Client{auth: v}`, `Client{auth: v}`: the fields of a struct of this file."""
        type_node = literal.child_by_field_name("type")
        body = literal.child_by_field_name("body")
        if type_node is None or body is None or type_node.type != "type_identifier":
            return
        end = self.span(literal)[1]
        for element in body.named_children:
            key = element.child_by_field_name("key") if element.type == "keyed_element" else None
            value = element.child_by_field_name("value") if key is not None else None
            if key is None or value is None:
                continue
            name = self.src(key).strip()
            if name.isidentifier():
                self._field(module, f"{self.src(type_node)}.{name}", end, value)

    def receiver_field(self, selector: Node) -> str | None:
        """`c.auth` where `c` is the receiver of the enclosing method: "Client.auth"."""
        operand = selector.child_by_field_name("operand")
        field = selector.child_by_field_name("field")
        if operand is None or field is None or operand.type != "identifier":
            return None
        method = selector.parent
        while method is not None and method.type != "method_declaration":
            method = method.parent
        receiver = method.child_by_field_name("receiver") if method is not None else None
        if receiver is None:
            return None
        for declaration in receiver.named_children:
            name = declaration.child_by_field_name("name")
            type_node = declaration.child_by_field_name("type")
            if name is None or type_node is None or self.src(name) != self.src(operand):
                continue
            if type_node.type == "pointer_type":
                type_node = next(iter(type_node.named_children), None)
            if type_node is not None and type_node.type == "type_identifier":
                return f"{self.src(type_node)}.{self.src(field)}"
        return None

    # -- sites, found from the anchors -------------------------------------------------------

    def on_call_expression(self, node: Node, scope: Scope) -> None:
        expr = self.lower(node, scope.node_id)
        if isinstance(expr, ir.Call):
            self.call_site(expr, (node, scope.node_id))
        self.fallback_site(expr)
        self.sites.maybe_shaped(expr)

    def on_binary_expression(self, node: Node, scope: Scope) -> None:
        self.shaped(node, scope)

    def on_interpreted_string_literal(self, node: Node, scope: Scope) -> None:
        self.shaped(node, scope, alone=self._used_as_value(node))

    def on_raw_string_literal(self, node: Node, scope: Scope) -> None:
        self.on_interpreted_string_literal(node, scope)

    def on_keyed_element(self, node: Node, scope: Scope) -> None:
        key = node.child_by_field_name("key")
        value = node.child_by_field_name("value")
        if key is None or value is None:
            return
        if self.header_name(self.lower(key, 0)):
            header = self.lower(value, scope.node_id)
            if isinstance(header, ir.Seq) and len(header.items) == 1:
                header = header.items[0]  # http.Header{"Authorization": {value}}
            self.sites.headers.append(HeaderSite(header, self.span(node), "http.Header"))

    def on_assignment_statement(self, node: Node, scope: Scope) -> None:
        for name, value in self._pairs(node):
            if name.type != "index_expression":
                continue
            index = name.child_by_field_name("index")
            if index is not None and self.header_name(self.lower(index, 0)):
                header = self.lower(value, scope.node_id)
                if isinstance(header, ir.Seq) and len(header.items) == 1:
                    header = header.items[0]
                self.sites.headers.append(
                    HeaderSite(header, self.span(node), 'Header["Authorization"]')
                )

    def _used_as_value(self, node: Node) -> bool:
        parent = node.parent
        if parent is None:
            return False
        if parent.type == "argument_list":
            call = parent.parent
            function = call.child_by_field_name("function") if call is not None else None
            return function is None or self.src(function) not in _EXPANDERS
        grand = parent.parent
        return (
            parent.type == "expression_list"
            and grand is not None
            and grand.type == "return_statement"
        )

    # -- scopes ------------------------------------------------------------------------------

    def params(self, scope_node: Node, scope: Scope) -> None:
        for field in ("receiver", "parameters"):
            params = scope_node.child_by_field_name(field)
            if params is None:
                continue
            for child in params.named_children:
                if child.type in ("parameter_declaration", "variadic_parameter_declaration"):
                    for name in child.children_by_field_name("name"):
                        scope.params[self.src(name)] = self.span(name)

    def _pairs(self, node: Node) -> list[tuple[Node, Node]]:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None or right is None:
            return []
        names = [c for c in left.named_children if c.type != "comment"]
        values = [c for c in right.named_children if c.type != "comment"]
        if len(names) != len(values):
            return []
        return list(zip(names, values, strict=True))

    def record(self, assign: Node, scope: Scope) -> None:
        end = self.span(assign)[1]
        if assign.type == "composite_literal":
            if scope.node_id == 0:
                self._struct_literal(assign, scope)
            return
        if assign.type in ("var_spec", "const_spec"):
            value = assign.child_by_field_name("value")
            if value is None:
                return
            values = [c for c in value.named_children if c.type != "comment"]
            for name, item in zip(assign.children_by_field_name("name"), values, strict=False):
                self.assign(scope, self.src(name), end, item)
            return
        op = assign.child_by_field_name("operator")
        for name, value in self._pairs(assign):
            if name.type == "identifier":
                augmented = op is not None and op.type == "+="
                self.assign(scope, self.src(name), end, assign if augmented else value)
            elif name.type == "selector_expression" and scope.node_id == 0:
                self.assign(scope, self.src(name), end, value)

    def record_member(self, assign: Node, module: Scope) -> None:
        """`c.KeyID = ...` in a method: one binding per file, like `this.x` (and one for the
        receiver's struct type); a struct literal's fields."""
        if assign.type == "composite_literal":
            self._struct_literal(assign, module)
            return
        if assign.type != "assignment_statement":
            return
        end = self.span(assign)[1]
        for name, value in self._pairs(assign):
            if name.type == "selector_expression":
                self.assign(module, self.src(name), end, value)
                key = self.receiver_field(name)
                if key is not None:
                    self._field(module, key, end, value)

    # -- expressions -------------------------------------------------------------------------

    def lower(self, node: Node, scope: int) -> ir.Expr:
        kind = node.type
        span = self.span(node)
        if kind in ("parenthesized_expression", "literal_element"):
            inner = [c for c in node.named_children if c.type != "comment"]
            return self.lower(inner[0], scope) if len(inner) == 1 else ir.Opaque(span)
        if kind == "interpreted_string_literal":
            return self._string(node)
        if kind == "raw_string_literal":
            return self._raw(node)
        if kind == "identifier":
            return ir.Name(self.src(node), span, scope)
        if kind == "selector_expression":
            operand = node.child_by_field_name("operand")
            field = node.child_by_field_name("field")
            if operand is None or field is None:
                return ir.Opaque(span)
            if operand.type == "identifier":
                key = self.receiver_field(node)
                if key is not None:
                    module = self.module
                    if not module.filled:
                        self.fill(module)
                    if key in self._struct_fields:
                        return ir.Name(key, span, scope)
                # `c.KeyID`: a field of a receiver, one binding per file (like `this.x`).
                dotted = self.src(node)
                if dotted in self.module.assignments:
                    return ir.Name(dotted, span, scope)
                if key is not None:  # set outside a partial parse, maybe
                    self.resolution.missing.add(key)
            return ir.Attr(self.lower(operand, scope), self.src(field), span)
        if kind == "binary_expression":
            op = node.child_by_field_name("operator")
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if op is not None and op.type == "+" and left is not None and right is not None:
                return ir.Concat((self.lower(left, scope), self.lower(right, scope)), span)
            return ir.Opaque(span)
        if kind == "call_expression":
            return self._call(node, scope)
        if kind == "type_conversion_expression":
            type_node = node.child_by_field_name("type")
            operand = node.child_by_field_name("operand")
            if type_node is None or operand is None:
                return ir.Opaque(span)
            callee = self.src(type_node).replace(" ", "")
            return ir.Call(callee, (self.lower(operand, scope),), (), span, None, "", span)
        if kind == "composite_literal":
            body = node.child_by_field_name("body")
            return self._literal_value(body, scope) if body is not None else ir.Opaque(span)
        if kind == "literal_value":
            return self._literal_value(node, scope)
        if kind == "index_expression":
            operand = node.child_by_field_name("operand")
            index = node.child_by_field_name("index")
            if operand is None or index is None:
                return ir.Opaque(span)
            return ir.Index(self.lower(operand, scope), self.lower(index, scope), span)
        if kind in ("slice_type", "array_type"):
            text = self.src(node).replace(" ", "")
            return ir.Lit(text, span, tuple(range(span[0], span[0] + len(text) + 1)))
        if kind == "assignment_statement":
            pairs = self._pairs(node)
            if len(pairs) == 1 and pairs[0][0].type == "identifier":
                previous = ir.Name(self.src(pairs[0][0]), (span[0], span[0]), scope)
                return ir.Concat((previous, self.lower(pairs[0][1], scope)), span)
            return ir.Opaque(span)
        return ir.Opaque(span, kind)

    def _literal_value(self, node: Node, scope: int) -> ir.Expr:
        span = self.span(node)
        items: list[tuple[ir.Expr, ir.Expr]] = []
        elements: list[ir.Expr] = []
        for child in node.named_children:
            if child.type == "keyed_element":
                key = child.child_by_field_name("key")
                value = child.child_by_field_name("value")
                if key is not None and value is not None:
                    items.append((self.lower(key, scope), self.lower(value, scope)))
            elif child.type == "literal_element":
                elements.append(self.lower(child, scope))
        if items:
            return ir.Mapping(tuple(items), span)
        return ir.Seq(tuple(elements), span)

    def _string(self, node: Node) -> ir.Lit:
        span = self.span(node)
        builder = LitBuilder()
        for child in node.named_children:
            start, end = self.span(child)
            if child.type == "interpreted_string_literal_content":
                builder.verbatim(self.text[start:end], start)
            elif child.type == "escape_sequence":
                builder.escaped(_unescape(self.text[start:end]), start)
        return self._finish(builder, span)

    def _raw(self, node: Node) -> ir.Lit:
        span = self.span(node)
        builder = LitBuilder()
        for child in node.named_children:
            start, end = self.span(child)
            pos = start
            for line in self.text[start:end].split("\r"):  # Go drops CRs from raw strings
                builder.verbatim(line, pos)
                pos += len(line) + 1
        return self._finish(builder, span)

    def _finish(self, builder: LitBuilder, span: ir.Span) -> ir.Lit:
        lit = builder.build(span, span[1] - 1, prose=self.syntax.prose_at(span[0]))
        found = tuple(m.span() for m in _UNEXPANDED.finditer(lit.text))
        if found:
            return ir.Lit(lit.text, lit.span, lit.offsets, lit.is_bytes, lit.prose, found)
        return lit

    def _call(self, node: Node, scope: int) -> ir.Expr:
        span = self.span(node)
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or arguments is None:
            return ir.Opaque(span)
        args = tuple(
            self.lower(a, scope)
            for a in arguments.named_children
            if a.type not in ("comment", "variadic_argument")
        )
        callee = ""
        method = ""
        receiver: ir.Expr | None = None
        name_span = self.span(function)
        if function.type == "identifier":
            callee = self.src(function)
        elif function.type == "selector_expression":
            operand = function.child_by_field_name("operand")
            field = function.child_by_field_name("field")
            if operand is not None and field is not None:
                method = self.src(field)
                receiver = self.lower(operand, scope)
                head = ir.dotted(receiver)
                callee = f"{head}.{method}" if head else ""
                name_span = self.span(field)
                encoding = operand.child_by_field_name("field")
                if callee.startswith("base64.") and encoding is not None:
                    name_span = self.span(encoding)  # what a fix renames: the encoding
        if callee in _ENV_CALLS and args and isinstance(args[0], ir.Lit):
            return ir.Env(args[0].text, span)
        if callee == "cmp.Or" and len(args) >= 2:
            result = args[-1]
            for primary in reversed(args[:-1]):
                result = ir.Fallback(primary, result, span)
            return result
        if callee == "fmt.Sprintf" and args and isinstance(args[0], ir.Lit):
            return printf(args[0], args[1:], span, _verb)
        if callee == "strings.Join" and len(args) == 2:
            return join(args[1], (args[0],), span)
        return ir.Call(callee, args, (), span, receiver, method, name_span)


def _unescape(source: str) -> str:
    body = source[1:]
    if not body:
        return source
    if body[0] in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[body[0]]
    try:
        if body[0] in "xuU":
            return chr(int(body[1:], 16))
        if body[0] in "01234567":
            return chr(int(body, 8))
    except ValueError:
        return source
    return source


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    return clike.lower_file(Lowering(syntax), offsets)

"""Shell (bash, sh): tables (encoder commands, filters, sinks) and the lowering of
tree-sitter-bash trees.

A pipeline is a chain of calls: each command gets the previous one's output as its first
argument (`printf '%s' "$A:$B" | base64 -w0` is `base64 -w0(printf(...))`), and `$(...)`
strips the trailing newlines of what it captures. The curl line reader (extract/curl.py) keeps
finding the literal candidates; this lowering adds what is built: variables assigned lines
earlier, command substitutions, pipelines into base64.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from authlint.construct import ir
from authlint.construct.calls import MAX_RETURNS, Functions
from authlint.construct.lower import LitBuilder, Resolution, Scope, Sites, header_line, sub_lit
from authlint.construct.models import (
    EncoderModel,
    HeaderOptionSink,
    Language,
    PairSink,
    Transform,
)
from authlint.construct.sites import FallbackSite, HeaderSite, PairSite
from authlint.extract.curl import HTTPIE_NOT_A_HEADER
from authlint.lazyre import lazy

if TYPE_CHECKING:
    from tree_sitter import Node

    from authlint.syntax import Syntax

# --- tables ---------------------------------------------------------------------------------

# GNU coreutils base64/basenc wrap at 76 columns unless -w 0; every encoder command ends its
# output with a newline (which `$(...)` strips).
_GNU_BETTER = "base64 -w0"
ENCODERS: Final[dict[str, EncoderModel]] = {
    "base64": EncoderModel("base64", newline=True, wrap=76, better=_GNU_BETTER, renames=False),
    "base64 -w0": EncoderModel("base64 -w0", newline=True),
    "basenc --base64": EncoderModel(
        "basenc --base64", newline=True, wrap=76, better="basenc --base64 -w0", renames=False
    ),
    "basenc --base64 -w0": EncoderModel("basenc --base64 -w0", newline=True),
    "basenc --base64url": EncoderModel(
        "basenc --base64url",
        alphabet="url",
        newline=True,
        wrap=76,
        better=_GNU_BETTER,
        renames=False,
    ),
    "basenc --base64url -w0": EncoderModel(
        "basenc --base64url -w0", alphabet="url", newline=True, better=_GNU_BETTER, renames=False
    ),
    # OpenSSL wraps at 64 unless -A.
    "openssl base64": EncoderModel(
        "openssl base64", newline=True, wrap=64, better="openssl base64 -A", renames=False
    ),
    "openssl base64 -A": EncoderModel("openssl base64 -A", newline=True),
}

_PRINTF_NEWLINE: Final = "printf \\n"
TRANSFORMS: Final[dict[str, Transform]] = {
    "echo": Transform("echo", "append_newline", better="printf '%s'"),
    "<<<": Transform("here-string (`<<<`)", "append_newline"),
    # A format that ends in `\n` (`printf '%s:%s\n' "$ID" "$SECRET"`): the newline it prints.
    _PRINTF_NEWLINE: Transform("printf '...\\n'", "append_newline"),
    "$()": Transform("$(...)", "strip_newline"),
    "tr -d \\n": Transform("tr -d '\\n'", "unwrap"),
    "tr -d =": Transform("tr -d '='", "strip_padding"),
}

# The HTTP clients' credential options: `curl -u id:secret`, `wget --user id`.
PAIR_SINKS: Final = tuple(
    PairSink(callee=client, keyword=flag, context=f"{client} {flag}")
    for client, flags in (
        ("curl", ("-u", "--user", "-U", "--proxy-user")),
        ("wget", ("--user", "--http-user", "--proxy-user")),
    )
    for flag in flags
)
# The HTTP clients' header options, each sending one header line: curl's (curl(1)), wget's
# (wget(1)), and HTTPie's request items (`Authorization:value`, httpie.io/docs: request items).
HEADER_OPTIONS: Final = tuple(
    HeaderOptionSink(client, option, option or "request item")
    for client, options in (
        ("curl", ("-H", "--header", "--proxy-header")),
        ("wget", ("--header",)),
        ("http", ("",)),
        ("https", ("",)),
        ("xh", ("",)),
        ("xhs", ("",)),
    )
    for option in options
)
# `${X:-lit}`, `${X-lit}`, `${X:=lit}`, `${X=lit}`: a default for an unset variable.
_FALLBACK_OPS: Final = frozenset({":-", "-", ":=", "="})

LANGUAGE: Final = Language(
    name="shell",
    encoders=ENCODERS,
    transforms=TRANSFORMS,
    header_calls=(),
    pair_sinks=PAIR_SINKS,
    bytes_to_text="decode",
    fallbacks=(r"\$\{\w+(?:" + "|".join(sorted(map(re.escape, _FALLBACK_OPS))) + ")",),
    call_open=r"[ \t]",  # a command's arguments follow a blank
)

# What a single-quoted string would have expanded in double quotes: sent as is.
_DOLLAR: Final = lazy(r"\$(?:\{[^{}\n]{1,100}\}|[A-Za-z_][A-Za-z0-9_]{0,60}|\([^()\n]{1,100}\))")
_USER_FLAGS: Final = {
    client: {sink.keyword: sink.context for sink in PAIR_SINKS if sink.callee == client}
    for client in dict.fromkeys(sink.callee for sink in PAIR_SINKS)
}
_HEADER_FLAGS: Final = {
    client: {sink.option: sink.context for sink in HEADER_OPTIONS if sink.command == client}
    for client in dict.fromkeys(sink.command for sink in HEADER_OPTIONS)
}
_ECHO_OPTION: Final = lazy(r"-[neE]+")
_WRAP_ZERO: Final = frozenset({"-w0", "--wrap=0", "-b0"})
_DOUBLE_QUOTE_ESCAPES: Final = frozenset('$`"\\')
# A function definition, `name() {` or `function name {`: a command of that name is a call.
_DEFINITION: Final = lazy(
    r"^[ \t]*(?:function[ \t]+([A-Za-z_][A-Za-z0-9_-]{0,60})|([A-Za-z_][A-Za-z0-9_-]{0,60})[ \t]*\(\))",
    re.MULTILINE,
)
_FUNCTIONS: Final = "(function_definition) @def"
# A function's positional parameters `$1`..`$9`.
_POSITIONAL: Final = 9
# Commands in a function body that print nothing (its value is what it prints).
_SILENT: Final = frozenset({"return", "set", "shift", "unset", "cd", ":", "true", "export"})


class Lowering:
    SCOPES = frozenset({"function_definition"})

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax
        self.text = syntax.text
        self.resolution = Resolution(syntax, self.lower)
        self.resolution.functions = Functions(
            self, _FUNCTIONS, self._name_of, value_of=self._printed
        )
        self.sites = Sites()
        self._defined: frozenset[str] | None = None
        self._commands: list[tuple[Node, int]] = []
        self._scan()
        for node, scope in self._commands:
            self._command_site(node, scope)

    def _src(self, node: Node) -> str:
        return self.syntax.source(node)

    # -- one walk ----------------------------------------------------------------------------

    def _scan(self) -> None:
        module = Scope(0, None)
        self.resolution.scopes[0] = module
        stack: list[tuple[Node, Scope, bool]] = [(self.syntax.root, module, False)]
        while stack:
            node, scope, local = stack.pop()
            kind = node.type
            if kind == "function_definition":
                inner = Scope(node.id, scope)
                self.resolution.scopes[node.id] = inner
                # `$1`..`$9`: each a parameter of its own (the spans only tell them apart).
                start = self.syntax.span(node)[0]
                for index in range(1, _POSITIONAL + 1):
                    inner.params[f"${index}"] = (start, start + index)
                scope = inner
            elif kind == "declaration_command":
                local = self._src(node).split(None, 1)[0] in ("local", "declare", "typeset")
            elif kind == "variable_assignment":
                self._assignment(node, scope, local)
            elif kind == "command":
                self._commands.append((node, scope.node_id))
            elif kind == "expansion":
                self._fallback_site(node, scope)
            stack.extend((child, scope, local) for child in reversed(node.named_children))

    def _assignment(self, node: Node, scope: Scope, local: bool) -> None:
        name = node.child_by_field_name("name")
        value = node.child_by_field_name("value")
        if name is None or value is None or name.type != "variable_name":
            return
        # Without `local`, a function's assignment sets the global.
        target = scope if local or scope.parent is None else self._module()
        end = self.syntax.span(node)[1]
        target.assignments.setdefault(self._src(name), []).append((end, value))

    def _module(self) -> Scope:
        return self.resolution.scopes[0]

    # -- functions: what they print is their value ---------------------------------------------

    def _name_of(self, definition: Node) -> str | None:
        name = definition.child_by_field_name("name")
        return None if name is None else self._src(name)

    def function_scope(self, definition: Node) -> Scope:
        return self.resolution.scopes[definition.id]  # the walk recorded every scope

    def _is_function(self, name: str) -> bool:
        """Is a function ``name`` defined in the file (parsed or not: a partial parse then
        parses the rest when the call is followed)?"""
        if self._defined is None:
            found = _DEFINITION.finditer(self.text)
            self._defined = frozenset(m.group(1) or m.group(2) for m in found)
        return name in self._defined

    def _printed(self, definition: Node, scope: int) -> ir.Expr | None:
        """What the body of ``definition`` writes to stdout: its commands' outputs in order."""
        body = definition.child_by_field_name("body")
        if body is None or body.type != "compound_statement":
            return None
        outputs: list[ir.Expr] = []
        for statement in body.named_children:
            kind = statement.type
            if kind in ("comment", "declaration_command", "variable_assignment"):
                continue
            if kind == "redirected_statement" and any(
                r.type == "file_redirect" for r in statement.children_by_field_name("redirect")
            ):
                continue  # `>&2`, `> file`: not the function's output
            if kind == "command":
                name = statement.child_by_field_name("name")
                if name is not None and self._src(name) in _SILENT:
                    continue
            if kind in ("command", "pipeline", "redirected_statement"):
                outputs.append(self._output(statement, scope, None))
            else:
                outputs.append(ir.Opaque(self.syntax.span(statement), kind))
        if not outputs or len(outputs) > MAX_RETURNS:
            return None
        span = self.syntax.span(body)
        return outputs[0] if len(outputs) == 1 else ir.Concat(tuple(outputs), span)

    def _fallback_site(self, node: Node, scope: Scope) -> None:
        expr = self._expansion(node, scope.node_id)
        if isinstance(expr, ir.Fallback) and isinstance(expr.primary, ir.Name):
            self.sites.fallbacks.append(
                FallbackSite(expr.primary.name, expr.default, self.syntax.span(node))
            )

    def _command_site(self, node: Node, scope: int) -> None:
        name = node.child_by_field_name("name")
        client = self._src(name).rsplit("/", 1)[-1] if name else ""
        user_flags = _USER_FLAGS.get(client, {})
        header_flags = _HEADER_FLAGS.get(client, {})
        if not user_flags and not header_flags:
            return
        args = node.children_by_field_name("argument")
        for index, arg in enumerate(args):
            flag = self._src(arg)
            value: Node | None = None
            context = ""
            prefix = 0
            if flag in header_flags or flag in user_flags:
                value = args[index + 1] if index + 1 < len(args) else None
                context = header_flags.get(flag) or user_flags[flag]
            elif flag.startswith("--") and flag.split("=", 1)[0] in header_flags:
                value, prefix = arg, len(flag.split("=", 1)[0]) + 1
                context = header_flags[flag.split("=", 1)[0]]
            elif "" in header_flags and not flag.startswith("-"):
                if HTTPIE_NOT_A_HEADER.match(flag):
                    continue
                value, context = arg, header_flags[""]
            if value is None:
                continue
            expr = self.lower(value, scope)
            span = self.syntax.span(value)
            if flag in user_flags:
                self.sites.pairs.append(PairSite(None, expr, span, context))
                continue
            if prefix:
                expr = _drop_prefix(expr, prefix)
            header = self._header_value(expr)
            if header is not None:
                self.sites.headers.append(HeaderSite(header, span, f"{context} header"))

    def _header_value(self, expr: ir.Expr) -> ir.Expr | None:
        """The value of an `Authorization: ...` header line, or None for other headers."""
        if isinstance(expr, ir.Name):
            target = self.resolution.resolve(expr)
            if target is None:
                return None
            expr = target
        return header_line(expr)

    # -- expressions -------------------------------------------------------------------------

    def lower(self, node: Node, scope: int) -> ir.Expr:
        kind = node.type
        span = self.syntax.span(node)
        if kind == "string":
            return self._string(node, scope)
        if kind == "raw_string":
            return self._raw_string(node)
        if kind == "ansi_c_string":
            return self._ansi_c(node)
        if kind in ("word", "number"):
            return self._word(node)
        if kind == "concatenation":
            parts = tuple(self.lower(c, scope) for c in node.named_children)
            return ir.Concat(parts, span) if len(parts) != 1 else parts[0]
        if kind == "simple_expansion":
            inner = node.named_children
            return self._variable(inner[0], scope) if inner else ir.Opaque(span)
        if kind == "expansion":
            return self._expansion(node, scope)
        if kind == "command_substitution":
            inner = [c for c in node.named_children if c.type != "comment"]
            if len(inner) != 1:
                return ir.Opaque(span)
            captured = self._output(inner[0], scope, None)
            return ir.Call("$()", (captured,), (), span, name_span=span)
        return ir.Opaque(span, kind)

    def _variable(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        name = self._src(node)
        if node.type == "special_variable_name" or name.isdigit():
            declared = self.resolution.scopes[scope].params.get(f"${name}")
            return ir.Param(f"${name}", declared or span)
        return ir.Name(name, span, scope)

    def _expansion(self, node: Node, scope: int) -> ir.Expr:
        span = self.syntax.span(node)
        variable = next(
            (
                c
                for c in node.named_children
                if c.type in ("variable_name", "special_variable_name")
            ),
            None,
        )
        if variable is None:
            return ir.Opaque(span)
        primary = self._variable(variable, scope)
        operator = node.child_by_field_name("operator")
        if operator is None:
            if len(node.named_children) == 1:
                return primary
            return ir.Opaque(span)  # ${#X}, ${X/a/b}, ${X^^}...
        op = self._src(operator)
        if op in (":?", "?"):
            return primary
        if op not in _FALLBACK_OPS:
            return ir.Opaque(span)
        rest = [c for c in node.named_children if c.start_byte >= operator.end_byte]
        if not rest:
            return ir.Fallback(primary, ir.Lit("", span, (span[1],)), span)
        parts = tuple(self.lower(c, scope) for c in rest)
        default = parts[0] if len(parts) == 1 else ir.Concat(parts, span)
        return ir.Fallback(primary, default, span)

    def _string(self, node: Node, scope: int) -> ir.Expr:
        """A double-quoted string: the text between expansions, with `\\$`-style escapes."""
        span = self.syntax.span(node)
        parts: list[ir.Expr] = []
        builder = LitBuilder()
        position = span[0] + 1
        for child in node.named_children:
            start, end = self.syntax.span(child)
            if child.type == "string_content":
                continue
            self._double_quoted(builder, position, start)
            if builder.chars:
                parts.append(builder.build((position, start), start))
                builder = LitBuilder()
            parts.append(self.lower(child, scope))
            position = end
        self._double_quoted(builder, position, span[1] - 1)
        if builder.chars or not parts:
            parts.append(builder.build((position, span[1] - 1), span[1] - 1))
        return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)

    def _double_quoted(self, builder: LitBuilder, start: int, end: int) -> None:
        text = self.text
        i = start
        while i < end:
            char = text[i]
            if char == "\\" and i + 1 < end and text[i + 1] in _DOUBLE_QUOTE_ESCAPES:
                builder.escaped(text[i + 1], i)
                i += 2
            elif char == "\\" and i + 1 < end and text[i + 1] == "\n":
                i += 2
            else:
                builder.verbatim(char, i)
                i += 1

    def _raw_string(self, node: Node) -> ir.Lit:
        span = self.syntax.span(node)
        builder = LitBuilder()
        builder.verbatim(self.text[span[0] + 1 : span[1] - 1], span[0] + 1)
        lit = builder.build(span, span[1] - 1, prose=self.syntax.prose_at(span[0]))
        found = tuple(m.span() for m in _DOLLAR.finditer(lit.text))
        if found:
            lit = ir.Lit(lit.text, lit.span, lit.offsets, lit.is_bytes, lit.prose, found)
        return lit

    def _ansi_c(self, node: Node) -> ir.Lit:
        span = self.syntax.span(node)
        builder = LitBuilder()
        text = self.text
        i, end = span[0] + 2, span[1] - 1
        while i < end:
            if text[i] == "\\" and i + 1 < end:
                builder.escaped(_ANSI_C.get(text[i + 1], text[i + 1]), i)
                i += 2
            else:
                builder.verbatim(text[i], i)
                i += 1
        return builder.build(span, end)

    def _word(self, node: Node) -> ir.Lit:
        span = self.syntax.span(node)
        builder = LitBuilder()
        text = self.text
        i = span[0]
        while i < span[1]:
            if text[i] == "\\" and i + 1 < span[1]:
                builder.escaped(text[i + 1], i)
                i += 2
            else:
                builder.verbatim(text[i], i)
                i += 1
        return builder.build(span, span[1])

    # -- commands: what they write to stdout ---------------------------------------------------

    def _output(self, node: Node, scope: int, stdin: ir.Expr | None) -> ir.Expr:
        span = self.syntax.span(node)
        if node.type == "pipeline":
            value = stdin
            for command in node.named_children:
                if command.type == "comment":
                    continue
                value = self._output(command, scope, value)
            return value if value is not None else ir.Opaque(span)
        if node.type == "redirected_statement":
            body = node.child_by_field_name("body")
            if body is not None:
                return self._output(body, scope, stdin)
        if node.type != "command":
            return ir.Opaque(span, node.type)
        name_node = node.child_by_field_name("name")
        if name_node is None:
            return ir.Opaque(span)
        name = self._src(name_node).rsplit("/", 1)[-1]
        name_span = self.syntax.span(name_node)
        arg_nodes = node.children_by_field_name("argument")
        args = [self.lower(a, scope) for a in arg_nodes]
        for redirect in node.children_by_field_name("redirect"):
            if redirect.type == "herestring_redirect":
                inner = [c for c in redirect.named_children if c.type != "comment"]
                if inner:
                    value = self.lower(inner[-1], scope)
                    here = self.syntax.span(redirect)
                    op_span = (here[0], here[0] + 3)
                    stdin = ir.Call("<<<", (value,), (), here, name_span=op_span)
            else:
                stdin = None  # a file: not followed
        words = [a.text if isinstance(a, ir.Lit) else None for a in args]
        if name == "echo":
            quoted = [a.type in ("string", "raw_string", "word") for a in arg_nodes]
            return self._echo(args, words, quoted, span, name_span)
        if name == "printf":
            return self._printf(args, span)
        if stdin is None and self._is_function(name):
            return ir.Call(name, tuple(args), (), span, name_span=name_span)
        if stdin is None:
            return ir.Opaque(span, name)
        key = _filter_key(name, words)
        if key is None:
            return ir.Opaque(span, name)
        if key == "tr -d =":
            # Deleting every `=` before the trailing newline: the padding is what goes.
            stdin = ir.Call("$()", (stdin,), (), stdin.span)
        return ir.Call(key, (stdin,), (), span, name_span=name_span)

    def _echo(
        self,
        args: list[ir.Expr],
        words: list[str | None],
        quoted: list[bool],
        span: ir.Span,
        name_span: ir.Span,
    ) -> ir.Expr:
        options = 0
        while options < len(words) and _ECHO_OPTION.fullmatch(words[options] or ""):
            options += 1
        flags = "".join((w or "")[1:] for w in words[:options])
        text = _join_words(args[options:], span)
        if "n" in flags:
            return text
        # `printf '%s'` replaces `echo` word for word only for one quoted word and no options.
        plain = not options and quoted[options:] == [True]
        kwargs = () if plain else (("words", ir.Opaque(span)),)
        return ir.Call("echo", (text,), kwargs, span, name_span=name_span)

    def _printf(self, args: list[ir.Expr], span: ir.Span) -> ir.Expr:
        if args and isinstance(args[0], ir.Lit) and args[0].text.startswith("-"):
            if args[0].text != "--":
                return ir.Opaque(span, "printf")  # `printf -v name ...` prints nothing
            args = args[1:]  # `printf -- FORMAT ...`
        if len(args) == 1 and not isinstance(args[0], ir.Lit):
            return args[0]  # `printf "$A:$B"`: the expanded text is the format
        if not args or not isinstance(args[0], ir.Lit):
            return ir.Opaque(span, "printf")
        fmt = args[0]
        values = list(args[1:])
        parts: list[ir.Expr] = []
        builder_start = 0
        text = fmt.text
        i = 0
        pending: list[tuple[int, int, str]] = []  # (start, end, replacement) of escapes
        while i < len(text):
            char = text[i]
            if char == "\\" and i + 1 < len(text):
                pending.append((i, i + 2, _ANSI_C.get(text[i + 1], text[i + 1])))
                i += 2
            elif char == "%" and i + 1 < len(text):
                if text[i + 1] == "%":
                    pending.append((i, i + 2, "%"))
                    i += 2
                    continue
                match = _PRINTF_SPEC.match(text, i)
                if match is None or match.group(1) not in "sbdq":
                    return ir.Opaque(span, "printf")
                parts.extend(_escaped_slices(fmt, builder_start, i, pending))
                pending = []
                value = values.pop(0) if values else ir.Lit("", span, (span[1],))
                if match.group(1) == "q":
                    parts.append(ir.Conversion(value, "repr", value.span, "printf %q"))
                else:
                    parts.append(ir.Conversion(value, "str", value.span, "printf"))
                i = builder_start = match.end()
            else:
                i += 1
        # The format's own last `\n`: printed after the values, reported where it is written.
        newline = pending[-1] if pending and pending[-1][1:] == (len(text), "\n") else None
        if newline is not None:
            pending.pop()
        stop = newline[0] if newline is not None else len(text)
        parts.extend(_escaped_slices(fmt, builder_start, stop, pending))
        result: ir.Expr = ir.Lit("", span, (span[1],))
        if parts:
            result = parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)
        if newline is None:
            return result
        escape = (fmt.offsets[newline[0]], fmt.offsets[newline[1]])
        return ir.Call(_PRINTF_NEWLINE, (result,), (), span, name_span=escape)


_ANSI_C: Final = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "'": "'", '"': '"', "e": "\x1b"}
_PRINTF_SPEC: Final = lazy(r"%[-+ #0]{0,5}[0-9]{0,5}(?:\.[0-9]{1,5})?([a-zA-Z])")


def _escaped_slices(
    fmt: ir.Lit, start: int, end: int, escapes: list[tuple[int, int, str]]
) -> list[ir.Expr]:
    """``fmt.text[start:end]`` with its backslash escapes resolved, offsets kept."""
    if start >= end:
        return []
    if not escapes:
        return [sub_lit(fmt, start, end)]
    builder = LitBuilder()
    position = start
    for s, e, replacement in escapes:
        if position < s:
            builder.chars.append(fmt.text[position:s])
            builder.offsets.extend(fmt.offsets[position:s])
        builder.escaped(replacement, fmt.offsets[s])
        position = e
    if position < end:
        builder.chars.append(fmt.text[position:end])
        builder.offsets.extend(fmt.offsets[position:end])
    return [builder.build((fmt.offsets[start], fmt.offsets[end]), fmt.offsets[end])]


def _join_words(args: list[ir.Expr], span: ir.Span) -> ir.Expr:
    if not args:
        return ir.Lit("", span, (span[1],))
    parts: list[ir.Expr] = []
    for index, arg in enumerate(args):
        if index:
            at = arg.span[0]
            parts.append(ir.Lit(" ", (at, at), (at, at)))
        parts.append(arg)
    return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), span)


def _drop_prefix(expr: ir.Expr, length: int) -> ir.Expr:
    parts = list(expr.parts) if isinstance(expr, ir.Concat) else [expr]
    if parts and isinstance(parts[0], ir.Lit) and len(parts[0].text) >= length:
        parts[0] = sub_lit(parts[0], length, len(parts[0].text))
        return parts[0] if len(parts) == 1 else ir.Concat(tuple(parts), expr.span)
    return expr


def _wrap_option(words: list[str | None]) -> str | None:
    """ "-w0" when the command is told not to wrap, "" when it wraps, None when it decodes."""
    zero = False
    for index, word in enumerate(words):
        if word in ("-d", "--decode", "-D"):
            return None
        if word in _WRAP_ZERO:
            zero = True
        elif word in ("-w", "--wrap", "-b") and index + 1 < len(words):
            zero = zero or words[index + 1] == "0"
        elif word is not None and word.startswith(("-w", "--wrap=")):
            zero = zero or word.rsplit("=", 1)[-1].lstrip("-w") == "0"
    return " -w0" if zero else ""


def _filter_key(name: str, words: list[str | None]) -> str | None:
    """The table key of a command that reads stdin: an encoder or a filter."""
    if name in ("base64", "gbase64"):
        option = _wrap_option(words)
        return None if option is None else "base64" + option
    if name == "basenc":
        option = _wrap_option(words)
        alphabet = "--base64url" if "--base64url" in words else "--base64"
        if option is None or alphabet not in words:
            return None
        return f"basenc {alphabet}{option}"
    if name == "openssl" and words and words[0] in ("base64", "enc"):
        if any(w in ("-d", "-in") for w in words) or (
            words[0] == "enc" and not {"-base64", "-a"} & {w or "" for w in words}
        ):
            return None
        return "openssl base64 -A" if "-A" in words else "openssl base64"
    if name == "tr" and len(words) == 2 and words[0] == "-d" and words[1] is not None:
        deleted = words[1].replace("\\n", "\n").replace("\\r", "\r")
        if "\n" in deleted and set(deleted) <= {"\n", "\r"}:
            return "tr -d \\n"
        if set(deleted) == {"="}:
            return "tr -d ="
    return None


def lower_file(syntax: Syntax, offsets: Iterable[int]) -> tuple[Sites, Resolution]:
    """Every site of the (possibly partial) tree: one walk; ``offsets`` are not needed."""
    lowering = Lowering(syntax)
    return lowering.sites.finish(), lowering.resolution

"""The record types of the per-language tables: encoder models, transforms and sinks.

Each language module (authlint/construct/lang/*.py) fills one table of each. Knowledge lives in
those tables; the evaluator and the judge read them and name no language.
"""

from __future__ import annotations

import base64
from typing import Final, Literal

from authlint.record import Record

# The request headers that carry credentials (RFC 9110 §11.6.2, §11.7.2), lower-case: every
# lowering's sinks look a header's name up here.
HEADER_NAMES: frozenset[str] = frozenset({"authorization", "proxy-authorization"})


def is_header_name(text: str) -> bool:
    """Is ``text`` (a header name as the program spells it) one of HEADER_NAMES?"""
    return text.strip().lower() in HEADER_NAMES


class EncoderModel(Record):
    """What a base64 encoder call really returns (RFC 4648 §4 / §5, MIME RFC 2045 §6.8)."""

    __slots__ = (
        "alphabet",
        "better",
        "charset",
        "data_arg",
        "line_break",
        "name",
        "newline",
        "newline_switch",
        "padding",
        "renames",
        "returns_bytes",
        "wrap",
        "wrap_ends",
    )
    _fields = (
        "name",
        "alphabet",
        "padding",
        "newline",
        "wrap",
        "line_break",
        "wrap_ends",
        "returns_bytes",
        "charset",
        "better",
        "renames",
        "data_arg",
        "newline_switch",
    )

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        name: str,
        alphabet: Literal["std", "url"] = "std",
        padding: bool = True,
        newline: bool = False,
        wrap: int = 0,
        line_break: str = "\n",
        wrap_ends: bool = False,
        returns_bytes: bool = False,
        charset: str = "utf-8",
        better: str = "",
        renames: bool = True,
        data_arg: int = 0,
        newline_switch: str = "",
    ) -> None:
        # As written in the language: "base64.encodebytes", "Base64.encode64"
        self.name: Final = name
        self.alphabet: Final = alphabet
        self.padding: Final = padding
        self.newline: Final = newline  # a line break after the last line
        self.wrap: Final = wrap  # characters per line; 0: one line
        self.line_break: Final = line_break
        # The line break also ends the last line (PHP's chunk_split): reported as the wrap.
        self.wrap_ends: Final = wrap_ends
        self.returns_bytes: Final = returns_bytes
        # How the encoder reads a text argument: "utf-8", or "latin-1" (JavaScript's btoa).
        self.charset: Final = charset
        # The call to write instead, when the model is wrong for a header (names the fix).
        self.better: Final = better
        # The mechanical fix renames the callee's last name to ``better``'s last name
        # (`encodebytes` -> `b64encode`); False where the fix is elsewhere (an argument).
        self.renames: Final = renames
        # Argument index of the data (a method-style encoder like Buffer's toString has none).
        self.data_arg: Final = data_arg
        # A keyword argument that, given a false literal, turns the trailing newline off
        # (`binascii.b2a_base64(data, newline=False)`).
        self.newline_switch: Final = newline_switch

    def encode(self, data: bytes) -> str:
        """The exact output for a known input."""
        out = base64.b64encode(data).decode("ascii")
        if self.alphabet == "url":
            out = out.translate(str.maketrans("+/", "-_"))
        if not self.padding:
            out = out.rstrip("=")
        if self.wrap and out:
            lines = [out[i : i + self.wrap] for i in range(0, len(out), self.wrap)]
            out = self.line_break.join(lines)
            if self.wrap_ends:
                out += self.line_break
        if self.newline:
            out += "\n"
        return out


# What a Transform does. "to_bytes" / "to_text": change the type only; "strip_padding":
# `.rstrip("=")`-like; "strip_newline": `.strip()`, `chomp` (blanks at the ends go); "unwrap":
# every line break goes (`.replace("\n", "")`); "repr": quote it; "str": the language's text of the
# value; "json": JSON text (a string gets double quotes, an object is not credentials); "opaque":
# unknown result named by ``note``; "keep": the value unchanged; "append_newline": a newline is
# added at the end (shell's `echo`, a here-string), reported as the encoder newline;
# "url_alphabet": `+` and `/` replaced by `-` and `_` by hand (base64url, RFC 4648 §5).
Effect = Literal[
    "to_bytes",
    "to_text",
    "strip_padding",
    "strip_newline",
    "unwrap",
    "repr",
    "str",
    "json",
    "opaque",
    "keep",
    "append_newline",
    "url_alphabet",
]


class Transform(Record):
    """A call or method that changes a value's type or text but keeps its content:
    `.encode()`, `.decode()`, `Buffer.from()`, `.rstrip("=")`, `json.dumps`, `str()`."""

    __slots__ = (
        "better",
        "data_arg",
        "decodes_with",
        "effect",
        "name",
        "note",
        "quote",
        "when_arg",
    )
    _fields = ("name", "effect", "note", "data_arg", "when_arg", "better", "quote", "decodes_with")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        name: str,
        effect: Effect,
        note: str = "",
        data_arg: int = 0,
        when_arg: tuple[int, tuple[str, ...]] | None = None,
        better: str = "",
        quote: str = "'",
        decodes_with: tuple[int, tuple[str, ...]] | None = None,
    ) -> None:
        self.name: Final = name
        self.effect: Final = effect
        self.note: Final = note
        # Which argument is the value (for calls; a method's value is its object)
        self.data_arg: Final = data_arg
        # Only when this argument (by index) is one of these literals: `.toString('base64')` is an
        # encoder, `.toString()` a decode, `.rstrip("=")` strips padding but `.rstrip()` does not.
        self.when_arg: Final = when_arg
        # What to write instead (`printf '%s'` for `echo`): the mechanical fix renames the call when
        # it has exactly one argument and no options (``Call.kwargs``).
        self.better: Final = better
        # The quote a "repr" adds (Ruby's `.inspect`: '"').
        self.quote: Final = quote
        # Arguments that make the call decode bytes into text instead (effect "to_text"): the
        # first positional index and the keywords, any one given. Python's `str(b)` prints
        # `b'...'`, but `str(b, "utf-8")`, `str(b, encoding=...)` and `str(b, errors=...)` decode
        # (Python docs: Built-in Functions, str).
        self.decodes_with: Final = decodes_with


class HeaderCallSink(Record):
    """A call that sets one header: `req.add_header(name, value)`, `xhr.setRequestHeader(...)`.

    Matched on the last part of the callee (the method name)."""

    __slots__ = ("alternating", "method", "name_arg", "value_arg")
    _fields = ("method", "name_arg", "value_arg", "alternating")

    def __init__(
        self, method: str, name_arg: int = 0, value_arg: int = 1, alternating: bool = False
    ) -> None:
        self.method: Final = method
        self.name_arg: Final = name_arg
        self.value_arg: Final = value_arg
        # The arguments alternate names and values from ``name_arg`` on: `Map.of(k1, v1, k2, v2)`,
        # java.net.http's `headers(name, value, ...)`, OkHttp's `Headers.of(...)`.
        self.alternating: Final = alternating


class PairSink(Record):
    """A call or keyword that takes credentials as two values.

    ``callee``: the last one or two parts of the callee (`HTTPBasicAuth`, `razorpay.Client`,
    `Razorpay`); ``keyword``: a keyword argument whose value is the pair (`auth=`);
    ``keys``: object keys naming the id and the secret (`{key_id, key_secret}`)."""

    __slots__ = ("callee", "context", "keys", "keyword", "module", "positions")
    _fields = ("callee", "keyword", "positions", "keys", "context", "module")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        callee: str = "",
        keyword: str = "",
        positions: tuple[int, int] = (0, 1),
        keys: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
        context: str = "",
        module: str = "",
    ) -> None:
        self.callee: Final = callee
        self.keyword: Final = keyword
        self.positions: Final = positions
        self.keys: Final = keys
        self.context: Final = context
        # The qualified name a file imports ``callee`` by, when the callee alone names no SDK
        # (`Razorpay\Api\Api` for PHP's `new Api(...)`): where it is written calls for a tree.
        self.module: Final = module


class HeaderOptionSink(Record):
    """A command-line client's option that takes one header line: `curl -H "Authorization:
    ..."`, `wget --header=...`. ``option`` "" is a request item, an argument that is the header
    line itself (HTTPie's `http URL Authorization:...`). A long option also takes its value
    after `=` (`--header=...`, GNU getopt_long)."""

    __slots__ = ("command", "context", "option")
    _fields = ("command", "option", "context")

    def __init__(self, command: str, option: str, context: str = "") -> None:
        self.command: Final = command
        self.option: Final = option
        self.context: Final = context


class SchemeSink(Record):
    """A call that builds the header value itself: `new AuthenticationHeaderValue(scheme,
    parameter)` sends `scheme + " " + parameter`; `setBearerAuth(token)` (Spring) and
    `bearerAuth(token)` (Ktor) send `"Bearer " + token`."""

    __slots__ = ("method", "scheme")
    _fields = ("method", "scheme")

    def __init__(self, method: str, scheme: str = "") -> None:
        self.method: Final = method
        # The scheme the call adds; "" when the first argument is the scheme
        self.scheme: Final = scheme


class Language(Record):
    """A language's tables: everything the evaluator needs to know that is not syntax."""

    __slots__ = (
        "bytes_advice",
        "bytes_to_text",
        "call_open",
        "encoders",
        "fallbacks",
        "header_calls",
        "name",
        "pair_sinks",
        "scheme_sinks",
        "transforms",
    )
    _fields = (
        "name",
        "encoders",
        "transforms",
        "header_calls",
        "pair_sinks",
        "bytes_to_text",
        "bytes_advice",
        "scheme_sinks",
        "fallbacks",
        "call_open",
    )

    def __init__(  # noqa: PLR0917 - every field, by position or keyword
        self,
        name: str,
        encoders: dict[str, EncoderModel],
        transforms: dict[str, Transform],
        header_calls: tuple[HeaderCallSink, ...],
        pair_sinks: tuple[PairSink, ...],
        bytes_to_text: Literal["repr", "decode"] = "decode",
        bytes_advice: str = "it prints as `b'...'`; decode the bytes first (`.decode()`)",
        scheme_sinks: tuple[SchemeSink, ...] = (),
        fallbacks: tuple[str, ...] = (),
        call_open: str = r"[ \t]*\(",
    ) -> None:
        self.name: Final = name
        # Both tables are keyed by dotted callee (`base64.b64encode`) or `.method`; a key may add
        # the first argument's literal after a colon (`.toString:base64`, `.rstrip:=`), and that
        # more specific key is looked up first.
        self.encoders: Final = encoders
        self.transforms: Final = transforms
        self.header_calls: Final = header_calls
        self.pair_sinks: Final = pair_sinks
        # How this language turns bytes into text in a conversion: Python prints a repr (b'...'),
        # JavaScript decodes the buffer.
        self.bytes_to_text: Final = bytes_to_text
        # When bytes are printed ("repr"): how they look and what to write instead, for messages.
        self.bytes_advice: Final = bytes_advice
        # Calls that build the header value from a scheme and a parameter (`setBearerAuth(t)`).
        self.scheme_sinks: Final = scheme_sinks
        # The calls and operators that give a value a default (`os.getenv(k, lit)`, `a || lit`), as
        # regular expressions: a secret-named word on the same line as one calls for a tree.
        self.fallbacks: Final = fallbacks
        # What follows a callee's name in a call (a regular expression): `(`; a shell command's
        # arguments follow a blank, a Ruby method's may. The sinks' names call for a tree with it.
        self.call_open: Final = call_open

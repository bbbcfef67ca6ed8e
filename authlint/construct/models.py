"""The record types of the per-language tables: encoder models, transforms and sinks.

Each language module (authlint/construct/lang/*.py) fills one table of each. Knowledge lives in
those tables; the evaluator and the judge read them and name no language.
"""

from __future__ import annotations

import base64
from typing import Literal, NamedTuple

# The request headers that carry credentials (RFC 9110 §11.6.2, §11.7.2), lower-case: every
# lowering's sinks look a header's name up here.
HEADER_NAMES: frozenset[str] = frozenset({"authorization", "proxy-authorization"})


def is_header_name(text: str) -> bool:
    """Is ``text`` (a header name as the program spells it) one of HEADER_NAMES?"""
    return text.strip().lower() in HEADER_NAMES


class EncoderModel(NamedTuple):
    """What a base64 encoder call really returns (RFC 4648 §4 / §5, MIME RFC 2045 §6.8)."""

    name: str  # as written in the language: "base64.encodebytes", "Base64.encode64"
    alphabet: Literal["std", "url"] = "std"
    padding: bool = True
    newline: bool = False  # a line break after the last line
    wrap: int = 0  # characters per line; 0: one line
    line_break: str = "\n"
    # The line break also ends the last line (PHP's chunk_split): reported as the wrap.
    wrap_ends: bool = False
    returns_bytes: bool = False
    # How the encoder reads a text argument: "utf-8", or "latin-1" (JavaScript's btoa).
    charset: str = "utf-8"
    # The call to write instead, when the model is wrong for a header (names the fix).
    better: str = ""
    # The mechanical fix renames the callee's last name to ``better``'s last name
    # (`encodebytes` -> `b64encode`); False where the fix is elsewhere (an argument).
    renames: bool = True
    # Argument index of the data (a method-style encoder like Buffer's toString has none).
    data_arg: int = 0
    # A keyword argument that, given a false literal, turns the trailing newline off
    # (`binascii.b2a_base64(data, newline=False)`).
    newline_switch: str = ""

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


class Transform(NamedTuple):
    """A call or method that changes a value's type or text but keeps its content:
    `.encode()`, `.decode()`, `Buffer.from()`, `.rstrip("=")`, `json.dumps`, `str()`."""

    name: str
    # "to_bytes" / "to_text": change the type only; "strip_padding": `.rstrip("=")`-like;
    # "strip_newline": `.strip()`, `chomp` (blanks at the ends go); "unwrap": every line break
    # goes (`.replace("\n", "")`); "repr": quote it; "str": the language's text of the value;
    # "json": JSON text (a string gets double quotes, an object is not credentials); "opaque":
    # unknown result named by ``note``; "keep": the value unchanged; "append_newline": a newline
    # is added at the end (shell's `echo`, a here-string), reported as the encoder newline;
    # "url_alphabet": `+` and `/` replaced by `-` and `_` by hand (base64url, RFC 4648 §5).
    effect: Literal[
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
    note: str = ""
    data_arg: int = 0  # which argument is the value (for calls; a method's value is its object)
    # Only when this argument (by index) is one of these literals: `.toString('base64')` is an
    # encoder, `.toString()` a decode, `.rstrip("=")` strips padding but `.rstrip()` does not.
    when_arg: tuple[int, tuple[str, ...]] | None = None
    # What to write instead (`printf '%s'` for `echo`): the mechanical fix renames the call when
    # it has exactly one argument and no options (``Call.kwargs``).
    better: str = ""
    # The quote a "repr" adds (Ruby's `.inspect`: '"').
    quote: str = "'"
    # Arguments that make the call decode bytes into text instead (effect "to_text"): the
    # first positional index and the keywords, any one given. Python's `str(b)` prints
    # `b'...'`, but `str(b, "utf-8")`, `str(b, encoding=...)` and `str(b, errors=...)` decode
    # (Python docs: Built-in Functions, str).
    decodes_with: tuple[int, tuple[str, ...]] | None = None


class HeaderCallSink(NamedTuple):
    """A call that sets one header: `req.add_header(name, value)`, `xhr.setRequestHeader(...)`.

    Matched on the last part of the callee (the method name)."""

    method: str
    name_arg: int = 0
    value_arg: int = 1
    # The arguments alternate names and values from ``name_arg`` on: `Map.of(k1, v1, k2, v2)`,
    # java.net.http's `headers(name, value, ...)`, OkHttp's `Headers.of(...)`.
    alternating: bool = False


class PairSink(NamedTuple):
    """A call or keyword that takes credentials as two values.

    ``callee``: the last one or two parts of the callee (`HTTPBasicAuth`, `razorpay.Client`,
    `Razorpay`); ``keyword``: a keyword argument whose value is the pair (`auth=`);
    ``keys``: object keys naming the id and the secret (`{key_id, key_secret}`)."""

    callee: str = ""
    keyword: str = ""
    positions: tuple[int, int] = (0, 1)
    keys: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    context: str = ""
    # The qualified name a file imports ``callee`` by, when the callee alone names no SDK
    # (`Razorpay\Api\Api` for PHP's `new Api(...)`): where it is written calls for a tree.
    module: str = ""


class HeaderOptionSink(NamedTuple):
    """A command-line client's option that takes one header line: `curl -H "Authorization:
    ..."`, `wget --header=...`. ``option`` "" is a request item, an argument that is the header
    line itself (HTTPie's `http URL Authorization:...`). A long option also takes its value
    after `=` (`--header=...`, GNU getopt_long)."""

    command: str
    option: str
    context: str = ""


class SchemeSink(NamedTuple):
    """A call that builds the header value itself: `new AuthenticationHeaderValue(scheme,
    parameter)` sends `scheme + " " + parameter`; `setBearerAuth(token)` (Spring) and
    `bearerAuth(token)` (Ktor) send `"Bearer " + token`."""

    method: str
    scheme: str = ""  # the scheme the call adds; "" when the first argument is the scheme


class Language(NamedTuple):
    """A language's tables: everything the evaluator needs to know that is not syntax."""

    name: str
    # Both tables are keyed by dotted callee (`base64.b64encode`) or `.method`; a key may add
    # the first argument's literal after a colon (`.toString:base64`, `.rstrip:=`), and that
    # more specific key is looked up first.
    encoders: dict[str, EncoderModel]
    transforms: dict[str, Transform]
    header_calls: tuple[HeaderCallSink, ...]
    pair_sinks: tuple[PairSink, ...]
    # How this language turns bytes into text in a conversion: Python prints a repr (b'...'),
    # JavaScript decodes the buffer.
    bytes_to_text: Literal["repr", "decode"] = "decode"
    # When bytes are printed ("repr"): how they look and what to write instead, for messages.
    bytes_advice: str = "it prints as `b'...'`; decode the bytes first (`.decode()`)"
    # Calls that build the header value from a scheme and a parameter (`setBearerAuth(t)`).
    scheme_sinks: tuple[SchemeSink, ...] = ()
    # The calls and operators that give a value a default (`os.getenv(k, lit)`, `a || lit`), as
    # regular expressions: a secret-named word on the same line as one calls for a tree.
    fallbacks: tuple[str, ...] = ()
    # What follows a callee's name in a call (a regular expression): `(`; a shell command's
    # arguments follow a blank, a Ruby method's may. The sinks' names call for a tree with it.
    call_open: str = r"[ \t]*\("

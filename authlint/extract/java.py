"""The "java" kind: Java, Kotlin, Scala, Groovy, C#, C, C++, Rust, Swift, Dart.

They share C-style literals, so one syntax serves them all. `$name`, `${...}` (Kotlin, Groovy,
Dart, Scala) and `\\(...)` (Swift) count as interpolation: the kind cannot tell Kotlin from Java,
and flagging idiomatic Kotlin would be worse than missing a `$VAR` left in a Java literal.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from authlint.extract.candidate import Candidate
from authlint.extract.code import Call, Language, Quote, extract_code, quote
from authlint.lazyre import lazy
from authlint.prefilter import Anchors

# `\$` escapes the marker (Kotlin, Groovy, Dart): `"\$token"` is sent as `$token`.
_DOLLAR: Final = r"(?<!\\)\$(?:[A-Za-z_]|\{)|\\\("
_BRACE: Final = r"(?<!\{)\{(?!\{)"
_QUOTES: Final = {
    '"': quote('"', interp=_DOLLAR),
    "'": quote("'", interp=_DOLLAR),
    '"""': quote('"""', multiline=True, interp=_DOLLAR),
    # C#: $"..." interpolates braces, @"..." is verbatim; Rust r"..." is raw.
    "$": quote('"', interp=_BRACE),
    "@": quote('"', escapes=False, multiline=True),
    "$@": quote('"', escapes=False, multiline=True, interp=_BRACE),
    "r": quote('"', escapes=False),
}


def _quotes(delim: str, prefix: str) -> Quote | None:
    if delim == '"' and prefix:
        key = "$@" if prefix in ("$@", "@$") else prefix[-1:] if prefix[-1:] in "$@r" else ""
        if key:
            return _QUOTES[key]
    return _QUOTES.get(delim)


LANGUAGE: Final = Language(
    name="java",
    quotes=_quotes,
    triple=frozenset('"'),
    # `<<`: C++ streams; `).append(`: a builder that appends to what the literal began
    # (`sb.append("Bearer ").append(token)`: Java, Kotlin, C#'s `.Append(`).
    concat=lazy(r"\+(?![+=])|\.formatted\(|\.concat\(|<<|\)[ \t]*\.[aA]ppend\("),
    # String.format / printf verbs, C# and MessageFormat {0}, Rust format! {} and {name}.
    verbs=lazy(
        r"%[-#+ 0,(]{0,5}[0-9]{0,5}(?:\.[0-9]{1,5})?[sdSbBhHxXoc@]"
        r"|\{[0-9]{0,3}(?:[:,][^{}\n]{0,20})?\}|\{[A-Za-z_][A-Za-z0-9_]{0,40}(?::[^{}\n]{0,20})?\}"
    ),
    comment=lazy(r"(?://|/\*|\*)?"),
    calls={
        "credentials.basic": Call("Credentials.basic"),
        "usernamepasswordcredentials": Call("UsernamePasswordCredentials"),
        "networkcredential": Call("NetworkCredential"),
        "passwordauthentication": Call("PasswordAuthentication"),
        "setbasicauth": Call("setBasicAuth"),
        "basicauthenticationinterceptor": Call("BasicAuthenticationInterceptor"),
        "basicauthentication": Call("basicAuthentication"),
        "basic_auth": Call("basic_auth"),
        "razorpayclient": Call("RazorpayClient"),
        "razorpay": Call("new Razorpay"),
    },
)


def extract(text: str, anchors: Anchors | None = None) -> Iterator[Candidate]:
    return extract_code(LANGUAGE, text, anchors)

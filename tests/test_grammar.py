from __future__ import annotations

import ast
import base64
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from authlint import grammar


def _imports(path: str) -> set[str]:
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
        if not (isinstance(node, ast.ImportFrom) and node.module == "__future__")
    }


def test_imports_only_re_and_the_placeholder_vocabulary() -> None:
    from authlint import lazyre, placeholder

    # The one placeholder vocabulary is a leaf module the grammar and the checks both import.
    # Both compile through authlint.lazyre (at first use), itself a leaf over `re`.
    assert _imports(grammar.__file__) == {"lazy", "placeholder"}
    assert _imports(placeholder.__file__) == {"lazy"}
    assert _imports(lazyre.__file__) == {"re", "Any", "cast"}  # a leaf: stdlib only


def test_canonical_final_characters_are_those_with_zero_pad_bits() -> None:
    alphabet = grammar.BASE64_ALPHABET
    assert alphabet == "".join(base64.b64encode(bytes([i << 2])).decode()[0] for i in range(64))
    assert "".join(c for i, c in enumerate(alphabet) if i % 16 == 0) == grammar.ZERO_LOW4
    assert "".join(c for i, c in enumerate(alphabet) if i % 4 == 0) == grammar.ZERO_LOW2


@pytest.mark.parametrize(
    ("rule", "text", "matches"),
    [
        pytest.param("token", "Basic", True, id="token"),
        pytest.param("token", "!#$%&'*+-.^_`|~", True, id="token-symbols"),
        pytest.param("token", "a:b", False, id="token-colon"),
        pytest.param("token", "a b", False, id="token-space"),
        pytest.param("token", "é", False, id="token-non-ascii"),
        pytest.param("token68", "abc==", True, id="token68"),
        pytest.param("token68", "a-._~+/", True, id="token68-symbols"),
        pytest.param("token68", "=abc", False, id="token68-leading-pad"),
        pytest.param("token68", "a=b", False, id="token68-pad-in-middle"),
        pytest.param("quoted_string", '"a\\"b"', True, id="quoted-pair"),
        pytest.param("quoted_string", '"a\xe9"', True, id="obs-text"),
        pytest.param("quoted_string", '"a\x00"', False, id="quoted-ctl"),
        pytest.param("quoted_string", '"a', False, id="unterminated"),
        pytest.param("quoted_string", '""', True, id="empty-quoted"),
        pytest.param("auth_param_list", " ,a=b", True, id="list-ows-before-first-comma"),
        pytest.param("auth_param_list", " a=b", False, id="list-ows-before-first-param"),
        pytest.param("auth_param", 'realm = "x"', True, id="param-bws"),
        pytest.param("auth_param", "realm", False, id="param-no-value"),
        pytest.param("auth_param_list", ", a=b ,, c=d ,", True, id="list-empty-elems"),
        pytest.param("auth_param_list", " , ,", False, id="list-no-param"),
        pytest.param("auth_param_list", "a=b c=d", False, id="list-no-comma"),
        pytest.param("credentials", "Negotiate", True, id="scheme-only"),
        pytest.param("credentials", "Basic  QQ==", True, id="1*SP"),
        pytest.param("credentials", "Basic\tQQ==", False, id="tab"),
        pytest.param("credentials", "Basic ", False, id="trailing-sp"),
        pytest.param("base64_canonical", "YTpi", True, id="b64"),
        pytest.param("base64_canonical", "YQ==", True, id="b64-pad2"),
        pytest.param("base64_canonical", "YWI=", True, id="b64-pad1"),
        pytest.param("base64_canonical", "YR==", False, id="b64-bits2"),
        pytest.param("base64_canonical", "YWJ=", False, id="b64-bits1"),
        pytest.param("base64_canonical", "YTpi=", False, id="b64-surplus"),
        pytest.param("base64_canonical", "YQ", False, id="b64-unpadded"),
        pytest.param("base64_canonical", "YT-i", False, id="b64-url"),
        pytest.param("b64token", "mF_9.B5f-4.1JqM", True, id="b64token"),
        pytest.param("user_pass", ":", True, id="user-pass-empty"),
        pytest.param("user_pass", "a:b:c", True, id="user-pass-colons"),
        pytest.param("user_pass", "a\r:b", False, id="user-pass-ctl"),
        pytest.param(
            "strict_credentials",
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
            True,
            id="strict-basic",
        ),
        pytest.param("strict_credentials", "basic QQ==", False, id="strict-case"),
        pytest.param("strict_credentials", "Bearer  a", False, id="strict-two-sp"),
        pytest.param("field_name_prefix", "authorization :  ", True, id="field-name"),
    ],
)
def test_rules(rule: str, text: str, matches: bool) -> None:
    # Rules are looked up by name when the test runs (bench/mutate.py swaps the module's names).
    assert (re.fullmatch(getattr(grammar, rule), text) is not None) is matches


# The shapes of common mistakes (not ABNF): each form and its nearest non-match.
@pytest.mark.parametrize(
    ("rule", "text", "matches"),
    [
        pytest.param("variable", "${TOKEN}", True, id="shell-braces"),
        pytest.param("variable", "${}", False, id="shell-braces-empty"),
        pytest.param("variable", "${a b}", False, id="shell-braces-space"),
        pytest.param("variable", "${a{b}", False, id="shell-braces-nested"),
        pytest.param("variable", "$TOKEN_1", True, id="shell"),
        pytest.param("variable", "$_", True, id="shell-underscore"),
        pytest.param("variable", "$z", True, id="shell-z"),
        pytest.param("variable", "$Z", True, id="shell-Z"),
        pytest.param("variable", "$a9", True, id="shell-digit-after"),
        pytest.param("variable", "$1", False, id="shell-digit-first"),
        pytest.param("variable", "$", False, id="shell-bare"),
        pytest.param("variable", "{{ token }}", True, id="mustache"),
        pytest.param("variable", "{{}}", False, id="mustache-empty"),
        pytest.param("variable", "{{a}b}}", False, id="mustache-brace"),
        pytest.param("variable", "%(token)s", True, id="python-named"),
        pytest.param("variable", "%(token)d", True, id="python-named-d"),
        pytest.param("variable", "%(_a9)s", True, id="python-named-underscore"),
        pytest.param("variable", "%(Z)s", True, id="python-named-Z"),
        pytest.param("variable", "%(9)s", False, id="python-named-digit"),
        pytest.param("variable", "%()s", False, id="python-named-empty"),
        pytest.param("variable", "%(a)x", False, id="python-named-x"),
        pytest.param("variable", "%s", True, id="printf-s"),
        pytest.param("variable", "%d", True, id="printf-d"),
        pytest.param("variable", "%x", False, id="printf-x"),
        pytest.param("variable", "#{token}", True, id="ruby"),
        pytest.param("variable", "#{}", False, id="ruby-empty"),
        pytest.param("variable", "#{a}b}", False, id="ruby-brace"),
        pytest.param("placeholder_wrapped", "[token]", True, id="brackets"),
        pytest.param("placeholder_wrapped", "[]", False, id="brackets-empty"),
        pytest.param("placeholder_wrapped", "[a]b]", False, id="brackets-nested"),
        pytest.param("placeholder_wrapped", "<token>", True, id="angles"),
        pytest.param("placeholder_wrapped", "<>", False, id="angles-empty"),
        pytest.param("placeholder_wrapped", "<a>b>", False, id="angles-nested"),
        pytest.param("placeholder_wrapped", "{token}", True, id="braces"),
        pytest.param("placeholder_wrapped", "{}", False, id="braces-empty"),
        pytest.param("placeholder_wrapped", "{a}b}", False, id="braces-nested"),
        pytest.param("placeholder_wrapped", "***", True, id="stars"),
        pytest.param("placeholder_wrapped", "**", False, id="two-stars"),
        pytest.param("placeholder_wrapped", "...", True, id="ellipsis"),
        pytest.param("placeholder_wrapped", "..", False, id="two-dots"),
        pytest.param("placeholder_wrapped", "\u2026", True, id="ellipsis-char"),
        pytest.param("placeholder_word", "your_token", True, id="your-underscore"),
        pytest.param("placeholder_word", "MY-KEY", True, id="my-dash-upper"),
        pytest.param("placeholder_word", "your_", True, id="your-empty-rest"),
        pytest.param("placeholder_word", "your-api_Key-9", True, id="your-rest-chars"),
        pytest.param("placeholder_word", "yourkey", True, id="yourkey"),
        pytest.param("placeholder_word", "yourtoken", True, id="yourtoken"),
        pytest.param("placeholder_word", "YourSecret", True, id="yoursecret"),
        pytest.param("placeholder_word", "yourpassword", True, id="yourpassword"),
        pytest.param("placeholder_word", "yourcredential", True, id="yourcredential"),
        pytest.param("placeholder_word", "yourcredentials", True, id="yourcredentials"),
        pytest.param("placeholder_word", "yours", False, id="yours"),
        pytest.param("placeholder_word", "token_here", True, id="here-underscore"),
        pytest.param("placeholder_word", "PUT-IT-HERE", True, id="here-dash"),
        pytest.param("placeholder_word", "_here", True, id="here-only"),
        pytest.param("placeholder_word", "there", False, id="there"),
        pytest.param("placeholder_word", "base64", True, id="base64"),
        pytest.param("placeholder_word", "b64", True, id="b64"),
        pytest.param("placeholder_word", "base64_token", True, id="base64-token"),
        pytest.param("placeholder_word", "b64-encoded", True, id="b64-encoded"),
        pytest.param("placeholder_word", "base64string", True, id="base64string"),
        pytest.param("placeholder_word", "base64credentials", True, id="base64creds"),
        pytest.param("placeholder_word", "base64credential", True, id="base64cred"),
        pytest.param("placeholder_word", "base64_value", True, id="base64-value"),
        pytest.param("placeholder_word", "base32", False, id="base32"),
        pytest.param("placeholder_word", "token", True, id="token"),
        pytest.param("placeholder_word", "API_KEY", True, id="api-key"),
        pytest.param("placeholder_word", "api-secret", True, id="api-secret"),
        pytest.param("placeholder_word", "apipassword", True, id="apipassword"),
        pytest.param("placeholder_word", "credential", True, id="credential"),
        pytest.param("placeholder_word", "credentials", True, id="credentials"),
        pytest.param("placeholder_word", "tokens", False, id="tokens"),
        pytest.param("placeholder_word", "access_token", True, id="access-token"),
        pytest.param("placeholder_word", "auth-token", True, id="auth-token"),
        pytest.param("placeholder_word", "BearerToken", True, id="bearertoken"),
        pytest.param("placeholder_word", "refresh_token", False, id="refresh-token"),
        pytest.param("placeholder_word", "key_id", True, id="key-id"),
        pytest.param("placeholder_word", "key-secret", True, id="key-secret"),
        pytest.param("placeholder_word", "keyid", True, id="keyid"),
        pytest.param("placeholder_word", "changeme", True, id="changeme"),
        pytest.param("placeholder_word", "change_me", True, id="change-me"),
        pytest.param("placeholder_word", "change-me", True, id="change-dash-me"),
        pytest.param("placeholder_word", "REDACTED", True, id="redacted"),
        pytest.param("placeholder_word", "placeholder", True, id="placeholder"),
        pytest.param("placeholder_word", "example", True, id="example"),
        pytest.param("placeholder_word", "dummy", True, id="dummy"),
        pytest.param("placeholder_word", "XXXX", True, id="XXXX"),
        pytest.param("placeholder_word", "xxxxxxxx", True, id="xxxx"),
        pytest.param("placeholder_word", "XXX", False, id="XXX"),
        pytest.param("placeholder_word", "xxx", False, id="xxx"),
        pytest.param("placeholder_word", "xXxX", False, id="mixed-x"),
        pytest.param("placeholder_word", "YTpi", False, id="base64-data"),
        pytest.param("field_name_prefix", "Authorization:", True, id="field-tight"),
        pytest.param("field_name_prefix", "Proxy-Authorization: ", True, id="proxy"),
        pytest.param("field_name_prefix", "PROXY-AUTHORIZATION\t:\t", True, id="tabs"),
        pytest.param("field_name_prefix", "Authorization", False, id="no-colon"),
        pytest.param("field_name_prefix", "Proxy-Authorizatio:", False, id="truncated"),
        pytest.param("field_name_prefix", "ProxyAuthorization:", False, id="no-dash"),
    ],
)
def test_mistake_shapes(rule: str, text: str, matches: bool) -> None:
    assert (re.fullmatch(getattr(grammar, rule), text) is not None) is matches


# Every character of U+0000-U+0100 (and samples above) in each place a mistake shape has a
# character class, against what the shape's comment says: a shell, Python or printf name is
# ASCII letters, digits and "_"; a braced or bracketed form holds anything but its own brackets
# (and, for ${...}, whitespace); the placeholder words join with "_" or "-".
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_LETTERS = _ALNUM[:52]
_SWEEP = "".join(chr(c) for c in range(0x101)) + "\u0130\u0131\u017f\u212a\u2028\u3000"
# RFC 5234 CTL (%x00-1F / %x7F) and the C1 block the strict profile also refuses.
_CTL = "".join(chr(c) for c in range(0x20)) + "\x7f"
_C1 = "".join(chr(c) for c in range(0x80, 0xA0))
_SHAPE_SWEEPS: list[tuple[str, str, Callable[[str], bool]]] = [
    ("variable", "${{{c}}}", lambda c: c not in "{}" and not c.isspace()),
    ("variable", "${{a{c}b}}", lambda c: c not in "{}" and not c.isspace()),
    ("variable", "${c}", lambda c: c in _LETTERS + "_"),
    ("variable", "$a{c}", lambda c: c in _ALNUM + "_"),
    ("variable", "{{{{{c}}}}}", lambda c: c not in "{}"),
    ("variable", "%({c})s", lambda c: c in _LETTERS + "_"),
    ("variable", "%(a{c})d", lambda c: c in _ALNUM + "_"),
    ("variable", "%(a){c}", lambda c: c in "sd"),
    ("variable", "%{c}", lambda c: c in "sd"),
    ("variable", "#{{{c}}}", lambda c: c not in "{}"),
    ("placeholder_wrapped", "[{c}]", lambda c: c not in "[]\n"),
    ("placeholder_wrapped", "<{c}>", lambda c: c not in "<>\n"),
    ("placeholder_wrapped", "{{{c}}}", lambda c: c not in "{}\n"),
    ("placeholder_word", "your_{c}", lambda c: c in _ALNUM + "_-"),
    ("placeholder_word", "my-a{c}", lambda c: c in _ALNUM + "_-"),
    ("placeholder_word", "{c}_here", lambda c: c in _ALNUM + "_-"),
    ("placeholder_word", "a{c}here", lambda c: c in "_-"),
    ("placeholder_word", "api{c}key", lambda c: c in "_-"),
    ("placeholder_word", "base64{c}token", lambda c: c in "_-"),
    ("placeholder_word", "access{c}token", lambda c: c in "_-"),
    ("placeholder_word", "key{c}id", lambda c: c in "_-"),
    ("placeholder_word", "change{c}me", lambda c: c in "_-"),
    ("placeholder_word", "your{c}", lambda c: c in "_-"),
    ("placeholder_word", "{c}xxx", lambda c: c == "x"),
    ("placeholder_word", "XXX{c}", lambda c: c == "X"),
    ("field_name_prefix", "Authorization{c}:", lambda c: c in " \t"),
    ("field_name_prefix", "Authorization:{c}", lambda c: c in " \t"),
    ("field_name_prefix", "Proxy{c}Authorization:", lambda c: c == "-"),
    ("field_name_prefix", "author{c}zation:", lambda c: c in "iI"),
    ("field_name_prefix", "{c}uthorization:", lambda c: c in "aA"),
    ("rfc_basic", "ba{c}ic YQ==", lambda c: c in "sS"),
    ("rfc_bearer", "bearer{c}a", lambda c: c == " "),
    ("rfc_bearer", "{c}earer a", lambda c: c in "bB"),
    ("placeholder_word", "{c}ey_id", lambda c: c in "kK"),
    ("rfc_basic", "basic{c}YQ==", lambda c: c == " "),
    ("rfc_basic", "basic{c}WI=", lambda c: False),  # 1*SP: "basicYWI=" is not Basic
    ("user_pass", "a{c}:b", lambda c: c not in _CTL),  # "a::b": the password is ":b"
    ("user_pass", "a:b{c}", lambda c: c not in _CTL),
    ("userid", "a{c}", lambda c: c not in _CTL + ":"),
    ("password", "a{c}", lambda c: c not in _CTL),
    ("strict_userid", "{c}", lambda c: c not in _CTL + _C1 + ":"),
    ("strict_password", "{c}", lambda c: c not in _CTL + _C1),
    ("CONTROL", "{c}", lambda c: c in _CTL + _C1),
]


@pytest.mark.parametrize(
    ("rule", "template", "expected"),
    [pytest.param(r, t, e, id=f"{r}:{t}") for r, t, e in _SHAPE_SWEEPS],
)
def test_mistake_shapes_per_character(
    rule: str, template: str, expected: Callable[[str], bool]
) -> None:
    pattern = re.compile(getattr(grammar, rule))
    wrong = [
        f"U+{ord(c):04X}"
        for c in _SWEEP
        if (pattern.fullmatch(template.format(c=c)) is not None) != expected(c)
    ]
    assert wrong == []

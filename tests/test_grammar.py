from __future__ import annotations

import ast
import base64
import re
from pathlib import Path

import pytest

from authlint import grammar


def test_imports_only_re() -> None:
    tree = ast.parse(Path(grammar.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
        if not (isinstance(node, ast.ImportFrom) and node.module == "__future__")
    }
    assert imported == {"re"}


def test_canonical_final_characters_are_those_with_zero_pad_bits() -> None:
    alphabet = grammar.BASE64_ALPHABET
    assert alphabet == "".join(base64.b64encode(bytes([i << 2])).decode()[0] for i in range(64))
    assert "".join(c for i, c in enumerate(alphabet) if i % 16 == 0) == grammar.ZERO_LOW4
    assert "".join(c for i, c in enumerate(alphabet) if i % 4 == 0) == grammar.ZERO_LOW2


@pytest.mark.parametrize(
    ("rule", "text", "matches"),
    [
        pytest.param(grammar.token, "Basic", True, id="token"),
        pytest.param(grammar.token, "!#$%&'*+-.^_`|~", True, id="token-symbols"),
        pytest.param(grammar.token, "a:b", False, id="token-colon"),
        pytest.param(grammar.token, "a b", False, id="token-space"),
        pytest.param(grammar.token, "é", False, id="token-non-ascii"),
        pytest.param(grammar.token68, "abc==", True, id="token68"),
        pytest.param(grammar.token68, "a-._~+/", True, id="token68-symbols"),
        pytest.param(grammar.token68, "=abc", False, id="token68-leading-pad"),
        pytest.param(grammar.token68, "a=b", False, id="token68-pad-in-middle"),
        pytest.param(grammar.quoted_string, '"a\\"b"', True, id="quoted-pair"),
        pytest.param(grammar.quoted_string, '"a\xe9"', True, id="obs-text"),
        pytest.param(grammar.quoted_string, '"a\x00"', False, id="quoted-ctl"),
        pytest.param(grammar.quoted_string, '"a', False, id="unterminated"),
        pytest.param(grammar.auth_param, 'realm = "x"', True, id="param-bws"),
        pytest.param(grammar.auth_param, "realm", False, id="param-no-value"),
        pytest.param(grammar.auth_param_list, ", a=b ,, c=d ,", True, id="list-empty-elems"),
        pytest.param(grammar.auth_param_list, " , ,", False, id="list-no-param"),
        pytest.param(grammar.auth_param_list, "a=b c=d", False, id="list-no-comma"),
        pytest.param(grammar.credentials, "Negotiate", True, id="scheme-only"),
        pytest.param(grammar.credentials, "Basic  QQ==", True, id="1*SP"),
        pytest.param(grammar.credentials, "Basic\tQQ==", False, id="tab"),
        pytest.param(grammar.credentials, "Basic ", False, id="trailing-sp"),
        pytest.param(grammar.base64_canonical, "YTpi", True, id="b64"),
        pytest.param(grammar.base64_canonical, "YQ==", True, id="b64-pad2"),
        pytest.param(grammar.base64_canonical, "YWI=", True, id="b64-pad1"),
        pytest.param(grammar.base64_canonical, "YR==", False, id="b64-bits2"),
        pytest.param(grammar.base64_canonical, "YWJ=", False, id="b64-bits1"),
        pytest.param(grammar.base64_canonical, "YTpi=", False, id="b64-surplus"),
        pytest.param(grammar.base64_canonical, "YQ", False, id="b64-unpadded"),
        pytest.param(grammar.base64_canonical, "YT-i", False, id="b64-url"),
        pytest.param(grammar.b64token, "mF_9.B5f-4.1JqM", True, id="b64token"),
        pytest.param(grammar.user_pass, ":", True, id="user-pass-empty"),
        pytest.param(grammar.user_pass, "a:b:c", True, id="user-pass-colons"),
        pytest.param(grammar.user_pass, "a\r:b", False, id="user-pass-ctl"),
        pytest.param(
            grammar.strict_credentials,
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
            True,
            id="strict-basic",
        ),
        pytest.param(grammar.strict_credentials, "basic QQ==", False, id="strict-case"),
        pytest.param(grammar.strict_credentials, "Bearer  a", False, id="strict-two-sp"),
        pytest.param(grammar.field_name_prefix, "authorization :  ", True, id="field-name"),
    ],
)
def test_rules(rule: str, text: str, matches: bool) -> None:
    assert (re.fullmatch(rule, text) is not None) is matches

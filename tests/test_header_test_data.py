"""Literal header values in tests are test data: an HTTP client's own tests feed it malformed
values on purpose (to see it reject them, or pass them through). A construction in a test that
breaks the header is still a bug; a value that is a sentence is a message, not a header."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _codes(path: str, source: str) -> list[Code]:
    return [f.code for f in scan_text(path, source, Settings().with_selection())]


STAND_INS = [
    pytest.param(
        "spec/client/retry_spec.rb",
        "app/client/retry.rb",
        "let(:headers) { { 'Authorization' => 'Basic 123' } }\n",
        id="ruby-short-token",
    ),
    pytest.param(
        "src/test/kotlin/HeadersTest.kt",
        "src/main/kotlin/Headers.kt",
        'fun t() { builder.add("Authorization", "valu\u00e9") }\n',
        id="kotlin-non-ascii-probe",
    ),
    pytest.param(
        "tests/test_auth.py",
        "app/auth.py",
        'EXPECTED = {"Authorization": "basic dXNlcjpwYXNz"}\n',
        id="python-scheme-case",
    ),
    pytest.param(
        "test/encoding.test.js",
        "src/encoding.js",
        "const latin1 = { Authorization: 'Basic dXNlcm5hbWU6bfZ0b3JoZWFk' };\n",
        id="js-latin1-probe",
    ),
]


@pytest.mark.parametrize(("test_path", "app_path", "source"), STAND_INS)
def test_a_literal_header_in_a_test_is_test_data(
    test_path: str, app_path: str, source: str
) -> None:
    assert [c for c in _codes(test_path, source) if c.value.startswith("AL1")] == []
    assert [c for c in _codes(app_path, source) if c.value.startswith("AL1")] != []


def test_a_construction_that_breaks_the_header_is_a_bug_in_a_test_too() -> None:
    source = (
        "import base64\n\n\n"
        "def auth_header(user, password):\n"
        '    token = base64.encodebytes(f"{user}:{password}".encode()).decode()\n'
        '    return {"Authorization": "Basic " + token}\n'
    )
    assert Code.ENCODER_NEWLINE in _codes("tests/helpers.py", source)


def test_unexpanded_variable_in_a_test_script_is_reported() -> None:
    source = "curl -H 'Authorization: Bearer $SMOKE_TOKEN' https://staging.example.com/v1/ping\n"
    assert Code.UNEXPANDED_VARIABLE in _codes("scripts/smoke_test.sh", source)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            "keys.Should().Contain(KnownHeaders.Authorization, "
            '"Authorization header not present in the request, even though credentials = true");\n',
            id="csharp-assertion-message",
        ),
        pytest.param(
            'raise ValueError("Authorization", "Bearer token was not accepted by the server")\n',
            id="python-error-message",
        ),
    ],
)
def test_a_sentence_is_a_message_not_a_header_value(source: str) -> None:
    path = "src/Client.cs" if "Should()" in source else "app/client.py"
    assert [c for c in _codes(path, source) if c.value.startswith("AL1")] == []

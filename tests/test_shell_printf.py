"""printf prints its format: a `\\n` at the end of the format piped into base64 is encoded with
the credentials (the server decodes `id:secret\\n`, AL119 at the `\\n`), as echo's newline is;
`printf '%s'`, a newline that `$(...)` strips, and a newline in what is not encoded are fine."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _found(source: str) -> list[tuple[int, int, Code]]:
    settings = Settings().with_selection()
    return [(f.line, f.column, f.code) for f in scan_text("ops/call.sh", source, settings)]


CURL = 'curl -s -H "Authorization: Basic $TOKEN" https://api.example.com/v1/orders\n'


@pytest.mark.parametrize(
    ("producer", "column"),
    [
        ('TOKEN=$(printf \'%s:%s\\n\' "$PSP_ID" "$PSP_SECRET" | base64 -w0)', 22),
        ('TOKEN=$(printf "%s:%s\\n" "$PSP_ID" "$PSP_SECRET" | base64 | tr -d \'\\n\')', 22),
        ("TOKEN=$(printf '%s\\n' \"$PSP_ID:$PSP_SECRET\" | openssl base64 -A)", 19),
        ('TOKEN=$(printf -- \'%s:%s\\n\' "$PSP_ID" "$PSP_SECRET" | base64 -w0)', 25),
    ],
)
def test_a_format_ending_in_a_newline_is_encoded_with_the_credentials(
    producer: str, column: int
) -> None:
    assert _found(f"#!/bin/sh\n{producer}\n{CURL}") == [(2, column, Code.ENCODER_NEWLINE)]


@pytest.mark.parametrize(
    "producer",
    [
        'TOKEN=$(printf \'%s:%s\' "$PSP_ID" "$PSP_SECRET" | base64 -w0)',
        "TOKEN=$(printf '%s' \"$PSP_ID:$PSP_SECRET\" | base64 -w0)",
        # The newline is printed after the encoder, and `$(...)` strips it.
        'TOKEN=$(printf \'%s\\n\' "$(printf \'%s:%s\' "$PSP_ID" "$PSP_SECRET" | base64 -w0)")',
        # `printf -v NAME` assigns instead of printing (bash): not followed, nothing claimed.
        'printf -v TOKEN \'%s:%s\\n\' "$PSP_ID" "$PSP_SECRET"',
        # What `$(...)` captures loses its trailing newline before it is encoded.
        'PAIR=$(printf \'%s:%s\\n\' "$PSP_ID" "$PSP_SECRET")\n'
        "TOKEN=$(printf '%s' \"$PAIR\" | base64 -w0)",
    ],
)
def test_no_newline_reaches_the_encoder(producer: str) -> None:
    assert _found(f"#!/bin/sh\n{producer}\n{CURL}") == []


def test_a_header_line_printed_with_a_newline_is_stripped_by_command_substitution() -> None:
    source = (
        "#!/bin/sh\n"
        'H=$(printf \'Basic %s\\n\' "$(printf \'%s:%s\' "$PSP_ID" "$PSP_SECRET" | base64 -w0)")\n'
        'curl -s -H "Authorization: $H" https://api.example.com/v1/orders\n'
    )
    assert _found(source) == []

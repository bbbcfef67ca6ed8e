from __future__ import annotations

import argparse
import io
import json

import pytest

from authlint.commands import header

ALADDIN = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
SECRET_B64 = "cnpwX3Rlc3RfQWJDZEVmR2hJaktsTW46QWJDZEVmR2hJaktsTW5PcFFyU3RVdld4"  # authlint: ignore


def run(argv: list[str], stdin: str = "") -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="authlint header")
    header.add_arguments(parser)
    args = parser.parse_args(argv)
    out = io.StringIO()
    code = header.check_values(
        args.values, args.profile, args.output_format, io.StringIO(stdin), out
    )
    return code, out.getvalue()


def test_valid_exits_0() -> None:
    code, out = run([ALADDIN, "Bearer abc"])
    assert code == 0
    assert out == "arg1: ok\narg2: ok\n"


def test_invalid_exits_1_with_caret_under_span_and_fix() -> None:
    value = "basic  " + SECRET_B64
    code, out = run([value, ALADDIN])
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "arg1:1: AL101 [scheme-case] the scheme must be spelled exactly Basic"
    assert lines[1] == "    basic  cn" + "*" * (len(SECRET_B64) - 2)
    assert lines[2] == "    ^^^^^"
    assert lines[3] == "    fix: replace with 'Basic'"
    assert lines[4].startswith("arg1:6: AL108 [bad-whitespace]")
    assert lines[6] == "         ^^"
    assert lines[-1] == "arg2: ok"


def test_never_echoes_the_secret() -> None:
    for fmt in ("text", "json"):
        _, out = run(
            [f'"Basic {SECRET_B64}"', f"Basic {SECRET_B64}\r\nX: 1", "--output-format", fmt]
        )
        assert SECRET_B64[:8] not in out


def test_insertion_fix_and_empty_span_caret() -> None:
    code, out = run([ALADDIN.rstrip("=")])
    assert code == 1
    assert "    " + " " * 32 + "^" in out.splitlines()
    assert "fix: insert '=='" in out


def test_stdin_one_value_per_line() -> None:
    code, out = run(["-"], stdin=f"{ALADDIN}\r\nBasic YTpi=\n{ALADDIN}")
    assert code == 1
    assert out.splitlines()[0] == "stdin:1: ok"
    assert out.splitlines()[1].startswith("stdin:2:11: AL106 [bad-padding]")
    assert out.splitlines()[-1] == "stdin:3: ok"


def test_json_output() -> None:
    code, out = run(["Basic YTpi=", "Digest a=b", "--output-format", "json", "--profile", "rfc"])
    assert code == 1
    records = json.loads(out)
    assert records[0]["valid"] is False
    assert records[0]["diagnostics"] == [
        {
            "code": "AL106",
            "name": "bad-padding",
            "message": "surplus base64 padding",
            "start": 10,
            "end": 11,
            "fix": "",
        }
    ]
    assert records[1] == {
        "input": "arg2",
        "valid": True,
        "credentials": "OtherCredentials",
        "redacted": "Digest …(redacted)",
        "diagnostics": [],
    }


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param([], id="no-values"),
        pytest.param(["--profile", "lenient", ALADDIN], id="bad-profile"),
        pytest.param(["--output-format", "xml", ALADDIN], id="bad-format"),
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        run(argv)
    assert excinfo.value.code == 2


def test_run_uses_stdio(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    header.add_arguments(parser)
    assert header.run(parser.parse_args(["basic x"])) == 1
    assert "AL101" in capsys.readouterr().out


def test_through_the_main_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from authlint.cli import main

    assert main(["header", ALADDIN]) == 0
    assert main(["header", "--profile", "rfc", "basic  " + ALADDIN[6:]]) == 0
    assert main(["header", "Basic $x"]) == 1
    assert "AL104 [unexpanded-variable]" in capsys.readouterr().out

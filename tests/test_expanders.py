"""Calls that fill `$X` / `${X}` in at runtime (Go's os.ExpandEnv, Python's os.path.expandvars
and string.Template, a shell pipe into envsubst): the literal given to them is a template, so
its references are not AL104; its literal start is still judged, and the same literal without
the expander is still a bug."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text


def _codes(path: str, source: str) -> list[Code]:
    return [f.code for f in scan_text(path, source, Settings().with_selection())]


GO_HEAD = 'package billing\n\nimport (\n\t"net/http"\n\t"os"\n)\n\n'


@pytest.mark.parametrize(
    "body",
    [
        'func A(r *http.Request) {\n\tr.Header.Set("Authorization", os.ExpandEnv("Basic ${PSP_TOKEN}"))\n}\n',
        'func B(r *http.Request) {\n\tr.Header.Set("Authorization", os.ExpandEnv("Bearer $PSP_TOKEN"))\n}\n',
        'func C(r *http.Request) {\n\tv := os.ExpandEnv(\n\t\t"Basic ${PSP_TOKEN}",\n\t)\n'
        '\tr.Header.Set("Authorization", v)\n}\n',
        'func D(r *http.Request) {\n\tr.Header["Authorization"] = []string{os.Expand("Bearer ${T}", os.Getenv)}\n}\n',
    ],
)
def test_go_expanders_fill_references(body: str) -> None:
    assert _codes("svc/client.go", GO_HEAD + body) == []


@pytest.mark.parametrize(
    ("body", "code"),
    [
        # No expander: the reference is sent as is.
        ('func A(r *http.Request) {\n\tr.Header.Set("Authorization", "Basic ${PSP_TOKEN}")\n}\n', Code.UNEXPANDED_VARIABLE),
        # A formatting call is no expander: `${X}` is not a verb.
        ('func B(r *http.Request) {\n\tr.Header.Set("Authorization", fmt.Sprintf("Bearer ${T}"))\n}\n', Code.UNEXPANDED_VARIABLE),
        # The literal start is still the code's: the scheme's case.
        ('func C(r *http.Request) {\n\tr.Header.Set("Authorization", os.ExpandEnv("basic ${PSP_TOKEN}"))\n}\n', Code.SCHEME_CASE),
        # A name that only ends like one (`myos.ExpandEnvironment`) is not the expander.
        ('func D(r *http.Request) {\n\tr.Header.Set("Authorization", cfg.ExpandEnvironment("Basic ${PSP_TOKEN}"))\n}\n', Code.UNEXPANDED_VARIABLE),
    ],
)  # fmt: skip
def test_go_without_an_expander_still_reports(body: str, code: Code) -> None:
    assert code in _codes("svc/client.go", GO_HEAD + body)


PY_HEAD = "import os\nfrom string import Template\n\nimport requests\n\n"


@pytest.mark.parametrize(
    "body",
    [
        "def a():\n    h = {'Authorization': os.path.expandvars('Bearer ${API_TOKEN}')}\n"
        "    return requests.get('https://api.example.com/v1', headers=h)\n",
        "def b():\n    value = os.path.expandvars(\n        'Basic $API_BASIC'\n    )\n"
        "    return requests.get('https://api.example.com/v1', headers={'Authorization': value})\n",
        "def c():\n    value = Template('Bearer ${API_TOKEN}').substitute(os.environ)\n"
        "    return requests.get('https://api.example.com/v1', headers={'Authorization': value})\n",
    ],
)
def test_python_expanders_fill_references(body: str) -> None:
    assert _codes("app/client.py", PY_HEAD + body) == []


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("def a():\n    h = {'Authorization': 'Bearer ${API_TOKEN}'}\n"
         "    return requests.get('https://api.example.com/v1', headers=h)\n", Code.UNEXPANDED_VARIABLE),
        ("def b():\n    h = {'Authorization': os.path.expandvars('bearer $API_TOKEN')}\n"
         "    return requests.get('https://api.example.com/v1', headers=h)\n", Code.SCHEME_CASE),
    ],
)  # fmt: skip
def test_python_without_an_expander_still_reports(body: str, code: Code) -> None:
    assert code in _codes("app/client.py", PY_HEAD + body)


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("HDR=$(echo 'Authorization: Basic ${PSP_TOKEN}' | envsubst)", False),
        ("printf '%s' 'Authorization: Bearer $API_TOKEN' |  envsubst > headers.txt", False),
        ("HDR=$(echo 'Authorization: Basic ${PSP_TOKEN}' | tee /tmp/h)", True),
        ("echo 'Authorization: Basic ${PSP_TOKEN}' || envsubst", True),
        ("curl -H 'Authorization: Basic ${PSP_TOKEN}' https://api.example.com/v1", True),
    ],
)
def test_shell_pipe_into_envsubst_expands(line: str, flagged: bool) -> None:
    codes = _codes("ops/call.sh", f"#!/bin/sh\n{line}\n")
    assert (Code.UNEXPANDED_VARIABLE in codes) is flagged

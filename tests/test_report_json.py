from __future__ import annotations

import json

import pytest

from authlint.codes import RULE_BY_CODE, Code
from authlint.report.json_report import KEYS
from authlint.result import ScanResult
from tests.helpers import JSON_CONTRACT
from tests.test_report_text import LIVE_KEY, render, sample_findings, sample_result

CONTRACT = list(JSON_CONTRACT)


def test_contract_keys_exactly_in_order() -> None:
    data = json.loads(render(sample_result(), "json"))
    assert isinstance(data, list)
    assert len(data) == 4
    for item in data:
        assert list(item) == CONTRACT
    assert list(KEYS) == CONTRACT


def test_values_come_from_the_finding_and_the_registry() -> None:
    data = json.loads(render(sample_result(), "json"))
    live = next(item for item in data if item["code"] == "AL201")
    finding = next(f for f in sample_findings() if f.code is Code.LIVE_KEY_ID)
    assert live == {
        "path": "app/settings.py",
        "line": 2,
        "column": 11,
        "end_line": 2,
        "end_column": 11 + len(LIVE_KEY),
        "code": "AL201",
        "name": "live-key-id",
        "kind": "secret",
        "severity": "error",
        "message": "live key id",
        "snippet": finding.snippet,
        "fingerprint": finding.fingerprint,
    }
    for item in data:
        meta = RULE_BY_CODE[Code(item["code"])]
        assert (item["name"], item["kind"]) == (meta.name, meta.kind)


def test_fix_is_not_part_of_the_contract() -> None:
    # A fix rewrites the header value, which can hold encoded credentials.
    data = json.loads(render(sample_result(), "json"))
    fixable = next(item for item in data if item["code"] == "AL101")
    assert "fix" not in fixable


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        pytest.param(ScanResult((), files_scanned=3), [], id="empty-list-when-clean"),
    ],
)
def test_clean_run(result: ScanResult, expected: list[object]) -> None:
    assert json.loads(render(result, "json")) == expected


def test_statistics_shape() -> None:
    live = next(f for f in sample_findings() if f.code is Code.LIVE_KEY_ID)
    result = ScanResult((*sample_findings(), live))
    data = json.loads(render(result, "json", statistics=True))
    assert data[0] == {"code": "AL201", "name": "live-key-id", "count": 2, "fixable": False}
    assert {"code": "AL101", "name": "scheme-case", "count": 1, "fixable": True} in data
    assert len(data) == 4


def test_output_is_one_document_ending_in_newline() -> None:
    out = render(sample_result(), "json")
    assert out.endswith("]\n")
    json.loads(out)

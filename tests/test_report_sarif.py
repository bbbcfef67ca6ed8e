from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from authlint import __version__
from authlint.codes import RULES, Code
from authlint.report.sarif import FINGERPRINT_KEY, artifact_location, build_sarif
from authlint.result import ScanResult
from tests.test_report_text import KEY_SECRET, LIVE_KEY, render, sample_findings, sample_result

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def _no_network(uri: str) -> Resource[Any]:
    raise AssertionError(f"schema validation tried to fetch {uri}")


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema,
        # attrs field alias that mypy's attrs plugin does not see.
        registry=Registry(retrieve=_no_network),  # type: ignore[call-arg]
        format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
    )


def sarif(result: ScanResult) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(result, "sarif"))
    return data


CASES = [
    pytest.param(sample_result(), id="findings-and-skipped"),
    pytest.param(ScanResult((), files_scanned=0), id="empty"),
    pytest.param(
        ScanResult(
            tuple(f.replace(path="dir with space/a%b#c.py") for f in sample_findings()),
            suppressed=2,
            stale=("x.py: AL201 " + "0" * 64,),
        ),
        id="odd-path",
    ),
    pytest.param(
        ScanResult(tuple(f.replace(path="/abs/repo/" + f.path) for f in sample_findings())),
        id="absolute-path",
    ),
    pytest.param(
        ScanResult((sample_findings()[0].replace(snippet=""),)),
        id="no-snippet",
    ),
]


@pytest.mark.parametrize("result", CASES)
def test_validates_against_oasis_schema(
    validator: jsonschema.Draft4Validator, result: ScanResult
) -> None:
    validator.validate(sarif(result))


@pytest.mark.parametrize(
    "breakage",
    [
        pytest.param(lambda log: log.pop("version"), id="no-version"),
        pytest.param(lambda log: log["runs"][0]["results"][0].update(level="fatal"), id="level"),
        pytest.param(
            lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
                "region"
            ].update(startLine=0),
            id="line-zero",
        ),
    ],
)
def test_validator_rejects_broken_logs(
    validator: jsonschema.Draft4Validator, breakage: Any
) -> None:
    log = sarif(sample_result())
    breakage(log)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(log)


def test_driver_and_rules() -> None:
    driver = sarif(sample_result())["runs"][0]["tool"]["driver"]
    assert driver["name"] == "authlint"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [str(r.code) for r in RULES]
    for descriptor, meta in zip(driver["rules"], RULES, strict=True):
        assert descriptor["name"] == meta.name
        assert descriptor["shortDescription"]["text"] == meta.summary
        assert descriptor["fullDescription"]["text"] == meta.rationale
        assert descriptor["defaultConfiguration"]["level"] == str(meta.severity)
        for part in (meta.bad, meta.good):
            assert part in descriptor["help"]["text"]
            assert part in descriptor["help"]["markdown"]
        tags = descriptor["properties"]["tags"]
        assert ("security" in tags) is (meta.kind == "secret")
        assert ("security-severity" in descriptor["properties"]) is (meta.kind == "secret")


def test_result_fields() -> None:
    log = sarif(sample_result())
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    live = next(f for f in sample_findings() if f.code is Code.LIVE_KEY_ID)
    result = next(r for r in run["results"] if r["ruleId"] == "AL201")
    assert rules[result["ruleIndex"]]["id"] == "AL201"
    assert result["level"] == "error"
    assert result["message"]["text"] == live.message
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "app/settings.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {
        "startLine": 2,
        "startColumn": 11,
        "endLine": 2,
        "endColumn": 11 + len(LIVE_KEY),
        "snippet": {"text": live.snippet},
    }
    assert result["partialFingerprints"] == {FINGERPRINT_KEY: live.fingerprint}
    warning = next(r for r in run["results"] if r["ruleId"] == "AL202")
    assert warning["level"] == "warning"
    assert run["columnKind"] == "unicodeCodePoints"


def test_fingerprints_survive_moved_lines() -> None:
    before = sarif(ScanResult(sample_findings()))["runs"][0]["results"]
    after = sarif(ScanResult(sample_findings(prefix="\n\n# moved\n")))["runs"][0]["results"]
    lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after}
    assert min(lines) == 4
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]


def test_skipped_files_become_notifications() -> None:
    invocation = sarif(sample_result())["runs"][0]["invocations"][0]
    notes = invocation["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == [
        "skipped: binary",
        "skipped: too large (12 MB > 10 MB)",
    ]
    assert [n["level"] for n in notes] == ["note", "warning"]
    assert invocation["properties"]["filesScanned"] == 12


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param("app/a.py", {"uri": "app/a.py", "uriBaseId": "%SRCROOT%"}, id="relative"),
        pytest.param("./app/a.py", {"uri": "app/a.py", "uriBaseId": "%SRCROOT%"}, id="dot-slash"),
        pytest.param(
            "a dir/x%y#z.py",
            {"uri": "a%20dir/x%25y%23z.py", "uriBaseId": "%SRCROOT%"},
            id="percent-encoded",
        ),
        pytest.param("/repo/a.py", {"uri": "file:///repo/a.py"}, id="absolute"),
    ],
)
def test_artifact_location(path: str, expected: dict[str, str]) -> None:
    assert artifact_location(path) == expected


def test_no_raw_secret_anywhere() -> None:
    text = json.dumps(build_sarif(sample_result()))
    assert LIVE_KEY not in text
    assert KEY_SECRET not in text

"""The pytest plugin: every Authorization header a test sends is checked.

Off unless ``--authlint-headers`` is given or the ini option ``authlint_headers = true`` is set.
When on, requests, httpx (sync and async), urllib3 and aiohttp are patched for the session (see
``authlint.guard.intercept``). A malformed value fails the test phase that sent it (setup, call
or teardown) with the diagnostics and the value redacted; in ``warn`` mode it is a warning.
The request itself still goes out: the test runs as it would in production. A malformed value
sent outside any test (at collection), or by a test that ends skipped or xfailed, is listed in
the summary and, in ``fail`` mode, fails the session.

The host picks the profile (``authlint.guard.check.profile_for_host``): Razorpay's strict format
for Razorpay hosts, RFC 9110/7617/6750 everywhere else.
"""

from __future__ import annotations

import traceback
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

MODES = ("fail", "warn")


class AuthorizationHeaderWarning(UserWarning):
    """A malformed Authorization header was sent (``warn`` mode)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("authlint", "authlint: check the Authorization headers tests send")
    group.addoption(
        "--authlint-headers",
        action="store_true",
        default=None,
        help="check every Authorization header sent through requests, httpx, urllib3, aiohttp",
    )
    group.addoption(
        "--authlint-headers-mode",
        choices=MODES,
        default=None,
        help="fail (default): a malformed header fails the test that sent it; warn: a warning",
    )
    parser.addini(
        "authlint_headers", "check the Authorization headers tests send", type="bool", default=False
    )
    parser.addini("authlint_headers_mode", "fail (default) or warn", default="fail")


def pytest_configure(config: pytest.Config) -> None:
    enabled = config.getoption("authlint_headers") or config.getini("authlint_headers")
    if not enabled:
        return
    mode = config.getoption("authlint_headers_mode") or config.getini("authlint_headers_mode")
    if mode not in MODES:
        raise pytest.UsageError(f"authlint_headers_mode must be 'fail' or 'warn', not {mode!r}")
    config.pluginmanager.register(Guard(str(mode)), "authlint-guard")


class Guard:
    """The plugin's state for one session, registered only when the guard is on."""

    def __init__(self, mode: str) -> None:
        from authlint.guard.intercept import Interceptor

        self.mode = mode
        self.checked = 0
        self.malformed = 0
        self._reports: list[str] | None = None  # the current test phase's reports
        self._path: str | None = None
        self._outside: list[str] = []  # sent outside any test phase (collection, plugins)
        # A phase's reports until its outcome is known: one that ends skipped or xfailed (the
        # header went out before a skip; an xfail marker absorbs the guard's failure) cannot
        # fail its test, so it fails the session instead, like a header sent outside any test.
        self._pending: dict[tuple[str, str], str] = {}
        self._unfailed: list[str] = []
        self._interceptor = Interceptor(self._observe)
        self._interceptor.start()

    def _observe(
        self, library: str, method: str, url: str, host: str | None, values: list[str | bytes]
    ) -> None:
        from authlint.guard.check import check, profile_for_host, safe_url

        profile = profile_for_host(host)
        for value in values:
            self.checked += 1
            error = check(value, where=f"{library} {method} {safe_url(url)}", profile=profile)
            if error is None:
                continue
            self.malformed += 1
            report = error.report
            origin = self._origin()
            if origin:
                report += f"\n  sent from {origin}"
            (self._reports if self._reports is not None else self._outside).append(report)

    def _origin(self) -> str:
        # The innermost frame in the test's own file: where the test (or its helper) sent it.
        if self._path is None:
            return ""
        for frame, line in traceback.walk_stack(None):
            if frame.f_code.co_filename == self._path:
                return f"{Path(self._path).name}:{line}"
        return ""

    def _phase(self, item: pytest.Item, when: str) -> Generator[None, Any, Any]:
        self._reports = []
        self._path = str(item.path)
        try:
            result = yield
        except BaseException:
            reports = self._take()
            if reports:
                item.add_report_section(when, "authlint", reports)
                self._pending[(item.nodeid, when)] = reports
            raise
        reports = self._take()
        if reports:
            if self.mode == "fail":
                self._pending[(item.nodeid, when)] = reports
                pytest.fail(reports, pytrace=False)
            item.warn(AuthorizationHeaderWarning(reports))
        return result

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        reports = self._pending.pop((report.nodeid, report.when), None)
        if reports is None or report.failed or self.mode != "fail":
            return
        outcome = "xfailed" if hasattr(report, "wasxfail") else report.outcome
        self._unfailed.append(f"({report.nodeid}, {outcome}): {reports}")

    def _take(self) -> str:
        reports, self._reports, self._path = self._reports or [], None, None
        counted: dict[str, int] = {}
        for report in reports:
            counted[report] = counted.get(report, 0) + 1
        return "\n".join(r + (f"\n  (sent {n} times)" if n > 1 else "") for r, n in counted.items())

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> Generator[None, Any, Any]:
        return (yield from self._phase(item, "setup"))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, Any, Any]:
        return (yield from self._phase(item, "call"))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item: pytest.Item) -> Generator[None, Any, Any]:
        return (yield from self._phase(item, "teardown"))

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        # A malformed header no test can answer for (sent at collection, by a plugin) still
        # fails a fail-mode run; the summary says which.
        unanswered = self._outside or self._unfailed
        if unanswered and self.mode == "fail" and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        plural = "" if self.checked == 1 else "s"
        terminalreporter.write_line(
            f"authlint: {self.checked} Authorization header{plural} checked, "
            f"{self.malformed} malformed"
        )
        for report in self._outside:
            terminalreporter.write_line("authlint (outside any test): " + report)
        for report in self._unfailed:
            terminalreporter.write_line("authlint " + report)
        for library, why in self._interceptor.failed.items():
            terminalreporter.write_line(f"authlint: could not watch {library} ({why})")

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        self._interceptor.stop()

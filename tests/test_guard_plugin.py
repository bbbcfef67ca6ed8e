"""The pytest plugin, run through pytester against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import aiohttp
import httpx
import httpx2
import pytest
import requests
import urllib3

from authlint.header import redact
from tests.guard_support import MALFORMED, STRICT_ONLY, VALID, echo_server, leaks

pytest_plugins = ["pytester"]

# The client libraries are imported here, before pytester's in-process runs: pytester drops the
# modules a run imported, and a second import of requests would mix two http.cookiejar modules.
# test_a_library_imported_inside_the_test_is_checked covers a first import during the session.

# How each client library sends one GET with an Authorization value; `url` and `value` are
# names in the generated test module.
SENDERS = {
    "requests": (
        "import requests\n"
        "def send(url, value):\n"
        "    assert requests.get(url, headers={'Authorization': value}, timeout=5).ok\n"
    ),
    "requests-session": (
        "import requests\n"
        "def send(url, value):\n"
        "    with requests.Session() as s:\n"
        "        s.headers['Authorization'] = value\n"
        "        assert s.post(url, data=b'x', timeout=5).ok\n"
    ),
    "httpx": (
        "import httpx\n"
        "def send(url, value):\n"
        "    with httpx.Client(timeout=5) as c:\n"
        "        assert c.get(url, headers={'Authorization': value}).is_success\n"
    ),
    "httpx-async": (
        "import asyncio, httpx\n"
        "def send(url, value):\n"
        "    async def go():\n"
        "        async with httpx.AsyncClient(timeout=5) as c:\n"
        "            return await c.get(url, headers={'Authorization': value})\n"
        "    assert asyncio.run(go()).is_success\n"
    ),
    "httpx2": (
        "import httpx2\n"
        "def send(url, value):\n"
        "    with httpx2.Client(timeout=5) as c:\n"
        "        assert c.get(url, headers={'Authorization': value}).is_success\n"
    ),
    "urllib3": (
        "import urllib3\n"
        "def send(url, value):\n"
        "    with urllib3.PoolManager() as pool:\n"
        "        assert pool.request('GET', url, headers={'Authorization': value}).status == 200\n"
    ),
    "aiohttp": (
        "import asyncio, aiohttp\n"
        "def send(url, value):\n"
        "    async def go():\n"
        "        async with aiohttp.ClientSession() as s:\n"
        "            async with s.get(url, headers={'Authorization': value}) as r:\n"
        "                return r.status\n"
        "    assert asyncio.run(go()) == 200\n"
    ),
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with echo_server() as (url, _):
        yield url


def _module(sender: str, url: str, value: str, name: str = "test_sends") -> str:
    return f"{SENDERS[sender]}\nURL = {url!r}\nVALUE = {value!r}\ndef {name}():\n    send(URL, VALUE)\n"


def _output(result: pytest.RunResult) -> str:
    return "\n".join(result.outlines + result.errlines)


@pytest.mark.parametrize("sender", list(SENDERS))
def test_a_malformed_header_fails_the_test_that_sent_it(
    pytester: pytest.Pytester, server: str, sender: str
) -> None:
    pytester.makepyfile(
        test_bad=_module(sender, server, MALFORMED, "test_bad"),
        test_good=_module(sender, server, VALID, "test_good"),
    )
    result = pytester.runpytest("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    out = _output(result)
    assert "test_bad.py::test_bad" in out
    assert "FAILED test_good" not in out
    # The diagnostic: code, span, fix, and the value redacted.
    result.stdout.fnmatch_lines(["*AL102*6-7*opening quote*fix: delete*"])
    assert redact(MALFORMED) in out
    assert "127.0.0.1" in out
    assert leaks(out) == []


def test_off_unless_enabled(pytester: pytest.Pytester, server: str) -> None:
    pytester.makepyfile(test_bad=_module("requests", server, MALFORMED))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert "authlint:" not in _output(result)
    assert "AL102" not in _output(result)


def test_enabled_from_the_ini_file(pytester: pytest.Pytester, server: str) -> None:
    pytester.makeini("[pytest]\nauthlint_headers = true\n")
    pytester.makepyfile(test_bad=_module("httpx", server, MALFORMED))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    assert "AL102" in _output(result)


def test_warn_mode_reports_without_failing(pytester: pytest.Pytester, server: str) -> None:
    pytester.makepyfile(test_bad=_module("urllib3", server, MALFORMED))
    result = pytester.runpytest(
        "--authlint-headers", "--authlint-headers-mode=warn", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=1, warnings=1)
    out = _output(result)
    assert "AL102" in out
    assert leaks(out) == []


def test_ini_mode_is_validated(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nauthlint_headers = true\nauthlint_headers_mode = loud\n")
    pytester.makepyfile(test_x="def test_x():\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert result.ret != 0
    assert "authlint_headers_mode" in _output(result)
    assert "Traceback" not in _output(result)


def test_summary_counts_and_patches_are_removed(pytester: pytest.Pytester, server: str) -> None:
    originals = (
        requests.Session.send,
        httpx.Client._send_single_request,
        httpx.AsyncClient._send_single_request,
        httpx2.Client._send_single_request,
        urllib3.connectionpool.HTTPConnectionPool.urlopen,
        aiohttp.client_reqrep.ClientRequest.send,
    )
    finders = list(sys.meta_path)
    pytester.makepyfile(test_good=_module("requests", server, VALID))
    result = pytester.runpytest("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    # requests over urllib3 is one request, counted once.
    result.stdout.fnmatch_lines(["*authlint: 1 Authorization header checked, 0 malformed*"])
    assert originals == (
        requests.Session.send,
        httpx.Client._send_single_request,
        httpx.AsyncClient._send_single_request,
        httpx2.Client._send_single_request,
        urllib3.connectionpool.HTTPConnectionPool.urlopen,
        aiohttp.client_reqrep.ClientRequest.send,
    )
    assert sys.meta_path == finders


def test_other_hosts_follow_the_rfc(pytester: pytest.Pytester, server: str) -> None:
    # `basic` is a slip for Razorpay, but RFC 9110 scheme names are case-insensitive.
    pytester.makepyfile(test_rfc=_module("requests", server, STRICT_ONLY))
    result = pytester.runpytest("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_razorpay_hosts_take_the_strict_profile(pytester: pytest.Pytester) -> None:
    # No network: httpx's MockTransport answers for api.razorpay.com in the process.
    pytester.makepyfile(
        test_rzp=(
            "import httpx\n"
            f"VALUE = {STRICT_ONLY!r}\n"
            "def test_rzp():\n"
            "    transport = httpx.MockTransport(lambda request: httpx.Response(200))\n"
            "    with httpx.Client(transport=transport) as c:\n"
            "        c.get('https://api.razorpay.com/v1/orders', headers={'Authorization': VALUE})\n"
        )
    )
    result = pytester.runpytest("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    out = _output(result)
    result.stdout.fnmatch_lines(["*AL101*0-5*fix: replace with 'Basic'*"])
    assert "profile strict" in out
    assert leaks(out) == []


def test_a_header_sent_by_a_fixture_errors_that_test(
    pytester: pytest.Pytester, server: str
) -> None:
    pytester.makepyfile(
        test_fixture=(
            SENDERS["requests"] + f"\nURL = {server!r}\nVALUE = {MALFORMED!r}\n"
            "import pytest\n"
            "@pytest.fixture\n"
            "def login():\n"
            "    send(URL, VALUE)\n"
            "def test_uses_login(login):\n"
            "    pass\n"
            "def test_other():\n"
            "    pass\n"
        )
    )
    result = pytester.runpytest("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*ERROR at setup of test_uses_login*", "*AL102*"])


def test_an_already_failing_test_keeps_its_error_and_gets_the_report(
    pytester: pytest.Pytester, server: str
) -> None:
    pytester.makepyfile(
        test_both=(
            SENDERS["requests"] + f"\nURL = {server!r}\nVALUE = {MALFORMED!r}\n"
            "def test_both():\n"
            "    send(URL, VALUE)\n"
            "    raise KeyError('own failure')\n"
        )
    )
    result = pytester.runpytest("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    out = _output(result)
    assert "own failure" in out
    assert "AL102" in out
    assert leaks(out) == []


def test_a_library_imported_inside_the_test_is_checked(
    pytester: pytest.Pytester, server: str
) -> None:
    # A fresh interpreter: requests is first imported in the test body, after the session began.
    pytester.makepyfile(
        test_late=(
            f"URL = {server!r}\nVALUE = {MALFORMED!r}\n"
            "import sys\n"
            "def test_late():\n"
            "    assert 'requests' not in sys.modules\n"
            "    import requests\n"
            "    requests.get(URL, headers={'Authorization': VALUE}, timeout=5)\n"
        )
    )
    result = pytester.runpytest_subprocess("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    out = _output(result)
    assert "AL102" in out
    assert leaks(out) == []


def test_a_header_sent_outside_any_test_is_in_the_summary(
    pytester: pytest.Pytester, server: str
) -> None:
    # Sent while the module is imported (collection): no test to fail, so the summary says it
    # and, in fail mode, the session fails.
    pytester.makepyfile(
        test_import_time=(
            SENDERS["requests"] + f"\nsend({server!r}, {MALFORMED!r})\n"
            "def test_nothing():\n"
            "    pass\n"
        )
    )
    result = pytester.runpytest("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*authlint: 1 Authorization header checked, 1 malformed*",
            "*outside any test*requests GET*",
            "*AL102 at 6-7*",
        ]
    )
    assert leaks(_output(result)) == []
    warned = pytester.runpytest(
        "--authlint-headers", "--authlint-headers-mode=warn", "-p", "no:cacheprovider"
    )
    assert warned.ret == pytest.ExitCode.OK


def test_a_skipped_or_xfailed_test_cannot_hide_a_malformed_header(
    pytester: pytest.Pytester, server: str
) -> None:
    # The header went out before the skip; an xfail marker (for another reason) turned the
    # guard's failure into an expected one. Either way the run passed with "2 malformed".
    pytester.makepyfile(
        test_hidden=(
            SENDERS["requests"] + f"\nURL = {server!r}\nVALUE = {MALFORMED!r}\n"
            "import pytest\n"
            "def test_skips():\n"
            "    send(URL, VALUE)\n"
            "    pytest.skip('not today')\n"
            "@pytest.mark.xfail(reason='flaky upstream')\n"
            "def test_xfails():\n"
            "    send(URL, VALUE)\n"
            "@pytest.mark.xfail(reason='flaky upstream')\n"
            "def test_xfails_on_its_own():\n"
            "    send(URL, VALUE)\n"
            "    assert False\n"
        )
    )
    result = pytester.runpytest("--authlint-headers", "-p", "no:cacheprovider")
    result.assert_outcomes(skipped=1, xfailed=2)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*authlint: 3 Authorization headers checked, 3 malformed*",
            "authlint (test_hidden.py::test_skips, skipped): malformed Authorization header*",
            "*AL102 at 6-7*",
            "authlint (test_hidden.py::test_xfails, xfailed): malformed Authorization header*",
            "*AL102 at 6-7*",
            "authlint (test_hidden.py::test_xfails_on_its_own, xfailed): malformed*",
            "*AL102 at 6-7*",
        ]
    )
    assert leaks(_output(result)) == []
    warned = pytester.runpytest(
        "--authlint-headers", "--authlint-headers-mode=warn", "-p", "no:cacheprovider"
    )
    assert warned.ret == pytest.ExitCode.OK

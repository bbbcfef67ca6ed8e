"""The linter and the runtime guard give a host's API the same profile.

Both read the provider table (authlint/providers.py): the linter through checks/target.py (a
header's request host picks its rules), the guard through guard/check.py (the host of the request
it intercepts). A lower-case `basic` is valid under RFC 9110 (schemes are case-insensitive) and an
error under the strict profile (Razorpay's documented format), so the linter's verdict on it shows
which profile it chose.
"""

from __future__ import annotations

import pytest

from authlint import Code
from authlint.guard.check import profile_for_host
from authlint.providers import PROVIDERS
from tests.helpers import codes_in

HOSTS = [
    *(host for provider in PROVIDERS for host in provider.hosts),
    *(f"eu.{host}" for provider in PROVIDERS for host in provider.hosts[:1]),
    "api.payments-gateway.io",  # an API no provider row names
]


def _linter_profile(host: str) -> str:
    source = (
        "import requests\n"
        f'requests.get("https://{host}/v1/orders", '
        'headers={"Authorization": "basic dXNlcjpwYXNz"})\n'
    )
    return "strict" if Code.SCHEME_CASE in codes_in(source) else "rfc"


@pytest.mark.parametrize("host", HOSTS)
def test_linter_and_guard_agree_on_a_hosts_profile(host: str) -> None:
    assert _linter_profile(host) == profile_for_host(host)


def test_the_table_has_both_profiles() -> None:
    # Otherwise the agreement above could hold by both sides ignoring the table.
    assert {profile_for_host(provider.hosts[0]) for provider in PROVIDERS} == {"strict", "rfc"}

"""A Basic pair built with its colon first or last (`":" + secret`, `id + ":"`) has an empty
user-id or password whatever the runtime parts hold (RFC 7617 §2): AL111 / AL116 at the
encoder's input, only where the file names an API whose format forbids it (Razorpay): an
empty half is how others are called (Stripe's `key:`), so without one it is not proven."""

from __future__ import annotations

import pytest

from tests.helpers import REPO_ROOT, check_json_as_tree

TREE = REPO_ROOT / "tests" / "data" / "empty_half"


def _found() -> set[tuple[str, int, str]]:
    return {(f["path"].rsplit("/", 1)[-1], f["line"], f["code"]) for f in check_json_as_tree(TREE)}


def test_empty_halves_are_found_where_the_pair_is_joined() -> None:
    found = _found()
    assert ("vpa_lookup.py", 16, "AL111") in found
    assert ("settlementsRaw.js", 13, "AL116") in found


def test_a_pair_with_its_colon_inside_and_an_rfc_api_are_clean() -> None:
    found = _found()
    assert not {f for f in found if f[0] == "stripe_charges.py"}  # api.stripe.com: rfc profile
    assert not {f for f in found if f[0] == "generic_client.js"}  # no API named: not proven
    # Razorpay named, but the file calls another API too: the pair may well be that API's.
    assert not {f for f in found if f[0] == "analytics_bundle.js"}
    clean = {("vpa_lookup.py", 12), ("vpa_lookup.py", 21), ("settlementsRaw.js", 9)}
    assert not {f for f in found if (f[0], f[1]) in clean}
    assert len(found) == 5, found


def test_the_request_url_names_the_api_where_the_file_calls_several() -> None:
    """A header built in a request call's arguments goes to that call's URL: Razorpay's rules
    for the request to api.razorpay.com, Stripe's (an empty password is its format) for the
    one to api.stripe.com, in files that call both."""
    found = _found()
    assert ("marketplace_settlements.py", 15, "AL116") in found
    assert ("ledgerSync.js", 9, "AL116") in found  # fetch(`${RZP_BASE}/...`, {headers})
    # req.Header.Set on the request http.NewRequestWithContext made for a razorpayX URL.
    assert ("payouts_client.go", 19, "AL116") in found
    assert not {f for f in found if f[:2] == ("payouts_client.go", 31)}  # to api.stripe.com
    # The Stripe requests (line 27: a requests.get URL; line 20: axios's `url:` option).
    assert not {
        f for f in found if f[:2] in {("marketplace_settlements.py", 27), ("ledgerSync.js", 20)}
    }


@pytest.mark.parametrize(
    ("kind", "source", "host"),
    [
        pytest.param(
            "python",
            'import base64, requests\nBASE = "https://api.razorpay.com/v1"\n'
            "def f(k):\n    t = base64.b64encode((k + ':').encode()).decode()\n"
            '    return session.request("GET", f"{BASE}/orders", headers={"Authorization": "Basic " + t})\n',
            "api.razorpay.com",
            id="python-second-positional",
        ),
        pytest.param(
            "python",
            "import base64, httpx\ndef f(k):\n    t = base64.b64encode((k + ':').encode()).decode()\n"
            '    return httpx.get(url="https://api.razorpay.com/v1/orders",\n'
            '                     headers={"Authorization": f"Basic {t}"})\n',
            "api.razorpay.com",
            id="python-url-keyword",
        ),
        pytest.param(
            "javascript",
            "const url = 'https://api.razorpay.com/v1/orders';\nfunction f(k) {\n"
            "  const t = Buffer.from(k + ':').toString('base64');\n"
            "  return axios({ url, method: 'get', headers: { Authorization: 'Basic ' + t } });\n}\n",
            "api.razorpay.com",
            id="javascript-shorthand-url-option",
        ),
        pytest.param(
            "python",
            "import base64, requests\ndef f(k):\n    t = base64.b64encode((k + ':').encode()).decode()\n"
            '    h = {"Authorization": "Basic " + t}\n'
            '    return requests.get("https://api.razorpay.com/v1/orders", headers=h)\n',
            "api.razorpay.com",
            id="python-mapping-assigned-then-passed",
        ),
        pytest.param(
            "python",
            "import base64, requests\ndef f(k, other):\n"
            "    t = base64.b64encode((k + ':').encode()).decode()\n"
            '    headers = {"Authorization": "Basic " + t}\n'
            '    requests.get("https://api.stripe.com/v1/x", headers=other)\n'
            '    return requests.get("https://api.razorpay.com/v1/orders", headers=headers)\n',
            "api.razorpay.com",
            id="python-keyword-name-is-not-the-variable",
        ),
        pytest.param(
            "javascript",
            "function f(k) {\n  const t = Buffer.from(k + ':').toString('base64');\n"
            "  const options = { method: 'POST', headers: { Authorization: `Basic ${t}` } };\n"
            "  return fetch(`https://api.razorpay.com/v1/orders`, options);\n}\n",
            "api.razorpay.com",
            id="javascript-options-object-assigned-then-passed",
        ),
        pytest.param(
            "python",
            "import base64\ndef f(k):\n    t = base64.b64encode((k + ':').encode()).decode()\n"
            '    return {"Authorization": "Basic " + t}\n',
            "",
            id="python-mapping-returned-has-no-request",
        ),
    ],
)
def test_the_request_host_is_found_beside_the_header(kind: str, source: str, host: str) -> None:
    from authlint.construct import verdicts
    from authlint.syntax import parse

    syntax = parse(kind, source)
    assert syntax is not None
    found = [v for v in verdicts(syntax, list(range(len(source)))) if v.code == "AL116"]
    assert found, "the empty password is a verdict before any rules are chosen"
    assert {v.hosts for v in found} == {(host,) if host else ()}

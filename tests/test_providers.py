"""The provider table (authlint/providers.py) and everything derived from it.

Planted keys here are synthetic (random bodies of the documented shape) and carry an inline
suppression, so the project stays clean under its own `authlint check .`.
"""

from __future__ import annotations

import ast
import base64
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from authlint import prefilter, providers
from authlint.codes import Code
from authlint.credentials import BasicCredentials
from authlint.redact import redact_secret
from tests.helpers import codes_in, findings_in

ROOT = Path(__file__).resolve().parent.parent


def test_table_has_razorpay_and_five_others_with_public_formats() -> None:
    names = [p.name for p in providers.PROVIDERS]
    assert names[0] == "Razorpay"
    assert len(names) >= 6
    assert len(set(names)) == len(names)
    for provider in providers.PROVIDERS:
        assert provider.hosts
        assert provider.header_format
        assert provider.docs.startswith("https://")
        assert provider.profile in ("strict", "rfc")
        for shape in provider.keys:
            re.compile(shape.pattern)
            assert re.match(shape.pattern[: len(shape.prefix)], shape.prefix), shape


def test_published_examples_cite_the_page_that_prints_them() -> None:
    published = [(p, e) for p in providers.PROVIDERS for e in p.published]
    assert published
    for provider, entry in published:
        assert entry.url.endswith(entry.doc)
        # A page of the provider's docs repository, of its docs site, or an example in one of
        # its own SDK repositories (its GitHub organisation).
        url = urlsplit(entry.url)
        assert (
            entry.doc.endswith(".md")
            or url.netloc == urlsplit(provider.docs).netloc
            or (
                url.netloc == "github.com"
                and url.path.split("/")[1].lower() == provider.name.lower()
            )
        )
        assert providers.published(entry.value) == entry
        # A published key id still has its provider's shape: the table holds keys, not prose.
        if entry.value.startswith(tuple(s.prefix for s in provider.keys)):
            assert providers.key_of(entry.value) is not None


def test_the_razorpay_key_shape_is_written_once() -> None:
    """`rzp_` appears in one module's code (the table); checks, key_mode, redaction and the
    prefilter derive from it."""
    holders = []
    for path in (ROOT / "authlint").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str | bytes):
                text = node.value if isinstance(node.value, str) else node.value.decode()
                if re.search(r"rzp_\(|rzp_$|rzp_\[", text):
                    holders.append(path.name)
    assert set(holders) == {"providers.py"}, holders


def test_prefilter_words_and_redaction_prefixes_come_from_the_table() -> None:
    for word in providers.PREFILTER_WORDS:
        assert word in prefilter.WORDS
    assert b"rzp_" in prefilter.WORDS
    assert b"sk_live_" in prefilter.WORDS
    key = "sk_live_" + "Zq8vR2mT9xLpW4kN7cJ3hB5d"  # authlint: ignore[AL203]
    assert redact_secret(key).startswith("sk_live_Zq")
    assert "W4kN" not in redact_secret(key)


@pytest.mark.parametrize(
    ("user", "mode"),
    [
        ("rzp_live_" + "Ab3dEf6hIj9kLm", "live"),
        ("rzp_test_" + "Ab3dEf6hIj9kLm", "test"),
        ("sk_test_" + "Zq8vR2mT9xLpW4kN7cJ3hB5d", "test"),
        ("pk_live_" + "Zq8vR2mT9xLpW4kN7cJ3hB5d", None),  # publishable: not a credential
        ("admin", None),
    ],
)
def test_key_mode_reads_any_provider_key(user: str, mode: str | None) -> None:
    assert BasicCredentials(user, "x").key_mode == mode


@pytest.mark.parametrize(
    ("source", "kind", "expected"),
    [
        pytest.param(
            'STRIPE_KEY = "sk_live_Zq8vR2mT9xLpW4kN7cJ3hB5d"\n',  # authlint: ignore[AL203]
            "python",
            [Code.KEY_SECRET],
            id="stripe-secret-key",
        ),
        pytest.param(
            'const gh = "ghp_' + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + '";\n',
            "javascript",
            [Code.KEY_SECRET],
            id="github-token",
        ),
        pytest.param(
            "CASHFREE_SECRET=cfsk_ma_prod_" + "0a1b2c3d4e5f60718293a4b5c6d7e8f9_1a2b3c4d\n",
            "dotenv",
            [Code.KEY_SECRET],
            id="cashfree-secret",
        ),
        pytest.param(
            "FLW_SECRET_KEY = FLWSECK_TEST-" + "5e0a9c3b7d2f41e68a9b0c1d2e3f4a5b-X\n",
            "dotenv",
            [Code.KEY_SECRET],
            id="flutterwave-test-secret-in-env",
        ),
        pytest.param(
            "// 'seckey' => 'FLWSECK-" + "9d8c7b6a5f4e3d2c1b0a99887766554e-X',\n",
            "php",
            [Code.KEY_SECRET],
            id="flutterwave-live-secret-in-a-comment",
        ),
        pytest.param(
            "const PUBLIC_KEY = 'FLWPUBK_TEST-" + "5e0a9c3b7d2f41e68a9b0c1d2e3f4a5b-X';\n",
            "javascript",
            [],
            id="flutterwave-public-key-is-public",
        ),
        pytest.param(
            "FLW_SECRET_KEY=FLWSECK_TEST-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX-X\n",
            "dotenv",
            [],
            id="flutterwave-placeholder",
        ),
        pytest.param(
            'PUBLISHABLE = "pk_live_Zq8vR2mT9xLpW4kN7cJ3hB5d"\n',
            "python",
            [],
            id="stripe-publishable-key-is-public",
        ),
        pytest.param(
            'KEY = "sk_test_XXXXXXXXXXXXXXXXXXXXXXXX"\n', "python", [], id="stripe-placeholder"
        ),
        pytest.param(
            "Use the `rzp_test_0wFRWIZnH65uny` key id on UAT.\n",
            "markdown",
            [],
            id="published-test-key-id",
        ),
        pytest.param(
            "const SERVER_KEY = 'SB-Mid-server-GwUP_WGbJPXsDzsNEBRs8IYA';\n",
            "javascript",
            [],
            id="midtrans-sdk-demo-sandbox-key",
        ),
        pytest.param(
            "const SERVER_KEY = 'SB-Mid-server-GwUP_WGbJPXsDzsNEBRs8IYB';\n",  # authlint: ignore[AL203]
            "javascript",
            [Code.KEY_SECRET],
            id="midtrans-other-sandbox-key",
        ),
        pytest.param(
            'stripe.api_key = "sk_test_BQokikJOvBiI2HlWgH4olfQ2"\n',
            "python",
            [],
            id="stripe-published-sample-key",
        ),
        pytest.param(
            'stripe.api_key = "sk_test_BQokikJOvBiI2HlWgH4olfQ3"\n',  # authlint: ignore[AL203]
            "python",
            [Code.KEY_SECRET],
            id="stripe-unpublished-test-key",
        ),
        pytest.param(
            'String secret = "EnLs21M47BllR3X8PSFtjtbd";\n',
            "java",
            [],
            id="published-example-secret",
        ),
        pytest.param(
            "Use `rzp_test_Qz7Lm2Rt9Vw4Kp` for testing.\n",  # authlint: ignore[AL202]
            "markdown",
            [Code.TEST_KEY_ID],
            id="unpublished-key-id-in-docs",
        ),
    ],
)
def test_key_shapes_from_the_table(source: str, kind: str, expected: list[Code]) -> None:
    assert codes_in(source, kind) == expected


def test_message_names_the_provider_and_mode() -> None:
    (finding,) = findings_in('K = "sk_live_Zq8vR2mT9xLpW4kN7cJ3hB5d"\n')  # authlint: ignore[AL203]
    assert finding.message.startswith("Stripe live secret key is hard-coded")
    assert "Zq8vR2mT9xLpW4kN7cJ3hB5d" not in finding.message + finding.snippet


def test_basic_token_of_a_provider_secret_key_is_a_secret() -> None:
    """Stripe documents the secret key as the Basic user id with an empty password: the token
    is the key, whatever the header's shape (was reported only as AL116 before)."""
    key = b"sk_live_Zq8vR2mT9xLpW4kN7cJ3hB5d:"  # authlint: ignore[AL203]
    token = base64.b64encode(key).decode()
    source = f'h = {{"Authorization": "Basic {token}"}}\nurl = "https://api.stripe.com/v1"\n'
    assert codes_in(source) == [Code.BASIC_CREDENTIALS]
    # A key id with an empty password is not a secret (and Razorpay's rules want the secret).
    token = base64.b64encode(b"rzp_test_Ab3dEf6hIj9kLm:").decode()  # authlint: ignore[AL202]
    assert codes_in(f'h = {{"Authorization": "Basic {token}"}}\n') == [Code.EMPTY_PASSWORD]


def test_host_lookup_takes_subdomains() -> None:
    assert providers.for_host("API.Razorpay.com.") is providers.BY_NAME["razorpay"]
    assert providers.for_host("eu.api.twilio.com") is providers.BY_NAME["twilio"]
    assert providers.for_host("razorpay.com.evil.example") is None


def test_every_documented_placeholder_is_in_the_one_vocabulary() -> None:
    """The table lists what each provider's docs write instead of a key; the shared placeholder
    vocabulary (authlint/placeholder.py) must recognise all of them, in docs and code alike."""
    from authlint.placeholder import is_placeholder

    for provider in providers.PROVIDERS:
        for placeholder in provider.placeholders:
            assert is_placeholder(placeholder), (provider.name, placeholder)


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [
        ("1234567890abcd", True),
        ("abcdefgh12345678", True),
        ("ABCDEFGHIJ1234567890abcd", True),
        ("Xk29dLq0vT7mP3", False),
        ("a1b2c3d4e5f6g7h8", False),
    ],
)
def test_keyboard_runs_are_placeholder_bodies(value: str, placeholder: bool) -> None:
    """A key body typed along the keyboard (`rzp_test_1234567890abcd`) is an example; a random
    body, or one that alternates classes, is not."""
    from authlint.placeholder import is_placeholder, looks_random

    assert is_placeholder(value) is placeholder
    assert looks_random(value) is not placeholder

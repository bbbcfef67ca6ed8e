"""AL203's generic rule on application repositories: what a reviewer calls a stand-in.

Measured on real application repositories (bench/README.md, "Generic secrets on application
repositories"): made-up values dressed as keys (a counting run behind a provider-like prefix,
base64 of placeholder text), quantities beside a secret's name (`..._RATE_LIMIT`), the test
environment's own settings file and Storybook stories are not leaks. Random values are drawn at
run time from a seeded generator, so no secret is written in this file.
"""

from __future__ import annotations

import base64
import random
import string

import pytest

from authlint.codes import Code
from authlint.config import Settings, resolve_selection
from authlint.generated import looks_generated, public_name, stand_in
from authlint.scan import scan_text

SECRETS_ONLY = Settings(enabled=resolve_selection(["AL2"], []))
_RNG = random.Random(4711)
ALNUM = string.ascii_letters + string.digits


def _random(size: int) -> str:
    return "".join(_RNG.choice(ALNUM) for _ in range(size))


ALNUM32 = _random(32)
ALNUM24 = _random(24)
# Kubernetes writes a Secret's data as base64 of the secret: a random text encoded.
ENCODED_RANDOM = base64.b64encode(_random(30).encode()).decode()
ENCODED_BYTES = base64.b64encode(_RNG.randbytes(30)).decode()


def _codes(path: str, source: str, kind: str) -> list[Code]:
    return [f.code for f in scan_text(path, source, SECRETS_ONLY, kind)]


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("sk-ab-1234567890abcdef", id="prefix then counting run"),
        pytest.param("whsec_0123456789ABCDEFGH", id="underscore prefix then run"),
        pytest.param("kx-" + _random(6) + "-abcdefghij", id="run in a middle part"),
        pytest.param(base64.b64encode(b"sample-web-secret1").decode(), id="base64 of a sample"),
        pytest.param(base64.b64encode(b"dummy-client-token").decode(), id="base64 of dummy"),
        pytest.param(base64.b64encode(b"your-client-secret").decode(), id="base64 of your-"),
        pytest.param("APP_" + base64.b64encode(b"access_token").decode(), id="prefix then base64"),
    ],
)
def test_stand_ins_are_not_generated(value: str) -> None:
    assert stand_in(value)
    assert not looks_generated(value)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(ALNUM32, id="random"),
        pytest.param("sk-ab-" + ALNUM24, id="prefixed random"),
        pytest.param(ENCODED_RANDOM, id="base64 of random text"),
        pytest.param(ENCODED_BYTES, id="base64 of random bytes"),
    ],
)
def test_random_values_are_no_stand_ins(value: str) -> None:
    assert not stand_in(value)  # (looks_generated's recall on random values: test_generated)


def test_a_constant_name_is_not_generated() -> None:
    assert not looks_generated("MAIL_OAUTH2_REFRESH_TOKEN")
    assert looks_generated(ALNUM32.upper()[:20] + ALNUM32[20:])  # upper case, one random token


def test_stand_in_ignores_what_is_not_base64() -> None:
    assert not stand_in("not base64!")
    assert not stand_in("abc")  # not a multiple of four, nothing decoded


@pytest.mark.parametrize(
    ("name", "public"),
    [
        ("API_KEY_RATE_LIMIT", True),
        ("SECRET_TTL", True),
        ("password_max_age", True),
        ("passwordMinLength", True),
        ("PASSWORD_HASH_ROUNDS", True),
        ("STORAGE_SECRET", False),
        ("LIVE_SERVER_SECRET_KEY", False),
    ],
)
def test_quantities_beside_a_secret_name(name: str, public: bool) -> None:
    assert public_name(name) is public


@pytest.mark.parametrize(
    ("path", "source", "kind"),
    [
        pytest.param(".env.test", f"SECRET_KEY={ALNUM32}\n", "dotenv", id="dotenv test"),
        pytest.param(".env.testing", f"APP_SECRET={ALNUM32}\n", "dotenv", id="laravel testing"),
        pytest.param(
            "src/main/resources/application-test.yml",
            f"app:\n  jwt-secret: {ALNUM32}\n",
            "yaml",
            id="spring test profile",
        ),
        pytest.param(
            "web/src/components/KeyDialog.stories.tsx",
            f'export const Shown = {{ args: {{ secretKey: "{ALNUM32}" }} }};\n',
            "typescript",
            id="storybook story",
        ),
        pytest.param(
            "web/src/__e2e__/login.ts",
            f'const password = "{ALNUM32}";\n',
            "typescript",
            id="e2e directory",
        ),
        pytest.param(
            "deploy/start.sh",
            'run "${API_KEY_RATE_LIMIT:-60/minute}"\n',
            "shell",
            id="rate limit fallback",
        ),
        pytest.param(
            "scripts/seed.ts",
            'const key = process.env.SEED_SECRET_KEY ?? "sk-ab-1234567890";\n',
            "typescript",
            id="counting fallback",
        ),
        pytest.param(
            "src/components/MailSetup.vue",
            "const isSecret = (key) =>\n  ['MAIL_CLIENT_SECRET', 'MAIL_OAUTH2_REFRESH_TOKEN']"
            ".includes(key);\n",
            "javascript",
            id="a list of constant names",
        ),
        pytest.param(
            "charts/app/templates/secret.yaml",
            "clients:\n  - id: web\n    secret: "
            + base64.b64encode(b"sample-web-secret1").decode()
            + "\n",
            "yaml",
            id="base64 sample in a secret field",
        ),
    ],
)
def test_not_reported(path: str, source: str, kind: str) -> None:
    assert _codes(path, source, kind) == []


@pytest.mark.parametrize(
    ("path", "source", "kind"),
    [
        pytest.param(".env", f"SECRET_KEY={ALNUM32}\n", "dotenv", id="dotenv"),
        pytest.param(".env.production", f"SECRET_KEY={ALNUM32}\n", "dotenv", id="production"),
        pytest.param(
            "deploy/docker-compose.yml",
            f"services:\n  api:\n    environment:\n      LIVE_SECRET_KEY: ${{LIVE_SECRET_KEY:-{ALNUM32}}}\n",
            "yaml",
            id="compose default",
        ),
        pytest.param(
            "deploy/start.sh",
            f'run "${{SESSION_SECRET:-{ALNUM32}}}"\n',
            "shell",
            id="shell fallback",
        ),
        pytest.param(
            "charts/app/templates/secret.yaml",
            f"data:\n  client-secret: {ENCODED_RANDOM}\n",
            "yaml",
            id="base64 of a random secret",
        ),
        pytest.param(
            "src/components/testimonial.ts",
            f'const webhookSecret = "{ALNUM32}";\n',
            "typescript",
            id="test inside a word is no test",
        ),
    ],
)
def test_still_reported(path: str, source: str, kind: str) -> None:
    assert _codes(path, source, kind) == [Code.KEY_SECRET]


@pytest.mark.parametrize(
    ("token", "found"),
    [
        pytest.param(
            "APP_" + base64.b64encode(b"access_token").decode(), False, id="base64 stand-in"
        ),
        pytest.param("tok-1234567890abcdefgh", False, id="counting run"),
        pytest.param("APP_" + ENCODED_RANDOM, True, id="prefix then base64 of random"),
        pytest.param(ALNUM32, True, id="random"),
    ],
)
def test_bearer_stand_ins(token: str, found: bool) -> None:
    source = f"curl -H 'Authorization: Bearer {token}' https://api.example.org/v1/me\n"
    codes = [
        f.code for f in scan_text("deploy/probe.sh", source, Settings().with_selection(), "shell")
    ]
    assert (Code.BEARER_TOKEN in codes) is found

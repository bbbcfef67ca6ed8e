"""Generic secrets: a generated-looking literal in a secret-named setting is AL203.

The random values are drawn at run time from a seeded generator, so no secret is written in
this file; the fixed ones below are the negatives (what must not be reported).
"""

from __future__ import annotations

import base64
import random
import string
from pathlib import Path

import pytest

from authlint.codes import Code
from authlint.config import Settings, resolve_selection
from authlint.generated import entropy, looks_generated, public_name, reads_as_words
from authlint.redact import MARK
from authlint.report import FORMATS
from tests.conftest import Run
from tests.helpers import codes_in, findings_in

SECRETS_ONLY = Settings(enabled=resolve_selection(["AL2"], []))
_RNG = random.Random(20261201)


def _random(alphabet: str, size: int) -> str:
    return "".join(_RNG.choice(alphabet) for _ in range(size))


ALNUM = string.ascii_letters + string.digits
HEX40 = _random("0123456789abcdef", 40)
HEX64 = _random("0123456789abcdef", 64)
ALNUM20 = _random(ALNUM, 20)
ALNUM32 = _random(ALNUM, 32)
ALNUM40 = _random(ALNUM, 40)
URLSAFE40 = base64.urlsafe_b64encode(_RNG.randbytes(30)).decode()
B64_44 = base64.b64encode(_RNG.randbytes(32)).decode()  # 44 characters, `=` padded


@pytest.mark.parametrize(
    "value", [HEX40, HEX64, ALNUM20, ALNUM32, ALNUM40, URLSAFE40, B64_44, HEX64.upper()]
)
def test_random_output_of_each_alphabet_looks_generated(value: str) -> None:
    assert looks_generated(value)


def test_recall_on_random_values_is_above_99_percent() -> None:
    rng = random.Random(5)
    for alphabet in ("0123456789abcdef", ALNUM, ALNUM + "-_"):
        for size in (16, 24, 32, 64, 128):
            values = ["".join(rng.choice(alphabet) for _ in range(size)) for _ in range(300)]
            missed = sum(not looks_generated(v) for v in values)
            assert missed <= 6, (alphabet[-3:], size, missed)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("short1A", id="too short"),
        pytest.param(ALNUM40 * 4, id="too long"),
        pytest.param("your_session_secret_here", id="placeholder"),
        pytest.param("changeme-changeme-changeme", id="changeme"),
        pytest.param("xxxxxxxxxxxxxxxxxxxxxxxxxxxx", id="xxx"),
        pytest.param("0123456789abcdef0123456789abcdef", id="sequential hex"),
        pytest.param("abcdefghijklmnopqrstuvwxyz012345", id="keyboard run"),
        pytest.param("aaaaaaaaaaaaaaaaaaaa1111", id="repeated"),
        pytest.param("AbstractBasicAuthHandler", id="identifier"),
        pytest.param("IAmSensitiveBytes", id="camel-case words"),
        pytest.param("MySuperSecretSessionKey2024", id="phrase"),
        pytest.param("test_secret_key_for_testing", id="snake words"),
        pytest.param("/home/user2/project/secrets", id="path"),
        pytest.param("https://example.com/a1b2c3", id="url"),
        pytest.param("1.2.3-rc1+build.20240101", id="version"),
        pytest.param("django-insecure-" + _random(ALNUM, 34), id="django dev key"),
        pytest.param("ab+cd_ef" + _random(ALNUM, 20), id="two base64 alphabets"),
        pytest.param("deadbeefdeadbeefdeadbeef", id="hex word"),
        pytest.param("1234567812345678", id="digits"),
    ],
)
def test_not_generated(value: str) -> None:
    assert not looks_generated(value)


def test_entropy_is_bits_per_character() -> None:
    assert entropy("aaaa") == 0
    assert entropy("abcd") == 2
    assert entropy("0123456789abcdef") == 4


def test_words_joined_read_as_words_random_does_not() -> None:
    assert reads_as_words("HTTPPasswordMgrWithPriorAuth")
    assert not reads_as_words(ALNUM32)


@pytest.mark.parametrize(
    ("name", "public"),
    [
        ("SECRET_KEY", False),
        ("webhookSecret", False),
        ("cookie_secret", False),
        ("SECRET_KEY_ID", True),
        ("webhookSecretId", True),
        ("session_secret_env", True),
        ("SECRET_KEY_FILE", True),
        ("password_hash", True),
        ("client_secret_sha256", True),
        ("public_secret", True),
    ],
)
def test_public_names(name: str, public: bool) -> None:
    assert public_name(name) is public


# Each format a secret-named setting is written in, with the bed's value shapes.
FLAGGED = [
    pytest.param(
        f"services:\n  web:\n    environment:\n      SESSION_SECRET: {ALNUM32}\n",
        "yaml",
        id="compose",
    ),
    pytest.param(
        f'{{\n  "payments": {{\n    "webhookSecret": "{ALNUM32}"\n  }}\n}}\n', "json", id="json"
    ),
    pytest.param(f'SECRET_KEY = "{ALNUM40}"\n', "python", id="django"),
    pytest.param(f"WEBHOOK_SECRET = '{ALNUM20}'\n", "python", id="20 alnum"),
    pytest.param(f'SIGNING_SECRET = "{HEX64}"\n', "python", id="64 hex"),
    pytest.param(f'[server]\ncookie_secret = "{URLSAFE40}"\n', "toml", id="toml urlsafe"),
    pytest.param(f"APP_SECRET={B64_44}\n", "dotenv", id="dotenv base64"),
    pytest.param(f"ENV JWT_SECRET={HEX40}\n", "dockerfile", id="dockerfile"),
    pytest.param(f'const webhookSecret = "{ALNUM32}";\n', "javascript", id="js const"),
    pytest.param(
        f'const s = process.env.SESSION_SECRET || "{ALNUM32}";\n', "javascript", id="js fallback"
    ),
    pytest.param(f'key = os.getenv("WEBHOOK_SECRET", "{HEX40}")\n', "python", id="getenv fallback"),
    pytest.param(f'    webhook_secret: str = "{ALNUM32}"\n', "python", id="annotated"),
    pytest.param(f'var signingSecret = "{HEX64}"\n', "go", id="go"),
    pytest.param(f'  "jwt_secret" => "{URLSAFE40}",\n', "php", id="php array"),
    pytest.param(f"export SESSION_SECRET={ALNUM40}\n", "shell", id="shell export"),
]


@pytest.mark.parametrize(("source", "kind"), FLAGGED)
def test_generated_value_in_a_secret_named_setting_is_a_key_secret(source: str, kind: str) -> None:
    assert codes_in(source, kind, SECRETS_ONLY) == [Code.KEY_SECRET]


NOT_FLAGGED = [
    pytest.param(f'SECRET_KEY_ID = "{ALNUM32}"\n', "python", "settings.py", id="an id"),
    pytest.param(f'SECRET_KEY_FILE = "{ALNUM32}"\n', "python", "settings.py", id="a file"),
    pytest.param(f'WEBHOOK_SECRET = "{ALNUM32}"\n', "python", "tests/test_hooks.py", id="test"),
    pytest.param(f'SECRET_KEY = "{ALNUM40}"\n', "python", "examples/settings.py", id="example"),
    pytest.param(f"```\nSECRET_KEY={ALNUM40}\n```\n", "markdown", "README.md", id="docs"),
    pytest.param("secret = SecretsSettingsSourceCallable\n", "python", "app.py", id="name"),
    pytest.param(f'mac = hmac.new(secret, "{ALNUM32}")\n', "python", "app.py", id="argument"),
    pytest.param(f'secret = "{ALNUM32}:{ALNUM20}"\n', "python", "app.py", id="part of one"),
    pytest.param("SESSION_SECRET: ${SESSION_SECRET}\n", "yaml", "compose.yml", id="template"),
    pytest.param('SECRET_KEY = "your-secret-key-goes-here"\n', "python", "app.py", id="stand-in"),
    pytest.param(
        "SECRET_KEY = 'django-insecure-" + _random(ALNUM, 40) + "'\n",
        "python",
        "settings.py",
        id="django dev key",
    ),
    pytest.param(
        "__all__ = ['HTTPPasswordMgrWithPriorAuth', 'AbstractBasicAuthHandler']\n",
        "python",
        "request.py",
        id="24 letters of words",
    ),
    pytest.param(f'PASSWORD_SHA256 = "{HEX64}"\n', "python", "app.py", id="a digest"),
]


@pytest.mark.parametrize(("source", "kind", "path"), NOT_FLAGGED)
def test_not_a_generic_secret(source: str, kind: str, path: str) -> None:
    from authlint.scan import scan_text

    assert [f.code for f in scan_text(path, source, SECRETS_ONLY, kind)] == []


def test_finding_is_redacted_and_says_why() -> None:
    (finding,) = findings_in(f'SECRET_KEY = "{ALNUM40}"\n', "python", SECRETS_ONLY)
    assert ALNUM40 not in repr(finding)
    assert ALNUM40[:8] not in repr(finding)
    assert finding.snippet == ALNUM40[:4] + MARK
    assert "generated-looking" in finding.message


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_output_format_redacts_a_generic_secret(git_repo: Path, run: Run, fmt: str) -> None:
    (git_repo / "settings.py").write_text(f'SECRET_KEY = "{ALNUM40}"\n')
    (git_repo / "docker-compose.yml").write_text(f"environment:\n  SESSION_SECRET: {HEX64}\n")
    report = git_repo / f"report.{fmt}"
    code, out, err = run(["check", "--isolated", "--output-format", fmt, "-o", str(report), "."])
    assert code == 1, err
    written = report.read_text("utf-8")
    assert "AL203" in written or "KEY_SECRET" in written or "hard-coded" in written
    for blob in (out, err, written):
        for secret in (ALNUM40, HEX64):
            assert secret not in blob
            assert secret[4:12] not in blob  # no more than the redactor's four characters

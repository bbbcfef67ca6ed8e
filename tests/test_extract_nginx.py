"""nginx: the Authorization header a proxy sets upstream (`proxy_set_header` and kin)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authlint.extract import extractor
from authlint.kinds import kind_of
from tests.helpers import codes_in, findings_in

SERVER = (
    "server {{\n    location /api/ {{\n        {line}\n        proxy_pass {upstream};\n    }}\n}}\n"
)


def _codes(line: str, upstream: str = "http://backend") -> list[str]:
    source = SERVER.format(line=line, upstream=upstream)
    return [str(c) for c in codes_in(source, "nginx")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('proxy_set_header Authorization "Basic  dXNlcjpwYXNzd29yZA==";', ["AL108"]),
        ("proxy_set_header Authorization 'Basic \"dXNlcjpwYXNzd29yZA==\"';", ["AL102"]),
        ("proxy_set_header Authorization Basic;", ["AL109"]),
        ('proxy_set_header Authorization "Bearer  ${API_TOKEN}";', ["AL108"]),
        ("more_set_input_headers 'Authorization: Basic  $creds';", ["AL108"]),
        ("grpc_set_header Authorization \"Basic 'dXNlcjpwYXNzd29yZA=='\";", ["AL102"]),
        # nginx (or envsubst, in a template) fills in `$name` and `${NAME}`.
        ('proxy_set_header Authorization "Bearer $upstream_token";', []),
        ('proxy_set_header Authorization "Basic ${BASIC_CREDENTIALS}";', []),
        ("proxy_set_header Authorization $http_authorization;", []),
        ("fastcgi_param HTTP_AUTHORIZATION $http_authorization;", []),
        # Clearing the header before proxying is deliberate.
        ('proxy_set_header Authorization "";', []),
        ("proxy_set_header Authorization '';", []),
        ('# proxy_set_header Authorization "basic dXNlcjpwYXNzd29yZA==";', []),
        ('proxy_set_header X-Request-Id "basic";', []),
    ],
)
def test_header_set_for_the_upstream(line: str, expected: list[str]) -> None:
    assert _codes(line) == expected


def test_the_upstream_host_chooses_the_rules() -> None:
    """`proxy_pass` of the same block: to Razorpay, its strict Basic rules are named."""
    line = 'proxy_set_header Authorization "basic cnpwX3Rlc3Q6c2VjcmV0";'
    findings = findings_in(
        SERVER.format(line=line, upstream="https://api.razorpay.com/v1"), "nginx"
    )
    assert [str(f.code) for f in findings] == ["AL101"]
    assert "api.razorpay.com" in findings[0].message


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("nginx.conf", "", "nginx"),
        ("sites-available/default.conf", "# site\nserver {\n    listen 80;\n", "nginx"),
        ("conf.d/api.conf", "upstream api {\n  server 10.0.0.1;\n}\n", "nginx"),
        ("templates/default.conf.template", "server {\n", "nginx"),
        ("nginx/main.conf", "user nginx;\nworker_processes auto;\n", "nginx"),
        ("supervisord.conf", "[program:app]\ncommand=/usr/bin/app\n", "ini"),
        ("app.conf", "key = value\nserver = db.local\n", "ini"),
        ("redis.conf", "bind 127.0.0.1\nport 6379\n", "ini"),
    ],
)
def test_nginx_files_are_known_by_their_start(name: str, head: str, kind: str) -> None:
    assert kind_of(name, head) == kind


@given(
    text=st.text(alphabet=st.sampled_from(list("proxy_set_header Authorization'\"\\${};#\n bB")))
    | st.text()
)
def test_never_raises(text: str) -> None:
    extract = extractor("nginx")
    for candidate in extract(text):
        value = candidate.value
        assert text[value.start : value.end] == value.text


@pytest.mark.parametrize(
    "piece",
    [
        'proxy_set_header Authorization "Basic x";\n',
        "location / {\n",
        "proxy_set_header Authorization ",
    ],
)
def test_repetition_stays_bounded(piece: str) -> None:
    assert len(list(extractor("nginx")(piece * 20_000))) <= 10_000

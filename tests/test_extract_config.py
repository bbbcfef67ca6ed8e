from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authlint.extract import Role, extractor
from tests.test_extract_shell import Row, rows

H, U, PR = Role.HEADER, Role.USERPASS, Role.PAIR

ACTIONS = """\
on: push
jobs:
  call:
    env:
      AUTH: "Basic $TOKEN"
    steps:
      - run: |
          curl -sS -u "${{ secrets.RZP_KEY_ID }}:${{ secrets.RZP_KEY_SECRET }}" \\
            https://api.razorpay.com/v1/orders
      - with:
          headers: {Authorization: Basic abc, Accept: json}
          authorization: ${{ secrets.AUTH }}
"""
COMPOSE = """\
services:
  web:
    image: nginx
    environment:
      - AUTHORIZATION=Basic ${TOKEN}
    healthcheck:
      test: ["CMD", "curl", "-f", "-u", "admin:pw", "http://localhost"]
"""
K8S = """\
livenessProbe:
  httpGet:
    httpHeaders:
      - name: Authorization
        value: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==
      - name: X-Other
        value: nope
"""
YAML_MISC = """\
razorpay:
  key_id: rzp_test_1DP5mmOlF5G5ag  # authlint: ignore
  key_secret: notarealsecretatall0000
grafana:
  basic_auth:
    username: admin
    password: hunter2
other:
  username: a
  password: b
spec:
  header: "Authorization: basic abc"   # a comment
  # Authorization: Basic commented-out
  Authorization: !Sub "Basic ${Token}"
  authorization: !Ref AuthParam
"""
POSTMAN = """\
{"auth": {"type": "basic", "basic": [
   {"key": "password", "value": "pw", "type": "string"},
   {"key": "username", "value": "me", "type": "string"}]},
 "item": [{"request": {"header": [
   {"key": "Authorization", "value": "Basic {{token}}", "type": "text"},
   {"key": "Accept", "value": "json"}]}}],
 "h": "Authorization: Basic $TOKEN"}
"""
PYPROJECT = """\
[tool.client]
headers = { Authorization = "Basic abc", Accept = "x" }

[tool.client.auth]
username = "me"
password = "pw"

[tool.other]
password = "not paired"
"""
INI = """\
[api]
Authorization = Basic abc ; comment
proxy-authorization: "Bearer $TOKEN"
[razorpay]
key_id = kid
key_secret = ksec
"""
DOTENV = """\
# Authorization: Basic in-a-comment
AUTH_HEADER="Basic $TOKEN"
export AUTHORIZATION='Bearer abc'
RAZORPAY_KEY_ID=kid
RAZORPAY_KEY_SECRET=ksec
DATABASE_URL=postgres://x
"""

CASES = [
    pytest.param(
        "yaml",
        ACTIONS,
        [
            (H, "Basic abc", True, False),
            (H, "${{ secrets.AUTH }}", False, True),
            (U, "${{ secrets.RZP_KEY_ID }}:${{ secrets.RZP_KEY_SECRET }}", False, True),
        ],
        id="github actions",
    ),
    pytest.param(
        "yaml",
        COMPOSE,
        [(H, "Basic ${TOKEN}", True, True), (U, "admin:pw", True, False)],
        id="compose",
    ),
    pytest.param("yaml", K8S, [(H, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", True, False)], id="k8s"),
    pytest.param(
        "yaml",
        YAML_MISC,
        [
            (H, "basic abc", True, False),
            (H, "Basic ${Token}", True, True),
            (H, "!Ref AuthParam", False, True),
            (PR, "rzp_test_1DP5mmOlF5G5ag", True, False),  # authlint: ignore
            (PR, "admin", True, False),
        ],
        id="yaml pairs, strings, tags",
    ),
    pytest.param(
        "json",
        POSTMAN,
        [
            (H, "Basic {{token}}", True, True),
            (H, "Basic $TOKEN", True, False),
            (PR, "me", True, False),
        ],
        id="postman",
    ),
    pytest.param(
        "json",
        '{"headers": {"Authorization": "Basic a\\"b"}}',
        [(H, 'Basic a\\"b', True, False)],
        id="json raw escapes",
    ),
    pytest.param(
        "toml", PYPROJECT, [(H, "Basic abc", True, False), (PR, "me", True, False)], id="toml"
    ),
    pytest.param(
        "ini",
        INI,
        [
            (H, "Basic abc", True, False),
            (H, "Bearer $TOKEN", True, False),
            (PR, "kid", True, False),
        ],
        id="ini",
    ),
    pytest.param(
        "dotenv",
        DOTENV,
        [
            (H, "Basic $TOKEN", True, False),
            (H, "Bearer abc", True, False),
            (PR, "kid", True, False),
        ],
        id="dotenv",
    ),
    pytest.param(
        "yaml",
        "deploy:\n  script:\n"
        "    - 'curl --header \"Authorization: Bearer $CI_JOB_TOKEN\" https://x/trigger'\n"
        "    - curl -u deployer:Hunter2Secret99 https://x/upload\n",
        [(H, "Bearer $CI_JOB_TOKEN", True, True), (U, "deployer:Hunter2Secret99", True, True)],
        id="yaml-quoted script line is shell, and does not swallow the next command",
    ),
    pytest.param(
        "yaml",
        "step:\n  run: 'curl -H ''Authorization: Bearer $T'' https://x'\n",
        [(H, "Bearer $T", True, False)],
        id="yaml-quoted command with doubled quotes is left as written",
    ),
    pytest.param(
        "yaml",
        "notes:\n  - 'see \"Authorization: Bearer $T\" in the docs'\n",
        [(H, "Bearer $T", True, False)],
        id="yaml-quoted non-command string keeps its header",
    ),
    pytest.param(
        "ini",
        "[upstream]\nauth_header = Bearer\n  # auth_header = Basic old\n",
        [(H, "Bearer", True, False)],
        id="ini key named auth_header holds a header",
    ),
    pytest.param(
        "ini",
        "[testenv]\nsetenv =\n    AUTH_HEADER = Bearer {env:API_TOKEN}\n"
        "authorization = Basic {[vars]token}\n",
        [(H, "Bearer {env:API_TOKEN}", False, False), (H, "Basic {[vars]token}", False, False)],
        id="ini tox substitution is not literal",
    ),
    pytest.param(
        "ini", "[api]\noauth_mode = token based\n", [], id="ini auth-ish key is not a header"
    ),
    pytest.param(
        "yaml",
        "spring:\n  application:\n    name: pay\nclient:\n  Authorization: Basic ${BASIC_TOKEN}\n",
        [(H, "Basic ${BASIC_TOKEN}", True, True)],
        id="spring application.yml resolves ${VAR}",
    ),
    pytest.param(
        "yaml",
        "app:\n  spring: true\nclient:\n  Authorization: Basic ${BASIC_TOKEN}\n",
        [(H, "Basic ${BASIC_TOKEN}", True, False)],
        id="a nested spring key is not Spring config",
    ),
    pytest.param(
        "dotenv",
        'AUTHORIZATION="Bearer ${API_TOKEN}"\nAUTH_HEADER=Basic ${B}\n'
        "API_AUTH='Bearer ${T}'\nX_AUTH_HEADER=\"Basic $A${B}\"\n",
        [
            (H, "Bearer ${API_TOKEN}", True, True),
            (H, "Basic ${B}", True, True),
            (H, "Bearer ${T}", True, False),
            (H, "Basic $A${B}", True, False),
        ],
        id="dotenv ${VAR} outside single quotes is filled in; $VAR and single quotes are not",
    ),
    # must not yield
    pytest.param(
        "yaml", "authorization_url: https://x\nauth: {type: oauth}\n", [], id="yaml lookalikes"
    ),
    pytest.param("json", '{"authorization": null, "password": 3}', [], id="json non-strings"),
    pytest.param("toml", 'authorization_mode = "x"\n', [], id="toml other key"),
    pytest.param("ini", "[db]\nusername = a\npassword = b\n", [], id="ini password not under auth"),
    pytest.param("dotenv", "OAUTH_CLIENT=abc\nPASSWORD=x\n", [], id="dotenv unrelated"),
]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES)
def test_config(kind: str, text: str, expected: list[Row]) -> None:
    assert sorted(rows(kind, text)) == sorted(expected)


def test_pair_secret_values() -> None:
    (pair,) = [c for c in extractor("toml")(PYPROJECT) if c.role is Role.PAIR]
    assert pair.secret is not None
    assert (pair.context, pair.secret.text) == ("config basic auth", "pw")


CONFIG_KINDS = ["yaml", "json", "toml", "ini", "dotenv", "terraform"]


@pytest.mark.parametrize("kind", CONFIG_KINDS)
@given(
    text=st.text(alphabet=st.sampled_from(list("authorization: =\"'{}[]-\n#$password_key_secret")))
    | st.text()
)
def test_never_raises(kind: str, text: str) -> None:
    rows(kind, text)


@pytest.mark.parametrize("kind", CONFIG_KINDS)
@pytest.mark.parametrize(
    "piece",
    [
        '"Authorization": "Basic abc", ',
        "  key_secret: x\n",
        "- name: Authorization\n",
        'Authorization = "${',
    ],
)
def test_repetition_stays_bounded(kind: str, piece: str) -> None:
    assert len(list(extractor(kind)(piece * 20_000))) <= 10_000


def test_terraform_fills_in_a_header_line_inside_a_string() -> None:
    """`headers = ["Authorization: Bearer ${var.token}"]`: Terraform interpolates every
    quoted string, so only the literal start is judged."""
    from tests.helpers import codes_in

    block = 'settings {{\n  http {{\n    headers = ["Authorization: {value}"]\n  }}\n}}\n'
    assert codes_in(block.format(value="Bearer ${var.health_token}"), "terraform") == []
    assert [str(c) for c in codes_in(block.format(value="Bearer  ${var.t}"), "terraform")] == [
        "AL108"
    ]


POD = """apiVersion: v1
kind: Pod
metadata:
  name: notify
spec:
  containers:
    - name: notify
      image: curlimages/curl
      env:
        - name: NOTIFY_TOKEN
          valueFrom: {{secretKeyRef: {{name: notify, key: token}}}}
{body}"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The kubelet fills in `$(NAME)` from the container's env in command and args.
        ('      args:\n        - "-H"\n        - "Authorization: Bearer $(NOTIFY_TOKEN)"\n', []),
        ('      command: ["curl", "-H", "Authorization: Bearer $(NOTIFY_TOKEN)"]\n', []),
        ('      args:\n        - "Authorization: Bearer  $(NOTIFY_TOKEN)"\n', ["AL108"]),
        # ... and nowhere else: a probe's header is sent as written.
        (
            "      readinessProbe:\n        httpGet:\n          path: /health\n"
            "          httpHeaders:\n            - name: Authorization\n"
            "              value: Bearer $(NOTIFY_TOKEN)\n",
            ["AL105"],
        ),
    ],
)
def test_kubernetes_fills_in_container_arguments(body: str, expected: list[str]) -> None:
    from tests.helpers import codes_in

    assert [str(c) for c in codes_in(POD.format(body=body), "yaml")] == expected

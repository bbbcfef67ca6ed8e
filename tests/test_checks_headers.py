"""AL1xx in context: the same header value is or is not a finding depending on where it sits."""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings, resolve_selection
from tests.helpers import codes_in

HEADERS_ONLY = Settings(enabled=resolve_selection(["AL1"], []))


def header_codes(source: str, kind: str) -> list[Code]:
    return codes_in(source, kind, HEADERS_ONLY)


@pytest.mark.parametrize(
    ("source", "kind", "expected"),
    [
        pytest.param(
            'h = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n',
            "python",
            [Code.SCHEME_CASE],
            id="scheme-case",
        ),
        pytest.param(
            'h = {"Authorization": "Basic <base64token>"}\n',
            "python",
            [Code.PLACEHOLDER],
            id="placeholder-in-code",
        ),
        pytest.param(
            'headers["Authorization"] = "basic " + token\n',
            "python",
            [Code.SCHEME_CASE],
            id="concatenated-prefix",
        ),
        pytest.param(
            'headers["Authorization"] = "Basic" + token\n',
            "python",
            [Code.WHITESPACE],
            id="prefix-without-space",
        ),
        pytest.param(
            "curl -H 'Authorization: Basic $TOKEN' https://api.razorpay.com/v1/orders\n",
            "shell",
            [Code.UNEXPANDED_VARIABLE],
            id="single-quoted-variable",
        ),
        pytest.param(
            'h = {"Authorization": "Basic $TOKEN"}\n',
            "python",
            [Code.UNEXPANDED_VARIABLE],
            id="dollar-in-python-literal",
        ),
        pytest.param(
            '{"headers": {"Authorization": "Basic \\"QWxhZGRpbjpvcGVuIHNlc2FtZQ==\\""}}\n',
            "json",
            [Code.QUOTED_CREDENTIALS],  # one problem: one finding, "and 1 more" in its message
            id="escaped-quotes",
        ),
        pytest.param(
            "curl -u : https://example.com/\n",
            "shell",
            [Code.EMPTY_USER_ID, Code.EMPTY_PASSWORD],
            id="curl-empty",
        ),
        pytest.param(
            'curl -u "$RAZORPAY_KEY_ID:" https://api.razorpay.com/v1/orders\n',
            "shell",
            [Code.EMPTY_PASSWORD],
            id="secret-never-filled-in",
        ),
        pytest.param(
            'h = {"Authorization": "Bearer {{token}}"}\n',
            "python",
            [Code.UNEXPANDED_VARIABLE],
            id="mustache-in-code",
        ),
    ],
)
def test_flags(source: str, kind: str, expected: list[Code]) -> None:
    assert header_codes(source, kind) == expected


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        pytest.param('# e.g. {"Authorization": "Basic <base64token>"}\n', "python", id="comment"),
        pytest.param(
            'def f():\n    """Send {"Authorization": "Basic <token>"}."""\n',
            "python",
            id="docstring",
        ),
        pytest.param(
            "```sh\ncurl -H 'Authorization: Basic <base64token>' https://x\n```\n",
            "markdown",
            id="markdown-placeholder",
        ),
        pytest.param(
            "curl -u [YOUR_KEY_ID]:[YOUR_KEY_SECRET] https://api.razorpay.com/v1/orders\n",
            "markdown",
            id="razorpay-docs-placeholder",
        ),
        pytest.param(
            'curl -H "Authorization: Basic $TOKEN" https://api.razorpay.com/v1/orders\n',
            "shell",
            id="double-quoted-expands",
        ),
        pytest.param('h = {"Authorization": f"Bearer {token}"}\n', "python", id="f-string"),
        pytest.param("headers:\n  Authorization: Bearer {{ token }}\n", "yaml", id="template-yaml"),
        pytest.param(
            'h = {"Authorization": \'Digest username="a", realm="b", nonce="c"\'}\n',
            "python",
            id="other-scheme-by-rfc",
        ),
        pytest.param('title = "Basic settings"\n', "python", id="ui-string"),
        pytest.param(
            "# Example: curl -u rzp_test_XXXXXXXXXXXXXX:YOUR_SECRET https://api.razorpay.com\n",
            "shell",
            id="curl-placeholder-in-comment",
        ),
    ],
)
def test_does_not_flag(source: str, kind: str) -> None:
    assert header_codes(source, kind) == []


def test_make_fills_in_variables_even_in_single_quotes() -> None:
    recipe = "deploy:\n\tcurl -H 'Authorization: Bearer $(TOKEN)' https://x.example/\n"
    assert codes_in(recipe, "shell", HEADERS_ONLY) != []  # in a shell script: never expanded
    from authlint.scan import scan_text

    assert scan_text("Makefile", recipe, HEADERS_ONLY) == []


def test_mechanical_fixes_are_marked_fixable_and_hold_no_credentials() -> None:
    from tests.helpers import findings_in

    source = 'h = {"Authorization": "basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}\n'
    (finding,) = findings_in(source, "python", HEADERS_ONLY)
    assert finding.fix == "Basic"
    (placeholder,) = findings_in('h = {"Authorization": "Basic <token>"}\n', "python", HEADERS_ONLY)
    assert placeholder.fix is None


def test_no_parse_for_the_comment_test_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # When the construction analysis needs no tree for a file (no anchor calls for one: here
    # the file's tree offsets are taken as empty), "is it in a comment?" reads the line
    # instead of parsing the file. (A shell `curl -u` does call for a tree since the curl
    # options became rows of shell's table: a secret assigned above is followed into it.)
    from authlint import prefilter, syntax
    from authlint.checks import FileContext
    from authlint.checks.headers import check_headers

    parsed: list[str] = []
    real_parse = syntax.parse

    def counting(kind: str, text: str, near: object = None) -> object:
        parsed.append(kind)
        return real_parse(kind, text, near)  # type: ignore[arg-type]

    monkeypatch.setattr(syntax, "parse", counting)

    def codes(source: str) -> list[Code]:
        data = source.encode()
        anchors = prefilter.char_offsets(data, prefilter.python_anchors(data))
        ctx = FileContext("get.sh", source, "shell", HEADERS_ONLY, anchors)
        ctx._tree_offsets = []
        assert not ctx.tree_wanted
        return [hit.code for hit in check_headers(ctx)]

    assert codes("curl -u 'YOUR_USER:' https://api.example.com/v1/orders\n") == [
        Code.EMPTY_PASSWORD,
        Code.PLACEHOLDER,
    ]
    # In a comment the placeholder is documentation.
    assert codes("# curl -u 'YOUR_USER:' https://api.example.com/v1/orders\n") == [
        Code.EMPTY_PASSWORD
    ]
    assert parsed == []


# A template of settings to copy (`.env.example`, `settings.sample.toml`, `app.yaml.dist`) shows
# what to fill in: a placeholder there is its purpose, as in docs. In the real settings file it
# is a header that will fail; and a real key in a template is still a leak.
TEMPLATE_SOURCE = 'AUTH_HEADER="Bearer <token>"\nRAZORPAY_KEY_ID=rzp_live_Qz7Lm2Rt9Vw4Kp\n'  # authlint: ignore[AL201]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param(".env.example", [Code.LIVE_KEY_ID], id="env-example"),
        pytest.param("deploy/.env.sample", [Code.LIVE_KEY_ID], id="env-sample"),
        pytest.param("config/prod.env.template", [Code.LIVE_KEY_ID], id="env-template"),
        pytest.param("settings.dist.env", [Code.LIVE_KEY_ID], id="dist"),
        pytest.param(".env", [Code.PLACEHOLDER, Code.LIVE_KEY_ID], id="real-env"),
        pytest.param("deploy/.env.staging", [Code.PLACEHOLDER, Code.LIVE_KEY_ID], id="staging"),
        pytest.param("examples.env", [Code.PLACEHOLDER, Code.LIVE_KEY_ID], id="word-not-suffix"),
    ],
)
def test_settings_templates_read_as_docs(path: str, expected: list[Code]) -> None:
    from authlint.config import Settings
    from authlint.scan import scan_text

    assert [f.code for f in scan_text(path, TEMPLATE_SOURCE, Settings())] == expected


# An escaped interpolation marker is sent as written: Kotlin's `\$` and Terraform's `$${` keep
# the template notation in the string instead of filling it in (AL104). Unescaped, it expands.
@pytest.mark.parametrize(
    ("source", "kind", "expected"),
    [
        pytest.param(
            'val h = mapOf("Authorization" to "Bearer \\$token")\n',
            "kotlin",
            [Code.UNEXPANDED_VARIABLE],
            id="kotlin-escaped-dollar",
        ),
        pytest.param(
            'val h = mapOf("Authorization" to "Bearer $token")\n',
            "kotlin",
            [],
            id="kotlin-template",
        ),
        pytest.param(
            'request_headers = {\n  Authorization = "Bearer $${var.token}"\n}\n',
            "terraform",
            [Code.UNEXPANDED_VARIABLE],
            id="hcl-escaped-interpolation",
        ),
        pytest.param(
            'request_headers = {\n  Authorization = "Bearer ${var.token}"\n}\n',
            "terraform",
            [],
            id="hcl-interpolation",
        ),
    ],
)
def test_escaped_interpolation_is_sent_as_written(
    source: str, kind: str, expected: list[Code]
) -> None:
    assert codes_in(source, kind) == expected


def test_a_double_quoted_prefix_ends_at_its_first_expansion() -> None:
    """`"Basic $$(echo -n "$(ID):$$SECRET" | base64 -w0)"` in a recipe: make turns `$$` into
    `$`, and to the shell reader `$$` is an expansion too; the literal start is `Basic `."""
    from authlint.scan import scan_text

    recipe = (
        'smoke:\n\tcurl -fsS -H "Authorization: Basic $$(echo -n "$(KEY_ID):$$KEY_SECRET"'
        ' | base64 -w0)" "$(API)/payments"\n'
    )
    assert scan_text("Makefile", recipe, HEADERS_ONLY) == []
    # The literal start before the expansion is still judged.
    lower = recipe.replace("Basic $$", "basic $$")
    assert [f.code for f in scan_text("Makefile", lower, HEADERS_ONLY)] == [Code.SCHEME_CASE]


WORKFLOW = """name: purge
on: push
jobs:
  purge:
    runs-on: ubuntu-latest
    steps:
      - run: curl -X POST -H "Authorization: {value}" https://cdn.example.com/purge
"""


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        # GitHub fills in `${{ ... }}` only: without the `$` the shell sends the braces.
        (".github/workflows/purge.yml", "Bearer {{ secrets.CDN_TOKEN }}", ["AL104"]),
        (".github/workflows/purge.yml", "Bearer {{github.token}}", ["AL104"]),
        (".github/workflows/purge.yml", "Bearer ${{ secrets.CDN_TOKEN }}", []),
        # Another engine's notation, or another file: not GitHub's to fill in.
        (".github/workflows/purge.yml", "Bearer {{ cookiecutter.token }}", []),
        ("deploy/purge.yml", "Bearer {{ secrets.CDN_TOKEN }}", []),
    ],
)
def test_a_workflow_expression_that_lost_its_dollar(
    path: str, value: str, expected: list[str]
) -> None:
    from authlint.scan import scan_text

    findings = scan_text(path, WORKFLOW.format(value=value), Settings().with_selection(), None)
    assert [str(f.code) for f in findings] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # make fills in `$C` (its own one-letter variable) before the shell runs the recipe.
        ('\tcurl -H "Authorization: Bearer $CATALOG_TOKEN" https://api.example.com\n', ["AL104"]),
        ('\tcurl -H "Authorization: Bearer $$$TOKEN" https://api.example.com\n', ["AL104"]),
        # `$$` reaches the shell as `$`; `$(X)` and `${X}` are make's own variables.
        ('\tcurl -H "Authorization: Bearer $$CATALOG_TOKEN" https://api.example.com\n', []),
        ('\tcurl -H "Authorization: Bearer $$${TOKEN}" https://api.example.com\n', []),
        ('\tcurl -H "Authorization: Bearer $(TOKEN)" https://api.example.com\n', []),
        ('\tcurl -H "Authorization: Bearer ${TOKEN}" https://api.example.com\n', []),
    ],
)
def test_a_makefile_recipe_variable_that_make_takes(line: str, expected: list[str]) -> None:
    from authlint.scan import scan_text

    findings = scan_text("Makefile", f"search:\n{line}", Settings().with_selection(), None)
    assert [str(f.code) for f in findings] == expected
    if expected:
        assert "write `$$" in findings[0].message

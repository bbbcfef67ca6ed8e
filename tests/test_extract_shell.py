from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from authlint.extract import Candidate, Role, extractor

Row = tuple[Role, str, bool, bool]  # role, value text, literal, expands


def rows(kind: str, text: str) -> list[Row]:
    found: list[Candidate] = list(extractor(kind)(text))
    for candidate in found:
        for value in (candidate.value, candidate.secret):
            if value is not None:
                assert text[value.start : value.end] == value.text
    return [(c.role, c.value.text, c.value.literal, c.value.expands) for c in found]


H, P, U, PR = Role.HEADER, Role.HEADER_PREFIX, Role.USERPASS, Role.PAIR

SHELL = [
    pytest.param(
        "curl -H 'Authorization: Basic QWxh' x", [(H, "Basic QWxh", True, False)], id="-H single"
    ),
    pytest.param(
        'curl -H "Authorization: Basic $T" x', [(H, "Basic $T", True, True)], id="-H double"
    ),
    pytest.param(
        'curl -H"Authorization: Bearer t" x', [(H, "Bearer t", True, True)], id="-H attached"
    ),
    pytest.param(
        "curl --header='Authorization: Basic  x' u",
        [(H, "Basic  x", True, False)],
        id="--header= keeps double space",
    ),
    pytest.param(
        'curl -H "Authorization: $AUTH" x', [(H, "$AUTH", False, True)], id="whole expansion"
    ),
    pytest.param(
        "curl -H 'Authorization: Basic '\"$T\" x", [(P, "Basic ", True, False)], id="prefix"
    ),
    pytest.param("curl -u id:pw x", [(U, "id:pw", True, True)], id="-u unquoted"),
    pytest.param("curl -uid:pw x", [(U, "id:pw", True, True)], id="-uX"),
    pytest.param("curl -sSu id:pw x", [(U, "id:pw", True, True)], id="short cluster"),
    pytest.param("curl --user=id:pw x", [(U, "id:pw", True, True)], id="--user="),
    pytest.param("curl -u 'id:$pw' x", [(U, "id:$pw", True, False)], id="-u single"),
    pytest.param(
        'curl -u "$ID:$SECRET" x', [(U, "$ID:$SECRET", False, True)], id="-u all expansions"
    ),
    pytest.param('curl -u "$ID:" x', [(U, "$ID:", True, True)], id="-u empty secret stays literal"),
    pytest.param('curl -u "$ID":"$S" x', [(U, '"$ID":"$S"', False, True)], id="-u mixed quoting"),
    pytest.param(
        "curl -X POST https://api.razorpay.com/v1/orders \\\n  -u key:secret \\\n"
        "  -H 'Content-Type: application/json' \\\n  -d '{\n  \"amount\": 5\n}'\n"
        "curl -H 'Authorization: Basic b' y\n",
        [(U, "key:secret", True, True), (H, "Basic b", True, False)],
        id="continuations and two commands",
    ),
    pytest.param("$ curl -u a:b x", [(U, "a:b", True, True)], id="console prompt"),
    pytest.param(
        "curl -u id:<key_secret> x", [(U, "id:<key_secret>", True, True)], id="-u angle placeholder"
    ),
    pytest.param("curl -u <ID>:<SECRET> x", [(U, "<ID>:<SECRET>", True, True)], id="-u angles"),
    pytest.param("curl -u id:pw x < body.json", [(U, "id:pw", True, True)], id="real redirect"),
    pytest.param(
        "wget --header='Authorization: Basic w' --http-user=u --http-password=p x",
        [(H, "Basic w", True, False), (PR, "u", True, True)],
        id="wget",
    ),
    pytest.param(
        'http -a u:p GET x Authorization:"Basic h"',
        [(U, "u:p", True, True), (H, "Basic h", True, True)],
        id="httpie",
    ),
    pytest.param("AUTH_HEADER='Basic abc'", [(H, "Basic abc", True, False)], id="header variable"),
    pytest.param(
        'AUTH="Basic $(printf %s "$A:$B" | base64)"',
        [(H, 'Basic $(printf %s "$A:$B" | base64)', True, True)],
        id="variable with substitution",
    ),
    pytest.param(
        "H='Authorization: Bearer z'", [(H, "Bearer z", True, False)], id="header line in string"
    ),
    # printf fills its conversions and writes the line end its escapes spell
    pytest.param(
        "printf 'Authorization: Basic %s' \"$T\"",
        [(P, "Basic ", True, False)],
        id="printf conversion: the literal start only",
    ),
    pytest.param(
        'H=$(printf "Authorization: bearer %s\\r\\n" "$T")',
        [(P, "bearer ", True, True)],
        id="printf in a substitution, with a CRLF",
    ),
    pytest.param(
        "printf -v H -- 'Authorization: Basic QWxh\\r\\n'",
        [(H, "Basic QWxh", True, False)],
        id="printf -v: the escaped line end is not the value's",
    ),
    pytest.param(
        "printf '%s\\n' 'Authorization: Basic %s'",
        [(H, "Basic %s", True, False)],
        id="an argument of printf is no format",
    ),
    pytest.param("printf 'Authorization: %s' \"$A\"", [], id="printf: nothing literal"),
    # must not yield
    pytest.param("curl https://x -o out", [], id="no auth"),
    pytest.param("curl_easy_setopt(h, CURLOPT_USERPWD, x)", [], id="not a command"),
    pytest.param("see https://x/curl -u", [], id="url"),
    pytest.param('curl -H "Content-Type: a" -d @f x', [], id="other header"),
    pytest.param('curl -H "$HDR" x', [], id="header from variable"),
    pytest.param("USER=admin", [], id="unrelated variable"),
    pytest.param("OAUTH_URL=https://x", [], id="auth variable without a scheme"),
]


@pytest.mark.parametrize(("text", "expected"), SHELL)
def test_shell(text: str, expected: list[Row]) -> None:
    assert rows("shell", text) == expected


def test_wget_pair_secret() -> None:
    text = "wget --http-user=u --http-password='p w' x"
    (candidate,) = extractor("shell")(text)
    assert candidate.secret is not None
    assert candidate.secret.text == "p w"
    assert candidate.secret.expands is False


def test_commented_command_is_read_to_its_line_end() -> None:
    text = "# curl -u a:b x 'unterminated\ncurl -u c:d y\n"
    assert [r[1] for r in rows("shell", text)] == ["a:b", "c:d"]


DOCKERFILE = [
    pytest.param('ENV AUTH="Basic $TOKEN"', [(H, "Basic $TOKEN", True, True)], id="ENV double"),
    pytest.param("ENV API_AUTH='Basic $X'", [(H, "Basic $X", True, False)], id="ENV single"),
    pytest.param("ENV AUTHORIZATION Bearer a.b", [(H, "Bearer a.b", True, True)], id="legacy ENV"),
    pytest.param(
        "RUN curl -fsS -u admin:pw http://x && true", [(U, "admin:pw", True, True)], id="RUN curl"
    ),
    pytest.param(
        'HEALTHCHECK CMD ["curl", "-u", "a:b", "http://x"]',
        [(U, "a:b", True, False)],
        id="exec form",
    ),
    pytest.param("ARG TOKEN\nENV X=1", [], id="nothing"),
]


@pytest.mark.parametrize(("text", "expected"), DOCKERFILE)
def test_dockerfile(text: str, expected: list[Row]) -> None:
    assert rows("dockerfile", text) == expected


KINDS = ["shell", "dockerfile", "text", "markdown", "http"]


@pytest.mark.parametrize("kind", KINDS)
@given(
    text=st.text(alphabet=st.sampled_from(list("curl -Hu'\"$(){}`\\\n:=aAuthorization#Basic ")))
    | st.text()
)
def test_never_raises(kind: str, text: str) -> None:
    rows(kind, text)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "piece", ["curl -u a:b ", 'curl -H "Authorization: $(', "curl '", "AUTH_HEADER=", "```\n"]
)
def test_repetition_stays_bounded(kind: str, piece: str) -> None:
    # A generated file: the candidate cap holds, and the scan ends (linear; see bench/).
    found = list(extractor(kind)(piece * 20_000))
    assert len(found) <= 10_000

"""No repr or str of any parse result, Diagnostic or HeaderError shows a credential.

A secret is planted in every position a value can hold one (alone, as the scheme, as a token68,
a parameter's name or value, quoted, as a Basic user-id or password and as the base64 that
carries them, after a field name, inside quotes, mangled); both profiles are parsed and
validated, and every repr and str is searched for any eight characters of the secret.
"""

from __future__ import annotations

import base64

from hypothesis import example, given
from hypothesis import strategies as st

from authlint.credentials import BasicCredentials, OtherCredentials
from authlint.diagnostic import HeaderError
from authlint.header import parse, validate

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _random(alphabet: str, pairs: int) -> st.SearchStrategy[str]:
    # A digit in every pair: no six characters of a secret then spell text the output holds
    # anyway ("Credentials", a message), so a match is a leak and never a coincidence.
    pair = st.tuples(st.sampled_from(alphabet), st.sampled_from("0123456789")).map("".join)
    return st.lists(pair, min_size=pairs, max_size=24).map("".join)


# Real secrets: a provider prefix (public, may show) and random characters, or 24+ random ones.
secrets = st.one_of(
    st.tuples(
        st.sampled_from(["rzp_live_", "rzp_test_", "sk_live_", "ghp_", "xoxb-"]),
        _random(_LETTERS, 7),
    ),
    st.tuples(st.just(""), _random(_LETTERS + "+/-_.", 12)),
)

TEMPLATES = [
    "{s}",
    "{s}=",
    "{s} ",
    " {s}",
    '"{s}"',
    "{s} a=b",
    "{s}=x",
    "{s} {s}",
    "X {s}",
    "X {s}==",
    "X a={s}",
    'X a="{s}"',
    "X {s}=b",
    "X a=b, {s}=c",
    "X a=b, c={s}",
    "Basic {s}",
    "basic {s}",
    "Basic {s}!",
    "Basic '{s}'",
    "Bearer {s}",
    "bearer  {s}",
    "Bearer {s}!",
    'Bearer "{s}"',
    "Authorization: {s}",
    "Authorization: Bearer {s}",
    "{s}\r\nX: y",
    "Basic {b64_user}",
    "Basic {b64_password}",
    "basic {b64_password}",
    "Basic {b64_password}\n",
    "Basic {b64_both}",
    "Basic {b64_alone}",
]


def _windows(secret: str, size: int = 6) -> set[str]:
    # Redaction shows at most four characters of what is secret (after a public key prefix).
    return {secret[i : i + size] for i in range(len(secret) - size + 1)}


def _shown(value: str, profile: str) -> list[str]:
    out = []
    try:
        credentials = parse(value, profile=profile)
    except HeaderError as error:
        out += [repr(error), str(error), *map(str, error.args)]
        out += [repr(d) for d in error.diagnostics] + [str(d) for d in error.diagnostics]
    else:
        out += [repr(credentials), str(credentials)]
    for d in validate(value, profile=profile):
        out += [repr(d), str(d)]
    return out


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode("ascii")


@given(secrets, st.sampled_from(TEMPLATES))
@example(("rzp_live_", "A1b2C3d4E5f6G7"), "{s}")
def test_no_output_shows_a_credential(parts: tuple[str, str], template: str) -> None:
    prefix, body = parts
    secret = prefix + body
    value = template.format(
        s=secret,
        b64_user=_b64(f"{secret}:pw"),
        b64_password=_b64(f"rzp_test_1:{secret}"),
        b64_both=_b64(f"{secret}:{secret}"),
        b64_alone=_b64(secret),
    )
    # The credentials are the secret and the base64 that carries it.
    forbidden = _windows(body)
    if "{b64_" in template:
        forbidden |= _windows(value.split(" ", 1)[1].strip())
    for profile in ("strict", "rfc"):
        for shown in _shown(value, profile):
            leaked = [w for w in forbidden if w in shown]
            assert leaked == [], f"{profile}: {shown!r}"


def test_a_bare_token_is_not_shown_as_the_scheme() -> None:
    # issue 8: parse(token, profile="rfc") of a value with no scheme read the token as one.
    token = "rzp_live_AbCdEfGhIjKlMn"  # authlint: ignore[AL201]
    credentials = parse(token, profile="rfc")
    assert credentials == OtherCredentials(token, None, ())
    assert token not in repr(credentials)
    assert (
        repr(credentials)
        == "OtherCredentials(scheme='rzp_live_Ab…(redacted)', token68=None, params=())"
    )
    # A lone word is redacted even when scheme-shaped; a scheme before credentials is shown.
    assert "Negotiate" not in repr(parse("Negotiate", profile="rfc"))
    assert repr(parse("Digest a=b", profile="rfc")).startswith("OtherCredentials(scheme='Digest'")
    value = "Digest rzp_test_AbCdEfGhIjKlMn=b"  # authlint: ignore[AL202]
    secret_name = parse(value, profile="rfc")
    assert "AbCdEf" not in repr(secret_name)
    assert "realm" in repr(parse('Digest realm="x"', profile="rfc"))


def test_basic_repr_shows_no_password() -> None:
    shown = repr(BasicCredentials("user", "hunter2hunter2"))
    assert "hunter2" not in shown

"""What extractors hand to checks: header values and credentials found in a file, with offsets."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from authlint.record import Record


class Role(StrEnum):
    # A whole Authorization header value, e.g. the "Basic QWxh..." of `{"Authorization": "Basic QWxh..."}`
    # or of `curl -H 'Authorization: Basic QWxh...'` (the field name is not part of the value, unless
    # the source put it inside the value itself: that is AL114).
    HEADER = "header"
    # Only the literal start of a header built at runtime: the "Basic " of `"Basic " + token`,
    # f"Bearer {token}", `Basic ${token}`. Checked as a prefix: scheme and the one space.
    HEADER_PREFIX = "header-prefix"
    # "id:secret" as one string handed to Basic auth: `curl -u id:secret`, `--user`, wget --http-user...
    USERPASS = "userpass"
    # id and secret as two values: auth=(id, secret), HTTPBasicAuth(id, secret), SetBasicAuth(id, secret),
    # axios auth: {username, password}, razorpay.Client(auth=(...)).
    PAIR = "pair"
    # The "id:secret" userinfo of a URL: https://id:secret@host/.
    URL_USERINFO = "url-userinfo"


class Value(Record):
    """A piece of source text.

    ``text`` is exactly ``file_text[start:start + len(text)]``: raw source between the quotes, not
    unescaped, so that every offset maps back to the file and ``--fix`` can splice it.
    """

    __slots__ = ("expands", "literal", "prose", "shown_wrong", "start", "text")
    _fields = ("text", "start", "literal", "expands", "prose", "shown_wrong")

    def __init__(  # noqa: PLR0917 - every field, by position or keyword (hot constructors)
        self,
        text: str,
        start: int,
        literal: bool = True,
        expands: bool = False,
        prose: bool = False,
        shown_wrong: bool = False,
    ) -> None:
        self.text: Final = text
        self.start: Final = start
        # False when the program computes the value at runtime: an expression, an environment
        # lookup (os.environ[...], process.env.X, ${{ secrets.X }}, getenv(...)), a template
        # placeholder.
        self.literal: Final = literal
        # True when `$VAR` / `${VAR}` inside it will be expanded at runtime (double-quoted or
        # unquoted shell, Dockerfile ENV/RUN, docker-compose interpolation); False where a `$`
        # is sent as is (single-quoted shell, Python/JS/Go string literals, most config files).
        self.expands: Final = expands
        # True inside a comment or docstring: prose, where a placeholder is expected and a
        # concatenation is an example, not code.
        self.prose: Final = prose
        # True where documentation presents the value as a mistake (extract.outline: under
        # "Common mistakes", in a "Wrong" column, after "Invalid:"): malformed on purpose.
        self.shown_wrong: Final = shown_wrong

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Candidate(Record):
    __slots__ = ("context", "hosts", "role", "secret", "value")
    _fields = ("role", "value", "secret", "context", "hosts")

    def __init__(
        self,
        role: Role,
        value: Value,
        secret: Value | None = None,
        context: str = "",
        hosts: tuple[str, ...] = (),
    ) -> None:
        self.role: Final = role
        self.value: Final = value
        # PAIR only: the secret (password) half; ``value`` is then the user id / key id.
        self.secret: Final = secret
        # What consumes the value, for messages: "curl -u", "requests auth=", "SetBasicAuth",
        # "HTTPBasicAuth".
        self.context: Final = context
        # Hosts of the request this value is sent with, where the syntax shows them (the URL
        # argument of the same call, the URL of the same curl command): evidence for which
        # API's rules apply.
        self.hosts: Final = hosts

import typing
from base64 import b64encode

from ._models import Request
from ._utils import to_bytes


class Auth:
    def auth_flow(self, request: Request) -> typing.Generator[Request, None, None]:
        yield request


class BasicAuth(Auth):
    """
    Allows the 'auth' argument to be passed as a (username, password) pair,
    and uses HTTP Basic authentication.
    """

    def __init__(self, username: typing.Union[str, bytes], password: typing.Union[str, bytes]) -> None:
        self._auth_header = self._build_auth_header(username, password)

    def auth_flow(self, request: Request) -> typing.Generator[Request, None, None]:
        request.headers["Authorization"] = self._auth_header
        yield request

    def _build_auth_header(self, username, password) -> str:
        userpass = b":".join((to_bytes(username), to_bytes(password)))
        token = b64encode(userpass).decode()
        return f"Basic {token}"


class BearerAuth(Auth):
    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: Request) -> typing.Generator[Request, None, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

"""Per-request cost of the ASGI and WSGI middleware against the same app without it.

    .venv/bin/python bench/bench_middleware.py [--number N] [--repeat R]

Each app is called in-process (no server, no sockets), so the ratio is the middleware's share of
the work a server asks of the app for one request, the worst case for the middleware. Two apps
per interface: a bare one (a fixed 200 answer, nearly free) and a real framework's (Starlette,
Flask) with one route. Bare and guarded timings alternate. Prints the best-of-R CPU time per request, the overhead in microseconds and
the ratio wrapped/bare for each kind of Authorization value. A benchmark, not a test: the
numbers depend on the machine; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import io
import time
import timeit
from collections.abc import Callable, Iterable
from typing import Any

from authlint.guard.asgi import AuthorizationMiddleware as AsgiGuard
from authlint.guard.wsgi import AuthorizationMiddleware as WsgiGuard

KEY = b"rzp_test_AbCdEfGhIjKlMn:AbCdEfGhIjKlMnOpQrStUvWx"  # authlint: ignore
VALID = "Basic " + base64.b64encode(KEY).decode("ascii")
CASES: dict[str, str | None] = {
    "valid 70-char Basic": VALID,
    "valid Bearer": "Bearer abcdefABCDEF0123456789-._~+/",
    "no Authorization": None,
    "malformed (quoted)": 'Basic "' + VALID[6:] + '"',
}


# --- ASGI ---------------------------------------------------------------------------------------


async def bare_asgi(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def starlette_app() -> Any:
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    async def hello(request: Any) -> PlainTextResponse:
        return PlainTextResponse("ok")

    return Starlette(routes=[Route("/", hello)])


def asgi_batch(app: Any, value: str | None, number: int) -> Callable[[], None]:
    headers = [(b"host", b"bench"), (b"user-agent", b"bench/1.0"), (b"accept", b"*/*")]
    if value is not None:
        headers.append((b"authorization", value.encode("latin-1")))

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        pass

    async def batch() -> None:
        for _ in range(number):
            scope = {
                "type": "http",
                "asgi": {"version": "3.0"},
                "http_version": "1.1",
                "method": "GET",
                "scheme": "http",
                "path": "/",
                "raw_path": b"/",
                "query_string": b"",
                "root_path": "",
                "headers": headers,
                "client": ("127.0.0.1", 50000),
                "server": ("127.0.0.1", 8000),
            }
            await app(scope, receive, send)

    loop = asyncio.new_event_loop()
    return lambda: loop.run_until_complete(batch())


# --- WSGI ---------------------------------------------------------------------------------------


def bare_wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


def flask_app() -> Any:
    from flask import Flask

    app = Flask("bench")

    @app.route("/")
    def hello() -> str:
        return "ok"

    return app.wsgi_app


def wsgi_batch(app: Any, value: str | None, number: int) -> Callable[[], None]:
    base = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "bench",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if value is not None:
        base["HTTP_AUTHORIZATION"] = value

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        return None

    def batch() -> None:
        for _ in range(number):
            environ = dict(base)
            environ["wsgi.input"] = io.BytesIO(b"")
            body = app(environ, start_response)
            for _chunk in body:
                pass
            close = getattr(body, "close", None)
            if close is not None:
                close()

    return batch


def best_of(
    bare: Callable[[], None], guarded: Callable[[], None], repeat: int
) -> tuple[float, float]:
    """Best batch CPU time of each. CPU time, not wall time: on a shared machine the wait for a
    core is not the middleware's cost. The two alternate so that they share what noise is left."""
    bare()  # warm-up
    guarded()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        times[0].append(timeit.timeit(bare, number=1, timer=time.process_time))
        times[1].append(timeit.timeit(guarded, number=1, timer=time.process_time))
    return min(times[0]), min(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=5_000, help="requests per timing")
    parser.add_argument("--repeat", type=int, default=9, help="timings of each; the best is kept")
    args = parser.parse_args()
    n, r = args.number, args.repeat

    apps: list[tuple[str, Any, Any, Callable[[Any, str | None, int], Callable[[], None]]]] = [
        ("ASGI bare app", bare_asgi, AsgiGuard(bare_asgi), asgi_batch),
        ("Starlette app", starlette_app(), AsgiGuard(starlette_app()), asgi_batch),
        ("WSGI bare app", bare_wsgi, WsgiGuard(bare_wsgi), wsgi_batch),
        ("Flask app", flask_app(), WsgiGuard(flask_app()), wsgi_batch),
    ]
    print(
        f"{'app':<14} {'Authorization':<22} {'bare us':>8} {'guarded us':>10} {'+us':>6} {'ratio':>6}"
    )
    for name, bare, guarded, batch in apps:
        for case, value in CASES.items():
            # The bare app gets the same request: the cost of the header itself is not counted.
            # A malformed value is answered by the middleware: the app never runs.
            plain, with_guard = best_of(batch(bare, value, n), batch(guarded, value, n), r)
            plain, with_guard = plain / n, with_guard / n
            print(
                f"{name:<14} {case:<22} {plain * 1e6:8.2f} {with_guard * 1e6:10.2f} "
                f"{(with_guard - plain) * 1e6:6.2f} {with_guard / plain:6.2f}"
            )


if __name__ == "__main__":
    main()

"""Patches on the HTTP client libraries: every request's Authorization values go to an observer.

One patch per library, at the last place that still sees the final headers (after ``auth=`` and
session defaults are applied) and that every transport goes through:

- requests: ``Session.send`` (the adapters, including test doubles, come after it);
- httpx and httpx2: ``Client._send_single_request`` and the async one (after auth flows and
  event hooks, before any transport, ``MockTransport`` included);
- urllib3: ``HTTPConnectionPool.urlopen`` (``PoolManager`` and ``urllib3.request`` use it);
- aiohttp: ``ClientRequest.send`` (after auth, session headers and client middlewares).

requests runs over urllib3: a request already seen by requests is not counted again by urllib3.
A library that is not imported yet is patched right after its first import, so a session that
never uses aiohttp never pays for importing it. ``stop`` restores every original.
"""

from __future__ import annotations

import functools
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

# observer(library, method, url, host, values)
Observer = Callable[[str, str, str, str | None, list[str | bytes]], None]

_local = threading.local()


@contextmanager
def _seen() -> Iterator[None]:
    # A lower layer of the same request (urllib3 under requests) must not count it twice.
    depth = getattr(_local, "depth", 0)
    _local.depth = depth + 1
    try:
        yield
    finally:
        _local.depth = depth


def _already_seen() -> bool:
    return getattr(_local, "depth", 0) > 0


def _authorization(items: Any) -> list[str | bytes]:
    found: list[str | bytes] = []
    for name, value in items:
        key = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        if key.lower() == "authorization":
            # Libraries hold str or bytes; anything else is sent as its str().
            found.append(value if isinstance(value, (str, bytes)) else str(value))
    return found


def _patch_requests(interceptor: Interceptor) -> None:
    from requests.sessions import Session

    def wrap(send: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(send)
        def guarded_send(self: Any, request: Any, **kwargs: Any) -> Any:
            if not _already_seen():
                url = str(request.url)
                values = _authorization(request.headers.items())
                interceptor.observe(
                    "requests", str(request.method), url, urlsplit(url).hostname, values
                )
            with _seen():
                return send(self, request, **kwargs)

        return guarded_send

    interceptor.replace(Session, "send", wrap)


def _patch_httpx(library: str) -> Callable[[Interceptor], None]:
    # httpx and its successor httpx2 share the client's internals.
    def patch(interceptor: Interceptor) -> None:
        module = importlib.import_module(library)

        def observe(request: Any) -> None:
            values = _authorization(request.headers.raw)
            interceptor.observe(library, request.method, str(request.url), request.url.host, values)

        def wrap(send: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(send)
            def guarded_send(self: Any, request: Any) -> Any:
                observe(request)
                return send(self, request)

            return guarded_send

        def wrap_async(send: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(send)
            async def guarded_send(self: Any, request: Any) -> Any:
                observe(request)
                return await send(self, request)

            return guarded_send

        interceptor.replace(module.Client, "_send_single_request", wrap)
        interceptor.replace(module.AsyncClient, "_send_single_request", wrap_async)

    return patch


def _patch_urllib3(interceptor: Interceptor) -> None:
    from urllib3.connectionpool import HTTPConnectionPool

    def wrap(urlopen: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(urlopen)
        def guarded_urlopen(
            self: Any,
            method: str,
            url: str,
            body: Any = None,
            headers: Any = None,
            *args: Any,
            **kw: Any,
        ) -> Any:
            if not _already_seen():
                sent = self.headers if headers is None else headers
                full = url if "://" in url else f"{self.scheme}://{self.host}:{self.port}{url}"
                interceptor.observe(
                    "urllib3", method, full, self.host, _authorization(sent.items())
                )
            with _seen():
                return urlopen(self, method, url, body, headers, *args, **kw)

        return guarded_urlopen

    interceptor.replace(HTTPConnectionPool, "urlopen", wrap)


def _patch_aiohttp(interceptor: Interceptor) -> None:
    from aiohttp.client_reqrep import ClientRequest

    def wrap(send: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(send)
        async def guarded_send(self: Any, conn: Any) -> Any:
            values = list(self.headers.getall("Authorization", ()))
            interceptor.observe("aiohttp", self.method, str(self.url), self.url.host, values)
            return await send(self, conn)

        return guarded_send

    interceptor.replace(ClientRequest, "send", wrap)


PATCHES: dict[str, Callable[[Interceptor], None]] = {
    "requests": _patch_requests,
    "httpx": _patch_httpx("httpx"),
    "httpx2": _patch_httpx("httpx2"),
    "urllib3": _patch_urllib3,
    "aiohttp": _patch_aiohttp,
}


class Interceptor:
    """Installs the patches (``start``) and removes them (``stop``)."""

    def __init__(self, observer: Observer, libraries: Sequence[str] = tuple(PATCHES)) -> None:
        self._observer = observer
        self._libraries = tuple(libraries)
        self._undo: list[tuple[type, str, Any]] = []
        self._patched: set[str] = set()
        self._finder: _PatchOnImport | None = None
        self.failed: dict[str, str] = {}  # library -> why it could not be patched

    def observe(
        self, library: str, method: str, url: str, host: str | None, values: list[str | bytes]
    ) -> None:
        if values:
            self._observer(library, method, url, host, values)

    def replace(self, owner: type, name: str, wrap: Callable[[Any], Any]) -> None:
        original = owner.__dict__[name]
        self._undo.append((owner, name, original))
        setattr(owner, name, wrap(original))

    def start(self) -> None:
        self._finder = _PatchOnImport(self)
        sys.meta_path.insert(0, self._finder)
        for library in self._libraries:
            if library in sys.modules:
                self.patch(library)

    def stop(self) -> None:
        if self._finder in sys.meta_path:
            sys.meta_path.remove(self._finder)
        self._finder = None
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()
        self._patched.clear()

    def wants(self, library: str) -> bool:
        return library in self._libraries and library not in self._patched

    def patch(self, library: str) -> None:
        if not self.wants(library):
            return
        self._patched.add(library)
        try:
            PATCHES[library](self)
        except (ImportError, AttributeError, KeyError) as error:
            # A version whose internals moved: say so rather than check nothing silently.
            self.failed[library] = f"{type(error).__name__}: {error}"


class _PatchOnImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: it wraps the real loader of a library the guard patches, so the
    patch goes in as soon as the library's first import finishes."""

    def __init__(self, interceptor: Interceptor) -> None:
        self._interceptor = interceptor
        self._searching: set[str] = set()

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname in self._searching or not self._interceptor.wants(fullname):
            return None
        self._searching.add(fullname)
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            self._searching.discard(fullname)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _PatchingLoader(spec.loader, self._interceptor)
        return spec


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader, interceptor: Interceptor) -> None:
        self._loader = loader
        self._interceptor = interceptor

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        # Put the real loader back first: importlib.resources and friends ask it for files.
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        module.__loader__ = self._loader
        self._loader.exec_module(module)
        self._interceptor.patch(module.__name__)

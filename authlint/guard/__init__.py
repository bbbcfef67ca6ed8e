"""The runtime guard: checks the Authorization headers a program really sends and receives.

- ``authlint.guard.pytest_plugin``: the pytest plugin (``--authlint-headers``).
- ``authlint.guard.intercept``: the patches on requests, httpx, urllib3 and aiohttp it installs.
- ``authlint.guard.asgi`` / ``authlint.guard.wsgi``: server middleware.
- ``authlint.guard.check``: what they share (the host's profile, the report text).
- ``authlint.auth``: client helpers (``StrictBasicAuth``, event hooks).

Nothing here imports a client library or a web framework: each works on the objects it is
handed, and the plugin patches a library only once the program has imported it.
"""

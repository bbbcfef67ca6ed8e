"""Client for the internal catalog search service (OpenSearch behind an auth proxy)."""

from __future__ import annotations

import httpx
from django.conf import settings

SEARCH_URL = "https://search.internal.bazaarly.in"


class SearchClient:
    def __init__(self, token: str | None = None) -> None:
        self.token = token or settings.CATALOG_SEARCH_TOKEN
        self._http = httpx.Client(
            base_url=SEARCH_URL,
            headers={"Authorization": f"bearer {self.token}"},
            timeout=5.0,
        )

    def search(self, query: str, page: int = 1) -> dict:
        resp = self._http.get("/v2/products/_search", params={"q": query, "page": page})
        resp.raise_for_status()
        return resp.json()

    def suggest(self, prefix: str) -> list[str]:
        resp = httpx.get(
            f"{SEARCH_URL}/v2/products/_suggest",
            params={"prefix": prefix},
            headers={"Authorization": "Bearer {}".format(self.token)},
            timeout=2.0,
        )
        resp.raise_for_status()
        return resp.json()["suggestions"]

    def reindex(self, product_id: int) -> None:
        resp = httpx.post(
            f"{SEARCH_URL}/v2/products/{product_id}/_reindex",
            headers={"Authorization": "Bearer {self.token}"},
            timeout=30.0,
        )
        resp.raise_for_status()

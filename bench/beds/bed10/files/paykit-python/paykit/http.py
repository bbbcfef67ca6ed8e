"""Low-level HTTP transport for the paykit client."""
import base64
import json
import logging

import requests

from . import __version__
from .errors import AuthenticationError, PaykitError

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.razorpay.com/v1"


class HttpClient:
    def __init__(self, key_id, key_secret, base_url=DEFAULT_BASE_URL, timeout=30):
        self.key_id = key_id
        self.key_secret = key_secret
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()

    def _auth_header(self):
        raw = f"{self.key_id}:{self.key_secret}".encode("utf-8")
        token = base64.b64encode(raw)
        return {"Authorization": f"Basic {token}"}

    def _default_headers(self):
        headers = {
            "User-Agent": f"paykit-python/{__version__}",
            "Content-Type": "application/json",
        }
        headers.update(self._auth_header())
        return headers

    def request(self, method, path, payload=None):
        url = f"{self.base_url}/{path.lstrip('/')}"
        log.debug("%s %s", method, url)
        resp = self.session.request(
            method,
            url,
            data=json.dumps(payload) if payload is not None else None,
            headers=self._default_headers(),
            timeout=self.timeout,
        )
        if resp.status_code == 401:
            raise AuthenticationError(
                "Authentication failed: check that the Authorization header is "
                "'Basic <base64(key_id:key_secret)>' and that the key is active"
            )
        if resp.status_code >= 400:
            raise PaykitError(resp.status_code, resp.text)
        return resp.json()

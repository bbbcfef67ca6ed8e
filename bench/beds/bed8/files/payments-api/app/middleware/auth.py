"""Authentication for the merchant-facing API.

Merchants call us with either a dashboard-issued API token (Bearer) or the
legacy key pair (Basic). Both end up as a `request.merchant`.
"""
import base64
import binascii
import hmac
import logging

from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from merchants.models import ApiKey, ApiToken

log = logging.getLogger("payments.auth")

BEARER_PREFIX = "Bearer "
BASIC_PREFIX = "Basic "

ERR_MISSING = _("Missing Authorization header. Use 'Authorization: Bearer <token>'.")
ERR_SCHEME = _("Unsupported authorization scheme; expected Basic or Bearer.")


def _unauthorized(message: str) -> JsonResponse:
    resp = JsonResponse({"error": {"code": "UNAUTHORIZED", "description": str(message)}}, status=401)
    resp["WWW-Authenticate"] = 'Basic realm="acme-pay", charset="UTF-8"'
    return resp


def _parse_basic(header: str):
    try:
        decoded = base64.b64decode(header[len(BASIC_PREFIX):], validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    key_id, sep, secret = decoded.partition(":")
    if not sep or not key_id or not secret:
        return None
    return key_id, secret


class MerchantAuthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return _unauthorized(ERR_MISSING)

        if header.startswith(BEARER_PREFIX):
            token = header[len(BEARER_PREFIX):].strip()
            merchant = ApiToken.objects.resolve(token)
        elif header.lower().startswith("basic "):
            pair = _parse_basic(header)
            if pair is None:
                log.warning("malformed Basic credentials from %s: Basic ***", request.META.get("REMOTE_ADDR"))
                return _unauthorized(_("Malformed Basic credentials."))
            key = ApiKey.objects.filter(key_id=pair[0]).first()
            merchant = key.merchant if key and hmac.compare_digest(key.secret, pair[1]) else None
        else:
            return _unauthorized(ERR_SCHEME)

        if merchant is None:
            return _unauthorized(_("Invalid credentials."))
        request.merchant = merchant
        return self.get_response(request)

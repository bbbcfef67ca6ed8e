import base64
import binascii

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .models import ApiKey


class ApiKeyBasicAuthentication(BaseAuthentication):
    """HTTP Basic where the user-id is the API key id and the password its secret."""

    www_authenticate_realm = "api"

    def authenticate(self, request):
        auth = get_authorization_header(request).split()
        if not auth or auth[0].lower() != b"basic":
            return None
        if len(auth) == 1:
            raise exceptions.AuthenticationFailed(_("Invalid basic header. No credentials provided."))
        if len(auth) > 2:
            raise exceptions.AuthenticationFailed(_("Invalid basic header. Credentials string should not contain spaces."))
        try:
            key_id, _sep, secret = base64.b64decode(auth[1]).decode("utf-8").partition(":")
        except (TypeError, UnicodeDecodeError, binascii.Error):
            raise exceptions.AuthenticationFailed(_("Invalid basic header. Credentials not correctly base64 encoded."))
        return self._check(key_id, secret)

    def _check(self, key_id, secret):
        try:
            key = ApiKey.objects.get(key_id=key_id, revoked=False)
        except ApiKey.DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Invalid key id/secret."))
        if not key.check_secret(secret):
            raise exceptions.AuthenticationFailed(_("Invalid key id/secret."))
        return (key.owner, key)

    def authenticate_header(self, request):
        return 'Basic realm="%s"' % self.www_authenticate_realm

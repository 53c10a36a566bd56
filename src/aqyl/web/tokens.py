"""API tokens expire: refused (and deleted) AQYL_TOKEN_DAYS days after they were issued. Kept apart
from the views because REST framework imports this class while it is itself being imported."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone, translation
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from aqyl.domain.wording.interface import ui


def expires(token) -> datetime:
    return token.created + timedelta(days=settings.AQYL_TOKEN_DAYS)


class ExpiringTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if expires(token) <= timezone.now():
            token.delete()
            # The code gives the API's error envelope its type; its message is written there.
            raise AuthenticationFailed(ui("token_expired", translation.get_language() or "kk",
                                          days=settings.AQYL_TOKEN_DAYS), code="token_expired")
        return user, token

"""API tokens: issued for a user name and password (and the second factor), revoked by their owner."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from django_otp import match_token, user_has_device
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from aqyl.domain.wording.interface import ui
from aqyl.web.api.errors import ApiError, lang_of
from aqyl.web.audit import record
from aqyl.web.tokens import expires


@extend_schema(
    request=inline_serializer("TokenRequest", {"username": serializers.CharField(), "password": serializers.CharField(),
                                               "otp": serializers.CharField(required=False)}),
    responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField(),
                                                        "expires": serializers.DateTimeField()}),
               204: None},
)
@api_view(["POST", "DELETE"])
@permission_classes([AllowAny])
def token(request):
    """POST: a token for a user name and password (and ``otp``, the TOTP code, for a user who has
    turned the second factor on). DELETE: revoke the caller's own token."""
    lang = lang_of(request)
    if request.method == "DELETE":
        if not request.user.is_authenticated:
            raise NotAuthenticated()
        deleted, _ = Token.objects.filter(user=request.user).delete()
        if deleted:
            record(request.user, "token.revoke", request.user.get_username())
        return Response(status=204)
    data = request.data if hasattr(request.data, "get") else {}
    username, password = str(data.get("username") or "")[:150], str(data.get("password") or "")
    django_request = request._request
    user = authenticate(django_request, username=username, password=password) if username and password else None
    if getattr(django_request, "axes_locked_out", False):  # as the login page: 429 from the failure that locks
        raise ApiError("locked", ui("locked", lang))
    if user is None:
        raise ApiError("bad_login", ui("bad_login", lang))
    code = str(data.get("otp") or "").strip()[:16]
    if user_has_device(user, confirmed=True) and (not code or match_token(user, code) is None):
        raise ApiError("otp_wrong", ui("otp_wrong", lang), "otp")
    with transaction.atomic():  # an expired token replaced whole, or not at all
        found = Token.objects.filter(user=user).first()
        if found is not None and expires(found) <= timezone.now():
            found.delete()
            found = None
        issued = found or Token.objects.create(user=user)
    return Response({"token": issued.key, "expires": expires(issued).isoformat()})

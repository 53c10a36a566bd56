"""The REST API (token or session auth; OpenAPI schema at /api/openapi.json). Every endpoint
reads through :mod:`aqyl.web.access`, so an HEI officer's token sees only their HEI."""

from __future__ import annotations

import hashlib
import json

from django.contrib.auth import authenticate
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django_otp import match_token, user_has_device
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotAuthenticated, PermissionDenied, ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from aqyl.domain.classifiers import parse_period
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.store import models as m
from aqyl.web import access
from aqyl.web.audit import record
from aqyl.web.downloads import CONTENT_TYPES, report_file
from aqyl.web.middleware import LANGS, language_of
from aqyl.web.tokens import expires


def _role(request) -> str:
    role = access.role_of(request.user)
    if role is None:
        raise PermissionDenied()
    return role


class RecordSerializer(serializers.ModelSerializer):
    hei = serializers.CharField(source="hei.code", read_only=True)
    submission_version = serializers.IntegerField(source="submission.version", read_only=True, allow_null=True)

    class Meta:
        model = m.MobilityRecord
        fields = ["id", "record_id", "period", "direction", "category", "hei", "partner_institution", "partner_country",
                  "programme", "format", "degree", "study_level", "field", "start_date", "end_date", "funding",
                  "gender", "person_id", "submission_version"]


class SubmissionSerializer(serializers.ModelSerializer):
    hei = serializers.CharField(source="hei.code", read_only=True)

    class Meta:
        model = m.Submission
        fields = ["id", "hei", "period", "version", "is_current", "source", "file_name", "file_sha256", "row_count",
                  "rejected_count", "submitted_by", "created_at"]


def _text(request, name: str) -> str:
    value = request.query_params.get(name, "")
    if len(value) > 100:
        raise ValidationError({name: "too long"})
    return value


class RecordPages(CursorPagination):
    # A register of millions: pages by a cursor on the key, never COUNT(*) or a deep OFFSET.
    ordering = "id"
    page_size = 100
    page_size_query_param = "limit"
    max_page_size = 1000


class RecordViewSet(viewsets.ReadOnlyModelViewSet):
    """Current mobility records the caller may read, 100 a page (``limit`` up to 1,000; follow
    ``next``); filter by period, direction, category, country, hei."""

    serializer_class = RecordSerializer
    pagination_class = RecordPages
    queryset = m.MobilityRecord.objects.none()  # for the schema; get_queryset decides what is read

    @extend_schema(parameters=[OpenApiParameter(p, str, required=False)
                               for p in ("period", "direction", "category", "country", "hei")])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        _role(self.request)
        qs = access.records(self.request.user).select_related("submission").order_by("id")
        for param, field in (("period", "period"), ("direction", "direction"), ("category", "category"),
                             ("country", "partner_country"), ("hei", "hei__code")):
            value = _text(self.request, param)
            if value:
                qs = qs.filter(**{field: value})
        return qs


class SubmissionViewSet(viewsets.ReadOnlyModelViewSet):
    """Submissions (every version) the caller may read; filter by period, hei, current."""

    serializer_class = SubmissionSerializer
    queryset = m.Submission.objects.none()

    @extend_schema(parameters=[OpenApiParameter("period", str, required=False), OpenApiParameter("hei", str, required=False),
                               OpenApiParameter("current", bool, required=False)])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        _role(self.request)
        qs = access.submissions(self.request.user).order_by("period", "hei__code", "-version")
        if period := _text(self.request, "period"):
            qs = qs.filter(period=period)
        if hei := _text(self.request, "hei"):
            qs = qs.filter(hei__code=hei)
        if self.request.query_params.get("current") in ("true", "1"):
            qs = qs.filter(is_current=True)
        return qs


def _filter(request):
    from aqyl.app.filters import report_filter

    q = request.query_params
    hei = access.hei_of(request.user)
    try:
        return report_filter(q.get("category") or request.data.get("category"), q.getlist("hei_type"), (),
                             q.getlist("programme"), (hei.code,) if hei else ())
    except AqylError as error:
        raise ValidationError({"detail": error.message(language_of(request))}) from None


def _period(value: str | None, name: str, request) -> str | None:
    if not value:
        return None
    try:
        return parse_period(value).code
    except AqylError as error:
        raise ValidationError({name: error.message(language_of(request))}) from None


@extend_schema(
    parameters=[OpenApiParameter("period", str, required=True, description="Half-year, e.g. 2023H1"),
                OpenApiParameter("compare", str, required=False, description="Default: one year earlier"),
                OpenApiParameter("category", str, required=False, description="faculty, researcher, staff or student"),
                OpenApiParameter("hei_type", str, many=True, required=False),
                OpenApiParameter("programme", str, many=True, required=False)],
    responses={200: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
def aggregates(request):
    """The report model for a period and its comparison period: totals and counts by HEI type, format,
    degree or study level, field, country, HEI and programme, for outgoing, incoming and both."""
    from aqyl.store.report_data import register_stamp, report_data

    _role(request)
    period = _period(request.query_params.get("period"), "period", request)
    if period is None:
        raise ValidationError({"period": "required"})
    compare = _period(request.query_params.get("compare"), "compare", request)
    flt = _filter(request)
    # The dashboard asks for the same few models again and again; each worker keeps the JSON it
    # built, keyed by the register's state, so a stored upload is seen at once.
    key = "aggregates:" + hashlib.sha1(repr((register_stamp(), period, compare, flt)).encode()).hexdigest()
    body = cache.get(key)
    if body is None:
        body = json.dumps(report_data(period, compare, flt), cls=JSONEncoder, ensure_ascii=False).encode()
        cache.set(key, body, timeout=3600)
    return HttpResponse(body, content_type="application/json")


@extend_schema(
    request=inline_serializer("ReportRequest", {
        "period": serializers.CharField(), "category": serializers.CharField(required=False),
        "lang": serializers.ChoiceField(LANGS, required=False), "format": serializers.ChoiceField(list(CONTENT_TYPES), required=False)}),
    responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
)
@api_view(["POST"])
def report(request):
    """Generate the analytical note for a period in one language and format and return the file."""
    _role(request)
    data = request.data if hasattr(request.data, "get") else {}
    period = _period(str(data.get("period", "")), "period", request)
    if period is None:
        raise ValidationError({"period": "required"})
    lang = data.get("lang") or language_of(request)
    fmt = data.get("format") or "pdf"
    if lang not in LANGS or fmt not in CONTENT_TYPES:
        raise ValidationError({"detail": f"lang must be one of {LANGS}, format one of {tuple(CONTENT_TYPES)}"})
    try:
        return report_file(period, _filter(request), lang, fmt)
    except AqylError as error:  # e.g. a period whose comparison period is out of range
        raise ValidationError({"period": error.message(language_of(request))}) from None


# --- tokens --------------------------------------------------------------------------------------
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
    lang = language_of(request)
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
        return Response({"detail": ui("locked", lang)}, status=429)
    if user is None:
        return Response({"detail": ui("bad_login", lang)}, status=400)
    code = str(data.get("otp") or "").strip()[:16]
    if user_has_device(user, confirmed=True) and (not code or match_token(user, code) is None):
        return Response({"otp": ui("otp_wrong", lang)}, status=400)
    found = Token.objects.filter(user=user).first()
    if found is not None and expires(found) <= timezone.now():
        found.delete()
        found = None
    issued = found or Token.objects.create(user=user)
    return Response({"token": issued.key, "expires": expires(issued).isoformat()})

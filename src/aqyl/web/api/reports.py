"""The report model (aggregates) and the analytical note as a file."""

from __future__ import annotations

import json

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.utils.encoders import JSONEncoder

from aqyl.domain.classifiers import half_year
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.api.errors import ApiError, from_aqyl, lang_of, required
from aqyl.web.api.records import role
from aqyl.web.downloads import CONTENT_TYPES, report_file
from aqyl.web.middleware import LANGS


def _filter(request):
    from aqyl.app.filters import report_filter

    q = request.query_params
    hei = access.hei_of(request.user)
    try:
        return report_filter(q.get("category") or request.data.get("category"), q.getlist("hei_type"), (),
                             q.getlist("programme"), (hei.code,) if hei else ())
    except AqylError as error:
        raise from_aqyl(request, error, field=None) from None


def _period(value: str | None, name: str, request) -> str | None:
    if not value:
        return None
    try:
        return half_year(value)
    except AqylError as error:
        raise from_aqyl(request, error, field=name) from None


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
    from aqyl.app.cache import cached
    from aqyl.app.reports import report_model

    role(request)
    period = _period(request.query_params.get("period"), "period", request)
    if period is None:
        raise required(request, "period")
    compare = _period(request.query_params.get("compare"), "compare", request)
    flt = _filter(request)
    # The dashboard asks for the same few models again and again: the JSON is built once, kept in
    # the cache every worker shares, keyed by the register's state (a stored upload is seen at once).
    body, _ = cached("aggregates", (period, compare, flt), lambda: json.dumps(
        report_model(period, compare, flt), cls=JSONEncoder, ensure_ascii=False).encode())
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
    role(request)
    data = request.data if hasattr(request.data, "get") else {}
    period = _period(str(data.get("period", "")), "period", request)
    if period is None:
        raise required(request, "period")
    lang = data.get("lang") or lang_of(request)
    fmt = data.get("format") or "pdf"
    for field, value, choices in (("lang", lang, LANGS), ("format", fmt, tuple(CONTENT_TYPES))):
        if value not in choices:
            raise ApiError("invalid", ui("api_choice", lang_of(request), field=field, choices=", ".join(choices)), field)
    try:
        return report_file(period, _filter(request), lang, fmt)
    except AqylError as error:  # e.g. a period whose comparison period is out of range
        raise from_aqyl(request, error, field="period") from None

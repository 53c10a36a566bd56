"""Records and submissions the caller may read."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.pagination import CursorPagination

from aqyl.app import cycle
from aqyl.app import records as app
from aqyl.domain.errors import AqylError
from aqyl.web import access
from aqyl.web.api.errors import ApiError, from_aqyl, lang_of
from aqyl.web.api.serializers import RecordSerializer, SubmissionSerializer


def role(request) -> str:
    """The caller's role; a 403 without one."""
    found = access.role_of(request.user)
    if found is None:
        raise ApiError("permission_denied", _denied(request))
    return found


def _denied(request) -> str:
    from aqyl.domain.wording.interface import ui

    return ui("api_permission_denied", lang_of(request))


class RecordPages(CursorPagination):
    # A register of millions: pages by a cursor on the key, never COUNT(*) or a deep OFFSET.
    ordering = "id"
    page_size = 100
    page_size_query_param = "limit"
    max_page_size = 1000


RECORD_FILTERS = ("period", "direction", "category", "country", "hei")
# The key in the path is a whole number (the schema cannot read it from a queryset: there is none).
BY_ID = extend_schema(parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH)])


class RecordViewSet(viewsets.ReadOnlyModelViewSet):
    """Current mobility records the caller may read, 100 a page (``limit`` up to 1,000; follow
    ``next``); filter by period, direction, category, country, hei."""

    serializer_class = RecordSerializer
    pagination_class = RecordPages

    @extend_schema(parameters=[OpenApiParameter(p, str, required=False) for p in RECORD_FILTERS])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @BY_ID
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def get_queryset(self):
        role(self.request)
        try:  # the records page's parser: unknown codes match nothing, an overlong value is refused
            flt = app.record_filter(self.request.query_params, strict=True)
        except AqylError as error:
            raise from_aqyl(self.request, error) from None
        return app.by_key(app.filtered(access.records(self.request.user), flt))


class SubmissionViewSet(viewsets.ReadOnlyModelViewSet):
    """Submissions (every version) the caller may read; filter by period, hei, current."""

    serializer_class = SubmissionSerializer

    @extend_schema(parameters=[OpenApiParameter("period", str, required=False), OpenApiParameter("hei", str, required=False),
                               OpenApiParameter("current", bool, required=False)])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @BY_ID
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def get_queryset(self):
        role(self.request)
        try:
            flt = app.record_filter({k: self.request.query_params.get(k, "") for k in ("period", "hei")}, strict=True)
        except AqylError as error:
            raise from_aqyl(self.request, error) from None
        return cycle.listed(access.submissions(self.request.user), period=flt["period"], hei=flt["hei"],
                            current_only=self.request.query_params.get("current") in ("true", "1"))

"""The research pages' data over the REST API: the same :mod:`aqyl.app` functions the pages and
the command line call, within the same roles (analysts and administrators; an officer sees only
the typology of their own HEI)."""

from __future__ import annotations

import json

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, parser_classes
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from aqyl.app import jobs
from aqyl.app.research import latest_year, run_of
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.api.errors import ApiError, from_aqyl, invalid
from aqyl.web.api.errors import lang_of as language_of
from aqyl.web.views.research_inputs import (
    RESEARCH,
    BadInput,
    country,
    forecast_inputs,
    gravity_inputs,
    gravity_result,
    run_forecast,
    whole,
)


def _research(request) -> str:
    role = access.role_of(request.user)
    if role not in RESEARCH:
        raise ApiError("permission_denied", ui("api_permission_denied", language_of(request)))
    return role


def _checked(request, read):
    """``read(query)`` or a 400 that says, in the caller's language, what to fix."""
    try:
        return read(request.query_params)
    except AqylError as error:
        raise from_aqyl(request, error) from None
    except BadInput as error:
        field = error.args[0]
        raise invalid(request, field, ui("api_not_a_number", language_of(request), field=field)) from None


def _p(name: str, kind=str, description: str = "", many: bool = False) -> OpenApiParameter:
    return OpenApiParameter(name, kind, required=False, description=description, many=many)


ORIGIN = _p("origin", description="Country code or name (default KZ)")
SOURCE = _p("source", description="uis, oecd, undesa, national, … (default uis)")


@extend_schema(parameters=[ORIGIN, _p("year", int), SOURCE, _p("population")], responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def flows(request):
    """Destinations of an origin's people in a year by one source: count, share, change on the year before."""
    from aqyl.app.flows import destinations

    _research(request)
    origin, year = _checked(request, lambda q: (country(q, "origin", "KZ"), whole(q, "year", None, 1900, 2100)))
    source = request.query_params.get("source", "uis")[:32]
    if year is None:
        year = latest_year(origin, source)
    if year is None:
        raise NotFound()
    return Response(destinations(origin, year, source, request.query_params.get("population") or None))


@extend_schema(parameters=[ORIGIN, _p("destination", description="Country code or name (default RU)"), SOURCE],
               responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def flow_series(request):
    """One pair's yearly counts by one source."""
    from aqyl.app.flows import pair_series

    _research(request)
    origin, destination = _checked(request, lambda q: (country(q, "origin", "KZ"), country(q, "destination", "RU")))
    return Response({"origin": origin, "destination": destination,
                     "series": pair_series(origin, destination, request.query_params.get("source", "uis")[:32])})


@extend_schema(parameters=[ORIGIN, _p("destination"), _p("year", int)], responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def reconcile(request):
    """The same pair and year in every source, its ratio to the largest, and what each source counts."""
    from aqyl.app.flows import reconciliation

    _research(request)
    origin, destination, year = _checked(request, lambda q: (country(q, "origin", "KZ"), country(q, "destination", "RU"),
                                                             whole(q, "year", 2019, 1900, 2100)))
    return Response({"origin": origin, "destination": destination, "year": year,
                     "sources": reconciliation(origin, destination, year, language_of(request))})


@extend_schema(parameters=[ORIGIN, _p("destination"), SOURCE, _p("since", int), _p("until", int),
                           _p("horizon", int, "Years ahead, 1–30"), _p("level", int, "50, 80, 90, 95 or 99")],
               responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def forecast(request):
    """A series' forecast: back-test of every method (MASE), the winner, and its prediction interval."""
    _research(request)
    inputs = _checked(request, forecast_inputs)
    return Response(_checked(request, lambda q: run_forecast(inputs, language_of(request))))


GRAVITY = [SOURCE, _p("since", int), _p("until", int), ORIGIN, _p("year", int),
           _p("set", description="COVARIATE=VALUE[:ORIGIN>DESTINATION], e.g. former_ussr=0:KZ>RU", many=True),
           _p("pull", description="COUNTRY=FACTOR, e.g. DE=1.2", many=True),
           _p("push", description="COUNTRY=FACTOR, e.g. KZ=0.8", many=True)]


@extend_schema(parameters=GRAVITY, responses={200: OpenApiTypes.OBJECT, 409: OpenApiTypes.OBJECT})
@api_view(["GET"])
def gravity(request):
    """The kept gravity fit of a source's flows (coefficients with standard errors) and a what-if
    from it; 409 when no fit of these flows is kept yet (POST /api/gravity/fit starts one)."""
    _research(request)
    inputs = _checked(request, gravity_inputs)
    result = _checked(request, lambda q: gravity_result(inputs, language_of(request)))
    if result is None:
        raise ApiError("no_fit", ui("api_no_fit", language_of(request)))
    return Response(result)


@extend_schema(parameters=[SOURCE, _p("since", int), _p("until", int)], request=None,
               responses={202: OpenApiTypes.OBJECT})
@api_view(["POST"])
def gravity_fit(request):
    """Start (or find) the background fit of a source's flows; poll /api/runs/{id}."""
    from aqyl.app.gravity import gravity_params

    _research(request)
    inputs = _checked(request, gravity_inputs)
    run = jobs.start("gravity", gravity_params(inputs["source"], None, inputs["since"], inputs["until"]), request.user)
    return Response(jobs.status(run), status=202)


@extend_schema(responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def run(request, pk: int):
    """A background run's status and progress, and its result when done."""
    _research(request)
    found = run_of(pk)
    if found is None:
        raise NotFound()
    return Response({**jobs.status(found), "result": found.result if found.status == "done" else None})


@extend_schema(parameters=[_p("period", description="Half-year, e.g. 2023H1"), _p("category")],
               responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def typology(request):
    """A period's mobilities by form of intellectual migration (an officer: their HEI's only)."""
    from aqyl.app.research import typology as typology_of
    from aqyl.domain.classifiers import CATEGORY, parse_period

    role = access.role_of(request.user)
    if role is None:
        raise ApiError("permission_denied", ui("api_permission_denied", language_of(request)))

    def read(q):
        return (parse_period(q.get("period") or "2023H1").code, CATEGORY.encode(q["category"]) if q.get("category") else None)

    period, category = _checked(request, read)
    hei = access.hei_of(request.user) if role == "officer" else None
    return Response({"period": period, "category": category, "hei": hei.code if hei else None,
                     "forms": typology_of(period, category, hei=hei.code if hei else None)})


@extend_schema(parameters=[_p("as_of", int), _p("within", int), _p("cohort")], responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def cohorts(request):
    """Indicators of the stored cohorts of scholarship holders, each programme and all together."""
    from aqyl.app.cohorts import summaries

    _research(request)
    as_of, within = _checked(request, lambda q: (whole(q, "as_of", None, 1900, 2100), whole(q, "within", 5, 1, 50)))
    found = summaries(request.query_params.get("cohort") or None, as_of, within)
    return Response({"cohorts": [s.as_dict() for s in found] if found and found[0].fellows else []})


@extend_schema(parameters=[_p("by", description="An interview attribute: gender, funding, …")],
               responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def interview_codes(request):
    """How many interviews and segments mention each code, overall and by group."""
    from aqyl.app.research import frequencies

    _research(request)
    return Response(frequencies(request.query_params.get("by") or None))


@extend_schema(parameters=[OpenApiParameter("code", str, required=True)], responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def interview_quotes(request):
    """Every quote marked with a code, with its interview and attributes."""
    from aqyl.app.research import codebook, quotes

    _research(request)
    code = request.query_params.get("code", "")
    if code not in codebook()[1]:
        raise invalid(request, "code", ui("api_not_in_codebook", language_of(request), code=code,
                                          codes=", ".join(codebook()[1])))
    return Response({"code": code, "quotes": quotes(code)})


@extend_schema(
    request={"multipart/form-data": inline_serializer("SurveyUpload", {
        "file": serializers.FileField(), "by": serializers.CharField(required=False),
        "accept_valid": serializers.BooleanField(required=False)})},
    responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT})
@api_view(["POST"])
@parser_classes([MultiPartParser])
def survey_analysis(request):
    """Check a survey export (CSV or XLSX, one row per respondent) against the motives instrument
    and return its analysis model: the import report and, when rows could be analysed, scales,
    reliability, descriptives and (with ``by``) group comparisons and cross-tabs."""
    import shutil

    from aqyl.app.surveys import analyse_file
    from aqyl.web.views.research_inputs import save_upload

    _research(request)
    lang = language_of(request)
    saved = save_upload(request, lang)
    if isinstance(saved, str):
        raise invalid(request, "file", saved)
    path, name, _ = saved
    try:
        by = request.data.get("by") or None
        result = analyse_file(path, "motives", None, by, str(request.data.get("accept_valid", "")).lower() in ("1", "true", "on"), name)
    except AqylError as error:
        raise from_aqyl(request, error) from None
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    body = {"report": result.report.as_dict(lang), "analysis": result.model}
    return Response(json.loads(json.dumps(body, default=_plain)), status=200 if result.model is not None else 400)


def _plain(value):
    """numpy numbers and the like, as JSON has them."""
    return value.item() if hasattr(value, "item") else str(value)

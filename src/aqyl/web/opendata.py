"""Open data on the web: the public, read-only view of released data (no sign-in), the analyst's
page to publish a release, and the person-level indicators in the API. The public pages read only
stored releases (:class:`aqyl.store.models.Release`), never the register."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from aqyl.app.opendata import public_releases
from aqyl.domain.classifiers import half_year
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.domain.wording.web import OPEN_DATA as WORDS
from aqyl.web import access
from aqyl.web.api.errors import ApiError, from_aqyl, invalid, lang_of


def _w(lang: str) -> dict[str, str]:
    return {k.removeprefix("opendata_"): v.get(lang) for k, v in WORDS.items()}


def open_index(request):
    """The public page: the chosen (default: newest) release's tables and charts, and its files."""
    from aqyl.app.opendata import public_page

    lang = getattr(request, "LANGUAGE_CODE", "kk")
    releases = list(public_releases())
    chosen = request.GET.get("release")
    release = None
    if chosen:
        release = next((r for r in releases if str(r.pk) == chosen), None)
        if release is None:
            raise Http404
    elif releases:
        release = releases[0]
    blocks = []
    if release is not None:
        blocks = public_page(release, lang)
    w = _w(lang)
    return render(request, "aqyl/open.html", {
        "w": w, "releases": releases, "release": release, "blocks": blocks,
        "may_publish": access.role_of(request.user) in ("analyst", "admin"),
        "method": (w["suppress"].format(t=release.threshold) if release.method == "suppress" else w["round5"])
        if release else "",
        "files": list(release.files.values_list("name", flat=True)) if release else [],
        "suppressed": sum(s.get("primary", 0) + s.get("secondary", 0) for s in release.summary.values()) if release else 0,
    })


CONTENT_TYPES = {".csv": "text/csv; charset=utf-8", ".json": "application/json",
                 ".html": "text/html; charset=utf-8",
                 ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def open_file(request, pk: int, name: str):
    release = get_object_or_404(public_releases(), pk=pk)
    found = release.files.filter(name=name).first()
    if found is None:
        raise Http404
    suffix = "." + name.rsplit(".", 1)[-1]
    response = HttpResponse(bytes(found.content), content_type=CONTENT_TYPES.get(suffix, "application/octet-stream"))
    if suffix != ".html":
        response["Content-Disposition"] = f'attachment; filename="{name.rsplit("/", 1)[-1]}"'
    return response


def open_zip(request, pk: int):
    from aqyl.app.opendata import release_zip

    release = get_object_or_404(public_releases(), pk=pk)
    response = HttpResponse(release_zip(release), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="aqyl-open-{release.period}-{release.pk}.zip"'
    return response


@login_required
def open_publish(request):
    """The analyst publishes a period's release."""
    from aqyl.app.opendata import publish_release, recent_releases
    from aqyl.app.records import periods

    access.require_role(request.user, "analyst", "admin")
    lang = getattr(request, "LANGUAGE_CODE", "kk")
    w = _w(lang)
    error = ""
    if request.method == "POST":
        try:
            period = half_year(request.POST.get("period", ""))
            threshold = int(request.POST.get("threshold") or 5)
            if not 1 <= threshold <= 100:
                raise ValueError
            method = "round5" if request.POST.get("method") == "round5" else "suppress"
            release = publish_release(period, threshold, method, request.user)
        except ValueError:
            error = w["bad_threshold"]
        except AqylError as e:
            error = e.message(lang)
        else:
            from aqyl.web.audit import record

            record(request.user, "release.publish", f"{period} #{release.pk}", after={
                "method": method, "threshold": threshold, "files": release.files.count()})
            messages.success(request, w["done"].format(period=period))
            return HttpResponseRedirect(f"{reverse('open_index')}?release={release.pk}")
    return render(request, "aqyl/open_publish.html", {
        "w": w, "periods": periods(), "error": error, "releases": recent_releases()}, status=400 if error else 200)


# --- API ----------------------------------------------------------------------------------------
@extend_schema(
    parameters=[OpenApiParameter("as_of", str, required=False, description="Last half-year counted, e.g. 2023H1"),
                OpenApiParameter("within", int, required=False, description="K half-years (default 4)")],
    responses={200: OpenApiTypes.OBJECT},
)
@api_view(["GET"])
def persons(request):
    """Person-level indicators from the register (analysts): linked persons, repeat (pendulum)
    mobility, outgoing staff taking part again within K half-years, incoming specialists who
    return, students back after a degree abroad. Counts only, never a person."""
    from aqyl.app.opendata import persons as person_indicators

    if access.role_of(request.user) not in ("analyst", "admin"):
        raise ApiError("permission_denied", ui("api_permission_denied", lang_of(request)))
    as_of = request.query_params.get("as_of") or None
    try:
        within = int(request.query_params.get("within") or 4)
        if within < 1:
            raise ValueError
        as_of = half_year(as_of) if as_of else None
    except ValueError:
        raise invalid(request, "within", ui("api_half_years", lang_of(request))) from None
    except AqylError as error:
        raise from_aqyl(request, error, field="as_of") from None
    return Response(person_indicators(as_of, within).as_dict())

"""The migration pages: stored flows and their import, the reconciliation of sources, forecasts
and the gravity model with its what-ifs (``/migration/``). Long work goes to a background run."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from aqyl.app import jobs
from aqyl.app.countries import country_name
from aqyl.app.research import flow_years
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.views.common import lang_of
from aqyl.web.views.research_inputs import (
    IMPORT_SOURCES,
    LEVELS,
    RESEARCH,
    BadInput,
    bad_input,
    countries,
    country,
    forecast_inputs,
    gravity_inputs,
    gravity_result,
    run_context,
    run_forecast,
    save_upload,
    whole,
)


@login_required
def migration_home(request):
    access.require_role(request.user, *RESEARCH)
    return HttpResponseRedirect(reverse("research_flows"))


@login_required
def flows(request):
    from aqyl.app.flows import default_year, destinations, pair_series, stored_sources

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    from aqyl.domain.migration.flows import populations

    kinds = populations()
    stored = [{**s, "population_label": kinds[s["population"]].get(lang) if s["population"] in kinds else s["population"]}
              for s in stored_sources()]
    context: dict = {"stored": stored, "import_sources": IMPORT_SOURCES, "countries": countries(lang),
                     "populations": [(k, v.get(lang)) for k, v in kinds.items()],
                     "limit_mb": settings.AQYL_MAX_UPLOAD_BYTES // (1024 * 1024), **run_context(request, "flows_import")}
    if request.method == "POST":
        saved = save_upload(request, lang)
        source = request.POST.get("source", "")
        if isinstance(saved, str) or source not in IMPORT_SOURCES:
            context["error"] = saved if isinstance(saved, str) else ui("choose_source", lang)
            return render(request, "aqyl/migration/flows.html", context, status=400)
        path, name, sha = saved
        run = jobs.start("flows_import", {"path": str(path), "sha256": sha, "source": source,
                                          "population": request.POST.get("population", ""), "file_name": name}, request.user)
        return HttpResponseRedirect(f"{reverse('research_flows')}?source={source}&run={run.pk}")
    codes = [s["source"] for s in stored]
    source = request.GET.get("source") or ("uis" if "uis" in codes else (codes[0] if codes else ""))
    try:
        origin = country(request.GET, "origin", "KZ")
        year = whole(request.GET, "year", None, 1900, 2100)
        destination = country(request.GET, "destination")
    except (AqylError, BadInput) as error:
        context["error"] = bad_input(lang, error)
        return render(request, "aqyl/migration/flows.html", context, status=400)
    years = flow_years(origin, source)
    year = year or default_year(origin, source)
    context |= {"source": source, "origin": origin, "year": year, "years": years, "origin_name": country_name(origin, lang)}
    if year is not None:
        table = destinations(origin, year, source)
        named = [r["destination"] for r in table["rows"] if r["destination"] != "other" and r["count"] is not None]
        destination = destination or (named[0] if named else None)
        for r in table["rows"]:
            r["name"] = country_name(r["destination"], lang)
        series = pair_series(origin, destination, source) if destination else []
        context |= {"table": table, "destination": destination, "series": series,
                    "destination_name": country_name(destination, lang) if destination else "",
                    "chart_json": json.dumps({
                        "origin": context["origin_name"], "year": year,
                        "links": [{"name": r["name"], "value": r["count"]} for r in table["rows"] if r["count"] is not None][:12],
                        "series": {"name": f"{context['origin_name']} → {country_name(destination, lang) if destination else ''}",
                                   "years": [s["year"] for s in series], "counts": [s["count"] for s in series]},
                    }, ensure_ascii=False)}
    return render(request, "aqyl/migration/flows.html", context)


@login_required
def reconcile(request):
    from aqyl.app.flows import reconciliation

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    context: dict = {"countries": countries(lang)}
    try:
        origin = country(request.GET, "origin", "KZ")
        destination = country(request.GET, "destination", "RU")
        year = whole(request.GET, "year", 2019, 1900, 2100)
    except (AqylError, BadInput) as error:
        context["error"] = bad_input(lang, error)
        return render(request, "aqyl/migration/reconcile.html", context, status=400)
    context |= {"origin": origin, "destination": destination, "year": year,
                "pair": f"{country_name(origin, lang)} → {country_name(destination, lang)}",
                "rows": reconciliation(origin, destination, year, lang)}
    return render(request, "aqyl/migration/reconcile.html", context)


def _source_codes() -> list[str]:
    """The stored flow sources, for a list of their names (not a field to type a code in)."""
    from aqyl.app.flows import stored_sources

    return sorted({s["source"] for s in stored_sources()})


@login_required
def forecast(request):
    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    context: dict = {"countries": countries(lang), "levels": LEVELS, "source_codes": _source_codes(),
                     **run_context(request, "forecasts")}
    query = request.POST if request.method == "POST" else request.GET
    try:
        inputs = forecast_inputs(query)
    except (AqylError, BadInput) as error:
        context["error"] = bad_input(lang, error)
        context["inputs"] = {k: query.get(k, "") for k in ("origin", "destination", "source", "since", "until", "horizon", "level")}
        return render(request, "aqyl/migration/forecast.html", context, status=400)
    context["inputs"] = inputs
    if request.method == "POST":  # a batch: every main destination of the origin, off the request path
        from aqyl.app.flows import default_year

        year = inputs["until"] or default_year(inputs["origin"], inputs["source"])
        if year is None:
            context["error"] = ui("no_flows", lang)
            return render(request, "aqyl/migration/forecast.html", context, status=400)
        run = jobs.start("forecasts", {"origin": inputs["origin"], "source": inputs["source"], "year": year, "top": 10,
                                       "horizon": inputs["horizon"], "level": inputs["level"]}, request.user)
        keep = "&".join(f"{k}={v}" for k, v in request.POST.items() if k in ("origin", "destination", "source", "horizon", "level") and v)
        return HttpResponseRedirect(f"{reverse('research_forecast')}?{keep}&run={run.pk}")
    context["pair"] = f"{country_name(inputs['origin'], lang)} → {country_name(inputs['destination'], lang)}"
    from aqyl.app.flows import default_year

    if default_year(inputs["origin"], inputs["source"]) is None:  # nothing loaded: not "a series of 0 years"
        context["forecast_error"] = ui("no_source_flows", lang, source=inputs["source"].upper(),
                                       origin=country_name(inputs["origin"], lang))
        return render(request, "aqyl/migration/forecast.html", context)
    try:
        context["result"] = run_forecast(inputs, lang)
        context["fan_json"] = json.dumps({"title": context["pair"], **context["result"]}, ensure_ascii=False)
    except AqylError as error:
        context["forecast_error"] = error.message(lang)
    run = context.get("run")
    if run is not None and run.status == "done":
        context["batch"] = [{**r, "name": country_name(r["destination"], lang), "error": (r.get("error") or {}).get(lang)}
                            for r in run.result["rows"]]
    return render(request, "aqyl/migration/forecast.html", context)


@login_required
def gravity(request):
    from aqyl.app.gravity import COVARIATE_LABELS

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    query = request.POST if request.method == "POST" else request.GET
    context: dict = {"countries": countries(lang), "covariates": [(k, v.get(lang)) for k, v in COVARIATE_LABELS.items()],
                     "source_codes": _source_codes(), **run_context(request, "gravity")}
    try:
        inputs = gravity_inputs(query)
    except (AqylError, BadInput) as error:
        context["error"] = bad_input(lang, error)
        context |= {"inputs": {k: query.get(k, "") for k in ("source", "since", "until", "origin", "year")}, "query": query}
        return render(request, "aqyl/migration/gravity.html", context, status=400)
    context |= {"inputs": inputs, "query": query}
    if request.method == "POST":
        from aqyl.app.gravity import gravity_params

        run = jobs.start("gravity", gravity_params(inputs["source"], None, inputs["since"], inputs["until"]), request.user)
        keep = "&".join(f"{k}={v}" for k, v in request.POST.items() if k != "csrfmiddlewaretoken" and v)
        return HttpResponseRedirect(f"{reverse('research_gravity')}?{keep}&run={run.pk}")
    try:
        context["result"] = gravity_result(inputs, lang)
    except AqylError as error:
        context["error"] = error.message(lang)
        return render(request, "aqyl/migration/gravity.html", context, status=400)
    if context["result"]:
        from aqyl.domain.numbers import fmt_int

        context["origin_name"] = country_name(inputs["origin"], lang)
        context["observations"] = fmt_int(context["result"]["observations"], lang)
        context["dropped"] = fmt_int(context["result"]["dropped_separated"], lang)
        context["bars_json"] = json.dumps({"rows": context["result"]["scenario"]["rows"][:10],
                                           "words": {k: ui(k, lang) for k in ("observed", "modelled", "scenario")}},
                                          ensure_ascii=False)
    return render(request, "aqyl/migration/gravity.html", context)

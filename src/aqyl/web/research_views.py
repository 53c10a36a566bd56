"""The research pages: flows, reconciliation, forecasts, the gravity model and its what-ifs, the
student emigration note, typology, cohorts (``/migration/``), surveys (``/surveys/``) and
interviews (``/interviews/``). Each view reads its inputs, calls the same :mod:`aqyl.app`
functions as the command line and renders what they return; long work goes to a background run."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from aqyl.app import jobs
from aqyl.app.countries import country_name, country_option
from aqyl.domain.classifiers import CATEGORY, COUNTRY, parse_period
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.store import models as m
from aqyl.web import access
from aqyl.web.downloads import CONTENT_TYPES, attachment
from aqyl.web.middleware import LANGS
from aqyl.web.views import _lang, _problem_rows, periods

RESEARCH = ("analyst", "admin")
IMPORT_SOURCES = ("uis", "oecd", "undesa", "canonical")


class BadInput(Exception):
    """A form value a user can fix; its text is shown on the page."""


def _int(query, name: str, default: int | None = None, lo: int = 0, hi: int = 9999) -> int | None:
    raw = (query.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not lo <= value <= hi:
        raise BadInput(name)
    return value


def _country(query, name: str, default: str | None = None) -> str | None:
    raw = (query.get(name) or "").strip()
    return country_option(raw) if raw else default


def _countries(lang: str) -> list[tuple[str, str]]:
    return sorted(((c.code, c.label.get(lang)) for c in COUNTRY), key=lambda x: x[1])


def _bad_input(lang: str, error: Exception) -> str:
    if isinstance(error, AqylError):
        return error.message(lang)
    return ui("bad_input", lang, field=ui(f"field_{error.args[0]}", lang) if f"field_{error.args[0]}" in _FIELDS else error.args[0])


_FIELDS = {"field_year", "field_since", "field_until", "field_horizon", "field_level", "field_top", "field_as_of",
           "field_within", "field_start", "field_end"}


def _save_upload(request, lang: str) -> tuple[Path, str, str] | str:
    """The uploaded file kept under the data folder: (path, name, sha256), or a message."""
    sent = request.FILES.get("file")
    if sent is None:
        return ui("no_file", lang)
    if sent.size > settings.AQYL_MAX_UPLOAD_BYTES:
        return ui("too_big", lang, size=f"{sent.size / 1024 ** 2:,.1f}", limit=settings.AQYL_MAX_UPLOAD_BYTES // 1024 ** 2)
    name = Path(sent.name).name or "upload"
    folder = jobs.results_dir() / "uploads" / uuid.uuid4().hex
    folder.mkdir(parents=True)
    digest = hashlib.sha256()
    with (folder / name).open("wb") as out:
        for chunk in sent.chunks():
            digest.update(chunk)
            out.write(chunk)
    return folder / name, name, digest.hexdigest()


def _run_context(request, kind: str) -> dict:
    """The background run named by ?run= (of this kind), for its progress box or its result."""
    raw = request.GET.get("run", "")
    if not raw.isdigit():
        return {}
    run = m.AnalysisRun.objects.filter(pk=int(raw), kind=kind).first()
    if run is None:
        return {}
    lang = _lang(request)
    return {"run": run, "run_error": (run.error or {}).get(lang, "") if run.status == "failed" else ""}


# --- flows -------------------------------------------------------------------------------------
@login_required
def migration_home(request):
    access.require_role(request.user, *RESEARCH)
    return HttpResponseRedirect(reverse("research_flows"))


@login_required
def flows(request):
    from aqyl.app.flows import default_year, destinations, pair_series, stored_sources

    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    from aqyl.domain.migration.flows import populations

    kinds = populations()
    stored = [{**s, "population_label": kinds[s["population"]].get(lang) if s["population"] in kinds else s["population"]}
              for s in stored_sources()]
    context: dict = {"stored": stored, "import_sources": IMPORT_SOURCES, "countries": _countries(lang),
                     "populations": [(k, v.get(lang)) for k, v in kinds.items()],
                     "limit_mb": settings.AQYL_MAX_UPLOAD_BYTES // (1024 * 1024), **_run_context(request, "flows_import")}
    if request.method == "POST":
        saved = _save_upload(request, lang)
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
        origin = _country(request.GET, "origin", "KZ")
        year = _int(request.GET, "year", None, 1900, 2100)
        destination = _country(request.GET, "destination")
    except (AqylError, BadInput) as error:
        context["error"] = _bad_input(lang, error)
        return render(request, "aqyl/migration/flows.html", context, status=400)
    years = sorted(set(m.Flow.objects.filter(source=source, origin=origin).values_list("year", flat=True)), reverse=True)
    year = year or default_year(origin, source)
    context |= {"source": source, "origin": origin, "year": year, "years": years, "origin_name": country_name(origin, lang)}
    if year is not None:
        table = destinations(origin, year, source)
        named = [r["destination"] for r in table["rows"] if r["destination"] != "other"]
        destination = destination or (named[0] if named else None)
        for r in table["rows"]:
            r["name"] = country_name(r["destination"], lang)
        series = pair_series(origin, destination, source) if destination else []
        context |= {"table": table, "destination": destination, "series": series,
                    "destination_name": country_name(destination, lang) if destination else "",
                    "chart_json": json.dumps({
                        "origin": context["origin_name"], "year": year,
                        "links": [{"name": r["name"], "value": r["count"]} for r in table["rows"]][:12],
                        "series": {"name": f"{context['origin_name']} → {country_name(destination, lang) if destination else ''}",
                                   "years": [s["year"] for s in series], "counts": [s["count"] for s in series]},
                    }, ensure_ascii=False)}
    return render(request, "aqyl/migration/flows.html", context)


@login_required
def reconcile(request):
    from aqyl.app.flows import reconciliation

    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    context: dict = {"countries": _countries(lang)}
    try:
        origin = _country(request.GET, "origin", "KZ")
        destination = _country(request.GET, "destination", "RU")
        year = _int(request.GET, "year", 2019, 1900, 2100)
    except (AqylError, BadInput) as error:
        context["error"] = _bad_input(lang, error)
        return render(request, "aqyl/migration/reconcile.html", context, status=400)
    context |= {"origin": origin, "destination": destination, "year": year,
                "pair": f"{country_name(origin, lang)} → {country_name(destination, lang)}",
                "rows": reconciliation(origin, destination, year, lang)}
    return render(request, "aqyl/migration/reconcile.html", context)


# --- forecasts ---------------------------------------------------------------------------------
LEVELS = (50, 80, 90, 95, 99)


def forecast_inputs(query) -> dict:
    """The forecast form's values (the command line's options), checked."""
    return {"origin": _country(query, "origin", "KZ"), "destination": _country(query, "destination", "RU"),
            "source": (query.get("source") or "uis")[:32], "since": _int(query, "since", None, 1900, 2100),
            "until": _int(query, "until", None, 1900, 2100), "horizon": _int(query, "horizon", 5, 1, 30),
            "level": _int(query, "level", 80, 1, 99)}


def run_forecast(inputs: dict, lang: str) -> dict:
    """A forecast and what the page and the API show of it; the series' last unbroken run when no
    first year is given."""
    from aqyl.app.flows import beats_naive, pair_series, series_forecast, unbroken_since
    from aqyl.domain.migration.forecast import METHOD_LABELS

    years = [r["year"] for r in pair_series(inputs["origin"], inputs["destination"], inputs["source"])
             if inputs["until"] is None or r["year"] <= inputs["until"]]
    since = inputs["since"] if inputs["since"] is not None else unbroken_since(years)
    result = series_forecast(inputs["origin"], inputs["destination"], inputs["source"], None, since, inputs["until"],
                             inputs["horizon"], inputs["level"])
    p = result.prediction
    ranked = sorted(result.mase.items(), key=lambda kv: kv[1])
    return {
        "since": result.history_years[0], "until": result.history_years[-1], "method": result.method,
        "method_label": METHOD_LABELS[result.method].get(lang), "level": result.level, "beats_naive": beats_naive(result),
        "backtest": [{"method": k, "label": METHOD_LABELS[k].get(lang), "mase": v, "chosen": k == result.method} for k, v in ranked],
        "history": [{"year": y, "count": c} for y, c in zip(result.history_years, result.history, strict=True)],
        "forecast": [{"year": y, "mean": a, "lower": lo, "upper": hi}
                     for y, a, lo, hi in zip(result.years, p.mean, p.lower, p.upper, strict=True)],
    }


@login_required
def forecast(request):
    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    context: dict = {"countries": _countries(lang), "levels": LEVELS, **_run_context(request, "forecasts")}
    query = request.POST if request.method == "POST" else request.GET
    try:
        inputs = forecast_inputs(query)
    except (AqylError, BadInput) as error:
        context["error"] = _bad_input(lang, error)
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


# --- gravity -----------------------------------------------------------------------------------
def gravity_inputs(query) -> dict:
    """The model's data (source, years) and the what-if, as the command line's --set, --pull and
    --push write it; the form's fields build those strings."""
    sets, pulls, pushes = list(query.getlist("set")), list(query.getlist("pull")), list(query.getlist("push"))
    if query.get("set_cov") and query.get("set_value"):
        pair = f"{query.get('set_origin') or '*'}>{query.get('set_destination') or '*'}"
        sets.append(f"{query['set_cov']}={query['set_value']}:{pair}")
    if query.get("pull_country") and query.get("pull_factor"):
        pulls.append(f"{query['pull_country']}={query['pull_factor']}")
    if query.get("push_country") and query.get("push_factor"):
        pushes.append(f"{query['push_country']}={query['push_factor']}")
    return {"source": (query.get("source") or "uis")[:32], "since": _int(query, "since", None, 1900, 2100),
            "until": _int(query, "until", None, 1900, 2100), "origin": _country(query, "origin", "KZ"),
            "year": _int(query, "year", None, 1900, 2100), "set": sets, "pull": pulls, "push": pushes}


def gravity_result(inputs: dict, lang: str) -> dict | None:
    """The kept fit's coefficients and the what-if from it; None while no fit of these flows is kept."""
    from aqyl.app.flows import default_year
    from aqyl.app.gravity import COVARIATE_LABELS, kept_fit, parse_changes, scenario, scenario_table, summary

    fit = kept_fit(inputs["source"], None, inputs["since"], inputs["until"])
    if fit is None:
        return None
    changes = parse_changes(inputs["set"], inputs["pull"], inputs["push"])
    year = inputs["year"]
    if year is None:  # the last year that is not a stub of early reports, if the model has it
        usual = default_year(inputs["origin"], inputs["source"])
        year = usual if usual in fit.years else None
    table = scenario_table(scenario(fit, changes, inputs["origin"], year))
    for r in table["rows"]:
        r["name"] = country_name(r["destination"], lang)
    out = summary(fit)
    for c in out["coefficients"]:
        c["label"] = COVARIATE_LABELS[c["name"]].get(lang)
    return {**out, "scenario": table, "changes": len(changes)}


@login_required
def gravity(request):
    from aqyl.analytics.gravity import COVARIATE_LABELS

    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    query = request.POST if request.method == "POST" else request.GET
    context: dict = {"countries": _countries(lang), "covariates": [(k, v.get(lang)) for k, v in COVARIATE_LABELS.items()],
                     **_run_context(request, "gravity")}
    try:
        inputs = gravity_inputs(query)
    except (AqylError, BadInput) as error:
        context["error"] = _bad_input(lang, error)
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


# --- the emigration note -----------------------------------------------------------------------
@login_required
def note(request):
    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    years = sorted(set(m.Flow.objects.filter(origin="KZ", population="students").values_list("year", flat=True)), reverse=True)
    from aqyl.app.flows import default_year
    from aqyl.store.emigration import pick_source

    usual = default_year("KZ", pick_source("KZ", years[0]) or "uis") if years else None
    context = {"years": years, "year": usual, "langs": LANGS, "formats": list(CONTENT_TYPES), "countries": _countries(lang),
               "sources": sorted(set(m.Flow.objects.filter(population="students").values_list("source", flat=True)))}
    if request.method != "POST":
        return render(request, "aqyl/migration/note.html", context)
    from aqyl.app.migration import emigration_note

    try:
        year = _int(request.POST, "year", None, 1900, 2100)
        origin = _country(request.POST, "origin", "KZ")
        horizon = _int(request.POST, "horizon", 5, 1, 30)
    except (AqylError, BadInput) as error:
        return render(request, "aqyl/migration/note.html", context | {"error": _bad_input(lang, error)}, status=400)
    out_lang = request.POST.get("lang") if request.POST.get("lang") in LANGS else lang
    fmt = request.POST.get("format", "pdf")
    if year is None or fmt not in CONTENT_TYPES:
        return render(request, "aqyl/migration/note.html", context | {"error": ui("bad_input", lang, field=ui("field_year", lang))},
                      status=400)
    folder = Path(tempfile.mkdtemp(prefix="aqyl-note-"))
    try:
        written = emigration_note(origin, year, out_lang, [fmt], folder, source=request.POST.get("source") or None,
                                  horizon=horizon)
        if written is None:
            return render(request, "aqyl/migration/note.html",
                          context | {"error": ui("no_student_flows", lang, origin=country_name(origin, lang), year=year)}, status=400)
        paths, _hint = written
        return attachment(paths[0].read_bytes(), paths[0].name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- typology and cohorts ----------------------------------------------------------------------
@login_required
def typology(request):
    from aqyl.app.cohorts import summaries
    from aqyl.domain.migration.typology import FORMS
    from aqyl.store.migration import typology as typology_of

    role = access.require_role(request.user, "officer", *RESEARCH)
    lang = _lang(request)
    known = periods()
    context: dict = {"periods": known, "categories": [(c.code, c.label.get(lang)) for c in CATEGORY],
                     "rules": [(f, FORMS[f].get(lang), ui(f"rule_{f}", lang)) for f in FORMS]}
    try:
        period = parse_period(request.GET["period"]).code if request.GET.get("period") else (known[0] if known else "")
        category = CATEGORY.encode(request.GET["category"]) if request.GET.get("category") else None
    except AqylError as error:
        return render(request, "aqyl/migration/typology.html", context | {"error": error.message(lang)}, status=400)
    hei = access.hei_of(request.user) if role == "officer" else None
    counts = typology_of(period, category, hei=hei.code if hei else None) if period else {}
    cohort = summaries()[0] if role != "officer" and m.CohortMember.objects.filter(upload__is_current=True).exists() else None
    context |= {"period": period, "category": category, "hei": hei, "total": sum(counts.values()),
                "counts": [(FORMS[f].get(lang), n) for f, n in counts.items()],
                "cohort": [(FORMS[f].get(lang), cohort.forms.get(f, 0)) for f in FORMS] if cohort else None,
                "cohort_total": cohort.fellows if cohort else 0}
    return render(request, "aqyl/migration/typology.html", context)


@login_required
def cohorts(request):
    from aqyl.app.cohorts import COHORT_TEXT, indicator_rows, summaries

    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    context: dict = {"limit_mb": settings.AQYL_MAX_UPLOAD_BYTES // (1024 * 1024)}
    if request.method == "POST":
        context |= _cohort_upload(request, lang)
    try:
        as_of = _int(request.GET, "as_of", None, 1900, 2100)
        within = _int(request.GET, "within", 5, 1, 50)
    except BadInput as error:
        return render(request, "aqyl/migration/cohorts.html", context | {"error": _bad_input(lang, error)}, status=400)
    found = summaries(as_of=as_of, within=within)
    if found and found[0].fellows:
        context |= {"heads": [s.cohort or COHORT_TEXT["all"].get(lang) for s in found],
                    "rows": indicator_rows(found, lang, within, local=True), "as_of": found[0].as_of}
    context |= {"within": within, "as_of_value": as_of or ""}
    return render(request, "aqyl/migration/cohorts.html", context, status=400 if context.get("error") else 200)


def _cohort_upload(request, lang: str) -> dict:
    from aqyl.domain.intake.problems import ImportReport, Problem
    from aqyl.importers.readers import UnreadableFile
    from aqyl.store.imports import import_file

    saved = _save_upload(request, lang)
    if isinstance(saved, str):
        return {"error": saved}
    path, name, _ = saved
    try:
        report, _table = import_file(path, user=request.user, submitted_by=request.user.get_username(), layout="cohort")
    except UnreadableFile as error:
        report = ImportReport(file=name, unreadable=True)
        report.add(Problem(0, "", "", error.key, params=error.params))
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    if report.submissions:
        from aqyl.web.audit import record

        for s in report.submissions:
            record(request.user, "cohort.store", s["cohort"], after={"version": s["version"], "rows": s["rows"], "file": name})
    return {"report": report, "problems": _problem_rows(report, lang)}


@login_required
def cohort_template(request):
    from aqyl.importers.template import build_template
    from aqyl.store.registry import directory

    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    return attachment(build_template(lang, list(directory().heis.values()), "cohort"), f"aqyl-cohort-template-{lang}.xlsx")


# --- background runs ---------------------------------------------------------------------------
@login_required
def run_status(request, pk: int):
    """A run's progress, polled by the page that started it."""
    access.require_role(request.user, *RESEARCH)
    run = get_object_or_404(m.AnalysisRun, pk=pk)
    return JsonResponse(jobs.status(run))


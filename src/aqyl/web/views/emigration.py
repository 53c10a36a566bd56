"""The student emigration note, the typology of intellectual migration, the cohorts of scholarship
holders (``/migration/``) and the state of a background run."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render

from aqyl.app import jobs
from aqyl.app.countries import country_name
from aqyl.app.records import periods
from aqyl.app.research import flow_sources, flow_years, has_cohorts, run_of
from aqyl.domain.classifiers import CATEGORY, parse_period
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.downloads import CONTENT_TYPES, attachment
from aqyl.web.middleware import LANGS
from aqyl.web.views.common import lang_of, problem_rows
from aqyl.web.views.research_inputs import (
    RESEARCH,
    BadInput,
    bad_input,
    countries,
    country,
    save_upload,
    whole,
)

# Each migration form's rule, the keys written out (a key is never built at run time).
RULE_WORD = {"virtual": "rule_virtual", "sector_change": "rule_sector_change", "irreversible": "rule_irreversible",
             "contract": "rule_contract", "pendulum": "rule_pendulum", "one_time": "rule_one_time",
             "unclassified": "rule_unclassified"}


@login_required
def note(request):
    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    years = flow_years("KZ", population="students")
    from aqyl.app.flows import default_year
    from aqyl.app.research import pick_source

    usual = default_year("KZ", pick_source("KZ", years[0]) or "uis") if years else None
    context = {"years": years, "year": usual, "langs": LANGS, "formats": list(CONTENT_TYPES), "countries": countries(lang),
               "sources": flow_sources("students")}
    if request.method != "POST":
        return render(request, "aqyl/migration/note.html", context)
    from aqyl.app.migration import emigration_note

    try:
        year = whole(request.POST, "year", None, 1900, 2100)
        origin = country(request.POST, "origin", "KZ")
        horizon = whole(request.POST, "horizon", 5, 1, 30)
    except (AqylError, BadInput) as error:
        return render(request, "aqyl/migration/note.html", context | {"error": bad_input(lang, error)}, status=400)
    out_lang = request.POST.get("lang") if request.POST.get("lang") in LANGS else lang
    fmt = request.POST.get("format", "pdf")
    if year is None or fmt not in CONTENT_TYPES:
        return render(request, "aqyl/migration/note.html", context | {"error": ui("bad_input", lang, field=ui("field_year", lang))},
                      status=400)
    folder = Path(tempfile.mkdtemp(prefix="aqyl-note-"))
    try:
        try:
            written = emigration_note(origin, year, out_lang, [fmt], folder, source=request.POST.get("source") or None,
                                      horizon=horizon, allow_incomplete=request.POST.get("allow_incomplete") == "1", web=True)
        except AqylError as error:  # a year the source covers only in part: what it lacks, the last complete year
            return render(request, "aqyl/migration/note.html", context | {"error": error.message(lang)}, status=400)
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
    from aqyl.app.research import typology as typology_of
    from aqyl.domain.migration.typology import FORMS

    role = access.require_role(request.user, "officer", *RESEARCH)
    lang = lang_of(request)
    known = periods()
    context: dict = {"periods": known, "categories": [(c.code, c.label.get(lang)) for c in CATEGORY],
                     "rules": [(f, FORMS[f].get(lang), ui(RULE_WORD[f], lang)) for f in FORMS]}
    try:
        period = parse_period(request.GET["period"]).code if request.GET.get("period") else (known[0] if known else "")
        category = CATEGORY.encode(request.GET["category"]) if request.GET.get("category") else None
    except AqylError as error:
        return render(request, "aqyl/migration/typology.html", context | {"error": error.message(lang)}, status=400)
    hei = access.hei_of(request.user) if role == "officer" else None
    counts = typology_of(period, category, hei=hei.code if hei else None) if period else {}
    cohort = summaries()[0] if role != "officer" and has_cohorts() else None
    context |= {"period": period, "category": category, "hei": hei, "total": sum(counts.values()),
                "counts": [(FORMS[f].get(lang), n) for f, n in counts.items()],
                "cohort": [(FORMS[f].get(lang), cohort.forms.get(f, 0)) for f in FORMS] if cohort else None,
                "cohort_total": cohort.fellows if cohort else 0}
    return render(request, "aqyl/migration/typology.html", context)


@login_required
def cohorts(request):
    from aqyl.app.cohorts import COHORT_TEXT, indicator_rows, summaries

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    context: dict = {"limit_mb": settings.AQYL_MAX_UPLOAD_BYTES // (1024 * 1024)}
    if request.method == "POST":
        context |= _cohort_upload(request, lang)
    try:
        as_of = whole(request.GET, "as_of", None, 1900, 2100)
        within = whole(request.GET, "within", 5, 1, 50)
    except BadInput as error:
        return render(request, "aqyl/migration/cohorts.html", context | {"error": bad_input(lang, error)}, status=400)
    found = summaries(as_of=as_of, within=within)
    if found and found[0].fellows:
        context |= {"heads": [s.cohort or COHORT_TEXT["all"].get(lang) for s in found],
                    "rows": indicator_rows(found, lang, within, local=True), "as_of": found[0].as_of}
    context |= {"within": within, "as_of_value": as_of or ""}
    return render(request, "aqyl/migration/cohorts.html", context, status=400 if context.get("error") else 200)


def _cohort_upload(request, lang: str) -> dict:
    from aqyl.app.imports import checked_or_refused

    saved = save_upload(request, lang)
    if isinstance(saved, str):
        return {"error": saved}
    path, name, _ = saved
    try:
        report, _table = checked_or_refused(path, name, user=request.user, submitted_by=request.user.get_username(),
                                            layout="cohort")
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    if report.submissions:
        from aqyl.web.audit import record

        for s in report.submissions:
            record(request.user, "cohort.store", s["cohort"], after={"version": s["version"], "rows": s["rows"], "file": name})
    return {"report": report, "problems": problem_rows(report, lang)}


@login_required
def cohort_template(request):
    from aqyl.app.imports import template_bytes

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    return attachment(template_bytes(lang, "cohort"), f"aqyl-cohort-template-{lang}.xlsx")


# --- background runs ---------------------------------------------------------------------------
@login_required
def run_status(request, pk: int):
    """A run's progress, polled by the page that started it."""
    access.require_role(request.user, *RESEARCH)
    run = run_of(pk)
    if run is None:
        raise Http404
    return JsonResponse(jobs.status(run))

"""The reports page: the analytical note's download, and the analyst's editor of the note's
authored sections (each section and language versioned from a period on)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from aqyl.app.records import default_period, periods
from aqyl.domain.classifiers import CATEGORY, HEI_TYPE, PROGRAMME, REGION
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import collation_key
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.downloads import CONTENT_TYPES, report_file
from aqyl.web.middleware import LANGS
from aqyl.web.views.common import lang_of, when_local

TEXT_LANG_WORD = {"kk": "text_lang_kk", "ru": "text_lang_ru", "en": "text_lang_en"}  # keys written out


@login_required
def reports(request):
    access.require_role(request.user, "analyst", "admin", "officer")
    return _reports_page(request)


def _reports_page(request, posted=None, error: str = "", status: int = 200):
    lang = lang_of(request)
    names = dict(settings.LANGUAGES)  # each language by its own name: Қазақша, Русский, English
    context = {"periods": periods(), "categories": [(c.code, c.label.get(lang)) for c in CATEGORY],
               "formats": list(CONTENT_TYPES), "langs": [(code, names[code]) for code in LANGS],
               "hei_types": [(c.code, c.label.get(lang)) for c in HEI_TYPE],
               "regions": sorted(((c.code, c.label.get(lang)) for c in REGION), key=lambda x: collation_key(x[1], lang)),
               "programmes": [(c.code, c.label.get(lang)) for c in PROGRAMME],
               "hei": access.hei_of(request.user), "default_period": default_period(access.hei_of(request.user))}
    if access.role_of(request.user) in ("analyst", "admin"):
        context["editor"] = _text_editor(request, lang, posted, error)
    return render(request, "aqyl/reports.html", context, status=status)


def _text_series(source, lang: str):
    """The series the analyst's sections are edited for (``text_category``, ``text_period``), and
    the message if the period typed is not one; the newest period with data by default."""
    from aqyl.app.note_texts import series
    from aqyl.domain.classifiers import half_year_of

    known = periods()
    default = known[0] if known else half_year_of(date.today()).code
    category = source.get("text_category") or "faculty"
    try:
        return series(category, source.get("text_period") or default), ""
    except AqylError as error:
        return series(category if category in CATEGORY else "faculty", default), error.message(lang)


def _text_editor(request, lang: str, posted, error: str) -> dict:
    """One form per section and language: the text in effect for the period, who wrote it, when."""
    from aqyl.app.note_texts import current, history
    from aqyl.domain.report.note import AUTHORED_SECTIONS, section_titles
    from aqyl.domain.report.phrases import T

    s, period_error = _text_series(posted or request.GET, lang)
    sections = []
    for key in AUTHORED_SECTIONS:
        forms = []
        for lg in LANGS:
            version = current(s.category, s.period, key, lg)
            mine = posted is not None and posted.get("section") == key and posted.get("lang") == lg
            meta = (ui("text_written", lang, who=version.author_name or "–", when=when_local(version.created_at),
                       period=version.valid_from) if version else ui("text_none", lang))
            forms.append({"lang": lg, "label": ui(TEXT_LANG_WORD[lg], lang), "id": f"text-{key}-{lg}", "meta": meta,
                          "text": posted.get("text", "") if mine else (version.text if version else ""),
                          "based_on": version.id if version else 0, "error": error if mine else "",
                          "earlier": len(history(s.category, s.period, key, lg)) - (1 if version else 0)})
        sections.append({"key": key, "heading": T[f"h_{key}"].get(lang), "forms": forms})
    missing = []  # the note of the series' period lacks these, said per language (the report command says it too)
    for lg in LANGS:
        keys = tuple(sec["key"] for sec in sections if not next(f for f in sec["forms"] if f["lang"] == lg)["based_on"])
        if keys:
            missing.append(ui("sections_missing", lang, text_lang=ui(TEXT_LANG_WORD[lg], lang), period=s.period.code,
                              sections=section_titles(keys, lang)))
    return {"category": s.category, "period": s.period.code, "period_error": period_error, "sections": sections,
            "missing": missing}


@login_required
@require_POST
def note_text_save(request):
    """A new version of one section in one language, from the period on (audited by set_text)."""
    access.require_role(request.user, "analyst", "admin")
    from aqyl.app.note_texts import set_text
    from aqyl.domain.report.phrases import T

    lang, p = lang_of(request), request.POST
    try:
        based_on = int(p.get("based_on") or 0)
        version, created = set_text(p.get("text_category", ""), p.get("text_period", ""), p.get("section", ""),
                                    p.get("lang", ""), p.get("text", ""), user=request.user, based_on=based_on)
    except ValueError:
        raise Http404 from None
    except AqylError as error:
        return _reports_page(request, posted=p, error=error.message(lang), status=400)
    if created:
        messages.success(request, ui("text_saved", lang, section=T[f"h_{version.section}"].get(lang),
                                     text_lang=version.language, period=version.valid_from))
    else:
        messages.success(request, ui("text_unchanged", lang))
    query = urlencode({"text_category": version.category, "text_period": p.get("text_period")})
    return HttpResponseRedirect(f"{reverse('reports')}?{query}#text-{version.section}-{version.language}")


@login_required
def note_text_history(request):
    """Every version of one section in one language of a series, the most recently saved first."""
    access.require_role(request.user, "analyst", "admin")
    from aqyl.app.note_texts import check_language, check_section, current, history, series
    from aqyl.domain.report.phrases import T

    lang, g = lang_of(request), request.GET
    try:
        s = series(g.get("text_category", ""), g.get("text_period", ""))
        section, text_lang = check_section(g.get("section", "")), check_language(g.get("lang", ""))
    except AqylError:
        raise Http404 from None
    in_effect = current(s.category, s.period, section, text_lang)
    versions = [{"valid_from": v.valid_from, "who": v.author_name or "–", "when": when_local(v.created_at),
                 "text": v.text, "in_effect": in_effect is not None and v.id == in_effect.id}
                for v in history(s.category, s.period, section, text_lang)]
    return render(request, "aqyl/note_text_history.html", {
        "title": ui("text_versions", lang, section=T[f"h_{section}"].get(lang), text_lang=text_lang),
        "category": s.category, "category_label": CATEGORY.label(s.category, lang), "period": s.period.code,
        "versions": versions, "in_effect_label": ui("text_in_effect", lang, period=s.period.code),
    })


@login_required
@require_POST
def report_download(request):
    from aqyl.app.filters import report_filter, report_periods
    from aqyl.app.reports import note_date

    access.require_role(request.user, "analyst", "admin", "officer")
    p = request.POST
    hei = access.hei_of(request.user)
    try:
        period, compare = report_periods(p.get("period", ""), p.get("compare"))
        # The filters the CLI's `aqyl report` has: HEI types, regions, programmes (each repeatable).
        flt = report_filter(p.get("category", "faculty"), p.getlist("hei_type"), p.getlist("region"),
                            p.getlist("programme"), (hei.code,) if hei else ())
    except AqylError:
        raise Http404 from None
    lang = p.get("lang") if p.get("lang") in LANGS else lang_of(request)
    fmt = p.get("format", "pdf")
    if fmt not in CONTENT_TYPES:
        raise Http404
    try:
        day = note_date(p.get("date"))
        return report_file(period, flt, lang, fmt, compare, day, p.get("placeholders") == "on")
    except AqylError as error:  # e.g. a period whose comparison period is out of range, a date that is not one
        return render(request, "aqyl/error.html", {"message": error.message(lang_of(request))}, status=400)

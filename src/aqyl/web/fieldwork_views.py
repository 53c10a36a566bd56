"""Surveys (``/surveys/``) and interviews (``/interviews/``): the questionnaire, responses checked
and analysed, the report downloaded; transcripts, coded segments (from a file or selected in the
page), code frequencies, quotes and the export. Views call :mod:`aqyl.app` as the command line does."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import LANGUAGES
from aqyl.domain.wording.interface import ui
from aqyl.store import models as m
from aqyl.web import access
from aqyl.web.downloads import attachment
from aqyl.web.middleware import LANGS
from aqyl.web.research_views import RESEARCH, _save_upload
from aqyl.web.views import _lang, _problem_rows

INSTRUMENT = "motives"
REPORT_FORMATS = ("docx", "pdf", "html", "xlsx", "json", "md")


# --- surveys -----------------------------------------------------------------------------------
def _instrument():
    from aqyl.domain.survey.instrument import load_instrument

    return load_instrument(INSTRUMENT)


@login_required
def surveys(request):
    from aqyl.app.surveys import analyse_file

    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    found = _instrument()
    context: dict = {"instrument": found.title.get(lang), "langs": LANGS, "formats": REPORT_FORMATS,
                     "groups": [(g, found.group_label(g, lang)) for g in found.grouping]}
    if request.method != "POST":
        return render(request, "aqyl/surveys/index.html", context)
    saved = _save_upload(request, lang)
    if isinstance(saved, str):
        return render(request, "aqyl/surveys/index.html", context | {"error": saved}, status=400)
    path, name, _ = saved
    by = request.POST.get("by") or None
    accept = request.POST.get("accept_valid") == "on"
    try:
        result = analyse_file(path, found, None, by if by in found.grouping else None, accept, name)
    except AqylError as error:
        return render(request, "aqyl/surveys/index.html", context | {"error": error.message(lang)}, status=400)
    upload_id = path.parent.name
    request.session.setdefault("surveys", {})[upload_id] = {"path": str(path), "by": result.by, "accept": accept}
    request.session.modified = True
    context |= {"report": result.report, "problems": _problem_rows(result.report, lang), "upload_id": upload_id,
                "analysed": result.n, "accept": accept, "by": result.by}
    if result.model is not None:
        from aqyl.render.html import page_blocks

        context["blocks"] = page_blocks(result.document(lang))
    return render(request, "aqyl/surveys/index.html", context)


@login_required
def survey_report(request, upload_id: str):
    from aqyl.app.surveys import analyse_file, survey_files

    access.require_role(request.user, *RESEARCH)
    kept = request.session.get("surveys", {}).get(upload_id)  # only the session that uploaded it
    fmt = request.GET.get("format", "pdf")
    lang = request.GET.get("lang") if request.GET.get("lang") in LANGS else _lang(request)
    if kept is None or fmt not in REPORT_FORMATS or not Path(kept["path"]).exists():
        raise Http404
    result = analyse_file(Path(kept["path"]), _instrument(), None, kept["by"], kept["accept"])
    if result.model is None:
        raise Http404
    folder = Path(tempfile.mkdtemp(prefix="aqyl-survey-"))
    try:
        path = survey_files(result, lang, [fmt], folder)[0]
        return attachment(path.read_bytes(), path.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@login_required
def questionnaire(request):
    from aqyl.importers.questionnaire import questionnaire_csv, questionnaire_xlsx

    access.require_role(request.user, *RESEARCH)
    lang = request.GET.get("lang") if request.GET.get("lang") in LANGS else _lang(request)
    fmt = request.GET.get("format", "xlsx")
    if fmt not in ("xlsx", "csv"):
        raise Http404
    data = questionnaire_csv(_instrument(), lang) if fmt == "csv" else questionnaire_xlsx(_instrument(), lang)
    return _download(data, f"aqyl-questionnaire-{INSTRUMENT}-{lang}.{fmt}")


# --- interviews --------------------------------------------------------------------------------
def _codes(lang: str) -> list[dict]:
    from aqyl.store.interviews import codebook

    themes, codes = codebook()
    return [{"id": c.id, "label": c.label.get(lang), "theme": themes[c.theme].get(lang)} for c in codes.values()]


@login_required
def interviews(request):
    from aqyl.store.interviews import frequencies

    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    context: dict = {"languages": LANGUAGES, "codes": _codes(lang)}
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "segments":
            context |= _segments_upload(request, lang)
        else:
            context |= _add_interview(request, lang)
            if "added" in context:
                messages.success(request, ui("interview_added", lang, code=context["added"]))
                return HttpResponseRedirect(reverse("interview", args=[context["added"]]))
        status = 400 if context.get("error") or (context.get("report") and context["report"].errors_total) else 200
    keys = sorted({k for a in m.Interview.objects.values_list("attributes", flat=True) for k in (a or {})})
    by = request.GET.get("by") if request.GET.get("by") in keys else None
    counts = frequencies(by)
    labels = {c["id"]: c for c in context["codes"]}
    for c in counts["codes"]:
        c["label"] = labels[c["code"]]["label"] if c["code"] in labels else c["code"]
        c["theme"] = labels[c["code"]]["theme"] if c["code"] in labels else ""
        c["by_list"] = [c["by"][g] for g in counts["groups"]] if by else []
    context |= {"interviews": m.Interview.objects.order_by("code").prefetch_related("segments"), "counts": counts,
                "attribute_keys": keys, "by": by}
    return render(request, "aqyl/interviews/index.html", context, status=status)


def _add_interview(request, lang: str) -> dict:
    from aqyl.store.interviews import add_interview

    code = request.POST.get("code", "").strip()
    language = request.POST.get("language", "")
    text = request.POST.get("transcript", "")
    sent = request.FILES.get("file")
    if sent is not None:
        try:
            text = sent.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            return {"error": ui("not_utf8", lang, file=sent.name)}
    pairs = [p.split("=", 1) for p in request.POST.get("attributes", "").replace(";", "\n").splitlines() if p.strip()]
    if not code or language not in LANGUAGES or not text.strip() or any(len(p) != 2 or not p[0].strip() for p in pairs):
        return {"error": ui("interview_form", lang)}
    try:
        found = add_interview(code[:64], language, text.replace("\r\n", "\n"), {k.strip(): v.strip() for k, v in pairs},
                              replace=request.POST.get("replace") == "on")
    except AqylError as error:
        return {"error": error.message(lang)}
    return {"added": found.code}


def _segments_upload(request, lang: str) -> dict:
    from aqyl.app.interviews import store_segment_file

    saved = _save_upload(request, lang)
    if isinstance(saved, str):
        return {"error": saved}
    path, name, _ = saved
    try:
        report, _table = store_segment_file(path, request.POST.get("accept_valid") == "on", name)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    return {"report": report, "problems": _problem_rows(report, lang)}


@login_required
def interview(request, code: str):
    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    found = get_object_or_404(m.Interview, code=code)
    labels = {c["id"]: c["label"] for c in _codes(lang)}
    segments = [{"code": s.code, "label": labels.get(s.code, s.code), "quote": s.quote, "note": s.note, "start": s.start}
                for s in found.segments.order_by("start")]
    return render(request, "aqyl/interviews/interview.html", {
        "interview": found, "codes": _codes(lang), "segments": segments, "error": request.GET.get("error") and ""})


@login_required
@require_POST
def interview_code(request, code: str):
    """Save one passage selected in the page, marked with a code."""
    from aqyl.app.interviews import code_passage

    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    found = get_object_or_404(m.Interview, code=code)
    try:
        start, end = int(request.POST.get("start", "")), int(request.POST.get("end", ""))
    except ValueError:
        start = end = -1
    try:
        segment = code_passage(found, request.POST.get("code", ""), start, end, request.POST.get("note", ""),
                               request.POST.get("quote"))
    except AqylError as error:
        labels = {c["id"]: c["label"] for c in _codes(lang)}
        return render(request, "aqyl/interviews/interview.html", {
            "interview": found, "codes": _codes(lang), "error": error.message(lang),
            "segments": [{"code": s.code, "label": labels.get(s.code, s.code), "quote": s.quote, "note": s.note}
                         for s in found.segments.order_by("start")]}, status=400)
    from aqyl.web.audit import record

    record(request.user, "segment.add", f"{found.code} {segment.code}", after={"start": segment.start, "end": segment.end})
    label = next((c["label"] for c in _codes(lang) if c["id"] == segment.code), segment.code)
    messages.success(request, ui("segment_saved", lang, code=label, quote=segment.quote[:80]))
    return HttpResponseRedirect(reverse("interview", args=[found.code]))


@login_required
def quotes(request):
    from aqyl.store.interviews import codebook
    from aqyl.store.interviews import quotes as quotes_of

    access.require_role(request.user, *RESEARCH)
    lang = _lang(request)
    _, codes = codebook()
    code = request.GET.get("code", "")
    if code not in codes:
        raise Http404
    return render(request, "aqyl/interviews/quotes.html", {"code": code, "label": codes[code].label.get(lang),
                                                           "quotes": quotes_of(code), "codes": _codes(lang)})


@login_required
def interview_export(request, fmt: str):
    from aqyl.app.interviews import export_bytes

    access.require_role(request.user, *RESEARCH)
    if fmt not in ("xlsx", "csv", "json"):
        raise Http404
    data, _ = export_bytes(_lang(request), fmt)
    return _download(data, f"aqyl-segments.{fmt}")


def _download(data: bytes, name: str):
    if not name.endswith(".csv"):
        return attachment(data, name)
    from django.http import HttpResponse

    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

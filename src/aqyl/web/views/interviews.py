"""Interviews (``/interviews/``): transcripts, coded segments (from a file or selected in the
page), code frequencies, quotes and the export. Views call :mod:`aqyl.app.interviews`."""

from __future__ import annotations

import shutil

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aqyl.app import research
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import LANGUAGES
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.downloads import download
from aqyl.web.views.common import lang_of, problem_rows
from aqyl.web.views.research_inputs import RESEARCH, save_upload


def _codes(lang: str) -> list[dict]:
    from aqyl.app.research import codebook

    themes, codes = codebook()
    return [{"id": c.id, "label": c.label.get(lang), "theme": themes[c.theme].get(lang)} for c in codes.values()]


@login_required
def interviews(request):
    from aqyl.app.research import frequencies

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
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
    keys = research.interview_keys()
    by = request.GET.get("by") if request.GET.get("by") in keys else None
    counts = frequencies(by)
    labels = {c["id"]: c for c in context["codes"]}
    for c in counts["codes"]:
        c["label"] = labels[c["code"]]["label"] if c["code"] in labels else c["code"]
        c["theme"] = labels[c["code"]]["theme"] if c["code"] in labels else ""
        c["by_list"] = [c["by"][g] for g in counts["groups"]] if by else []
    context |= {"interviews": research.interviews(), "counts": counts,
                "attribute_keys": keys, "by": by}
    return render(request, "aqyl/interviews/index.html", context, status=status)


def _add_interview(request, lang: str) -> dict:
    from aqyl.app.interviews import add_interview_text

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
        found = add_interview_text(code, language, text.replace("\r\n", "\n"), {k.strip(): v.strip() for k, v in pairs},
                              replace=request.POST.get("replace") == "on")
    except AqylError as error:
        return {"error": error.message(lang)}
    return {"added": found.code}


def _segments_upload(request, lang: str) -> dict:
    from aqyl.app.interviews import store_segment_file

    saved = save_upload(request, lang)
    if isinstance(saved, str):
        return {"error": saved}
    path, name, _ = saved
    try:
        report, _table = store_segment_file(path, request.POST.get("accept_valid") == "on", name)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    return {"report": report, "problems": problem_rows(report, lang)}


@login_required
def interview(request, code: str):
    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    return _interview_page(request, _interview(code), lang, request.GET.get("error") and "")


def _interview_page(request, found, lang: str, error, status: int = 200):
    """The interview with its coded passages, each under its code's label, and an error if any."""
    labels = {c["id"]: c["label"] for c in _codes(lang)}
    segments = [{"code": s.code, "label": labels.get(s.code, s.code), "quote": s.quote, "note": s.note, "start": s.start}
                for s in research.segments(found)]
    return render(request, "aqyl/interviews/interview.html", {
        "interview": found, "codes": _codes(lang), "segments": segments, "error": error}, status=status)


@login_required
@require_POST
def interview_code(request, code: str):
    """Save one passage selected in the page, marked with a code."""
    from aqyl.app.interviews import code_passage

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    found = _interview(code)
    try:
        start, end = int(request.POST.get("start", "")), int(request.POST.get("end", ""))
    except ValueError:
        start = end = -1
    try:
        segment = code_passage(found, request.POST.get("code", ""), start, end, request.POST.get("note", ""),
                               request.POST.get("quote"))
    except AqylError as error:
        return _interview_page(request, found, lang, error.message(lang), status=400)
    from aqyl.web.audit import record

    record(request.user, "segment.add", f"{found.code} {segment.code}", after={"start": segment.start, "end": segment.end})
    label = next((c["label"] for c in _codes(lang) if c["id"] == segment.code), segment.code)
    messages.success(request, ui("segment_saved", lang, code=label, quote=segment.quote[:80]))
    return HttpResponseRedirect(reverse("interview", args=[found.code]))


@login_required
@require_POST
def interview_delete(request, code: str):
    """Delete an interview and its segments (whoever may code interviews may remove one); audited."""
    from aqyl.app.interviews import remove_interview

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    found = _interview(code)
    segments = remove_interview(found.code, user=request.user)
    messages.success(request, ui("interview_deleted", lang, code=found.code, segments=segments))
    return HttpResponseRedirect(reverse("interviews"))


@login_required
def quotes(request):
    from aqyl.app.research import codebook
    from aqyl.app.research import quotes as quotes_of

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
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
    data, _ = export_bytes(lang_of(request), fmt)
    return download(data, f"aqyl-segments.{fmt}")


def _interview(code: str):
    found = research.interview(code)
    if found is None:
        raise Http404
    return found

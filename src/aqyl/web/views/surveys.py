"""Surveys (``/surveys/``): the questionnaire, responses checked and analysed, the report
downloaded. Views call :mod:`aqyl.app.surveys` as the command line does."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from aqyl.domain.errors import AqylError
from aqyl.web import access
from aqyl.web.downloads import attachment, download
from aqyl.web.middleware import LANGS
from aqyl.web.views.common import lang_of, problem_rows
from aqyl.web.views.research_inputs import RESEARCH, save_upload

INSTRUMENT = "motives"
REPORT_FORMATS = ("docx", "pdf", "html", "xlsx", "json", "md")


def _instrument():
    from aqyl.domain.survey.instrument import load_instrument

    return load_instrument(INSTRUMENT)


@login_required
def surveys(request):
    from aqyl.app.surveys import analyse_file

    access.require_role(request.user, *RESEARCH)
    lang = lang_of(request)
    found = _instrument()
    context: dict = {"instrument": found.title.get(lang), "langs": LANGS, "formats": REPORT_FORMATS,
                     "groups": [(g, found.group_label(g, lang)) for g in found.grouping]}
    if request.method != "POST":
        return render(request, "aqyl/surveys/index.html", context)
    saved = save_upload(request, lang)
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
    context |= {"report": result.report, "problems": problem_rows(result.report, lang), "upload_id": upload_id,
                "analysed": result.n, "accept": accept, "by": result.by}
    if result.model is not None:
        from aqyl.app.surveys import page_blocks

        context["blocks"] = page_blocks(result, lang)
    return render(request, "aqyl/surveys/index.html", context)


@login_required
def survey_report(request, upload_id: str):
    from aqyl.app.surveys import analyse_file, survey_files

    access.require_role(request.user, *RESEARCH)
    kept = request.session.get("surveys", {}).get(upload_id)  # only the session that uploaded it
    fmt = request.GET.get("format", "pdf")
    lang = request.GET.get("lang") if request.GET.get("lang") in LANGS else lang_of(request)
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
    from aqyl.app.surveys import questionnaire_bytes

    access.require_role(request.user, *RESEARCH)
    lang = request.GET.get("lang") if request.GET.get("lang") in LANGS else lang_of(request)
    fmt = request.GET.get("format", "xlsx")
    if fmt not in ("xlsx", "csv"):
        raise Http404
    data = questionnaire_bytes(_instrument(), lang, fmt)
    return download(data, f"aqyl-questionnaire-{INSTRUMENT}-{lang}.{fmt}")

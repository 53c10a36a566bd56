"""The web pages. Each view asks :mod:`aqyl.web.access` what the user may see, and goes through
the same store functions as the command line (imports, submissions, reports)."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from aqyl.domain.classifiers import (
    CATEGORY,
    CLASSIFIERS,
    COUNTRY,
    DIRECTION,
    HEI_TYPE,
    PROGRAMME,
    parse_period,
)
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.store import models as m
from aqyl.web import access
from aqyl.web.downloads import CONTENT_TYPES, attachment, report_file
from aqyl.web.middleware import COOKIE, LANGS, language_of


def _lang(request) -> str:
    return getattr(request, "LANGUAGE_CODE", "kk")


def periods() -> list[str]:
    """Periods with current records, newest first."""
    found = m.Submission.objects.filter(is_current=True).values_list("period", flat=True).distinct()
    return sorted(set(found), reverse=True)


@require_POST
def set_language(request):
    # POST only: choosing a language changes the profile, and a link or an image must not do that.
    lang = request.POST.get("lang", "")
    target = request.POST.get("next") or "/"
    if not target.startswith("/") or target.startswith("//"):
        target = "/"  # never redirect off the site
    response = HttpResponseRedirect(target)
    if lang in LANGS:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax",
                            secure=settings.SESSION_COOKIE_SECURE, httponly=True)
        profile = getattr(request.user, "aqyl_profile", None) if request.user.is_authenticated else None
        if profile is not None and profile.language != lang:
            profile.language = lang
            profile.save(update_fields=["language"])
    return response


# --- dashboard ---------------------------------------------------------------------------------
@login_required
def dashboard(request):
    access.require_role(request.user, *access.ROLES)
    lang = _lang(request)
    known = periods()
    return render(request, "aqyl/dashboard.html", {
        "periods": known, "default_period": default_period(access.hei_of(request.user)),
        "categories": [(c.code, c.label.get(lang)) for c in CATEGORY],
        "hei_types": [(c.code, c.label.get(lang)) for c in HEI_TYPE],
        "programmes": [(c.code, c.label.get(lang)) for c in PROGRAMME],
        "hei": access.hei_of(request.user),
        "labels": _chart_labels(lang),
        # The half-years the trend draws: the last six with data, oldest first.
        "trend_periods": sorted(p for p in known if p[4:5] == "H")[-6:],
    })


def default_period(hei=None) -> str:
    """The period the dashboard opens on: the latest one that most HEIs have submitted (the newest
    is often only begun), or the newest one of the officer's own HEI."""
    from django.db.models import Count

    subs = m.Submission.objects.filter(is_current=True, period__regex=r"^\d{4}H[12]$")
    if hei is not None:
        subs = subs.filter(hei=hei)
    counts = subs.values("period").annotate(n=Count("hei", distinct=True))
    best = max(counts, key=lambda c: (c["n"], c["period"]), default=None)
    return best["period"] if best else ""


def _chart_labels(lang: str) -> dict:
    """Code → label of every classifier the dashboard draws, and alpha-2 → ISO numeric for the map."""
    import pycountry

    names = {name: {c.code: c.label.get(lang) for c in CLASSIFIERS[name]}
             for name in ("hei_type", "format", "degree", "study_level", "field", "programme", "country")}
    numeric = {c.alpha_2: c.numeric for c in pycountry.countries}
    words = {k: ui(k, lang) for k in ("outgoing", "incoming", "both", "countries", "kz_heis", "foreign_heis", "vs",
                                      "no_data", "by_country", "by_hei_type", "by_field", "by_degree",
                                      "by_study_level", "by_format", "by_programme", "world_map", "flows",
                                      "compared_with", "open_records", "trend", "no_data_hint")}
    return {"names": names, "numeric": numeric, "words": words, "kz": COUNTRY.label("KZ", lang)}


# --- upload ------------------------------------------------------------------------------------
def _problem_rows(report, lang: str, limit: int = 200) -> list[dict]:
    """An import report's problems as the pages list them (the research pages' uploads use it)."""
    from aqyl.domain.intake.problems import cell_name

    ordered = sorted(report.problems, key=lambda p: (p.severity != "error", p.row, p.position or 0))
    return [{"cell": cell_name(p.row, p.position) if p.row else "", "column": p.header or p.column, "value": p.value[:60],
             "message": p.message(lang), "severity": p.severity} for p in ordered[:limit]]


def uploads_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "uploads"


def _upload_dir(upload_id: str) -> Path:
    return uploads_root() / upload_id


@login_required
def upload(request):
    role = access.require_role(request.user, "officer", "admin")
    if request.method == "POST":
        outcome = _handle_upload(request, role, _lang(request))
        if isinstance(outcome, str):  # queued: the page of the upload shows its progress
            return HttpResponseRedirect(reverse("upload_status", args=[outcome]))
        return _upload_page(request, outcome)
    return _upload_page(request, {})


def _upload_page(request, context: dict):
    lang = _lang(request)
    context = {"limit": ui("size_limit", lang, mb=settings.AQYL_MAX_UPLOAD_BYTES // (1024 * 1024)), **context}
    hei = access.hei_of(request.user)
    if hei is not None:  # read after a store: a resubmission clears the notice
        from aqyl.store.cycle import returned

        context["returned"] = [{"period": s.period, "version": s.version, "comment": r.comment, "who": r.reviewer_name,
                                "when": _when_local(r.at)} for s, r in returned([hei])]
    return render(request, "aqyl/upload.html", context)


def _handle_upload(request, role: str, lang: str) -> dict | str:
    """Keep the file and queue its check, or queue the store of a checked file. Returns the page's
    context when the job has already run (an immediate backend), else the upload's id."""
    from aqyl.store import upload_jobs
    from aqyl.store.retention import remove_unstored

    remove_unstored(uploads_root(), settings.AQYL_UPLOAD_RETENTION_HOURS)
    uploads = request.session.setdefault("uploads", {})
    confirm = request.POST.get("confirm")
    if confirm:
        if confirm not in uploads:
            raise Http404
        upload_id, name = confirm, uploads[confirm]["name"]
        if not (_upload_dir(upload_id) / name).exists():  # removed as unstored after the retention time
            return {"error": ui("upload_expired", lang, hours=f"{settings.AQYL_UPLOAD_RETENTION_HOURS:g}")}
        state = upload_jobs.read_state(confirm)
        if not state.get("finished") or state.get("store") or uploads[confirm].get("stored"):
            raise Http404  # still running, or already stored: never stored twice
        uploads[upload_id]["stored"] = True
    else:
        sent = request.FILES.get("file")
        if sent is None:
            return {"error": ui("no_file", lang)}
        if sent.size > settings.AQYL_MAX_UPLOAD_BYTES:
            return {"error": ui("too_big", lang, size=f"{sent.size / 1024 ** 2:,.1f}",
                                limit=settings.AQYL_MAX_UPLOAD_BYTES // 1024 ** 2)}
        upload_id, name = uuid.uuid4().hex, Path(sent.name).name or "upload"
        refused = _keep_upload(sent, _upload_dir(upload_id), name, lang)
        if refused:
            return {"error": refused}
        uploads[upload_id] = {"name": name}
    request.session.modified = True
    only = access.hei_of(request.user).code if role == "officer" else None
    state = upload_jobs.queue(upload_id, name, user_id=request.user.pk, store=bool(confirm),
                              accept_valid=bool(confirm) and request.POST.get("accept_valid") == "1", only_hei=only)
    return _result_context(upload_id, state, lang) if state.get("finished") else upload_id


STAGES = {"queued": "stage_queued", "read": "stage_read", "check": "stage_check", "store": "stage_store"}


def _result_context(upload_id: str, state: dict, lang: str) -> dict:
    """The upload page's context from a finished job's state, in the reader's language."""
    stored = bool(state["store"] and state["submissions"])
    return {
        "report": {"file": state["file"], "rows": state["rows"], "valid": state["valid"], "rejected": state["rejected"],
                   "warnings_total": state["warnings"], "submissions": state["submissions"],
                   "problems": state["problems_total"]},
        "problems": [{**p, "message": p["message"][lang]} for p in state["problems"]], "upload_id": upload_id,
        "errors_xlsx": state["readable"] and bool(state["problems"]), "stored": stored,
        "replaces": [p for p in state["planned"] if p["replaces"]], "can_store": state["ok"] and not state["store"],
        # Some rows valid, some not: the officer may store the valid ones only (the CLI's --accept-valid).
        "can_store_valid": not state["store"] and state["readable"] and not state["ok"] and state["valid"] > 0
        and not state["other_hei"],
        "store_valid": ui("store_valid", lang, valid=state["valid"], rejected=state["rejected"]),
    }


@login_required
def upload_status(request, upload_id: str):
    """The page of one upload: its progress while the job runs, then its result."""
    from aqyl.store import upload_jobs

    access.require_role(request.user, "officer", "admin")
    if upload_id not in request.session.get("uploads", {}):
        raise Http404
    lang, state = _lang(request), upload_jobs.read_state(upload_id)
    if not state:
        raise Http404
    if state.get("finished"):
        return _upload_page(request, _result_context(upload_id, state, lang))
    return _upload_page(request, {"progress": {
        "upload_id": upload_id, "store": state.get("store"), "text": _stage_text(state, lang)}})


def _stage_text(state: dict, lang: str) -> str:
    return ui(STAGES.get(state.get("stage"), "stage_queued"), lang, done=state.get("done", 0), total=state.get("total", 0))


@login_required
def upload_state(request, upload_id: str):
    """What the upload page polls: the job's stage and how far it has got."""
    from django.http import JsonResponse

    from aqyl.store import upload_jobs

    if upload_id not in request.session.get("uploads", {}):
        raise Http404
    state = upload_jobs.read_state(upload_id)
    return JsonResponse({"stage": state.get("stage", "queued"), "done": state.get("done", 0), "total": state.get("total", 0),
                         "finished": bool(state.get("finished")), "text": _stage_text(state, _lang(request))})


def _keep_upload(sent, folder: Path, name: str, lang: str) -> str:
    """Keep the uploaded file in ``folder`` with any IINs already replaced by pseudonyms (when the
    server holds the key); the file as sent lives only in a private temporary folder meanwhile.
    Returns the message to show when the file is refused ('' when kept)."""
    import shutil
    import tempfile

    from aqyl.importers.pseudonymise import TEXT, pseudonymise_file, server_key
    from aqyl.importers.readers import UnreadableFile

    with tempfile.TemporaryDirectory(prefix="aqyl-upload-") as private:
        raw = Path(private) / name
        with raw.open("wb") as out:
            for chunk in sent.chunks():
                out.write(chunk)
        folder.mkdir(parents=True, exist_ok=True)
        try:
            key = server_key()
            outcome = pseudonymise_file(raw, folder / name, key)
        except UnreadableFile:
            outcome = None  # the importer says what the file is
        except AqylError as error:
            shutil.rmtree(folder)
            return error.message(lang)
        if outcome is not None and outcome.problems:
            shutil.rmtree(folder)
            return " ".join(outcome.messages(lang)[:10])
        if outcome is not None and outcome.had_iins and key is None:
            shutil.rmtree(folder)
            return TEXT["no_key"].get(lang)
        if outcome is None or not outcome.had_iins:
            shutil.move(raw, folder / name)
    return ""


@login_required
def upload_errors(request, upload_id: str):
    # Only the session that uploaded the file may fetch its error workbook.
    if upload_id not in request.session.get("uploads", {}):
        raise Http404
    path = _upload_dir(upload_id) / f"errors-{_lang(request)}.xlsx"
    if not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename="aqyl-errors.xlsx")


@login_required
def template_xlsx(request):
    from aqyl.importers.template import build_template
    from aqyl.store.registry import directory

    access.require_role(request.user, *access.ROLES)
    return attachment(build_template(_lang(request), list(directory().heis.values())), f"aqyl-template-{_lang(request)}.xlsx")


# --- records -----------------------------------------------------------------------------------
@login_required
def records(request):
    from aqyl.store import record_list

    access.require_role(request.user, *access.ROLES)
    lang = _lang(request)
    chosen = record_list.chosen(request.GET)
    sort = record_list.sort_of(request.GET.get("sort", ""))
    qs = record_list.filtered(access.records(request.user), chosen, sort)
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        stem = "-".join(["aqyl-records", *(v for k, v in chosen.items() if v and k in ("period", "hei"))])
        if fmt == "csv":
            response = HttpResponse(record_list.to_csv(qs, lang), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
            return response
        return attachment(record_list.to_xlsx(qs, lang), f"{stem}.xlsx")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    rows = [{
        "period": r.period, "direction": DIRECTION.label(r.direction, lang), "category": CATEGORY.label(r.category, lang),
        "hei": r.hei.code, "hei_name": r.hei.name(lang), "partner": r.partner_institution,
        "country": COUNTRY.label(r.partner_country, lang), "programme": PROGRAMME.label(r.programme, lang),
        "dates": f"{r.start_date or ''} –\n{r.end_date or ''}", "record_id": r.record_id,
        "id": r.id, "editable": access.may_change_hei(request.user, r.hei.code),
    } for r in page.object_list]
    query = urlencode({k: v for k, v in chosen.items() if v})
    sorted_query = urlencode({k: v for k, v in {**chosen, "sort": sort}.items() if v})
    heads = [("period", "period"), ("direction", "direction"), ("category", "category"), ("hei", "hei"),
             ("partner", "partner"), ("country", "country"), ("programme", "programme"), ("start", "dates")]
    extra = [(key, CLASSIFIERS[name].title.get(lang), sorted(CLASSIFIERS[name].choices(lang), key=lambda x: x[1])
              if name in ("country", "region") else CLASSIFIERS[name].choices(lang))
             for key, (_, name) in record_list.CODED.items() if key not in ("direction", "category", "country")]
    return render(request, "aqyl/records.html", {
        "rows": rows, "page": page, "chosen": chosen, "query": query, "sorted_query": sorted_query, "periods": periods(),
        "directions": [(c.code, c.label.get(lang)) for c in DIRECTION],
        "categories": [(c.code, c.label.get(lang)) for c in CATEGORY],
        "countries": sorted(((c.code, c.label.get(lang)) for c in COUNTRY), key=lambda x: x[1]),
        "heis": [(h.code, f"{h.code} — {h.name(lang)}") for h in access.heis(request.user).order_by("code")],
        "extra": [{"key": k, "label": label, "choices": choices, "value": chosen[k]} for k, label, choices in extra],
        "extra_open": any(chosen[k] for k, _, _ in extra),
        "heads": [{"label": ui(word, lang), "url": "?" + urlencode({k: v for k, v in {
            **chosen, "sort": f"-{key}" if sort == key else key}.items() if v}),
            "mark": ("▼" if sort.startswith("-") else "▲") if sort.lstrip("-") == key else ""} for key, word in heads],
        "may_add": access.role_of(request.user) in ("officer", "admin"),
    })


# --- record forms ------------------------------------------------------------------------------
@login_required
def record_edit(request, pk: int):
    record = get_object_or_404(access.records(request.user), pk=pk)
    _require_change(request.user, record.hei.code)
    from aqyl.store.edits import record_values

    return _record_form(request, record.hei, record.period, record_values(record), record)


@login_required
def record_new(request):
    role = access.require_role(request.user, "officer", "admin")
    hei = access.hei_of(request.user) if role == "officer" else None
    code = request.POST.get("hei") or request.GET.get("hei") or ""
    if hei is None and code:
        hei = get_object_or_404(access.heis(request.user), code=code)
    period = request.POST.get("period") or request.GET.get("period") or ""
    try:
        period = parse_period(period).code if period else ""
    except AqylError as error:
        return _record_form(request, hei, "", {}, None, start_error=error.message(_lang(request)))
    return _record_form(request, hei, period, {}, None)


def _require_change(user, hei_code: str) -> None:
    if not access.may_change_hei(user, hei_code):
        raise PermissionDenied


def _record_form(request, hei, period: str, values: dict, record, start_error: str = ""):
    """The add and edit form: the importer's columns as fields, its checks on submit."""
    from aqyl.domain.intake.columns import schema
    from aqyl.store.edits import change_record

    lang = _lang(request)
    current = m.Submission.objects.filter(hei=hei, period=period, is_current=True).first() if hei and period else None
    version = current.version if current else 0
    field_problems: dict[str, list[str]] = {}
    other_problems: list[str] = []
    conflict = False
    saving = request.method == "POST" and ("save" in request.POST or "remove" in request.POST)
    if saving and hei is not None and period:
        _require_change(request.user, hei.code)
        remove = "remove" in request.POST and record is not None
        values = {c.name: request.POST.get(c.name, "") for c in schema("mobility").columns}
        result = change_record(hei, period, values=None if remove else values, replaces=record.pk if record else None,
                               based_on=_version(request.POST.get("version")), user=request.user)
        conflict = result.conflict
        if not conflict and not result.report.errors_total:
            from aqyl.web.audit import record as audit

            audit(request.user, "record.remove" if remove else ("record.edit" if record else "record.add"),
                  f"{hei.code} {period} {values.get('record_id', '')}".strip(),
                  before=_record_audit(record), after=None if remove else values)
            new_version = result.submission.version if result.submission else None
            word = ("record_removed" if remove else "record_saved") if new_version else "record_removed_all"
            messages.success(request, ui(word, lang, hei=hei.code, period=period, version=new_version or ""))
            return HttpResponseRedirect(f"{reverse('records')}?hei={hei.code}&period={period}")
        for p in result.problems:
            if p.row == result.row and p.column and not remove:
                field_problems.setdefault(p.column, []).append(p.message(lang))
            else:
                other_problems.append(p.message(lang))
    fields = [_form_field(c, values.get(c.name, ""), field_problems.get(c.name, []), lang)
              for c in schema("mobility").columns if c.name not in ("hei", "period")]
    return render(request, "aqyl/record_form.html", {
        "record": record, "hei": hei, "period": period, "version": version, "fields": fields,
        "other_problems": other_problems, "conflict": conflict, "marked": bool(field_problems), "start_error": start_error,
        "heis": access.heis(request.user).order_by("code"), "periods": periods(),
    }, status=400 if saving else 200)


def _version(value: str | None) -> int:
    """The submission version the form was drawn from; anything but a whole number (a tampered or
    garbled form) matches no version, so the user is asked to reload, as after a conflict."""
    text = (value or "0").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else -1


def _record_audit(record) -> dict | None:
    if record is None:
        return None
    from aqyl.store.edits import record_values

    return record_values(record)


def _form_field(col, value: str, problems: list[str], lang: str) -> dict:
    choices = []
    if col.kind == "code":
        entries = [(c.code, c.label.get(lang)) for c in CLASSIFIERS[col.classifier]]
        choices = sorted(entries, key=lambda x: x[1]) if col.classifier == "country" else entries
    return {"name": col.name, "label": col.header.get(lang), "help": col.help.get(lang), "value": value,
            "kind": col.kind, "choices": choices, "problems": problems,
            "required": col.required == "always", "max_length": col.max_length or ""}


# --- reports -----------------------------------------------------------------------------------
@login_required
def reports(request):
    access.require_role(request.user, "analyst", "admin", "officer")
    return _reports_page(request)


def _reports_page(request, posted=None, error: str = "", status: int = 200):
    lang = _lang(request)
    from aqyl.domain.classifiers import REGION

    names = dict(settings.LANGUAGES)  # each language by its own name: Қазақша, Русский, English
    context = {"periods": periods(), "categories": [(c.code, c.label.get(lang)) for c in CATEGORY],
               "formats": list(CONTENT_TYPES), "langs": [(code, names[code]) for code in LANGS],
               "hei_types": [(c.code, c.label.get(lang)) for c in HEI_TYPE],
               "regions": sorted(((c.code, c.label.get(lang)) for c in REGION), key=lambda x: x[1]),
               "programmes": [(c.code, c.label.get(lang)) for c in PROGRAMME],
               "hei": access.hei_of(request.user), "default_period": default_period(access.hei_of(request.user))}
    if access.role_of(request.user) in ("analyst", "admin"):
        context["editor"] = _text_editor(request, lang, posted, error)
    return render(request, "aqyl/reports.html", context, status=status)


def _when_local(moment) -> str:
    from django.utils import timezone

    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def _text_series(source, lang: str):
    """The series the analyst's sections are edited for (``text_category``, ``text_period``), and
    the message if the period typed is not one; the newest period with data by default."""
    from aqyl.domain.classifiers import half_year_of
    from aqyl.store.note_texts import series

    known = periods()
    default = known[0] if known else half_year_of(date.today()).code
    category = source.get("text_category") or "faculty"
    try:
        return series(category, source.get("text_period") or default), ""
    except AqylError as error:
        return series(category if category in CATEGORY else "faculty", default), error.message(lang)


def _text_editor(request, lang: str, posted, error: str) -> dict:
    """One form per section and language: the text in effect for the period, who wrote it, when."""
    from aqyl.domain.report.note import AUTHORED_SECTIONS
    from aqyl.domain.report.phrases import T
    from aqyl.store.note_texts import current, history

    s, period_error = _text_series(posted or request.GET, lang)
    sections = []
    for key in AUTHORED_SECTIONS:
        forms = []
        for lg in LANGS:
            version = current(s.category, s.period, key, lg)
            mine = posted is not None and posted.get("section") == key and posted.get("lang") == lg
            meta = (ui("text_written", lang, who=version.author_name or "–", when=_when_local(version.created_at),
                       period=version.valid_from) if version else ui("text_none", lang))
            forms.append({"lang": lg, "label": ui(f"text_lang_{lg}", lang), "id": f"text-{key}-{lg}", "meta": meta,
                          "text": posted.get("text", "") if mine else (version.text if version else ""),
                          "based_on": version.id if version else 0, "error": error if mine else "",
                          "earlier": len(history(s.category, s.period, key, lg)) - (1 if version else 0)})
        sections.append({"key": key, "heading": T[f"h_{key}"].get(lang), "forms": forms})
    return {"category": s.category, "period": s.period.code, "period_error": period_error, "sections": sections}


@login_required
@require_POST
def note_text_save(request):
    """A new version of one section in one language, from the period on (audited by set_text)."""
    access.require_role(request.user, "analyst", "admin")
    from aqyl.domain.report.phrases import T
    from aqyl.store.note_texts import set_text

    lang, p = _lang(request), request.POST
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
    from aqyl.domain.report.phrases import T
    from aqyl.store.note_texts import check_language, check_section, current, history, series

    lang, g = _lang(request), request.GET
    try:
        s = series(g.get("text_category", ""), g.get("text_period", ""))
        section, text_lang = check_section(g.get("section", "")), check_language(g.get("lang", ""))
    except AqylError:
        raise Http404 from None
    in_effect = current(s.category, s.period, section, text_lang)
    versions = [{"valid_from": v.valid_from, "who": v.author_name or "–", "when": _when_local(v.created_at),
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
    lang = p.get("lang") if p.get("lang") in LANGS else _lang(request)
    fmt = p.get("format", "pdf")
    if fmt not in CONTENT_TYPES:
        raise Http404
    try:
        return report_file(period, flt, lang, fmt, compare)
    except AqylError as error:  # e.g. a period whose comparison period is out of range
        return render(request, "aqyl/error.html", {"message": error.message(_lang(request))}, status=400)


# --- errors ------------------------------------------------------------------------------------
# The application's own pages in the user's language instead of Django's English ones. They read
# the language from the cookie alone, as the request may have failed before the middleware ran.
def _error(request, key: str, status: int, **extra):
    lang = language_of(request)
    context = {"message": ui(key, lang), "lang": lang, "request_id": getattr(request, "id", ""), **extra}
    return render(request, "aqyl/error.html", context, status=status)


def bad_request(request, exception=None):
    return _error(request, "bad_request", 400)


def csrf_failure(request, reason=""):
    return _error(request, "csrf_failed", 403)


def forbidden(request, exception=None):
    return _error(request, "forbidden", 403)


def not_found(request, exception=None):
    return _error(request, "not_found", 404)


def server_error(request):
    # No database, session or user here: the error may be theirs. The id is in the log line too.
    from django.template.loader import render_to_string

    lang = getattr(request, "LANGUAGE_CODE", "")
    lang = lang if lang in LANGS else language_of(request, with_profile=False)
    html = render_to_string("aqyl/error_500.html", {
        "lang": lang, "message": ui("server_error", lang),
        "quote": ui("request_id", lang, id=getattr(request, "id", "-"))})
    return HttpResponse(html, status=500)


def healthz(request):
    """For a load balancer: 200 when the database answers, 503 when it does not."""
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any database failure means "not healthy", and is logged
        import logging

        logging.getLogger("aqyl.health").error("database check failed: %s", error)
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def home(request):
    if not request.user.is_authenticated:
        return HttpResponseRedirect(reverse("login"))
    if access.role_of(request.user) is None:
        raise PermissionDenied
    return HttpResponseRedirect(reverse("dashboard"))

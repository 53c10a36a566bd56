"""The record form: add, edit and remove one record, checked as the importer checks a file
(:mod:`aqyl.app.edits`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from aqyl.app.edits import change_record, current_version, record_values
from aqyl.app.records import periods
from aqyl.domain.classifiers import CLASSIFIERS, parse_period
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import collation_key
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.views.common import lang_of, require_change


@login_required
def record_edit(request, pk: int):
    record = get_object_or_404(access.records(request.user), pk=pk)
    require_change(request.user, record.hei.code)
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
        return _record_form(request, hei, "", {}, None, start_error=error.message(lang_of(request)))
    return _record_form(request, hei, period, {}, None)


def _record_form(request, hei, period: str, values: dict, record, start_error: str = ""):
    """The add and edit form: the importer's columns as fields, its checks on submit."""
    from aqyl.domain.intake.columns import schema

    lang = lang_of(request)
    version = current_version(hei, period)
    field_problems: dict[str, list[str]] = {}
    other_problems: list[str] = []
    conflict = False
    saving = request.method == "POST" and ("save" in request.POST or "remove" in request.POST)
    if saving and hei is not None and period:
        require_change(request.user, hei.code)
        remove = "remove" in request.POST and record is not None
        values = {c.name: request.POST.get(c.name, "") for c in schema("mobility").columns}
        result = change_record(hei, period, values=None if remove else values, replaces=record.pk if record else None,
                               based_on=_version(request.POST.get("version")), user=request.user)
        conflict = result.conflict
        if not conflict and not result.report.errors_total:
            from aqyl.web.audit import record as audit

            audit(request.user, "record.remove" if remove else ("record.edit" if record else "record.add"),
                  f"{hei.code} {period} {values.get('record_id', '')}".strip(),
                  before=record_values(record) if record is not None else None, after=None if remove else values)
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
        "heis": access.heis(request.user), "periods": periods(),
    }, status=400 if saving else 200)


def _version(value: str | None) -> int:
    """The submission version the form was drawn from; anything but a whole number (a tampered or
    garbled form) matches no version, so the user is asked to reload, as after a conflict."""
    text = (value or "0").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else -1


def _form_field(col, value: str, problems: list[str], lang: str) -> dict:
    choices = []
    if col.kind == "code":
        entries = [(c.code, c.label.get(lang)) for c in CLASSIFIERS[col.classifier]]
        choices = sorted(entries, key=lambda x: collation_key(x[1], lang)) if col.classifier == "country" else entries
    return {"name": col.name, "label": col.header.get(lang), "help": col.help.get(lang), "value": value,
            "kind": col.kind, "choices": choices, "problems": problems,
            "required": col.required == "always", "max_length": col.max_length or ""}

"""The submissions board: every HEI's status for a period, the deadline, opening a period and the
reminders. The work is done by :mod:`aqyl.app.cycle`; these views check rights and present."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from aqyl.app import cycle
from aqyl.domain.classifiers import HEI_TYPE, REGION, half_year
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import collation_key
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.views.common import lang_of

# Each code's word, the keys written out (a key is never built at run time).
STATUS_WORD = {"not_submitted": "st_not_submitted", "submitted": "st_submitted", "returned": "st_returned",
               "accepted": "st_accepted"}

# The default order puts what needs the analyst's attention first.
STATUS_ORDER = {"submitted": 0, "returned": 1, "not_submitted": 2, "accepted": 3}
BOARD_SORTS = ("status", "hei", "name", "type", "region", "version", "rows", "rejected", "when")


def period_of(text: str) -> str:
    try:
        return half_year(text)
    except AqylError:
        raise Http404 from None


def deadline_text(found, lang: str) -> str:
    if found is None:
        return ui("period_not_open", lang)
    text = ui("deadline_of", lang, period=found.period, deadline=found.deadline.isoformat())
    left = (found.deadline - timezone.localdate()).days
    return f"{text} {ui('deadline_passed', lang) if left < 0 else ui('days_left', lang, n=left)}"


def line_of(line: cycle.Line, lang: str, deadline) -> dict:
    c = line.current
    return {
        "code": line.hei.code, "name": line.hei.name(lang), "type": HEI_TYPE.label(line.hei.hei_type, lang),
        "region": REGION.label(line.hei.region, lang) if line.hei.region else "", "status": line.status,
        "status_label": ui(STATUS_WORD[line.status], lang), "late": line.late(deadline),
        "version": c.version if c else "", "rows": c.row_count if c else "", "rejected": c.rejected_count if c else "",
        "when": timezone.localtime(c.created_at) if c else None, "who": c.submitted_by if c else "",
        "file": c.file_name if c else "", "has_file": bool(c and cycle.kept_file(c)),
        "versions": line.versions, "comment": line.review.comment if line.review and line.status == "returned" else "",
        "type_code": line.hei.hei_type, "region_code": line.hei.region,
    }


def _sorted(lines: list[dict], sort: str) -> list[dict]:
    key = sort.lstrip("-")
    keys = {
        "status": lambda x: (STATUS_ORDER[x["status"]], x["code"]), "hei": lambda x: x["code"],
        "name": lambda x: x["name"].casefold(), "type": lambda x: (x["type"], x["code"]),
        "region": lambda x: (x["region"], x["code"]), "version": lambda x: (x["version"] or 0, x["code"]),
        "rows": lambda x: (x["rows"] or 0, x["code"]), "rejected": lambda x: (x["rejected"] or 0, x["code"]),
        "when": lambda x: (x["when"].timestamp() if x["when"] else 0, x["code"]),
    }
    return sorted(lines, key=keys[key], reverse=sort.startswith("-"))


@login_required
def board(request):
    role = access.require_role(request.user, *access.ROLES)
    lang = lang_of(request)
    known = cycle.board_periods()
    period = period_of(request.GET["period"]) if request.GET.get("period") else (known[0] if known else "")
    found = cycle.collection(period) if period else None
    deadline = found.deadline if found else None
    g = request.GET
    flt = {"status": g.get("status", ""), "hei_type": g.get("hei_type", ""), "region": g.get("region", ""),
           "q": g.get("q", "").strip()[:100]}
    sort = g.get("sort", "status")
    sort = sort if sort.lstrip("-") in BOARD_SORTS else "status"
    every = [line_of(x, lang, deadline) for x in cycle.board(period, access.heis(request.user))] if period else []
    lines = [x for x in every
             if (not flt["status"] or x["status"] == flt["status"]) and (not flt["hei_type"] or x["type_code"] == flt["hei_type"])
             and (not flt["region"] or x["region_code"] == flt["region"])
             and (not flt["q"] or flt["q"].casefold() in f"{x['code']} {x['name']}".casefold())]
    count = {s: sum(1 for x in every if x["status"] == s) for s in STATUS_ORDER}
    base = {k: v for k, v in {"period": period, **flt}.items() if v}
    heads = [(key, ui(word, lang)) for key, word in (("hei", "hei"), ("name", "hei_name"), ("type", "hei_type"),
                                                     ("region", "region"), ("status", "status"), ("version", "version"),
                                                     ("rows", "rows"), ("rejected", "rejected"), ("when", "when"))]
    return render(request, "aqyl/board.html", {
        "lines": _sorted(lines, sort), "period": period, "periods": known, "flt": flt, "sort": sort,
        "heads": [{"key": k, "label": label, "url": "?" + urlencode({**base, "sort": f"-{k}" if sort == k else k}),
                   "on": sort.lstrip("-") == k, "down": sort.startswith("-")} for k, label in heads],
        "deadline": deadline_text(found, lang) if period else "", "is_open": found is not None,
        "deadline_value": found.deadline.isoformat() if found else "",
        "counts": ui("counts_line", lang, done=len(every) - count["not_submitted"], total=len(every),
                     accepted=count["accepted"], returned=count["returned"]),
        "statuses": [(s, ui(STATUS_WORD[s], lang)) for s in cycle.STATUSES],
        "hei_types": [(c.code, c.label.get(lang)) for c in HEI_TYPE],
        "regions": sorted(((c.code, c.label.get(lang)) for c in REGION), key=lambda x: collation_key(x[1], lang)),
        "may_review": role in ("analyst", "admin"), "order_note": ui("board_order", lang),
    })


@login_required
@require_POST
def open_period(request):
    access.require_role(request.user, "analyst", "admin")
    lang = lang_of(request)
    text = request.POST.get("deadline", "").strip()
    try:
        try:
            deadline = date.fromisoformat(text)
        except ValueError:
            raise AqylError("cycle_bad_deadline", value=text) from None
        found = cycle.open_period(request.POST.get("period", ""), deadline, request.user)
    except AqylError as error:
        messages.error(request, error.message(lang))
        return HttpResponseRedirect(reverse("board"))
    messages.success(request, ui("period_opened", lang, period=found.period, deadline=found.deadline.isoformat()))
    return HttpResponseRedirect(f"{reverse('board')}?period={found.period}")


@login_required
@require_POST
def remind(request):
    access.require_role(request.user, "analyst", "admin")
    lang = lang_of(request)
    period = period_of(request.POST.get("period", ""))
    try:
        sent = cycle.remind(period, user=request.user)
    except AqylError as error:
        messages.error(request, error.message(lang))
    else:
        reached = [r for r in sent if r.sent]
        unreached = [r.hei.code for r in sent if not r.sent and not r.failed]
        if failed := sum(r.failed for r in sent):
            messages.warning(request, ui("reminder_failed", lang, n=failed,
                                         heis=", ".join(r.hei.code for r in sent if r.failed)))
        messages.success(request, ui("reminded", lang, heis=len(reached), mails=sum(r.sent for r in reached)))
        if unreached:
            messages.warning(request, ui("reminder_unreached", lang, n=len(unreached), heis=", ".join(unreached)))
    return HttpResponseRedirect(f"{reverse('board')}?period={period}")

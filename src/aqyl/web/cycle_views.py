"""The submissions board and one HEI's submission: statuses, deadline, the analyst's review,
reminders, version history, compare, restore and the submitted file. The work is done by
:mod:`aqyl.store.cycle` (shared with the command line); these views check rights and present."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from aqyl.domain.classifiers import HEI_TYPE, REGION
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.store import cycle
from aqyl.store import models as m
from aqyl.web import access

# The default order puts what needs the analyst's attention first.
STATUS_ORDER = {"submitted": 0, "returned": 1, "not_submitted": 2, "accepted": 3}
BOARD_SORTS = ("status", "hei", "name", "type", "region", "version", "rows", "rejected", "when")


def _lang(request) -> str:
    return getattr(request, "LANGUAGE_CODE", "kk")


def board_periods() -> list[str]:
    """Open collection periods and periods with submissions, newest first."""
    found = set(m.Submission.objects.values_list("period", flat=True).distinct())
    found |= set(m.CollectionPeriod.objects.values_list("period", flat=True))
    return sorted(found, reverse=True)


def _period(text: str) -> str:
    try:
        return cycle.half_year(text)
    except AqylError:
        raise Http404 from None


def deadline_text(found: m.CollectionPeriod | None, lang: str) -> str:
    if found is None:
        return ui("period_not_open", lang)
    text = ui("deadline_of", lang, period=found.period, deadline=found.deadline.isoformat())
    left = (found.deadline - timezone.localdate()).days
    return f"{text} {ui('deadline_passed', lang) if left < 0 else ui('days_left', lang, n=left)}"


def _line(line: cycle.Line, lang: str, deadline) -> dict:
    c = line.current
    return {
        "code": line.hei.code, "name": line.hei.name(lang), "type": HEI_TYPE.label(line.hei.hei_type, lang),
        "region": REGION.label(line.hei.region, lang) if line.hei.region else "", "status": line.status,
        "status_label": ui(f"st_{line.status}", lang), "late": line.late(deadline),
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
    lang = _lang(request)
    known = board_periods()
    period = _period(request.GET["period"]) if request.GET.get("period") else (known[0] if known else "")
    found = cycle.collection(period) if period else None
    deadline = found.deadline if found else None
    g = request.GET
    flt = {"status": g.get("status", ""), "hei_type": g.get("hei_type", ""), "region": g.get("region", ""),
           "q": g.get("q", "").strip()[:100]}
    sort = g.get("sort", "status")
    sort = sort if sort.lstrip("-") in BOARD_SORTS else "status"
    every = [_line(x, lang, deadline) for x in cycle.board(period, access.heis(request.user))] if period else []
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
        "statuses": [(s, ui(f"st_{s}", lang)) for s in cycle.STATUSES],
        "hei_types": [(c.code, c.label.get(lang)) for c in HEI_TYPE],
        "regions": sorted(((c.code, c.label.get(lang)) for c in REGION), key=lambda x: x[1]),
        "may_review": role in ("analyst", "admin"), "order_note": ui("board_order", lang),
    })


@login_required
@require_POST
def open_period(request):
    access.require_role(request.user, "analyst", "admin")
    lang = _lang(request)
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
    lang = _lang(request)
    period = _period(request.POST.get("period", ""))
    try:
        sent = cycle.remind(period, user=request.user)
    except AqylError as error:
        messages.error(request, error.message(lang))
    else:
        messages.success(request, ui("reminded", lang, heis=len(sent), mails=sum(len(r.to) for r in sent)))
    return HttpResponseRedirect(f"{reverse('board')}?period={period}")


# --- one HEI's submission ----------------------------------------------------------------------
def _hei(request, code: str) -> m.Hei:
    return get_object_or_404(access.heis(request.user), code=code)


@login_required
def submission(request, period: str, hei: str):
    role = access.require_role(request.user, *access.ROLES)
    lang = _lang(request)
    period, found_hei = _period(period), _hei(request, hei)
    line = cycle.status_of(found_hei, period)
    versions = list(m.Submission.objects.filter(hei=found_hei, period=period).order_by("-version"))
    reviews = list(m.SubmissionReview.objects.filter(submission__in=versions).select_related("submission"))
    comparison = None
    if request.GET.get("compare") and line.current is not None:
        from aqyl.store.submissions import compare

        old = next((v for v in versions if str(v.version) == request.GET["compare"] and not v.is_current), None)
        if old is None:
            raise Http404
        comparison = compare(old, line.current)
    may_change = access.may_change_hei(request.user, found_hei.code)
    return render(request, "aqyl/submission.html", {
        "hei": found_hei, "hei_name": found_hei.name(lang), "period": period, "line": _line(line, lang, None),
        "deadline": deadline_text(cycle.collection(period), lang),
        "review": line.review, "versions": [{
            "s": v, "source": ui(f"src_{v.source}", lang), "when": timezone.localtime(v.created_at),
            "has_file": bool(cycle.kept_file(v)), "may_restore": may_change and not v.is_current,
            "may_compare": not v.is_current and line.current is not None,
        } for v in versions],
        "reviews": [{"status": ui(f"st_{r.decision}", lang), "version": r.submission.version, "who": r.reviewer_name,
                     "when": timezone.localtime(r.at), "comment": r.comment} for r in reviews],
        "may_review": role in ("analyst", "admin") and line.current is not None, "comparison": comparison,
        "title": ui("submission_of", lang, hei=found_hei.code, period=period),
    })


@login_required
@require_POST
def review(request, period: str, hei: str):
    access.require_role(request.user, "analyst", "admin")
    lang = _lang(request)
    period, found_hei = _period(period), _hei(request, hei)
    current = m.Submission.objects.filter(hei=found_hei, period=period, is_current=True).first()
    if current is None or str(current.version) != request.POST.get("version", ""):
        messages.error(request, AqylError("cycle_not_current", version=request.POST.get("version", "")).message(lang))
        return HttpResponseRedirect(reverse("submission", args=[period, found_hei.code]))
    decision = "accepted" if "accept" in request.POST else "returned"
    try:
        cycle.review(current, decision, request.POST.get("comment", ""), request.user)
    except AqylError as error:
        messages.error(request, error.message(lang))
        return HttpResponseRedirect(reverse("submission", args=[period, found_hei.code]))
    messages.success(request, ui("accepted_msg" if decision == "accepted" else "returned_msg", lang, hei=found_hei.code,
                                 period=period, version=current.version))
    return HttpResponseRedirect(f"{reverse('board')}?period={period}")


@login_required
@require_POST
def restore(request, period: str, hei: str, version: int):
    access.require_role(request.user, *access.ROLES)
    period, found_hei = _period(period), _hei(request, hei)
    if not access.may_change_hei(request.user, found_hei.code):
        raise PermissionDenied
    from aqyl.store.register import restore as restore_version
    from aqyl.web.audit import record

    old = get_object_or_404(m.Submission, hei=found_hei, period=period, version=version, is_current=False)
    new = restore_version(old, user=request.user)
    record(request.user, "submission.restore", f"{found_hei.code} {period}", {"version": old.version},
           {"version": new.version, "rows": new.row_count})
    messages.success(request, ui("restored", _lang(request), old=old.version, new=new.version, rows=new.row_count))
    return HttpResponseRedirect(reverse("submission", args=[period, found_hei.code]))


@login_required
def submission_file(request, period: str, hei: str, version: int):
    access.require_role(request.user, *access.ROLES)
    period, found_hei = _period(period), _hei(request, hei)
    s = get_object_or_404(m.Submission, hei=found_hei, period=period, version=version)
    path = cycle.kept_file(s)
    if path is None:
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)

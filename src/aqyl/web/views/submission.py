"""One HEI's submission for a period: its status, versions, reviews, the analyst's review, the
comparison of two versions, the restore of an earlier one and the submitted file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aqyl.app import cycle
from aqyl.domain.errors import AqylError
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.views.board import STATUS_WORD, deadline_text, line_of, period_of
from aqyl.web.views.common import lang_of

# Each source's word, the keys written out (a key is never built at run time).
SOURCE_WORD = {"import": "src_import", "form": "src_form", "api": "src_api", "demo": "src_demo", "restore": "src_restore"}


def _hei(request, code: str):
    return get_object_or_404(access.heis(request.user), code=code)


@login_required
def submission(request, period: str, hei: str):
    role = access.require_role(request.user, *access.ROLES)
    lang = lang_of(request)
    period, found_hei = period_of(period), _hei(request, hei)
    line = cycle.status_of(found_hei, period)
    versions = cycle.versions(found_hei, period)
    reviews = cycle.reviews(versions)
    comparison = None
    if request.GET.get("compare") and line.current is not None:
        from aqyl.app.submissions import compare

        old = next((v for v in versions if str(v.version) == request.GET["compare"] and not v.is_current), None)
        if old is None:
            raise Http404
        comparison = compare(old, line.current)
    may_change = access.may_change_hei(request.user, found_hei.code)
    return render(request, "aqyl/submission.html", {
        "hei": found_hei, "hei_name": found_hei.name(lang), "period": period, "line": line_of(line, lang, None),
        "deadline": deadline_text(cycle.collection(period), lang),
        "review": line.review, "versions": [{
            "s": v, "source": ui(SOURCE_WORD[v.source], lang), "when": timezone.localtime(v.created_at),
            "has_file": bool(cycle.kept_file(v)), "may_restore": may_change and not v.is_current,
            "may_compare": not v.is_current and line.current is not None,
        } for v in versions],
        "reviews": [{"status": ui(STATUS_WORD[r.decision], lang), "version": r.submission.version, "who": r.reviewer_name,
                     "when": timezone.localtime(r.at), "comment": r.comment} for r in reviews],
        "may_review": role in ("analyst", "admin") and line.current is not None, "comparison": comparison,
        "title": ui("submission_of", lang, hei=found_hei.code, period=period),
    })


@login_required
@require_POST
def review(request, period: str, hei: str):
    access.require_role(request.user, "analyst", "admin")
    lang = lang_of(request)
    period, found_hei = period_of(period), _hei(request, hei)
    current = cycle.current(found_hei, period)
    if current is None or str(current.version) != request.POST.get("version", ""):
        messages.error(request, AqylError("cycle_not_current", version=request.POST.get("version", "")).message(lang))
        return HttpResponseRedirect(reverse("submission", args=[period, found_hei.code]))
    decision = "accepted" if "accept" in request.POST else "returned"
    try:
        made = cycle.review(current, decision, request.POST.get("comment", ""), request.user)
    except AqylError as error:
        messages.error(request, error.message(lang))
        return HttpResponseRedirect(reverse("submission", args=[period, found_hei.code]))
    messages.success(request, ui("accepted_msg" if decision == "accepted" else "returned_msg", lang, hei=found_hei.code,
                                 period=period, version=current.version))
    notice = made.notice
    if notice["failed"]:
        messages.warning(request, ui("notice_failed", lang, hei=found_hei.code))
    elif not notice["sent"]:
        messages.warning(request, ui("notice_no_address", lang, hei=found_hei.code, users=", ".join(notice["missing"]))
                         if notice["missing"] else ui("notice_no_officer", lang, hei=found_hei.code))
    return HttpResponseRedirect(f"{reverse('board')}?period={period}")


@login_required
@require_POST
def restore(request, period: str, hei: str, version: int):
    access.require_role(request.user, *access.ROLES)
    period, found_hei = period_of(period), _hei(request, hei)
    if not access.may_change_hei(request.user, found_hei.code):
        raise PermissionDenied
    from aqyl.app.submissions import restore as restore_version
    from aqyl.web.audit import record

    try:  # an earlier version only: the current one, or one that does not exist, is not found
        new = restore_version(found_hei.code, period, version, user=request.user)
    except AqylError:
        raise Http404 from None
    record(request.user, "submission.restore", f"{found_hei.code} {period}", {"version": new.old},
           {"version": new.new, "rows": new.rows})
    messages.success(request, ui("restored", lang_of(request), old=new.old, new=new.new, rows=new.rows))
    return HttpResponseRedirect(reverse("submission", args=[period, found_hei.code]))


@login_required
def submission_file(request, period: str, hei: str, version: int):
    access.require_role(request.user, *access.ROLES)
    period, found_hei = period_of(period), _hei(request, hei)
    s = cycle.version(found_hei, period, version)
    path = cycle.kept_file(s) if s is not None else None
    if path is None and s is not None and s.source == "form":  # there never was a file: say so
        from aqyl.web.views.errors import _error

        return _error(request, "no_file_form_page", 404)
    if path is None:
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)

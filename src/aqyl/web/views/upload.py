"""The upload page: a file kept, checked and stored off the request path (:mod:`aqyl.app.uploads`),
its progress polled, its result and error workbook; and the template to fill in."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from aqyl.app import uploads
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.downloads import attachment
from aqyl.web.views.common import lang_of, when_local

STAGES = {"queued": "stage_queued", "read": "stage_read", "check": "stage_check", "store": "stage_store"}


@login_required
def upload(request):
    role = access.require_role(request.user, "officer", "admin")
    if request.method == "POST":
        outcome = _handle_upload(request, role, lang_of(request))
        if isinstance(outcome, str):  # queued: the page of the upload shows its progress
            return HttpResponseRedirect(reverse("upload_status", args=[outcome]))
        return _upload_page(request, outcome)
    return _upload_page(request, {})


def _upload_page(request, context: dict):
    lang = lang_of(request)
    context = {"limit": ui("size_limit", lang, mb=settings.AQYL_MAX_UPLOAD_BYTES // (1024 * 1024)), **context}
    hei = access.hei_of(request.user)
    if hei is not None:  # read after a store: a resubmission clears the notice
        from aqyl.app.cycle import returned

        context["returned"] = [{"period": s.period, "version": s.version, "comment": r.comment, "who": r.reviewer_name,
                                "when": when_local(r.at)} for s, r in returned([hei])]
    return render(request, "aqyl/upload.html", context)


def _handle_upload(request, role: str, lang: str) -> dict | str:
    """Keep the file and queue its check, or queue the store of a checked file. Returns the page's
    context when the job has already run (an immediate backend), else the upload's id."""
    uploads.prune()
    kept = request.session.setdefault("uploads", {})
    confirm = request.POST.get("confirm")
    if confirm:
        if not _own(request, confirm):
            raise Http404
        upload_id, name = confirm, kept[confirm]["name"]
        if not (uploads.folder(upload_id) / name).exists():  # removed as unstored after the retention time
            return {"error": ui("upload_expired", lang, hours=f"{settings.AQYL_UPLOAD_RETENTION_HOURS:g}")}
        state = uploads.read_state(confirm)
        if not state.get("finished") or state.get("store") or kept[confirm].get("stored"):
            raise Http404  # still running, or already stored: never stored twice
        kept[upload_id]["stored"] = True
    else:
        sent = request.FILES.get("file")
        if sent is None:
            return {"error": ui("no_file", lang)}
        if sent.size > settings.AQYL_MAX_UPLOAD_BYTES:
            return {"error": ui("too_big", lang, size=f"{sent.size / 1024 ** 2:,.1f}",
                                limit=settings.AQYL_MAX_UPLOAD_BYTES // 1024 ** 2)}
        upload_id, name = uuid.uuid4().hex, Path(sent.name).name or "upload"
        refused = uploads.keep(sent.chunks(), upload_id, name, lang)
        if refused:
            return {"error": refused}
        kept[upload_id] = {"name": name}
    request.session.modified = True
    only = access.hei_of(request.user).code if role == "officer" else None
    state = uploads.queue(upload_id, name, user_id=request.user.pk, store=bool(confirm),
                          accept_valid=bool(confirm) and request.POST.get("accept_valid") == "1", only_hei=only)
    return _result_context(upload_id, state, lang) if state.get("finished") else upload_id


def _own(request, upload_id: str) -> bool:
    """The upload is the signed-in user's: this session's, or (signed in again, another browser)
    queued by the same account; it is then kept in this session too."""
    kept = request.session.setdefault("uploads", {})
    if upload_id in kept:
        return True
    state = uploads.read_state(upload_id) if upload_id.isalnum() else {}
    if not state or state.get("user_id") != request.user.pk or "name" not in state:
        return False
    kept[upload_id] = {"name": state["name"], **({"stored": True} if state.get("store") else {})}
    request.session.modified = True
    return True


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
    access.require_role(request.user, "officer", "admin")
    if not _own(request, upload_id):
        raise Http404
    lang, state = lang_of(request), uploads.read_state(upload_id)
    if not state:
        raise Http404
    if state.get("finished"):
        return _upload_page(request, _result_context(upload_id, state, lang))
    return _upload_page(request, {"progress": {
        "upload_id": upload_id, "store": state.get("store"), "text": _stage_text(state, lang, request.user)}})


WORKER_HINT_SECONDS = 30  # queued longer than this: no worker may be running (aqyl worker)


def _stage_text(state: dict, lang: str, user=None) -> str:
    import time

    text = ui(STAGES.get(state.get("stage"), "stage_queued"), lang, done=state.get("done", 0), total=state.get("total", 0))
    waited = time.time() - float(state.get("at") or time.time())
    if state.get("stage", "queued") == "queued" and waited > WORKER_HINT_SECONDS:
        admin = user is not None and access.role_of(user) == "admin"
        text += " " + ui("worker_hint_admin" if admin else "worker_hint", lang, seconds=int(waited))
    return text


@login_required
def upload_state(request, upload_id: str):
    """What the upload page polls: the job's stage and how far it has got."""
    if not _own(request, upload_id):
        raise Http404
    state = uploads.read_state(upload_id)
    return JsonResponse({"stage": state.get("stage", "queued"), "done": state.get("done", 0), "total": state.get("total", 0),
                         "finished": bool(state.get("finished")), "text": _stage_text(state, lang_of(request), request.user)})


@login_required
def upload_errors(request, upload_id: str):
    # Only the one who uploaded the file may fetch its error workbook.
    if not _own(request, upload_id):
        raise Http404
    path = uploads.folder(upload_id) / f"errors-{lang_of(request)}.xlsx"
    if not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename="aqyl-errors.xlsx")


@login_required
def template_xlsx(request):
    from aqyl.app.imports import template_bytes

    access.require_role(request.user, *access.ROLES)
    lang = lang_of(request)
    return attachment(template_bytes(lang), f"aqyl-template-{lang}.xlsx")

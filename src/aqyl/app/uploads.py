"""Uploads of the register's files: the file kept with its IINs replaced by pseudonyms, then
checked and stored off the request path: a django-tasks task on the
database queue (``aqyl worker`` runs it; the same queue serves the research pages). The task
calls the importer (:func:`aqyl.app.imports.import_file`) and keeps, beside the upload, a small
JSON state the page polls: the stage, how far it has got, and at the end the result with every
message already written in the three languages, so the page shows it in the reader's language."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django_tasks import task

LANGS = ("kk", "ru", "en")
PROBLEMS_SHOWN = 200


def root() -> Path:
    return Path(settings.MEDIA_ROOT) / "uploads"


def folder(upload_id: str) -> Path:
    return root() / upload_id


def prune() -> None:
    """Remove the uploads checked but never stored once their retention time has passed."""
    from aqyl.config import upload_retention_hours
    from aqyl.store.retention import remove_unstored

    remove_unstored(root(), upload_retention_hours())


def keep(chunks, upload_id: str, name: str, lang: str) -> str:
    """Keep the uploaded file (its ``chunks``) as ``name`` in the upload's folder with any IINs
    already replaced by pseudonyms (when the server holds the key); the file as sent lives only
    in a private temporary folder meanwhile. Returns the message to show when the file is refused
    ('' when kept)."""
    import shutil

    from aqyl.app.pseudonymise import pseudonymise_file
    from aqyl.domain.errors import AqylError
    from aqyl.importers.pseudonymise import server_key
    from aqyl.importers.readers import UnreadableFile

    target = folder(upload_id)
    with tempfile.TemporaryDirectory(prefix="aqyl-upload-") as private:
        raw = Path(private) / name
        with raw.open("wb") as out:
            for chunk in chunks:
                out.write(chunk)
        target.mkdir(parents=True, exist_ok=True)
        try:
            key = server_key()
            outcome = pseudonymise_file(raw, target / name, key)
        except UnreadableFile:
            outcome = None  # the importer says what the file is
        except AqylError as error:
            shutil.rmtree(target)
            return error.message(lang)
        if outcome is not None and outcome.problems:
            shutil.rmtree(target)
            return " ".join(outcome.messages(lang)[:10])
        if outcome is not None and outcome.had_iins and key is None:
            shutil.rmtree(target)
            return outcome.no_key(lang)
        if outcome is None or not outcome.had_iins:
            shutil.move(raw, target / name)
    return ""


def read_state(upload_id: str) -> dict:
    try:
        return json.loads((folder(upload_id) / "state.json").read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def write_state(upload_id: str, state: dict) -> None:
    """Written under a temporary name and renamed, so a poll never reads half a file."""
    target = folder(upload_id) / "state.json"
    fd, scratch = tempfile.mkstemp(dir=target.parent, prefix=".state-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(state, out, ensure_ascii=False)
    os.replace(scratch, target)


def queue(upload_id: str, name: str, *, user_id: int | None, store: bool, accept_valid: bool = False,
          only_hei: str | None = None) -> dict:
    """Queue the check (or the store) of an upload; with an immediate backend it has run on return."""
    # whose upload it is, so they find it again from another session ("come back later")
    state = {"stage": "queued", "done": 0, "total": 0, "store": store, "finished": False, "at": time.time(),
             "user_id": user_id, "name": name}
    write_state(upload_id, state)
    run.enqueue(upload_id, name, user_id, store, accept_valid, only_hei)
    return read_state(upload_id)


@task()
def run(upload_id: str, name: str, user_id: int | None, store: bool, accept_valid: bool, only_hei: str | None) -> str:
    """Check the file, or store its (valid) rows; the state says how far it has got and what came out."""
    from django.contrib.auth import get_user_model

    from aqyl.app.imports import checked_or_refused
    from aqyl.render.errors_xlsx import write_errors_workbook

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    path = folder(upload_id) / name
    owner = {"user_id": user_id, "name": name}  # kept in every state: aqyl.web.views.upload._own
    last = [0.0]

    def tick(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] > 0.3 or stage != "store" or done == total:  # not a file write per row
            last[0] = now
            write_state(upload_id, {"stage": stage, "done": done, "total": total, "store": store, "finished": False,
                                    **owner})

    # A database fault is shown like an unreadable file.
    report, table = checked_or_refused(path, name, dry_run=not store, accept_valid=accept_valid, user=user,
                                       submitted_by=user.get_username() if user else "", only_hei=only_hei,
                                       progress=tick)
    if table is not None and report.problems:
        for lang in LANGS:
            write_errors_workbook(folder(upload_id) / f"errors-{lang}.xlsx", [(table, report)], lang)
    if store and report.submissions and table is not None:
        _after_store(report, path, table.sha256, user, name)
    write_state(upload_id, {"stage": "done", "finished": True, "store": store, **owner, **result(report, table is not None)})
    return "done"


def _after_store(report, path: Path, sha256: str, user, name: str) -> None:
    from aqyl.store.cycle import audit, keep_file
    from aqyl.store.retention import mark_stored

    keep_file(path, sha256)
    mark_stored(path.parent, report.submissions)  # kept with its submissions, not removed as unstored
    for s in report.submissions:
        audit(user, "submission.store", f"{s['hei']} {s['period']}",
               before={"version": s["version"] - 1} if s["version"] > 1 else None,
               after={"version": s["version"], "rows": s["rows"], "file": name})


def result(report, readable: bool) -> dict:
    """What the page shows of a report, with each message in the three languages."""
    from aqyl.domain.intake.problems import cell_name

    ordered = report.shown()
    return {
        "file": report.file, "rows": report.rows, "valid": report.valid, "rejected": report.rejected,
        "warnings": report.warnings_total, "errors": report.errors_total, "ok": report.ok, "readable": readable,
        "problems": [{"cell": cell_name(p.row, p.position) if p.row else "", "column": p.header or p.column,
                      "value": p.value[:60], "severity": p.severity, "message": {lang: p.message(lang) for lang in LANGS}}
                     for p in ordered[:PROBLEMS_SHOWN]],
        "problems_total": len(report.problems), "planned": report.planned, "submissions": report.submissions,
        "other_hei": any(p.type == "other_hei" for p in report.problems),
    }

"""Long work off the request path. A run is keyed by a hash of its inputs and of the state of the
data they read, so asking again for the same thing returns the kept result (or the run already
under way) until the data change. The work itself is a django-tasks task on the database queue;
``aqyl worker`` runs it, and the page polls the run's progress."""

from __future__ import annotations

import hashlib
import json
import traceback
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Sum
from django.utils import timezone
from django_tasks import task

from aqyl.domain.errors import AqylError
from aqyl.domain.wording import messages
from aqyl.store import models as m
from aqyl.store.flows import selected_flows

KINDS = ("gravity", "forecasts", "flows_import")


def results_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "research"
    path.mkdir(parents=True, exist_ok=True)
    return path


def flows_stamp(source: str | None, population: str | None = None, since: int | None = None, until: int | None = None) -> list:
    """What the flows of a source (None: of every source) look like now: any import that touches
    them changes this."""
    found = selected_flows(source, population, since, until).aggregate(n=Count("id"), total=Sum("count"), at=Max("imported_at"))
    return [found["n"], round(found["total"] or 0, 3), found["at"].isoformat() if found["at"] else None]


def _stamp(kind: str, params: dict) -> list:
    if kind == "gravity":
        return flows_stamp(params["source"], params.get("population"), params.get("since"), params.get("until"))
    if kind == "forecasts":
        return flows_stamp(params["source"], params.get("population"))
    return []  # an import changes its own input: its kept result says what the data were after it


def run_key(kind: str, params: dict) -> str:
    # An upload's scratch path is not an input: the same file on the same data is the same run.
    inputs = {k: v for k, v in params.items() if k != "path"}
    text = json.dumps([kind, inputs, _stamp(kind, params)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def find(kind: str, params: dict) -> m.AnalysisRun | None:
    return m.AnalysisRun.objects.filter(key=run_key(kind, params)).first()


def start(kind: str, params: dict, user=None) -> m.AnalysisRun:
    """The run for these inputs: the kept one if it succeeded or is under way, else a new one queued."""
    if kind not in KINDS:
        raise ValueError(kind)
    key = run_key(kind, params)
    run = m.AnalysisRun.objects.filter(key=key).first()
    if run is not None and kind == "flows_import" and run.status == "done" and \
            run.result.get("stamp") != _import_stamp(params["source"]):
        run.delete()  # the flows changed since this file was imported: import it again
        run = None
    if run is not None and run.status != "failed":
        return run
    if run is not None:
        run.delete()
    run = m.AnalysisRun.objects.create(key=key, kind=kind, params=params,
                                       created_by=user if user is not None and user.is_authenticated else None)
    result = execute.enqueue(run.pk)
    m.AnalysisRun.objects.filter(pk=run.pk, task_id="").update(task_id=str(result.id))
    run.refresh_from_db()
    return run


def status(run: m.AnalysisRun) -> dict[str, Any]:
    return {"id": run.pk, "kind": run.kind, "status": run.status, "done": run.done, "total": run.total,
            "error": run.error, "finished": run.finished_at.isoformat() if run.finished_at else None}


@task()
def execute(run_id: int) -> str:
    """Do the work of one run, saying how far it has got, and keep its result."""
    run = m.AnalysisRun.objects.get(pk=run_id)
    m.AnalysisRun.objects.filter(pk=run_id).update(status="running")

    def progress(done: int, total: int) -> None:
        m.AnalysisRun.objects.filter(pk=run_id).update(done=done, total=total)

    try:
        result = WORK[run.kind](run, progress)
    except AqylError as error:
        m.AnalysisRun.objects.filter(pk=run_id).update(
            status="failed", error={"key": error.key, **{lang: error.message(lang) for lang in ("kk", "ru", "en")}},
            finished_at=timezone.now())
        return "failed"
    except Exception:
        m.AnalysisRun.objects.filter(pk=run_id).update(
            status="failed", error={"key": "job_crashed", "detail": traceback.format_exc(limit=3)[-500:],
                                    **{lang: messages.render("job_crashed", lang) for lang in ("kk", "ru", "en")}},
            finished_at=timezone.now())
        raise
    m.AnalysisRun.objects.filter(pk=run_id).update(status="done", result=result, finished_at=timezone.now())
    return "done"


def _gravity(run: m.AnalysisRun, progress) -> dict:
    from aqyl.app.gravity import fit_and_keep

    progress(0, 1)
    summary = fit_and_keep(run.key, **run.params)
    progress(1, 1)
    return summary


def _forecasts(run: m.AnalysisRun, progress) -> dict:
    from aqyl.app.flows import forecast_batch

    return {"rows": forecast_batch(progress=progress, **run.params)}


def _flows_import(run: m.AnalysisRun, progress) -> dict:
    from dataclasses import asdict

    from aqyl.app.flows import import_flows

    progress(0, 1)
    p = run.params
    found = import_flows(Path(p["path"]), p["source"], p.get("population", ""), p.get("file_name"))
    progress(1, 1)
    return {**asdict(found), "stamp": _import_stamp(p["source"])}


def _import_stamp(source: str) -> list:
    # A canonical file names its own sources in its rows.
    return flows_stamp(None if source == "canonical" else source)


WORK = {"gravity": _gravity, "forecasts": _forecasts, "flows_import": _flows_import}

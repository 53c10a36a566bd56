"""Importing a file: read, check, and store the valid rows as submissions of (HEI, period), or,
for the ``cohort`` layout, as a new version of each scholarship programme's list.

Without ``accept_valid`` a file with any rejected row changes nothing. A file's submissions are
written in one transaction: a file killed half-way leaves every earlier version as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import polars as pl
from django.db import transaction

from aqyl.domain.intake.problems import ImportReport, Problem
from aqyl.importers.readers import RawTable, read_table
from aqyl.importers.validate import ROW, Checked, check
from aqyl.store import models as m
from aqyl.store.faults import fault_of
from aqyl.store.queue import writer_turn
from aqyl.store.register import write_submissions
from aqyl.store.registry import directory

# progress(stage, done, total): stage is "read", "check", "wait" (for another writer) or "store";
# total rows for "store".
Progress = Callable[[str, int, int], None]


def import_file(
    path: Path, *, accept_valid: bool = False, dry_run: bool = False, user=None, submitted_by: str = "",
    progress: Progress | None = None, layout: str = "mobility", only_hei: str | None = None,
) -> tuple[ImportReport, RawTable]:
    """Import one file. Raises UnreadableFile when it is not a table at all, StoreFault when the
    database cannot store it (nothing is then written). With ``only_hei`` (an
    HEI officer's upload) a file holding another HEI's rows is refused whole."""
    started = time.perf_counter()
    tick = progress or (lambda *_: None)
    tick("read", 0, 1)
    table = read_table(path, layout)
    tick("check", 0, 1)
    checked = check(table, directory(), layout)
    report = checked.report
    report.dry_run = dry_run
    if layout == "mobility":
        report.planned = _planned(checked)
        others = sorted({p["hei"] for p in report.planned} - {only_hei}) if only_hei else []
        if others:
            report.add(Problem(0, "", "", "other_hei", params={"heis": ", ".join(others[:5]), "own": only_hei}))
            report.seconds = time.perf_counter() - started
            return report, table
    if not dry_run and report.valid and (accept_valid or report.errors_total == 0):
        store = _store if layout == "mobility" else _store_cohorts
        try:
            # Writers of one SQLite database queue here (CLI imports and web uploads alike).
            with writer_turn(lambda: tick("wait", 0, 0)):
                store(checked, table, user, submitted_by, tick)
        except Exception as error:
            fault = fault_of(error)
            if fault is None:
                raise
            raise fault from error
    report.seconds = time.perf_counter() - started
    return report, table


def _planned(checked: Checked) -> list[dict]:
    """Each (HEI, period) the valid rows hold, with the current version they would replace."""
    keys = checked.valid.group_by("hei", "period").len().sort("hei", "period").rows()
    current = {(s.hei.code, s.period): s.version for s in m.Submission.objects.filter(
        is_current=True, hei__code__in={h for h, _, _ in keys}, period__in={p for _, p, _ in keys}).select_related("hei")}
    return [{"hei": h, "period": p, "rows": n, "replaces": current.get((h, p))} for h, p, n in keys]


def _store(checked: Checked, table: RawTable, user, submitted_by: str, tick: Progress) -> None:
    report = checked.report
    rejected = {(h, p): n for h, p, n in checked.rejected.group_by("hei", "period").len().iter_rows()}
    tick("store", 0, report.valid)
    with transaction.atomic():
        submissions = write_submissions(
            checked.valid, source="import", file_name=table.name, file_sha256=table.sha256, rejected=rejected,
            user=user, submitted_by=submitted_by,
        )
    first_rows = {(h, p): r for h, p, r in checked.valid.group_by("hei", "period").agg(pl.col(ROW).min()).iter_rows()}
    report.submissions = [
        {"hei": s.hei.code, "period": s.period, "version": s.version, "rows": s.row_count,
         "rejected": s.rejected_count, "first_row": first_rows[(s.hei.code, s.period)]}
        for s in submissions
    ]
    report.stored = sum(s.row_count for s in submissions)
    tick("store", report.stored, report.valid)


def _store_cohorts(checked: Checked, table: RawTable, user, submitted_by: str, tick: Progress) -> None:
    from aqyl.store.cohorts import write_cohorts

    report = checked.report
    tick("store", 0, report.valid)
    rejected = dict(checked.rejected.group_by("cohort").len().iter_rows())
    with transaction.atomic():
        uploads = write_cohorts(checked.valid, file_name=table.name, file_sha256=table.sha256, rejected=rejected,
                                user=user, submitted_by=submitted_by)
    report.submissions = [{"cohort": u.cohort, "version": u.version, "rows": u.row_count, "rejected": u.rejected_count}
                          for u in uploads]
    report.stored = sum(u.row_count for u in uploads)
    tick("store", report.stored, report.valid)

"""Storing an import's checked rows: as submissions of (HEI, period), or, for the ``cohort``
layout, as a new version of each scholarship programme's list (the use case, reading and checking
first, is :func:`aqyl.app.imports.import_file`). A file's submissions are written in one
transaction: a file killed half-way leaves every earlier version as it was.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
from django.db import transaction

from aqyl.importers.readers import RawTable
from aqyl.importers.validate import ROW, Checked
from aqyl.store import models as m
from aqyl.store.register import write_submissions

# progress(stage, done, total): stage is "read", "check", "wait" (for another writer) or "store";
# total rows for "store".
Progress = Callable[[str, int, int], None]


def planned(checked: Checked) -> list[dict]:
    """Each (HEI, period) the valid rows hold, with the current version they would replace."""
    keys = checked.valid.group_by("hei", "period").len().sort("hei", "period").rows()
    current = {(s.hei.code, s.period): s.version for s in m.Submission.objects.filter(
        is_current=True, hei__code__in={h for h, _, _ in keys}, period__in={p for _, p, _ in keys}).select_related("hei")}
    return [{"hei": h, "period": p, "rows": n, "replaces": current.get((h, p))} for h, p, n in keys]


def store_submissions(checked: Checked, table: RawTable, user, submitted_by: str, tick: Progress) -> None:
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


def store_cohorts(checked: Checked, table: RawTable, user, submitted_by: str, tick: Progress) -> None:
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

"""Changing one record from a form: the add, edit and remove of the web application.

A record is never changed in place. The submission's current rows, with the one change made,
go through the importer's checks as a whole (so a repeated record ID or a wrong date is caught
exactly as in a file) and, when nothing is wrong, become the submission's next version; the
previous version is archived as after any upload.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl
from django.db import IntegrityError, transaction

from aqyl.domain.intake.problems import ImportReport, Problem
from aqyl.domain.intake.values import as_text
from aqyl.importers.readers import RawTable
from aqyl.importers.validate import check
from aqyl.store import models as m
from aqyl.store.register import RECORD_COLUMNS, submission_records, supersede, write_submissions
from aqyl.store.registry import directory

# The first record's row number in the table the checks see (the header is row 1).
FIRST_ROW = 2


@dataclass
class EditResult:
    report: ImportReport
    submission: m.Submission | None = None  # the new version, when stored
    conflict: bool = False  # the submission changed since the form was opened
    problems: list[Problem] = field(default_factory=list)  # those of the changed record first
    row: int = 0  # the changed record's row among the problems' rows


def current_version(hei: m.Hei | None, period: str) -> int:
    """The version of the (``hei``, ``period``) submission a form is drawn from (0: none yet)."""
    found = m.Submission.objects.filter(hei=hei, period=period, is_current=True).first() if hei and period else None
    return found.version if found else 0


def record_values(record: m.MobilityRecord) -> dict[str, str]:
    """A stored record as the form's text values (interchange columns, HEI as its code)."""
    values = {c: as_text(getattr(record, c)) for c in RECORD_COLUMNS if c != "hei"}
    return {**values, "hei": record.hei.code}


def change_record(
    hei: m.Hei, period: str, *, values: dict[str, str] | None, replaces: int | None = None,
    based_on: int | None = None, user=None,
) -> EditResult:
    """Add (``replaces`` None), edit (``replaces`` a record's id) or remove (``values`` None) one
    record of the (``hei``, ``period``) submission. ``based_on`` is the version the form showed:
    if another version has been stored since, nothing is written and ``conflict`` is set."""
    current = m.Submission.objects.filter(hei=hei, period=period, is_current=True).first()
    if based_on is not None and (current.version if current else 0) != based_on:
        return EditResult(ImportReport(file=""), conflict=True)
    others, at = _rows(current, leave_out=replaces)
    if values is not None:
        changed = {c: (values.get(c) or "").strip() for c in RECORD_COLUMNS}
        changed.update(hei=hei.code, period=period)
        others.insert(at, changed)  # an edited record keeps its place, a new one goes last
    form_row = FIRST_ROW + at
    if not others:  # the submission's last record was removed
        with transaction.atomic():
            supersede(current)
        return EditResult(ImportReport(file=""))
    checked = check(_table(others), directory(), "mobility")
    report = checked.report
    problems = sorted(report.problems, key=lambda p: (p.row != form_row or values is None, p.severity != "error", p.row))
    result = EditResult(report, problems=problems, row=form_row)
    if report.errors_total or report.rejected:
        return result
    try:
        with transaction.atomic():
            [result.submission] = write_submissions(
                # A version made in the form has no file and left no row out: not the last upload's.
                checked.valid, source="form", file_name="", rejected={}, user=user,
                submitted_by=user.get_username() if user is not None else "",
            )
    except IntegrityError:
        # Two people saved the same submission at once: the second one is told to reload.
        return EditResult(report, conflict=True)
    return result


def _rows(submission: m.Submission | None, leave_out: int | None) -> tuple[list[dict[str, str]], int]:
    """The submission's records in stored order but ``leave_out``, and where ``leave_out`` stood."""
    if submission is None:
        return [], 0
    names = [c for c in RECORD_COLUMNS if c != "hei"]
    found = submission_records(submission).order_by("id").values_list("id", *names)
    rows: list[dict[str, str]] = []
    at = None
    for pk, *row in found:
        if pk == leave_out:
            at = len(rows)
            continue
        rows.append({**{c: as_text(v) for c, v in zip(names, row, strict=True)}, "hei": submission.hei.code})
    return rows, len(rows) if at is None else at


def _table(rows: list[dict[str, str]]) -> RawTable:
    """The rows as an upload of the interchange format, so they meet the importer's every check."""
    frame = pl.DataFrame(
        {f"c{i}": [r[c] for r in rows] for i, c in enumerate(RECORD_COLUMNS)},
        schema={f"c{i}": pl.String for i in range(len(RECORD_COLUMNS))},
    ).with_columns(pl.int_range(FIRST_ROW, FIRST_ROW + len(rows), dtype=pl.Int64).alias("_row"))
    return RawTable("form", "", list(RECORD_COLUMNS), 1, frame, "form")

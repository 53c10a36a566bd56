"""The one write path of the register: a submission's rows and their counts, and superseding,
restoring a version. Callers hold the transaction, so a file of many submissions lands whole or
not at all.

Rows arrive as a polars DataFrame of text columns named as in the interchange format (codes
already validated). Large inserts bypass the ORM: executemany on SQLite, COPY on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import reduce
from operator import and_

import polars as pl
from django.db import IntegrityError, connection
from django.db.models import CheckConstraint, Max
from django.utils import timezone

from aqyl.store import models as m

RECORD_COLUMNS = (
    "record_id", "period", "direction", "category", "hei", "partner_institution", "partner_country", "programme",
    "format", "degree", "study_level", "field", "start_date", "end_date", "funding", "gender", "person_id",
)
# The columns reports group or filter by; RecordCount holds one row per distinct combination.
COUNT_COLUMNS = (
    "period", "category", "direction", "hei", "partner_country", "partner_institution", "programme", "format",
    "degree", "study_level", "field",
)
DATE_COLUMNS = ("start_date", "end_date")
BATCH = 100_000


def write_submission(
    hei: m.Hei, period: str, rows: pl.DataFrame, *, source: str = "import", file_name: str = "",
    file_sha256: str = "", rejected: int = 0, user=None,
) -> m.Submission:
    """Store ``rows`` as the new current version of (HEI, period); the previous version is archived.
    Call inside ``transaction.atomic()``."""
    previous = m.Submission.objects.filter(hei=hei, period=period, is_current=True).first()
    if previous is not None:
        supersede(previous)
    last = m.Submission.objects.filter(hei=hei, period=period).aggregate(v=Max("version"))["v"] or 0
    submission = m.Submission.objects.create(
        hei=hei, period=period, version=last + 1, source=source, file_name=file_name[:255], file_sha256=file_sha256,
        row_count=rows.height, rejected_count=rejected, created_by=user,
    )
    rows = rows.with_columns(pl.lit(hei.code).alias("hei"), pl.lit(period).alias("period"))
    _insert_records(submission, hei, rows)
    _insert_counts(submission, hei, rows)
    return submission


def _insert_records(submission: m.Submission, hei: m.Hei, rows: pl.DataFrame) -> None:
    now = timezone.now()
    columns = ["submission_id", "hei_id", *(c for c in RECORD_COLUMNS if c != "hei"), "created_at"]
    frame = rows.select(
        pl.lit(submission.id).alias("submission_id"), pl.lit(hei.id).alias("hei_id"),
        *(_nullable(c) if c in DATE_COLUMNS else pl.col(c).fill_null("") for c in RECORD_COLUMNS if c != "hei"),
    )
    if connection.vendor == "sqlite":
        # A CHECK with an IN list costs SQLite an ephemeral table per row (34 s per million rows
        # here); the rows were validated against the same classifiers, so the checks are skipped
        # while inserting and then run once, set-based, over the new rows (see _verify_checks).
        stamp = now.isoformat(sep=" ")
        with _sqlite_checks_off():
            _bulk_insert(m.MobilityRecord._meta.db_table, columns, _tuples(frame, extra=(stamp,)))
        _verify_checks(submission)
    else:
        _bulk_insert(m.MobilityRecord._meta.db_table, columns, _tuples(frame, extra=(now,)))


def _insert_counts(submission: m.Submission, hei: m.Hei, rows: pl.DataFrame) -> None:
    grouped = (
        rows.select(pl.col(c).fill_null("") for c in COUNT_COLUMNS)
        .group_by(COUNT_COLUMNS)
        .len("n")
        .select(pl.lit(submission.id).alias("submission_id"), pl.lit(hei.id).alias("hei_id"),
                *(c for c in COUNT_COLUMNS if c != "hei"), "n")
    )
    _bulk_insert(m.RecordCount._meta.db_table, grouped.columns, _tuples(grouped))


def _nullable(column: str) -> pl.Expr:
    return pl.when(pl.col(column) == "").then(None).otherwise(pl.col(column)).alias(column)


def _tuples(frame: pl.DataFrame, extra: tuple = ()) -> Iterator[tuple]:
    for chunk in frame.iter_slices(BATCH):
        columns = [s.to_list() for s in chunk.get_columns()]
        if extra:
            columns += [[value] * chunk.height for value in extra]
        yield from zip(*columns, strict=True)


def _bulk_insert(table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({', '.join('?' * len(columns))})"
            connection.connection.executemany(sql, rows)


class _sqlite_checks_off:
    def __enter__(self) -> None:
        connection.connection.execute("PRAGMA ignore_check_constraints = ON")

    def __exit__(self, *exc: object) -> None:
        connection.connection.execute("PRAGMA ignore_check_constraints = OFF")


def _verify_checks(submission: m.Submission) -> None:
    """Every CHECK of the records table, evaluated once over a submission's rows."""
    checks = [c.condition for c in m.MobilityRecord._meta.constraints if isinstance(c, CheckConstraint)]
    broken = m.MobilityRecord.objects.filter(submission=submission).exclude(reduce(and_, checks))
    if broken.exists():
        raise IntegrityError(f"CHECK constraint failed in the rows of submission {submission.pk}")


# --- versions --------------------------------------------------------------------------------
def supersede(submission: m.Submission) -> int:
    """Take a submission out of the register: its rows go to the archive (as JSON, in SQL), its
    counts are dropped, it stops being current. Returns how many rows were archived. Call inside a
    transaction, or on its own: it is one transaction either way."""
    from django.db import transaction

    fields = [f for f in m.MobilityRecord._meta.concrete_fields if f.name not in ("id", "submission")]
    pairs = ", ".join(f"'{f.name}', {connection.ops.quote_name(f.column)}" for f in fields)
    build = f"json_build_object({pairs})::jsonb" if connection.vendor == "postgresql" else f"json_object({pairs})"
    records = connection.ops.quote_name(m.MobilityRecord._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {connection.ops.quote_name(m.ArchivedRecord._meta.db_table)} (submission_id, data) "
            f"SELECT submission_id, {build} FROM {records} WHERE submission_id = %s",
            [submission.pk],
        )
        archived = cursor.rowcount
        cursor.execute(f"DELETE FROM {records} WHERE submission_id = %s", [submission.pk])
        m.RecordCount.objects.filter(submission=submission).delete()
        submission.is_current = False
        submission.save(update_fields=["is_current"])
    return archived


def archived_rows(submission: m.Submission) -> pl.DataFrame:
    """A superseded version's rows, in the interchange columns (HEI as its code)."""
    data = list(m.ArchivedRecord.objects.filter(submission=submission).values_list("data", flat=True))
    frame = pl.DataFrame(
        {c: [_text(d.get(c)) for d in data] for c in RECORD_COLUMNS if c != "hei"}, schema=dict.fromkeys(
            (c for c in RECORD_COLUMNS if c != "hei"), pl.String),
    )
    return frame.with_columns(pl.lit(submission.hei.code).alias("hei"))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def restore(submission: m.Submission, user=None) -> m.Submission:
    """Make an earlier version current again, as a new version (the history stays linear)."""
    from django.db import transaction

    with transaction.atomic():
        rows = archived_rows(submission)
        return write_submission(
            submission.hei, submission.period, rows, source="restore", file_name=submission.file_name,
            file_sha256=submission.file_sha256, rejected=submission.rejected_count, user=user,
        )

"""The one write path of the register: a submission's rows, superseding, restoring a version. Callers hold the transaction, so a file of many submissions lands whole or
not at all.

Rows arrive as a polars DataFrame of text columns named as in the interchange format (codes
already validated). Large inserts bypass the ORM: scratch files and INSERT … SELECT on SQLite,
binary COPY on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import logging
import os
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import chain, islice
from pathlib import Path

import polars as pl
from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.store import models as m
from aqyl.store.dburl import sqlite_file

RECORD_COLUMNS = (
    "record_id", "period", "direction", "category", "hei", "partner_institution", "partner_country", "programme",
    "format", "degree", "study_level", "field", "start_date", "end_date", "funding", "gender", "person_id",
)
DATE_COLUMNS = ("start_date", "end_date")
BATCH = 100_000
BULK_ROWS = 20_000  # above this, bulk paths (SQLite's scratch file, PostgreSQL's index order) pay off


def write_submissions(
    rows: pl.DataFrame, *, source: str = "import", file_name: str = "", file_sha256: str = "",
    rejected: dict[tuple[str, str], int] | None = None, user=None, submitted_by: str = "",
) -> list[m.Submission]:
    """Store ``rows`` (interchange columns, HEIs as codes) as the new current version of each
    (HEI, period) they hold; previous versions are archived. Call inside ``transaction.atomic()``.
    The work is done once for all submissions, not once per submission: a national file holds
    a hundred of them."""
    rows = rows.select(RECORD_COLUMNS)
    keys = rows.group_by("hei", "period", maintain_order=True).len()
    heis = {h.code: h for h in m.Hei.objects.filter(code__in=keys["hei"].unique().to_list())}
    who = submitted_by or (user.get_username() if user is not None else "")
    wanted = sorted(keys.rows(), key=lambda k: (k[1], heis[k[0]].id))  # as the rows are stored, below
    replaced = {(heis[h].id, p) for h, p, _ in wanted}
    rows = rows.with_columns(pl.col("hei").replace_strict({c: h.id for c, h in heis.items()}, return_dtype=pl.Int64)
                             .alias("hei_id"))
    # The rows are put in their stored order on the other core (polars releases the GIL) while
    # the versions are locked, archived and created here and the rows made ready to write
    # (0.3-0.5 s of a million rows, most of it hidden).
    ranked: dict[str, pl.Series] = {}  # the key columns as Enums, filled by sort_order (below)
    with ThreadPoolExecutor(max_workers=1) as pool:
        ordering = pool.submit(lambda: sort_order(rows, stored_order(rows.height), ranked))
        submissions = _new_versions(wanted, heis, replaced, source=source, file_name=file_name,
                                    file_sha256=file_sha256, rejected=rejected, user=user, who=who)
        ids = pl.DataFrame(
            {"hei": [s.hei.code for s in submissions], "period": [s.period for s in submissions],
             "submission_id": [s.id for s in submissions]},
            schema={"hei": pl.String, "period": pl.String, "submission_id": pl.Int64},
        )
        # The keys alone are joined (not the whole frame): the rows are put in order once, when written.
        per_row = rows.select("hei", "period").join(ids, on=["hei", "period"], how="left", maintain_order="left")
        _insert_records(rows.with_columns(per_row["submission_id"]), ordering.result, ranked)
    return sorted(submissions, key=lambda s: (s.hei.code, s.period))


def _new_versions(wanted: list[tuple[str, str, int]], heis: dict[str, m.Hei], replaced: set[tuple[int, str]], *,
                  source: str, file_name: str, file_sha256: str, rejected: dict[tuple[str, str], int] | None, user,
                  who: str) -> list[m.Submission]:
    """The submissions of ``wanted`` (HEI code, period, rows), each the next version of its HEI and
    period, created in that order; the current versions they replace archived first."""
    _lock_versions(sorted(replaced))
    last: dict[tuple[int, str], int] = {}
    for old in m.Submission.objects.filter(hei__in=heis.values(), period__in={p for _, p, _ in wanted}):
        key = (old.hei_id, old.period)
        last[key] = max(last.get(key, 0), old.version)
        if old.is_current and key in replaced:
            supersede(old)
    return m.Submission.objects.bulk_create([
        m.Submission(
            hei=heis[hei_code], period=period, version=last.get((heis[hei_code].id, period), 0) + 1, source=source,
            file_name=file_name[:255], file_sha256=file_sha256, row_count=n,
            rejected_count=(rejected or {}).get((hei_code, period), 0), created_by=user, submitted_by=who,
        )
        for hei_code, period, n in wanted
    ])


def _lock_versions(keys: list[tuple[int, str]]) -> None:
    """Serialise writers of the same (HEI, period) on PostgreSQL until the transaction ends, so
    the later one reads the earlier one's version and becomes the next; other HEIs go on in
    parallel. Taken in one order (sorted keys), so two files never wait on each other. SQLite
    needs nothing: it has one writer at a time (BEGIN IMMEDIATE, aqyl.store.locks)."""
    if connection.vendor != "postgresql" or not keys:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(h::int, hashtext(p))) FROM "
            "(SELECT h, p FROM unnest(%s::bigint[], %s::text[]) AS k(h, p) ORDER BY h, hashtext(p)) AS ordered",
            [[h for h, _ in keys], [p for _, p in keys]])


def _insert_records(rows: pl.DataFrame, order: Callable[[], pl.Series], ranked: dict[str, pl.Series]) -> None:
    """``rows`` with their submission and HEI ids, stored in the order ``order()`` gives (positions;
    asked for last, since another core may still be computing it, and ``ranked`` is complete once
    it returns: some of the columns as Enums, for SQLite's cheaper reordering)."""
    table = m.MobilityRecord._meta.db_table
    names = ["submission_id", "hei_id", *(c for c in RECORD_COLUMNS if c != "hei")]
    frame = rows.select(*(_nullable(c) if c in DATE_COLUMNS else pl.col(c) for c in names))
    if connection.vendor == "postgresql":
        _pg_copy(table, frame, order)
        return
    if connection.vendor != "sqlite":
        _bulk_insert(table, names, _tuples(frame[order()], names))
        return
    clean_scratch()  # left by an import killed earlier
    # A CHECK with an IN list costs SQLite an ephemeral table per row (34 s per million rows
    # here, six times the insert itself), so the bulk path checks the same rules column-wise
    # first and lets SQLite skip them; every other write still meets the CHECKs.
    _check_register_rules(rows)
    with _sqlite_checks_off():
        insert_frame(table, frame, order=order(), ranked=ranked)


def stored_order(rows: int) -> list[str]:
    """The columns a file's rows are stored in order of. A B-tree appends cheaply at its right
    edge, so a large file's rows follow the report index (SQLite, 1M varied rows: 1.9 s instead of
    2.5–3.5 s by period and HEI), on PostgreSQL its three columns, which also keeps a submission's
    rows of a category together for the report's scan. Their ids then follow that order, not the
    file's; forms and small files keep the file's order within a period and HEI."""
    if rows <= BULK_ROWS:
        return ["period", "hei_id"]
    if connection.vendor == "postgresql":
        # Its record_report (period, submission, category; migration 0014): a file's submissions
        # get their ids in the order of (period, HEI id), so the HEI stands for the submission.
        return ["period", "hei_id", "category"]
    return [c if c != "hei" else "hei_id" for c in m.REPORT_INDEX]


def sort_order(frame: pl.DataFrame, keys: list[str], ranked: dict[str, pl.Series] | None = None) -> pl.Series:
    """The rows' positions sorted by ``keys`` (stable; texts by their bytes, as SQLite and the
    C collation compare them). Each column's value becomes its rank among the column's distinct
    values and the ranks are packed into one integer: polars sorts a million rows by eleven text
    columns in 4.7 s, by the packed key in 0.2 s. ``ranked`` receives the text keys as Enums."""
    packed, span = pl.lit(0, pl.UInt64), 1
    for key in reversed(keys):
        column = frame[key]
        distinct = column.unique().sort()
        if column.null_count() or span * distinct.len() >= 2**63:  # cannot pack: the slow way
            return frame.select(pl.arg_sort_by(keys, maintain_order=True)).to_series()
        # A text's rank is its place in an Enum of the sorted distinct texts (hashing, no search).
        if column.dtype == pl.String:
            enum = column.cast(pl.Enum(distinct))
            if ranked is not None:
                ranked[key] = enum
            rank = enum.to_physical()
        else:
            rank = column.replace_strict(distinct, pl.int_range(distinct.len(), eager=True))
        packed = packed + pl.lit(rank.cast(pl.UInt64) * span)
        span *= distinct.len()
    return frame.select(pl.arg_sort_by(packed, maintain_order=True)).to_series()


def _pg_copy(table: str, frame: pl.DataFrame, ordered: Callable[[], pl.Series]) -> None:
    """COPY in PostgreSQL's binary format, encoded from the frame's Arrow buffers by pgpq in slices:
    no Python object per value, and the server parses no text (1M rows: 1.2 s less of its time
    than CSV, which took 2 s against 30 s with write_row). ``ordered()``: the rows' positions in
    the order they are sent; dates and the time stamp go as their types, empty dates as NULL."""
    import pgpq

    quoted = ", ".join(connection.ops.quote_name(c) for c in frame.columns)
    sql = f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN WITH (FORMAT binary)"
    typed = frame.with_columns(pl.col(c).str.to_date("%Y-%m-%d") for c in DATE_COLUMNS if c in frame.columns)
    encoder = pgpq.ArrowToPostgresBinaryEncoder(typed.head(0).to_arrow().schema)
    order = ordered()

    def encoded(start: int) -> bytes:
        chunk = typed.select(pl.all().gather(order.slice(start, BATCH))).to_arrow()
        return b"".join(encoder.write_batch(batch) for batch in chunk.to_batches())

    # The next slice is put in order and encoded on the other core while this one is sent (polars
    # and pgpq release the GIL), so the server never waits for the client.
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy, ThreadPoolExecutor(max_workers=1) as pool:
        copy.write(encoder.write_header())
        pending = None
        for start in range(0, frame.height, BATCH):
            ready, pending = pending, pool.submit(encoded, start)
            if ready is not None:
                copy.write(ready.result())
        if pending is not None:
            copy.write(pending.result())
        copy.write(encoder.finish())


def _nullable(column: str) -> pl.Expr:
    return pl.when(pl.col(column) == "").then(None).otherwise(pl.col(column)).alias(column)


SLICE_ROWS = 125_000  # rows per scratch file: the next is written while one is copied in


def _sqlite_insert_frame(table: str, frame: pl.DataFrame, order: pl.Series | None = None,
                         ranked: dict[str, pl.Series] | None = None) -> None:
    """A big insert on SQLite: ADBC writes the frame to scratch files straight from its Arrow
    buffers (no Python object per value), and one INSERT … SELECT per file copies it in, inside
    the caller's transaction (1M rows: 2.7 s against 5.5 s with executemany). The files are
    written in slices on the other core (ADBC, polars and sqlite3 release the GIL), each while
    the one before is copied in. ``order``: the rows' positions in the order they are stored;
    ``ranked``: some of the frame's text columns as Enums of the same texts."""
    raw = connection.connection
    _detach_scratch(raw)
    folder, prefix = scratch_place()
    # A column holding one value for every row (often funding or study level) goes into the
    # SELECT as a parameter instead of through the scratch file.
    constant = {c: frame[c][0] for c in frame.columns if _constant(frame[c])}
    if all(c in constant for c in frame.columns):  # one row, say: something must go through the file
        constant.pop(frame.columns[0])
    varying = frame.drop(list(constant))
    # Reordering a text column fetches a 16-byte view per row from anywhere in it; an Enum's codes
    # are 4 bytes and turn back into the same texts in order: 1M rows' reordering on the writing
    # core took 1.0 s with texts, 0.45 s with Enums (their casts were made by sort_order).
    ranked = ranked or {}
    enums = [c for c in varying.columns if c in ranked and varying[c].dtype == pl.String] if order is not None else []
    varying = varying.with_columns(ranked[c] for c in enums)
    names = [*constant, *varying.columns]
    columns = ", ".join(connection.ops.quote_name(c) for c in names)
    selected = ", ".join(["?"] * len(constant) + [connection.ops.quote_name(c) for c in varying.columns])
    insert = f"INSERT INTO main.{connection.ops.quote_name(table)} ({columns}) SELECT {selected} FROM %s.rows"
    # Each file stays attached until the transaction ends (SQLite cannot detach a database read
    # in a transaction under way), so there are at most as many as SQLite may still attach.
    free = raw.getlimit(sqlite3.SQLITE_LIMIT_ATTACHED) - sum(
        name not in ("main", "temp") for _, name, _ in raw.execute("PRAGMA database_list").fetchall())
    if free < 1:  # an earlier big insert of this transaction holds every place: rows one by one
        ordered = frame if order is None else frame[order]
        _bulk_insert(table, frame.columns, _tuples(ordered, frame.columns))
        return
    slices = max(1, min(-(-varying.height // SLICE_ROWS), free))
    per = -(-varying.height // slices)
    paths: list[str] = []

    def write(start: int) -> str:
        part = (varying.slice(start, per) if order is None
                else varying.select(pl.all().gather(order.slice(start, per))).with_columns(
                    pl.col(c).cast(pl.String) for c in enums))
        # Beside the database, not in the temporary folder: one disk to be full, and a file left
        # by a killed import is found by the next one (clean_scratch).
        handle, path = tempfile.mkstemp(prefix=prefix, suffix=".sqlite3", dir=folder)
        os.close(handle)
        paths.append(path)
        _write_scratch(path, part, folder)
        return path

    # The indexes' pages being filled stay in memory for the insert (default cache: 2 MB).
    cache = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute("PRAGMA cache_size = -262144")
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            written = [pool.submit(write, start) for start in range(0, varying.height, per)]
            try:
                for future in written:
                    path = future.result()
                    alias = f"aqyl_scratch_{uuid.uuid4().hex[:12]}"
                    # immutable: SQLite takes no lock on it, so nothing else can block or be blocked.
                    raw.execute("ATTACH DATABASE ? AS " + alias, (f"file:{path}?immutable=1",))
                    raw.execute(insert % alias, list(constant.values()))
                    os.unlink(path)  # an attached file stays readable until it is detached
            except BaseException:
                for future in written:
                    future.cancel()
                raise
    finally:
        raw.execute(f"PRAGMA cache_size = {int(cache)}")
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
    # A database read in a transaction can be detached only after it ends.
    transaction.on_commit(lambda: _detach_scratch(raw))
    # The commit then only appends to the WAL (0.25 s for a million rows); copying it into the
    # database (0.6 s) runs beside the summary and the process's exit instead of before them.
    # Once per transaction, however many large inserts it holds (the first one turns it off).
    if raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0]:
        raw.execute("PRAGMA wal_autocheckpoint = 0")
        transaction.on_commit(lambda: _checkpoint_beside(raw))


def _checkpoint_beside(raw) -> None:
    """Copy the WAL into the database on another thread and connection (sqlite3 releases the
    GIL); the interpreter waits for the thread before it exits. TRUNCATE also empties the WAL
    when nobody is reading (freeing its 300 MB of a million rows took the closing connection
    0.1-0.3 s at the command's end); with no busy wait (timeout 0) it copies what it can and
    never waits for a reader, as PASSIVE. Every other connection keeps checkpointing itself, so a
    failure here only leaves the WAL longer for a while."""
    raw.execute("PRAGMA wal_autocheckpoint = 1000")  # SQLite's default, for this connection's next writes
    name = sqlite_file(connection.settings_dict)
    if name is None:
        return

    def checkpoint() -> None:
        try:
            with contextlib.closing(sqlite3.connect(name, timeout=0)) as own:
                own.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error as error:
            logging.getLogger(__name__).warning("WAL checkpoint after an import failed: %s", error)

    threading.Thread(target=checkpoint, name="aqyl-checkpoint").start()


def _constant(column: pl.Series) -> bool:
    """Every value the same (and none missing); the first, middle and last values decide most."""
    if not column.len() or column.null_count():
        return False
    first = column[0]
    return column[-1] == first and column[column.len() // 2] == first and bool((column == first).all())


def _write_scratch(path: str, frame: pl.DataFrame, folder: str) -> None:
    """The frame as the table ``rows`` of a new SQLite file, through ADBC."""
    import adbc_driver_manager
    import adbc_driver_sqlite
    from adbc_driver_manager import AdbcConnection, AdbcStatement

    try:
        with adbc_driver_sqlite.connect(path) as db, AdbcConnection(db) as conn:
            # A scratch file: nothing to roll back, nothing to make durable (no fsync).
            # 16 KiB pages: fewer pages to fill and read again (writing 1M rows: 1.1 s against 1.27 s).
            for setting in ("PRAGMA page_size = 16384", "PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF"):
                with AdbcStatement(conn) as pragma:
                    pragma.set_sql_query(setting)
                    pragma.execute_update()
            with AdbcStatement(conn) as ingest:
                ingest.set_options(**{"adbc.ingest.target_table": "rows", "adbc.ingest.mode": "adbc.ingest.mode.replace"})
                ingest.bind_stream(frame)
                ingest.execute_update()
    except adbc_driver_manager.Error as error:
        # On a full disk the driver reports its failed ROLLBACK, not the cause: name it.
        free = os.statvfs(folder)
        if free.f_bavail * free.f_frsize < frame.estimated_size():
            raise OSError(errno.ENOSPC, f"No space left on device: {folder}") from error
        raise


def scratch_place() -> tuple[str, str]:
    """The folder and name prefix of this process's scratch files (beside the SQLite database)."""
    name = sqlite_file(connection.settings_dict)
    if name is None:  # an in-memory database (the tests')
        return tempfile.gettempdir(), f"aqyl-rows.scratch-{os.getpid()}-"
    db = Path(name)
    return str(db.parent), f"{db.name}.scratch-{os.getpid()}-"


def clean_scratch() -> list[str]:
    """Delete scratch files whose process is gone (killed during an import); returns them."""
    folder, prefix = scratch_place()
    stem = prefix.rsplit("-", 2)[0] + "-"
    gone = []
    for path in Path(folder).glob(f"{glob.escape(stem)}*.sqlite3"):
        pid = path.name[len(stem):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                gone.append(str(path))
    return gone


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _detach_scratch(raw) -> None:
    """Detach scratch files of earlier inserts (a rolled-back transaction leaves one attached)."""
    for _, name, _ in raw.execute("PRAGMA database_list").fetchall():
        if name.startswith("aqyl_scratch_"):
            # One read by the transaction under way stays; the next call detaches it.
            with contextlib.suppress(sqlite3.OperationalError):
                raw.execute(f"DETACH DATABASE {name}")


def insert_frame(table: str, frame: pl.DataFrame, *, order: pl.Series | None = None,
                 ranked: dict[str, pl.Series] | None = None) -> None:
    """Insert a frame whose columns are the table's, in ``order`` (row positions) if given:
    scratch files on SQLite when it is big (below 20,000 rows they cost more than they save).
    ``ranked``: columns as Enums (:func:`sort_order`)."""
    if connection.vendor == "sqlite" and frame.height > BULK_ROWS:
        _sqlite_insert_frame(table, frame, order, ranked)
        return
    frame = frame if order is None else frame[order]
    _bulk_insert(table, frame.columns, _tuples(frame, frame.columns))


def _tuples(frame: pl.DataFrame, names: list[str]) -> Iterator[tuple]:
    """Rows for the driver: the frame's columns, empty dates as NULL."""
    for chunk in frame.iter_slices(BATCH):
        columns = [chunk[c].to_list() for c in names]
        for i, name in enumerate(names):
            if name in DATE_COLUMNS:
                columns[i] = [v or None for v in columns[i]]
        yield from zip(*columns, strict=True)


def _bulk_insert(table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            _sqlite_insert(f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ", len(columns), rows)


def _sqlite_insert(head: str, width: int, rows: Iterable[tuple]) -> None:
    """executemany with many rows per INSERT: SQLite runs one statement per row group instead of
    per row (1.6× faster here); the group stays under SQLite's limit of bound parameters."""
    per = max(1, 4000 // width)
    one = "(" + ", ".join("?" * width) + ")"
    rest: list[tuple] = []

    def groups() -> Iterator[list]:
        it = iter(rows)
        while len(chunk := list(islice(it, per))) == per:
            yield list(chain.from_iterable(chunk))
        rest.extend(chunk)

    raw = connection.connection
    raw.executemany(head + ", ".join([one] * per), groups())
    raw.executemany(head + one, rest)


class _sqlite_checks_off:
    def __enter__(self) -> None:
        connection.connection.execute("PRAGMA ignore_check_constraints = ON")

    def __exit__(self, *exc: object) -> None:
        connection.connection.execute("PRAGMA ignore_check_constraints = OFF")


def _check_register_rules(rows: pl.DataFrame) -> None:
    """The records table's CHECK constraints, column-wise: codes from the same classifiers, a
    degree for staff and a study level for students, end date not before start date."""
    broken = []
    for field in m.MobilityRecord._meta.concrete_fields:
        name = getattr(field, "classifier", None)
        if name and field.name in rows.columns:
            allowed = [*CLASSIFIERS[name].codes, *([""] if field.blank else [])]
            if not rows[field.name].unique().fill_null("").is_in(allowed).all():  # a few values, not every row
                broken.append(field.name)
    student = rows["category"] == "student"
    if not ((student & (rows["degree"].fill_null("") == "")) | (~student & (rows["study_level"].fill_null("") == ""))).all():
        broken.append("degree_or_level")
    start, end = rows["start_date"].fill_null(""), rows["end_date"].fill_null("")
    if ((start != "") & (end != "") & (end < start)).any():
        broken.append("dates_ordered")
    if broken:
        raise IntegrityError(f"CHECK constraint failed: {', '.join(broken)}")


# --- versions --------------------------------------------------------------------------------
def submission_records(submission: m.Submission) -> QuerySet:
    """A current submission's rows, asked by period and submission: on PostgreSQL the one index
    that finds them is ``record_report`` (period, submission, category; migration 0014), and SQLite
    takes its submission index for the same question."""
    return m.MobilityRecord.objects.filter(period=submission.period, submission=submission)


def supersede(submission: m.Submission) -> int:
    """Take a submission out of the register: its rows go to the archive (as JSON, in SQL) and it
    stops being current. Returns how many rows were archived. Call inside a
    transaction, or on its own: it is one transaction either way."""
    fields = [f for f in m.MobilityRecord._meta.concrete_fields if f.name not in ("id", "submission")]
    pairs = ", ".join(f"'{f.name}', {connection.ops.quote_name(f.column)}" for f in fields)
    build = f"json_build_object({pairs})::jsonb" if connection.vendor == "postgresql" else f"json_object({pairs})"
    records = connection.ops.quote_name(m.MobilityRecord._meta.db_table)
    # Asked as submission_records asks: by period and submission (PostgreSQL's one index).
    where, params = "WHERE period = %s AND submission_id = %s", [submission.period, submission.pk]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {connection.ops.quote_name(m.ArchivedRecord._meta.db_table)} (submission_id, data) "
            f"SELECT submission_id, {build} FROM {records} {where}", params,
        )
        archived = cursor.rowcount
        cursor.execute(f"DELETE FROM {records} {where}", params)
        submission.is_current = False
        submission.save(update_fields=["is_current"])
    return archived


def version_rows(submission: m.Submission) -> pl.DataFrame:
    """Any version's rows in the interchange columns (HEI as its code): the register's rows for
    the current version, the archive's for an earlier one."""
    if submission.is_current:
        names = [c for c in RECORD_COLUMNS if c != "hei"]
        values = submission_records(submission).values_list(*names)
        data = [dict(zip(names, row, strict=True)) for row in values]
    else:
        data = list(m.ArchivedRecord.objects.filter(submission=submission).values_list("data", flat=True))
    frame = pl.DataFrame(
        {c: [_text(d.get(c)) for d in data] for c in RECORD_COLUMNS if c != "hei"}, schema=dict.fromkeys(
            (c for c in RECORD_COLUMNS if c != "hei"), pl.String),
    )
    return frame.with_columns(pl.lit(submission.hei.code).alias("hei"))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def restore(submission: m.Submission, user=None, submitted_by: str = "") -> m.Submission:
    """Make an earlier version current again, as a new version (the history stays linear)."""
    with transaction.atomic():
        rows = version_rows(submission).with_columns(pl.lit(submission.period).alias("period"))
        [restored] = write_submissions(
            rows, source="restore", file_name=submission.file_name, file_sha256=submission.file_sha256,
            rejected={(submission.hei.code, submission.period): submission.rejected_count}, user=user,
            submitted_by=submitted_by,
        )
        return restored

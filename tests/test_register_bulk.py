"""The bulk write path (aqyl.store.register): rows written through scratch files in slices land
whole, in order, and in one transaction; when earlier big inserts of the same transaction hold
every database SQLite may attach, the rows still go in (one by one)."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest
from django.db import connection, transaction

from aqyl.store import models as m
from aqyl.store import register
from test_import_check import GOOD

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from records import varied_frame

# Real commits: the scratch files are detached when the transaction ends, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def frame(hei: str, n: int) -> pl.DataFrame:
    return pl.DataFrame({**{k: [v] * n for k, v in GOOD.items()}, "hei": [hei] * n,
                         "record_id": [f"{hei}-{i}" for i in range(n)],
                         "partner_institution": [f"Partner {i % 997}" for i in range(n)]})


@pytest.mark.engines
def test_slices_keep_each_submission_whole_in_the_report_index_order(monkeypatch):
    monkeypatch.setattr(register, "SLICE_ROWS", 3_000)  # 24,000 rows: 8 scratch files per file
    heis = ["ALMAU", "ENU", "KAZNU"]
    with transaction.atomic():
        for hei in heis:  # the third finds one place left to attach, then none
            [stored] = register.write_submissions(frame(hei, 24_000), file_name=f"{hei}.csv")
            assert stored.row_count == 24_000
    keys = register.stored_order(24_000)
    assert keys == (["period", "hei_id", "category"] if connection.vendor == "postgresql"
                    else [k if k != "hei" else "hei_id" for k in m.REPORT_INDEX])
    if connection.vendor == "postgresql":  # the HEI stands for the submission: record_report's order
        keys = ["period", "submission_id", "category"]
    for hei in heis:
        rows = m.MobilityRecord.objects.filter(hei__code=hei).order_by("id")
        assert sorted(rows.values_list("record_id", "partner_institution")) == sorted(
            (f"{hei}-{i}", f"Partner {i % 997}") for i in range(24_000))
        # A big file is stored in the report index's order (docs/development.md, how the import stores rows).
        stored = list(rows.values_list(*keys, "partner_institution"))
        assert stored == sorted(stored, key=lambda r: r[:-1])
        assert len({r[-1] for r in stored}) == 997
    assert m.Submission.objects.filter(is_current=True).count() == 3
    if connection.vendor == "sqlite":
        folder, prefix = register.scratch_place()
        assert not list(Path(folder).glob(prefix + "*"))


def test_a_failed_copy_stops_the_writer_and_leaves_nothing(monkeypatch):  # SQLite's scratch files: not engines
    monkeypatch.setattr(register, "SLICE_ROWS", 3_000)
    real = register._write_scratch
    written = []

    def counting(path, part, folder):
        written.append(path)
        if len(written) == 3:
            raise OSError("disk full")
        real(path, part, folder)

    monkeypatch.setattr(register, "_write_scratch", counting)
    with pytest.raises(OSError, match="disk full"), transaction.atomic():
        register.write_submissions(frame("ALMAU", 24_000), file_name="a.csv")
    assert len(written) >= 3
    assert not m.MobilityRecord.objects.exists() and not m.Submission.objects.exists()
    folder, prefix = register.scratch_place()
    assert not list(Path(folder).glob(prefix + "*"))


@pytest.mark.engines
@pytest.mark.django_db
def test_the_packed_sort_order_is_the_many_column_sort():
    texts = ["Қазақ", "Zürich", "zebra", "", "Ärzte", "A", "Ақ", "a b", "Ab"]
    frame = pl.DataFrame({
        "period": [f"20{20 + i % 5}H{1 + i % 2}" for i in range(3_000)],
        "hei_id": [(i * 37) % 61 for i in range(3_000)],
        "partner_institution": [texts[(i * 7) % len(texts)] + str(i % 13) for i in range(3_000)],
    })
    keys = ["period", "hei_id", "partner_institution"]
    expected = frame.with_row_index("i").sort(keys, maintain_order=True)["i"].cast(pl.Int64).to_list()
    assert register.sort_order(frame, keys).cast(pl.Int64).to_list() == expected
    # By bytes, as SQLite and the C collation compare: "A" < "Ab" < "Zürich" < "a b" < "zebra" < "Ä…" < "Ақ" < "Қ…"
    one = pl.DataFrame({"t": texts})
    assert [texts[i] for i in register.sort_order(one, ["t"]).to_list()] == sorted(texts, key=str.encode)
    # Too many distinct combinations to pack into 63 bits: the slow sort gives the same order.
    wide = pl.DataFrame({f"c{k}": [str((i * (k + 3)) % 999_983) for i in range(1_000_000)] for k in range(4)})
    assert register.sort_order(wide, list(wide.columns)).to_list() == wide.with_row_index("i").sort(
        list(wide.columns), maintain_order=True)["i"].to_list()


@pytest.mark.engines
@pytest.mark.django_db
def test_the_report_index_is_covering_on_sqlite_and_the_one_secondary_index_on_postgresql():
    # migrations 0013 and 0014: each index PostgreSQL keeps costs every imported million rows about
    # 0.9 s of its time; one (period, submission, category) serves the report and a submission's rows.
    with transaction.atomic():
        [stored] = register.write_submissions(frame("ALMAU", 30), file_name="a.csv")
    asked, params = register.submission_records(stored).values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA index_info(record_report)")
            columns = [name for _, _, name in cursor.fetchall()]
            assert columns == [c if c != "hei" else "hei_id" for c in m.REPORT_INDEX]
            cursor.execute("EXPLAIN QUERY PLAN " + asked, params)
            assert "aqyl_mobilityrecord_submission_id" in cursor.fetchall()[0][-1]
        else:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'aqyl_mobilityrecord' ORDER BY indexname")
            assert [d.split(" USING ")[1] for (d,) in cursor.fetchall()] == [
                "btree (id)", "btree (period, submission_id, category)"]
            cursor.execute("SET LOCAL enable_seqscan = off")  # a table of 30 rows: its plan, not the planner's taste
            cursor.execute("EXPLAIN " + asked, params)
            assert "Index Scan using record_report" in "\n".join(line for (line,) in cursor.fetchall())
        assert register.submission_records(stored).count() == 30


@pytest.mark.engines
def test_every_value_comes_back_as_written_empty_dates_and_letters_included():
    # PostgreSQL gets the rows in its binary COPY format (pgpq), SQLite through scratch files or
    # rows: either way a cell comes back as the file held it, an empty date as no date.
    rows = frame("ALMAU", 3).with_columns(
        pl.Series("partner_institution", ["Қазақ ұлттық университеті", "Université «Lumière» Lyon 2", 'A "quoted", one']),
        pl.Series("start_date", ["2023-03-01", "", "2023-01-31"]),
        pl.Series("end_date", ["", "", "2023-02-01"]),
        pl.Series("person_id", ["P1", "", "Ω-7"]),
    )
    with transaction.atomic():
        [stored] = register.write_submissions(rows, file_name="a.csv")
    back = register.version_rows(stored).sort("record_id")
    assert back["partner_institution"].to_list() == rows["partner_institution"].to_list()
    assert back["start_date"].to_list() == ["2023-03-01", "", "2023-01-31"]
    assert back["end_date"].to_list() == ["", "", "2023-02-01"]
    assert back["person_id"].to_list() == ["P1", "", "Ω-7"]
    assert list(m.MobilityRecord.objects.filter(end_date__isnull=True).values_list("record_id", flat=True).order_by(
        "record_id")) == ["ALMAU-0", "ALMAU-1"]
    record = m.MobilityRecord.objects.get(record_id="ALMAU-2")
    # A record's time is its submission's (migration 0015): the row carries no copy of it.
    assert record.submission == stored and stored.created_at.tzinfo is not None
    assert not hasattr(record, "created_at")


@pytest.mark.engines
def test_a_varied_bulk_write_comes_back_row_for_row(monkeypatch):
    # Every report column varies, so each is reordered on its own (on SQLite as an Enum, turned
    # back into its texts per scratch file): a row must never get another row's cell.
    monkeypatch.setattr(register, "SLICE_ROWS", 7_000)
    rows = varied_frame(25_000, seed=3)
    with transaction.atomic():
        stored = register.write_submissions(rows, file_name="varied.csv")
    assert sum(s.row_count for s in stored) == 25_000
    back = pl.concat([register.version_rows(s) for s in stored]).sort("record_id")
    columns = [c for c in register.RECORD_COLUMNS if c in back.columns]
    assert back.select(columns).equals(rows.select(columns).sort("record_id"))

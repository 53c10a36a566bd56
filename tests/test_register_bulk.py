"""The bulk write path (aqyl.store.register): rows written through scratch files in slices land
whole, in order, and in one transaction; when earlier big inserts of the same transaction hold
every database SQLite may attach, the rows still go in (one by one)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from django.db import connection, transaction

from aqyl.store import models as m
from aqyl.store import register
from test_import_check import GOOD

# Real commits: the scratch files are detached when the transaction ends, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def frame(hei: str, n: int) -> pl.DataFrame:
    return pl.DataFrame({**{k: [v] * n for k, v in GOOD.items()}, "hei": [hei] * n,
                         "record_id": [f"{hei}-{i}" for i in range(n)],
                         "partner_institution": [f"Partner {i % 997}" for i in range(n)]})


def test_slices_keep_each_submission_whole_and_in_the_file_order(monkeypatch):
    monkeypatch.setattr(register, "SLICE_ROWS", 3_000)  # 24,000 rows: 8 scratch files per file
    heis = ["ALMAU", "ENU", "KAZNU"]
    with transaction.atomic():
        for hei in heis:  # the third finds one place left to attach, then none
            [stored] = register.write_submissions(frame(hei, 24_000), file_name=f"{hei}.csv")
            assert stored.row_count == 24_000
    for hei in heis:
        ids = list(m.MobilityRecord.objects.filter(hei__code=hei).order_by("id").values_list("record_id", "partner_institution"))
        expected = [(f"{hei}-{i}", f"Partner {i % 997}") for i in range(24_000)]
        # PostgreSQL stores a big file in the report index's order (README, Measured speed).
        assert ids == expected if connection.vendor == "sqlite" else sorted(ids) == sorted(expected)
    assert m.Submission.objects.filter(is_current=True).count() == 3
    if connection.vendor == "sqlite":
        folder, prefix = register.scratch_place()
        assert not list(Path(folder).glob(prefix + "*"))


def test_a_failed_copy_stops_the_writer_and_leaves_nothing(monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's scratch files")
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

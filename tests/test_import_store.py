"""Imports land as submissions of (HEI, period), whole or not at all; re-imports keep the earlier
version; the command exits 0/1/2 and writes the JSON report and the error workbook."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from django.db.models import Count

from aqyl.app.imports import import_file
from aqyl.app.submissions import compare
from aqyl.store import models as m
from aqyl.store.register import restore
from aqyl.store.report_data import report_data
from conftest import run_aqyl
from test_import_check import GOOD, HEADER, csv_text, write

AQYL = [sys.executable, "-m", "aqyl.cli"]
demo_db = pytest.mark.django_db
pytestmark = pytest.mark.engines  # engine-specific code: also run on PostgreSQL (scripts/test.sh)


def rows_for(hei: str, n: int, period: str = "2023H1", **extra) -> list[dict]:
    month = "03" if period.endswith("H1") else "10"
    year = period[:4]
    return [{"record_id": f"{hei}-{period}-{i}", "hei": hei, "period": period, "start_date": f"{year}-{month}-01",
             "end_date": f"{year}-{month}-20", **extra} for i in range(n)]


def upload(tmp_path, rows, name="upload.csv") -> Path:
    # csv_text numbers record IDs itself; keep ours.
    text = csv_text([{**r} for r in rows])
    lines = text.splitlines()
    return write(tmp_path, "\n".join(lines) + "\n", name)


@demo_db
def test_a_file_splits_into_submissions_with_counts(tmp_path):
    path = upload(tmp_path, rows_for("ALMAU", 3) + rows_for("ENU", 2) + rows_for("ENU", 4, "2023H2"))
    report, _ = import_file(path, submitted_by="tester")
    assert report.ok and report.stored == 9
    got = {(s.hei.code, s.period): (s.version, s.row_count, s.file_name, len(s.file_sha256), s.submitted_by)
           for s in m.Submission.objects.all()}
    assert got == {("ALMAU", "2023H1"): (1, 3, "upload.csv", 64, "tester"), ("ENU", "2023H1"): (1, 2, "upload.csv", 64, "tester"),
                   ("ENU", "2023H2"): (1, 4, "upload.csv", 64, "tester")}
    by_records = {(h, p): n for h, p, n in m.MobilityRecord.objects.values_list("submission__hei__code", "submission__period")
                  .annotate(n=Count("id")).order_by()}
    assert by_records == {("ALMAU", "2023H1"): 3, ("ENU", "2023H1"): 2, ("ENU", "2023H2"): 4}
    data = report_data("2023H1")
    assert data["periods"]["2023H1"]["outgoing"]["total"] == 5
    assert data["periods"]["2023H1"]["outgoing"]["by_country"] == {"EE": 5}


@demo_db
def test_reimport_replaces_and_keeps_the_earlier_version(tmp_path):
    first = upload(tmp_path, rows_for("ALMAU", 3), "v1.csv")
    import_file(first)
    second = upload(tmp_path, rows_for("ALMAU", 5, partner_country="UZ"), "v2.csv")
    import_file(second)
    versions = list(m.Submission.objects.filter(hei__code="ALMAU", period="2023H1").order_by("version"))
    assert [(s.version, s.is_current, s.row_count, s.file_name) for s in versions] == [
        (1, False, 3, "v1.csv"), (2, True, 5, "v2.csv")]
    assert m.MobilityRecord.objects.count() == 5 and m.ArchivedRecord.objects.filter(submission=versions[0]).count() == 3
    assert report_data("2023H1")["periods"]["2023H1"]["outgoing"]["by_country"] == {"UZ": 5}
    diff = compare(versions[0], versions[1])
    assert diff["rows"] == [3, 5] and diff["by_country"] == {"EE": [3, 0], "UZ": [0, 5]}
    assert diff["by_direction"] == {"outgoing": [3, 5]}
    assert diff["added"] == ["ALMAU-2023H1-3", "ALMAU-2023H1-4"] and diff["removed"] == []
    assert diff["changed"] == [f"ALMAU-2023H1-{i}" for i in range(3)]
    restored = restore(versions[0])
    assert (restored.version, restored.row_count, restored.source) == (3, 3, "restore")
    assert report_data("2023H1")["periods"]["2023H1"]["outgoing"]["by_country"] == {"EE": 3}
    assert sorted(m.MobilityRecord.objects.values_list("record_id", flat=True)) == [f"ALMAU-2023H1-{i}" for i in range(3)]
    assert m.MobilityRecord.objects.filter(start_date="2023-03-01").count() == 3


@demo_db
def test_errors_change_nothing_unless_valid_rows_are_accepted(tmp_path):
    import_file(upload(tmp_path, rows_for("ALMAU", 2), "old.csv"))
    bad = upload(tmp_path, [*rows_for("ALMAU", 4), {**rows_for("ALMAU", 1)[0], "record_id": "X", "partner_country": "Atlantis"}])
    report, _ = import_file(bad)
    assert (report.rows, report.valid, report.rejected, report.stored) == (5, 4, 1, 0) and report.exit_code() == 1
    assert m.MobilityRecord.objects.count() == 2  # the old submission stands
    report, _ = import_file(bad, dry_run=True, accept_valid=True)
    assert report.stored == 0 and m.MobilityRecord.objects.count() == 2
    report, _ = import_file(bad, accept_valid=True)
    assert report.stored == 4 and report.exit_code() == 1
    current = m.Submission.objects.get(hei__code="ALMAU", period="2023H1", is_current=True)
    assert (current.version, current.row_count, current.rejected_count) == (2, 4, 1)


@demo_db
@pytest.mark.parametrize("per_hei", [7, 12_000])  # 24,000 rows go through SQLite's scratch file
def test_a_failure_half_way_leaves_every_submission_as_it_was(tmp_path, monkeypatch, per_hei):
    import_file(upload(tmp_path, rows_for("ALMAU", 2) + rows_for("ENU", 2), "old.csv"))
    before = sorted(m.MobilityRecord.objects.values_list("hei__code", "record_id"))
    import aqyl.store.register as register

    real = register._insert_records

    def failing(rows, order, ranked):  # after the old versions were archived and the new rows written
        real(rows, order, ranked)
        assert m.MobilityRecord.objects.count() == 2 * per_hei
        raise OSError("disk full")

    monkeypatch.setattr(register, "_insert_records", failing)
    new = upload(tmp_path, rows_for("ALMAU", per_hei) + rows_for("ENU", per_hei), "new.csv")
    with pytest.raises(OSError):
        import_file(new)
    assert sorted(m.MobilityRecord.objects.values_list("hei__code", "record_id")) == before
    assert m.Submission.objects.filter(is_current=True).count() == 2 and m.Submission.objects.count() == 2
    assert report_data("2023H1")["periods"]["2023H1"]["both"]["total"] == 4
    # The same file goes in once the disk is back.
    monkeypatch.setattr(register, "_insert_records", real)
    report, _ = import_file(new)
    assert report.stored == 2 * per_hei and m.MobilityRecord.objects.count() == 2 * per_hei


@demo_db
def test_a_file_read_ahead_is_imported_as_one_read_then(tmp_path):
    # The command starts reading its first file while the database opens (aqyl.app.imports.ReadAhead):
    # the same report, the same error for a file that cannot be read, and only once per mention.
    from aqyl.app.imports import ReadAhead
    from aqyl.importers.readers import UnreadableFile

    good = upload(tmp_path, rows_for("ALMAU", 3), "good.csv")
    ahead = ReadAhead(good, "mobility")
    report, table = import_file(good, ahead=ahead)
    assert (report.rows, report.valid, report.stored) == (3, 3, 3) and table.name == "good.csv"
    again, _ = import_file(good, ahead=ahead)  # the second mention is read again, not taken twice
    assert again.rows == 3 and m.Submission.objects.filter(is_current=True).get().version == 2
    other = upload(tmp_path, rows_for("ENU", 2), "other.csv")
    assert ReadAhead(good, "mobility").take(other, "mobility").name == "other.csv"  # not the file read ahead
    missing = tmp_path / "none.csv"
    with pytest.raises(UnreadableFile) as raised:
        import_file(missing, ahead=ReadAhead(missing, "mobility"))
    with pytest.raises(UnreadableFile) as directly:
        import_file(missing)
    assert (raised.value.key, raised.value.params) == (directly.value.key, directly.value.params)


# --- the command ----------------------------------------------------------------------------------
def run(args, tmp_path, timeout=300):
    return run_aqyl(tmp_path / "data", *args, timeout=timeout, COLUMNS="200")


def test_import_command_exit_codes_report_and_error_workbook(tmp_path):
    good = upload(tmp_path, rows_for("ALMAU", 3), "good.csv")
    result = run(["import", str(good), "--lang", "en"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "good.csv" in result.stdout and "ALMAU" in result.stdout

    bad_rows = [*rows_for("ENU", 2), {**rows_for("ENU", 1)[0], "record_id": "B", "partner_country": "Uzbekstan"}]
    bad = upload(tmp_path, bad_rows, "bad.csv")
    garbage = write(tmp_path, b"\x00\x01garbage", "garbage.csv")
    out = tmp_path / "out"
    result = run(["import", str(bad), str(garbage), "--lang", "kk", "--report", str(out / "r.json"),
                  "--errors-xlsx", str(out / "e.xlsx")], tmp_path)
    assert result.returncode == 2, result.stderr  # one file could not be read at all
    assert "Traceback" not in result.stdout + result.stderr
    assert "мыналардың бірі: Өзбекстан" in " ".join(result.stdout.split()) and "ештеңе сақталмады" in result.stdout
    report = json.loads((out / "r.json").read_text("utf-8"))
    assert {k: report[k] for k in ("rows", "valid", "rejected", "warnings", "stored")} == {
        "rows": 3, "valid": 2, "rejected": 1, "warnings": 0, "stored": 0}
    assert [(e["file"], e["cell"], e["type"]) for e in report["errors"]] == [
        ("bad.csv", "G4", "unknown_value"), ("garbage.csv", "", "file_not_table")]
    assert report["files"][1]["readable"] is False

    book = openpyxl.load_workbook(out / "e.xlsx")
    assert book.sheetnames == ["bad", "Қателер"]
    cell = book["bad"]["G4"]
    assert cell.value == "Uzbekstan" and cell.fill.fgColor.rgb.endswith("F4B6B6")
    assert "Өзбекстан" in cell.comment.text
    assert book["bad"]["A1"].value == "record_id" and book["bad"]["E2"].value == "ENU"
    listing = book["Қателер"]
    assert listing["B2"].value == "G4" and listing["B2"].hyperlink.location == "'bad'!G4"

    result = run(["import", str(bad), "--accept-valid", "--lang", "ru"], tmp_path)
    assert result.returncode == 1 and "ENU" in result.stdout
    board = run(["submissions", "--period", "2023H1", "--json", "--lang", "en"], tmp_path)
    lines = {line["hei"]: line for line in json.loads(board.stdout)}
    assert lines["ENU"]["current"]["row_count"] == 2 and lines["ENU"]["current"]["rejected_count"] == 1
    assert lines["ALMAU"]["current"]["row_count"] == 3 and lines["KAZNU"]["current"] is None
    table = run(["submissions", "--period", "2023H1", "--lang", "en"], tmp_path)
    assert "Not submitted: 59 / 61" in table.stdout
    versions = json.loads(run(["submissions", "--period", "2023H1", "--hei", "ENU", "--json"], tmp_path).stdout)
    assert [(v["version"], v["is_current"], v["row_count"], v["file_name"]) for v in versions] == [(1, True, 2, "bad.csv")]
    good_enu = upload(tmp_path, rows_for("ENU", 4), "enu.csv")
    assert run(["import", str(good_enu)], tmp_path).returncode == 0
    diff = json.loads(run(["submissions", "--period", "2023H1", "--hei", "ENU", "--compare", "1", "--json"], tmp_path).stdout)
    assert diff["rows"] == [2, 4] and diff["added"] == ["ENU-2023H1-2", "ENU-2023H1-3"]
    restored = run(["restore", "--hei", "ENU", "--period", "2023H1", "--version", "1", "--lang", "en"], tmp_path)
    assert restored.returncode == 0 and "restored as version 3 (2 rows)" in restored.stdout


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_templates_in_each_language_come_back_in(tmp_path, lang):
    path = tmp_path / f"template-{lang}.xlsx"
    assert run(["template", "--lang", lang, "--out", str(path)], tmp_path).returncode == 0
    book = openpyxl.load_workbook(path)
    data = book.worksheets[0]
    headers = [c.value for c in data[1]]
    expected = {"kk": "Серіктес ел *", "ru": "Страна партнёра *", "en": "Partner country *"}[lang]
    assert expected in headers and len(headers) == len(HEADER)
    lists = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation if v.type == "list"}
    assert len(lists) == 11  # every coded column and the HEI
    country_list = lists["G2:G100001"]
    sheet, cells = country_list.split("!")
    assert book[sheet.strip("'")][cells.split(":")[0].replace("$", "")].value  # points at real values
    assert len(book.sheetnames) == 3
    # A person fills two rows with the drop-down labels of their language and uploads it.
    lists_sheet = book[sheet.strip("'")]
    labels = {lists_sheet.cell(1, j).value.rstrip(" *"): [c.value for c in lists_sheet[openpyxl.utils.get_column_letter(j)][1:]]
              for j in range(1, lists_sheet.max_column + 1)}
    header_of = dict(zip(HEADER, (h.rstrip(" *") for h in headers), strict=True))
    pick = {name: labels[header_of[name]][0] for name in ("direction", "category", "format", "programme")}
    row = {**GOOD, **pick, "hei": next(v for v in labels[header_of["hei"]] if v), "partner_country": labels[header_of["partner_country"]][5]}
    data.append([row[h] for h in HEADER])
    data.append([{**row, "record_id": "R2"}[h] for h in HEADER])
    book.save(path)
    result = run(["import", str(path), "--lang", lang, "--report", str(tmp_path / "r.json")], tmp_path)
    assert result.returncode == 0, result.stdout
    assert json.loads((tmp_path / "r.json").read_text())["stored"] == 2


def test_a_big_import_leaves_the_database_whole_and_no_log_beside_it(tmp_path):
    # The command closes its connections and freezes what is left before the interpreter exits
    # (aqyl.cli.app._before_exit), while the WAL is checkpointed beside it: when it returns, the
    # rows are in the database file itself and neither the WAL nor its index is left over.
    big = tmp_path / "big.csv"
    text = csv_text(rows_for("ALMAU", 1))
    header, line = text.splitlines()[:2]
    big.write_text(header + "\n" + "".join(line.replace("ALMAU-2023H1-0", f"K{i}", 1) + "\n" for i in range(30_000)),
                   encoding="utf-8")
    assert run(["import", str(big), "--lang", "en"], tmp_path).returncode == 0
    data = tmp_path / "data"
    assert sorted(p.name for p in data.glob("aqyl.sqlite3*")) == ["aqyl.sqlite3", "aqyl.sqlite3.write-lock"]
    with contextlib.closing(sqlite3.connect(data / "aqyl.sqlite3")) as db:
        assert db.execute("SELECT count(*) FROM aqyl_mobilityrecord").fetchone() == (30_000,)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_killed_import_keeps_the_previous_submission(tmp_path):
    small = upload(tmp_path, rows_for("ALMAU", 3), "small.csv")
    assert run(["import", str(small)], tmp_path).returncode == 0
    big = tmp_path / "big.csv"
    text = csv_text(rows_for("ALMAU", 1))
    line = text.splitlines()[1]
    with big.open("w", encoding="utf-8") as f:
        f.write(text.splitlines()[0] + "\n")
        for i in range(400_000):
            f.write(line.replace("ALMAU-2023H1-0", f"K{i}", 1) + "\n")
    env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {"AQYL_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen([*AQYL, "import", str(big)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    wal = tmp_path / "data" / "aqyl.sqlite3-wal"
    deadline = time.monotonic() + 120
    # Kill it while it writes: once the write-ahead log grows past what the small import left.
    start_size = wal.stat().st_size if wal.exists() else 0
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > start_size + 8_000_000:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the import finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    board = json.loads(run(["submissions", "--period", "2023H1", "--hei", "ALMAU", "--json"], tmp_path).stdout)
    assert [(v["version"], v["is_current"], v["row_count"]) for v in board] == [(1, True, 3)]
    db = run(["db", "--lang", "en"], tmp_path).stdout  # the counts line is in the user language
    assert "records: 3" in db


@pytest.mark.slow
def test_postgres_and_sqlite_store_the_same(tmp_path, postgres_database):
    """The same varied file (labels for codes, every HEI, many periods, empty cells) imported by
    the command into SQLite and into PostgreSQL: every stored value of every record is the same."""
    import psycopg
    from benchmarks.records import write_varied

    source = tmp_path / "varied.csv"
    write_varied(source, 3_000, seed=11, labels="ru")
    sqlite_db = tmp_path / "aqyl.sqlite3"
    for url in (f"sqlite:///{sqlite_db}", postgres_database):
        env = os.environ | {"AQYL_DATA_DIR": str(tmp_path / "d"), "AQYL_DATABASE_URL": url}
        done = subprocess.run([*AQYL, "import", str(source), "--lang", "en"], capture_output=True, text=True, env=env,
                              timeout=600)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    columns = [f.column for f in m.MobilityRecord._meta.concrete_fields if f.column not in ("id", "submission_id")]
    query = (f"SELECT h.code, s.period, s.version, {', '.join('r.' + c for c in columns)} "
             f"FROM {m.MobilityRecord._meta.db_table} r JOIN {m.Submission._meta.db_table} s ON s.id = r.submission_id "
             f"JOIN {m.Hei._meta.db_table} h ON h.id = s.hei_id")

    def normal(rows):
        return sorted(tuple("" if v is None else str(v) for v in row) for row in rows)

    with sqlite3.connect(sqlite_db) as conn:
        in_sqlite = normal(conn.execute(query).fetchall())
    with psycopg.connect(postgres_database) as conn:
        in_postgres = normal(conn.execute(query).fetchall())
    assert len(in_sqlite) == 3_000
    assert in_postgres == in_sqlite

"""Many writers at once (issue 17): eight `aqyl import` processes start together on one database.
On SQLite they queue (and say so) and all succeed; on PostgreSQL different HEIs run in parallel
and the same HEI and period serialise, the later becoming the next version. Every row is checked.
The PostgreSQL run needs AQYL_DATABASE_URL of a server (as scripts/test.sh starts one); it makes a
database of its own there and drops it afterwards."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from test_import_check import GOOD, csv_text

AQYL = [sys.executable, "-m", "aqyl.cli"]
OWN = [("ALMAU", 30_000), ("ENU", 25_000), ("KAZNU", 6), ("SDU", 21_000)]  # each its own HEI
SAME = [("KBTU", n) for n in (22_000, 7, 9, 24_000)]  # one HEI and period, four versions


def files(tmp_path: Path) -> list[Path]:
    paths = []
    for i, (hei, n) in enumerate(OWN + SAME):
        path = tmp_path / f"f{i}.csv"
        path.write_text(csv_text([{**GOOD, "record_id": f"{hei}-{i}-{k}", "hei": hei} for k in range(n)]), "utf-8")
        paths.append(path)
    return paths


def run_all(tmp_path: Path, url: str) -> list[subprocess.CompletedProcess]:
    env = {**os.environ, "AQYL_DATA_DIR": str(tmp_path / "data"), "AQYL_DATABASE_URL": url, "COLUMNS": "120"}
    assert subprocess.run([*AQYL, "db"], env=env, capture_output=True).returncode == 0  # migrated once, before
    children = [subprocess.Popen([*AQYL, "import", str(p), "--lang", "en"], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for p in files(tmp_path)]
    done = []
    for child in children:
        out, err = child.communicate(timeout=600)
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return done


def check_every_row(query) -> None:
    current = dict(query("SELECT h.code, count(*) FROM aqyl_mobilityrecord r JOIN aqyl_hei h ON h.id = r.hei_id "
                         "GROUP BY h.code"))
    assert current.keys() == {h for h, _ in OWN} | {"KBTU"}
    for hei, n in OWN:
        assert current[hei] == n
    versions = query("SELECT s.version, s.row_count, s.is_current FROM aqyl_submission s JOIN aqyl_hei h ON h.id = s.hei_id "
                     "WHERE h.code = 'KBTU' AND s.period = '2023H1' ORDER BY s.version")
    assert [v for v, _, _ in versions] == [1, 2, 3, 4]
    assert sorted(n for _, n, _ in versions) == sorted(n for _, n in SAME)
    assert [bool(c) for _, _, c in versions] == [False, False, False, True]
    # The current version's rows are the register's; every earlier version's are archived whole.
    assert current["KBTU"] == versions[-1][1]
    archived = dict(query("SELECT s.version, count(*) FROM aqyl_archivedrecord a JOIN aqyl_submission s "
                          "ON s.id = a.submission_id GROUP BY s.version"))
    assert archived == {v: n for v, n, _ in versions[:-1]}
    # Each version holds the rows of one file: its record IDs carry the file's number.
    ids = query("SELECT DISTINCT substr(record_id, 1, 7) FROM aqyl_mobilityrecord WHERE record_id LIKE 'KBTU-%'")
    assert len(ids) == 1


@pytest.mark.slow
def test_eight_imports_at_once_on_sqlite(tmp_path):
    db = tmp_path / "aqyl.sqlite3"
    done = run_all(tmp_path, f"sqlite:///{db}")
    for d in done:
        assert d.returncode == 0, d.stdout[-1500:] + d.stderr[-1500:]
        assert "locked" not in d.stdout + d.stderr
    assert any("the database is busy with another import, waiting for its turn…" in d.stderr for d in done)
    with sqlite3.connect(db) as conn:
        check_every_row(lambda sql: conn.execute(sql).fetchall())


@pytest.mark.slow
def test_eight_imports_at_once_on_postgresql(tmp_path, postgres_database):
    import psycopg

    done = run_all(tmp_path, postgres_database)
    for d in done:
        assert d.returncode == 0, d.stdout[-1500:] + d.stderr[-1500:]
    with psycopg.connect(postgres_database) as conn:
        check_every_row(lambda sql: conn.execute(sql).fetchall())


WEB_UPLOAD = """
import sys, time
from aqyl.store.bootstrap import setup
setup()
from django.test import Client
client = Client()
assert client.post("/login/", {"username": "officer", "password": "aqyl-demo"}).status_code == 302
with open(sys.argv[1], "rb") as f:
    page = client.post("/upload/", {"file": f}).content.decode()
upload_id = page.split('name="confirm" value="')[1].split('"')[0]
print("checked", flush=True)
started = time.monotonic()
page = client.post("/upload/", {"confirm": upload_id}).content.decode()
print(f"stored after {time.monotonic() - started:.1f} s")
"""


@pytest.mark.slow
def test_a_web_upload_queues_behind_an_import_on_sqlite(tmp_path):
    """The upload goes through the importer's store path: while another writer holds the
    database it waits, then stores."""
    import fcntl
    import time

    out = tmp_path / "demo"
    # The upload's check and store run inside the request here (no worker process in this test).
    env = {**os.environ, "AQYL_DATA_DIR": str(tmp_path / "data"), "AQYL_ALLOWED_HOSTS": "testserver",
           "AQYL_TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    env.pop("AQYL_DATABASE_URL", None)
    assert subprocess.run([*AQYL, "demo", "--out", str(out)], env=env, capture_output=True).returncode == 0
    db = out / "aqyl-demo.sqlite3"
    env["AQYL_DATABASE_URL"] = f"sqlite:///{db}"
    upload = tmp_path / "almau.csv"
    upload.write_text(csv_text([{**GOOD, "record_id": f"W{k}"} for k in range(3)]), "utf-8")
    with open(f"{db}.write-lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as an import storing its rows does
        child = subprocess.Popen([sys.executable, "-c", WEB_UPLOAD, str(upload)], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "checked"
        time.sleep(2)
    out_text, err = child.communicate(timeout=120)
    assert child.returncode == 0, err[-2000:]
    assert float(out_text.split("stored after ")[1].split(" s")[0]) >= 1.5
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT s.version, s.row_count, s.submitted_by FROM aqyl_submission s JOIN aqyl_hei h "
                            "ON h.id = s.hei_id WHERE h.code = 'ALMAU' AND s.period = '2023H1' AND s.is_current"
                            ).fetchall() == [(2, 3, "officer")]

"""Faults become one message in the user's language, exit 2, and nothing half-written (issue 17):
a full disk, a read-only database, a writer holding it past the wait, a damaged file, a
PostgreSQL server that refuses, a malformed database address; and the command as a user of its
own (--user roles, files that fail on their own, a summary that fits a screen). Real faults
where this machine can make them: tmpfs mounts for a full and a read-only disk, kill -9."""

from __future__ import annotations

import fcntl
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aqyl.config import PAGE_SIZE
from conftest import run_aqyl
from test_import_check import GOOD, csv_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from records import varied_frame

AQYL = [sys.executable, "-m", "aqyl.cli"]


def run(tmp_path, *args, url: str | None = None, timeout: int = 300, **env) -> subprocess.CompletedProcess:
    return run_aqyl(tmp_path / "data", *args, url=url, timeout=timeout, **{"COLUMNS": "120", **env})


def one_line(text: str) -> str:
    """The message as one line (rich wraps it at the terminal's width)."""
    return " ".join(text.split())


def rows_csv(path: Path, n: int, hei: str = "ALMAU") -> Path:
    path.write_text(csv_text([{**GOOD, "record_id": f"R{i}", "hei": hei} for i in range(n)]), "utf-8")
    return path


def imported(tmp_path, *args, url: str | None = None, **env) -> tuple[subprocess.CompletedProcess, list[str]]:
    """``aqyl import`` with --report: the process and each file-level message, exactly as written."""
    import json

    report = tmp_path / "report.json"
    report.unlink(missing_ok=True)
    done = run(tmp_path, "import", *args, "--report", str(report), url=url, **env)
    assert "Traceback" not in done.stdout + done.stderr
    return done, [e["message"] for e in json.loads(report.read_text("utf-8"))["errors"] if not e["row"]]


def records(tmp_path, url: str) -> str:
    done = run(tmp_path, "db", "--lang", "en", url=url)
    assert done.returncode == 0, done.stderr
    return done.stdout.split("records: ")[1].strip()


@pytest.fixture
def mount(tmp_path):
    """A tmpfs of the given size at tmp_path/disk (root only); unmounted afterwards."""
    place = tmp_path / "disk"
    mounted = []

    def make(size: str) -> Path:
        place.mkdir(exist_ok=True)
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(place)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot mount a tmpfs here (needs root)")
        mounted.append(place)
        return place

    yield make
    for p in mounted:
        subprocess.run(["umount", "-l", str(p)], check=False)


# --- the database address -------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["sqlite://x.db", "sqlite:///", "garbage", "postgresql://user:secret@host:5432/"])
def test_a_malformed_database_address_is_refused_with_the_accepted_forms(tmp_path, url):
    done = run(tmp_path, "import", str(rows_csv(tmp_path / "a.csv", 2)), "--lang", "en", url=url)
    shown = url.replace(":secret@", ":***@")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert one_line(done.stderr) == (
        f"✗ The database address AQYL_DATABASE_URL “{shown}” is not valid. Accepted forms: "
        "sqlite:////absolute/path/aqyl.sqlite3, sqlite:///relative/path/aqyl.sqlite3, "
        "postgresql://user:password@host:5432/database.")
    assert "secret" not in done.stderr


def test_a_postgresql_server_that_is_not_there(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends
    done = run(tmp_path, "import", str(rows_csv(tmp_path / "a.csv", 2)), "--lang", "ru",
               url=f"postgresql://aqyl:pw@127.0.0.1:{port}/aqyl")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    text = one_line(done.stderr)
    assert text.startswith(f"✗ Не удаётся подключиться к базе данных PostgreSQL aqyl@127.0.0.1:{port}/aqyl (")
    assert text.endswith("Проверьте, что сервер запущен и что в AQYL_DATABASE_URL верно указаны сервер, порт и имя базы.")


def test_a_wrong_postgresql_password(tmp_path, postgres_database):
    # scripts/test.sh's server trusts loopback except for this one role, which must give its password.
    import psycopg

    with psycopg.connect(postgres_database, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = 'aqyl_password_check'").fetchone()
        if not exists:
            admin.execute("CREATE ROLE aqyl_password_check LOGIN PASSWORD 'right-password'")
    server, name = postgres_database.split("://", 1)[1].split("@", 1)[1].rsplit("/", 1)
    wrong = f"postgresql://aqyl_password_check:wrong-password@{server}/{name}"
    done = run(tmp_path, "db", "--lang", "en", url=wrong)
    assert done.returncode == 2, done.stderr
    assert one_line(done.stderr) == (
        f"✗ The database PostgreSQL aqyl_password_check@{server}/{name} refused the user name or password. "
        "Check the user and password in AQYL_DATABASE_URL.")


# --- SQLite faults ----------------------------------------------------------------------------------
def test_a_full_disk_leaves_the_database_as_it_was(tmp_path, mount):
    made = tmp_path / "made.sqlite3"
    assert run(tmp_path, "import", str(rows_csv(tmp_path / "small.csv", 5)), url=f"sqlite:///{made}").returncode == 0
    disk = mount(f"{made.stat().st_size // 1024 + 1024}k")  # the database and 1 MB to spare
    (disk / "aqyl.sqlite3").write_bytes(made.read_bytes())
    url = f"sqlite:///{disk / 'aqyl.sqlite3'}"
    big = tmp_path / "big.csv"
    varied_frame(30_000).write_csv(big)
    done, said = imported(tmp_path, str(big), "--lang", "kk", url=url)
    assert done.returncode == 2
    assert said == [f"Диск толып қалды: SQLite {disk / 'aqyl.sqlite3'} жазылмады. Ештеңе сақталмады. "
                    "Дискіде орын босатып, команданы қайта орындаңыз."]
    assert records(tmp_path, url) == "5"
    assert not list(disk.glob("*.scratch-*"))


def test_a_read_only_database(tmp_path, mount):
    disk = mount("20m")
    url = f"sqlite:///{disk / 'aqyl.sqlite3'}"
    assert run(tmp_path, "import", str(rows_csv(tmp_path / "small.csv", 5)), url=url).returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    # SQLite cannot even open a WAL database there: the command stops before reading any file.
    done = run(tmp_path, "import", str(rows_csv(tmp_path / "more.csv", 7, "ENU")), "--lang", "en", url=url)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert one_line(done.stderr) == (
        f"✗ The database SQLite {disk / 'aqyl.sqlite3'} cannot be written (read-only). Nothing was stored. "
        "Check the write permissions of the file and its folder, or use another database.")


def test_a_writer_holding_the_database_past_the_wait(tmp_path):
    url = f"sqlite:///{tmp_path / 'aqyl.sqlite3'}"
    assert run(tmp_path, "db", url=url).returncode == 0
    with open(f"{tmp_path / 'aqyl.sqlite3'}.write-lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        done, said = imported(tmp_path, str(rows_csv(tmp_path / "a.csv", 3)), "--lang", "en", url=url,
                              AQYL_WRITE_WAIT="1")
    assert done.returncode == 2
    assert "a.csv: the database is busy with another import, waiting for its turn…" in one_line(done.stderr)
    assert said == [f"The database SQLite {tmp_path / 'aqyl.sqlite3'} is busy with another write and did not become "
                    "free in 1 second. Nothing was stored. Run the command again when the other write has finished "
                    "(AQYL_WRITE_WAIT sets how long to wait)."]
    assert records(tmp_path, url) == "0"


def test_a_damaged_database_and_db_check(tmp_path):
    db = tmp_path / "aqyl.sqlite3"
    url = f"sqlite:///{db}"
    assert run(tmp_path, "import", str(rows_csv(tmp_path / "a.csv", 3)), url=url).returncode == 0
    done = run(tmp_path, "db", "--check", "--lang", "en", url=url)
    assert done.returncode == 0 and one_line(done.stdout) == f"Integrity check passed: SQLite {db}."
    page = int.from_bytes(db.read_bytes()[16:18], "big")  # the header's page size
    assert page == PAGE_SIZE  # a new database's (aqyl.config)
    with db.open("r+b") as f:  # overwrite pages in the middle of the file
        f.seek(page * 2)
        f.write(b"\xff" * page * 3)
    done = run(tmp_path, "db", "--check", "--lang", "en", url=url)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert one_line(done.stderr).startswith(f"✗ The integrity check found the database SQLite {db} damaged (")
    assert one_line(done.stderr).endswith("). Restore it from its last backup: aqyl restore-db BACKUP --yes.")
    done, said = imported(tmp_path, str(rows_csv(tmp_path / "b.csv", 3, "ENU")), "--lang", "en", url=url)
    assert done.returncode == 2 and len(said) == 1 and f"The database SQLite {db} is damaged (" in said[0]


def test_kill_9_during_the_write_leaves_a_scratch_file_the_next_import_removes(tmp_path):
    db = tmp_path / "aqyl.sqlite3"
    url = f"sqlite:///{db}"
    assert run(tmp_path, "import", str(rows_csv(tmp_path / "small.csv", 4)), url=url).returncode == 0
    big = tmp_path / "big.csv"
    varied_frame(150_000).write_csv(big)
    env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {
        "AQYL_DATA_DIR": str(tmp_path / "data"), "AQYL_DATABASE_URL": url}
    child = subprocess.Popen([*AQYL, "import", str(big)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob("aqyl.sqlite3.scratch-*")) and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait()
    left = list(tmp_path.glob("aqyl.sqlite3.scratch-*"))
    assert left, "the import ended before its scratch file could be seen"
    assert records(tmp_path, url) == "4"
    assert run(tmp_path, "import", str(rows_csv(tmp_path / "next.csv", 2, "ENU")), url=url).returncode == 0
    assert not list(tmp_path.glob("aqyl.sqlite3.scratch-*"))
    assert records(tmp_path, url) == "6"


def test_the_secret_key_is_whole_or_regenerated(tmp_path):
    key = tmp_path / "data" / "secret-key"
    key.parent.mkdir(parents=True)
    key.write_text("")  # left by an older version on a full disk
    assert run(tmp_path, "db").returncode == 0
    first = key.read_text()
    assert len(first) > 40 and key.stat().st_mode & 0o777 == 0o600
    assert run(tmp_path, "db").returncode == 0 and key.read_text() == first
    assert not list(key.parent.glob("*.partial"))


# --- the command as a user of its own ---------------------------------------------------------------
def test_files_fail_on_their_own_and_the_summary_names_them(tmp_path):
    good, other = rows_csv(tmp_path / "good.csv", 3), rows_csv(tmp_path / "other.csv", 2, "ENU")
    odd = tmp_path / os.fsdecode(b"\xff-\xd0-name.csv")
    rows_csv(odd, 4, "KAZNU")
    done, said = imported(tmp_path, str(good), "/dev/zero", str(tmp_path / "missing.csv"), str(odd), str(other),
                          "--lang", "en")
    assert done.returncode == 2, done.stderr
    assert said == ["zero is not a regular file (a pipe, a device or a socket) and was not read. Give the path of a "
                    "CSV, XLSX or ODS file.", f"File {tmp_path / 'missing.csv'} was not found."]
    assert "�-�-name.csv" in done.stdout
    assert records(tmp_path, None) == "9"


def test_user_must_be_a_real_account_whose_role_decides(tmp_path):
    out = tmp_path / "demo"
    assert run(tmp_path, "demo", "--out", str(out)).returncode == 0
    url = f"sqlite:///{out / 'aqyl-demo.sqlite3'}"
    before = records(tmp_path, url)
    done = run(tmp_path, "import", str(rows_csv(tmp_path / "a.csv", 2)), "--user", "nobody", "--lang", "en", url=url)
    assert done.returncode == 2 and one_line(done.stderr) == "There is no user “nobody”."
    done = run(tmp_path, "import", str(rows_csv(tmp_path / "a.csv", 2)), "--user", "analyst", "--lang", "ru", url=url)
    assert done.returncode == 2 and one_line(done.stderr) == (
        "Пользователь «analyst» (аналитик) не может сохранять отчёты: это могут только сотрудники вузов (по своему вузу) "
        "и администраторы.")
    # The officer of ALMAU: another HEI's rows are refused whole, as on the web.
    done, said = imported(tmp_path, str(rows_csv(tmp_path / "enu.csv", 2, "ENU")), "--user", "officer", "--lang", "en",
                          url=url)
    assert done.returncode == 1
    assert said == ["The file has rows of another HEI (ENU). You may upload only your own HEI's (ALMAU) data; "
                    "nothing was stored."]
    assert records(tmp_path, url) == before
    done = run(tmp_path, "import", str(rows_csv(tmp_path / "own.csv", 2)), "--user", "officer", "--lang", "en", url=url)
    assert done.returncode == 0, done.stdout
    done = run(tmp_path, "submissions", "--hei", "ALMAU", "--period", "2023H1", "--lang", "en", url=url)
    assert "officer" in done.stdout


def test_a_thousand_submissions_fit_on_one_screen(tmp_path):
    path = tmp_path / "national.csv"
    frame = varied_frame(4_000)
    frame.write_csv(path)
    n = frame.select("hei", "period").unique().height
    assert n > 1000
    done = run(tmp_path, "import", str(path), "--report", str(tmp_path / "r.json"), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) < 30
    assert one_line(done.stdout).endswith(
        f"{n} submissions in all (61 HEIs, 20 periods); the other {n - 10} are listed in the --report file.")
    import json

    assert len(json.loads((tmp_path / "r.json").read_text())["files"][0]["submissions"]) == n


def test_a_large_import_is_in_the_database_file_when_the_command_returns(tmp_path):
    # The WAL is copied into the database beside the summary (aqyl.store.register), and the
    # process waits for that before it exits: the file alone, read without its WAL, holds every row.
    import sqlite3

    db = tmp_path / "aqyl.sqlite3"
    big = tmp_path / "big.csv"
    varied_frame(30_000).write_csv(big)
    done = run(tmp_path, "import", str(big), "--lang", "en", url=f"sqlite:///{db}")
    assert done.returncode == 0, done.stderr
    wal = tmp_path / "aqyl.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(f"file:{db}?immutable=1", uri=True) as alone:
        assert alone.execute("SELECT count(*) FROM aqyl_mobilityrecord").fetchone() == (30_000,)
        assert alone.execute("PRAGMA page_size").fetchone() == (PAGE_SIZE,)


def test_a_large_import_never_waits_for_a_reader_to_empty_the_wal(tmp_path):
    # The checkpoint after a large import empties the WAL only when nobody reads; a reader on an
    # older snapshot (a web page being drawn) is left alone and the command still ends at once.
    import sqlite3

    db = tmp_path / "aqyl.sqlite3"
    url = f"sqlite:///{db}"
    assert run(tmp_path, "db", url=url).returncode == 0
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM aqyl_mobilityrecord").fetchone() == (0,)
    big = tmp_path / "big.csv"
    varied_frame(30_000).write_csv(big)
    started = time.perf_counter()
    done = run(tmp_path, "import", str(big), "--lang", "en", url=url, timeout=120)
    assert done.returncode == 0, done.stderr
    assert time.perf_counter() - started < 60  # the checkpoint's connection waits for nobody
    assert reader.execute("SELECT count(*) FROM aqyl_mobilityrecord").fetchone() == (0,)  # its snapshot
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM aqyl_mobilityrecord").fetchone() == (30_000,)
    reader.close()
    assert records(tmp_path, url) == "30000"


def test_the_process_ends_with_its_exit_code_and_everything_written(tmp_path):
    # As a process: the exit codes, the whole summary, the report file (a large import's
    # checkpoint thread must not cut any of them short).
    import json

    url = f"sqlite:///{tmp_path / 'aqyl.sqlite3'}"
    good = rows_csv(tmp_path / "good.csv", 3)
    done = run(tmp_path, "import", str(good), "--report", str(tmp_path / "r.json"), "--lang", "en", url=url)
    assert done.returncode == 0 and done.stdout.rstrip().endswith("┘")
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["files"][0]["stored"] == 3
    bad = tmp_path / "bad.csv"
    bad.write_text(csv_text([{**GOOD, "record_id": "R1", "partner_country": "XX"}]), "utf-8")
    assert run(tmp_path, "import", str(bad), "--lang", "en", url=url).returncode == 1
    assert run(tmp_path, "import", str(tmp_path / "none.csv"), "--lang", "en", url=url).returncode == 2
    assert run(tmp_path, "nosuch", url=url).returncode == 2
    assert records(tmp_path, url) == "3"


def test_a_database_path_that_is_not_a_database_or_cannot_be_made_is_said_so(tmp_path):
    # SQLite's faults got the PostgreSQL advice ("check that the server is running"), a CSV was
    # "damaged", and a folder that cannot be made was "Internal error", exit 3.
    other = rows_csv(tmp_path / "a.csv", 2)
    done = run(tmp_path, "db", "--check", "--lang", "ru", url=f"sqlite:///{other}")
    assert (done.returncode, one_line(done.stderr)) == (2, (
        f"✗ Файл SQLite {other} не является базой данных. Проверьте путь в AQYL_DATABASE_URL; если это и есть база, "
        "восстановите её из резервной копии."))
    under_a_file = other / "aqyl.sqlite3"
    done = run(tmp_path, "hei", "list", "--lang", "kk", url=f"sqlite:///{under_a_file}")
    assert (done.returncode, one_line(done.stderr)) == (2, (
        f"✗ SQLite {under_a_file} дерекқор файлы ашылмады. AQYL_DATABASE_URL ішіндегі жол дұрыс екенін және бума бар "
        "әрі оған жазуға болатынын тексеріңіз."))
    assert other.read_text("utf-8").startswith("record_id,period,")  # untouched

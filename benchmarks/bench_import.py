"""`aqyl import` against the sqlite3 shell's raw `.import` of the same file, in one run, on data of
every shape (issue 17).

    apt-get install sqlite3            # the peer; the benchmark only
    .venv/bin/python benchmarks/bench_import.py [--rows 1000000] [--xlsx-rows 100000] [--repeat 1]
        [--pg postgresql://user@host:port/db] [--shapes varied,tidy,kk,ru]

Shapes (benchmarks/records.py), each written as a canonical CSV:
- varied: rows spread uniformly over all 61 HEIs, the 20 half-years 2016–2025 and 5,400 partner
  institutions, every coded column uniform: almost every row its own combination of the report's
  columns (1,220 submissions), as a national file is;
- tidy: rows drawn from the demo's records (HEIs named in Russian, two periods, 115 submissions);
- kk, ru: the varied rows as a filled-in template: the template's headers and every coded cell
  and HEI written as its Kazakh or Russian label.
Timed, each a fresh process on an empty database (created and migrated beforehand, untimed), after
the page cache's dirty pages were written out (sync, untimed):
- `sqlite3 DB ".import --csv FILE t"`: the raw load, no checks, no index;
- `aqyl import FILE`: read, check every cell, store in one transaction; peak RSS; database size
  against the CSV's;
- with --pg: psql's raw `\\copy` of the same file into a table of text columns (no constraint,
  no index: the peer on that engine), then the same import into PostgreSQL (COPY), the database
  emptied between shapes; and psql's `\\copy` of the rows the import stored into a table LIKE the
  register's (INCLUDING ALL: the same CHECK constraints, indexes and identity), the decided peer
  of the PostgreSQL import (target ≤ 1.5×);
- the report model (`report_data`, both periods, every breakdown) on the varied database,
  in-process; with --pg also on PostgreSQL's varied and tidy records, right after their import;
- the first --xlsx-rows varied rows as an XLSX workbook with the kk template's headers.
Targets: ≥ 100,000 rows/s and ≤ 2× the sqlite3 shell on SQLite, ≤ 1.5× psql's constrained copy on PostgreSQL,
peak memory < 2 GB, database ≤ 3× the CSV, report model ≤ 1 s. Compare ratios within one run.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from records import varied_frame, write_csv


def child_env(data: Path, url: str | None = None) -> dict:
    env = {**os.environ, "AQYL_DATA_DIR": str(data)}
    env.pop("AQYL_DATABASE_URL", None)
    if url:
        env["AQYL_DATABASE_URL"] = url
    return env


def aqyl(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aqyl.cli", *args], env=env, capture_output=True, text=True)


def cpu_seconds() -> float:
    """User + system CPU time of the finished children so far: steadier than the wall time on a
    shared machine (the neighbours' load stretches the wall time, not the work)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_import(path: Path, data: Path, url: str | None = None) -> tuple[float, float, float]:
    """Seconds, peak RSS (MB) and CPU seconds of `aqyl import` in a fresh child process. The peak
    is this child's own (os.wait4), not the largest of every child so far (RUSAGE_CHILDREN's)."""
    env = child_env(data, url)
    assert aqyl(["db"], env).returncode == 0
    settle()
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:  # a file, not a pipe: nothing to read while it runs
        child = subprocess.Popen([sys.executable, "-m", "aqyl.cli", "import", str(path), "--lang", "en"], env=env,
                                 stdout=output, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        output.seek(0)
        assert child.returncode == 0, output.read()[-4000:]
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def settle() -> None:
    """Write out what the runs before left in the page cache, untimed: the previous import's 300
    MB would otherwise be flushed during the next timed command (both peers get this)."""
    os.sync()
    time.sleep(0.5)


def run_sqlite_shell(path: Path, tmp: Path) -> tuple[float, float]:
    """Seconds and CPU seconds of the sqlite3 shell's `.import`."""
    db = tmp / "raw.sqlite3"
    db.unlink(missing_ok=True)
    settle()
    cpu = cpu_seconds()
    start = time.perf_counter()
    subprocess.run(["sqlite3", str(db), f".import --csv {path} t"], check=True)
    return time.perf_counter() - start, cpu_seconds() - cpu


def run_psql_copy(path: Path, url: str) -> float:
    """Seconds of psql's raw `\\copy` of the CSV into a table of text columns with no constraint
    and no index: PostgreSQL's peer of the sqlite3 shell's `.import` (created and dropped untimed)."""
    with path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    columns = ", ".join(f"c{i} text" for i in range(len(header)))
    psql = ["psql", url, "-q", "-v", "ON_ERROR_STOP=1"]
    subprocess.run([*psql, "-c", f"SET client_min_messages = warning; DROP TABLE IF EXISTS raw_copy; CREATE TABLE raw_copy ({columns})"], check=True)
    settle()
    start = time.perf_counter()
    subprocess.run([*psql, "-c", f"\\copy raw_copy FROM '{path}' WITH (FORMAT csv, HEADER true)"], check=True)
    seconds = time.perf_counter() - start
    subprocess.run([*psql, "-c", "DROP TABLE raw_copy; CHECKPOINT"], check=True)
    return seconds


def run_psql_copy_constrained(url: str, tmp: Path) -> float:
    """Seconds of psql's `\\copy` of the rows the import just stored, as the table holds them, into
    a table LIKE the register's (INCLUDING ALL: the same CHECK constraints, indexes, defaults and
    identity): what the server alone spends to load those rows with the register's rules, the
    decided peer of the PostgreSQL import (copied out and the table made and dropped untimed)."""
    rows = tmp / "stored-rows.csv"
    psql = ["psql", url, "-q", "-v", "ON_ERROR_STOP=1"]
    subprocess.run([*psql, "-c", f"\\copy (SELECT * FROM aqyl_mobilityrecord) TO '{rows}' WITH (FORMAT csv)"], check=True)
    subprocess.run([*psql, "-c", "SET client_min_messages = warning; DROP TABLE IF EXISTS peer_records; "
                    "CREATE TABLE peer_records (LIKE aqyl_mobilityrecord INCLUDING ALL)"], check=True)
    settle()
    start = time.perf_counter()
    subprocess.run([*psql, "-c", f"\\copy peer_records FROM '{rows}' WITH (FORMAT csv)"], check=True)
    seconds = time.perf_counter() - start
    subprocess.run([*psql, "-c", "DROP TABLE peer_records; CHECKPOINT"], check=True)
    rows.unlink()
    return seconds


def empty_pg(url: str, tmp: Path) -> None:
    env = child_env(tmp / "pg-data", url)
    # The server's own catch-up (the checkpoint of the last shape's writes) is done here, untimed.
    code = ("from aqyl.store.bootstrap import setup; setup(); from django.db import connection; "
            "c = connection.cursor(); c.execute('TRUNCATE aqyl_mobilityrecord, aqyl_archivedrecord, aqyl_submission CASCADE'); "
            "c.execute('VACUUM ANALYZE'); c.execute('CHECKPOINT')")
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def report_time(data: Path, repeat: int, url: str | None = None) -> float:
    env = child_env(data, url)
    code = ("import time, statistics; from aqyl.store.bootstrap import setup; setup(); "
            "from aqyl.store.report_data import report_data; t = [];\n"
            f"for _ in range({repeat + 1}):\n"
            "    s = time.perf_counter(); d = report_data('2023H1'); t.append(time.perf_counter() - s)\n"
            "print(statistics.median(t[1:]), d['periods']['2023H1']['both']['total'])")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.split()
    return float(out[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--shapes", default="varied,tidy,kk,ru")
    parser.add_argument("--pg", default="", help="a postgresql:// URL of a throwaway database")
    args = parser.parse_args()
    if not shutil.which("sqlite3"):
        sys.exit("install the sqlite3 shell first: apt-get install sqlite3")
    if args.pg and not shutil.which("psql"):
        sys.exit("install psql first: apt-get install postgresql-client")
    with tempfile.TemporaryDirectory(dir=os.environ.get("AQYL_BENCH_TMP")) as name:
        tmp = Path(name)
        files = {}
        for shape in args.shapes.split(","):
            path = tmp / f"{shape}.csv"
            if shape == "tidy":
                write_csv(path, {"2023H1": args.rows // 2, "2022H1": args.rows - args.rows // 2}, hei_as="name_ru")
            else:
                varied_frame(args.rows, labels="" if shape == "varied" else shape).write_csv(path)
            files[shape] = path
        print(f"machine: {os.cpu_count()} CPUs reported; rows per file {args.rows:,}; "
              f"load average {os.getloadavg()[0]:.1f}")
        for shape, path in files.items():
            mb = path.stat().st_size / 1e6
            shells, runs = [], []
            for i in range(args.repeat):  # interleaved, so both see the same neighbours
                shells.append(run_sqlite_shell(path, tmp))
                runs.append(run_import(path, tmp / f"data-{shape}-{i}"))
            shell, shell_cpu = (statistics.median(x[k] for x in shells) for k in (0, 1))
            ours, cpu = (statistics.median(x[k] for x in runs) for k in (0, 2))
            peak = max(x[1] for x in runs)
            db = (tmp / f"data-{shape}-0" / "aqyl.sqlite3").stat().st_size / 1e6
            print(f"{shape:6} CSV {mb:,.0f} MB: sqlite3 .import {shell:.2f} s (CPU {shell_cpu:.2f} s); aqyl import "
                  f"{ours:.2f} s (CPU {cpu:.2f} s) = {args.rows / ours:,.0f} rows/s, ratio {ours / shell:.2f}; "
                  f"peak RSS {peak:,.0f} MB; database {db:,.0f} MB = {db / mb:.2f}× the CSV; "
                  f"load average {os.getloadavg()[0]:.1f}")
            if args.pg:
                raw = run_psql_copy(path, args.pg)
                empty_pg(args.pg, tmp)
                pg = run_import(path, tmp / f"pg-{shape}", args.pg)[0]
                same = run_psql_copy_constrained(args.pg, tmp)
                print(f"       PostgreSQL (COPY): {pg:.2f} s = {args.rows / pg:,.0f} rows/s; psql \\copy into text "
                      f"columns {raw:.2f} s, ratio {pg / raw:.2f}; psql \\copy of the stored rows into a table with "
                      f"the register's constraints and indexes {same:.2f} s, ratio {pg / same:.2f} (target ≤ 1.5)")
                if shape in ("varied", "tidy"):  # right after the import: the table not yet analysed
                    print(f"       PostgreSQL report model (in-process): "
                          f"{report_time(tmp / f'pg-{shape}', 3, args.pg):.3f} s")
            if shape == "varied":
                print(f"       report model (2023H1 against 2022H1, in-process): {report_time(tmp / 'data-varied-0', 3):.3f} s")
        if args.xlsx_rows:
            xlsx = tmp / "varied-kk.xlsx"
            varied_frame(args.xlsx_rows, labels="kk").write_excel(xlsx, autofit=False)
            seconds = run_import(xlsx, tmp / "data-xlsx")[0]
            print(f"XLSX {args.xlsx_rows:,} rows (kk template headers and labels): aqyl import {seconds:.2f} s = "
                  f"{args.xlsx_rows / seconds:,.0f} rows/s")


if __name__ == "__main__":
    main()

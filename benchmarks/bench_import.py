"""Importing a canonical CSV of N rows (and an XLSX of M rows) into a fresh SQLite database.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/bench_import.py [--rows 1000000] [--xlsx-rows 100000] [--repeat 3]

The rows are drawn (seeded) from the demo's records, HEIs named in Russian as an international
office would write them, every row with its own record and person ID, dates and a period
(benchmarks/records.py). Timed, median of --repeat runs:
- `aqyl import FILE` as a fresh process on an empty database: read, check every cell, store the
  submissions (records and counts) in one transaction; and its peak resident memory;
- `import_file(FILE)` in this process (start-up excluded, as for pandas), the tables emptied and
  vacuumed between runs;
- `pandas.read_csv(FILE)` alone, default options, in this process;
- `aqyl import` of the same rows' first M as an XLSX workbook.
Targets (issue 3): ≥ 100,000 rows/s and ≤ 5× pandas for the CSV, ≥ 20,000 rows/s for the XLSX,
peak memory under 2 GB. Compare ratios, not seconds, on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from records import write_csv


def run_import(path: Path, tmp: Path, run: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of `aqyl import` in a child process with its own database
    (created and migrated beforehand, untimed: that happens once per installation)."""
    env = {**os.environ, "AQYL_DATA_DIR": str(tmp / f"data-{path.suffix}-{run}")}
    env.pop("AQYL_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "aqyl.cli", "db"], env=env, capture_output=True, check=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "aqyl.cli", "import", str(path), "--lang", "en"],
                          env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def in_process(path: Path, tmp: Path, repeat: int) -> list[float]:
    os.environ["AQYL_DATA_DIR"] = str(tmp / "in-process")
    os.environ.pop("AQYL_DATABASE_URL", None)
    from aqyl.store.bootstrap import setup

    setup()
    from django.db import connection

    from aqyl.store.imports import import_file

    times = []
    for _ in range(repeat):
        with connection.cursor() as cursor:
            for table in ("aqyl_recordcount", "aqyl_partnercount", "aqyl_archivedrecord", "aqyl_mobilityrecord",
                          "aqyl_submission"):
                cursor.execute(f"DELETE FROM {table}")
            cursor.execute("VACUUM")
        start = time.perf_counter()
        report, _ = import_file(path)
        times.append(time.perf_counter() - start)
        assert report.stored == report.rows
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import pandas as pd

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        csv_path = tmp / "mobility.csv"
        frame = write_csv(csv_path, {"2023H1": args.rows // 2, "2022H1": args.rows - args.rows // 2}, hei_as="name_ru")
        xlsx_path = tmp / "mobility.xlsx"
        frame.head(args.xlsx_rows).write_excel(xlsx_path, autofit=False)
        print(f"files: {csv_path.stat().st_size / 1e6:.0f} MB CSV, {xlsx_path.stat().st_size / 1e6:.0f} MB XLSX",
              file=sys.stderr)

        pandas_times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            assert len(pd.read_csv(csv_path)) == args.rows
            pandas_times.append(time.perf_counter() - start)
        csv_runs = [run_import(csv_path, tmp, i) for i in range(args.repeat)]
        inside = statistics.median(in_process(csv_path, tmp, args.repeat))
        xlsx_runs = [run_import(xlsx_path, tmp, i) for i in range(args.repeat)]

        ours = statistics.median(s for s, _ in csv_runs)
        theirs = statistics.median(pandas_times)
        xlsx = statistics.median(s for s, _ in xlsx_runs)
        peak = max(m for _, m in csv_runs)
        print(f"CSV  {args.rows:,} rows: aqyl import {ours:.2f} s = {args.rows / ours:,.0f} rows/s "
              f"(runs {', '.join(f'{s:.2f}' for s, _ in csv_runs)}), peak RSS {peak:,.0f} MB")
        print(f"     pandas.read_csv alone {theirs:.2f} s; ratio aqyl / pandas {ours / theirs:.2f}")
        print(f"     import_file in this process {inside:.2f} s = {args.rows / inside:,.0f} rows/s; "
              f"ratio to pandas {inside / theirs:.2f}")
        print(f"XLSX {args.xlsx_rows:,} rows: aqyl import {xlsx:.2f} s = {args.xlsx_rows / xlsx:,.0f} rows/s "
              f"(runs {', '.join(f'{s:.2f}' for s, _ in xlsx_runs)})")


if __name__ == "__main__":
    main()

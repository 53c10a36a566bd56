"""Time the records download (/records/?format=csv|xlsx): N records of 2023H1, each coded column as
its Kazakh label and its code, cells formula-safe, against the peer in the same run: the same rows
dumped as they are stored (``values_list`` → ``csv.writer``, no labels, no names, no checks).

    PYTHONPATH=src python benchmarks/bench_export.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="aqyl-bench-export-")
    os.environ["AQYL_DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("AQYL_DATA_DIR", folder)
    from aqyl.store.bootstrap import setup

    setup()
    from aqyl.app import records as record_list
    from aqyl.app.imports import import_file
    from aqyl.store import models as m
    from benchmarks.records import write_csv

    path = Path(folder) / "records.csv"
    write_csv(path, {"2023H1": args.rows})
    import_file(path)
    qs = record_list.filtered(m.MobilityRecord.objects.all(), {"period": "2023H1"})
    n = qs.count()

    def timed(work) -> list[float]:
        out = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            work()
            out.append(time.perf_counter() - started)
        return out

    def plain() -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in m.MobilityRecord.objects.filter(period="2023H1").values_list().iterator(chunk_size=2000):
            writer.writerow(row)

    peer = statistics.median(timed(plain))
    for name, work in (("csv", lambda: record_list.to_csv(qs, "kk")), ("xlsx", lambda: record_list.to_xlsx(qs, "kk"))):
        times = timed(work)
        t = statistics.median(times)
        print(f"{name}: {n:,} records, median {t:.2f} s ({min(times):.2f}–{max(times):.2f}) = {n / t:,.0f} rows/s; "
              f"plain dump {peer:.2f} s, ratio {t / peer:.1f}")


if __name__ == "__main__":
    main()

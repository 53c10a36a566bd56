"""Time an open-data release on the demo: the whole build (counts, disclosure control with its LP
audit, CSV, datapackage.json, three XLSX and three notes) against the same tables written
without any disclosure control (the peer: counts and CSV only), in one run.

    PYTHONPATH=src python benchmarks/bench_release.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="aqyl-bench-release-")
    os.environ["AQYL_DATABASE_URL"] = f"sqlite:///{folder}/demo.sqlite3"
    os.environ.setdefault("AQYL_DATA_DIR", folder)
    from aqyl.store.bootstrap import setup

    setup()
    from aqyl.app.release import _csv, build, counts
    from aqyl.domain.disclosure import extend
    from aqyl.store.demo import load_demo

    load_demo()
    full, plain = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        build("2023H1")
        full.append(time.perf_counter() - started)
        started = time.perf_counter()
        for cells in counts("2023H1").values():
            rows, cols = sorted({r for r, _ in cells}), sorted({c for _, c in cells})
            table = extend(rows, cols, cells)
            _csv(["row", "column", "count"], [[r, c, int(table[i, j])] for i, r in enumerate(rows)
                                               for j, c in enumerate(cols)])
        plain.append(time.perf_counter() - started)
    f, p = statistics.median(full), statistics.median(plain)
    print(f"release with disclosure control: median {f:.2f} s ({min(full):.2f}–{max(full):.2f})")
    print(f"tables without it (counts + CSV): median {p:.3f} s; ratio {f / p:.0f}")


if __name__ == "__main__":
    main()

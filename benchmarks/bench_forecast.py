"""Forecasts with rolling-origin back-tests for 200 real series.

    .venv/bin/python benchmarks/bench_forecast.py [--series 200] [--workers 2]

The series are UIS origin→destination student flows (../shared/datasets), the 200 longest
unbroken runs of years ending in 2019 (at least 6 years). Timed: all of them one after the other
in this process, then spread over --workers processes. Target (issue 6): 200 series ≤ 60 s.
"""

# ruff: noqa: E402  (the BLAS settings must come before numpy is imported)
from __future__ import annotations

import os

# Tiny matrices: BLAS threads only fight each other (with them, two processes took 151 s, not 26).
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse
import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import polars as pl

from aqyl.domain.migration.forecast import forecast
from aqyl.importers.flows import read_flows

UIS = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "uis-student-flows" / "popular-destinations-by-origin.csv"


def series(n: int) -> list[tuple[list[int], list[float]]]:
    frame = read_flows(UIS, "uis").frame.filter(pl.col("year") <= 2019).sort("year")
    runs = []
    for (_, _), part in frame.group_by("origin", "destination"):
        years, values = part["year"].to_list(), part["count"].to_list()
        start = len(years) - 1
        while start > 0 and years[start - 1] == years[start] - 1:
            start -= 1
        if years[-1] == 2019 and len(years) - start >= 6:
            runs.append((years[start:], values[start:]))
    runs.sort(key=lambda r: (-len(r[0]), r[1][-1]))
    return runs[:n]


def one(item: tuple[list[int], list[float]]) -> str:
    return forecast(item[0], item[1], horizon=5).method


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--series", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not UIS.exists():
        sys.exit(f"{UIS} is not here")
    items = series(args.series)
    one(items[0])  # statsmodels' import is not the forecasts' time
    start = time.perf_counter()
    chosen = Counter(one(item) for item in items)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        list(pool.map(one, items, chunksize=8))
    parallel = time.perf_counter() - start
    lengths = [len(y) for y, _ in items]
    print(f"{len(items)} series, {min(lengths)}–{max(lengths)} years (median {statistics.median(lengths)}), horizon 5")
    print(f"one process: {serial:.1f} s ({serial / len(items) * 1000:.0f} ms a series); "
          f"{args.workers} processes: {parallel:.1f} s")
    print("chosen by back-test:", dict(chosen.most_common()))


if __name__ == "__main__":
    main()

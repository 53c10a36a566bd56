"""The research pages' gravity what-if: answered from the kept fit against fitting the model again.

    .venv/bin/python benchmarks/bench_research.py [--repeat 5] [--since 2010]

On a scratch SQLite database under a temporary folder: the UIS file (../shared/datasets) is
imported through aqyl.app.flows, the model is fitted once through the background run's code
(aqyl.app.jobs, run at once), then timed: a what-if (KZ, pull RU=1.2) from the kept fit, as the
page does, against a fresh fit plus the same what-if, as the command line did before fits were
kept. Prints medians and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "uis-student-flows" / "popular-destinations-by-origin.csv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--since", type=int, default=2010)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="aqyl-bench-research-")
    os.environ["AQYL_DATA_DIR"] = folder
    os.environ.pop("AQYL_DATABASE_URL", None)
    os.environ["AQYL_TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    from aqyl.store.bootstrap import setup

    setup()
    from aqyl.app import jobs
    from aqyl.app.flows import import_flows
    from aqyl.app.gravity import fit_flows, gravity_params, kept_fit, parse_changes, scenario

    started = time.perf_counter()
    found = import_flows(DATA, "uis")
    print(f"import {found.stored:,} flows: {time.perf_counter() - started:.2f} s")
    params = gravity_params("uis", since=args.since)
    started = time.perf_counter()
    run = jobs.start("gravity", params)
    print(f"background fit ({run.status}): {time.perf_counter() - started:.2f} s, {run.result['observations']:,} observations")
    changes = parse_changes(pull=["RU=1.2"])

    def from_kept() -> None:
        scenario(kept_fit("uis", since=args.since), changes, "KZ")

    def fresh() -> None:
        scenario(fit_flows("uis", since=args.since), changes, "KZ")

    times = {}
    for name, work in (("kept", from_kept), ("fresh", fresh)):
        runs = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            work()
            runs.append(time.perf_counter() - t)
        times[name] = statistics.median(runs)
        print(f"{name}: median {times[name] * 1000:.0f} ms ({min(runs) * 1000:.0f}–{max(runs) * 1000:.0f})")
    print(f"ratio fresh / kept: {times['fresh'] / times['kept']:.0f}")


if __name__ == "__main__":
    main()

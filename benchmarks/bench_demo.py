"""How long `aqyl demo` takes on a fresh embedded database (run on demand, not in the suite).

    .venv/bin/python benchmarks/bench_demo.py [--runs 5]

Each run is a new process on a new SQLite file, as a user's first `aqyl demo` is: interpreter
start, Django set-up, migrations, registry, 1,048 synthesised records, three argon2 accounts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {"AQYL_DATA_DIR": tmp}
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "aqyl.cli", "demo", "--out", tmp, "--lang", "en"],
                           check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - start)
    print(f"aqyl demo, fresh SQLite, {runs} runs: median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s")


if __name__ == "__main__":
    main()

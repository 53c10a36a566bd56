"""The whole note in one language, every format, from N records in SQLite.

    .venv/bin/python benchmarks/bench_full_report.py [--rows 1000000] [--lang kk] [--repeat 3]

Builds the same throwaway database as bench_report_data.py (N records for 2023H1, N/2 for 2022H1,
drawn from the demo's rows). Timed, median of --repeat runs:
- in one process: `generate_report` (count, write the note, render docx, pdf, html, xlsx, json),
  with the time of each step;
- `aqyl report` as a fresh process, the way a user runs it (imports and start-up included).
The target (issue 4) is ≤ 10 s for the whole note.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_report_data import build, timed

FORMATS = ["docx", "pdf", "html", "xlsx", "json"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--lang", default="kk")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        start = time.perf_counter()
        build(tmp, args.rows)
        print(f"built {args.rows + args.rows // 2:,} records in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        from aqyl.app.reports import generate_report
        from aqyl.domain.report.note import write_note
        from aqyl.render import _renderer
        from aqyl.render.charts import clear_cache
        from aqyl.store.report_data import ReportFilter, report_data

        steps: dict[str, float] = {}
        steps["count (report_data)"], data = timed(lambda: report_data("2023H1"), args.repeat)
        steps["write the note"], doc = timed(lambda: write_note(data, args.lang), args.repeat)
        for fmt in FORMATS[:-1]:
            render = _renderer(fmt)
            # Charts are cached per process (HTML and PDF share them); each step draws its own.
            steps[f"render {fmt}"], _ = timed(lambda render=render: (clear_cache(), render(doc)),
                                              args.repeat)

        def everything():
            clear_cache()
            return generate_report("2023H1", None, ReportFilter(), args.lang, FORMATS, tmp / "out")

        total, (paths, _) = timed(everything, args.repeat)
        cli = [sys.executable, "-m", "aqyl.cli", "report", "--period", "2023H1", "--lang", args.lang,
               "--out", str(tmp / "cli")]
        process, _ = timed(lambda: subprocess.run(cli, check=True, capture_output=True, env=os.environ), args.repeat)
        assert len(paths) == len(FORMATS) and data["periods"]["2023H1"]["both"]["total"] == args.rows
        print(f"{args.rows:,} + {args.rows // 2:,} records, language {args.lang}, median of {args.repeat}:")
        for name, seconds in steps.items():
            print(f"  {name:<22} {seconds:6.2f} s")
        print(f"  {'generate_report, all':<22} {total:6.2f} s")
        print(f"  {'aqyl report (process)':<22} {process:6.2f} s")


if __name__ == "__main__":
    main()

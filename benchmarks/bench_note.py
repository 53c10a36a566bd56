"""The note in one language, every format (docx, pdf, html, xlsx, json), as one process, on the demo.

    .venv/bin/python benchmarks/bench_note.py [--lang kk] [--repeat 3]

Timed, median of --repeat runs, each a fresh process (imports and start-up included, as a user runs
it): `aqyl report --period 2023H1` writing all five files. Also, in one process, each renderer alone
(charts drawn afresh), and the peer: WeasyPrint laying out a plain HTML page with the same text and
tables (no charts, no embedded font), so the PDF's figure reads as a ratio to WeasyPrint's own speed.
Target (issue 15): the whole note ≤ 5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="kk")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare-src", help="another checkout's src folder (e.g. the code before a change): "
                                              "its `aqyl report` is timed in the same run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {"AQYL_DATA_DIR": str(tmp)}
        aqyl = [sys.executable, "-m", "aqyl.cli"]
        subprocess.run([*aqyl, "demo", "--out", str(tmp)], check=True, capture_output=True, env=env)
        env["AQYL_DATABASE_URL"] = f"sqlite:///{tmp / 'aqyl-demo.sqlite3'}"
        report = [*aqyl, "report", "--period", "2023H1", "--lang", args.lang, "--out", str(tmp / "r")]
        process, _ = timed(lambda: subprocess.run(report, check=True, capture_output=True, env=env), args.repeat)
        other = None
        if args.compare_src:
            other_env = env | {"PYTHONPATH": args.compare_src}
            other, _ = timed(lambda: subprocess.run(report, check=True, capture_output=True, env=other_env), args.repeat)

        os.environ.update(env)
        from aqyl.store.bootstrap import setup

        setup()
        from aqyl.domain.report.note import write_note
        from aqyl.render import _renderer
        from aqyl.render.charts import clear_cache
        from aqyl.render.markdown import render_markdown
        from aqyl.store.report_data import report_data

        doc = write_note(report_data("2023H1"), args.lang)
        steps = {}
        for fmt in ("html", "pdf", "docx", "xlsx"):
            render = _renderer(fmt)
            render(doc)  # imports and fonts loaded once, as in the report command
            steps[f"render {fmt}"], _ = timed(lambda render=render: (clear_cache(), render(doc)), args.repeat)
        from weasyprint import HTML

        plain = "<html><body>" + "".join(f"<p>{line}</p>" for line in render_markdown(doc).splitlines()) + "</body></html>"
        peer, _ = timed(lambda: HTML(string=plain).write_pdf(), args.repeat)
        print(f"note 2023H1, language {args.lang}, median of {args.repeat}:")
        print(f"  {'aqyl report, 5 formats (process)':<38} {process:6.2f} s")
        if other is not None:
            print(f"  {'the same, ' + args.compare_src:<38} {other:6.2f} s  (this one = {process / other:.2f}× that)")
        for name, seconds in steps.items():
            print(f"  {name:<38} {seconds:6.2f} s")
        print(f"  {'peer: WeasyPrint, plain page same text':<38} {peer:6.2f} s"
              f"  (render pdf = {steps['render pdf'] / peer:.1f}× the peer)")


if __name__ == "__main__":
    main()

"""Report model on N records in SQLite vs a pandas script computing the same tables from a CSV.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/bench_report_data.py [--rows 1000000] [--repeat 3]

Builds a throwaway SQLite database: N records for 2023H1 and N/2 for 2022H1 drawn (seeded) from
the demo records' rows, so the value mix is the note's, written to a canonical CSV (with the HEI
type alongside, for pandas) and loaded with `import_file`, as users load files; the report
groups the records through their one covering index. Timed, median of --repeat runs, in one process:
- `report_data("2023H1")` (both periods, every breakdown, distinct counts, growth);
- pandas: `read_csv` of that CSV plus the same group-bys and distinct counts.
Prints the two times and their ratio; compare ratios, not seconds, on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from records import write_csv


def build(tmp: Path, rows: int, distinct: bool = False) -> Path:
    """A throwaway SQLite database holding the records, loaded the way users load them:
    `import_file` of a canonical CSV (which also carries each row's HEI type, for pandas)."""
    os.environ["AQYL_DATA_DIR"] = str(tmp)
    os.environ["AQYL_DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    from aqyl.store.bootstrap import setup

    setup()
    from django.db import connection

    from aqyl.app.imports import import_file

    csv_path = tmp / "records.csv"
    write_csv(csv_path, {"2023H1": rows, "2022H1": rows // 2}, with_hei_type=True, distinct=distinct)
    report, _ = import_file(csv_path)
    assert report.stored == rows + rows // 2, report.as_dict("en")["errors"][:3]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return csv_path


def pandas_report(csv_path: Path) -> dict:
    import pandas as pd

    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    df = df[df["category"] == "faculty"]
    out = {}
    for period in ("2023H1", "2022H1"):
        p = df[df["period"] == period]
        per = {}
        for direction, d in [*p.groupby("direction"), ("both", p)]:
            facts = {"total": len(d), "kz_heis": d["hei"].nunique(),
                     "foreign_heis": d.loc[d["partner_institution"] != "", "partner_institution"].nunique(),
                     "countries": d["partner_country"].nunique()}
            for column in ("hei_type", "format", "degree", "study_level", "field", "partner_country", "programme", "hei"):
                facts[column] = d.groupby(column).size().to_dict()
            per[direction] = facts
        out[period] = per
    return out


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--distinct", action="store_true",
                        help="every row its own partner institution: no two records share the report's columns")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        start = time.perf_counter()
        csv_path = build(tmp, args.rows, args.distinct)
        print(f"built {args.rows + args.rows // 2:,} records in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        from aqyl.store.report_data import report_data

        ours, data = timed(lambda: report_data("2023H1"), args.repeat)
        theirs, pdata = timed(lambda: pandas_report(csv_path), args.repeat)
        assert data["periods"]["2023H1"]["both"]["total"] == pdata["2023H1"]["both"]["total"] == args.rows
        assert data["periods"]["2023H1"]["outgoing"]["by_country"] == {
            k: v for k, v in sorted(pdata["2023H1"]["outgoing"]["partner_country"].items(), key=lambda kv: (-kv[1], kv[0]))}
        print(f"report_data (SQLite, {args.rows:,} + {args.rows // 2:,} rows): {ours:.2f} s")
        print(f"pandas read_csv + same tables:                  {theirs:.2f} s")
        print(f"ratio ours / pandas: {ours / theirs:.2f}")


if __name__ == "__main__":
    main()

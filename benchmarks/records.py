"""Synthetic canonical CSV files for the benchmarks: rows drawn (seeded, with replacement) from the
demo's records, so the mix of values is the 2023 note's; every row gets its own record and person ID."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from aqyl.domain.demo import load_figures, synthesize
from aqyl.domain.heis import shipped_registry
from aqyl.domain.intake.columns import columns

COLUMNS = [c.name for c in columns()]


def demo_frame(hei_as: str = "code") -> pl.DataFrame:
    """The demo's records in the interchange columns; HEIs by code or by their Russian name."""
    heis = {h.code: h for h in shipped_registry()}
    rows = synthesize(load_figures(), list(heis.values()), seed=1)
    name = (lambda code: code) if hei_as == "code" else (lambda code: heis[code].name.ru)
    frame = pl.DataFrame({
        **{c: [str(getattr(r, c, "") or "") for r in rows] for c in COLUMNS},
        "hei": [name(r.hei) for r in rows],
        "hei_type": [heis[r.hei].hei_type for r in rows],
    })
    return frame.with_columns(pl.col(c).cast(pl.String) for c in frame.columns)


def write_csv(path: Path, rows: dict[str, int], hei_as: str = "code", with_hei_type: bool = False, seed: int = 1,
              distinct: bool = False) -> pl.DataFrame:
    """``rows``: how many rows per period, e.g. {"2023H1": 1_000_000, "2022H1": 500_000}.
    ``distinct``: every row its own partner institution, so no two rows share the report's
    columns (the worst case for the counts table, which then has a row per record)."""
    demo = demo_frame(hei_as)
    parts = []
    for i, (period, n) in enumerate(rows.items()):
        pool = demo.filter(pl.col("period") == period)
        part = pool.sample(n, with_replacement=True, seed=seed + i)
        parts.append(part.with_columns(
            pl.format("R{}-{}", pl.lit(period), pl.int_range(n)).alias("record_id"),
            pl.format("P{}", pl.int_range(n) % 400_000).alias("person_id"),
            *([pl.format("{} #{}", pl.col("partner_institution"), pl.int_range(n)).alias("partner_institution")]
              if distinct else []),
        ))
    frame = pl.concat(parts).select([*COLUMNS, *(["hei_type"] if with_hei_type else [])])
    frame.write_csv(path)
    return frame

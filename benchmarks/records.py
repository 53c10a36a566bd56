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


# --- the national shape: every row its own combination of the report's columns --------------
HALF_YEARS = [f"{y}H{h}" for y in range(2016, 2026) for h in (1, 2)]  # 20 half-years


def varied_frame(n: int, seed: int = 7, partners: int = 5_400, labels: str = "") -> pl.DataFrame:
    """``n`` valid canonical rows drawn uniformly over all registry HEIs, the 20 half-years
    2016–2025 and ``partners`` partner institutions (each in one country), every coded column
    uniform over its codes: almost no two rows share the report's columns. ``labels`` "kk" or
    "ru": coded cells and HEIs written as labels in that language, as a filled-in template is."""
    import numpy as np

    from aqyl.domain.classifiers import CLASSIFIERS

    rng = np.random.default_rng(seed)
    heis = list(shipped_registry())
    codes = {name: sorted(CLASSIFIERS[name].codes) for name in
             ("direction", "category", "programme", "format", "degree", "study_level", "field", "funding", "gender", "country")}

    def pick(name: str) -> np.ndarray:
        return np.array(codes[name], dtype=object)[rng.integers(0, len(codes[name]), n)]

    partner = rng.integers(0, partners, n)
    partner_country = np.array(codes["country"], dtype=object)[(partner * 7919) % len(codes["country"])]
    half = rng.integers(0, len(HALF_YEARS), n)
    year, h = 2016 + half // 2, half % 2
    month = 1 + 6 * h + rng.integers(0, 5, n)
    day = 1 + rng.integers(0, 28, n)
    days = rng.integers(0, 30, n)
    start = np.array([f"{y:04d}-{m:02d}-{d:02d}" for y, m, d in zip(year, month, day, strict=True)], dtype=object)
    end = np.array([f"{y:04d}-{m:02d}-{min(d + e, 28):02d}" for y, m, d, e in zip(year, month, day, days, strict=True)],
                   dtype=object)
    category = pick("category")
    student = category == "student"
    frame = pl.DataFrame({
        "record_id": [f"V{i}" for i in range(n)],
        "period": np.array(HALF_YEARS, dtype=object)[half],
        "direction": pick("direction"), "category": category,
        "hei": np.array([x.code for x in heis], dtype=object)[rng.integers(0, len(heis), n)],
        "partner_institution": [f"Partner Institution {p}" for p in partner],
        "partner_country": partner_country, "programme": pick("programme"), "format": pick("format"),
        "degree": np.where(student, "", pick("degree")), "study_level": np.where(student, pick("study_level"), ""),
        "field": pick("field"), "start_date": start, "end_date": end,
        "funding": pick("funding"), "gender": pick("gender"),
        "person_id": [f"P{i % 400_000}" for i in range(n)],
    }, schema=dict.fromkeys(COLUMNS, pl.String))
    if not labels:
        return frame
    by_code = {h.code: h.name.get(labels) for h in heis}
    renamed = [pl.col("hei").replace_strict(by_code)]
    for name, column in (("direction", "direction"), ("category", "category"), ("programme", "programme"),
                         ("format", "format"), ("degree", "degree"), ("study_level", "study_level"), ("field", "field"),
                         ("funding", "funding"), ("gender", "gender"), ("country", "partner_country")):
        mapping = {**dict(CLASSIFIERS[name].choices(labels)), "": ""}
        renamed.append(pl.col(column).replace_strict(mapping))
    from aqyl.domain.intake.columns import columns as all_columns

    headers = {c.name: c.header.get(labels) for c in all_columns()}
    return frame.with_columns(renamed).rename(headers)


def write_varied(path: Path, n: int, seed: int = 7, labels: str = "") -> pl.DataFrame:
    frame = varied_frame(n, seed, labels=labels)
    frame.write_csv(path)
    return frame

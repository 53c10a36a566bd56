"""Reading flow files (UIS, OECD, UN DESA or the canonical long format) into one long table:
``year, origin, destination, count, population, source``. Names that are regions or aggregates
are skipped and reported, not guessed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import normalize
from aqyl.domain.migration.flows import country_of, populations, sources
from aqyl.importers.readers import read_table

CANONICAL = ["year", "origin", "destination", "count", "population", "source"]


@dataclass
class FlowFile:
    frame: pl.DataFrame  # the canonical columns
    skipped: Counter = field(default_factory=Counter)  # name → rows left out (not a country)
    bad_rows: int = 0  # rows without a year or a count


class FlowFileError(AqylError):
    pass


def read_flows(path: Path, source: str, population: str = "") -> FlowFile:
    known = sources()
    if source not in known:
        raise FlowFileError("flow_unknown_source", value=source, known=list(known))
    spec = known[source]
    population = population or spec.population
    if population and population not in populations():
        raise FlowFileError("flow_unknown_population", value=population, known=list(populations()))
    table = read_table(path)
    by_header = {normalize(h): f"c{i}" for i, h in enumerate(table.headers)}
    missing = [name for name in spec.columns.values() if normalize(name) not in by_header]
    if missing:
        raise FlowFileError("flow_missing_columns", file=table.name, columns=missing, source=spec.label)
    col = {key: pl.col(by_header[normalize(name)]) for key, name in spec.columns.items()}
    frame = table.frame
    if spec.layout == "wide":
        origin_columns = {f"c{i}": h for i, h in enumerate(table.headers)
                          if f"c{i}" not in (by_header[normalize(n)] for n in spec.columns.values())}
        frame = frame.select(col["year"].alias("year"), col["destination"].alias("destination"), *origin_columns) \
            .unpivot(index=["year", "destination"], variable_name="origin", value_name="count") \
            .with_columns(pl.col("origin").replace_strict(origin_columns))
    else:
        frame = frame.select(*(expr.alias(key) for key, expr in col.items()))
    if "population" not in frame.columns:
        frame = frame.with_columns(pl.lit(population).alias("population"))
    if "source" not in frame.columns:
        frame = frame.with_columns(pl.lit(source).alias("source"))
    frame = frame.with_columns(
        pl.col("year").str.strip_chars().cast(pl.Int32, strict=False),
        pl.col("count").str.strip_chars().str.replace_all(r"[\s,]", "").cast(pl.Float64, strict=False),
    )
    bad = frame.filter(pl.col("year").is_null() | pl.col("count").is_null() | (pl.col("count") < 0))
    frame = frame.filter(pl.col("year").is_not_null() & pl.col("count").is_not_null() & (pl.col("count") >= 0))
    names = set(frame["origin"].unique().to_list()) | set(frame["destination"].unique().to_list())
    codes = {name: country_of(name or "") for name in names}
    skipped: Counter = Counter()
    for end in ("origin", "destination"):
        lost = frame.filter(pl.col(end).replace_strict(codes, default="") == "")
        skipped.update(dict(lost.group_by(end).len().iter_rows()))
    frame = frame.with_columns(pl.col("origin").replace_strict(codes), pl.col("destination").replace_strict(codes)) \
        .filter((pl.col("origin") != "") & (pl.col("destination") != "") & (pl.col("origin") != pl.col("destination")))
    # One figure per pair and year: two spellings of one country in a file would give a pair twice;
    # keep one figure (the largest) rather than add them up.
    frame = frame.group_by(["year", "origin", "destination", "population", "source"]).agg(pl.col("count").max()) \
        .select(CANONICAL).sort("year", "origin", "destination")
    return FlowFile(frame, skipped, bad.height)

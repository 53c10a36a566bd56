"""The flows store: import replaces what a file covers, queries answer by origin, destination,
year and source, and reconciliation puts two sources' figures for a pair side by side."""

from __future__ import annotations

import polars as pl
from django.db import transaction
from django.utils import timezone

from aqyl.domain.intake.columns import categories
from aqyl.store import models as m
from aqyl.store.register import insert_frame


def save_flows(frame: pl.DataFrame, file_name: str = "") -> int:
    """Store canonical rows; the years a file covers for its source and population are replaced."""
    with transaction.atomic():
        for source, population, years in frame.group_by("source", "population").agg(pl.col("year").unique()).iter_rows():
            m.Flow.objects.filter(source=source, population=population, year__in=years).delete()
        insert_frame(m.Flow._meta.db_table, frame.with_columns(
            pl.lit(file_name[:255]).alias("file_name"), pl.lit(timezone.now().isoformat(sep=" ")).alias("imported_at")))
    return frame.height


def query(origin: str | None = None, destination: str | None = None, year: int | None = None,
          source: str | None = None, population: str | None = None) -> list[dict]:
    rows = m.Flow.objects.all()
    for name, value in (("origin", origin), ("destination", destination), ("year", year), ("source", source),
                        ("population", population)):
        if value is not None:
            rows = rows.filter(**{name: value})
    fields = ("origin", "destination", "year", "count", "population", "source")
    return [dict(zip(fields, r, strict=True)) for r in rows.order_by("year", "source", "-count", "destination").values_list(*fields)]


def selected_flows(source: str | None, population: str | None = None, since: int | None = None,
                   until: int | None = None):
    """The stored flows of a source (None: of every source), population and span of years."""
    rows = m.Flow.objects.filter(source=source) if source else m.Flow.objects.all()
    if population:
        rows = rows.filter(population=population)
    if since is not None:
        rows = rows.filter(year__gte=since)
    if until is not None:
        rows = rows.filter(year__lte=until)
    return rows


def flows_frame(source: str, population: str | None = None, since: int | None = None,
                until: int | None = None) -> pl.DataFrame:
    """One source's stored flows as a frame (year, origin, destination, count), for models."""
    rows = selected_flows(source, population, since, until)
    return pl.DataFrame(list(rows.values_list("year", "origin", "destination", "count").iterator(chunk_size=20_000)),
                        schema={"year": pl.Int32, "origin": pl.String, "destination": pl.String, "count": pl.Float64},
                        orient="row")


def reconcile(origin: str, destination: str, year: int) -> list[dict]:
    """Every source's figure for one pair and year, with its ratio to the largest figure of the
    same population (students are not compared with migrant stock)."""
    found = query(origin=origin, destination=destination, year=year)
    top: dict[str, float] = {}
    for f in found:
        top[f["population"]] = max(top.get(f["population"], 0), f["count"])
    return [{**f, "ratio_to_largest": round(f["count"] / top[f["population"]], 4) if top[f["population"]] else None}
            for f in sorted(found, key=lambda f: (f["population"], -f["count"]))]


STAFF_CATEGORIES = categories("staff")


def national_flows() -> pl.DataFrame:
    """The register's current records as yearly flows (source ``national``): outgoing mobilities
    go from KZ to the partner country, incoming ones the other way; half-years add up to the
    calendar year; staff categories are ``staff``, students ``students``."""
    from django.db.models import Count

    rows = m.MobilityRecord.objects.values_list("period", "category", "direction", "partner_country").annotate(
        n=Count("id")).order_by()
    frame = pl.DataFrame(list(rows), schema={"period": pl.String, "category": pl.String, "direction": pl.String,
                                             "country": pl.String, "count": pl.Int64}, orient="row")
    outgoing = pl.col("direction") == "outgoing"
    return (
        frame.with_columns(
            pl.col("period").str.slice(0, 4).cast(pl.Int32).alias("year"),
            pl.when(outgoing).then(pl.lit("KZ")).otherwise(pl.col("country")).alias("origin"),
            pl.when(outgoing).then(pl.col("country")).otherwise(pl.lit("KZ")).alias("destination"),
            pl.when(pl.col("category").is_in(STAFF_CATEGORIES)).then(pl.lit("staff")).otherwise(pl.lit("students"))
            .alias("population"),
            pl.lit("national").alias("source"),
        )
        .group_by("year", "origin", "destination", "population", "source").agg(pl.col("count").sum().cast(pl.Float64))
        .select("year", "origin", "destination", "count", "population", "source")
        .sort("year", "origin", "destination")
    )

"""Person-level indicators over the register's current records and the stored cohorts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import polars as pl

from aqyl.domain.classifiers import parse_period
from aqyl.domain.migration.typology import YEAR, Episode, form_of
from aqyl.domain.persons import (
    PersonIndicators,
    Share,
    Trip,
    half_index,
    indicators,
    person_key,
    section_blocks,
)
from aqyl.domain.pseudonym import PSEUDONYM
from aqyl.domain.report.document import Block
from aqyl.store import models as m


def register_trips() -> list[Trip]:
    rows = m.MobilityRecord.objects.filter(period__regex=r"^\d{4}H[12]$").values_list(
        "id", "person_id", "hei__code", "period", "direction", "category", "partner_country", "format", "start_date",
        "end_date")
    return [Trip(person_key(pid, hei, rid), period, direction, category, hei, country, fmt, start, end)
            for rid, pid, hei, period, direction, category, country, fmt, start, end in rows.iterator(chunk_size=5000)]


def cohort_returns() -> set[str]:
    """Person IDs a current cohort row shows back in Kazakhstan."""
    return set(m.CohortMember.objects.filter(upload__is_current=True, return_year__isnull=False)
               .values_list("person_id", flat=True))


def cohorts_stamp() -> str:
    """A text that changes whenever the stored cohorts do (the indicators read their returns)."""
    from django.db.models import Count, Max, Q

    ups = m.CohortUpload.objects.aggregate(last=Max("id"), current=Count("id", filter=Q(is_current=True)))
    return f"{ups['last']}/{ups['current']}"


def person_indicators(as_of: str | None = None, within: int = 4) -> PersonIndicators:
    """The indicators of :func:`aqyl.domain.persons.indicators` over the register, counted on
    columns: the database gives each trip's half-year, days and person as numbers and short texts
    (no row object, no date parsed per row), and every count is a vectorised group (polars).
    ``tests/test_opendata.py`` holds it to the core's trip-by-trip definition."""
    if within < 1:
        raise ValueError("within must be at least one half-year")
    frame = _trip_frame(half_index(as_of) if as_of else None)
    return _indicators(frame, cohort_returns(), as_of, within)


def _trip_frame(end: int | None) -> pl.DataFrame:
    """The register's trips up to half-year ``end`` as columns: id, person (the key of
    person_key, or null without an ID), linked, h (the half-year's index), direction, category,
    hei, online, days, start and end. Each trip is one plain tuple of numbers and short texts
    computed by the database (on PostgreSQL a CSV stream of COPY), never a model row or a Trip
    object; the counting is polars'."""
    from django.db import connection

    table = m.MobilityRecord._meta.db_table
    if connection.vendor == "postgresql":
        days = "(r.end_date - r.start_date) + 1"
    else:
        days = "CAST(julianday(r.end_date) - julianday(r.start_date) AS INTEGER) + 1"
    h = "CAST(substr(r.period, 1, 4) AS INTEGER) * 2 + CAST(substr(r.period, 6, 1) AS INTEGER) - 1"
    # Every column of one type on every row (no NULL).
    sql = (f"SELECT r.id, r.person_id, r.hei_id, r.period, {h} AS h, r.direction, r.category, "
           f"CASE WHEN r.format = 'online' THEN 1 ELSE 0 END AS online, COALESCE({days}, -1) AS days, "
           f"COALESCE(CAST(r.start_date AS TEXT), '') AS start, COALESCE(CAST(r.end_date AS TEXT), '') AS stop "
           f"FROM {table} r WHERE (r.period LIKE '____H1' OR r.period LIKE '____H2')")
    if end is not None:
        sql += f" AND {h} <= {int(end)}"
    schema = {"id": pl.Int64, "person_id": pl.String, "hei_id": pl.Int64, "period": pl.String, "h": pl.Int64,
              "direction": pl.String, "category": pl.String, "online": pl.Int64, "days": pl.Int64,
              "start": pl.String, "stop": pl.String}
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        with connection.connection.cursor() as cursor, cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)") as copy:
            data = b"".join(bytes(chunk) for chunk in copy)
        frame = pl.read_csv(data, has_header=False, new_columns=list(schema), schema=schema) if data else \
            pl.DataFrame(schema=schema)
        frame = frame.with_columns(pl.col("person_id").fill_null(""), pl.col("start").fill_null(""),
                                   pl.col("stop").fill_null(""))
    else:
        # Through Django's own connection, never a second SQLite library (ADBC's) on the live file:
        # two copies of SQLite in one process release each other's locks, and under load the web
        # server's database was reported malformed (bench_web, 1,000,000 records, 4 clients).
        with connection.cursor() as cursor:
            cursor.execute(sql)
            frame = pl.DataFrame(cursor.fetchall(), schema=schema, orient="row")
    frame = frame.filter(pl.col("period").str.contains(r"^\d{4}H[12]$")).with_columns(
        online=pl.col("online") == 1, days=pl.when(pl.col("days") >= 0).then(pl.col("days")),
        start=pl.when(pl.col("start") != "").then(pl.col("start")).str.to_date(),
        end=pl.when(pl.col("stop") != "").then(pl.col("stop")).str.to_date()).drop("stop")
    codes = pl.DataFrame(list(m.Hei.objects.values_list("id", "code")), schema={"hei_id": pl.Int64, "hei": pl.String},
                         orient="row")
    linked = pl.col("person_id").str.contains(PSEUDONYM.pattern)
    return frame.join(codes, on="hei_id", how="left").with_columns(
        linked=(pl.col("person_id") != "") & linked,
        person=pl.when(pl.col("person_id") == "").then(None).when(linked).then(pl.col("person_id"))
        .otherwise(pl.col("hei") + "/" + pl.col("person_id")))


def _indicators(trips: pl.DataFrame, back_in_cohort: set[str], as_of: str | None, within: int) -> PersonIndicators:
    end = half_index(as_of) if as_of else (trips["h"].max() or 0)
    trips = trips.filter(pl.col("h") <= end)
    named = trips.filter(pl.col("person").is_not_null())
    people = named.group_by("person").agg(
        n=pl.len(), halves=pl.col("h").n_unique(), heis=pl.col("hei").n_unique(),
        physical=(~pl.col("online")).sum(), linked=pl.col("linked").first())
    # A trip's form (aqyl.domain.migration.typology) depends only on being online, its days and
    # its person's physical trips: decided once per such combination, by the core's own rule.
    kinds = trips.join(people.select("person", "physical"), on="person", how="left").select(
        online="online", known=pl.col("days").is_not_null(), long=pl.col("days") >= YEAR,
        several=pl.col("physical").fill_null(1) > 1).group_by("online", "known", "long", "several").len()
    forms: Counter[str] = Counter()
    for online, known, long, several, n in kinds.iter_rows():
        days = (YEAR if long else 1) if known else None
        forms[form_of(Episode(online=online, days=days, returned=True if days and days >= YEAR else None,
                              trips_by_person=2 if several else 1))] += n

    def again(direction: str) -> Share:
        own = named.filter((pl.col("direction") == direction) & (pl.col("category") != "student"))
        first = own.group_by("person").agg(h0=pl.col("h").min()).filter(pl.col("h0") + within <= end)
        later = own.join(first, on="person").filter((pl.col("h") > pl.col("h0")) & (pl.col("h") <= pl.col("h0") + within))
        return Share(later["person"].n_unique(), first.height)

    stays = (named.filter((pl.col("category") == "student") & (pl.col("direction") == "outgoing")
                          & (pl.col("days") >= YEAR))
             .sort("h", "start", "hei", "id").group_by("person", maintain_order=True).first()
             .select("person", stay_id="id", stay_h="h", stay_end="end"))
    last_day = parse_period(_half_code(end)).end
    still = stays.filter(pl.col("stay_end") > last_day)
    ended = stays.filter(pl.col("stay_end") <= last_day)
    starts = named.select("person", "id", "h", begins=pl.date(pl.col("h") // 2, pl.when(pl.col("h") % 2 == 0)
                                                             .then(1).otherwise(7), 1))
    back_rows = starts.join(ended, on="person").filter(
        (pl.col("id") != pl.col("stay_id")) & (pl.col("h") > pl.col("stay_h")) & (pl.col("begins") > pl.col("stay_end")))
    by_record = set(back_rows["person"].unique())
    by_cohort = {p for p in ended["person"] if p in back_in_cohort}
    return PersonIndicators(
        as_of=_half_code(end), within=within, persons=people.height, linked=int(people["linked"].sum()),
        trips=trips.height, several_periods=people.filter(pl.col("halves") > 1).height,
        several_heis=people.filter(pl.col("heis") > 1).height,
        trips_per_person={int(k): int(v) for k, v in people.group_by("n").len().iter_rows()}, forms=dict(forms),
        pendulum_persons=people.filter(pl.col("physical") > 1).height,
        staff_again=again("outgoing"), incoming_return=again("incoming"),
        degree_return=Share(len(by_record | by_cohort), ended.height),
        degree_back_by_record=len(by_record), degree_back_by_cohort=len(by_cohort), degree_still_abroad=still.height,
        periods=tuple(sorted(trips["period"].unique())), identified_trips=named.height,
    )


def _half_code(half: int) -> str:
    return f"{half // 2}H{half % 2 + 1}"


def trip_by_trip(as_of: str | None = None, within: int = 4) -> PersonIndicators:
    """The same indicators by the core's definition, one Trip object per record (for the tests)."""
    return indicators(register_trips(), cohort_returns(), as_of=as_of, within=within)


def person_section(report_or_period: Mapping[str, Any] | str, lang: str, within: int = 4) -> list[Block]:
    """The note's section on persons (Heading, Paragraph, Table blocks) as of the report's period."""
    period = report_or_period if isinstance(report_or_period, str) else report_or_period["meta"]["period"]
    return section_blocks(person_indicators(period, within), lang)

"""Flows of students and migrants: import a published file, destinations of an origin in a year
with shares and the change on the year before, one pair's series, the same pair and year across
sources, and forecasts of a series (one, or every main destination of an origin)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Count, Max, Min, Sum

from aqyl.app.countries import country_name, country_option  # noqa: F401 (part of this module's use)
from aqyl.domain.errors import AqylError
from aqyl.domain.migration.flows import populations, sources
from aqyl.domain.migration.forecast import Forecast, forecast
from aqyl.store import models as m
from aqyl.store.flows import query, reconcile, save_flows


@dataclass
class FlowImport:
    file: str
    stored: int
    years: tuple[int, int] | None
    skipped: list[tuple[str, int]] = field(default_factory=list)  # names that are not countries, and their rows
    bad_rows: int = 0


def import_flows(path: Path, source: str, population: str = "", file_name: str | None = None) -> FlowImport:
    """Read a UIS, OECD, UN DESA or canonical file and store it; the years it covers replace what
    the store held for its source and population."""
    from aqyl.importers.flows import read_flows

    flows = read_flows(path, source, population)
    name = file_name or path.name
    n = save_flows(flows.frame, name)
    first, last = flows.frame["year"].min(), flows.frame["year"].max()
    years = (int(first), int(last)) if n else None  # type: ignore[arg-type]  # years are whole numbers
    return FlowImport(name, n, years, flows.skipped.most_common(), flows.bad_rows)


def stored_sources() -> list[dict]:
    """Each stored source with its population, years and number of rows (for choosing)."""
    known = sources()
    rows = (m.Flow.objects.values("source", "population").annotate(first=Min("year"), last=Max("year"), rows=Count("id"))
            .order_by("source", "population"))
    return [{**r, "label": known[r["source"]].label if r["source"] in known else None} for r in rows]


def destinations(origin: str, year: int, source: str, population: str | None = None) -> dict:
    """Where ``origin``'s people went in ``year`` by one source: count, share of the total and the
    change on the year before, largest first ("other countries" last)."""
    rows = m.Flow.objects.filter(origin=origin, source=source, year__in=(year, year - 1))
    if population:
        rows = rows.filter(population=population)
    now: dict[str, float] = {}
    before: dict[str, float] = {}
    for y, d, c in rows.values_list("year", "destination", "count"):
        target = now if y == year else before
        target[d] = target.get(d, 0) + c
    total = sum(now.values())
    ordered = sorted(now, key=lambda d: (d == "other", -now[d], d))
    # A destination named the year before keeps its row (no count this year: the source lumps it
    # with "other"), so that the previous year's column adds up; "other" then holds different
    # countries in the two years, and its change is not computed.
    dropped = sorted((d for d in before if d not in now and d != "other"), key=lambda d: (-before[d], d))
    at = len(ordered) - ("other" in now)
    ordered[at:at] = dropped
    if "other" in before and "other" not in now:
        ordered.append("other")
    lumps_differ = bool(dropped) or any(d not in before for d in now if d != "other")

    def change(d: str) -> float | None:
        if d not in now or not before.get(d) or (d == "other" and lumps_differ):
            return None
        return (now[d] / before[d] - 1) * 100

    return {
        "origin": origin, "year": year, "source": source, "population": population, "total": total,
        "previous_total": sum(before.values()) or None,
        "rows": [{"destination": d, "count": now.get(d), "share": now[d] / total * 100 if total and d in now else None,
                  "previous": before.get(d), "change": change(d)} for d in ordered],
    }


def default_year(origin: str, source: str) -> int | None:
    """The latest year of ``origin``'s flows that is not a stub: a source's newest years often hold
    only the few destinations that reported early, so take the last one whose total is at least
    half the median year's."""
    totals = dict(m.Flow.objects.filter(origin=origin, source=source).values_list("year").annotate(n=Sum("count")))
    if not totals:
        return None
    usual = sorted(totals.values())[len(totals) // 2]
    return max(y for y, n in totals.items() if n >= usual / 2)


def pair_series(origin: str, destination: str, source: str, population: str | None = None) -> list[dict]:
    return [{"year": r["year"], "count": r["count"]} for r in query(origin, destination, None, source, population)]


def reconciliation(origin: str, destination: str, year: int, lang: str) -> list[dict]:
    """Every source's figure for a pair and year, its ratio to the largest, and what it counts."""
    known, kinds = sources(), populations()
    return [{**r, "label": known[r["source"]].label.get(lang) if r["source"] in known else r["source"],
             "population_label": kinds[r["population"]].get(lang) if r["population"] in kinds else r["population"],
             "definition": known[r["source"]].definition.get(lang) if r["source"] in known else ""}
            for r in reconcile(origin, destination, year)]


def unbroken_since(years: list[int]) -> int | None:
    """The first year of the last run of consecutive years."""
    if not years:
        return None
    years = sorted(years)
    start = years[-1]
    while start - 1 in years:
        start -= 1
    return start


def series_forecast(origin: str, destination: str, source: str = "uis", population: str | None = None,
                    since: int | None = None, until: int | None = None, horizon: int = 5, level: int = 80) -> Forecast:
    """Forecast one pair's series (the years from ``since`` to ``until``) by the method that wins
    the back-test."""
    rows = [r for r in query(origin, destination, None, source, population)
            if (since is None or r["year"] >= since) and (until is None or r["year"] <= until)]
    return forecast([r["year"] for r in rows], [r["count"] for r in rows], horizon, level)


def beats_naive(result: Forecast) -> bool:
    """Whether a method did better in the back-test than repeating the last value."""
    return any(v < result.mase["naive"] for k, v in result.mase.items() if k != "naive")


def forecast_batch(origin: str, source: str, year: int, *, population: str | None = None, top: int = 10,
                   horizon: int = 5, level: int = 80, progress: Callable[[int, int], None] | None = None) -> list[dict]:
    """A forecast for each of ``origin``'s ``top`` destinations in ``year``, each from its last
    unbroken run of years; a series that cannot be forecast says why."""
    found = [r["destination"] for r in destinations(origin, year, source, population)["rows"]
             if r["destination"] != "other" and r["count"] is not None]
    chosen = found[:top]
    out = []
    for i, destination in enumerate(chosen):
        years = [r["year"] for r in query(origin, destination, None, source, population) if r["year"] <= year]
        row: dict = {"destination": destination, "since": unbroken_since(years)}
        try:
            result = series_forecast(origin, destination, source, population, row["since"], year, horizon, level)
            p = result.prediction
            row |= {"method": result.method, "mase": result.mase, "beats_naive": beats_naive(result),
                    "last": result.history[-1], "years": result.years, "mean": p.mean, "lower": p.lower, "upper": p.upper}
        except AqylError as error:
            row["error"] = {"key": error.key, **{lang: error.message(lang) for lang in ("kk", "ru", "en")}}
        out.append(row)
        if progress:
            progress(i + 1, len(chosen))
    return out


def store_national() -> int:
    """Turn the register's current records into yearly flows (source national); how many stored."""
    from aqyl.store.flows import national_flows

    frame = national_flows()
    return save_flows(frame, "register") if frame.height else 0


FLOW_COLUMNS = ("year", "origin", "destination", "count", "population", "source")


def stored_flows(origin: str | None, destination: str | None, year: int | None, source: str | None,
                 population: str | None) -> list[dict]:
    return query(origin, destination, year, source, population)


def flows_csv(rows: list[dict]) -> str:
    """Flows as CSV, one line per flow, in :data:`FLOW_COLUMNS`."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(FLOW_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def forecast_chart(result: Forecast, title: str, suffix: str) -> bytes:
    """The fan chart of a forecast as PNG or SVG."""
    from aqyl.render.charts import fan_chart

    return fan_chart(result, title, suffix.lstrip(".") or "png")

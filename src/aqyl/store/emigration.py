"""The language-neutral model of the student emigration note: one origin's students abroad in one
year from one stored source, the series of yearly totals with its forecast, the other sources'
figures for the main destination, and the scholarship cohorts."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Sum

from aqyl.domain.errors import AqylError
from aqyl.domain.migration.cohorts import summarise_cohorts
from aqyl.domain.migration.coverage import gaps, last_complete
from aqyl.domain.migration.flows import OTHER, sources
from aqyl.domain.migration.forecast import (
    backtest_origins,
    beats_naive,
    forecast,
    gain_over_naive,
    series_breaks,
)
from aqyl.domain.migration.indicators import outbound_mobility_ratio
from aqyl.store import models as m
from aqyl.store.cohorts import current_fellows

POPULATION = "students"


def pick_source(origin: str, year: int) -> str | None:
    """The source with the most students from ``origin`` in ``year`` (UIS on a tie)."""
    totals = (m.Flow.objects.filter(origin=origin, year=year, population=POPULATION).values("source")
              .annotate(total=Sum("count")).order_by("-total", "source"))
    ranked = sorted(totals, key=lambda r: (-r["total"], r["source"] != "uis"))
    return ranked[0]["source"] if ranked else None


def yearly_totals(origin: str, source: str, until: int) -> dict[int, float]:
    rows = (m.Flow.objects.filter(origin=origin, source=source, population=POPULATION, year__lte=until)
            .values("year").annotate(total=Sum("count")).order_by("year"))
    return {r["year"]: r["total"] for r in rows}


def unbroken_run(totals: dict[int, float], last: int, since: int | None = None) -> list[int]:
    """The consecutive years ending at ``last`` (from ``since`` at the earliest)."""
    years = []
    y = last
    while y in totals and (since is None or y >= since):
        years.insert(0, y)
        y -= 1
    return years


def emigration_model(origin: str, year: int, *, source: str | None = None, since: int | None = None,
                     horizon: int = 5, level: int = 80, enrolment: int | None = None) -> dict[str, Any]:
    source = source or pick_source(origin, year) or "uis"
    spec = sources().get(source)
    definitions = {code: {"label": s.label.as_dict(), "definition": s.definition.as_dict()} for code, s in sources().items()}
    flows = list(m.Flow.objects.filter(origin=origin, source=source, population=POPULATION, year__in=(year, year - 1))
                 .values_list("year", "destination", "count"))
    now = {d: c for y, d, c in flows if y == year}
    before = {d: c for y, d, c in flows if y == year - 1}
    # A country the source names in either year keeps its row in both (None where the source lumps
    # it with the others that year): the 2018 column must not lose the United States because 2019's
    # top ten has no room for it.
    ordered = sorted(now, key=lambda d: (d == OTHER, -now[d], d))
    dropped = sorted((d for d in before if d not in now and d != OTHER), key=lambda d: (-before[d], d))
    if dropped:
        ordered[len(ordered) - (OTHER in now):len(ordered) - (OTHER in now)] = dropped
    if OTHER in before and OTHER not in now:
        ordered.append(OTHER)
    total = sum(now.values())
    named = [now[d] for d in ordered if d != OTHER and d in now]
    shares = [c / total * 100 for c in named] if total else []
    # A count of countries only when the source names them all: not from a top-N list (UIS names
    # each origin's ten main destinations), nor when the rest of the world comes as one lump.
    top_n = spec.top_n if spec else None
    listed_only = OTHER in now or (top_n is not None and len(named) >= top_n)
    indicators: dict[str, Any] = {
        "countries": None if listed_only else len(named),
        "named": len(named),
        "top_n": top_n if top_n is not None and len(named) >= top_n else None,
        "top3_share": sum(shares[:3]),
        # Over the named destinations: the lump "other countries" is not one market.
        "hhi": sum((c / sum(named) * 100) ** 2 for c in named) if named else 0.0,
    }
    if enrolment:
        indicators["enrolment"] = enrolment
        indicators["outbound_mobility_ratio"] = outbound_mobility_ratio(round(total), enrolment)

    totals = yearly_totals(origin, source, year)
    years = unbroken_run(totals, year, since)
    try:
        result = forecast(years, [totals[y] for y in years], horizon, level)
        predicted: dict[str, Any] = {
            "method": result.method, "level": level, "mase": result.mase, "years": result.years,
            "mean": result.prediction.mean, "lower": result.prediction.lower, "upper": result.prediction.upper,
            "origins": backtest_origins(len(years)),
            "gain": gain_over_naive(result.method, result.mase),
        }
        breaks = series_breaks(years, [totals[y] for y in years])
        # A forecast is a finding only over an unbroken series and when it clearly beats the naive method.
        predicted["breaks"] = breaks
        predicted["supported"] = not breaks and beats_naive(result.method, result.mase)
    except AqylError as error:
        predicted = {"error": {"key": error.key, "params": error.params}}

    leader = next((d for d in ordered if d != OTHER and d in now), None)
    others = []
    if leader:
        for f in m.Flow.objects.filter(origin=origin, destination=leader, year=year, population=POPULATION).exclude(source=source):
            if f.source in definitions:
                others.append({"source": f.source, "destination": leader, "count": f.count, "ratio": f.count / now[leader],
                               **definitions[f.source]})
    fellows = current_fellows()
    return {
        "meta": {"kind": "student_emigration", "origin": origin, "year": year, "source": source,
                 "population": POPULATION, "generated": datetime.date.today().isoformat()},
        "source": definitions.get(source, {"label": dict.fromkeys(("kk", "ru", "en"), source),
                                           "definition": dict.fromkeys(("kk", "ru", "en"), "")}),
        "total": total,
        "previous_total": sum(before.values()) or None,
        "destinations": [{"country": d, "count": now.get(d), "previous": before.get(d)} for d in ordered],
        "coverage": coverage(origin, source, year, now, before),
        "indicators": indicators,
        "series": {"years": years, "totals": [totals[y] for y in years]},
        "forecast": predicted,
        "other_sources": sorted(others, key=lambda o: o["source"]),
        "cohorts": [s.as_dict() for s in summarise_cohorts(fellows, as_of=year)] if fellows else [],
    }


def coverage(origin: str, source: str, year: int, now: dict[str, float], before: dict[str, float]) -> dict[str, Any]:
    """What the year lacks against the year before (:mod:`aqyl.domain.migration.coverage`) and,
    when it lacks something, the last complete year of the source."""
    found = gaps(now, before)
    if not found:
        return {"gaps": [], "last_complete": None}
    by_year: dict[int, dict[str, float]] = {}
    for y, d, c in (m.Flow.objects.filter(origin=origin, source=source, population=POPULATION, year__lt=year)
                    .values_list("year", "destination", "count")):
        by_year.setdefault(y, {})[d] = c
    return {"gaps": found, "last_complete": last_complete(by_year, year)}

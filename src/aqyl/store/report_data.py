"""Count what the report needs with GROUP BY queries in the database (SQLite or PostgreSQL);
the core turns the counts into the report model. The queries read the current records through
the index ``record_report``: on SQLite a covering one (one ordered index scan, no sort, no table
lookup); on PostgreSQL a period's and category's rows, stored together by the import."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from django.db.models import Count, QuerySet

from aqyl.domain.classifiers import half_year, parse_period
from aqyl.domain.report.model import build_report
from aqyl.store import models as m
from aqyl.store import report_context

# One GROUP BY per column; HEI type, HEI names and the distinct counts are derived from these
# counts instead of joining or counting again.
DIMENSIONS = {
    "by_format": "format",
    "by_degree": "degree",
    "by_study_level": "study_level",
    "by_field": "field",
    "by_country": "partner_country",
    "by_programme": "programme",
    "by_hei_id": "hei_id",
}


@dataclass(frozen=True)
class ReportFilter:
    category: str = "faculty"
    hei_types: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    heis: tuple[str, ...] = field(default=())

    def select_heis(self, heis: QuerySet) -> QuerySet:
        """The HEIs the filter keeps (type, region, code)."""
        if self.hei_types:
            heis = heis.filter(hei_type__in=self.hei_types)
        if self.regions:
            heis = heis.filter(region__in=self.regions)
        if self.heis:
            heis = heis.filter(code__in=self.heis)
        return heis

    def apply(self, qs: QuerySet) -> QuerySet:
        qs = qs.filter(category=self.category)
        if self.hei_types or self.regions or self.heis:
            # HEIs as their ids, not a join: the records' index then answers the query alone.
            heis = self.select_heis(m.Hei.objects.all())
            qs = qs.filter(hei_id__in=list(heis.values_list("id", flat=True)))
        if self.programmes:
            qs = qs.filter(programme__in=self.programmes)
        return qs

    def as_dict(self) -> dict[str, Any]:
        return {"category": self.category, "hei_types": list(self.hei_types), "regions": list(self.regions),
                "programmes": list(self.programmes), "heis": list(self.heis)}


def current_records(period: str) -> QuerySet:
    """The period's current records (superseded submissions have none: they are archived)."""
    return m.MobilityRecord.objects.filter(period=period)


GROUPED = ("direction", "hei_id", "programme", "partner_country", "format", "field", "degree", "study_level")


def period_facts(period: str, flt: ReportFilter) -> dict[str, dict[str, Any]]:
    """Counts for one period: per direction and for both directions together."""
    qs = flt.apply(current_records(period))
    directions = ("outgoing", "incoming", "both")
    facts: dict[str, dict[str, Any]] = {d: {"total": 0} for d in directions}
    # Staff have degrees, students study levels: count only the one this category has.
    skip = "by_degree" if flt.category == "student" else "by_study_level"
    # One ordered scan of the index counts every combination of the report's columns; each
    # breakdown is then a sum over those counts (a few thousand rows, however many records).
    combos = pl.DataFrame(list(qs.values_list(*GROUPED).annotate(n=Count("id")).order_by()), orient="row",
                          schema={**{c: pl.String for c in GROUPED}, "hei_id": pl.Int64, "n": pl.Int64})
    for name, column in DIMENSIONS.items():
        if name == skip:
            continue
        counted: dict[str, dict] = {d: {} for d in directions}
        sums = combos.group_by("direction", column).agg(pl.col("n").sum()).sort("direction", column)
        for direction, code, n in sums.iter_rows():
            if code == "" and name in ("by_degree", "by_study_level"):
                continue  # a student row has no degree, a staff row no study level
            counted[direction][code] = n
            counted["both"][code] = counted["both"].get(code, 0) + n
        for d in directions:
            facts[d][name] = counted[d]
    partners: dict[str, set[str]] = {d: set() for d in directions}
    named = qs.exclude(partner_institution="").values_list("direction", "partner_institution")
    for direction, name in named.order_by().distinct():
        partners[direction].add(name)
        partners["both"].add(name)
    heis = {h.id: h for h in m.Hei.objects.all()}
    for d in directions:
        f = facts[d]
        by_id = f.pop("by_hei_id")
        f["total"] = sum(by_id.values())
        f["kz_heis"] = len(by_id)
        f["foreign_heis"] = len(partners[d])
        f["countries"] = len(f["by_country"])
        by_type: dict[str, int] = defaultdict(int)
        for hei_id, n in by_id.items():
            by_type[heis[hei_id].hei_type] += n
        f["by_hei_type"] = dict(by_type)
        if d != "both":
            f["by_hei"] = [
                {"hei": heis[i].code, "hei_type": heis[i].hei_type, "count": n,
                 "name": {"kk": heis[i].name_kk, "ru": heis[i].name_ru, "en": heis[i].name_en}}
                for i, n in by_id.items()
            ]
    return facts


def has_records(period: str, flt: ReportFilter) -> bool:
    return flt.apply(current_records(period)).exists()


def report_data(period: str, compare: str | None = None, flt: ReportFilter | None = None) -> dict[str, Any]:
    """The report model for ``period`` compared with ``compare`` (default: the same half a year earlier;
    left out when that period has no records)."""
    flt = flt or ReportFilter()
    period = half_year(period)  # records carry half-year codes: a year's note would count nothing
    compare = half_year(compare) if compare else parse_period(period).previous().code
    facts = {period: period_facts(period, flt)}
    if has_records(compare, flt):
        facts[compare] = period_facts(compare, flt)
    else:
        compare_missing = compare
        compare = None
    meta = {"filters": flt.as_dict(), "coverage": report_context.coverage(period, flt),
            "trend": report_context.trend(period, flt), "estimates": report_context.estimates(list(facts))}
    if compare is None:
        meta["compare_missing"] = compare_missing
    return build_report(facts, period, compare, meta)


def register_stamp() -> str:
    """A text that changes whenever anything a report reads changes: a submission stored or taken
    out, an HEI added or edited. Cached report models are keyed by it, so none is ever stale."""
    from django.db.models import Count, Max, Q

    # The time too: an id SQLite gives again after the newest submission was deleted is a new state.
    subs = m.Submission.objects.aggregate(last=Max("id"), current=Count("id", filter=Q(is_current=True)),
                                          at=Max("created_at"))
    heis = m.Hei.objects.aggregate(last=Max("updated_at"), n=Count("id"))
    return f"{subs['last']}/{subs['current']}/{subs['at']}/{heis['last']}/{heis['n']}"

"""Count what the report needs with GROUP BY queries in the database (SQLite or PostgreSQL);
the core turns the counts into the report model. Only current submissions count."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from aqyl.domain.classifiers import parse_period
from aqyl.domain.report.model import build_report
from aqyl.store import models as m

DIMENSIONS = {
    "by_hei_type": "hei__hei_type",
    "by_format": "format",
    "by_degree": "degree",
    "by_study_level": "study_level",
    "by_field": "field",
    "by_country": "partner_country",
    "by_programme": "programme",
}


@dataclass(frozen=True)
class ReportFilter:
    category: str = "faculty"
    hei_types: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    heis: tuple[str, ...] = field(default=())

    def apply(self, qs: QuerySet) -> QuerySet:
        qs = qs.filter(category=self.category)
        if self.hei_types:
            qs = qs.filter(hei__hei_type__in=self.hei_types)
        if self.regions:
            qs = qs.filter(hei__region__in=self.regions)
        if self.programmes:
            qs = qs.filter(programme__in=self.programmes)
        if self.heis:
            qs = qs.filter(hei__code__in=self.heis)
        return qs

    def as_dict(self) -> dict[str, Any]:
        return {"category": self.category, "hei_types": list(self.hei_types), "regions": list(self.regions),
                "programmes": list(self.programmes), "heis": list(self.heis)}


def current_records(period: str) -> QuerySet:
    return m.MobilityRecord.objects.filter(period=period).filter(
        Q(submission__isnull=True) | Q(submission__is_current=True)
    )


def period_facts(period: str, flt: ReportFilter) -> dict[str, dict[str, Any]]:
    """Counts for one period: per direction and for both directions together."""
    qs = flt.apply(current_records(period))
    facts: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(dict))
    distinct = dict(
        kz_heis=Count("hei", distinct=True),
        foreign_heis=Count("partner_institution", distinct=True, filter=~Q(partner_institution="")),
        countries=Count("partner_country", distinct=True),
        total=Count("id"),
    )
    for row in qs.values("direction").annotate(**distinct).order_by():
        facts[row.pop("direction")].update(row)
    facts["both"].update(qs.aggregate(**distinct))
    for name, column in DIMENSIONS.items():
        both: dict[str, int] = defaultdict(int)
        for row in qs.values("direction", column).annotate(n=Count("id")).order_by():
            code = row[column]
            if code == "" and name in ("by_degree", "by_study_level"):
                continue  # a student row has no degree, a staff row no study level
            facts[row["direction"]][name][code] = row["n"]
            both[code] += row["n"]
        facts["both"][name] = dict(both)
    hei_rows = (
        qs.values("direction", "hei__code", "hei__hei_type", "hei__name_kk", "hei__name_ru", "hei__name_en")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in hei_rows:
        facts[row["direction"]].setdefault("by_hei", []).append(
            {"hei": row["hei__code"], "hei_type": row["hei__hei_type"], "count": row["n"],
             "name": {"kk": row["hei__name_kk"], "ru": row["hei__name_ru"], "en": row["hei__name_en"]}}
        )
    for direction in ("outgoing", "incoming", "both"):
        facts[direction].setdefault("total", 0)
    return {k: dict(v) for k, v in facts.items()}


def has_records(period: str, flt: ReportFilter) -> bool:
    return flt.apply(current_records(period)).exists()


def report_data(period: str, compare: str | None = None, flt: ReportFilter | None = None) -> dict[str, Any]:
    """The report model for ``period`` compared with ``compare`` (default: the same half a year earlier;
    left out when that period has no records)."""
    flt = flt or ReportFilter()
    period = parse_period(period).code
    compare = parse_period(compare).code if compare else parse_period(period).previous().code
    facts = {period: period_facts(period, flt)}
    if has_records(compare, flt):
        facts[compare] = period_facts(compare, flt)
    else:
        compare_missing = compare
        compare = None
    meta = {"filters": flt.as_dict()}
    if compare is None:
        meta["compare_missing"] = compare_missing
    return build_report(facts, period, compare, meta)

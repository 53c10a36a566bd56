"""What the note says about its own data besides the counts: which registered HEIs submitted
(coverage), the totals of the half-years before (trend), and which figures rest on estimates
rather than on submitted records (provenance)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count

from aqyl.domain.classifiers import parse_period
from aqyl.domain.demo import load_figures
from aqyl.store import models as m
from aqyl.store.registry import active_in

if TYPE_CHECKING:
    from aqyl.store.report_data import ReportFilter

TREND_PERIODS = 6  # the note's trend covers up to the last six half-years


def registered_heis(flt: ReportFilter, period: str):
    """The registered HEIs within the filter that were active in ``period`` (a merged or closed HEI
    until its date, a new one from its first day)."""
    return flt.select_heis(active_in(period))


def coverage(period: str, flt: ReportFilter) -> dict[str, Any]:
    """How many of the HEIs active in the period (within the filter) have a current submission for
    it, and which have not (code, type and names, in the registry's order)."""
    heis = registered_heis(flt, period)
    submitted = set(m.Submission.objects.filter(period=period, is_current=True, hei__in=heis)
                    .values_list("hei_id", flat=True))
    missing = [{"hei": h.code, "hei_type": h.hei_type, "name": {"kk": h.name_kk, "ru": h.name_ru, "en": h.name_en}}
               for h in heis.order_by("hei_type", "code") if h.id not in submitted]
    return {"registered": heis.count(), "submitted": len(submitted), "missing": missing}


def trend(period: str, flt: ReportFilter) -> list[dict[str, Any]]:
    """Totals per direction for the consecutive half-years up to ``period`` (at most TREND_PERIODS,
    oldest first), leaving out the half-years before the first one with records."""
    p = parse_period(period)
    if p.kind != "half":
        return []
    codes = [p]
    while len(codes) < TREND_PERIODS:
        q = codes[-1]
        codes.append(type(q)(q.year - (q.half == 1), q.kind, 2 if q.half == 1 else 1))
    wanted = [c.code for c in reversed(codes)]
    counts = (flt.apply(m.MobilityRecord.objects.filter(period__in=wanted))
              .values_list("period", "direction").annotate(n=Count("id")).order_by())
    totals: dict[str, dict[str, int]] = {c: {"outgoing": 0, "incoming": 0} for c in wanted}
    for code, direction, n in counts:
        totals[code][direction] = int(n or 0)
    rows = [{"period": c, **totals[c]} for c in wanted]
    while rows and not (rows[0]["outgoing"] or rows[0]["incoming"]):
        rows.pop(0)
    return rows


def estimates(periods: list[str]) -> dict[str, Any]:
    """For each period whose records are all the demo's, what its figures assumed (the demo fills in
    figures the 2023 note does not give); real submissions are never estimates."""
    out: dict[str, Any] = {}
    figures = load_figures()["periods"]
    for period in periods:
        spec = figures.get(period, {}).get("estimated")
        if not spec:
            continue
        sources = (m.Submission.objects.filter(period=period, is_current=True)
                   .values("source").annotate(n=Count("id")).order_by())
        if {row["source"] for row in sources} == {"demo"}:
            out[period] = spec
    return out

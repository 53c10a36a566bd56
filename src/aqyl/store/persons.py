"""Person-level indicators over the register's current records and the stored cohorts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aqyl.domain.persons import PersonIndicators, Trip, indicators, person_key, section_blocks
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


def person_indicators(as_of: str | None = None, within: int = 4) -> PersonIndicators:
    return indicators(register_trips(), cohort_returns(), as_of=as_of, within=within)


def person_section(report_or_period: Mapping[str, Any] | str, lang: str, within: int = 4) -> list[Block]:
    """The note's section on persons (Heading, Paragraph, Table blocks) as of the report's period."""
    period = report_or_period if isinstance(report_or_period, str) else report_or_period["meta"]["period"]
    return section_blocks(person_indicators(period, within), lang)

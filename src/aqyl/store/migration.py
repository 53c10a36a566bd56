"""Migration analytics over the register's records."""

from __future__ import annotations

from aqyl.store import models as m


def typology(period: str, category: str | None = None, hei: str | None = None) -> dict[str, int]:
    """The current records of a period by form of intellectual migration (seed 003). Records
    carry format, dates and the person: enough for virtual, pendulum and one-time mobility;
    the other forms need cohort data (return, contract, employment). ``hei``: one HEI's records
    only (an officer's view)."""
    from collections import Counter

    from aqyl.domain.migration.typology import Episode, count_forms

    rows = m.MobilityRecord.objects.filter(period=period)
    if category:
        rows = rows.filter(category=category)
    if hei:
        rows = rows.filter(hei__code=hei)
    values = list(rows.values_list("format", "start_date", "end_date", "person_id", "hei_id"))
    trips = Counter((hei, person) for *_, person, hei in values if person)
    return count_forms(
        Episode(online=fmt == "online", days=(end - start).days + 1 if start and end else None,
                trips_by_person=trips[(hei, person)] if person else 1)
        for fmt, start, end, person, hei in values
    )

"""The one parser of a report's filter, used by the command line, the reports page and the API:
values come as codes or labels in any of the three languages, and an unknown one is an
:class:`AqylError` naming it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from aqyl.domain.classifiers import CATEGORY, HEI_TYPE, PROGRAMME, REGION
from aqyl.domain.classifiers.periods import half_year

if TYPE_CHECKING:
    from aqyl.store.report_data import ReportFilter


def report_filter(category: str | None = "faculty", hei_types: Iterable[str] = (), regions: Iterable[str] = (),
                  programmes: Iterable[str] = (), heis: Iterable[str] = ()) -> ReportFilter:
    """The filter from what a user gave; empty values are ignored (a form's unset choice). Callable
    before Django is set up (the command line checks its arguments first)."""
    from aqyl.store.report_data import ReportFilter

    return ReportFilter(
        category=CATEGORY.encode(category or "faculty"),
        hei_types=tuple(HEI_TYPE.encode(v) for v in hei_types if v),
        regions=tuple(REGION.encode(v) for v in regions if v),
        programmes=tuple(PROGRAMME.encode(v) for v in programmes if v),
        heis=tuple(v for v in heis if v),
    )


def report_periods(period: str, compare: str | None = None) -> tuple[str, str | None]:
    """The period's code and the comparison period's (None: the default, a year earlier); a
    comparison period that is not earlier than the period is refused (CommandError)."""
    from aqyl.domain.classifiers import parse_period

    code = half_year(period)
    if not compare:
        return code, None
    other = half_year(compare)
    if parse_period(other).start >= parse_period(code).start:
        from aqyl.app.system import CommandError

        raise CommandError("compare_not_earlier", period=code, compare=other)
    return code, other

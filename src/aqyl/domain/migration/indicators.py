"""The intellectual-migration indicators of DOMAIN.md, each a small documented function.

Counts must be whole and not negative; a rate whose denominator is zero is undefined and raises
:class:`IndicatorError` (a message in the user's language) instead of returning 0 or infinity,
since a 0 % brain-drain rate and "no data" mean different things to a ministry.

Worked examples (also in docs/analytics.md and the tests):

>>> net_flow(inbound=12_000, outbound=90_000)
-78000
>>> round(outbound_mobility_ratio(nationals_abroad=90_000, enrolment_at_home=600_000), 1)
15.0
>>> round(brain_drain_rate(emigrants=30, residents=270), 3)
0.1
>>> round(migration_effectiveness_index([(10, 30), (20, 20), (50, 10)]), 2)
42.86
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from aqyl.domain.errors import AqylError


class IndicatorError(AqylError):
    """An indicator that cannot be computed from what was given."""


def _count(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise IndicatorError("indicator_bad_count", name=name, value=value)
    return value


def _ratio(name: str, numerator: int, denominator: int) -> float:
    if denominator == 0:
        raise IndicatorError("indicator_zero", name=name)
    return numerator / denominator


def net_flow(inbound: int, outbound: int) -> int:
    """Inbound minus outbound: negative when more leave than come."""
    return _count("inbound", inbound) - _count("outbound", outbound)


def outbound_mobility_ratio(nationals_abroad: int, enrolment_at_home: int) -> float:
    """UNESCO's outbound mobility ratio: nationals studying abroad per 100 tertiary students
    enrolled at home."""
    return 100 * _ratio("enrolment_at_home", _count("nationals_abroad", nationals_abroad),
                        _count("enrolment_at_home", enrolment_at_home))


def inbound_mobility_rate(inbound: int, enrolment: int) -> float:
    """Foreign (inbound) students per 100 tertiary students enrolled in the country."""
    return 100 * _ratio("enrolment", _count("inbound", inbound), _count("enrolment", enrolment))


def brain_drain_rate(emigrants: int, residents: int) -> float:
    """Docquier–Marfouk skilled-emigration rate m = M / (M + N), a share between 0 and 1:
    M tertiary-educated emigrants, N tertiary-educated residents of the country of origin."""
    m, n = _count("emigrants", emigrants), _count("residents", residents)
    return _ratio("emigrants + residents", m, m + n)


def migration_effectiveness_index(flows: Iterable[tuple[int, int]]) -> float:
    """100 · Σ|in − out| / Σ(in + out) over pairs of (inbound, outbound), e.g. one per partner
    country: 0 when every exchange is balanced, 100 when every flow goes one way."""
    pairs = [(_count("inbound", i), _count("outbound", o)) for i, o in flows]
    return 100 * _ratio("Σ(in + out)", sum(abs(i - o) for i, o in pairs), sum(i + o for i, o in pairs))


def brain_gain(returnees: int, incoming_specialists: int, outgoing: int) -> float:
    """Returnees and incoming specialists per outgoing one: above 1 the country gains."""
    gained = _count("returnees", returnees) + _count("incoming_specialists", incoming_specialists)
    return _ratio("outgoing", gained, _count("outgoing", outgoing))


@dataclass(frozen=True)
class CohortMember:
    """One person of a departure cohort (a scholarship holder, say); years as integers."""

    departure_year: int
    return_year: int | None = None
    employed: bool | None = None  # None: not known
    job_matches_qualification: bool | None = None


def brain_circulation(cohort: Iterable[CohortMember], within_years: int, as_of: int) -> float:
    """The share of a cohort that came back within ``within_years`` of leaving.

    Only members who left at least ``within_years`` before ``as_of`` count: the others have not
    had the time to return, and counting them would understate circulation."""
    if within_years < 0:
        raise IndicatorError("indicator_bad_count", name="within_years", value=within_years)
    eligible = [c for c in cohort if c.departure_year + within_years <= as_of]
    back = [c for c in eligible if c.return_year is not None and c.return_year - c.departure_year <= within_years]
    return _ratio("cohort members who left by " + str(as_of - within_years), len(back), len(eligible))


def brain_waste(people: Iterable[CohortMember]) -> float:
    """The share of employed migrants or returnees whose job is below their qualification
    (among those whose match is known)."""
    known = [p for p in people if p.employed and p.job_matches_qualification is not None]
    below = [p for p in known if not p.job_matches_qualification]
    return _ratio("employed people whose job match is known", len(below), len(known))

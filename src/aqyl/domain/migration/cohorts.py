"""Scholarship cohorts followed after departure (Bolashak and the like): who graduated, who came
back and when, who served the work-off obligation, who works and whether the job matches the
qualification. The indicators are those of :mod:`aqyl.domain.migration.indicators`; the forms of
migration those of :mod:`aqyl.domain.migration.typology`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from aqyl.domain.migration.indicators import CohortMember, brain_circulation, brain_waste
from aqyl.domain.migration.typology import YEAR, Episode, count_forms

HOME = "KZ"
# Settled obligations: served, or ended otherwise (the costs paid back, or broken outright).
SETTLED = ("fulfilled", "refunded", "breached")
NOT_SERVED = ("refunded", "breached")
OUTSIDE_SCIENCE = ("public", "business", "other")


@dataclass(frozen=True)
class Fellow:
    person_id: str
    cohort: str
    departure_year: int
    host_country: str
    study_level: str = ""
    field: str = ""
    graduation_year: int | None = None
    return_year: int | None = None
    return_planned: bool | None = None
    obligation_years: int | None = None
    obligation_status: str = ""
    residence_country: str = ""
    employment: str = ""
    job_matches_qualification: bool | None = None

    @property
    def employed(self) -> bool | None:
        return None if not self.employment else self.employment != "not_employed"

    @property
    def returned(self) -> bool:
        return self.return_year is not None

    def as_member(self) -> CohortMember:
        return CohortMember(self.departure_year, self.return_year, self.employed, self.job_matches_qualification)

    def episode(self, as_of: int) -> Episode:
        """The stay abroad as the typology sees it, counted in whole years up to ``as_of``.

        A doctoral fellow working outside science and education has left science (seed 003's
        "sector change"); for bachelor's and master's fellows any sector is an ordinary career.
        A contract abroad is known only as "employed and living outside Kazakhstan"."""
        years = (self.return_year if self.return_year is not None else as_of) - self.departure_year
        abroad = not self.returned and self.residence_country not in ("", HOME)
        return Episode(
            days=max(years, 0) * YEAR,
            returned=self.returned,
            return_planned=self.return_planned,
            contract_abroad=abroad and bool(self.employed),
            works_outside_science=self.study_level == "doctoral" and self.employment in OUTSIDE_SCIENCE,
        )


@dataclass
class CohortSummary:
    cohort: str
    as_of: int
    within_years: int
    fellows: int = 0
    departure_years: tuple[int, int] | None = None
    graduated: int = 0
    still_studying: int = 0
    returned: int = 0
    graduates_returned: int = 0
    not_returned: int = 0
    not_returned_planning_return: int = 0
    return_rate: float | None = None  # graduates back in Kazakhstan ÷ graduates
    circulation: float | None = None  # back within ``within_years`` of departure ÷ those who left long enough ago
    circulation_eligible: int = 0
    obligations: dict[str, int] = field(default_factory=dict)
    obligation_breach_rate: float | None = None  # (refunded + breached) ÷ settled obligations
    employed: int = 0
    employment_known: int = 0
    employment: dict[str, int] = field(default_factory=dict)
    brain_waste: float | None = None
    job_match_known: int = 0
    forms: dict[str, int] = field(default_factory=dict)
    hosts: list[tuple[str, int]] = field(default_factory=list)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["hosts"] = [{"country": c, "fellows": n} for c, n in self.hosts]
        data["departure_years"] = list(self.departure_years) if self.departure_years else None
        return data


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def summarise(fellows: Sequence[Fellow], *, as_of: int, within_years: int = 5, cohort: str = "") -> CohortSummary:
    """Every indicator of one cohort (or of all fellows given) as of a year."""
    s = CohortSummary(cohort=cohort, as_of=as_of, within_years=within_years, fellows=len(fellows))
    if not fellows:
        return s
    departures = [f.departure_year for f in fellows]
    s.departure_years = (min(departures), max(departures))
    graduates = [f for f in fellows if f.graduation_year is not None]
    s.graduated = len(graduates)
    s.still_studying = sum(1 for f in fellows if f.graduation_year is None and not f.returned)
    s.returned = sum(1 for f in fellows if f.returned)
    s.graduates_returned = sum(1 for f in graduates if f.returned)
    away = [f for f in graduates if not f.returned]
    s.not_returned = len(away)
    s.not_returned_planning_return = sum(1 for f in away if f.return_planned)
    s.return_rate = _share(s.graduates_returned, s.graduated)
    members = [f.as_member() for f in fellows]
    s.circulation_eligible = sum(1 for m in members if m.departure_year + within_years <= as_of)
    if s.circulation_eligible:
        s.circulation = brain_circulation(members, within_years=within_years, as_of=as_of)
    s.obligations = dict(Counter(f.obligation_status for f in fellows if f.obligation_status))
    settled = sum(s.obligations.get(k, 0) for k in SETTLED)
    s.obligation_breach_rate = _share(sum(s.obligations.get(k, 0) for k in NOT_SERVED), settled)
    known = [f for f in fellows if f.employment]
    s.employment_known = len(known)
    s.employed = sum(1 for f in known if f.employed)
    s.employment = dict(Counter(f.employment for f in known))
    s.job_match_known = sum(1 for f in fellows if f.employed and f.job_matches_qualification is not None)
    if s.job_match_known:
        s.brain_waste = brain_waste(members)
    s.forms = count_forms(f.episode(as_of) for f in fellows)
    s.hosts = Counter(f.host_country for f in fellows).most_common()
    return s


def summarise_cohorts(fellows: Iterable[Fellow], *, as_of: int, within_years: int = 5) -> list[CohortSummary]:
    """One summary per cohort, largest first, then one for all of them together."""
    by_cohort: dict[str, list[Fellow]] = {}
    everyone = []
    for f in fellows:
        by_cohort.setdefault(f.cohort, []).append(f)
        everyone.append(f)
    summaries = [summarise(group, as_of=as_of, within_years=within_years, cohort=name)
                 for name, group in sorted(by_cohort.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    if len(summaries) > 1:
        summaries.append(summarise(everyone, as_of=as_of, within_years=within_years, cohort=""))
    return summaries


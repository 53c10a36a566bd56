"""Cohorts of scholarship holders: the indicators of the stored programmes as rows of a table
(the command line prints them, the web page renders them), and the words for them."""

from __future__ import annotations

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.migration.cohorts import CohortSummary, summarise_cohorts
from aqyl.domain.migration.typology import FORMS
from aqyl.domain.wording.catalogue import label

COHORT_TEXT = {
    "fellows": label("cohort_fellows"), "departures": label("cohort_departures"),
    "graduated": label("cohort_graduated"), "studying": label("cohort_studying"),
    "returned": label("cohort_returned"), "return_rate": label("cohort_return_rate"),
    "not_returned": label("cohort_not_returned"), "circulation": label("cohort_circulation"),
    "breach": label("cohort_breach"), "employed": label("cohort_employed"), "waste": label("cohort_waste"),
    "hosts": label("cohort_hosts"), "all": label("cohort_all"), "indicator": label("indicator"),
    "none": label("cohort_none"),
}


def summaries(cohort: str | None = None, as_of: int | None = None, within: int = 5) -> list[CohortSummary]:
    """Each stored programme and all together, as of a year (default: this one)."""
    import datetime

    from aqyl.store.cohorts import current_fellows

    return summarise_cohorts(current_fellows(cohort), as_of=as_of or datetime.date.today().year, within_years=within)


def pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


def indicator_rows(summaries: list[CohortSummary], lang: str, within: int,
                   local: bool = False) -> list[tuple[str, list[str]]]:
    """One row per indicator, one value per summary, as text: figures as the terminal prints them
    (1,234; 75.0), or with ``local`` as the language writes them (1 234; 75,0) for a page."""
    from aqyl.domain.numbers import fmt_int, fmt_num

    t = {k: v.get(lang) for k, v in COHORT_TEXT.items()}

    def n(x: int) -> str:
        return fmt_int(x, lang) if local else f"{x:,}"

    def p(x: float | None) -> str:
        return pct(x) if not local or x is None else fmt_num(100 * x, lang, 1)

    rows: list[tuple[str, list[str]]] = [
        (t["fellows"], [n(s.fellows) for s in summaries]),
        (t["departures"], ["–".join(map(str, s.departure_years)) if s.departure_years else "" for s in summaries]),
        (t["graduated"], [n(s.graduated) for s in summaries]),
        (t["studying"], [n(s.still_studying) for s in summaries]),
        (t["returned"], [n(s.returned) for s in summaries]),
        (t["return_rate"], [p(s.return_rate) for s in summaries]),
        (t["not_returned"], [f"{n(s.not_returned)} ({n(s.not_returned_planning_return)})" for s in summaries]),
        (t["circulation"].format(k=within), [f"{p(s.circulation)} ({n(s.circulation_eligible)})" for s in summaries]),
    ]
    for status in CLASSIFIERS["obligation"]:
        rows.append((f"{CLASSIFIERS['obligation'].title.get(lang)}: {status.label.get(lang)}",
                     [n(s.obligations.get(status.code, 0)) for s in summaries]))
    rows.append((t["breach"], [p(s.obligation_breach_rate) for s in summaries]))
    rows.append((t["employed"], [f"{n(s.employed)} / {n(s.employment_known)}" for s in summaries]))
    for sector in CLASSIFIERS["employment"]:
        rows.append((f"  {sector.label.get(lang)}", [n(s.employment.get(sector.code, 0)) for s in summaries]))
    rows.append((t["waste"], [f"{p(s.brain_waste)} ({n(s.job_match_known)})" for s in summaries]))
    for form, name in FORMS.items():
        rows.append((name.get(lang), [n(s.forms.get(form, 0)) for s in summaries]))
    rows.append((t["hosts"], [", ".join(f"{c} {n(k)}" for c, k in s.hosts[:4]) for s in summaries]))
    return rows

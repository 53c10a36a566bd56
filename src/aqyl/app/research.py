"""What the research pages and their API look up besides the use cases of :mod:`aqyl.app.flows`,
:mod:`aqyl.app.jobs`, :mod:`aqyl.app.cohorts` and :mod:`aqyl.app.interviews`: a background run, the
years and sources of stored flows, whether cohorts are stored, the interviews and their attributes."""

from __future__ import annotations

from aqyl.store import models as m
from aqyl.store.emigration import pick_source  # noqa: F401  (the pages' entry points)
from aqyl.store.interviews import add_interview, codebook, frequencies, quotes  # noqa: F401
from aqyl.store.migration import typology  # noqa: F401


def run_of(pk: int, kind: str | None = None) -> m.AnalysisRun | None:
    qs = m.AnalysisRun.objects.filter(pk=pk)
    return (qs.filter(kind=kind) if kind else qs).first()


def flow_years(origin: str, source: str | None = None, population: str | None = None) -> list[int]:
    """The years with stored flows from ``origin`` (of one source, of one population), newest first."""
    qs = m.Flow.objects.filter(origin=origin)
    if source is not None:
        qs = qs.filter(source=source)
    if population is not None:
        qs = qs.filter(population=population)
    return sorted(set(qs.values_list("year", flat=True)), reverse=True)


def flow_sources(population: str) -> list[str]:
    return sorted(set(m.Flow.objects.filter(population=population).values_list("source", flat=True)))


def has_cohorts() -> bool:
    """Whether a current cohort upload holds any scholarship holder."""
    return m.CohortMember.objects.filter(upload__is_current=True).exists()


def interview_keys() -> list[str]:
    """Every attribute name the stored interviews use (gender, funding, …), sorted."""
    return sorted({k for a in m.Interview.objects.values_list("attributes", flat=True) for k in (a or {})})


def interviews() -> list[m.Interview]:
    return list(m.Interview.objects.order_by("code").prefetch_related("segments"))


def interview(code: str) -> m.Interview | None:
    return m.Interview.objects.filter(code=code).first()


def segments(found: m.Interview) -> list[m.CodedSegment]:
    return list(found.segments.order_by("start"))


def latest_year(origin: str, source: str) -> int | None:
    """The newest year of stored flows from ``origin`` by ``source``."""
    years = flow_years(origin, source)
    return years[0] if years else None

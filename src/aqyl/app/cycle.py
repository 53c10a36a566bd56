"""The review cycle as the web's board and submission pages use it: the periods on the board, one
HEI's versions and reviews, the version a page names, and a submission as JSON (the API's shape,
the one shape of a submission). The cycle's rules (open, review, remind, the kept files) are in
:mod:`aqyl.store.cycle`, shared with the command line; they are re-exported here so that the
pages call one module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aqyl.app.submissions import SUBMISSION_FIELDS, submission_json  # noqa: F401  (the API's shape, one home)
from aqyl.store import models as m
from aqyl.store.cycle import (  # noqa: F401  (the pages' entry points)
    STATUSES,
    Line,
    board,
    collection,
    half_year,
    kept_file,
    open_period,
    remind,
    returned,
    review,
    status_of,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet


def board_periods() -> list[str]:
    """Open collection periods and periods with submissions, newest first."""
    found = set(m.Submission.objects.values_list("period", flat=True).distinct())
    found |= set(m.CollectionPeriod.objects.values_list("period", flat=True))
    return sorted(found, reverse=True)


def current(hei: m.Hei | None, period: str) -> m.Submission | None:
    """The current version of the (``hei``, ``period``) submission, if any."""
    if hei is None or not period:
        return None
    return m.Submission.objects.filter(hei=hei, period=period, is_current=True).first()


def versions(hei: m.Hei, period: str) -> list[m.Submission]:
    """Every version of one HEI's submission for a period, the newest first."""
    return list(m.Submission.objects.filter(hei=hei, period=period).order_by("-version"))


def reviews(of: list[m.Submission]) -> list[m.SubmissionReview]:
    """The reviews of these versions, oldest first."""
    return list(m.SubmissionReview.objects.filter(submission__in=of).select_related("submission"))


def version(hei: m.Hei, period: str, number: int, *, earlier_only: bool = False) -> m.Submission | None:
    """One version of a submission (``earlier_only``: not the current one), or None."""
    qs = m.Submission.objects.filter(hei=hei, period=period, version=number)
    return (qs.filter(is_current=False) if earlier_only else qs).first()


def listed(qs: QuerySet, *, period: str = "", hei: str = "", current_only: bool = False) -> QuerySet:
    """The API's list of submissions: ``qs`` (what the caller may read) filtered and ordered."""
    qs = qs.order_by("period", "hei__code", "-version")
    if period:
        qs = qs.filter(period=period)
    if hei:
        qs = qs.filter(hei__code=hei)
    return qs.filter(is_current=True) if current_only else qs

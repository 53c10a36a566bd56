"""The half-year collection cycle: an analyst opens a period with a deadline, HEIs submit, the
analyst accepts a submission or returns it for correction with a comment, and HEIs that have not
submitted are reminded by e-mail. The web board and the command line both call these functions;
every decision and reminder goes to the audit log."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from aqyl.domain.classifiers import half_year
from aqyl.domain.errors import AqylError
from aqyl.store import models as m

STATUSES = ("not_submitted", "submitted", "returned", "accepted")
REMIND_DAYS_BEFORE = 7  # "as the deadline nears": a week before it, then daily once it has passed


def _name(user) -> str:
    return user.get_username() if user is not None and getattr(user, "is_authenticated", False) else ""


def audit(user, action: str, target: str, before=None, after=None) -> None:
    who = user if _name(user) else None
    m.AuditEntry.objects.create(user=who, username=_name(user), action=action, target=target[:200], before=before,
                                after=after)


# --- collection periods ------------------------------------------------------------------------
def open_period(period: str, deadline: date, user=None) -> m.CollectionPeriod:
    """Open ``period`` for submissions with ``deadline``, or move the deadline of an open one. A
    deadline before the period begins is refused (AqylError ``cycle_deadline_before``)."""
    from aqyl.domain.classifiers import parse_period
    from aqyl.domain.errors import AqylError

    code = half_year(period)
    if deadline < (start := parse_period(code).start):
        raise AqylError("cycle_deadline_before", period=code, deadline=deadline.isoformat(), start=start.isoformat())
    with transaction.atomic():
        found = m.CollectionPeriod.objects.select_for_update().filter(period=code).first()
        if found is None:
            found = m.CollectionPeriod.objects.create(period=code, deadline=deadline, opened_by=user
                                                      if _name(user) else None, opened_by_name=_name(user))
            audit(user, "period.open", code, None, {"deadline": deadline.isoformat()})
        elif found.deadline != deadline:
            before = found.deadline.isoformat()
            found.deadline = deadline
            found.save(update_fields=["deadline"])
            audit(user, "period.deadline", code, {"deadline": before}, {"deadline": deadline.isoformat()})
    return found


def collection(period: str) -> m.CollectionPeriod | None:
    return m.CollectionPeriod.objects.filter(period=period).first()


def open_periods() -> list[str]:
    """The periods opened for submissions, oldest first (none: the cycle is not in use)."""
    return sorted(m.CollectionPeriod.objects.values_list("period", flat=True))


# --- statuses ----------------------------------------------------------------------------------
@dataclass
class Line:
    """One HEI on the board of a period."""

    hei: m.Hei
    current: m.Submission | None
    versions: int
    review: m.SubmissionReview | None  # the current version's newest review

    @property
    def status(self) -> str:
        if self.current is None:
            return "not_submitted"
        return self.review.decision if self.review else "submitted"

    def late(self, deadline: date | None) -> bool:
        """Submitted after the deadline (the current version), or still missing once it has passed."""
        if deadline is None:
            return False
        if self.current is None:
            return timezone.localdate() > deadline
        return timezone.localtime(self.current.created_at).date() > deadline


def board(period: str, heis=None) -> list[Line]:
    """Every HEI active in ``period`` (of ``heis`` if given) with its current submission and status."""
    from aqyl.store.registry import active_in

    return _lines(period, active_in(period, heis))


def _lines(period: str, heis) -> list[Line]:
    hei_qs = heis.order_by("code")
    subs = list(m.Submission.objects.filter(period=period, hei__in=hei_qs).select_related("hei"))
    current = {s.hei_id: s for s in subs if s.is_current}
    versions: dict[int, int] = {}
    for s in subs:
        versions[s.hei_id] = versions.get(s.hei_id, 0) + 1
    reviews: dict[int, m.SubmissionReview] = {}
    for r in m.SubmissionReview.objects.filter(submission__in=current.values()).order_by("at", "id"):
        reviews[r.submission_id] = r  # the newest wins
    return [Line(h, current.get(h.id), versions.get(h.id, 0),
                 reviews.get(current[h.id].id) if h.id in current else None) for h in hei_qs]


def status_of(hei: m.Hei, period: str) -> Line:
    [line] = _lines(period, m.Hei.objects.filter(pk=hei.pk))
    return line


def review(submission: m.Submission, decision: str, comment: str = "", user=None, *, notify: bool = True) -> m.SubmissionReview:
    """Accept the submission, or return it for correction (a comment is required). Only the
    current version can be reviewed; the officers of the HEI are told by e-mail."""
    comment = comment.strip()
    if decision not in ("accepted", "returned"):
        raise AqylError("cycle_bad_decision", value=decision)
    if decision == "returned" and not comment:
        raise AqylError("cycle_comment_required")
    with transaction.atomic():
        fresh = m.Submission.objects.select_for_update().get(pk=submission.pk)
        if not fresh.is_current:
            raise AqylError("cycle_not_current", version=fresh.version)
        previous = fresh.reviews.order_by("-at", "-id").first()
        made = m.SubmissionReview.objects.create(submission=fresh, decision=decision, comment=comment,
                                                 reviewer=user if _name(user) else None, reviewer_name=_name(user))
        audit(user, f"submission.{'accept' if decision == 'accepted' else 'return'}",
               f"{fresh.hei.code} {fresh.period}", {"version": fresh.version, "status": previous.decision if previous else "submitted"},
               {"version": fresh.version, "status": decision, "comment": comment})
    # Whom the notice reached, for the reviewer: {"sent": n, "missing": [officers without an
    # address], "failed": the mail server refused}. An attribute of the returned review, not stored.
    made.notice = {"sent": 0, "missing": no_address(fresh.hei), "failed": False}  # type: ignore[attr-defined]
    if notify:  # after the decision is stored: a mail server that is down must not undo it
        try:
            made.notice["sent"] = notify_review(made)  # type: ignore[attr-defined]
        except OSError:
            import logging

            made.notice["failed"] = True  # type: ignore[attr-defined]
            logging.getLogger("aqyl").exception("the review notice for %s could not be sent", made.submission)
    return made


# --- the submitted files -----------------------------------------------------------------------
def files_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "submitted"


def keep_file(path: Path, sha256: str) -> None:
    """Keep the file a submission was stored from, by its content hash, so that the board can
    offer it for download (the file as kept: IINs already replaced by pseudonyms)."""
    if not sha256:
        return
    target = files_dir() / sha256 / path.name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def kept_file(submission: m.Submission) -> Path | None:
    if not submission.file_sha256 or not submission.file_name:
        return None
    path = files_dir() / submission.file_sha256 / Path(submission.file_name).name
    return path if path.is_file() else None


# --- e-mail ------------------------------------------------------------------------------------
@dataclass
class Reminder:
    hei: m.Hei
    status: str
    to: list[tuple[str, str]]  # (address, language) of each officer
    sent: int = 0              # how many of those messages went (0 in a dry run)
    failed: int = 0            # how many the mail server refused


def officers(hei: m.Hei) -> list[tuple[str, str]]:
    """The e-mail addresses of the HEI's active officers, with each officer's language."""
    profiles = m.Profile.objects.filter(role="officer", hei=hei, user__is_active=True).exclude(user__email="")
    return [(p.user.email, p.language) for p in profiles.select_related("user").order_by("user__username")]


def no_address(hei: m.Hei) -> list[str]:
    """The user names of the HEI's active officers who have no e-mail address."""
    return list(m.Profile.objects.filter(role="officer", hei=hei, user__is_active=True, user__email="")
                .order_by("user__username").values_list("user__username", flat=True))


def due(period: str) -> list[Reminder]:
    """The HEIs still to act for ``period`` (not submitted, or returned for correction) and whom to write to."""
    return [Reminder(line.hei, line.status, officers(line.hei)) for line in board(period)
            if line.status in ("not_submitted", "returned")]


# Each mail's subject and body, by kind (the audit log records the kind).
SUBJECT = {"reminder_due": "reminder_due_subject", "reminder_overdue": "reminder_overdue_subject",
           "reminder_returned": "reminder_returned_subject", "review_returned": "review_returned_subject",
           "review_accepted": "review_accepted_subject"}
BODY = {"reminder_due": "reminder_due_body", "reminder_overdue": "reminder_overdue_body",
        "reminder_returned": "reminder_returned_body", "review_returned": "review_returned_body",
        "review_accepted": "review_accepted_body"}


def _send(to: list[tuple[str, str]], key: str, **params) -> int:
    """One message per officer, in that officer's language; returns how many were sent."""
    from django.core.mail import EmailMessage, get_connection

    from aqyl.domain.wording import messages

    mails = [EmailMessage(messages.render(SUBJECT[key], lang, **params), messages.render(BODY[key], lang, **params),
                          to=[address]) for address, lang in to]
    if not mails:
        return 0
    with get_connection() as connection:
        return connection.send_messages(mails) or 0


def _texts(hei: m.Hei, period: str, lang: str) -> dict:
    return {"hei": hei.name(lang), "code": hei.code}


def remind(period: str, *, user=None, dry_run: bool = False, today: date | None = None) -> list[Reminder]:
    """E-mail the officers of every HEI that has not submitted ``period`` (or must correct it).
    The wording says whether the deadline is near or has passed. Returns who was (or would be) written to."""
    code = half_year(period)
    found = collection(code)
    if found is None:
        raise AqylError("cycle_not_open", period=code)
    today = today or timezone.localdate()
    key = "reminder_overdue" if today > found.deadline else "reminder_due"
    reminders = due(code)
    if dry_run:
        return reminders
    for r in reminders:
        for address, lang in r.to:
            try:
                r.sent += _send([(address, lang)], key if r.status == "not_submitted" else "reminder_returned",
                                period=code, deadline=found.deadline.isoformat(), link=_link("/upload/"),
                                **_texts(r.hei, code, lang))
            except OSError:  # the mail server refused or is down: said to whoever sent the reminders
                import logging

                r.failed += 1
                logging.getLogger("aqyl").exception("a reminder to %s could not be sent", address)
        # A HEI nobody could be written to is its own entry: "sent" would hide it among the reached.
        action = "reminder.send" if r.sent else "reminder.failed" if r.failed else "reminder.unreached"
        audit(user, action, f"{r.hei.code} {code}", None,
              {"to": [a for a, _ in r.to], "sent": r.sent, "kind": key, "status": r.status}
              | ({"failed": r.failed} if r.failed else {}))
    return reminders


def due_today(today: date | None = None) -> list[str]:
    """The open periods whose reminders go out today: a week before the deadline, on the day
    before it, and every day once it has passed until the period's half-year is over plus a month."""
    today = today or timezone.localdate()
    out = []
    for p in m.CollectionPeriod.objects.all():
        days = (p.deadline - today).days
        if days in (REMIND_DAYS_BEFORE, 1) or (days < 0 and today - p.deadline <= timedelta(days=30)):
            out.append(p.period)
    return sorted(out)


def notify_review(made: m.SubmissionReview) -> int:
    s = made.submission
    key = "review_returned" if made.decision == "returned" else "review_accepted"
    total = 0
    for address, lang in officers(s.hei):
        total += _send([(address, lang)], key, period=s.period, version=s.version, comment=made.comment,
                       reviewer=made.reviewer_name or "–", link=_link(f"/submissions/{s.period}/{s.hei.code}/"),
                       **_texts(s.hei, s.period, lang))
    return total


def _link(path: str) -> str:
    from aqyl.config import public_url

    # the deployment's address (AQYL_PUBLIC_URL); links in mail need it.
    base = public_url() or "http://localhost:8000"
    return base.rstrip("/") + path


def returned(heis) -> list[tuple[m.Submission, m.SubmissionReview]]:
    """The current submissions of ``heis`` whose newest review returned them for correction."""
    out = []
    for s in m.Submission.objects.filter(is_current=True, hei__in=heis).select_related("hei").order_by("-period"):
        last = s.reviews.order_by("-at", "-id").first()
        if last is not None and last.decision == "returned":
            out.append((s, last))
    return out

"""Accounts and the collection cycle's commands: add a user with a role (and an officer's HEI),
open a half-year for submissions, and e-mail reminders (the same functions as the web board,
:mod:`aqyl.store.cycle`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from aqyl.app.access import ROLES
from aqyl.app.system import CommandError
from aqyl.domain.errors import AqylError


def check_role(role: str, hei: str | None) -> None:
    """An officer has an HEI, no one else has; checked before the database is opened."""
    if role not in ROLES:
        raise CommandError("bad_role", role=role)
    if role == "officer" and not hei:
        raise CommandError("needs_hei")
    if role != "officer" and hei:
        raise CommandError("no_hei_needed")


def check_new_user(username: str, hei: str | None) -> str | None:
    """The code of a new user's HEI (named by code, name or alias; None: none), or CommandError
    when the name is taken."""
    from django.contrib.auth import get_user_model

    from aqyl.app.submissions import hei_row

    if get_user_model().objects.filter(username=username).exists():
        raise CommandError("user_exists", user=username)
    return hei_row(hei).code if hei else None


@dataclass(frozen=True)
class NewUser:
    username: str
    role: str
    hei: str  # the officer's HEI code, else ""


def add_user(username: str, role: str, hei: str | None, email: str, language: str, password: str) -> NewUser:
    """Create the account and its profile (``hei``: the officer's HEI code, as check_new_user
    gives it) in one transaction; the password must pass Django's validators (CommandError
    ``weak_password`` with their reasons)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from aqyl.store import models as m

    if not password:
        raise CommandError("no_password")
    try:
        validate_password(password)
    except ValidationError as error:
        raise CommandError("weak_password", why=" ".join(error.messages)) from None
    with transaction.atomic():
        user = get_user_model().objects.create_user(username, email=email, password=password, is_staff=role == "admin")
        m.Profile.objects.create(user=user, role=role, hei=m.Hei.objects.get(code=hei) if hei else None,
                                 language=language if language in ("kk", "ru", "en") else "kk")
    return NewUser(username, role, hei or "")


@dataclass(frozen=True)
class Reminded:
    period: str
    hei: str
    status: str
    to: list[str]  # addresses; empty when the HEI's officers have none
    sent: int = 0  # messages that went (0 in a dry run)


def reminder_periods(period: str | None) -> list[str]:
    """The period asked for, or every open period whose reminders are due today."""
    from aqyl.store import cycle

    return [period] if period else cycle.due_today()


def remind(period: str, dry_run: bool) -> list[Reminded]:
    from aqyl.store import cycle

    return [Reminded(period, r.hei.code, r.status, [a for a, _ in r.to], r.sent)
            for r in cycle.remind(period, dry_run=dry_run)]


def open_period(period: str, deadline: str) -> tuple[str, str]:
    """Open a half-year for submissions (or move its deadline): its code and the deadline, ISO."""
    import re

    from aqyl.store import cycle

    try:  # YYYY-MM-DD only: Python also reads 20240715 and 2024-W28-1, which nobody means here
        day = date.fromisoformat(deadline) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", deadline.strip()) else None
    except ValueError:
        day = None
    if day is None:
        raise AqylError("cycle_bad_deadline", value=deadline)
    found = cycle.open_period(period, day)
    return found.period, found.deadline.isoformat()

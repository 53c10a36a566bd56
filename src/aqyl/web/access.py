"""Who may see and change what. Every view and API endpoint asks here, so the rule is written once:
an HEI officer sees and changes only their HEI's records and submissions, an analyst reads
everything and runs reports, an administrator also manages users, HEIs and classifiers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from aqyl.app import records as app

ROLES = ("officer", "analyst", "admin")


def role_of(user) -> str | None:
    if not user.is_authenticated:
        return None
    profile = getattr(user, "aqyl_profile", None)
    if profile is not None:
        return profile.role
    return "admin" if user.is_superuser else None


def hei_of(user):
    profile = getattr(user, "aqyl_profile", None)
    return profile.hei if profile is not None and profile.role == "officer" else None


def require_role(user, *allowed: str) -> str:
    role = role_of(user)
    if role not in allowed:
        raise PermissionDenied
    return role


def scope(user, qs: QuerySet, hei_field: str = "hei") -> QuerySet:
    """``qs`` narrowed to what ``user`` may read: nothing without a role, one HEI for an officer."""
    role = role_of(user)
    if role is None:
        return qs.none()
    if role == "officer":
        return qs.filter(**{hei_field: hei_of(user)})
    return qs


def records(user) -> QuerySet:
    return scope(user, app.all_records())


def submissions(user) -> QuerySet:
    return scope(user, app.all_submissions())


def heis(user) -> QuerySet:
    role = role_of(user)
    if role is None:
        return app.heis(none=True)
    if role == "officer":
        return app.heis(only=hei_of(user))
    return app.heis()


def may_change_hei(user, hei_code: str) -> bool:
    role = role_of(user)
    if role == "admin":
        return True
    return role == "officer" and hei_of(user).code == hei_code

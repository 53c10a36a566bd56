"""The web's side of who may see and change what: the request's user as an ``Actor``, asked of
the one rule (``aqyl.app.access``); its refusal, ``Forbidden``, is a ``PermissionDenied`` (403)."""

from __future__ import annotations

from django.db.models import QuerySet

from aqyl.app import access as rule
from aqyl.app.access import ROLES, Actor, hei_of, role_of

__all__ = ["ROLES", "actor", "hei_of", "heis", "may_change_hei", "records", "require_role", "role_of", "scope",
           "submissions"]


def actor(user) -> Actor:
    return rule.actor(user)


def require_role(user, *allowed: str) -> str:
    return rule.require_role(rule.actor(user), *allowed)


def scope(user, qs: QuerySet, hei_field: str = "hei") -> QuerySet:
    """``qs`` narrowed to what ``user`` may read: nothing without a role, one HEI for an officer."""
    return rule.scope(rule.actor(user), qs, hei_field)


def records(user) -> QuerySet:
    return rule.records(rule.actor(user))


def submissions(user) -> QuerySet:
    return rule.submissions(rule.actor(user))


def heis(user) -> QuerySet:
    return rule.heis(rule.actor(user))


def may_change_hei(user, hei_code: str) -> bool:
    return rule.may_change_hei(rule.actor(user), hei_code)

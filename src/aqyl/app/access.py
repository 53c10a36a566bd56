"""Who may see and change what, written once for the pages, the API and the command line's
``--user``: an HEI officer sees and changes only their HEI's records and submissions, an analyst
reads everything and runs reports, an administrator also manages users, HEIs and classifiers.

A presenter turns its user (the request's, or the account ``--user`` names) into an :class:`Actor`
and asks here. A refusal is :class:`Forbidden`, an ``AqylError`` and Django's ``PermissionDenied``:
the pages and the API answer 403 wherever it is raised, the command line exits 2 with its message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied

from aqyl.domain.errors import AqylError

if TYPE_CHECKING:
    from django.db.models import QuerySet

ROLES = ("officer", "analyst", "admin")
# Each role's name in a message (aqyl.domain.wording.commands).
ROLE_KEYS = {"officer": "user_role_officer", "analyst": "user_role_analyst", "admin": "user_role_admin",
             None: "user_role_none"}


@dataclass(frozen=True)
class Actor:
    """Who acts: the account's name, its role (None: no role, nothing may be seen) and, for an
    officer, the HEI (its code, and its key for narrowing queries)."""

    name: str
    role: str | None
    hei: str | None = None
    hei_id: int | None = None


NOBODY = Actor("", None)


class Forbidden(AqylError, PermissionDenied):
    """The actor may not do this (the web: 403, as for any PermissionDenied; the command line: exit
    2 with the message, as for any AqylError)."""

    key = "role_forbidden"

    def __init__(self, who: Actor) -> None:
        super().__init__(None, user=who.name or "–", role=role_word(who.role))


def role_word(role: str | None):
    """The role's name in the three languages, for a message."""
    from aqyl.domain.wording.catalogue import label

    return label(ROLE_KEYS[role])


def role_of(user: Any) -> str | None:
    """The role of a Django user: its profile's, else administrator for a superuser, else none."""
    if not user.is_authenticated:
        return None
    profile = getattr(user, "aqyl_profile", None)
    if profile is not None:
        return profile.role
    return "admin" if user.is_superuser else None


def hei_of(user: Any) -> Any:
    """The officer's HEI (the stored row), else None: only an officer is bound to one HEI."""
    profile = getattr(user, "aqyl_profile", None)
    return profile.hei if profile is not None and profile.role == "officer" else None


def actor(user: Any) -> Actor:
    """The Actor of a Django user (anonymous: :data:`NOBODY`)."""
    role = role_of(user)
    if role is None:
        return NOBODY
    hei = hei_of(user)
    return Actor(user.get_username(), role, hei.code if hei is not None else None, hei.pk if hei is not None else None)


def require_role(who: Actor, *allowed: str) -> str:
    """The actor's role if it is one of ``allowed``, else :class:`Forbidden`."""
    if who.role is None or who.role not in allowed:
        raise Forbidden(who)
    return who.role


def scope(who: Actor, qs: QuerySet, hei_field: str = "hei") -> QuerySet:
    """``qs`` narrowed to what ``who`` may read: nothing without a role, one HEI for an officer."""
    if who.role is None:
        return qs.none()
    if who.role == "officer":
        return qs.filter(**{hei_field: who.hei_id})
    return qs


def may_change_hei(who: Actor, hei_code: str) -> bool:
    """Whether ``who`` may change the records and submissions of the HEI ``hei_code``."""
    return who.role == "admin" or (who.role == "officer" and who.hei is not None and who.hei == hei_code)


def may_store(who: Actor) -> bool:
    """Whether ``who`` may store submissions: an administrator any, an officer their HEI's."""
    return who.role == "admin" or (who.role == "officer" and who.hei is not None)


def records(who: Actor) -> QuerySet:
    """The mobility records ``who`` may read."""
    from aqyl.app import records as app

    return scope(who, app.all_records())


def submissions(who: Actor) -> QuerySet:
    """The submissions ``who`` may read."""
    from aqyl.app import records as app

    return scope(who, app.all_submissions())


def heis(who: Actor) -> QuerySet:
    """The HEIs ``who`` may choose: an officer their own, an analyst or administrator every active one."""
    from aqyl.app import records as app
    from aqyl.store import models as m

    if who.role is None:
        return app.heis(none=True)
    if who.role == "officer":
        return m.Hei.objects.filter(pk=who.hei_id)
    return app.heis()

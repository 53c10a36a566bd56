"""The audit log: every change with who, when, before and after. Uploads and restores write their
entry where they happen; changes to HEIs, users and roles (admin pages included) are caught by
model signals, with the user taken from the request being served."""

from __future__ import annotations

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_save
from django.forms.models import model_to_dict

from aqyl.store import models as m

current_user: ContextVar = ContextVar("aqyl_current_user", default=None)
WATCHED = (m.Hei, m.HeiAlias, m.Profile)
HIDDEN = {"password", "last_login"}  # a sign-in is not a change


def record(user, action: str, target: str, before=None, after=None) -> m.AuditEntry:
    who = user if user is not None and getattr(user, "is_authenticated", False) else None
    return m.AuditEntry.objects.create(user=who, username=who.get_username() if who else "", action=action,
                                       target=target[:200], before=before, after=after)


def _state(instance) -> dict:
    data = model_to_dict(instance)
    return {k: (str(v) if not isinstance(v, (str, int, float, bool, type(None))) else v)
            for k, v in data.items() if k not in HIDDEN}


def _before(sender, instance, **kwargs):
    old = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._aqyl_before = _state(old) if old is not None else None


def _after(sender, instance, created, **kwargs):
    before = getattr(instance, "_aqyl_before", None)
    after = _state(instance)
    if before != after:
        verb = "create" if created else "change"
        if not created and sender is m.Profile and {k for k in after if before.get(k) != after[k]} == {"language"}:
            verb = "language"  # the user's own language switch, not a change of role
        record(current_user.get(), f"{sender._meta.model_name}.{verb}", str(instance), before, after)


def _deleted(sender, instance, **kwargs):
    record(current_user.get(), f"{sender._meta.model_name}.delete", str(instance), _state(instance), None)


def connect() -> None:
    for model in (*WATCHED, get_user_model()):
        pre_save.connect(_before, sender=model, dispatch_uid=f"aqyl-audit-pre-{model.__name__}")
        post_save.connect(_after, sender=model, dispatch_uid=f"aqyl-audit-post-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"aqyl-audit-del-{model.__name__}")


class RequestUser:
    """Middleware: makes the signed-in user known to the signals while a request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_user.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            current_user.reset(token)

"""Who may see and change what (aqyl.app.access): one rule for the pages, the API and the command
line's --user, on the users each role has."""

import pytest
from django.contrib.auth import get_user_model

from aqyl.app import access
from aqyl.app.access import NOBODY, Actor, Forbidden
from aqyl.store import models as m

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(settings, tmp_path):
    from django.contrib.auth.models import AnonymousUser

    from aqyl.store.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    accounts = get_user_model().objects
    accounts.create_user("norole", password="no-role-here")
    accounts.create_superuser("root", password="root-password-1")
    found = {name: accounts.get(username=name) for name in ("officer", "analyst", "admin", "norole", "root")}
    return {**found, "anonymous": AnonymousUser()}


def test_each_user_is_an_actor(users):
    hei = users["officer"].aqyl_profile.hei
    assert {name: access.actor(user) for name, user in users.items()} == {
        "officer": Actor("officer", "officer", hei.code, hei.pk),
        "analyst": Actor("analyst", "analyst"), "admin": Actor("admin", "admin"), "root": Actor("root", "admin"),
        "norole": NOBODY, "anonymous": NOBODY}
    assert hei.code == "ALMAU"


@pytest.mark.parametrize(("name", "lang", "message"), [
    ("officer", "en", "User “officer” (HEI officer) may not do this."),
    ("norole", "ru", "У пользователя «–» (без роли) нет прав на это действие."),
    ("analyst", "kk", "«analyst» пайдаланушысының (талдаушы) бұған құқығы жоқ."),
])
def test_a_role_not_allowed_is_refused_with_a_message(users, name, lang, message):
    with pytest.raises(Forbidden) as refused:
        access.require_role(access.actor(users[name]), "admin")
    assert refused.value.message(lang) == message


def test_what_each_role_may_read_and_change(users):
    own = users["officer"].aqyl_profile.hei
    visible = {name: sorted(set(access.records(access.actor(u)).values_list("hei__code", flat=True)))
               for name, u in users.items()}
    every = sorted(set(m.MobilityRecord.objects.values_list("hei__code", flat=True)))
    assert len(every) > 1
    assert visible == {"officer": [own.code], "analyst": every, "admin": every, "root": every, "norole": [],
                       "anonymous": []}
    assert [h.code for h in access.heis(access.actor(users["officer"]))] == [own.code]
    assert list(access.heis(NOBODY)) == []
    changes = {name: (access.may_change_hei(access.actor(u), own.code), access.may_change_hei(access.actor(u), "KAZNU"))
               for name, u in users.items()}
    assert changes == {"officer": (True, False), "analyst": (False, False), "admin": (True, True),
                       "root": (True, True), "norole": (False, False),
                       "anonymous": (False, False)}
    stores = {name: access.may_store(access.actor(u)) for name, u in users.items()}
    assert stores == {"officer": True, "analyst": False, "admin": True, "root": True,
                      "norole": False, "anonymous": False}


def test_a_refusal_is_a_403_for_the_web_and_an_error_for_the_command_line():
    from django.core.exceptions import PermissionDenied

    from aqyl.domain.errors import AqylError

    assert issubclass(Forbidden, PermissionDenied) and issubclass(Forbidden, AqylError)

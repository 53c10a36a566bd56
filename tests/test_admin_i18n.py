"""The admin in Kazakh and Russian, with records read-only, users created with their role in one
form, the audit log to read and filter, and the application's own refusal for anyone else."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from tests.test_web import client_for

from aqyl.store import models as m

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path, demo_register):
    settings.MEDIA_ROOT = tmp_path / "media"


def visible_words(html: str) -> set[str]:
    """The Latin words a reader sees (text and titles, not markup, scripts or entities)."""
    html = re.sub(r"(?s)<(script|style)[^>]*>.*?</\1>", " ", html)
    titles = " ".join(re.findall(r'(?:title|placeholder|aria-label)="([^"]*)"', html))
    text = re.sub(r"(?s)<[^>]+>", " ", html) + " " + titles
    text = re.sub(r"&[a-z]+;", " ", text)
    return set(re.findall(r"[A-Za-z]{2,}", text))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_on_the_admin_index(demo, lang):
    admin = client_for("admin")
    admin.post("/language/", {"lang": lang, "next": "/"})
    page = admin.get("/admin/").content.decode()
    assert visible_words(page) - {"Aqyl", "admin"} == set()  # the product's name and the user's
    heading = {"kk": "Aqyl әкімшілігі", "ru": "Администрирование Aqyl"}[lang]
    assert heading in page and "Даңғо" not in page and "Django" not in page
    for word in {"kk": ("Тізілім", "ЖОО-лар", "Ұтқырлық жазбалары", "Аудит журналы", "Соңғы әрекеттер", "Сайтқа өту",
                        "Пайдаланушылар және құқықтар"),
                 "ru": ("Реестр", "Вузы", "Записи о мобильности", "Журнал аудита")}[lang]:
        assert word in page, word


def test_records_are_read_only_and_the_audit_log_filterable(demo):
    admin = client_for("admin")
    record = m.MobilityRecord.objects.first()
    assert admin.get("/admin/aqyl/mobilityrecord/").status_code == 200
    page = admin.get(f"/admin/aqyl/mobilityrecord/{record.pk}/change/").content.decode()
    assert 'name="_save"' not in page  # a view, not a form
    before = record.partner_institution
    admin.post(f"/admin/aqyl/mobilityrecord/{record.pk}/change/", {"partner_institution": "Changed in place"})
    record.refresh_from_db()
    assert record.partner_institution == before
    assert admin.post(f"/admin/aqyl/mobilityrecord/{record.pk}/delete/", {"post": "yes"}).status_code == 403
    assert m.MobilityRecord.objects.filter(pk=record.pk).exists()
    assert admin.get("/admin/aqyl/mobilityrecord/add/").status_code == 403
    # The audit log: listed, filtered by action, each entry viewable.
    log = admin.get("/admin/aqyl/auditentry/?action=hei.create").content.decode()
    created = m.AuditEntry.objects.filter(action="hei.create").count()
    rows = re.findall(r'<td class="field-what">([^<]*)</td>', log)
    assert created > 0 and rows == ["ЖОО: жасалды"] * min(created, 100)
    entry = m.AuditEntry.objects.first()
    assert admin.get(f"/admin/aqyl/auditentry/{entry.pk}/change/").status_code == 200


def test_a_user_is_created_with_role_and_hei_in_one_form(demo):
    admin = client_for("admin")
    hei = m.Hei.objects.get(code="KAZNU")
    form = admin.get("/admin/auth/user/add/").content.decode()
    assert 'name="aqyl_profile-0-role"' in form and 'name="aqyl_profile-0-hei"' in form
    assert "ЖОО қызметкері" in form and "Талдаушы" in form
    data = {"username": "dana", "email": "dana@kaznu.example", "password1": "dana-long-password",
            "password2": "dana-long-password", "usable_password": "true",
            "aqyl_profile-TOTAL_FORMS": "1", "aqyl_profile-INITIAL_FORMS": "0", "aqyl_profile-MIN_NUM_FORMS": "1",
            "aqyl_profile-MAX_NUM_FORMS": "1", "aqyl_profile-0-role": "officer", "aqyl_profile-0-hei": str(hei.pk),
            "aqyl_profile-0-language": "ru", "_save": "1"}
    # An officer without an HEI is refused with the reason, and nothing is created.
    page = admin.post("/admin/auth/user/add/", {**data, "aqyl_profile-0-hei": ""}).content.decode()
    assert not get_user_model().objects.filter(username="dana").exists() and "errornote" in page
    response = admin.post("/admin/auth/user/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    user = get_user_model().objects.get(username="dana")
    assert (user.aqyl_profile.role, user.aqyl_profile.hei, user.aqyl_profile.language, user.is_staff) == ("officer", hei, "ru", False)
    assert m.AuditEntry.objects.filter(action="profile.create", target__startswith="dana").exists()
    client_for("dana", "dana-long-password")


def test_the_admin_refuses_others_with_the_applications_page(demo):
    for who in ("officer", "analyst"):
        response = client_for(who).get("/admin/")
        page = response.content.decode()
        assert response.status_code == 403 and '<header class="top">' in page and "Бұл бетке кіруге құқығыңыз жоқ." in page
        assert "Django" not in page and "Даңғо" not in page
    from django.test import Client

    anonymous = Client().get("/admin/", follow=True)
    assert anonymous.redirect_chain[-1][0] == "/login/?next=%2Fadmin%2F" and 'name="password"' in anonymous.content.decode()


def test_the_catalogue_is_compiled_and_used():
    from pathlib import Path

    po = (Path(__file__).resolve().parents[1] / "src/aqyl/web/locale/kk/LC_MESSAGES/django.po").read_text("utf-8")
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', po, re.M)
    assert len(pairs) > 100
    with translation.override("kk"):
        for msgid, msgstr in pairs:
            assert translation.gettext(msgid.replace('\\"', '"')) == msgstr.replace('\\"', '"'), msgid

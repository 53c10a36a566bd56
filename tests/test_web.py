"""The web application and API: roles enforced everywhere, uploads with the importer's checks,
the audit log, login rate limiting, the language switch and the OpenAPI schema."""

import io
import json
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from tests.test_import_check import csv_text

from aqyl.store import models as m

pytestmark = pytest.mark.django_db

PAGES = ["/dashboard/", "/upload/", "/records/", "/submissions/", "/reports/", "/template.xlsx"]


@pytest.fixture
def demo(settings, tmp_path, demo_register):
    settings.MEDIA_ROOT = tmp_path / "media"
    other = m.Hei.objects.get(code="KAZNU")
    user = get_user_model().objects.create_user("officer2", password="second-officer")
    m.Profile.objects.create(user=user, role="officer", hei=other)
    get_user_model().objects.create_user("norole", password="no-role-here")
    return other


def client_for(username: str, password: str = "aqyl-demo") -> Client:
    client = Client()
    assert client.post("/login/", {"username": username, "password": password}).status_code == 302
    return client


def test_anonymous_and_roleless_users_see_nothing(demo):
    anonymous = Client()
    for url in PAGES:
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/"), url
    for url in ("/api/records", "/api/submissions", "/api/aggregates?period=2023H1"):
        assert anonymous.get(url).status_code in (401, 403), url
    nobody = client_for("norole", "no-role-here")
    for url in PAGES[:5]:
        assert nobody.get(url).status_code == 403, url
    assert nobody.get("/api/records").status_code == 403


def test_an_officer_never_reaches_another_hei(demo):
    officer = client_for("officer")  # ALMAU
    theirs = m.MobilityRecord.objects.filter(hei=demo).first()
    their_submission = m.Submission.objects.filter(hei=demo).first()
    own_count = m.MobilityRecord.objects.filter(hei__code="ALMAU").count()
    assert officer.get(f"/api/records/{theirs.id}").status_code == 404
    assert officer.get(f"/api/submissions/{their_submission.id}").status_code == 404
    assert officer.get("/api/records?hei=KAZNU").json()["results"] == []
    listed = officer.get("/api/records?limit=1000").json()
    assert len(listed["results"]) == own_count and {r["hei"] for r in listed["results"]} == {"ALMAU"}
    assert {s["hei"] for s in officer.get("/api/submissions").json()["results"]} == {"ALMAU"}
    # The aggregates are the officer's HEI only, whatever filter is asked.
    model = officer.get("/api/aggregates?period=2023H1").json()
    own_2023 = m.MobilityRecord.objects.filter(hei__code="ALMAU", period="2023H1", category="faculty").count()
    assert model["meta"]["filters"]["heis"] == ["ALMAU"] and model["periods"]["2023H1"]["both"]["total"] == own_2023
    assert "Табылды: 0" in officer.get("/records/?hei=KAZNU").content.decode()
    assert f"Табылды: {own_count}" in officer.get("/records/").content.decode()
    board = officer.get("/submissions/?period=2023H1").content.decode()
    assert "ALMAU" in board and "KAZNU" not in board
    # The report is the officer's HEI's note.
    report = officer.post("/api/report", {"period": "2023H1", "format": "json"})
    assert report.status_code == 200 and json.loads(report.content)["meta"]["filters"]["heis"] == ["ALMAU"]
    # An upload naming another HEI is refused whole.
    sent = io.BytesIO(csv_text([{"hei": "KAZNU"}]).encode())
    sent.name = "theirs.csv"
    page = officer.post("/upload/", {"file": sent}).content.decode()
    assert "басқа ЖОО-ның жолдары бар (KAZNU)" in page and 'name="confirm"' not in page


def test_analyst_reads_everything_and_uploads_nothing(demo):
    analyst = client_for("analyst")
    theirs = m.MobilityRecord.objects.filter(hei=demo).first()
    assert analyst.get(f"/api/records/{theirs.id}").json()["hei"] == "KAZNU"
    seen, url = 0, "/api/records?limit=400"
    while url:  # every record, following the cursor
        page = analyst.get(url).json()
        seen += len(page["results"])
        url = page["next"]
    assert seen == m.MobilityRecord.objects.count() == 1048
    assert analyst.get("/upload/").status_code == 403
    model = analyst.get("/api/aggregates?period=2023H1").json()
    assert model["periods"]["2023H1"]["outgoing"]["total"] == 382 and model["periods"]["2023H1"]["incoming"]["total"] == 353
    for url in PAGES:
        if url != "/upload/":
            assert analyst.get(url).status_code == 200, url


def test_upload_errors_fix_replace_and_audit(demo):
    officer = client_for("officer")
    bad = io.BytesIO(csv_text([{"partner_country": "Атлантида"}, {"start_date": "31.02.2023"}]).encode())
    bad.name = "almau.csv"
    page = officer.post("/upload/", {"file": bad}).content.decode()
    assert "«Атлантида» мәні «Ел» анықтамалығында жоқ" in page or "Атлантида" in page
    assert "«31.02.2023» — күн емес" in page
    assert "ештеңе сақталмады" in page
    assert m.Submission.objects.filter(hei__code="ALMAU", period="2023H1").count() == 1  # the demo's only
    upload_id = page.split('id="errors-xlsx" href="/upload/')[1].split("/errors.xlsx")[0]
    workbook = officer.get(f"/upload/{upload_id}/errors.xlsx")
    assert workbook.status_code == 200 and zipfile.is_zipfile(io.BytesIO(b"".join(workbook.streaming_content)))
    assert client_for("analyst").get(f"/upload/{upload_id}/errors.xlsx").status_code == 404  # not their upload

    good = io.BytesIO(csv_text([{}, {"record_id": "R2"}]).encode())
    good.name = "almau-fixed.csv"
    page = officer.post("/upload/", {"file": good}).content.decode()
    assert "Барлық жол дұрыс" in page and "Иә, ауыстыру" in page  # the demo's version 1 would be replaced
    upload_id = page.split('name="confirm" value="')[1].split('"')[0]
    assert m.Submission.objects.get(hei__code="ALMAU", period="2023H1", is_current=True).version == 1  # a check stores nothing
    # Signed in again (another session), the officer finds the checked upload where the page said.
    again = client_for("officer")
    status = again.get(f"/upload/{upload_id}/").content.decode()
    assert "Барлық жол дұрыс" in status and client_for("admin").get(f"/upload/{upload_id}/").status_code == 404
    # The store button's form posts to the upload page (shown at /upload/<id>/, it posted there and did nothing).
    form = status.split('name="confirm"')[0].rsplit("<form", 1)[1]
    action = re.search(r'action="([^"]+)"', form)
    assert action is not None and action.group(1) == "/upload/"
    page = again.post(action.group(1), {"confirm": upload_id}).content.decode()
    current = m.Submission.objects.get(hei__code="ALMAU", period="2023H1", is_current=True)
    assert (current.version, current.row_count, current.submitted_by) == (2, 2, "officer")
    assert officer.post("/upload/", {"confirm": upload_id}).status_code == 404  # a stored upload is not stored twice
    assert again.post("/upload/", {"confirm": upload_id}).status_code == 404
    entry = m.AuditEntry.objects.get(action="submission.store")
    assert (entry.username, entry.target, entry.before, entry.after["version"]) == ("officer", "ALMAU 2023H1", {"version": 1}, 2)


def test_upload_size_limit_and_audit_of_admin_changes(demo, settings):
    settings.AQYL_MAX_UPLOAD_BYTES = 100
    admin = client_for("admin")
    big = io.BytesIO(csv_text([{}] * 5).encode())
    big.name = "big.csv"
    assert "Файл тым үлкен" in admin.post("/upload/", {"file": big}).content.decode()
    hei = m.Hei.objects.get(code="KAZNU")
    response = admin.post(f"/admin/aqyl/hei/{hei.id}/change/", {
        **{f: getattr(hei, f) for f in ("code", "hei_type", "profile", "region", "name_kk", "name_ru", "name_en",
                                         "city_kk", "city_ru", "city_en")},
        "is_active": "on", "aliases-TOTAL_FORMS": 0, "aliases-INITIAL_FORMS": 0,
        "name_en": "Al-Farabi Kazakh National University (renamed)"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    entry = m.AuditEntry.objects.get(action="hei.change")
    assert entry.username == "admin" and entry.after["name_en"].endswith("(renamed)")
    assert not entry.before["name_en"].endswith("(renamed)")


def test_login_is_rate_limited(demo):
    client = Client()
    for _ in range(4):
        assert client.post("/login/", {"username": "analyst", "password": "wrong"}).status_code == 200
    assert client.post("/login/", {"username": "analyst", "password": "wrong"}).status_code == 429  # the fifth
    locked = client.post("/login/", {"username": "analyst", "password": "aqyl-demo"})
    assert locked.status_code == 429 and "15 минуттан кейін" in locked.content.decode()


def test_language_switch_and_kazakh_default(demo):
    client = client_for("analyst")
    assert "Басқару тақтасы" in client.get("/dashboard/").content.decode()
    client.post("/language/", {"lang": "ru", "next": "/dashboard/"})
    assert "Панель" in client.get("/dashboard/").content.decode()
    assert m.Profile.objects.get(user__username="analyst").language == "ru"
    assert client.post("/language/", {"lang": "en", "next": "https://evil.example/"})["Location"] == "/"


def test_token_api_and_openapi_schema(demo):
    token = Client().post("/api/token", {"username": "analyst", "password": "aqyl-demo"}).json()["token"]
    api = Client(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/submissions?period=2023H1&current=true").json()["count"] == 61
    schema = api.get("/api/openapi.json", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    paths = json.loads(schema.content)["paths"]
    assert {"/api/records", "/api/records/{id}", "/api/aggregates", "/api/report", "/api/submissions"} <= set(paths)
    bad = api.get("/api/aggregates?period=2023H7").json()
    assert bad["error"]["field"] == "period"


def test_record_forms_check_like_the_importer_and_respect_roles(demo):
    officer = client_for("officer")  # ALMAU
    own = m.MobilityRecord.objects.filter(hei__code="ALMAU", period="2023H1").order_by("id").first()
    theirs = m.MobilityRecord.objects.filter(hei=demo).first()
    before = m.Submission.objects.get(hei__code="ALMAU", period="2023H1", is_current=True)
    assert officer.get(f"/records/{theirs.id}/edit/").status_code == 404
    assert officer.post(f"/records/{theirs.id}/edit/", {"save": "1"}).status_code == 404
    assert client_for("analyst").get(f"/records/{own.id}/edit/").status_code == 403
    assert client_for("analyst").get("/records/new/").status_code == 403
    # An officer adding a record always adds it to their own HEI, whatever the form says.
    assert "KAZNU" not in officer.get("/records/new/?hei=KAZNU&period=2023H1").content.decode().split("<main>")[1]

    page = officer.get(f"/records/{own.id}/edit/").content.decode()
    assert f'value="{own.partner_institution}"' in page and f'name="version" value="{before.version}"' in page
    from aqyl.app.edits import record_values

    values = record_values(own) | {"save": "1", "version": before.version, "start_date": "2023-05-01",
                                   "end_date": "2023-04-01", "partner_country": ""}
    wrong = officer.post(f"/records/{own.id}/edit/", values)
    assert wrong.status_code == 400
    text = wrong.content.decode()
    assert "Жазба сақталмады" in text and text.count('class="field invalid"') >= 2
    assert m.Submission.objects.get(hei__code="ALMAU", period="2023H1", is_current=True).version == before.version

    def finland() -> int:
        model = officer.get(f"/api/aggregates?period=2023H1&category={own.category}").json()
        return model["periods"]["2023H1"]["outgoing"]["by_country"].get("FI", 0)

    finns = finland()
    saved = officer.post(f"/records/{own.id}/edit/", values | {"end_date": "2023-06-30", "partner_country": "FI",
                                                               "partner_institution": "Aalto University"})
    assert saved.status_code == 302
    now = m.Submission.objects.get(hei__code="ALMAU", period="2023H1", is_current=True)
    assert now.version == before.version + 1 and now.row_count == before.row_count
    assert m.MobilityRecord.objects.filter(submission=now, partner_institution="Aalto University", partner_country="FI").count() == 1
    assert finland() == finns + (own.direction == "outgoing") - (own.partner_country == "FI")  # no stale cached model
    entry = m.AuditEntry.objects.filter(action="record.edit").latest("id")
    assert entry.before["partner_institution"] == own.partner_institution and entry.after["partner_country"] == "FI"
    assert "Сақталды: ALMAU 2023H1" in officer.get(saved["Location"]).content.decode()
    # The same form sent again, from the page opened on the old version, is refused as a conflict.
    stale = officer.post(f"/records/{m.MobilityRecord.objects.get(submission=now, partner_country='FI').id}/edit/", values)
    assert stale.status_code == 400 and "басқа нұсқасы сақталды" in stale.content.decode()


def test_the_records_page_and_the_api_read_one_filter(demo):
    """One parser of a record filter: the same parameters select the same records on the page and
    in the API; the page drops an unknown code (a stale link), the API matches nothing with it."""
    import re

    analyst = client_for("analyst")
    some = m.MobilityRecord.objects.filter(hei__code="ALMAU").order_by("id").first()
    for query in ("period=2023H1&direction=outgoing&programme=erasmus_plus", f"country={some.partner_country}&hei=ALMAU",
                  "q=ALMAU&period=2023H1", f"category={some.category}&field={some.field}"):
        page = analyst.get(f"/records/?{query}").content.decode()
        shown = int(re.search(r'id="found">[^:]+: (\d+)', page).group(1))
        listed = analyst.get(f"/api/records?{query}&limit=1000").json()["results"]
        assert shown == len(listed) > 0, query
    everything = int(re.search(r'id="found">[^:]+: (\d+)', analyst.get("/records/").content.decode()).group(1))
    stale = analyst.get("/records/?country=XX").content.decode()
    assert int(re.search(r'id="found">[^:]+: (\d+)', stale).group(1)) == everything
    assert analyst.get("/api/records?country=XX").json()["results"] == []


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_a_database_fault_on_a_page_or_the_api_is_said_in_the_users_language_and_stores_nothing(demo, lang):
    from django.db import connection
    from django.utils.html import escape

    from aqyl.domain.wording.messages import render
    from aqyl.store.bootstrap import database_label

    if connection.vendor != "sqlite":
        pytest.skip("a read-only connection is made with SQLite's query_only")
    client = client_for("officer")
    client.cookies["aqyl_lang"] = lang
    hei = m.Profile.objects.get(user__username="officer").hei
    before = m.Submission.objects.get(hei=hei, period="2023H1", is_current=True)
    record = m.MobilityRecord.objects.filter(submission=before).order_by("id").first()
    from aqyl.app.edits import record_values

    values = record_values(record) | {"partner_institution": "University of Tartu", "version": str(before.version),
                                      "save": "1"}
    expected = render("db_read_only", lang, where=database_label())
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = ON")  # the engine itself refuses every write from here
    try:
        page = client.post(f"/records/{record.pk}/edit/", values)
        api = client.post("/api/token", {"username": "officer", "password": "aqyl-demo"}, content_type="application/json")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    assert page.status_code == 503 and escape(expected) in page.content.decode()
    assert api.status_code == 503
    assert api.json() == {"error": {"type": "database_fault", "message": expected, "field": None}}
    assert m.Submission.objects.get(hei=hei, period="2023H1", is_current=True) == before
    assert not m.MobilityRecord.objects.filter(partner_institution="University of Tartu").exists()


@pytest.mark.parametrize(("lang", "message"), [
    ("kk", "Сұрау мекенжайы тым ұзын: іздеу мәтіні немесе сүзгілер тым көп. Оларды қысқартып, қайталап көріңіз."),
    ("ru", "Адрес запроса слишком длинный: слишком длинный текст поиска или слишком много фильтров. "
           "Сократите их и попробуйте ещё раз."),
    ("en", "The address of the request is too long: the search text or the filters are too long. "
           "Shorten them and try again."),
])
def test_a_long_address_gets_the_applications_414_and_a_short_login_next(demo, lang, message):
    from urllib.parse import quote

    from aqyl.web.middleware import MAX_ADDRESS, MAX_NEXT

    anonymous = Client()
    anonymous.cookies["aqyl_lang"] = lang
    # 300 letters «Қ»: 1,800 characters encoded, under the limit; the login's next would be 3,000.
    moved = anonymous.get("/records/?q=" + quote("Қ" * 300))
    assert moved.status_code == 302 and moved["Location"] == "/login/?next=/records/"
    assert len("/records/?q=" + quote("Қ" * 300)) < MAX_ADDRESS and len(quote(quote("Қ" * 300))) > MAX_NEXT
    short = anonymous.get("/records/?q=" + quote("Қ" * 10))
    assert short["Location"] == "/login/?next=/records/%3Fq%3D" + quote(quote("Қ" * 10))  # kept when it fits
    for response in (anonymous.get("/records/?q=" + quote("Қ" * 400)), anonymous.get("/errors/414")):
        assert response.status_code == 414
        assert f'<p class="error" role="alert">{message}</p>' in response.content.decode()
    signed_in = client_for("analyst")
    signed_in.cookies["aqyl_lang"] = lang
    assert signed_in.get("/records/?q=" + quote("Қ" * 400)).status_code == 414
    api = signed_in.get("/api/records?q=" + quote("Қ" * 400))
    assert api.status_code == 414 and api.json() == {"error": {"type": "uri_too_long", "message": message, "field": None}}


def test_the_audit_log_says_a_language_switch_a_note_section_and_its_help_in_words(demo):
    from django.utils import translation

    from aqyl.store.labels import action_text, target_text

    client = client_for("analyst")
    client.post("/language/", {"lang": "ru", "next": "/dashboard/"})
    entry = m.AuditEntry.objects.filter(username="analyst").latest("id")
    assert entry.action == "profile.language"
    assert not m.AuditEntry.objects.filter(action="profile.change").exists()
    target = "faculty H1 benefits kk from 2023H1"
    for lang, action, words, helps in (
            ("kk", "Интерфейс тілі ауыстырылды",
             "Жазба бөлімі «Академиялық алмасудың ЖЖОКБҰ үшін маңызы» (Профессор-оқытушылар құрамы (ПОҚ); қазақша; "
             "қолданылу басы — 2023 жылғы I жартыжылдық)", "Пайдаланушы жойылса да сақталады"),
            ("ru", "Язык интерфейса изменён",
             "Раздел записки «Значение академического обмена для ОВПО» (Профессорско-преподавательский состав (ППС); "
             "на казахском; начало действия — I полугодие 2023 года)", "Сохраняется, даже если пользователь удалён"),
            ("en", "Interface language changed",
             "Note section “What academic exchange gives HEIs” (Teaching staff; in Kazakh; from H1 2023)",
             "Kept when the user is deleted")):
        with translation.override(lang):
            assert action_text("profile.language") == action
            assert target_text("note_text.set", target) == words
            from aqyl.store.labels import help_texts

            assert str(help_texts("AuditEntry")["username"]) == helps
    admin = client_for("admin")
    admin.cookies["aqyl_lang"] = "kk"
    page = admin.get(f"/admin/aqyl/auditentry/{entry.pk}/change/").content.decode()
    assert "Пайдаланушы жойылса да сақталады" in page and "Kept when" not in page


@pytest.mark.parametrize(("lang", "pairs"), [
    # each letter of the pair's first word comes right after its base letter, not after Я
    ("kk", [("Әзірбайжан", "Бельгия"), ("Қазақстан", "Латвия"), ("Өзбекстан", "Польша"), ("Ұлыбритания", "Франция")]),
    ("ru", [("Азербайджан", "Бельгия"), ("Казахстан", "Латвия"), ("Узбекистан", "Франция")]),
])
def test_country_lists_follow_the_languages_alphabet(demo, lang, pairs):
    from aqyl.domain.i18n import collation_key

    analyst = client_for("analyst")
    analyst.cookies["aqyl_lang"] = lang
    page = analyst.get("/records/").content.decode()
    select = page.split('<select name="country">')[1].split("</select>")[0]
    names = re.findall(r'<option value="[A-Z]{2}" >([^<]+)</option>', select)
    assert len(names) > 200 and names == sorted(names, key=lambda n: collation_key(n, lang))
    for first, later in pairs:
        assert names.index(first) < names.index(later), (first, later)
    assert names[-1] not in ("Қазақстан", "Ұлыбритания", "Әзірбайжан", "Өзбекстан")

"""The research pages and their API: roles on every new address, flows uploaded and read back with
the published figures (UIS and OECD), reconciliation, forecasts with the back-test and the honest
warning, gravity fits kept and reused, what-ifs, the emigration note, typology, cohorts, surveys
and interviews — through the same library functions as the command line. Background runs are run
at once here (django-tasks' immediate backend); test_a_real_worker_runs_the_queue runs the worker."""

import io
import json
import subprocess
import sys
import zipfile

import pytest
from django.test import Client
from tests.conftest import SHARED
from tests.test_cohorts import GOOD, HEADER
from tests.test_interviews import FIRST
from tests.test_survey import synthetic, write_csv
from tests.test_web import client_for

from aqyl.store import models as m

pytestmark = pytest.mark.django_db

UIS = SHARED / "datasets" / "uis-student-flows" / "popular-destinations-by-origin.csv"
OECD = SHARED / "datasets" / "oecd-intl-students" / "OECD_Intl_Student_Enrollment_2013_2019.csv"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

PAGES = ["/migration/", "/migration/flows/", "/migration/reconcile/", "/migration/forecast/", "/migration/gravity/",
         "/migration/note/", "/migration/typology/", "/migration/cohorts/", "/migration/cohorts/template.xlsx",
         "/surveys/", "/surveys/questionnaire?lang=kk&format=xlsx", "/interviews/", "/interviews/quotes/?code=degree_prestige",
         "/interviews/export.csv"]
API = ["/api/flows?origin=KZ&year=2019", "/api/flows/series?origin=KZ&destination=RU", "/api/flows/reconcile",
       "/api/forecast", "/api/gravity", "/api/cohorts", "/api/interviews/codes", "/api/interviews/quotes?code=degree_prestige"]


@pytest.fixture
def demo(settings, tmp_path, demo_register):
    from django.contrib.auth import get_user_model

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = IMMEDIATE
    get_user_model().objects.create_user("norole", password="no-role-here")


def upload(client, path, source, population=""):
    with path.open("rb") as f:
        return client.post("/migration/flows/", {"file": f, "source": source, "population": population})


def text(response) -> str:
    return response.content.decode()


def test_every_new_address_keeps_to_the_roles(demo):
    anonymous, nobody = Client(), client_for("norole", "no-role-here")
    officer, analyst, admin = client_for("officer"), client_for("analyst"), client_for("admin")
    for url in PAGES:
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/"), url
        assert nobody.get(url).status_code == 403, url
        assert officer.get(url).status_code == (200 if url == "/migration/typology/" else 403), url
        assert analyst.get(url).status_code in (200, 302), url
        assert admin.get(url).status_code in (200, 302), url
    for url in API:
        assert anonymous.get(url).status_code in (401, 403), url
        assert officer.get(url).status_code == (200 if url == "/migration/typology/" else 403), url
        assert analyst.get(url).status_code in (200, 400, 404, 409), url  # 400, 404, 409: no flows stored yet
    assert officer.post("/api/gravity/fit").status_code == 403
    assert officer.post("/migration/gravity/").status_code == 403
    assert officer.post("/migration/note/", {"year": 2019}).status_code == 403
    # The typology is the one page an officer opens, for their own HEI's records only.
    page = text(officer.get("/migration/typology/?period=2023H1"))
    own = m.MobilityRecord.objects.filter(hei__code="ALMAU", period="2023H1").count()
    assert "— ALMAU" in page and f'<tr class="total"><td class="name">Барлығы</td><td>{own}</td>' in page
    assert officer.get("/api/typology?period=2023H1").json()["hei"] == "ALMAU"
    assert sum(analyst.get("/api/typology?period=2023H1").json()["forms"].values()) == \
        m.MobilityRecord.objects.filter(period="2023H1").count()
    # The menu shows the research section to analysts and administrators only.
    assert 'href="/migration/"' in text(analyst.get("/dashboard/")) and 'href="/migration/"' not in text(officer.get("/dashboard/"))


def test_flows_uploaded_read_and_reconciled(demo):
    analyst = client_for("analyst")
    done = upload(analyst, UIS, "uis")
    assert done.status_code == 302 and "run=" in done["Location"]
    page = text(analyst.get(done["Location"]))
    assert "Ағындар жүктелді: popular-destinations-by-origin.csv" in page and "49\xa0196 (1998–2021)" in page
    page = text(analyst.get("/migration/flows/?source=uis&origin=KZ&year=2019"))
    assert '<tr data-country="RU"><td class="name"><a href="?source=uis&origin=KZ&year=2019&destination=RU">Ресей Федерациясы</a></td>' \
           '\n        <td>71\xa0368</td>' in page
    assert "Жылдар бойынша қатар: Қазақстан → Ресей Федерациясы" in page  # the largest destination's series
    data = json.loads(page.split('<script id="chart-data" type="application/json">')[1].split("</script>")[0])
    assert data["links"][0] == {"name": "Ресей Федерациясы", "value": 71368.0} and 2019 in data["series"]["years"]
    # The same file again on the same data is the same run, not a second import.
    assert upload(analyst, UIS, "uis")["Location"] == done["Location"]
    upload(analyst, OECD, "oecd")
    page = text(analyst.get("/migration/reconcile/?origin=KZ&destination=RU&year=2019"))
    assert '<tr data-source="oecd">' in page and "142\xa0736" in page
    uis_row = page.split('<tr data-source="uis">')[1].split("</tr>")[0]
    assert "71\xa0368" in uis_row and "0,50" in uis_row
    api = analyst.get("/api/flows/reconcile?origin=KZ&destination=RU&year=2019", HTTP_ACCEPT_LANGUAGE="en").json()
    assert {r["source"]: (r["count"], r["ratio_to_largest"]) for r in api["sources"]} == {"oecd": (142736, 1.0), "uis": (71368, 0.5)}
    flows = analyst.get("/api/flows?origin=KZ&year=2019&source=uis").json()
    assert flows["rows"][0]["destination"] == "RU" and flows["rows"][0]["count"] == 71368
    # A file that is not of the chosen source: the run fails and says why, in the user's language.
    page = text(analyst.get(upload(analyst, OECD, "undesa")["Location"]))
    assert 'id="run-error"' in page and "OECD_Intl_Student_Enrollment_2013_2019.csv файлында" in page


def canonical(tmp_path, rows, name="flows.csv"):
    path = tmp_path / name
    path.write_text("year,origin,destination,count,population,source\n" + "".join(
        f"{y},{o},{d},{c},students,national\n" for y, o, d, c in rows), encoding="utf-8")
    return path


@pytest.mark.slow
def test_forecast_page_backtest_fan_and_the_naive_warning(demo, tmp_path):
    analyst = client_for("analyst")
    trend = [1000 + 120 * i + n for i, n in enumerate([0, 25, -15, 30, -20, 10, 35, -25, 5, 20, -10, 15])]
    # A random walk (seeded): no method beats repeating the last value.
    walk = [500, 512, 498, 530, 515, 540, 520, 509, 533, 528, 541, 519]
    upload(analyst, canonical(tmp_path, [(2010 + i, "KZ", "DE", c) for i, c in enumerate(trend)]
                              + [(2010 + i, "KZ", "TR", c) for i, c in enumerate(walk)]), "canonical")
    page = text(analyst.get("/migration/forecast/?origin=KZ&destination=DE&source=national&horizon=3&level=90"))
    assert page.count("<tr") >= 4 + 3 and 'id="naive-warning"' not in page
    data = json.loads(page.split('<script id="fan-data" type="application/json">')[1].split("</script>")[0])
    assert data["method"] in ("drift", "ets", "arima") and [f["year"] for f in data["forecast"]] == [2022, 2023, 2024]
    assert data["forecast"][0]["lower"] < data["forecast"][0]["mean"] < data["forecast"][0]["upper"]
    assert "Болжам және оның 90% аралығы" in page
    page = text(analyst.get("/migration/forecast/?origin=KZ&destination=TR&source=national"))
    assert "бірде-бір әдіс аңғал әдістен (соңғы мәнді қайталаудан) озған жоқ" in page
    # Controls out of range or a series too short: a message, not a failure.
    page = analyst.get("/migration/forecast/?origin=KZ&destination=DE&source=national&horizon=99")
    assert page.status_code == 400 and "«Көкжиек» өрісінің мәні дұрыс емес" in text(page)
    assert "жыл ғана бар" in text(analyst.get("/migration/forecast/?origin=KZ&destination=DE&source=national&since=2019"))
    # A batch of forecasts runs in the background and is shown when it is done.
    done = analyst.post("/migration/forecast/", {"origin": "KZ", "source": "national", "horizon": "5", "level": "80"})
    page = text(analyst.get(done["Location"]))
    batch = page.split('id="batch"')[1]
    assert "Германия" in batch and "Түркия" in batch and "⚠" in batch.split("Түркия")[1].split("</tr>")[0]
    api = analyst.get("/api/forecast?origin=KZ&destination=DE&source=national&horizon=3").json()
    assert api["method"] == data["method"] and len(api["backtest"]) == 4


def test_gravity_fit_kept_reused_and_what_if(demo):
    analyst = client_for("analyst")
    upload(analyst, UIS, "uis")
    assert "Бұл ағындар бойынша модель әлі бапталмаған" in text(analyst.get("/migration/gravity/?source=uis&since=2016&until=2019"))
    assert analyst.get("/api/gravity?source=uis&since=2016&until=2019").status_code == 409
    done = analyst.post("/migration/gravity/", {"source": "uis", "since": "2016", "until": "2019"})
    page = text(analyst.get(done["Location"]))
    assert 'id="coefficients"' in page and "Екеуі де бұрынғы КСРО" in page
    run = m.AnalysisRun.objects.get(kind="gravity")
    assert run.status == "done" and run.result["years"] == [2016, 2017, 2018, 2019]
    page = text(analyst.get("/migration/gravity/?source=uis&since=2016&until=2019&origin=KZ&pull_country=RU&pull_factor=1.2"))
    ru = page.split('<tr data-country="RU">')[1].split("</tr>")[0]
    assert "71\xa0368" in ru and "+20,0%" in ru
    # The API gives the same what-if from the kept fit; a fit is not run again for the same flows.
    api = analyst.get("/api/gravity?source=uis&since=2016&until=2019&pull=RU%3D1.2&set=former_ussr%3D0%3AKZ%3ERU").json()
    ru = next(r for r in api["scenario"]["rows"] if r["destination"] == "RU")
    beta = next(c["estimate"] for c in api["coefficients"] if c["name"] == "former_ussr")
    assert ru["scenario"] == pytest.approx(ru["fitted"] * 1.2 * 2.718281828 ** -beta, rel=1e-6)
    assert analyst.post("/api/gravity/fit?source=uis&since=2016&until=2019").json()["id"] == run.id
    assert m.AnalysisRun.objects.filter(kind="gravity").count() == 1
    bad = analyst.get("/migration/gravity/?source=uis&since=2016&until=2019&pull_country=RU&pull_factor=-1")
    assert bad.status_code == 400 and "Сценарийдегі еселік оң сан болуы керек" in text(bad)


@pytest.mark.slow
def test_emigration_note_in_every_language_and_format(demo):
    analyst = client_for("analyst")
    upload(analyst, UIS, "uis")
    for lang, fmt, start in (("kk", "pdf", b"%PDF"), ("ru", "docx", b"PK"), ("en", "html", b"<!doctype html")):
        response = analyst.post("/migration/note/", {"year": "2019", "origin": "KZ", "lang": lang, "format": fmt})
        assert response.status_code == 200 and response.content[:len(start)].lower() == start.lower(), (lang, fmt)
        assert f"aqyl-emigration-KZ-2019-{lang}.{fmt}" in response["Content-Disposition"]
    missing = analyst.post("/migration/note/", {"year": "1990", "origin": "KZ", "format": "pdf"})
    assert missing.status_code == 400 and "1990 жылға студенттер ағыны сақталмаған" in text(missing)


def test_the_emigration_page_refuses_a_year_its_source_covers_in_part(demo):
    """UIS's 2021 row for Kazakhstan names Monaco only: the page says what is missing and the last
    complete year, as the command does, and writes the note with the caveat once allowed (issue 31)."""
    analyst = client_for("analyst")
    upload(analyst, UIS, "uis")
    refused = analyst.post("/migration/note/", {"year": "2021", "origin": "KZ", "source": "uis", "lang": "ru",
                                                "format": "html"})
    assert refused.status_code == 400
    assert ("Дереккөздің 2021 жылғы деректері толық емес: студенттердің жалпы саны (1) 2020 жылғы санның (3\u00a0467) "
            "жартысынан аз; 2020 жылғы негізгі оқу елі (Қырғызстан) көрсетілмеген; аталған оқу елдері: 1 (2020 жылы — 10). "
            "Соңғы толық жыл — 2019. Жазбаны бәрібір жасау үшін «Толық емес жылға рұқсат ету» белгісін қойыңыз: сонда "
            "әр қорытындыға ескерту беріледі.") in text(refused)
    allowed = analyst.post("/migration/note/", {"year": "2021", "origin": "KZ", "source": "uis", "lang": "ru",
                                                "format": "html", "allow_incomplete": "1"})
    assert allowed.status_code == 200 and "Вывод сделан по неполным данным." in allowed.content.decode("utf-8")
    # The flows page's table of 2019 keeps the United States (5th in 2018, lumped in 2019), so that
    # 2018's column adds up, and gives "other countries" of two different sets no change.
    flows = analyst.get("/api/flows?origin=KZ&year=2019&source=uis").json()
    rows = {r["destination"]: r for r in flows["rows"]}
    assert (rows["US"]["count"], round(rows["US"]["previous"]), rows["US"]["change"]) == (None, 1764, None)
    assert round(sum(r["previous"] or 0 for r in flows["rows"])) == round(flows["previous_total"]) == 86_487
    assert rows["other"]["change"] is None and flows["rows"][-1]["destination"] == "other"


def test_cohorts_uploaded_and_shown(demo, tmp_path):
    analyst = client_for("analyst")
    sent = io.BytesIO((HEADER + "\n".join(GOOD) + "\n").encode())
    sent.name = "bolashak.csv"
    page = text(analyst.post("/migration/cohorts/?as_of=2023", {"file": sent}))
    assert "Сақталды: Болашақ — 1-нұсқа, 5 жол" in page
    assert "Бітіргендердің оралғаны, %" in page and m.CohortMember.objects.count() == 5
    bad = io.BytesIO((HEADER + "B-009,Болашақ,2016,Марс,магистратура,07,2018,x,,15,,,,\n").encode())
    bad.name = "bad.csv"
    page = text(analyst.post("/migration/cohorts/", {"file": bad}))
    assert "Марс" in page and "ештеңе сақталмады" in page and m.CohortMember.objects.count() == 5
    assert analyst.get("/api/cohorts?as_of=2023").json()["cohorts"][0]["fellows"] == 5


@pytest.mark.slow
def test_survey_uploaded_analysed_and_downloaded(demo, tmp_path):
    analyst = client_for("analyst")
    path = tmp_path / "export.csv"
    write_csv(path, synthetic(120))
    with path.open("rb") as f:
        page = text(analyst.post("/surveys/", {"file": f, "by": "funding"}))
    assert 'id="analysis"' in page and "Кронбах" in page and "<svg" in page
    upload_id = page.split('action="/surveys/')[1].split("/report")[0]
    for fmt in ("docx", "xlsx"):
        response = analyst.get(f"/surveys/{upload_id}/report?format={fmt}&lang=ru")
        assert response.status_code == 200 and zipfile.is_zipfile(io.BytesIO(response.content))
    assert client_for("admin").get(f"/surveys/{upload_id}/report?format=pdf").status_code == 404  # not their upload
    bad = tmp_path / "bad.csv"
    bad.write_text("respondent,pull_1\nR1,7\n", encoding="utf-8")
    with bad.open("rb") as f:
        page = text(analyst.post("/surveys/", {"file": f}))
    assert "Файлда қате бар, сондықтан талдау жасалмады" in page
    questions = analyst.get("/surveys/questionnaire?lang=ru&format=csv").content.decode("utf-8-sig")
    assert questions.count("\n") > 10
    # a reversed item is marked in a column of its own, not in the question respondents read
    assert questions.splitlines()[0] == "№,Код,Шкала,Вопрос,Варианты ответа,Обратная шкала"
    assert '"Мне не важно, в какой стране получен мой диплом."' in questions and "(обратный)" not in questions
    # The same analysis over the API, and the bad file's problems in the caller's language.
    with path.open("rb") as f:
        api = analyst.post("/api/surveys/analysis", {"file": f, "by": "funding"}).json()
    assert api["analysis"]["respondents"] == 120 and api["analysis"]["by"] == "funding"
    alpha = next(sc for sc in api["analysis"]["scales"] if sc["scale"] == "return")["alpha"]
    assert 0.7 < alpha < 1 and api["report"]["rejected"] == 0
    with bad.open("rb") as f:
        refused = analyst.post("/api/surveys/analysis", {"file": f}, HTTP_ACCEPT_LANGUAGE="ru")
    assert refused.status_code == 400 and refused.json()["analysis"] is None and refused.json()["report"]["errors"]
    assert client_for("officer").post("/api/surveys/analysis").status_code == 403


def test_interview_added_coded_in_the_page_and_exported(demo):
    analyst = client_for("analyst")
    done = analyst.post("/interviews/", {"code": "KZ-US-01", "language": "ru", "transcript": FIRST,
                                         "attributes": "gender=male; funding=bolashak"})
    assert done.status_code == 302 and done["Location"] == "/interviews/KZ-US-01/"
    words = "Американский диплом признается практически в любой точке мира."
    start = FIRST.index(words)
    saved = analyst.post("/interviews/KZ-US-01/code", {"code": "degree_prestige", "start": start, "end": start + len(words),
                                                       "quote": words, "note": ""})
    assert saved.status_code == 302
    segment = m.CodedSegment.objects.get()
    assert (segment.code, segment.quote) == ("degree_prestige", words)
    # A browser that counted the place differently: the words decide.
    other = "Мне очень интересны исследования"
    analyst.post("/interviews/KZ-US-01/code", {"code": "research_interest", "start": 0, "end": 5, "quote": other})
    assert m.CodedSegment.objects.get(code="research_interest").quote == other
    again = analyst.post("/interviews/KZ-US-01/code", {"code": "degree_prestige", "start": start, "end": start + len(words)})
    assert again.status_code == 400 and "бұрын берілген" in text(again)
    assert words in text(analyst.get("/interviews/quotes/?code=degree_prestige"))
    assert "Американский диплом" in analyst.get("/interviews/export.csv").content.decode("utf-8-sig")
    codes = analyst.get("/api/interviews/codes?by=funding").json()
    assert codes["interviews"] == 1 and {c["code"] for c in codes["codes"]} == {"degree_prestige", "research_interest"}


@pytest.mark.slow
def test_a_real_worker_runs_the_queue(tmp_path, aqyl):
    """The database queue on the embedded SQLite: a page's run waits until `aqyl worker` does it."""
    path = canonical(tmp_path, [(2010 + i, "KZ", "DE", 1000 + 90 * i) for i in range(10)])
    assert aqyl("flows", "import", str(path), "--source", "canonical").returncode == 0
    env = {**__import__("os").environ, "AQYL_DATA_DIR": str(tmp_path / "d")}
    env.pop("AQYL_DATABASE_URL", None)
    env.pop("AQYL_TASKS_BACKEND", None)
    start = ("from aqyl.store.bootstrap import setup; setup()\nfrom aqyl.app import jobs\n"
             "run = jobs.start('forecasts', {'origin': 'KZ', 'source': 'national', 'year': 2019, 'top': 3, 'horizon': 2, 'level': 80})\n"
             "print(run.pk, run.status)")
    queued = subprocess.run([sys.executable, "-c", start], capture_output=True, text=True, env=env, timeout=120)
    assert queued.stdout.split()[1] == "queued", queued.stderr
    worked = aqyl("worker", "--batch")
    assert worked.returncode == 0, worked.stderr
    check = ("from aqyl.store.bootstrap import setup; setup()\nfrom aqyl.store import models as m\n"
             "r = m.AnalysisRun.objects.get(); print(r.status, r.done, r.total, r.result['rows'][0]['destination'])")
    assert subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, env=env,
                          timeout=120).stdout.split() == ["done", "1", "1", "DE"]


def test_the_forecast_page_before_any_flows_says_to_load_them(demo):
    # It opened with "the series has only 0 years; a forecast needs at least 6" in red.
    from aqyl.store import models as m

    assert not m.Flow.objects.exists()
    analyst = client_for("analyst")
    page = text(analyst.get("/migration/forecast/"))
    assert "дереккөзінің Қазақстан бойынша ағындары әлі жүктелмеген. Оларды «Ағындар» бетінде жүктеңіз." in page
    assert "0 жыл" not in page


@pytest.mark.parametrize(("lang", "message"), [
    ("kk", "«KZ/US-02» сұхбат коды ретінде жарамайды. Кодта тек әріп, цифр, дефис (-), астыңғы сызық (_) және нүкте (.) "
           "болады, ол әріптен немесе цифрдан басталады және 64 таңбадан аспайды. Мысалы: KZ-US-02."),
    ("ru", "«KZ/US-02» не подходит как код интервью. В коде могут быть только буквы, цифры, дефис (-), подчёркивание (_) "
           "и точка (.); он начинается с буквы или цифры и не длиннее 64 знаков. Например: KZ-US-02."),
    ("en", "“KZ/US-02” cannot be an interview code. A code holds only letters, digits, hyphens (-), underscores (_) "
           "and dots (.), starts with a letter or a digit and is at most 64 characters long. For example: KZ-US-02."),
])
def test_an_interview_code_with_a_slash_is_refused_in_the_users_language(demo, lang, message):
    import html

    analyst = client_for("analyst")
    analyst.cookies["aqyl_lang"] = lang
    refused = analyst.post("/interviews/", {"code": "KZ/US-02", "language": "ru", "transcript": FIRST})
    assert refused.status_code == 400
    assert f'<p class="error" role="alert">{html.escape(message)}</p>' in text(refused)
    assert not m.Interview.objects.exists()


def test_an_interview_stored_before_the_rule_is_listed_opened_and_deleted_with_an_audit_entry(demo):
    """A code with "/" stored before the rule (or by hand) breaks no page and can be removed."""
    from aqyl.app.interviews import code_passage

    old = m.Interview.objects.create(code="KZ/US-02", language="ru", transcript=FIRST, attributes={"gender": "male"})
    code_passage(old, "degree_prestige", 0, 20)
    analyst = client_for("analyst")
    for url in ("/interviews/", "/interviews/?by=gender", "/interviews/?by=funding"):
        page = analyst.get(url)
        assert page.status_code == 200 and '<a href="/interviews/KZ/US-02/">KZ/US-02</a>' in text(page), url
    assert analyst.get("/interviews/KZ/US-02/").status_code == 200
    assert client_for("officer").post("/interviews/KZ/US-02/delete").status_code == 403
    analyst.cookies["aqyl_lang"] = "ru"
    done = analyst.post("/interviews/KZ/US-02/delete")
    assert done.status_code == 302 and done["Location"] == "/interviews/"
    assert not m.Interview.objects.exists() and not m.CodedSegment.objects.exists()
    entry = m.AuditEntry.objects.get(action="interview.delete")
    assert (entry.username, entry.target, entry.before["segments"]) == ("analyst", "KZ/US-02", 1)
    after = analyst.get("/interviews/")
    assert "Интервью KZ/US-02 удалено (размеченных фрагментов: 1)." in text(after)
    from aqyl.store.labels import ACTIONS

    assert [ACTIONS["interview.delete"].get(x) for x in ("kk", "ru", "en")] == \
        ["Сұхбат жойылды", "Интервью удалено", "Interview deleted"]


@pytest.mark.parametrize(("lang", "uis", "ets", "distance"), [
    ("kk", "ЮНЕСКО Статистика институты", None, "қашықтық 1 %-ға артса, ағын -1,23 %-ға өзгереді"),
    ("ru", "Институт статистики ЮНЕСКО", None, "при росте расстояния на 1 % поток меняется на -1,23 %"),
    ("en", "UNESCO Institute for Statistics", None, "the flow changes by -1.23 % when the distance grows by 1 %"),
])
def test_sources_methods_and_the_distance_effect_are_said_in_words(demo, lang, uis, ets, distance):
    from django.template import Context, Template
    from django.test import RequestFactory

    from aqyl.domain.migration.forecast import METHOD_LABELS

    request = RequestFactory().get("/")
    request.LANGUAGE_CODE = lang
    page = Template('{% load aqyl_ui %}{% source_name "uis" %}|{% source_name "national" %}|{% method_name "ets" %}|'
                    '{% num -1.234 2 as e %}{% t "distance_elasticity" value=e %}').render(Context({"request": request}))
    assert page.split("|") == [uis, "national", METHOD_LABELS["ets"].get(lang), distance]
    analyst = client_for("analyst")
    analyst.cookies["aqyl_lang"] = lang
    flows = text(analyst.get("/migration/flows/"))
    assert f'<option value="uis">{uis}</option>' in flows and '<option value="uis">uis</option>' not in flows

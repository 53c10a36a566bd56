"""The analyst's research day in a real browser (Debian's Chromium driven by Playwright), in Kazakh:
upload the UIS file, find Kazakhstan's 2019 destinations, reconcile KZ→RU 2019 with OECD, run a
forecast and see its fan chart, run a batch of forecasts in the background and watch it finish, fit
the gravity model and run a what-if, analyse a survey export and download its report, code an
interview passage by selecting it. Then every research page in kk, ru and en, and at 390 px.
Screenshots go to $AQYL_SCREENSHOTS when it is set."""

from pathlib import Path

import pytest
from tests.test_browser import CHROMIUM, shot
from tests.test_cohorts import GOOD, HEADER
from tests.test_interviews import FIRST
from tests.test_research_web import IMMEDIATE, OECD, UIS
from tests.test_survey import synthetic, write_csv

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (scripts/test.sh installs it)"),
              pytest.mark.skipif(not UIS.exists(), reason="the shared data sets are not here")]

PAGES = {"flows": "/migration/flows/?source=uis&origin=KZ&year=2019", "reconcile": "/migration/reconcile/?origin=KZ&destination=RU&year=2019",
         "forecast": "/migration/forecast/?origin=KZ&destination=RU", "gravity": "/migration/gravity/?source=uis&since=2016&until=2019&pull_country=RU&pull_factor=1.2",
         "note": "/migration/note/", "typology": "/migration/typology/", "cohorts": "/migration/cohorts/",
         "surveys": "/surveys/", "interviews": "/interviews/", "interview": "/interviews/KZ-US-01/",
         "quotes": "/interviews/quotes/?code=degree_prestige"}
TITLE = {"kk": "Зияткерлік көші-қон", "ru": "Интеллектуальная миграция", "en": "Intellectual migration"}


@pytest.fixture
def analyst_page(live_server, settings, tmp_path):
    from playwright.sync_api import sync_playwright

    from aqyl.store.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = IMMEDIATE
    load_demo()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1300, "height": 900}, accept_downloads=True)
        page.set_default_timeout(120_000)  # the suite shares two cores: a slow page is not a broken one
        page.base = live_server.url
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.errors = errors
        page.goto(page.base + "/login/")
        page.fill("input[name=username]", "analyst")
        page.fill("input[name=password]", "aqyl-demo")
        page.click("button.primary")
        page.wait_for_url("**/dashboard/")
        yield page
        browser.close()


def upload_flows(page, path: Path, source: str) -> None:
    page.goto(page.base + "/migration/flows/")
    page.set_input_files("#flows-upload input[name=file]", str(path))
    page.select_option("#flows-upload select[name=source]", source)
    page.click("#import")
    page.wait_for_selector("#import-result")


@pytest.mark.slow
def test_the_analysts_research_day(analyst_page, settings, tmp_path):
    page = analyst_page
    upload_flows(page, UIS, "uis")
    assert "Ағындар жүктелді: popular-destinations-by-origin.csv" in page.inner_text("#import-result")
    shot(page, "research-flows-imported")
    page.select_option("#flows-form select[name=year]", "2019")
    page.click("#flows-form button.primary")
    page.wait_for_selector("#destinations")
    russia = page.inner_text("#destinations tr[data-country=RU]")
    assert "Ресей Федерациясы" in russia and "71\xa0368" in russia
    assert page.locator("#sankey svg").count() == 1 and page.locator("#series svg").count() == 1
    shot(page, "research-flows")

    upload_flows(page, OECD, "oecd")
    page.click("text=Дереккөздерді салыстыру")
    page.select_option("select[name=destination]", "RU")
    page.fill("input[name=year]", "2019")
    page.click("#reconcile")
    oecd, uis = page.inner_text("#sources tr[data-source=oecd]"), page.inner_text("#sources tr[data-source=uis]")
    assert "142\xa0736" in oecd and "71\xa0368" in uis and "0,50" in uis
    shot(page, "research-reconcile")

    page.click("nav.subnav >> text=Болжам")
    page.select_option("#forecast-form select[name=destination]", "RU")
    page.select_option("#forecast-form select[name=level]", "90")
    page.click("#run-forecast")
    page.wait_for_selector("body[data-fan=drawn]")
    assert page.locator("#fan svg path").count() > 3 and page.locator("#backtest tbody tr").count() == 4
    assert "Болжам және оның 90% аралығы" in page.inner_text("figure:has(#fan) figcaption")
    shot(page, "research-forecast")

    # A batch of forecasts queued for the worker: the page polls its run and shows the result.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    page.click("#run-batch")
    page.wait_for_selector("#run[data-status=queued]")
    shot(page, "research-forecast-queued")
    import threading

    from django_tasks_db.management.commands.db_worker import Worker

    # django-tasks-db's own worker, in a thread of its own (Playwright's event loop owns this one;
    # `aqyl worker` runs the same loop as a process, see test_a_real_worker_runs_the_queue).
    worker = Worker(queue_names=["default"], interval=0.2, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="browser-test", excluded_queue_names=[])
    thread = threading.Thread(target=worker.run)
    thread.start()
    thread.join(timeout=120)
    page.wait_for_selector("#batch", timeout=30_000)
    assert "Ресей Федерациясы" in page.inner_text("#batch")
    settings.TASKS = IMMEDIATE

    page.goto(page.base + "/migration/gravity/?source=uis&since=2016&until=2019")
    page.click("#fit")
    page.wait_for_selector("#coefficients")
    page.fill("input[name=pull_country]", "RU")
    page.fill("input[name=pull_factor]", "1.2")
    page.click("#whatif")
    page.wait_for_selector("#scenario tr[data-country=RU]")
    assert "+20,0%" in page.inner_text("#scenario tr[data-country=RU]")
    assert page.locator("#whatif-bars svg").count() == 1
    shot(page, "research-gravity")

    page.goto(page.base + "/migration/note/")
    page.select_option("#note-form select[name=year]", "2019")
    page.select_option("#note-form select[name=format]", "docx")
    with page.expect_download() as download:
        page.click("#generate")
    assert download.value.suggested_filename == "aqyl-emigration-KZ-2019-kk.docx"

    answers = tmp_path / "survey-export.csv"
    write_csv(answers, synthetic(150))
    page.goto(page.base + "/surveys/")
    page.set_input_files("#survey-upload input[name=file]", str(answers))
    page.select_option("#survey-upload select[name=by]", "funding")
    page.click("#analyse")
    page.wait_for_selector("#analysis")
    assert "Кронбах" in page.inner_text("#analysis") and page.locator("#analysis svg").count() >= 1
    shot(page, "research-survey")
    page.select_option("#downloads select[name=format]", "pdf")
    with page.expect_download() as download:
        page.click("#download")
    assert Path(download.value.path()).read_bytes()[:4] == b"%PDF"

    page.goto(page.base + "/interviews/")
    page.fill("#interview-add input[name=code]", "KZ-US-01")
    page.select_option("#interview-add select[name=language]", "ru")
    page.fill("#interview-add input[name=attributes]", "gender=male; funding=bolashak")
    page.fill("#interview-add textarea[name=transcript]", FIRST)
    page.click("#add-interview")
    page.wait_for_selector("#transcript")
    page.wait_for_load_state("load")
    words = "Американский диплом признается практически в любой точке мира."
    page.evaluate("""(words) => {
        const text = document.getElementById('transcript').firstChild, at = text.data.indexOf(words);
        const range = document.createRange(); range.setStart(text, at); range.setEnd(text, at + words.length);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""", words)
    page.wait_for_selector("#save-segment:not([disabled])")
    assert words in page.inner_text("#selected")
    page.select_option("#code", "degree_prestige")
    page.click("#save-segment")
    page.wait_for_selector("p.flash")
    assert words in page.inner_text("#segment-list") and "«Дәреженің беделі» кодымен сақталды" in page.inner_text("p.flash")
    shot(page, "research-interview")

    fellows = tmp_path / "bolashak.csv"
    fellows.write_text(HEADER + "\n".join(GOOD) + "\n", encoding="utf-8")
    page.goto(page.base + "/migration/cohorts/?as_of=2023")
    page.set_input_files("#cohorts-upload input[name=file]", str(fellows))
    page.click("#cohorts-upload button.primary")
    page.wait_for_selector("#cohorts-stored")
    assert "Бітіргендердің оралғаны, %" in page.inner_text("#cohorts")
    assert not page.errors, page.errors

    # Every research page in each language, on a desktop and on a phone.
    for lang in ("kk", "ru", "en"):
        page.goto(page.base + "/migration/note/")
        page.click(f"button[value={lang}]")
        for name, url in PAGES.items():
            page.goto(page.base + url)
            assert page.locator("main h1").count() == 1, (lang, name)
            if url.startswith("/migration/"):
                assert TITLE[lang] in page.inner_text("main h1"), (lang, name)
            shot(page, f"research-{name}-{lang}")
    page.set_viewport_size({"width": 390, "height": 844})
    for name in ("flows", "forecast", "gravity", "interview"):
        page.goto(page.base + PAGES[name])
        assert page.evaluate("document.documentElement.scrollWidth") <= 400, name  # nothing wider than the phone
        shot(page, f"research-{name}-390")
    assert not page.errors, page.errors

"""The half-year cycle in a real browser (Debian's Chromium driven by Playwright), in Kazakh: the
analyst opens 2024H1 with a deadline; an officer uploads with errors, fixes and resubmits; the
analyst returns it with a comment; the officer sees it and resubmits; the analyst accepts; a
reminder reaches an officer of an HEI that has not submitted (file transport); the records are
exported as CSV and XLSX and match the board. Then every page this work touched, in kk, ru and
en, at desktop width and at 390 px, without a page wider than the phone. Screenshots go to
$AQYL_SCREENSHOTS when it is set."""

import csv
import io
import os
from pathlib import Path

import openpyxl
import pytest
from tests.test_browser import CHROMIUM, shot
from tests.test_import_check import csv_text

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (scripts/test.sh installs it)")]


@pytest.fixture
def site(live_server, settings, tmp_path):
    from django.contrib.auth import get_user_model
    from playwright.sync_api import sync_playwright

    from aqyl.store import models as m
    from aqyl.store.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "outbox")
    load_demo()
    user = get_user_model().objects.create_user("kaznu", email="office@kaznu.example", password="kaznu-officer")
    m.Profile.objects.create(user=user, role="officer", hei=m.Hei.objects.get(code="KAZNU"), language="kk")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])

        def page_for(username: str, password: str = "aqyl-demo", width: int = 1300):
            context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
            page = context.new_page()
            page.set_default_timeout(120_000)  # the suite shares two cores: a slow page is not a broken one
            page.base = live_server.url
            page.goto(page.base + "/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", password)
            page.click("button.primary")
            page.wait_for_url("**/dashboard/")
            return page

        yield page_for, tmp_path
        browser.close()


def rows(n: int, **kw) -> list[dict]:
    return [{"period": "2024H1", "start_date": "2024-03-01", "end_date": "2024-03-20", **kw} for _ in range(n)]


def upload(page, path: Path, store: bool = True) -> None:
    page.goto(page.base + "/upload/")
    assert page.inner_text("#chosen") == "Файл таңдалмаған"  # the page's own file control, in Kazakh
    page.set_input_files("#file", str(path))
    assert page.inner_text("#chosen") == path.name
    page.click("#upload-form button.primary")
    page.wait_for_selector("#result")
    if store:
        page.click("#store")
        page.wait_for_selector("text=Сақталды")


@pytest.mark.slow
def test_the_whole_cycle_in_kazakh(site, settings):
    import threading

    from django_tasks_db.management.commands.db_worker import Worker

    page_for, tmp = site
    analyst = page_for("analyst")
    analyst.goto(analyst.base + "/submissions/")
    analyst.fill("#open-period input[name=period]", "2024H1")
    analyst.fill("#open-period input[name=deadline]", "2027-01-15")
    analyst.click("#open-button")
    analyst.wait_for_selector("text=2024H1 кезеңі ашылды, тапсыру мерзімі — 2027-01-15.")
    assert "2024H1 кезеңі: тапсыру мерзімі — 2027-01-15." in analyst.inner_text("#deadline")
    shot(analyst, "cycle-01-opened")

    officer = page_for("officer")
    bad = tmp / "almau-2024h1.csv"
    bad.write_text(csv_text(rows(2) + rows(1, partner_country="Атлантида")), encoding="utf-8")
    # This one goes through the real queue: the page shows its progress until the worker has run.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    officer.goto(officer.base + "/upload/")
    officer.set_input_files("#file", str(bad))
    officer.click("#upload-form button.primary")
    officer.wait_for_selector("#progress")
    assert "Файл кезекте тұр…" in officer.inner_text("#progress-text")
    shot(officer, "cycle-02a-queued")
    worker = Worker(queue_names=["default"], interval=0.2, batch=True, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id="browser-test", excluded_queue_names=[])
    thread = threading.Thread(target=worker.run)
    thread.start()
    thread.join(timeout=120)
    officer.wait_for_selector("#result", timeout=30_000)  # the page polled, then showed the result
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert "Атлантида" in officer.inner_text("#result") and "ештеңе сақталмады" in officer.inner_text("#result")
    assert officer.inner_text("#store-valid").startswith("Тек дұрыс жолдарды сақтау (2); қате 1 жол сақталмайды")
    shot(officer, "cycle-02-errors")
    fixed = tmp / "almau-2024h1-fixed.csv"
    fixed.write_text(csv_text(rows(3)), encoding="utf-8")
    upload(officer, fixed)
    assert "1-нұсқа, 3 жол" in officer.inner_text("#result")

    analyst.goto(analyst.base + "/submissions/?period=2024H1")
    row = analyst.locator("tr[data-hei=ALMAU]")
    assert "Тапсырылды, тексеруді күтуде" in row.inner_text() and "almau-2024h1-fixed.csv" in row.inner_text()
    analyst.click("tr[data-hei=ALMAU] a")
    analyst.fill("#comment", "Серіктес ұйымдардың толық атауын жазыңыз.")
    analyst.click("#return")
    analyst.wait_for_selector("text=ALMAU 2024H1 есебі (1-нұсқа) түзетуге қайтарылды.")
    assert "Түзетуге қайтарылды" in analyst.inner_text("tr[data-hei=ALMAU]")
    shot(analyst, "cycle-03-returned")

    officer.goto(officer.base + "/upload/")
    notice = officer.inner_text("#returned-2024H1")
    assert "2024H1 кезеңінің есебі түзетуге қайтарылды (analyst," in notice
    assert "Серіктес ұйымдардың толық атауын жазыңыз." in notice
    shot(officer, "cycle-04-officer-sees-comment")
    again = tmp / "almau-2024h1-v2.csv"
    again.write_text(csv_text(rows(4, partner_institution="University of Tartu (Estonia)")), encoding="utf-8")
    upload(officer, again)
    assert officer.locator("#returned-2024H1").count() == 0  # resubmitted: the notice is gone

    analyst.goto(analyst.base + "/submissions/2024H1/ALMAU/")
    assert analyst.locator("#history tbody tr").count() == 2
    analyst.click("#accept")
    analyst.wait_for_selector("text=ALMAU 2024H1 есебі (2-нұсқа) қабылданды.")
    line = analyst.inner_text("tr[data-hei=ALMAU]")
    assert "Қабылданды" in line and "\t2\t4\t0\t" in line
    shot(analyst, "cycle-05-accepted")

    # A reminder to the HEIs that have not submitted: KAZNU's officer gets it, in Kazakh, as a file.
    analyst.click("#remind")
    analyst.wait_for_selector("text=Еске салу жіберілді:")
    mails = [p.read_text("utf-8") for p in sorted((tmp / "outbox").glob("*.log"))]
    to_kaznu = [x for x in "".join(mails).split("-" * 79) if "To: office@kaznu.example" in x]
    assert len(to_kaznu) == 1 and "әлі тапсырған жоқ. Тапсыру мерзімі — 2027-01-15." in to_kaznu[0]

    # The records, exported, match the board: four rows of ALMAU for 2024H1, labels and codes.
    analyst.goto(analyst.base + "/records/?period=2024H1&hei=ALMAU")
    assert "Табылды: 4" in analyst.inner_text("#found")
    with analyst.expect_download() as download:
        analyst.click("#csv")
    table = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
    head = table[0]
    assert len(table) - 1 == 4
    assert {r[head.index("Ұтқырлық бағыты")] for r in table[1:]} == {"Шығыс"}
    assert {r[head.index("Ұтқырлық бағыты (код)")] for r in table[1:]} == {"outgoing"}
    assert {r[head.index("Шетелдік серіктес ұйым")] for r in table[1:]} == {"University of Tartu (Estonia)"}
    with analyst.expect_download() as download:
        analyst.click("#xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert download.value.suggested_filename == "aqyl-records-2024H1-ALMAU.xlsx"
    assert sheet.max_row - 1 == 4 and sheet.cell(1, 3).value == "Ұтқырлық бағыты"
    shot(analyst, "cycle-06-records")


PAGES = {
    "officer": ["/upload/", "/records/", "/submissions/?period=2023H1", "/submissions/2023H1/ALMAU/",
                "/account/password/", "/account/", "/dashboard/"],
    "analyst": ["/submissions/?period=2023H1", "/submissions/2023H1/ALMAU/", "/records/?period=2023H1", "/reports/"],
    "admin": ["/admin/", "/admin/auth/user/add/", "/admin/aqyl/auditentry/"],
}


@pytest.mark.slow
@pytest.mark.parametrize("width", [1300, 390])
def test_every_touched_page_in_three_languages_fits(site, width):
    page_for, _ = site
    for who, urls in PAGES.items():
        page = page_for(who, width=width)
        for lang in ("kk", "ru", "en"):
            page.goto(page.base + "/dashboard/")
            page.click(f"button[value={lang}]")
            page.wait_for_selector(f"html[lang={lang}]")
            for url in urls:
                page.goto(page.base + url)
                name = f"{who}-{url.strip('/').replace('/', '_').replace('?', '_') or 'home'}-{lang}-{width}"
                shot(page, name)
                if width == 390 and not url.startswith("/admin/"):
                    # Nothing but a table's own scroll box may be wider than the phone.
                    wide = page.evaluate("document.documentElement.scrollWidth")
                    assert wide <= 392, (url, lang, wide)
    assert os.environ.get("AQYL_SCREENSHOTS") is None or Path(os.environ["AQYL_SCREENSHOTS"]).exists()

"""The officer's day in a real browser (Debian's Chromium driven by Playwright): sign in, upload a
file with errors, read them, upload the fixed file, store it, correct a record in the form, find
it on the board and the dashboard, download a report, switch the language. Screenshots of every page go to
$AQYL_SCREENSHOTS when it is set."""

import os
from pathlib import Path

import pytest
from tests.test_import_check import csv_text

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (scripts/test.sh installs it)")]


@pytest.fixture
def browser_page(live_server, settings, tmp_path):
    from playwright.sync_api import sync_playwright

    from aqyl.store.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1300, "height": 900}, accept_downloads=True)
        page.set_default_timeout(120_000)  # the suite shares two cores: a slow page is not a broken one
        page.base = live_server.url
        yield page
        browser.close()


def shot(page, name: str) -> None:
    folder = os.environ.get("AQYL_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


@pytest.mark.slow
def test_officer_uploads_fixes_and_reports(browser_page, tmp_path):
    page = browser_page
    page.goto(page.base + "/login/")
    shot(page, "login")
    page.fill("input[name=username]", "officer")
    page.fill("input[name=password]", "aqyl-demo")
    page.click("button.primary")
    page.wait_for_url("**/dashboard/")

    bad = tmp_path / "almau.csv"
    bad.write_text(csv_text([{"partner_country": "Атлантида"}, {"end_date": "2023-01-01"}]), encoding="utf-8")
    page.goto(page.base + "/upload/")
    page.set_input_files("#file", str(bad))
    page.click("#upload-form button.primary")
    page.wait_for_selector("#result")
    shot(page, "upload-errors")
    text = page.inner_text("#result")
    assert "Атлантида" in text and "ештеңе сақталмады" in text
    with page.expect_download() as download:
        page.click("#errors-xlsx")
    assert download.value.suggested_filename == "aqyl-errors.xlsx"

    fixed = tmp_path / "almau-fixed.csv"
    fixed.write_text(csv_text([{}, {}, {}]), encoding="utf-8")
    page.set_input_files("#file", str(fixed))
    page.click("#upload-form button.primary")
    page.wait_for_selector("#store")
    assert "Иә, ауыстыру" in page.inner_text("#store")
    page.click("#store")
    page.wait_for_selector("text=2-нұсқа, 3 жол")
    shot(page, "upload-stored")

    page.goto(page.base + "/submissions/?period=2023H1")
    row = page.locator("tr", has_text="ALMAU")
    assert "almau-fixed.csv" in row.inner_text() and "\t2\t3\t" in row.inner_text()
    shot(page, "board")

    # Correct one record in the form: a wrong date is marked on its field, then it saves as version 3.
    page.goto(page.base + "/records/?hei=ALMAU&period=2023H1")
    page.click("text=Өзгерту >> nth=0")
    page.fill("#f-end_date", "2000-01-01")
    page.click("button[name=save]")
    assert "2000-01-01" in page.inner_text(".field.invalid")
    shot(page, "record-form-errors")
    page.fill("#f-end_date", "2023-06-30")
    page.click("button[name=save]")
    page.wait_for_selector("p.flash")
    assert "3-нұсқа" in page.inner_text("p.flash")
    shot(page, "records")

    page.goto(page.base + "/dashboard/")
    page.wait_for_selector("body[data-loaded='2023H1']")
    assert page.inner_text("[data-kpi='both-total']") == "3"  # the officer sees their HEI only
    assert page.locator("#map svg").count() == 1 and page.locator("#sankey svg").count() == 1
    shot(page, "dashboard")

    page.goto(page.base + "/reports/")
    page.select_option("select[name=format]", "pdf")
    with page.expect_download() as download:
        page.click("#generate")
    path = download.value.path()
    assert Path(path).read_bytes()[:4] == b"%PDF"
    shot(page, "reports")

    page.click("button[value=ru]")
    page.wait_for_selector("text=Отчёты")
    assert "Сформировать и скачать" in page.inner_text("#generate")
    page.click("button[value=en]")
    assert "Generate and download" in page.inner_text("#generate")

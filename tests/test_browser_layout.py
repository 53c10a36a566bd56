"""Layout in a real browser (Debian's Chromium): on a 390 px phone no page scrolls sideways (a wide
table scrolls inside its box); the flows' Sankey chart names the origin and its destinations as
they are written; the board's filter button sits in line with its fields. Screenshots go to
$AQYL_SCREENSHOTS when it is set."""

from itertools import pairwise

import pytest
from tests.conftest import SHARED
from tests.test_browser import CHROMIUM, shot
from tests.test_import_check import csv_text

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (scripts/test.sh installs it)")]
SHARED_UIS = SHARED / "datasets" / "uis-student-flows" / "popular-destinations-by-origin.csv"


@pytest.fixture
def browser(live_server, settings, tmp_path):
    from playwright.sync_api import sync_playwright

    from aqyl.store.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from aqyl.store import cycle
    from aqyl.store import models as m

    load_demo()
    # A review with a long comment: the history's widest table.
    current = m.Submission.objects.get(hei__code="ALMAU", period="2023H1", is_current=True)
    cycle.review(current, "returned", "Серіктес ұйымдардың атауларын толық жазыңыз: https://www.ut.ee/en/studying-abroad/exchange-"
                 "programmes-faculty-of-science-and-technology; күндерді тексеріңіз.", notify=False)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        chromium.base = live_server.url
        yield chromium
        chromium.close()


def signed_in(browser, user: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.set_default_timeout(120_000)
    page.goto(browser.base + "/login/")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", "aqyl-demo")
    page.click("button.primary")
    page.wait_for_url("**/dashboard/")
    return page


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.slow
def test_no_page_scrolls_sideways_on_a_phone(browser, tmp_path):
    page = signed_in(browser, "officer", 390)
    sent = tmp_path / "almau.csv"
    sent.write_text(csv_text([{"partner_country": "Атлантида"}, {}, {}]), encoding="utf-8")
    page.goto(browser.base + "/upload/")
    page.set_input_files("#file", str(sent))
    page.click("#upload-form button.primary")
    page.wait_for_selector("#result")
    shot(page, "phone-upload-result")
    wider = {"/upload/": overflow(page)}
    for path in ("/submissions/2023H1/ALMAU/", "/submissions/?period=2023H1", "/records/", "/dashboard/"):
        page.goto(browser.base + path)
        shot(page, "phone" + path.replace("/", "-").replace("?", "-"))
        wider[path] = overflow(page)
    assert wider == dict.fromkeys(wider, 0)


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_UIS.exists(), reason="the shared UIS file is not here")
def test_the_sankey_names_the_origin_and_its_destinations(browser):
    page = signed_in(browser, "analyst", 1366)
    page.goto(browser.base + "/migration/flows/")
    page.set_input_files("#flows-upload input[type=file]", str(SHARED_UIS))
    page.select_option("#flows-upload select[name=source]", "uis")
    page.click("#import")
    page.wait_for_selector("#sankey canvas, #sankey svg")
    page.goto(browser.base + "/migration/flows/?source=uis&origin=KZ")
    page.wait_for_selector("#sankey svg text")
    shot(page, "flows-sankey")
    boxes = page.locator("#sankey svg text").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.textContent, r.top, r.bottom, r.left, r.right]; })")
    frame = page.evaluate("(() => { const r = document.querySelector('#sankey svg').getBoundingClientRect(); "
                          "return [r.top, r.bottom, r.left, r.right]; })()")
    labels = [b[0] for b in boxes]
    assert labels[0] == "Қазақстан" and "Ресей Федерациясы" in labels and len(labels) == 12, labels
    for name, top, bottom, left, right in boxes:  # whole, inside the chart: not clipped at any edge
        assert frame[0] <= top and bottom <= frame[1] and frame[2] <= left and right <= frame[3] + 1, name
    destinations = sorted(boxes[1:], key=lambda b: b[1])
    for upper, lower in pairwise(destinations):
        assert upper[2] <= lower[1] + 1, (upper[0], lower[0])  # no two names overlap


@pytest.mark.slow
def test_the_boards_show_button_sits_in_line_with_the_filters(browser):
    page = signed_in(browser, "analyst", 1366)
    page.goto(browser.base + "/submissions/?period=2023H1")
    shot(page, "board")
    button = page.locator("#board-filters button")
    field = page.locator("#board-filters select").first
    assert "primary" in (button.get_attribute("class") or "")
    b, f = button.bounding_box(), field.bounding_box()
    assert abs((b["y"] + b["height"]) - (f["y"] + f["height"])) <= 2  # bottoms aligned

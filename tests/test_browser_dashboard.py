"""The dashboard in a real browser: the default period is the latest most HEIs have submitted, the
comparison period is named, legends and tooltips name both periods in the page's language, a
click on a bar opens the records behind it, filters with no data say so once, and at 390 px
nothing runs off the screen."""

import re

import pytest
from tests.test_browser import CHROMIUM, shot
from tests.test_browser_cycle import site  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")]


@pytest.mark.slow
def test_dashboard_names_periods_drills_down_and_fits_a_phone(site, monkeypatch):  # noqa: F811
    from aqyl.store import models as m

    # Playwright's loop runs in this thread; the test's own queries are plain synchronous ones.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    page_for, _ = site
    # One HEI has begun 2024H1: the dashboard still opens on 2023H1, which every HEI has submitted.
    import polars as pl
    from django.db import transaction

    from aqyl.store.register import RECORD_COLUMNS, version_rows, write_submissions

    almau = m.Submission.objects.get(hei__code="ALMAU", period="2023H1", is_current=True)
    rows = version_rows(almau).with_columns(pl.lit("2024H1").alias("period"), pl.lit("ALMAU").alias("hei"),
                                            pl.lit("2024-03-01").alias("start_date"), pl.lit("2024-03-10").alias("end_date"))
    with transaction.atomic():
        write_submissions(rows.select(RECORD_COLUMNS), source="form", submitted_by="test")
    page = page_for("analyst")
    page.goto(page.base + "/dashboard/")
    page.wait_for_selector("body[data-loaded='2023H1']")
    assert page.input_value("select[name=period]") == "2023H1"
    assert page.inner_text("#compared") == "2022H1 кезеңімен салыстырғанда"
    legend = page.inner_text("#by_country")
    assert "2022H1" in legend and "2023H1" in legend
    # The change in per cent as the tables write numbers: a decimal comma in Kazakh, the sign always.
    deltas = page.locator(".delta").all_inner_texts()
    assert deltas and all(re.fullmatch(r"2022H1: [\d\u00a0\u202f ]+ \([+-]\d[\d\u00a0\u202f ]*,\d%\)", d) for d in deltas), deltas
    # The top country's bar (the current period's, the last series) and where it is on the screen.
    top = page.evaluate("""() => { const c = echarts.getInstanceByDom(document.getElementById('by_country'));
        const o = c.getOption(); const last = o.series.length - 1, s = o.series[last], i = s.data.length - 1;
        const r = c.getModel().getSeriesByIndex(last).getData().getItemLayout(i);
        return { value: s.data[i], x: r.x + r.width / 2, y: r.y + r.height / 2 }; }""")
    page.locator("#by_country").scroll_into_view_if_needed()
    box = page.locator("#by_country").bounding_box()
    page.mouse.move(box["x"] + top["x"], box["y"] + top["y"])
    page.wait_for_timeout(400)
    tip = page.inner_text("#by_country .chart-tip")
    assert "2022H1" in tip and "2023H1" in tip and "before" not in tip and "now" not in tip
    page.mouse.click(box["x"] + top["x"], box["y"] + top["y"])
    page.wait_for_url("**/records/**")
    assert "period=2023H1" in page.url and "country=" in page.url and "category=faculty" in page.url
    assert f"Табылды: {top['value']}" in page.inner_text("#found")
    # Nothing for these filters: one clear message, no empty charts.
    page.goto(page.base + "/dashboard/")
    page.wait_for_selector("body[data-loaded='2023H1']")
    page.select_option("select[name=programme]", _programme_without_records(m))
    page.wait_for_selector("body[data-loaded='2023H1-empty']")
    assert page.is_visible("#empty") and not page.is_visible("#figures")
    assert "Бұл кезеңге және сүзгілерге деректер жоқ." in page.inner_text("#empty")

    for lang in ("ru", "en"):
        phone = page_for("analyst", width=390)
        phone.click(f"button[value={lang}]")
        phone.goto(phone.base + "/dashboard/")
        phone.wait_for_selector("body[data-loaded='2023H1']")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 392
        assert phone.inner_text("#compared") == {"ru": "в сравнении с 2022H1", "en": "compared with 2022H1"}[lang]
        shot(phone, f"dashboard-{lang}-390")


def _programme_without_records(m):
    from aqyl.domain.classifiers import PROGRAMME

    used = set(m.MobilityRecord.objects.filter(period="2023H1", category="faculty").values_list("programme", flat=True))
    return next(c.code for c in PROGRAMME if c.code not in used)

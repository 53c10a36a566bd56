"""Row exports live with the renderers (aqyl.render.rows): the record list's download written by
them is the download the records page serves today, cell for cell and byte for byte in CSV."""

from __future__ import annotations

import io

import openpyxl
import pytest

from aqyl.app import records as record_list
from aqyl.domain.i18n import Label
from aqyl.render.rows import rows_csv, rows_xlsx
from aqyl.store import models as m

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    hei = m.Hei.objects.get(code="ENU")
    m.MobilityRecord.objects.create(period="2023H1", direction="outgoing", category="faculty", hei=hei,
                                    partner_institution="=HYPERLINK(\"x\")", partner_country="UZ",
                                    programme="inter_university", format="offline", degree="phd", field="04")
    m.MobilityRecord.objects.create(period="2023H1", direction="incoming", category="student", hei=hei,
                                    partner_institution="Тарту университеті", partner_country="EE",
                                    programme="erasmus_plus", format="online", study_level="master", field="02")
    return m.MobilityRecord.objects.order_by("id")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_record_download_is_written_by_the_row_renderers(records, lang):
    header = record_list.header(lang)
    csv_bytes = rows_csv(header, record_list.rows(records, lang))
    assert csv_bytes == record_list.to_csv(records, lang)
    assert csv_bytes.startswith("\ufeff".encode()) and b"'=HYPERLINK" in csv_bytes  # never a formula

    title = Label("Жазбалар", "Записи", "Records").get(lang)
    mine = openpyxl.load_workbook(io.BytesIO(rows_xlsx(title, header, record_list.rows(records, lang))))
    today = openpyxl.load_workbook(io.BytesIO(record_list.to_xlsx(records, lang)))
    assert mine.sheetnames == today.sheetnames == [title]
    cells = [[c.value for c in row] for row in mine.active.iter_rows()]
    assert cells == [[c.value for c in row] for row in today.active.iter_rows()]
    assert cells[0] == header and len(cells) == 3
    assert mine.active.auto_filter.ref == today.active.auto_filter.ref and mine.active.freeze_panes == "A2"


def test_the_charts_font_has_the_kazakh_letters_whatever_else_has_its_name():
    # Debian's older fonts-liberation has a "Liberation Serif" without ә, ғ, қ, ң, ө, ұ, ү, һ, і;
    # matplotlib picked it beside fonts-liberation2's, and the DOCX charts showed boxes.
    from fontTools.ttLib import TTFont
    from matplotlib import font_manager

    from aqyl.render.charts import chart_font

    found = font_manager.findfont(font_manager.FontProperties(family=chart_font()), fallback_to_default=False)
    assert set(map(ord, "әғқңөұүһі")) <= set(TTFont(found).getBestCmap())

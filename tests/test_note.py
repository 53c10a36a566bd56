"""The analytical note: prose in three languages from the report model, and its five renderings."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.db import transaction

from aqyl.domain.numbers import collation_key, fmt_int, fmt_num, fmt_pct, plural
from aqyl.domain.report import phrases as ph
from aqyl.domain.report.document import Bullets, Chart, Table
from aqyl.domain.report.growth import Growth
from aqyl.domain.report.note import NoteWriter, write_note
from aqyl.render.markdown import render_markdown
from aqyl.render.xlsx import safe_text

GOLDEN = Path(__file__).parent / "golden"
LANGS = ("kk", "ru", "en")
GENERATED = "2026-11-23"
# Tests on the demo register; pytest-django sets up a database only when a collected test is marked.
demo_db = pytest.mark.django_db
pytestmark = pytest.mark.engines  # engine-specific code: also run on PostgreSQL (scripts/test.sh)


@pytest.fixture(scope="module")
def models(django_db_setup, django_db_blocker):
    """Report models computed on the demo data, then rolled back so other tests see an empty register."""
    from aqyl.store.demo import load_demo
    from aqyl.store.report_data import ReportFilter, report_data

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        out = {
            "2023H1": report_data("2023H1"),
            "2022H1": report_data("2022H1"),  # its comparison period has no records
            "student": report_data("2023H1", flt=ReportFilter(category="student")),  # no records at all
            "private": report_data("2023H1", flt=ReportFilter(hei_types=("private",))),
        }
        transaction.set_rollback(True)
    return out


# -- numbers and words -------------------------------------------------------------------------
def test_cldr_numbers():
    assert fmt_int(1234, "kk") == fmt_int(1234, "ru") == "1\u00a0234" and fmt_int(1234, "en") == "1,234"
    assert fmt_num(1234.5, "ru") == "1\u00a0234,5" and fmt_num(1234.5, "en") == "1,234.5"
    assert fmt_pct(10.7, "kk") == "10,7%" and fmt_pct(10.7, "ru") == "10,7\u00a0%" and fmt_pct(10.7, "en") == "10.7%"
    assert fmt_pct(59.3, "en", 0) == "59%"


@pytest.mark.parametrize(("n", "word"), [(1, "человек"), (2, "человека"), (4, "человека"), (5, "человек"),
                                         (11, "человек"), (21, "человек"), (22, "человека"), (382, "человека"),
                                         (735, "человек")])
def test_russian_plural(n, word):
    assert plural(n, ph.PEOPLE["ru"], "ru") == word


def test_english_and_kazakh_plural():
    assert plural(1, ph.PEOPLE["en"], "en") == "person" and plural(2, ph.PEOPLE["en"], "en") == "people"
    assert {plural(n, ph.PEOPLE["kk"], "kk") for n in (1, 2, 5, 382)} == {"адам"}


def test_kazakh_alphabetical_order():
    names = ["Өзбекстан", "Австрия", "Әзірбайжан", "Қырғызстан", "Канада", "Үндістан", "Украина", "Ұлыбритания"]
    assert sorted(names, key=lambda s: collation_key(s, "kk")) == [
        "Австрия", "Әзірбайжан", "Канада", "Қырғызстан", "Өзбекстан", "Украина", "Ұлыбритания", "Үндістан"]


@pytest.mark.parametrize(("before", "after", "kk", "ru", "en"), [
    (313, 735, "екі еседен астам өсті", "выросло более чем в 2 раза", "more than doubled"),
    (139, 382, "үш есеге жуық өсті", "выросло почти в 3 раза", "nearly tripled"),
    (174, 353, "екі есе өсті", "выросло в 2 раза", "doubled"),
    (13, 63, "бес есе өсті", "выросло в 5 раз", "grew 5-fold"),
    (73, 116, "59%-ға өсті", "выросло на 59\u00a0%", "grew by 59%"),
    (100, 95, "5,0%-ға азайды", "сократилось на 5,0\u00a0%", "fell by 5.0%"),
    (0, 4, "нөлден өсті", "выросло с нуля", "grew from zero"),
    # a fall to under half reads as a factor, never "by 100 %" (735 → 3 is not zero)
    (735, 3, "245 есе азайды", "сократилось в 245 раз", "fell 245-fold"),
    (100, 50, "екі есе азайды", "сократилось в 2 раза", "halved"),
    (100, 30, "үш еседен астам азайды", "сократилось более чем в 3 раза", "fell more than 3-fold"),
    (46, 66, "43%-ға өсті", "выросло на 43\u00a0%", "grew by 43%"),  # +43.48 %, rounded once
])
def test_growth_is_worded_by_one_rule_in_every_language(before, after, kk, ru, en):
    report = {"meta": {"period": "2023H1", "compare": "2022H1"}, "periods": {"2023H1": {}}}
    for lang, want in (("kk", kk), ("ru", ru), ("en", en)):
        assert NoteWriter(report, lang).growth(Growth(before, after).as_dict()) == want


def test_spreadsheet_formula_injection_is_neutralised():
    assert safe_text("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_text("+7 701") == "'+7 701" and safe_text("@SUM(A1)") == "'@SUM(A1)"
    assert safe_text("–") == "–" and safe_text("Erasmus+") == "Erasmus+"


# -- the note's text --------------------------------------------------------------------------
_NUMBER = {"kk": r"(?<!\d)(?:\d{1,3}(?:\u00a0\d{3})+|\d+)(?:,\d+)?(?!\d)",
           "ru": r"(?<!\d)(?:\d{1,3}(?:\u00a0\d{3})+|\d+)(?:,\d+)?(?!\d)",
           "en": r"(?<!\d)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)"}
# References to numbered tables, charts and appendices are not figures.
_REFERENCE = re.compile(r"\d+-(?:кесте|қосымша|диаграмма)\w*|(?:таблиц\w+|приложени\w+|Table|Appendix|Chart) \d+")


def _figures(value) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [float(value)]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _figures(v)]
    if isinstance(value, list):
        return [x for v in value for x in _figures(v)]
    return []


def _periods(model) -> set[float]:
    codes = [model["meta"]["period"], model["meta"].get("compare") or model["meta"].get("compare_missing") or ""]
    return {float(x) for code in codes for x in re.findall(r"\d+", code)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", ["2023H1", "2022H1", "private"])
@demo_db
def test_every_number_in_the_prose_is_in_the_report_data(models, lang, case):
    model = models[case]
    allowed = _figures(model) + sorted(_periods(model))
    doc = write_note(model, lang)
    checked = 0
    for sentence in doc.prose():
        for token in re.findall(_NUMBER[lang], _REFERENCE.sub("", sentence)):
            point = "." if lang == "en" else ","
            whole, _, fraction = token.replace("\u00a0", "").replace("," if lang == "en" else " ", "").partition(point)
            decimals, value = len(fraction), float(f"{whole}.{fraction or 0}")
            assert any(round(a, decimals) == value for a in allowed), (token, sentence)
            checked += 1
    assert checked > 40


@pytest.mark.parametrize("lang", LANGS)
@demo_db
def test_golden_text(models, lang):
    """The whole note as text, per language. After a deliberate change: AQYL_UPDATE_GOLDEN=1 pytest."""
    text = render_markdown(write_note(models["2023H1"], lang, GENERATED))
    path = GOLDEN / f"note-2023H1-faculty-{lang}.md"
    if os.environ.get("AQYL_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8")


@demo_db
def test_note_has_every_section_of_the_2023_note(models):
    doc = write_note(models["2023H1"], "kk")
    captions = [t.caption.split(".")[0] for t in doc.tables if t.caption]
    # countries ×2, both periods, degrees ×2, fields ×2, programmes, world regions ×2
    assert captions == [f"{n}-кесте" for n in range(1, 11)]
    assert [t.key for t in doc.tables if t.key.startswith("appendix")] == ["appendix_1", "appendix_2"]
    assert len(doc.charts) == 5
    table1 = doc.tables[0]
    assert [c.text for c in table1.rows[0].cells] == ["1.", "Өзбекстан", "116", "30,4%"]
    assert [c.text for c in table1.rows[-1].cells][1:3] == ["28 ел", "382"]
    # Equal counts in Kazakh alphabetical order, as the note prints them (АҚШ before Түркия).
    assert [c.cells[1].text for c in table1.rows[3:5]] == ["АҚШ", "Түркия"]
    table3 = doc.tables[2]
    assert [c.text for c in table3.rows[-1].cells] == ["", "23 ел", "38 ел"]
    appendix = doc.tables[-2]
    groups = [(r.cells[1].text, r.cells[2].value) for r in appendix.rows if r.kind == "group"]
    assert groups == [("Ұлттық", 41), ("Мемлекеттік", 120), ("АҚ", 77), ("Жекеменшік", 144)]
    text = " ".join(doc.prose())
    for phrase in ("екі еседен астам өсті (2022\u00a0ж. 1\u00a0жарт. –\u00a0313, 2023\u00a0ж. 1\u00a0жарт. –\u00a0735)",
                   "үш есеге жуық өсті", "шетелге ең көп ПОҚ жіберген – жекеменшік ЖЖОКБҰ (144 адам)",
                   "Екі бағытта да офлайн формат басым",
                   "Өзбекстанға (116 адам), Ресей Федерациясына (98 адам) және Қырғызстанға (28 адам) барды",
                   "Өзбекстаннан (177 адам), Ресей Федерациясынан (89 адам) және Қырғызстаннан (19 адам)",
                   "Еуропа елдеріне –\u00a079 адам, оның ішінде Польшаға (14 адам) және Германияға (11 адам).",
                   "ауыл шаруашылығы және биоресурстар; ветеринария",
                   "ғылым докторларының саны 43%-ға өсті",
                   "(бұдан әрі – ПОҚ)", "(бұдан әрі – ЖЖОКБҰ)"):
        assert phrase in text, phrase
    assert "«" not in text.replace("«Bolashaq»", "").replace("«Туран»", "")  # no quoted labels in running text


@demo_db
def test_russian_and_english_prose(models):
    ru = " ".join(write_note(models["2023H1"], "ru").prose())
    assert "В I полугодии 2023 года 46 ОВПО пригласили для академического обмена 353 человека из 91 зарубежного вуза." in ru
    assert "Кроме того, 382 человека из 55 ОВПО выехали по обмену в 126 зарубежных вузов." in ru
    assert "больше всего представителей казахстанского ППС направили за рубеж частные ОВПО (144 человека)" in ru
    assert "Среди представителей казахстанского ППС преобладают кандидаты наук (138 человек, 36,1\u00a0%)." in ru
    assert "в Узбекистан (116 человек), в Российскую Федерацию (98 человек) и в Кыргызстан (28 человек)" in ru
    assert "(далее – ППС)" in ru and "(далее – ОВПО)" in ru
    en = " ".join(write_note(models["2023H1"], "en").prose())
    assert "In H1 2023, 46 Kazakhstani HEIs invited 353 people from 91 foreign HEIs for academic exchange." in en
    assert ("the number of teaching staff taking part in academic exchange more than doubled "
            "(H1\u00a02022: 313; H1\u00a02023: 735)") in en


@pytest.mark.parametrize("lang", LANGS)
@demo_db
def test_empty_category_and_missing_comparison_read_naturally(models, lang):
    for case in ("student", "2022H1"):
        doc = write_note(models[case], lang)
        text = render_markdown(doc)
        assert "None" not in text and "0 (0" not in text and "(0,0" not in text and "(0.0" not in text
    student = write_note(models["student"], lang)
    assert not student.tables and not student.charts
    assert len(student.prose()) >= 3  # intro and one "no records" sentence per direction
    missing = write_note(models["2022H1"], lang)
    label = {"kk": "2021 жылғы I жартыжылдық", "ru": "I полугодие 2021 года", "en": "H1 2021"}[lang]
    assert any(label in s for s in missing.prose()) and any(label in s for s in missing.subtitle)


@demo_db
def test_filters_are_named_on_the_title_page(models):
    doc = write_note(models["private"], "ru")
    assert "Фильтр: Частный" in doc.subtitle
    assert models["private"]["periods"]["2023H1"]["outgoing"]["total"] == 144


# -- renderings ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kk_note(models):
    return write_note(models["2023H1"], "kk", GENERATED)


@demo_db
def test_html_is_self_contained(kk_note):
    from aqyl.render.html import render_html

    html = render_html(kk_note)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and not re.search(r"url\((?!#)", html)  # only in-page references
    assert html.count("<table") == len(kk_note.tables) and html.count("<svg") == len(kk_note.charts)
    assert "Өзбекстан" in html and 'lang="kk"' in html


@pytest.mark.slow
@demo_db
def test_pdf_embeds_fonts_and_renders_kazakh_letters(kk_note):
    from pypdf import PdfReader

    from aqyl.render.pdf import render_pdf

    reader = PdfReader(io.BytesIO(render_pdf(kk_note)))
    assert len(reader.pages) >= 8
    text = "".join(page.extract_text() for page in reader.pages)
    used = set("әғқңөұүһі") & set(render_markdown(kk_note).casefold())
    assert len(used) >= 8  # all but the rare һ
    for letter in used:
        assert letter in text.casefold(), letter
    assert "Өзбекстан" in text and "Академиялық алмасу" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
                else font.get("/FontDescriptor")
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor or "/FontFile" in descriptor, font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert any("LiberationSerif" in f.replace("-", "") or "DejaVuSerif" in f.replace("-", "") for f in fonts)


@demo_db
def test_docx_has_real_tables_headings_charts_and_page_numbers(kk_note):
    import docx

    from aqyl.render.docx import render_docx

    word = docx.Document(io.BytesIO(render_docx(kk_note)))
    assert len(word.tables) == len(kk_note.tables)
    assert [c.text for c in word.tables[0].rows[1].cells] == ["1.", "Өзбекстан", "116", "30,4%"]
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Жалпы көрсеткіштер" and "Қорытынды" in headings
    assert len(word.inline_shapes) == len(kk_note.charts)
    assert [p.text for p in word.paragraphs if p.style.name == "Title"] == [kk_note.title]
    footer_xml = word.sections[1].footer._element.xml  # the title page (section 0) has no number
    assert "PAGE" in footer_xml and "fldChar" in footer_xml


@demo_db
def test_xlsx_sheets_hold_numbers_and_native_charts(kk_note):
    import openpyxl

    from aqyl.render.xlsx import render_xlsx

    data = render_xlsx(kk_note)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "Анықтама"
    assert {"1-кесте", "8-кесте", "1-қосымша", "2-қосымша", "5-диаграмма"} <= set(book.sheetnames)
    sheet = book["1-кесте"]
    assert [c.value for c in sheet[4]] == [1, "Өзбекстан", 116, 0.304]
    assert isinstance(sheet["C4"].value, int)
    assert (sheet["D4"].number_format, sheet["C4"].number_format) == ("0.0%", "#,##0")  # a share computes as a percent
    regions = next(book[n] for n in book.sheetnames if n.startswith("9-"))
    marked = next(c for c in regions["C"] if isinstance(c.value, float))
    assert marked.number_format == '0.0%"*"'  # an estimated share keeps its mark
    charts = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == len(kk_note.charts)


def test_report_command_writes_every_format(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "AQYL_DATABASE_URL"} | {"AQYL_DATA_DIR": str(tmp_path)}
    aqyl = [sys.executable, "-m", "aqyl.cli"]
    subprocess.run([*aqyl, "demo", "--out", str(tmp_path)], check=True, capture_output=True, env=env)
    env["AQYL_DATABASE_URL"] = f"sqlite:///{tmp_path / 'aqyl-demo.sqlite3'}"
    done = subprocess.run([*aqyl, "report", "--period", "2023H1", "--lang", "ru", "--out", str(tmp_path / "r")],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "r").iterdir())
    assert names == ["aqyl-report-2023H1-faculty-ru.docx", "aqyl-report-2023H1-faculty-ru.html",
                     "aqyl-report-2023H1-faculty-ru.pdf", "aqyl-report-2023H1-faculty-ru.xlsx",
                     "aqyl-report-2023H1-faculty.json"]
    assert json.loads((tmp_path / "r" / names[-1]).read_text())["periods"]["2023H1"]["both"]["total"] == 735


@demo_db
def test_blocks_are_what_renderers_expect(kk_note):
    for block in kk_note.blocks:
        if isinstance(block, Table):
            assert all(len(r.cells) == len(block.columns) for r in block.rows), block.key
        if isinstance(block, Chart):
            assert all(len(s.values) == len(block.categories) for s in block.series), block.key
        if isinstance(block, Bullets):
            assert block.items


def _facts(total: int, levels: dict[str, int], countries: dict[str, int]) -> dict:
    return {"total": total, "kz_heis": 2, "foreign_heis": 3, "countries": len(countries),
            "by_hei_type": {"state": total}, "by_format": {"offline": total}, "by_study_level": levels,
            "by_field": {"04": total}, "by_country": countries, "by_programme": {"erasmus_plus": total}}


def test_student_note_uses_study_levels_not_degrees():
    from aqyl.domain.report.model import build_report

    now = {"outgoing": _facts(5, {"bachelor": 3, "master": 2}, {"PL": 3, "DE": 2}),
           "incoming": _facts(2, {"bachelor": 2}, {"UZ": 2}),
           "both": _facts(7, {"bachelor": 5, "master": 2}, {"PL": 3, "DE": 2, "UZ": 2})}
    before = {"outgoing": _facts(1, {"bachelor": 1}, {"PL": 1}), "incoming": _facts(0, {}, {}),
              "both": _facts(1, {"bachelor": 1}, {"PL": 1})}
    model = build_report({"2024H1": now, "2023H1": before}, "2024H1", "2023H1", {"filters": {"category": "student"}})
    doc = write_note(model, "ru")
    assert doc.title == "Аналитическая справка об академической мобильности обучающихся"
    headers = [t.columns[0].header for t in doc.tables if t.caption and "уровни обучения" in t.caption]
    assert headers == ["Уровень обучения", "Уровень обучения"]
    text = " ".join(doc.prose())
    assert "Среди казахстанских обучающихся преобладают студенты бакалавриата (3 человека, 60,0\u00a0%)." in text
    assert "число студентов бакалавриата выросло в 3 раза" in text and "число магистрантов выросло с нуля" in text
    assert "Доктор наук" not in render_markdown(doc) and "| Докторантура | 0 |" in render_markdown(doc)


# -- estimates (issue 31) ------------------------------------------------------------------------
ESTIMATE = {
    "ru": "* Оценочные данные: значение за I полугодие 2022 года в аналитической справке за I полугодие 2023 года не "
          "приводится и рассчитано пропорционально структуре I полугодия 2023 года.",
    "kk": "* Бағаланған мән: 2022 жылғы I жартыжылдықтағы мән 2023 жылғы I жартыжылдық бойынша талдамалық анықтамада "
          "берілмеген және 2023 жылғы I жартыжылдық құрылымына пропорционал есептелген.",
    "en": "* Estimated: the analytical note on H1 2023 does not give the H1 2022 value; it is computed in proportion to "
          "the structure of H1 2023.",
}


@pytest.mark.parametrize("lang", LANGS)
@demo_db
def test_an_estimate_is_marked_where_it_is_printed_and_explained_once(models, lang):
    """The demo's H1 2022 figures the 2023 note does not give are estimates: each is marked where it
    is printed (charts 1–2: 11/32/21 and 8/69/21, not the 75 and 76 the note gives), the first mark is
    explained right under its block, naming the 2023 note, and no later one repeats the explanation."""
    from aqyl.domain.report.document import Paragraph
    from aqyl.render.xlsx import render_xlsx

    doc = write_note(models["2023H1"], lang, GENERATED)
    charts = doc.charts[:2]
    assert [c.series[0].values for c in charts] == [(11, 32, 21, 75), (8, 69, 76, 21)]
    assert [c.series[0].marks for c in charts] == [("*", "*", "*", ""), ("*", "*", "", "*")]
    assert all(not s.marks for c in charts for s in c.series[1:])  # H1 2023 is counted, not estimated
    assert [c.note for c in charts] == [ESTIMATE[lang]] * 2  # a chart's sheet explains its marks
    explained = [i for i, b in enumerate(doc.blocks) if isinstance(b, Paragraph) and b.text == ESTIMATE[lang]]
    assert explained == [doc.blocks.index(charts[0]) + 1]  # once, right under the first mark
    text = " ".join(doc.prose())
    assert not any(b.footnotes for b in doc.blocks if hasattr(b, "footnotes"))  # no "see footnote 1" six times
    assert not re.search(r"[.,;:)]\*", text)  # a mark stands before the punctuation, never after it
    people = {"kk": "60 адам*", "ru": "60 человек*", "en": "60 people*"}[lang]
    assert text.count(people + ")") == 1  # Uzbekistan in H1 2022, the one estimated country leader
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                assert cell.text.endswith("*") == bool(cell.mark), (table.caption, cell)
    regions = [t for t in doc.tables if any(c.mark for r in t.rows for c in r.cells)]
    assert len(regions) == 2 and all(t.note == ESTIMATE[lang] for t in regions)
    assert all(c.mark == "*" for t in regions for r in t.rows if r.kind != "total" for c in r.cells[1:3])
    assert not any(c.mark for t in regions for r in t.rows for c in r.cells[3:])
    # The spreadsheet: a chart's data keep numbers, and the estimated ones show the mark by their format.
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))
    sheet = book.worksheets[1]
    cells = [(sheet.cell(r, 2).value, sheet.cell(r, 2).number_format.endswith('"*"')) for r in range(4, 8)]
    assert cells == [(11, True), (32, True), (21, True), (75, False)]


def _student_model() -> dict:
    from aqyl.domain.report.model import build_report

    fields = {f"{i:02d}": 0 for i in range(1, 13)}

    def facts(total, levels, countries, by_field, types):
        return {"total": total, "kz_heis": 2, "foreign_heis": 3, "countries": len(countries), "by_hei_type": types,
                "by_format": {"offline": total}, "by_study_level": levels, "by_field": {**fields, **by_field},
                "by_country": countries, "by_programme": {"erasmus_plus": total}}

    out = facts(30, {"bachelor": 30}, {"PL": 20, "DE": 10}, {"04": 14, "07": 10, "05": 5, "11": 1},
                {"national": 10, "state": 15, "private": 5})
    inc = facts(20, {"bachelor": 20}, {"UZ": 20}, {"04": 20}, {"national": 4, "state": 16})
    both = facts(50, {"bachelor": 50}, {"PL": 20, "DE": 10, "UZ": 20}, {"04": 34, "07": 10, "05": 5, "11": 1},
                 {"national": 14, "state": 31, "private": 5})
    return build_report({"2024H1": {"outgoing": out, "incoming": inc, "both": both}}, "2024H1", None,
                        {"filters": {"category": "student"}})


STUDENT_SENTENCES = {
    "kk": ["2024 жылғы I жартыжылдықта академиялық ұтқырлыққа 3 шетелдік ЖОО-дан 20 білім алушы қатысып, олар 2 "
           "қазақстандық ЖЖОКБҰ-ға қабылданды.",
           "Сондай-ақ 2 қазақстандық ЖЖОКБҰ-дан 30 білім алушы 3 шетелдік ЖОО-ға оқуға барды.",
           "2024 жылғы I жартыжылдықта шетелге ең көп білім алушы жіберген – мемлекеттік ЖЖОКБҰ (15 адам).",
           "2024 жылғы I жартыжылдықта ең көп шетелдік білім алушы қабылдаған – мемлекеттік ЖЖОКБҰ (16 адам).",
           "Білім алушылардың академиялық ұтқырлығы негізінен мына бағдарламалар мен келісімдер шеңберінде өтті: "
           "Erasmus+ (50 адам).",
           "Шетелге ең аз білім алушы жіберген – жекеменшік ЖЖОКБҰ (5 адам).",
           "Қазақстандық білім алушылар ең аз қатысқан білім беру саласы: қызметтер (1 адам)."],
    "ru": ["В I полугодии 2024 года 2 ОВПО приняли в рамках академической мобильности 20 человек из 3 зарубежных вузов.",
           "Кроме того, 30 человек из 2 ОВПО выехали на обучение в 3 зарубежных вуза.",
           "В I полугодии 2024 года больше всего иностранных обучающихся приняли государственные ОВПО (16 человек).",
           "Академическая мобильность обучающихся проходила главным образом в рамках следующих программ и соглашений: "
           "Erasmus+ (50 человек).",
           "Меньше всего казахстанских обучающихся направили за рубеж частные ОВПО (5 человек).",
           "Среди казахстанских обучающихся наименее представлена область образования: услуги (1 человек)."],
}
STUDENT_HEADINGS = {"kk": ["Академиялық ұтқырлық форматы", "Академиялық ұтқырлыққа ең аз қатысқан ЖЖОКБҰ түрлері мен "
                           "білім беру салалары"],
                    "ru": ["Формат академической мобильности"]}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_student_note_speaks_of_mobility_and_admission(lang):
    """Students are admitted (қабылданды / приняли), not invited, and go to study, not on exchange;
    Kazakh keeps the noun singular after «ең көп»; one field is «саласы» / «область»."""
    from aqyl.domain.report.document import Heading

    doc = write_note(_student_model(), lang)
    prose = [p.replace("\u00a0", " ") for p in doc.prose()]
    for sentence in STUDENT_SENTENCES[lang]:
        assert sentence in prose, sentence
    text = " ".join(prose)
    for word in ("шақыр", "алмасу", "приглас", "обмен", "білім алушылар жіберген"):
        assert word not in text.lower(), word
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert set(STUDENT_HEADINGS[lang]) <= set(headings)
    assert doc.footer == {"kk": "Академиялық ұтқырлық бойынша аналитикалық анықтама, 2024 жылғы I жартыжылдық",
                          "ru": "Аналитическая справка об академической мобильности, I полугодие 2024 года"}[lang]

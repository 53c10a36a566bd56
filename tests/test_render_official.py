"""The note's files as official documents: DOCX styles, fonts, indent, language, column widths, page
numbers and properties read from the XML; PDF metadata, fonts, footnotes and page breaks; XLSX print
set-up; the non-breaking spaces. Documents are built by hand, so no database is needed."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, datetime, timedelta

import pytest

from aqyl.domain.report.document import Cell, Chart, Column, Document, Heading, Paragraph, Row, Series, Table
from aqyl.render.typography import NBSP, WJ, tie

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ISSUER = "Қазақстан Республикасы Ғылым және жоғары білім министрлігі"
PLACE_DATE = "Астана, 2026 жылғы 1 желтоқсан"
NOTE = "Бағалау: 2022 жылғы деректер демо деректерінен алынды."
TABLE_NOTE = "ЖОО-лардың өз деректері бойынша."


# -- non-breaking spaces -----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("С. Д. Асфендияров атындағы ҚазҰМУ", "kk", f"С.{NBSP}Д.{NBSP}Асфендияров атындағы ҚазҰМУ"),
    ("2022 ж. 1 жарт. – 313 адам", "kk", f"2022{NBSP}ж.{NBSP}1{NBSP}жарт.{NBSP}–{WJ}{NBSP}313{NBSP}адам"),
    # Issue 31: no break before or right after the dash of "N – M %", nor after a Roman numeral.
    ("(1 пол. 2022 г. – 64,0 %*, 1 пол. 2023 г. – 67,8 %)", "ru",
     f"(1{NBSP}пол.{NBSP}2022{NBSP}г.{NBSP}–{WJ}{NBSP}64,0{NBSP}%*, 1{NBSP}пол.{NBSP}2023{NBSP}г.{NBSP}–{WJ}{NBSP}67,8{NBSP}%)"),
    ("В I полугодии 2023 года", "ru", f"В I{NBSP}полугодии 2023{NBSP}года"),
    ("2023 жылғы I жартыжылдықта, ІІ жартыжылдық", "kk", f"2023{NBSP}жылғы I{NBSP}жартыжылдықта, ІІ{NBSP}жартыжылдық"),
    ("In H1 2023, I think", "en", "In H1 2023, I think"),
    ("Анықтама – маңызды", "kk", "Анықтама – маңызды"),
    ("в 2023 г. выехали 382 человека", "ru", f"в 2023{NBSP}г. выехали 382{NBSP}человека"),
    ("доля 30,4 % от 735 человек", "ru", f"доля 30,4{NBSP}% от 735{NBSP}человек"),
    ("A. B. Smith: 735 people, 12 %", "en", f"A.{NBSP}B.{NBSP}Smith: 735{NBSP}people, 12{NBSP}%"),
    ("Түркия – 18 адам (4,7%)", "kk", f"Түркия{NBSP}–{WJ}{NBSP}18{NBSP}адам (4,7%)"),
    # A capital letter ending a sentence is not an initial; a plain word after a number is not tied.
    ("группа А. далее 5 вузов", "ru", f"группа А. далее 5{NBSP}вузов"),
    ("2023 жылы 46 ЖОО-ға", "kk", f"2023{NBSP}жылы 46 ЖОО-ға"),
    ("", "kk", ""),
])
def test_tie(text, lang, expected):
    assert tie(text, lang) == expected


# -- a note built by hand ----------------------------------------------------------------------------
def _table(key: str, caption: str, n: int, footnotes: tuple[str, ...] = ()) -> Table:
    rows = tuple(Row((Cell(f"{i}.", i), Cell(f"Ш. Есенов атындағы Каспий технологиялар және инжиниринг университеті {i}"),
                      Cell(str(100 - i), 100 - i))) for i in range(1, n + 1))
    total = Row((Cell(""), Cell("Барлығы"), Cell(str(sum(100 - i for i in range(1, n + 1))), 0)), "total")
    return Table(key, caption, (Column("№", "rank"), Column("ЖОО атауы"), Column("Адам саны", "number")),
                 (*rows, total), footnotes)


def _note(lang: str = "kk", fill: int = 3, rows: int = 8) -> Document:
    paragraphs = tuple(Paragraph("Академиялық алмасу шетелдік әріптестерді шақыру және қатысушыларды жіберу "
                                 "арқылы жүзеге асырылады; 2022 ж. 1 жарт. – 313 адам. " * 3) for _ in range(fill))
    return Document(
        lang=lang, title="Академиялық алмасу бойынша аналитикалық анықтама",
        subtitle=("Кезең: 2023 жылғы I жартыжылдық",), footer="Аналитикалық анықтама, 2023 жылғы I жартыжылдық",
        issuer=ISSUER, place_date=PLACE_DATE,
        blocks=(Heading("Жалпы көрсеткіштер"), Paragraph("Анықтама С. Д. Асфендияров атындағы ҚазҰМУ деректерімен.",
                                                           footnotes=(NOTE,)),
                *paragraphs, _table("table_1", "1-кесте. Қазақстандық ПОҚ ЖОО бойынша", rows, (TABLE_NOTE,)),
                Chart("chart_1", "1-диаграмма. ЖОО түрлері бойынша, адам", "bar", ("Ұлттық", "Жекеменшік"),
                      (Series("2023 ж. 1 жарт.", (41.0, 144.0)),)),
                Heading("1-қосымша. Қазақстандық ПОҚ ЖОО бөлінісінде"), _table("appendix_1", "", 30),
                Heading("2-қосымша. Шетелдік ПОҚ ЖОО бөлінісінде"), _table("appendix_2", "", 12)))


@pytest.fixture(scope="module")
def docx_parts():
    from aqyl.render.docx import render_docx

    data = render_docx(_note())
    archive = zipfile.ZipFile(io.BytesIO(data))
    return data, {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith((".xml", ".rels"))}


def test_docx_has_no_theme_font_and_one_house_font(docx_parts):
    _, parts = docx_parts
    styles, document = parts["word/styles.xml"], parts["word/document.xml"]
    for xml in (styles, document):
        assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)Theme=", xml, re.I)
        assert "Calibri" not in xml and "Cambria" not in xml
    fonts = re.findall(r"<w:rFonts ([^>]*)/>", styles)
    assert fonts and all(re.findall(r'w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"', f) == ["Times New Roman"] * 4
                         for f in fonts)


def test_docx_sizes_indent_justification_and_margins(docx_parts):
    import docx

    data, _ = docx_parts
    word = docx.Document(io.BytesIO(data))
    normal = word.styles["Normal"]
    assert normal.font.size.pt == 14 and normal.font.name == "Times New Roman"
    assert normal.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(normal.paragraph_format.first_line_indent.cm, 2) == 1.25
    for name in ("Heading 1", "Title", "Caption"):
        assert word.styles[name].font.size.pt >= 14 and word.styles[name].font.color.rgb in (None, docx.shared.RGBColor(0, 0, 0))
    assert word.styles["Table Text"].font.size.pt == 12
    cell_paragraph = word.tables[0].rows[1].cells[1].paragraphs[0]
    assert cell_paragraph.style.name == "Table Text"
    for section in word.sections:
        assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 10
        assert round(section.top_margin.mm) == 20 and round(section.page_width.mm) == 210


def test_docx_every_run_and_the_defaults_are_in_the_note_language(docx_parts):
    _, parts = docx_parts
    document, styles = parts["word/document.xml"], parts["word/styles.xml"]
    runs = re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", document, re.S)
    text_runs = [r for r in runs if "<w:t" in r]
    assert len(text_runs) > 100
    assert all('w:lang w:val="kk-KZ"' in r for r in text_runs)
    defaults = styles[styles.index("<w:docDefaults"):styles.index("</w:docDefaults>")]
    assert 'w:val="kk-KZ"' in defaults and "en-US" not in styles
    assert '<w:themeFontLang w:val="kk-KZ"' in parts["word/settings.xml"]


def test_docx_columns_fit_their_content(docx_parts):
    import docx

    data, _ = docx_parts
    word = docx.Document(io.BytesIO(data))
    grid = word.tables[0]._tbl.tblGrid
    number, name, count = (int(c.get(f"{W}w")) for c in grid.findall(f"{W}gridCol"))
    assert number < name / 5 and count < name / 3  # "№" narrow, the name wide
    assert abs((number + name + count) / 56.7 - 170) < 2  # the text width, 210 − 30 − 10 mm
    assert 'w:type="fixed"' in word.tables[0]._tbl.tblPr.xml


def test_docx_numbers_every_page_after_the_title_page(docx_parts):
    import docx

    data, _ = docx_parts
    word = docx.Document(io.BytesIO(data))
    sections = word.sections
    assert len(sections) == 4  # the title page, the body, two appendices
    assert "PAGE" not in sections[0].footer._element.xml
    for section in sections[1:]:
        assert not section.footer.is_linked_to_previous and not section.different_first_page_header_footer
        assert "fldChar" in section.footer._element.xml and " PAGE " in section.footer._element.xml


def test_docx_title_page_footnotes_pictures_and_properties(docx_parts):
    import docx

    data, parts = docx_parts
    word = docx.Document(io.BytesIO(data))
    texts = [p.text for p in word.paragraphs]
    place_date = tie(PLACE_DATE, "kk")
    assert place_date == f"Астана, 2026{NBSP}жылғы 1 желтоқсан"
    assert texts[0] == ISSUER and texts.index(place_date) < texts.index("Жалпы көрсеткіштер")
    footnotes = parts["word/footnotes.xml"]
    assert tie(NOTE, "kk") in footnotes and TABLE_NOTE in footnotes
    assert re.findall(r'<w:footnoteReference w:id="(\d+)"/>', parts["word/document.xml"]) == ["1", "2"]
    assert re.search(r'<wp:docPr [^>]*descr="1-диаграмма\. ЖОО түрлері бойынша, адам"', parts["word/document.xml"])
    core = word.core_properties
    assert core.title == "Академиялық алмасу бойынша аналитикалық анықтама" and core.author == ISSUER
    assert core.language == "kk-KZ" and datetime.now(UTC) - core.created.replace(tzinfo=UTC) < timedelta(hours=1)
    assert "thumbnail" not in parts["_rels/.rels"] and "python-docx" not in parts["docProps/core.xml"]
    # No empty paragraph of normal size closes the document (it would make an empty last page).
    body = word.element.body
    last_paragraph = body.findall(f"{W}p")[-1]
    assert not "".join(last_paragraph.itertext()).strip() and 'w:val="Separator"' in last_paragraph.xml


@pytest.mark.parametrize(("lang", "tag"), [("ru", "ru-RU"), ("en", "en-GB")])
def test_docx_language_follows_the_document(lang, tag):
    from aqyl.render.docx import render_docx

    document = zipfile.ZipFile(io.BytesIO(render_docx(_note(lang, fill=0)))).read("word/document.xml").decode()
    assert f'w:lang w:val="{tag}"' in document and "kk-KZ" not in document


def test_house_style_comes_from_the_organisation_file(tmp_path, monkeypatch):
    import docx

    from aqyl.render.docx import render_docx
    from aqyl.render.style import page_style

    (tmp_path / "org.json").write_text(json.dumps({"page": {"font": "Arial", "size_pt": 13, "table_size_pt": 11,
                                                            "first_line_indent_cm": 1.0, "margins_mm": {"left": 25}}}))
    monkeypatch.setenv("AQYL_ORGANISATION_FILE", str(tmp_path / "org.json"))
    assert page_style().font == "Arial" and page_style().margin_right_mm == 10  # unset keys keep the defaults
    word = docx.Document(io.BytesIO(render_docx(_note(fill=0))))
    assert word.styles["Normal"].font.size.pt == 13 and word.styles["Normal"].font.name == "Arial"
    assert round(word.styles["Normal"].paragraph_format.first_line_indent.cm, 2) == 1.0
    assert round(word.sections[1].left_margin.mm) == 25
    (tmp_path / "bad.json").write_text("{not json")
    monkeypatch.setenv("AQYL_ORGANISATION_FILE", str(tmp_path / "bad.json"))
    with pytest.raises(ValueError, match="AQYL_ORGANISATION_FILE"):
        page_style()


# -- PDF -------------------------------------------------------------------------------------------
def _pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_pdf_metadata_fonts_title_page_and_footnotes():
    from pypdf import PdfReader

    from aqyl.render.pdf import render_pdf

    data = render_pdf(_note())
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Академиялық алмасу бойынша аналитикалық анықтама"  # once, not repeated
    assert reader.metadata.author == ISSUER
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor  # embedded
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts and all(f.startswith(("Liberation-Serif", "DejaVu-Serif", "DejaVuSerif")) for f in fonts), fonts
    pages = _pages(data)
    assert ISSUER.split()[0] in pages[0] and "желтоқсан" in pages[0]
    assert not re.search(r"\b1\b\s*$", pages[0].strip())  # no page number on the title page
    note_page = next(i for i, p in enumerate(pages) if "демо деректерінен" in p)
    call_page = next(i for i, p in enumerate(pages) if "ҚазҰМУ деректерімен" in p)
    assert note_page == call_page  # the footnote is at the foot of the page that cites it
    assert pages[-1].strip().endswith(str(len(pages)))  # the last page is numbered


@pytest.mark.parametrize("fill", [4, 11, 12, 13])  # the table starts low on a page, or ends just over one
def test_pdf_caption_stays_with_its_table_and_no_row_is_left_alone(fill):
    """Whatever the text before it, a table's caption is on the page of its first rows, and its last
    row and total are never alone at the top of a page."""
    from aqyl.render.pdf import render_pdf

    pages = _pages(render_pdf(_note(fill=fill, rows=20)))
    caption = next(i for i, p in enumerate(pages) if "1-кесте." in p)
    assert "университеті 1\n" in pages[caption] + "\n" and "университеті 2" in pages[caption]
    total_page = next(i for i, p in enumerate(pages) if "университеті 20" in p)
    assert "университеті 19" in pages[total_page] and "Барлығы" in pages[total_page]  # two rows and the total


def test_html_lists_footnotes_under_their_block_and_ties_spaces():
    from aqyl.render.html import render_html
    from aqyl.render.markdown import render_markdown

    html = render_html(_note())
    assert '<sup class="fn"><a href="#fn1" id="fncall1">1</a></sup>' in html
    assert f'<li value="1" id="fn1">{tie(NOTE, "kk")}</li>' in html and f'<li value="2" id="fn2">{TABLE_NOTE}</li>' in html
    assert f"С.{NBSP}Д.{NBSP}Асфендияров" in html
    assert "С. Д. Асфендияров" in render_markdown(_note())  # the golden text files stay as they are


# -- XLSX ------------------------------------------------------------------------------------------
def test_xlsx_prints_every_sheet_on_a4_one_page_wide():
    import openpyxl

    from aqyl.render.xlsx import render_xlsx

    wide = Table("table_9", "9-кесте. Кең кесте", tuple(Column(f"Баған {i}", "number") for i in range(14)),
                 (Row(tuple(Cell("1 000 000", 10**6) for _ in range(14))),))
    doc = _note()
    doc = Document(**{**doc.__dict__, "blocks": (*doc.blocks, wide)})
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(doc)))
    assert book.properties.creator == ISSUER
    for sheet in book.worksheets:
        assert sheet.page_setup.paperSize == 9, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0, sheet.title
        assert sheet.page_setup.fitToWidth in (None, 1), sheet.title  # 1 is the default and not written
        assert "&P" in sheet.oddFooter.right.text
    summary = book.worksheets[0]
    assert summary.page_setup.orientation == "portrait"
    # Within the print width of a portrait page in Excel and in LibreOffice alike (issue 31: it ran off it).
    assert 75 < summary.column_dimensions["A"].width < 82  # 170 mm in units of the house font's digit (8 px)
    default = zipfile.ZipFile(io.BytesIO(render_xlsx(doc))).read("xl/styles.xml").decode()
    assert re.search(r'<fonts count="\d+"><font><sz val="12(\.0)?"/><color theme="1"/><name val="Times New Roman"/>', default)
    assert summary["A1"].value == ISSUER
    long_text = next(c for c in summary["A"] if c.value and c.value.startswith("Академиялық алмасу шетелдік"))
    assert long_text.alignment.wrap_text and summary.row_dimensions[long_text.row].height > 30
    table = book["1-кесте"]
    assert table.print_title_rows == "$1:$3" and table.page_setup.orientation == "portrait"
    widths = [table.column_dimensions[c].width for c in "ABC"]
    assert widths[0] < widths[1] / 5 and sum(widths) < 100
    assert table["A1"].value.endswith("[2]") and any(c.value == f"[2] {TABLE_NOTE}" for c in table["A"])
    assert book["9-кесте"].page_setup.orientation == "landscape"
    chart_sheet = book["1-диаграмма"]
    assert chart_sheet.page_setup.orientation == "portrait"


def test_no_column_is_narrower_than_its_longest_word():
    """Issue 31: a narrow column broke its header's word ("Сан-ы"): every column is at least as wide as
    its longest word (a bold header's a little wider), taken from the columns with room to spare."""
    from aqyl.domain.report.document import Cell, Column, Row, Table
    from aqyl.render.layout import CELL_PADDING_MM, CHAR_EM, column_widths

    cols = (Column("Өңір"), *(Column(h, "number") for h in ("2022 ж. 1 жарт.", "Үлесі", "2023 ж. 1 жарт.", "Үлесі")),
            Column("Үлестің өзгеруі"), Column("Адам саны", "number"))
    rows = (Row((Cell("Солтүстік Америка"), Cell("89*"), Cell("64,0%*"), Cell("259"), Cell("67,8%"),
                 Cell("елеулі өзгеріс жоқ"), Cell("12"))),)
    widths = column_widths(Table("t", "", cols, rows), 150.0, 12)
    char_mm = 12 * CHAR_EM * 25.4 / 72
    assert abs(sum(widths) - 150.0) < 1e-6
    for column, width in zip(cols, widths, strict=True):
        longest = max(len(w) for w in column.header.split(" "))
        assert width >= longest * 1.1 * char_mm + CELL_PADDING_MM - 1e-6, (column.header, width)

"""The note as a Word document: a title page, real headings (they feed Word's navigation pane and
table of contents), Word tables with a repeating header row, charts as pictures, page numbers."""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from aqyl.domain.report.document import Bullets, Chart, Document, Heading, Paragraph, Table
from aqyl.render.charts import chart_png

FONT = "Times New Roman"  # the ministry's house font; Word substitutes a Cyrillic-capable one if missing
ACCENT = RGBColor(0x1F, 0x4E, 0x79)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    run = paragraph.add_run()
    for tag, text in (("begin", None), ("instr", instruction), ("separate", None), ("end", None)):
        if tag == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        run._r.append(el)
        if tag == "separate":
            t = OxmlElement("w:t")
            t.text = "1"
            run._r.append(t)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _styles(word) -> None:
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 22), ("Heading 1", 15), ("Heading 2", 13)):
        style = word.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        rfonts = style.element.rPr.rFonts
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), FONT)


def _table(word, table: Table) -> None:
    if table.caption:
        caption = word.add_paragraph()
        caption.add_run(table.caption).bold = True
        caption.paragraph_format.keep_with_next = True
    grid = word.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(column.header)
        run.bold = True
        _shade(cell, "E8EEF5")
    _repeat_header(grid.rows[0])
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value, column in zip(cells, row.cells, table.columns, strict=True):
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(value.text)
            run.font.size = Pt(10.5)
            if column.kind != "text":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if row.kind != "data":
                run.bold = True
            if row.kind == "group":
                _shade(cell, "F3F6FA")
    for row in grid.rows:
        for cell, column in zip(row.cells, table.columns, strict=True):
            if column.kind in ("rank", "number", "percent"):
                cell.width = Cm(2.2 if column.kind != "rank" else 1.2)
    word.add_paragraph()


def render_docx(doc: Document) -> bytes:
    word = WordDocument()
    _styles(word)
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.different_first_page_header_footer = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(doc.footer + "    ").font.size = Pt(8)
    _field(footer, "PAGE")
    core = word.core_properties
    core.title, core.language, core.author = doc.title, doc.lang, "Aqyl"

    for _ in range(6):
        word.add_paragraph()
    word.add_paragraph(doc.title, style="Title")
    for line in doc.subtitle:
        word.add_paragraph(line)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    for i, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            following = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
            if isinstance(following, Table) and following.key.startswith("appendix"):
                word.add_section(WD_SECTION.NEW_PAGE)
            word.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            p = word.add_paragraph(block.text)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif isinstance(block, Bullets):
            if block.lead:
                word.add_paragraph(block.lead).paragraph_format.keep_with_next = True
            for item in block.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, Chart):
            caption = word.add_paragraph()
            caption.add_run(block.caption).italic = True
            caption.paragraph_format.keep_with_next = True
            word.add_picture(io.BytesIO(chart_png(block)), width=Cm(16))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()

"""The note as a Word document an office can file as it is: the house style (font, size, indent,
margins) in every style with no theme font left, the document's language on every run and style,
a title page with the issuing organisation and the place and date, real headings (Word's navigation
pane), tables with columns fitted to their content and a repeating header row, real Word footnotes,
charts as 300 dpi pictures with alternative text, page numbers on every page after the title page."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx import Document as WordDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor
from lxml import etree

from aqyl.domain.report.document import Bullets, Chart, Document, Heading, Paragraph, Table
from aqyl.render.charts import chart_png
from aqyl.render.layout import SHORT_TABLE, column_widths, footnote_numbers, starts_appendix, tied
from aqyl.render.style import PageStyle, page_style

# Word's proofing language per note language (Word spell-checks each run in its tagged language).
LANGUAGE_TAGS = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}
BLACK = RGBColor(0, 0, 0)
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _fonts(rpr, font: str) -> None:
    """One font for every script, and no theme font (Calibri, Cambria) to fall back on."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in _THEME_ATTRIBUTES:
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), font)


def _lang(rpr, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), tag)


def _run(paragraph, text: str, tag: str, *, bold: bool = False, italic: bool = False, size: float | None = None):
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if size:
        run.font.size = Pt(size)
    _lang(run._r.get_or_add_rPr(), tag)
    return run


def _field(paragraph, instruction: str, tag: str) -> None:
    """A Word field (PAGE) that Word fills in when it lays out the page."""
    run = _run(paragraph, "", tag)
    for kind in ("begin", "instr", "separate", "end"):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        if kind == "separate":
            t = OxmlElement("w:t")
            t.text = "1"
            run._r.append(t)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _paragraph_style(word, name: str, *, size: float, bold: bool = False, italic: bool = False,
                     align=WD_ALIGN_PARAGRAPH.LEFT, before: float = 0, after: float = 0, indent: float = 0,
                     keep_with_next: bool = False):
    try:
        style = word.styles[name]
    except KeyError:
        style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles["Normal"]
    style.font.size, style.font.bold, style.font.italic = Pt(size), bold, italic
    style.font.color.rgb = BLACK
    fmt = style.paragraph_format
    fmt.alignment, fmt.first_line_indent = align, Cm(indent)
    fmt.space_before, fmt.space_after, fmt.keep_with_next = Pt(before), Pt(after), keep_with_next
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing"):  # Title's blue rule; spacing that ignores ours
        for el in ppr.findall(qn(tag)):
            ppr.remove(el)
    return style


def _styles(word, style: PageStyle, tag: str) -> None:
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr_default, style.font)
    _lang(rpr_default, tag)
    # Every style the template brings: its own font and language, never a theme's.
    for rfonts in styles.iter(qn("w:rFonts")):
        _fonts(rfonts.getparent(), style.font)
    for lang in styles.iter(qn("w:lang")):
        _lang(lang.getparent(), tag)
    for style_el in styles.findall(qn("w:style")):
        rpr = style_el.find(qn("w:rPr"))
        if rpr is not None:
            for color in rpr.findall(qn("w:color")):
                rpr.remove(color)
    normal = word.styles["Normal"]
    normal.font.name, normal.font.size = style.font, Pt(style.size_pt)
    _fonts(normal.element.get_or_add_rPr(), style.font)
    _lang(normal.element.get_or_add_rPr(), tag)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(style.first_line_indent_cm)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = style.line_spacing
    fmt.widow_control = True
    centred = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(word, "Title", size=style.size_pt + 4, bold=True, align=centred, after=12)
    for level in (1, 2, 3):
        _paragraph_style(word, f"Heading {level}", size=style.size_pt, bold=True, align=centred, before=12, after=6,
                         keep_with_next=True)
    _paragraph_style(word, "Caption", size=style.size_pt, bold=True, before=6, after=3, keep_with_next=True)
    _paragraph_style(word, "Chart Caption", size=style.size_pt, italic=True, before=6, after=3, keep_with_next=True)
    _paragraph_style(word, "Table Text", size=style.table_size_pt)
    _paragraph_style(word, "Title Page", size=style.size_pt, align=centred)
    _paragraph_style(word, "Footnote Text", size=max(style.size_pt - 4, 8), align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    bullet = word.styles["List Bullet"]
    bullet.paragraph_format.first_line_indent = None
    try:
        reference = word.styles["Footnote Reference"]
    except KeyError:
        reference = word.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    reference.font.superscript = True
    # A separator paragraph: tiny, so it can never push a page of its own.
    _paragraph_style(word, "Separator", size=1)


def _add(container, style_id: str | None = None):
    """A paragraph in ``style_id``, set directly: python-docx finds a style by name by scanning the
    template's 260 styles, a second per note."""
    paragraph = container.add_paragraph()
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def _separator(word):
    p = _add(word, "Separator")
    p.paragraph_format.line_spacing = Pt(1)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    return p


class _Footnotes:
    """Real Word footnotes: a footnotes part with Word's two separators, referenced from the text."""

    def __init__(self, word, tag: str):
        self.tag = tag
        self.root = parse_xml(
            f'<w:footnotes {nsdecls("w")}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>')
        self.word, self.used = word, False
        self.style_id = word.styles["Footnote Text"].style_id
        self.reference_id = word.styles["Footnote Reference"].style_id

    def add(self, paragraph, number: int, text: str) -> None:
        self.used = True
        run = paragraph.add_run()
        run._r.style = self.reference_id
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(number))
        run._r.append(ref)
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{self.style_id}"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="{self.reference_id}"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:lang w:val="{self.tag}" w:eastAsia="{self.tag}" w:bidi="{self.tag}"/></w:rPr>'
            f'<w:t xml:space="preserve"> </w:t></w:r></w:p></w:footnote>')
        note.findall(".//" + qn("w:t"))[0].text = f" {text}"
        self.root.append(note)

    def attach(self) -> None:
        if not self.used:
            return
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, etree.tostring(self.root, xml_declaration=True,
                    encoding="UTF-8", standalone=True), self.word.part.package)
        self.word.part.relate_to(part, RT.FOOTNOTES)
        settings = self.word.settings.element
        pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        # Word reads settings in the schema's order: the footnote properties come before these.
        settings.insert_element_before(pr, "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
                                       "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
                                       "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
                                       "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
                                       "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
                                       "w:decimalSymbol", "w:listSeparator")


def _table(word, table: Table, style: PageStyle, tag: str, notes: _Footnotes, numbers: tuple[int, ...]) -> None:
    if table.caption:
        caption = _add(word, "Caption")
        _run(caption, table.caption, tag)
        for n, text in zip(numbers, table.footnotes, strict=True):
            notes.add(caption, n, text)
    widths = column_widths(table, style.text_width_mm, style.table_size_pt)
    grid = word.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    grid._tbl.tblPr.append(layout)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Mm(width)
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph._p.style = "TableText"
        _run(paragraph, column.header, tag, bold=True)
        if column.kind != "text":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cell, "EEEEEE")
    _repeat_header(grid.rows[0])
    last = len(table.rows) - 1
    short = len(table.rows) <= SHORT_TABLE
    for r, row in enumerate(table.rows):
        word_row = grid.add_row()
        tr_pr = word_row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        for cell, value, column in zip(word_row.cells, row.cells, table.columns, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph._p.style = "TableText"
            _run(paragraph, value.text, tag, bold=row.kind != "data")
            if column.kind != "text":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            # A short table on one page; a long one keeps its first row with the header and its last
            # three rows together: no lone row or total on a page.
            if short or r < 1 or r >= last - 2:
                paragraph.paragraph_format.keep_with_next = r != last
            if row.kind == "group":
                _shade(cell, "F3F6FA")
    for word_row in grid.rows:
        for cell, width in zip(word_row.cells, widths, strict=True):
            cell.width = Mm(width)
    if not table.caption:
        # Notes of a table without a caption: numbered under it, in the footnote size.
        for n, text in zip(numbers, table.footnotes, strict=True):
            p = _add(word, "FootnoteText")
            _run(p, f"{n} {text}", tag)


def _margins(section, style: PageStyle) -> None:
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(style.margin_left_mm), Mm(style.margin_right_mm)
    section.top_margin, section.bottom_margin = Mm(style.margin_top_mm), Mm(style.margin_bottom_mm)
    section.footer_distance = Mm(max(style.margin_bottom_mm / 2, 5))


def _numbered_footer(section, doc: Document, style: PageStyle, tag: str) -> None:
    """This section's own footer (not linked): the running text on the left, the page number right."""
    section.different_first_page_header_footer = False
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph._p.style = "TableText"
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(style.text_width_mm), alignment=2)  # right
    _run(paragraph, doc.footer, tag, size=8)
    _run(paragraph, "\t", tag)
    _field(paragraph, "PAGE", tag)


def render_docx(doc: Document) -> bytes:
    doc = tied(doc)
    style = page_style()
    tag = LANGUAGE_TAGS.get(doc.lang, doc.lang)
    word = WordDocument()
    _styles(word, style, tag)
    notes = _Footnotes(word, tag)
    numbers = footnote_numbers(doc)

    # The title page: its own section, with no footer.
    _margins(word.sections[0], style)
    if doc.issuer:
        _run(_add(word, "TitlePage"), doc.issuer, tag, bold=True)
    for _ in range(8):
        _add(word, "TitlePage")
    _run(_add(word, "Title"), doc.title, tag)
    for line in doc.subtitle:
        _run(_add(word, "TitlePage"), line, tag)
    if doc.place_date:
        place = _add(word, "TitlePage")
        # At the foot of the page: the title page's bottom margin is the place and date's line.
        place.paragraph_format.space_before = Pt(0)
        frame = OxmlElement("w:framePr")
        for attr, value in (("w:wrap", "around"), ("w:vAnchor", "margin"), ("w:hAnchor", "margin"),
                            ("w:xAlign", "center"), ("w:yAlign", "bottom"), ("w:w", str(int(style.text_width_mm * 56.7)))):
            frame.set(qn(attr), value)
        place._p.get_or_add_pPr().insert(0, frame)
        _run(place, doc.place_date, tag)

    section = word.add_section(WD_SECTION.NEW_PAGE)
    _numbered_footer(section, doc, style, tag)
    previous_table = False
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            if starts_appendix(doc, i):
                # Each appendix starts a page of its own, numbered like the rest.
                section = word.add_section(WD_SECTION.NEW_PAGE)
                _numbered_footer(section, doc, style, tag)
            _run(_add(word, f"Heading{min(block.level, 3)}"), block.text, tag)
        elif isinstance(block, Paragraph):
            p = word.add_paragraph()
            _run(p, block.text, tag)
            for n, text in zip(numbers[i], block.footnotes, strict=True):
                notes.add(p, n, text)
        elif isinstance(block, Bullets):
            anchor = None
            if block.lead:
                anchor = lead = word.add_paragraph()
                _run(lead, block.lead, tag)
                lead.paragraph_format.keep_with_next = True
            for item in block.items:
                p = _add(word, "ListBullet")
                _run(p, item, tag)
                anchor = anchor or p
            for n, text in zip(numbers[i], block.footnotes, strict=True):
                notes.add(anchor, n, text)
        elif isinstance(block, Table):
            if previous_table:
                _separator(word)  # two tables in a row would merge into one
            _table(word, block, style, tag, notes, numbers[i])
        elif isinstance(block, Chart):
            _run(_add(word, "ChartCaption"), block.caption, tag)
            picture = _add(word, "TableText")
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            shape = picture.add_run().add_picture(io.BytesIO(chart_png(block)), width=Mm(min(160, style.text_width_mm)))
            doc_pr = shape._inline.docPr
            doc_pr.set("descr", block.caption)  # the alternative text a screen reader reads
            doc_pr.set("title", block.caption)
        previous_table = isinstance(block, Table)
    if previous_table:
        _separator(word)  # the body must end with a paragraph; a tiny one cannot start a new page
    notes.attach()
    _properties(word, doc, tag)
    theme_lang = word.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _properties(word, doc: Document, tag: str) -> None:
    core = word.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    core.title, core.subject, core.language = doc.title, doc.footer, tag
    core.author = core.last_modified_by = doc.issuer
    core.created = core.modified = now
    core.revision = 1
    core.comments = core.keywords = core.category = ""
    # The template's thumbnail is a picture of another document; a file manager would show it.
    package = word.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]

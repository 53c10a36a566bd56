"""The note as a workbook: a summary sheet with the prose, one sheet per table holding numbers (not
text) so analysts can compute with them, and native Excel charts that stay editable. Every sheet
prints on A4, one page wide, with its table's name and header repeated on each page."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import xlsxwriter

from aqyl.domain.report.document import Bullets, Chart, Document, Heading, Paragraph, Series, Table
from aqyl.domain.wording.interface import ui
from aqyl.render.layout import column_widths, footnote_numbers, tied
from aqyl.render.style import page_style

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_INJECTION = ("=", "+", "-", "@")


def safe_text(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (CSV/formula injection)."""
    return "'" + text if text.startswith(_INJECTION) and text not in ("-", "–") else text


def sheet_name(title: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet"
    name, i = base, 2
    while name.lower() in used:
        suffix = f" ({i})"
        name, i = base[: 31 - len(suffix)] + suffix, i + 1
    used.add(name.lower())
    return name


def _short_title(caption: str) -> str:
    # "1-кесте. Қазақстандық ПОҚ елдер бойынша" → "1-кесте"; the full caption is the sheet's first row.
    return caption.split(".")[0] if "." in caption[:16] else caption


# Print set-up: A4 (xlsxwriter's paper 9), one page wide, margins in inches from the house style.
A4 = 9


def _unit_px(style) -> float:
    """A column unit in pixels at 96 px an inch: the digit width of the workbook's default font, which
    is set to the house font at the table size (a serif digit is half an em: 8 px at 12 pt). Left at
    Calibri 11, the unit is 7 px in Excel but wider where Calibri is missing (about 9.5 px in LibreOffice
    here), and a column of the print width ran past the page's right margin (issue 31)."""
    return style.table_size_pt * 96 / 72 * 0.5


def _print_width(style) -> float:
    """A portrait A4 page's print width in column units (plus 5 px of padding): a sheet this wide
    prints at 100 %, and its prose wraps within the page."""
    return (style.text_width_mm / 25.4 * 96 - 5) / _unit_px(style) - 1


def _lines(text: str, width: float, size_pt: float, unit_px: float = 8.0) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide (a unit is ``unit_px``; an
    average letter of a serif face about half its size): rows get their height from this, since a
    spreadsheet does not grow a wrapped or merged row by itself when it opens the file."""
    per_line = max(10, int(width * unit_px / (size_pt * 96 / 72 * 0.5)))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _write_wrapped(sheet, row: int, text: str, fmt, width: float, size_pt: float, last_col: int = 0) -> None:
    if last_col:
        sheet.merge_range(row, 0, row, last_col, text, fmt)
    else:
        sheet.write(row, 0, text, fmt)
    lines = _lines(text, width, size_pt)
    sheet.set_row(row, lines * size_pt * 1.25 + 3 if lines > 1 else None)


def _print_setup(sheet, style, widths: float, repeat_to: int | None, lang: str) -> None:
    sheet.set_paper(A4)
    if widths > _print_width(style) * 1.15:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as needed
    inch = 1 / 25.4
    sheet.set_margins(left=style.margin_left_mm * inch, right=style.margin_right_mm * inch,
                      top=style.margin_top_mm * inch, bottom=style.margin_bottom_mm * inch)
    if repeat_to is not None:
        sheet.repeat_rows(0, repeat_to)  # the table's name and header on every printed page
    sheet.set_footer(f"&R{ui('xlsx_page', lang)}")


def render_xlsx(doc: Document) -> bytes:
    doc = tied(doc)
    style = page_style()
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    # The default font sets the column unit (see _unit_px): the house font at the table size.
    book.formats[0].set_font_name(style.font)
    book.formats[0].set_font_size(style.table_size_pt)
    book.set_properties({"title": doc.title, "author": doc.issuer, "comments": doc.footer,
                         "created": datetime.now(UTC).replace(tzinfo=None)})
    font = {"font_name": style.font, "font_size": style.table_size_pt}
    fmt = lambda **kw: book.add_format({**font, **kw})  # noqa: E731
    bold = fmt(bold=True, text_wrap=True, valign="top")
    title_fmt = fmt(bold=True, font_size=style.table_size_pt + 2, text_wrap=True, valign="top")
    wrap = fmt(text_wrap=True, valign="top")
    note_fmt = fmt(text_wrap=True, valign="top", font_size=max(style.table_size_pt - 2, 8), italic=True)
    header = fmt(bold=True, bg_color="#EEEEEE", border=1, text_wrap=True, valign="top")
    cell_fmt = {"text": fmt(border=1, text_wrap=True, valign="top"),
                "number": fmt(border=1, num_format="#,##0", valign="top"),
                "rank": fmt(border=1, num_format="0", valign="top"),
                "percent": fmt(border=1, num_format="0.0%", valign="top")}  # a share is a fraction shown as percent
    strong = {k: fmt(border=1, bold=True, bg_color="#F3F6FA", text_wrap=k == "text", valign="top",
                     **({"num_format": "#,##0"} if k == "number" else {"num_format": "0.0%"} if k == "percent" else {}))
              for k in cell_fmt}
    formats = {"header": header, "cell": cell_fmt, "strong": strong, "title": title_fmt, "note": note_fmt, "font": font}
    used: set[str] = set()
    numbers = footnote_numbers(doc)

    summary = book.add_worksheet(sheet_name(ui("xlsx_summary_sheet", doc.lang), used))
    width = _print_width(style)
    summary.set_column(0, 0, width)
    _print_setup(summary, style, width, None, doc.lang)
    r = 0
    size = style.table_size_pt
    prose = lambda row, text, f=wrap, pt=size: _write_wrapped(summary, row, text, f, width, pt)  # noqa: E731
    for line in ([doc.issuer] if doc.issuer else []):
        prose(r, line, bold)
        r += 1
    prose(r, doc.title, title_fmt, size + 2)
    r += 1
    for line in (*doc.subtitle, *([doc.place_date] if doc.place_date else [])):
        prose(r, line)
        r += 1
    last_heading = ""
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            r += 1
            prose(r, block.text, bold)
            last_heading = block.text
            r += 1
        elif isinstance(block, Paragraph):
            marks = "".join(f" [{n}]" for n in numbers[i])
            prose(r, safe_text(block.text + marks))
            r += 1
            for n, text in zip(numbers[i], block.footnotes, strict=True):
                prose(r, safe_text(f"[{n}] {text}"), note_fmt, size - 2)
                r += 1
        elif isinstance(block, Bullets):
            marks = "".join(f" [{n}]" for n in numbers[i])
            lines = ([block.lead + marks] if block.lead else []) + [f"• {i}" for i in block.items]
            for text in lines:
                prose(r, safe_text(text))
                r += 1
            for n, text in zip(numbers[i], block.footnotes, strict=True):
                prose(r, safe_text(f"[{n}] {text}"), note_fmt, size - 2)
                r += 1
        elif isinstance(block, Table):
            _table_sheet(book, block, block.caption or last_heading, used, formats, style, doc.lang, numbers[i])
        elif isinstance(block, Chart):
            _chart_sheet(book, block, used, formats, style, doc.lang)
    book.close()
    return buffer.getvalue()


def _table_sheet(book, table: Table, title: str, used, formats, style, lang: str, numbers: tuple[int, ...]) -> None:
    sheet = book.add_worksheet(sheet_name(_short_title(title), used))
    marks = "".join(f" [{n}]" for n in numbers)
    widths = [w / style.text_width_mm * _print_width(style) + (0 if column.kind == "text" else 1.5)
              for w, column in zip(column_widths(table, style.text_width_mm, style.table_size_pt), table.columns, strict=True)]
    # The name spans the table's width, so it wraps within the print width and never runs off the page.
    last_col = len(table.columns) - 1
    _write_wrapped(sheet, 0, title + marks, formats["title"], sum(widths), style.table_size_pt + 2, last_col)
    for c, column in enumerate(table.columns):
        sheet.write(2, c, column.header, formats["header"])
        sheet.set_column(c, c, widths[c])
    # A header that wraps ("2022 ж. 1 жарт.") gets the rows it needs: a spreadsheet does not grow it.
    header_lines = max(_lines(column.header, widths[c] - 1, style.table_size_pt, _unit_px(style))
                       for c, column in enumerate(table.columns))
    if header_lines > 1:
        sheet.set_row(2, header_lines * style.table_size_pt * 1.25 + 3)
    for r, row in enumerate(table.rows, start=3):
        for c, (cell, column) in enumerate(zip(row.cells, table.columns, strict=True)):
            fmt = (formats["strong"] if row.kind != "data" else formats["cell"])[column.kind]
            if cell.is_number and column.kind != "text":
                # A share is stored as the fraction it is (30.4 % is 0.304), so that it computes as a percent.
                value = cell.value / 100 if column.kind == "percent" else cell.value
                sheet.write_number(r, c, value, _marked(book, formats, column.kind, cell.mark, row.kind != "data")
                                   if cell.mark else fmt)
            else:
                sheet.write_string(r, c, safe_text(cell.text), fmt)
    r = 3 + len(table.rows)
    if table.note:
        r += 1
        _write_wrapped(sheet, r, safe_text(table.note), formats["note"], sum(widths), style.table_size_pt - 2, last_col)
    for n, text in zip(numbers, table.footnotes, strict=True):
        r += 1
        _write_wrapped(sheet, r, safe_text(f"[{n}] {text}"), formats["note"], sum(widths), style.table_size_pt - 2,
                       last_col)
    sheet.freeze_panes(3, 0)
    _print_setup(sheet, style, sum(widths), 2, lang)


def _chart_sheet(book, chart: Chart, used, formats, style, lang: str) -> None:
    name = sheet_name(_short_title(chart.caption), used)
    sheet = book.add_worksheet(name)
    header, cell_fmt = formats["header"], formats["cell"]
    sheet.set_column(0, 0, 45)
    sheet.write(2, 0, "", header)
    # A band (a prediction interval) becomes two more columns, drawn as thin lines.
    band = () if chart.band is None else (Series(f"{chart.band.name} −", chart.band.lower), Series(f"{chart.band.name} +", chart.band.upper))
    columns = (*chart.series, *band)
    _write_wrapped(sheet, 0, chart.caption, formats["title"], 45 + 14 * len(columns), style.table_size_pt + 2, len(columns))
    for c, series in enumerate(columns, start=1):
        sheet.write(2, c, series.name, header)
        sheet.set_column(c, c, 14)
    for r, category in enumerate(chart.categories, start=3):
        sheet.write_string(r, 0, safe_text(category), cell_fmt["text"])
        for c, series in enumerate(columns, start=1):
            if series.values[r - 3] is not None:
                mark = series.marks[r - 3] if series.marks else ""
                sheet.write_number(r, c, series.values[r - 3], _marked(book, formats, "number", mark) if mark else cell_fmt["number"])
    xl = book.add_chart({"type": {"barh": "bar", "bar": "column", "line": "line", "diverging": "bar"}[chart.kind],
                         **({"subtype": "percent_stacked"} if chart.kind == "diverging" else {})})
    last = 2 + len(chart.categories)
    colours = ("#1F4E79", "#D08C2C") if chart.kind == "line" else ("#1F4E79",) if len(chart.series) == 1 else (
        "#9BB7D4", "#1F4E79", "#D08C2C", "#5B8C5A")
    for c in range(1, len(columns) + 1):
        colour = colours[(c - 1) % len(colours)]
        if chart.kind != "line":
            look = {"fill": {"color": colour}, "data_labels": {"value": True}}
            marks = columns[c - 1].marks
            if any(marks):  # the estimated values' labels carry the mark, as the cells do
                look["data_labels"] = {"value": True, "custom": [
                    {"value": f"{_figure_text(v, lang)}{mk}"} if mk and v is not None else None
                    for v, mk in zip(columns[c - 1].values, marks, strict=True)]}
        elif c > len(chart.series):
            look = {"line": {"color": "#9BB7D4", "width": 1, "dash_type": "dash"}}
        else:
            look = {"line": {"color": colour, "width": 2.25}, "marker": {"type": "circle", "size": 4}}
        xl.add_series({"name": [name, 2, c], "categories": [name, 3, 0, last, 0], "values": [name, 3, c, last, c], **look})
    xl.set_title({"name": chart.caption, "name_font": {"size": 11}})
    xl.set_legend({"position": "bottom"} if len(columns) > 1 else {"none": True})
    if chart.kind in ("barh", "diverging"):
        xl.set_y_axis({"reverse": True})
    # Under its data and no wider than a portrait page's print width, nor taller than a page.
    width = int(_print_width(style) * _unit_px(style))
    height = min(860, max(320, 24 * len(chart.categories) * max(1, len(chart.series)) ** 0.5 + 140))
    if chart.note:
        _write_wrapped(sheet, last + 1, safe_text(chart.note), formats["note"], 45 + 14 * len(columns), style.table_size_pt - 2,
                       len(columns))
        last += 1
    sheet.insert_chart(last + 2, 0, xl, {"object_position": 1})
    xl.set_size({"width": width, "height": int(height)})
    _print_setup(sheet, style, min(45 + 14 * len(columns), _print_width(style)), None, lang)


def _marked(book, formats, kind: str, mark: str, strong: bool = False):
    """The cell format of an estimated number: the same, with the mark after the figure (the cell
    keeps its number). One format per kind and mark, made once per book."""
    made = formats.setdefault("marked", {})
    if (kind, mark, strong) not in made:
        number = {"number": "#,##0", "percent": "0.0%", "rank": "0"}.get(kind, "General")
        made[(kind, mark, strong)] = book.add_format({**formats["font"], "border": 1, "valign": "top",
                                                      "num_format": f'{number}"{mark}"',
                                                      **({"bold": True, "bg_color": "#F3F6FA"} if strong else {})})
    return made[(kind, mark, strong)]


def _figure_text(value: float, lang: str) -> str:
    from aqyl.domain.numbers import fmt_int

    return fmt_int(round(value), lang)

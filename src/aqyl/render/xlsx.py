"""The note as a workbook: a summary sheet with the prose, one sheet per table holding numbers (not
text) so analysts can compute with them, and native Excel charts that stay editable."""

from __future__ import annotations

import io
import re

import xlsxwriter

from aqyl.domain.report.document import Bullets, Chart, Document, Heading, Paragraph, Series, Table

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


def render_xlsx(doc: Document) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": doc.title, "author": "Aqyl", "comments": doc.footer})
    bold = book.add_format({"bold": True})
    title_fmt = book.add_format({"bold": True, "font_size": 14, "font_color": "#1F4E79", "text_wrap": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    header = book.add_format({"bold": True, "bg_color": "#E8EEF5", "border": 1, "text_wrap": True, "valign": "top"})
    cell_fmt = {"text": book.add_format({"border": 1, "text_wrap": True}),
                "number": book.add_format({"border": 1, "num_format": "#,##0"}),
                "rank": book.add_format({"border": 1, "num_format": "0"}),
                "percent": book.add_format({"border": 1, "num_format": "0.0"})}
    strong = {k: book.add_format({**{"border": 1, "bold": True, "bg_color": "#F3F6FA"},
                                  **({"num_format": "#,##0"} if k == "number" else {})}) for k in cell_fmt}
    used: set[str] = set()

    summary = book.add_worksheet(sheet_name({"kk": "Анықтама", "ru": "Справка", "en": "Note"}.get(doc.lang, "Note"), used))
    summary.set_column(0, 0, 110)
    r = 0
    summary.write(r, 0, doc.title, title_fmt)
    r += 1
    for line in doc.subtitle:
        summary.write(r, 0, line)
        r += 1
    last_heading = ""
    for block in doc.blocks:
        if isinstance(block, Heading):
            r += 1
            summary.write(r, 0, block.text, bold)
            last_heading = block.text
            r += 1
        elif isinstance(block, Paragraph):
            summary.write(r, 0, safe_text(block.text), wrap)
            r += 1
        elif isinstance(block, Bullets):
            for text in ([block.lead] if block.lead else []) + [f"• {i}" for i in block.items]:
                summary.write(r, 0, safe_text(text), wrap)
                r += 1
        elif isinstance(block, Table):
            _table_sheet(book, block, block.caption or last_heading, used, header, cell_fmt, strong, title_fmt)
        elif isinstance(block, Chart):
            _chart_sheet(book, block, used, header, cell_fmt, title_fmt)
    book.close()
    return buffer.getvalue()


def _table_sheet(book, table: Table, title: str, used, header, cell_fmt, strong, title_fmt) -> None:
    sheet = book.add_worksheet(sheet_name(_short_title(title), used))
    sheet.write(0, 0, title, title_fmt)
    for c, column in enumerate(table.columns):
        sheet.write(2, c, column.header, header)
        sheet.set_column(c, c, 60 if column.kind == "text" else 12)
    for r, row in enumerate(table.rows, start=3):
        for c, (cell, column) in enumerate(zip(row.cells, table.columns, strict=True)):
            fmt = (strong if row.kind != "data" else cell_fmt)[column.kind]
            if cell.is_number and column.kind != "text":
                sheet.write_number(r, c, cell.value, fmt)
            else:
                sheet.write_string(r, c, safe_text(cell.text), fmt)
    sheet.freeze_panes(3, 0)


def _chart_sheet(book, chart: Chart, used, header, cell_fmt, title_fmt) -> None:
    name = sheet_name(_short_title(chart.caption), used)
    sheet = book.add_worksheet(name)
    sheet.write(0, 0, chart.caption, title_fmt)
    sheet.set_column(0, 0, 45)
    sheet.write(2, 0, "", header)
    # A band (a prediction interval) becomes two more columns, drawn as thin lines.
    band = () if chart.band is None else (Series(f"{chart.band.name} −", chart.band.lower), Series(f"{chart.band.name} +", chart.band.upper))
    columns = (*chart.series, *band)
    for c, series in enumerate(columns, start=1):
        sheet.write(2, c, series.name, header)
        sheet.set_column(c, c, 14)
    for r, category in enumerate(chart.categories, start=3):
        sheet.write_string(r, 0, safe_text(category), cell_fmt["text"])
        for c, series in enumerate(columns, start=1):
            if series.values[r - 3] is not None:
                sheet.write_number(r, c, series.values[r - 3], cell_fmt["number"])
    xl = book.add_chart({"type": {"barh": "bar", "bar": "column", "line": "line", "diverging": "bar"}[chart.kind],
                         **({"subtype": "percent_stacked"} if chart.kind == "diverging" else {})})
    last = 2 + len(chart.categories)
    colours = ("#1F4E79", "#D08C2C") if chart.kind == "line" else ("#1F4E79",) if len(chart.series) == 1 else (
        "#9BB7D4", "#1F4E79", "#D08C2C", "#5B8C5A")
    for c in range(1, len(columns) + 1):
        colour = colours[(c - 1) % len(colours)]
        if chart.kind != "line":
            look = {"fill": {"color": colour}, "data_labels": {"value": True}}
        elif c > len(chart.series):
            look = {"line": {"color": "#9BB7D4", "width": 1, "dash_type": "dash"}}
        else:
            look = {"line": {"color": colour, "width": 2.25}, "marker": {"type": "circle", "size": 4}}
        xl.add_series({"name": [name, 2, c], "categories": [name, 3, 0, last, 0], "values": [name, 3, c, last, c], **look})
    xl.set_title({"name": chart.caption, "name_font": {"size": 11}})
    xl.set_legend({"position": "bottom"} if len(columns) > 1 else {"none": True})
    if chart.kind in ("barh", "diverging"):
        xl.set_y_axis({"reverse": True})
    xl.set_size({"width": 760, "height": max(320, 26 * len(chart.categories) * len(chart.series) + 120)})
    sheet.insert_chart(2, len(columns) + 2, xl)

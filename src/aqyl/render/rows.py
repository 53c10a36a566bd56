"""Rows of cells written as files: the record list's download (CSV, XLSX), and an upload's cells
written back after its IINs became pseudonyms (``aqyl.importers.pseudonymise``). Every cell is
written as text: nothing a user typed becomes a formula, a link or a number."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from aqyl.files import write_atomically
from aqyl.render.xlsx import safe_text


def rows_csv(header: list[str], rows: Iterable[list[str]]) -> bytes:
    """CSV in UTF-8 with the byte-order mark (Excel reads UTF-8 only with it)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    for cells in rows:
        writer.writerow([safe_text(c) for c in cells])
    return out.getvalue().encode("utf-8")


def rows_xlsx(sheet_title: str, header: list[str], rows: Iterable[list[str]]) -> bytes:
    """One sheet: a bold header row, frozen and filtered, the rows below it as strings."""
    import xlsxwriter

    out = io.BytesIO()
    # constant_memory: each row goes to a scratch file as it is written, so a whole half-year fits.
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    sheet = book.add_worksheet(sheet_title)
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF5", "border": 1})
    for j, title in enumerate(header):
        sheet.write_string(0, j, title, bold)
        sheet.set_column(j, j, max(10, min(40, len(title) + 2)))
    n = 0
    sheet.freeze_panes(1, 0)
    for n, cells in enumerate(rows, start=1):
        for j, cell in enumerate(cells):
            if cell:
                sheet.write_string(n, j, cell)
    sheet.autofilter(0, 0, max(n, 1), len(header) - 1)
    book.close()
    return out.getvalue()


def write_table(path: Path, headers: list[str], rows: list[list[str]], kind: str) -> None:
    """Write the cells back as CSV (UTF-8 with BOM, so Excel reads Cyrillic) or XLSX (text cells)."""
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(rows)
        write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
        return
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                                        "strings_to_urls": False})
    sheet = book.add_worksheet("data")
    text = book.add_format({"num_format": "@"})  # codes keep their leading zeros
    sheet.write_row(0, 0, headers, book.add_format({"bold": True}))
    for n, row in enumerate(rows, start=1):
        sheet.write_row(n, 0, row, text)
    book.close()
    write_atomically(path, buffer.getvalue())

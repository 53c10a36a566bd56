"""The upload sent back with its problems: each file's cells where they were (so "E12" in a
message is E12 here too), bad cells red and doubtful ones yellow, each with a comment saying
what is wrong, and a sheet listing every problem with a link to its cell."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from aqyl.domain.intake.problems import ImportReport
from aqyl.domain.wording.catalogue import label
from aqyl.files import atomic_path
from aqyl.render.xlsx import sheet_name

if TYPE_CHECKING:
    import polars as pl


class RawTable(Protocol):
    """What the workbook reads of an upload (``aqyl.importers.readers.RawTable`` has it): a renderer
    imports no reader."""

    name: str
    headers: list[str]
    header_row: int
    first_column: int
    frame: pl.DataFrame

# Comments beyond this make the workbook slow to open; the problems sheet still lists them all.
MAX_COMMENTS = 20_000

TEXT = {
    "problems": label("errors_sheet"),
    "heads": (label("file"), label("cell"), label("column"), label("value"), label("errors_severity"), label("what_to_do")),
    "error": label("severity_error"), "warning": label("severity_warning"),
}


def write_errors_workbook(path: Path, uploads: list[tuple[RawTable, ImportReport]], lang: str) -> None:
    """One sheet per uploaded file, then the problems sheet; written under a temporary name."""
    with atomic_path(path) as partial:
        _write(partial, uploads, lang)


def _write(partial: Path, uploads: list[tuple[RawTable, ImportReport]], lang: str) -> None:
    # constant_memory: rows go to disk as they are written, so a million-row upload fits in RAM;
    # each sheet is therefore written top to bottom, row by row.
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True, "strings_to_formulas": False,
                                              "strings_to_urls": False, "strings_to_numbers": False})
    fmt = {
        "header": book.add_format({"bold": True, "bg_color": "#E8EEF5", "border": 1}),
        "error": book.add_format({"bg_color": "#F4B6B6", "border": 1, "border_color": "#C00000"}),
        "warning": book.add_format({"bg_color": "#FFE699"}),
        "link": book.add_format({"font_color": "#0563C1", "underline": 1}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
    }
    used: set[str] = set()
    listing: list[tuple[str, str, object]] = []  # (sheet, cell, problem)
    for table, report in uploads:
        sheet = book.add_worksheet(sheet_name(Path(table.name).stem, used))
        _copy(sheet, table, report, fmt, lang)
        listing += [(sheet.name, _cell(p), p) for p in sorted(report.problems, key=lambda p: (p.row, p.position or 0))]
    problems = book.add_worksheet(sheet_name(TEXT["problems"].get(lang), used))
    problems.freeze_panes(1, 0)
    for j, head in enumerate(TEXT["heads"]):
        problems.write_string(0, j, head.get(lang), fmt["header"])
    for j, width in enumerate((20, 8, 24, 24, 12, 90)):
        problems.set_column(j, j, width)
    for i, (sheet_title, cell, p) in enumerate(listing, start=1):
        problems.write_string(i, 0, sheet_title)
        if cell:
            problems.write_url(i, 1, f"internal:'{sheet_title}'!{cell}", fmt["link"], cell)
        else:
            problems.write_string(i, 1, str(p.row))
        problems.write_string(i, 2, p.header or p.column)
        problems.write_string(i, 3, p.value)
        problems.write_string(i, 4, TEXT[p.severity].get(lang), fmt[p.severity])
        problems.write_string(i, 5, p.message(lang), fmt["wrap"])
    book.close()


def _cell(problem) -> str:
    return xl_rowcol_to_cell(problem.row - 1, problem.position) if problem.position is not None else ""


def _copy(sheet, table: RawTable, report: ImportReport, fmt: dict, lang: str) -> None:
    """The file's cells at their own addresses, marked where a problem points."""
    marks: dict[tuple[int, int], list] = {}
    for p in report.problems:
        if p.position is not None:
            marks.setdefault((p.row - 1, p.position), []).append(p)
    marked_rows = {r for r, _ in marks}
    first = table.first_column
    sheet.freeze_panes(table.header_row, 0)
    sheet.set_column(first, first + max(len(table.headers) - 1, 0), 18)
    comments = 0

    def write_row(r: int, values: list[str]) -> None:
        nonlocal comments
        for j, value in enumerate(values):
            found = marks.get((r, first + j)) if r in marked_rows else None
            if found is None:
                if value:
                    sheet.write_string(r, first + j, value, fmt["header"] if r == table.header_row - 1 else None)
                continue
            severity = "error" if any(p.severity == "error" for p in found) else "warning"
            sheet.write_string(r, first + j, value or "", fmt[severity])
            if comments < MAX_COMMENTS:
                sheet.write_comment(r, first + j, "\n".join(p.message(lang) for p in found), {"x_scale": 3, "y_scale": 2})
                comments += 1

    write_row(table.header_row - 1, table.headers)
    names = [c for c in table.frame.columns if c != "_row"]
    for chunk in table.frame.iter_slices(50_000):
        columns = [chunk[c].to_list() for c in names]
        for i, r in enumerate(chunk["_row"].to_list()):
            write_row(r - 1, [col[i] or "" for col in columns])

"""From a cell's text to a stored value, one distinct text at a time.

A file of a million rows holds a few hundred distinct texts per coded column, so the importer
asks :class:`CellReader` once per distinct text and the answer (a value and, maybe, a finding)
applies to every row holding it. Findings carry a message key from the catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from aqyl.domain.classifiers import CLASSIFIERS, parse_period
from aqyl.domain.errors import EmptyValue, InvalidPeriod, UnknownValue
from aqyl.domain.heis import HeiDirectory
from aqyl.domain.i18n import Label
from aqyl.domain.intake.columns import Column

Severity = Literal["error", "warning"]

# A name that scores at least this (rapidfuzz WRatio, 0–100, on normalised text) against one
# registered spelling is taken as that HEI, with a warning naming it; below it the row is refused
# with the three closest HEIs. 90 accepts a dropped letter or Russian «и» for Kazakh «і» in a long
# name and refuses a different university of the same city.
HEI_MATCH_THRESHOLD = 90.0
# Two HEIs scoring within this of each other are a tie: nobody can tell which was meant.
HEI_TIE_MARGIN = 2.0


@dataclass(frozen=True)
class Finding:
    key: str
    severity: Severity = "error"
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    value: str  # the stored text ('' when empty); dates as YYYY-MM-DD
    finding: Finding | None = None


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)
_IIN = re.compile(r"^\d{12}$")
YEARS = (1950, 2100)  # a departure, graduation or return year; later than now is a row check
COUNTS = (0, 10)  # years of a work-off obligation


def _whole_number(text: str, low: int, high: int, key: str) -> Cell:
    number = text[:-2] if text.endswith(".0") else text  # a CSV export of a number cell
    if number.isdigit() and low <= int(number) <= high:
        return Cell(str(int(number)))
    return Cell("", Finding(key, params={"value": text, "low": low, "high": high}))


def parse_date(text: str) -> date | None:
    """ISO (2023-02-15, with an optional time), day-first (15.02.2023, 15/02/2023) or an Excel
    serial day number (44972) as a CSV export of a date column writes it."""
    if m := _ISO_DATE.match(text):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _DMY_DATE.match(text):
        d, mo, y = (int(g) for g in m.groups())
    elif text.isdigit() and 20000 <= int(text) <= 80000:  # 1954–2119
        return _EXCEL_EPOCH + timedelta(days=int(text))
    else:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


class CellReader:
    """Reads one column's distinct texts; remembers every answer."""

    def __init__(self, column: Column, heis: HeiDirectory) -> None:
        self.column = column
        self.heis = heis
        self._seen: dict[str, Cell] = {}

    def read(self, text: str) -> Cell:
        cell = self._seen.get(text)
        if cell is None:
            cell = self._seen[text] = self._read(text.strip())
        return cell

    def _read(self, text: str) -> Cell:
        c = self.column
        if not text:
            # Period, degree and study level depend on other cells: the row checks decide.
            return Cell("", Finding("required") if c.required == "always" else None)
        if c.kind == "code":
            return self._code(text)
        if c.kind == "hei":
            return self._hei(text)
        if c.kind == "period":
            return self._period(text)
        if c.kind in ("year", "count"):
            return _whole_number(text, *YEARS, "bad_year") if c.kind == "year" else _whole_number(text, *COUNTS, "bad_count")
        if c.kind == "date":
            day = parse_date(text)
            return Cell(day.isoformat()) if day else Cell("", Finding("bad_date", params={"value": text}))
        if text.startswith("="):
            return Cell("", Finding("formula_text", params={"value": text}))
        if c.max_length and len(text) > c.max_length:
            return Cell("", Finding("too_long", params={"length": len(text), "limit": c.max_length}))
        if c.name == "person_id" and _IIN.match(text):
            return Cell("", Finding("person_id_iin"))
        return Cell(text)

    def _code(self, text: str) -> Cell:
        table = CLASSIFIERS[self.column.classifier]
        try:
            return Cell(table.encode(text, labels_only=True))  # a file's people write labels
        except UnknownValue as e:
            return Cell("", Finding(e.key, params=e.params))
        except EmptyValue:  # pragma: no cover - empty text is handled above
            return Cell("", Finding("required"))

    def _hei(self, text: str) -> Cell:
        code = self.heis.resolve(text)
        if code is not None:
            return Cell(code)
        close = self.heis.closest(text)
        names = [self._hei_label(c) for c, _ in close]
        if close and close[0][1] >= HEI_MATCH_THRESHOLD and (len(close) == 1 or close[0][1] - close[1][1] > HEI_TIE_MARGIN):
            code, score = close[0]
            return Cell(code, Finding("hei_fuzzy", "warning", {"value": text, "match": names[0], "score": round(score)}))
        return Cell("", Finding("unknown_hei", params={"value": text, "suggestions": names}))

    def _hei_label(self, code: str) -> Label:
        return Label(*(f"{code} — {name}" for name in self.heis.heis[code].name))

    def _period(self, text: str) -> Cell:
        try:
            period = parse_period(text)
        except InvalidPeriod as e:
            return Cell("", Finding(e.key, params=e.params))
        if period.kind != "half":
            return Cell("", Finding("not_half_year", params={"value": text}))
        return Cell(period.code)


def as_text(value: object) -> str:
    """A spreadsheet cell as the text the importer reads: whole numbers without ".0" (Excel keeps
    the field code 04 as the number 4), dates as YYYY-MM-DD, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)

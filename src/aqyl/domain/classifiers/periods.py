"""Reporting periods: half-years (``2023H1``), academic years (``2022/23``) and calendar years.

The analytical note compares a half-year with the same half of the previous year; a date
belongs to exactly one half-year (January–June is H1, July–December H2). An academic year runs
from 1 September to 31 August.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from aqyl.domain.errors import AqylError, InvalidPeriod
from aqyl.domain.i18n import Label

Kind = Literal["half", "academic_year", "year"]

_ROMAN = {1: "I", 2: "II"}


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: Kind
    half: int = 0

    @property
    def code(self) -> str:
        if self.kind == "half":
            return f"{self.year}H{self.half}"
        if self.kind == "academic_year":
            return f"{self.year}/{(self.year + 1) % 100:02d}"
        return str(self.year)

    def __str__(self) -> str:
        return self.code

    @property
    def start(self) -> date:
        if self.kind == "half":
            return date(self.year, 1 if self.half == 1 else 7, 1)
        if self.kind == "academic_year":
            return date(self.year, 9, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        if self.kind == "half":
            return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)
        if self.kind == "academic_year":
            return date(self.year + 1, 8, 31)
        return date(self.year, 12, 31)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period a report compares with: the same half (or year) one year earlier."""
        return Period(self.year - 1, self.kind, self.half)

    @property
    def label(self) -> Label:
        y = self.year
        if self.kind == "half":
            r = _ROMAN[self.half]
            return Label(f"{y} жылғы {r} жартыжылдық", f"{r} полугодие {y} года", f"H{self.half} {y}")
        if self.kind == "academic_year":
            return Label(f"{y}–{y + 1} оқу жылы", f"{y}–{y + 1} учебный год", f"academic year {y}/{(y + 1) % 100:02d}")
        return Label(f"{y} жыл", f"{y} год", str(y))

    # The forms prose needs: "in H1 2023", "compared with H1 2022", and the short form the note
    # puts in brackets ("2022 ж. 1 жарт. – 313").
    @property
    def when(self) -> Label:
        y = self.year
        if self.kind == "half":
            r = _ROMAN[self.half]
            return Label(f"{y} жылғы {r} жартыжылдықта", f"в {r} полугодии {y} года", f"in H{self.half} {y}")
        if self.kind == "academic_year":
            return Label(f"{y}–{y + 1} оқу жылында", f"в {y}–{y + 1} учебном году", f"in academic year {y}/{(y + 1) % 100:02d}")
        return Label(f"{y} жылы", f"в {y} году", f"in {y}")

    @property
    def versus(self) -> Label:
        y = self.year
        if self.kind == "half":
            r = _ROMAN[self.half]
            return Label(f"{y} жылғы {r} жартыжылдықпен салыстырғанда", f"по сравнению с {r} полугодием {y} года",
                         f"compared with H{self.half} {y}")
        if self.kind == "academic_year":
            return Label(f"{y}–{y + 1} оқу жылымен салыстырғанда", f"по сравнению с {y}–{y + 1} учебным годом",
                         f"compared with academic year {y}/{(y + 1) % 100:02d}")
        return Label(f"{y} жылмен салыстырғанда", f"по сравнению с {y} годом", f"compared with {y}")

    @property
    def as_of(self) -> Label:
        """"As of" the period's end, as a table's caption says it."""
        y = self.year
        if self.kind == "half":
            r = _ROMAN[self.half]
            return Label(f"{y} жылғы {r} жартыжылдықтағы жағдай бойынша", f"на конец {r} полугодия {y} года",
                         f"as of the end of H{self.half} {y}")
        if self.kind == "academic_year":
            return Label(f"{y}–{y + 1} оқу жылындағы жағдай бойынша", f"на конец {y}–{y + 1} учебного года",
                         f"as of the end of academic year {y}/{(y + 1) % 100:02d}")
        return Label(f"{y} жылғы жағдай бойынша", f"на конец {y} года", f"as of the end of {y}")

    def through(self, last: Period) -> Label:
        """The periods from this one to ``last`` as a sentence names them: "records of …"."""
        if last == self:
            # "…жартыжылдықта" + "ғы"; a calendar year's "2023 жылы" is "2023 жылғы"
            kk_of = f"{self.year} жылғы" if self.kind == "year" else f"{self.when.kk}ғы"
            return Label(kk_of, f"за {self.label.ru}", f"of {self.label.en}")
        return Label(f"{self.label.kk} – {last.label.kk} аралығындағы", f"с {self._ru_genitive} по {last.label.ru}",
                     f"from {self.label.en} to {last.label.en}")

    @property
    def _ru_genitive(self) -> str:
        y = self.year
        if self.kind == "half":
            return f"{_ROMAN[self.half]} полугодия {y} года"
        if self.kind == "academic_year":
            return f"{y}–{y + 1} учебного года"
        return f"{y} года"

    @property
    def short(self) -> Label:
        y = self.year
        if self.kind == "half":
            # No-break spaces: a line break inside "2022 ж. 1 жарт." reads badly.
            return Label(f"{y}\u00a0ж. {self.half}\u00a0жарт.", f"{self.half}\u00a0пол. {y}\u00a0г.", f"H{self.half}\u00a0{y}")
        if self.kind == "academic_year":
            return Label(f"{y}–{(y + 1) % 100:02d} о. ж.", f"{y}/{(y + 1) % 100:02d} уч. г.", f"AY {y}/{(y + 1) % 100:02d}")
        return Label(f"{y} ж.", f"{y} г.", str(y))


_HALF = re.compile(r"^(\d{4})\s*[-/ ]?\s*h\s*([12])$|^h\s*([12])\s*[-/ ]?\s*(\d{4})$", re.IGNORECASE)
_ACADEMIC = re.compile(r"^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_period(value: object) -> Period:
    """``2023H1``, ``2023-H1``, ``H1 2023``, ``2022/23``, ``2022-2023``, ``2023``."""
    text = str(value or "").strip()
    if m := _HALF.match(text):
        year, half = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return _checked(Period(int(year), "half", int(half)), value)
    if m := _ACADEMIC.match(text):
        start, end = int(m.group(1)), m.group(2)
        if int(end) % 100 == (start + 1) % 100 and (len(end) == 2 or int(end) == start + 1):
            return _checked(Period(start, "academic_year"), value)
    if m := _YEAR.match(text):
        return _checked(Period(int(m.group(1)), "year"), value)
    raise InvalidPeriod(value)


def half_year(value: object) -> str:
    """The code of a half-year (2024H1); an academic or calendar year is refused: the register, its
    collection and its note are by half-year (records carry half-year codes only)."""
    period = parse_period(value)
    if period.kind != "half":
        # an academic year 2023/24 is mostly 2024's: its second half-year is the likelier meaning
        raise AqylError("cycle_half_year_only", value=str(value).strip(),
                        year=period.year + (period.kind == "academic_year"))
    return period.code


def _checked(period: Period, value: object) -> Period:
    if not 1900 <= period.year <= 2200:
        raise InvalidPeriod(value)
    return period


def half_year_of(day: date) -> Period:
    return Period(day.year, "half", 1 if day.month <= 6 else 2)


def academic_year_of(day: date) -> Period:
    return Period(day.year if day.month >= 9 else day.year - 1, "academic_year")

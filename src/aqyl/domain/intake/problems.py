"""What an import found, as data: each problem has the row and column as the user sees them,
the value, a type and a message in the user's language; the report counts rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aqyl.domain.intake.columns import column
from aqyl.domain.intake.values import Severity
from aqyl.domain.wording import messages

# Problems listed in a report; the counts stay exact beyond it. A million bad rows would make a
# JSON file nobody reads and an error workbook Excel cannot open in reasonable time.
MAX_LISTED = 100_000


def cell_name(row: int, position: int | None) -> str:
    """Spreadsheet address: row 12, position 4 -> "E12"; a whole row -> "12"; the file -> ""."""
    if row <= 0:
        return ""
    if position is None:
        return str(row)
    letters, n = "", position + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@dataclass(frozen=True)
class Problem:
    row: int  # as the spreadsheet shows it (the header is row 1 of a plain file)
    column: str  # interchange name; '' for the whole row or file
    value: str
    type: str  # the message key: required, unknown_value, bad_date, …
    severity: Severity = "error"
    params: dict = field(default_factory=dict)
    position: int | None = None  # 0-based column position in the file
    header: str = ""  # the header as the file spells it
    layout: str = "mobility"  # which columns the upload has (see ``columns.schema``)

    def message(self, lang: str) -> str:
        params = {"column": column(self.column, self.layout).header, **self.params} if self.column else self.params
        return messages.render(self.type, lang, **params)

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {
            "row": self.row, "column": self.column, "header": self.header,
            "cell": cell_name(self.row, self.position), "value": self.value, "type": self.type,
            "severity": self.severity, "message": self.message(lang),
        }


# Problems that refuse a file whole, before its rows (exit status 2).
FILE_REFUSALS = frozenset({"no_rows", "missing_columns", "duplicate_column"})


@dataclass
class ImportReport:
    file: str
    rows: int = 0
    valid: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    errors_total: int = 0
    warnings_total: int = 0
    stored: int = 0
    dry_run: bool = False
    unreadable: bool = False
    submissions: list[dict[str, Any]] = field(default_factory=list)
    # What the valid rows would become: (HEI, period) or programme, rows, and the version replaced.
    planned: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    crashed: str = ""  # a fault of ours while importing the file: the line logged (exit 3)

    def add(self, problem: Problem) -> None:
        self.count_unlisted(problem.severity, 1)
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem)

    def count_unlisted(self, severity: Severity, n: int) -> None:
        """Count problems beyond the listed ones (the list is capped at MAX_LISTED)."""
        if severity == "error":
            self.errors_total += n
        else:
            self.warnings_total += n

    @property
    def ok(self) -> bool:
        return not self.unreadable and self.rejected == 0 and self.errors_total == 0

    @property
    def refused(self) -> bool:
        """The file as a whole is refused (no data rows, a column missing or twice): not a file
        with row problems (exit 1) but one to fix before any row is looked at (exit 2)."""
        return any(p.type in FILE_REFUSALS for p in self.problems)

    def exit_code(self) -> int:
        """2 the file unreadable or refused whole, 1 some rows rejected, 0 every row valid."""
        return 2 if self.unreadable or self.refused else 0 if self.ok else 1

    def shown(self) -> list[Problem]:
        """The order a person reads the problems in (pages, the command line): errors first, then
        by row and column (a file that could not be read has one error, whatever it says)."""
        return sorted(self.problems, key=lambda p: (p.severity != "error" and not self.unreadable, p.row,
                                                    p.position or 0))

    def as_dict(self, lang: str) -> dict[str, Any]:
        listed = sorted(self.problems, key=lambda p: (p.row, p.position if p.position is not None else -1))
        return {
            "file": self.file, "rows": self.rows, "valid": self.valid, "rejected": self.rejected,
            "warnings": self.warnings_total, "stored": self.stored, "dry_run": self.dry_run,
            "readable": not self.unreadable, "seconds": round(self.seconds, 3),
            "errors": [p.as_dict(lang) for p in listed if p.severity == "error"],
            "warning_details": [p.as_dict(lang) for p in listed if p.severity == "warning"],
            "not_listed": self.errors_total + self.warnings_total - len(self.problems),
            "submissions": self.submissions, "planned": self.planned,
        }

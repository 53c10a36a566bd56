"""Replacing IINs in an upload by their keyed pseudonyms, where the file is prepared: on the HEI's
side (``aqyl pseudonymise``) or in the web upload before anything is stored.

An ``iin`` column (ИИН, ЖСН) becomes the ``person_id`` column (filled in, or added); a
``person_id`` that is an IIN (12 digits) is replaced as well. Every other cell is written back as
the reader read it. A value in the IIN column that is not a valid IIN refuses the whole file with
the cells to fix, so a typo never yields a pseudonym that links to nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from aqyl.config import pseudonym_key_file
from aqyl.domain.i18n import normalize
from aqyl.domain.intake.columns import schema
from aqyl.domain.intake.problems import cell_name
from aqyl.domain.pseudonym import Key, PseudonymError, is_pseudonym, key_from_text, pseudonym
from aqyl.domain.wording.catalogue import label
from aqyl.importers.readers import RawTable

IIN_HEADERS = {normalize(h) for h in (
    "iin", "ИИН", "ЖСН", "IIN (ИИН)", "ЖСН (ИИН)", "individual identification number",
    "индивидуальный идентификационный номер", "жеке сәйкестендіру нөмірі")}
_TWELVE = re.compile(r"^\s*\d{12}\s*$")

TEXT = {"no_key": label("pseudonym_no_key"), "key_missing": label("key_file_missing")}


@dataclass
class Outcome:
    headers: list[str]
    rows: list[list[str]]
    replaced: int = 0  # cells turned into pseudonyms
    had_iins: bool = False
    problems: list[tuple[str, str, PseudonymError]] = field(default_factory=list)  # (cell, value, error)
    cells: list[str] = field(default_factory=list)  # where IINs stand (B2, B3, …), said when there is no key

    def messages(self, lang: str) -> list[str]:
        return [f"{cell}: {error.message(lang)}" for cell, _, error in self.problems]

    def no_key(self, lang: str, shown: int = 10) -> str:
        """Why the file was refused where the server has no key: the cells, and whom to ask."""
        cells = ", ".join(self.cells[:shown]) + (" …" if len(self.cells) > shown else "")
        return TEXT["no_key"].get(lang).format(cells=cells, n=len(self.cells))


def read_key(path: Path) -> Key:
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        raise KeyFileMissing(str(path)) from None
    return key_from_text(text, file=str(path))


class KeyFileMissing(PseudonymError):
    def __init__(self, file: str) -> None:
        super().__init__("key_file_missing", file=file)


def server_key() -> Key | None:
    """The key the web server holds (``AQYL_PSEUDONYM_KEY_FILE``), or None."""
    path = pseudonym_key_file()
    return read_key(path) if path else None


def _layout(headers: list[str]) -> str:
    return max(("mobility", "cohort"), key=lambda name: len(schema(name).match(headers).positions))


def pseudonymise_table(table: RawTable, key: Key | None) -> Outcome:
    """The table's cells with IINs replaced (``key`` None: only find whether there are any)."""
    headers = list(table.headers)
    iin_at = [i for i, h in enumerate(headers) if normalize(h.rstrip("* ")) in IIN_HEADERS]
    person_at = schema(_layout(headers)).match(headers).positions.get("person_id")
    names = [f"c{i}" for i in range(len(headers))]
    rows = [[(r[n] or "") for n in names] for r in table.frame.select(names).iter_rows(named=True)]
    row_numbers = table.frame["_row"].to_list()
    out = Outcome(headers, rows)
    if person_at is None and iin_at:
        headers.append("person_id")
        person_at = len(headers) - 1
        for r in rows:
            r.append("")
    for row, number in zip(rows, row_numbers, strict=True):
        for i in iin_at:
            value = row[i].strip()
            if not value:
                continue
            out.had_iins = True
            out.cells.append(cell_name(number, table.first_column + i))
            if key is not None:
                try:
                    row[person_at] = pseudonym(value, key)
                    out.replaced += 1
                except PseudonymError as error:
                    out.problems.append((cell_name(number, table.first_column + i), value, error))
            row[i] = ""
        if person_at is not None and _TWELVE.match(row[person_at]) and not is_pseudonym(row[person_at]):
            out.had_iins = True
            out.cells.append(cell_name(number, table.first_column + person_at))
            if key is not None:
                try:
                    row[person_at] = pseudonym(row[person_at], key)
                    out.replaced += 1
                except PseudonymError as error:
                    out.problems.append((cell_name(number, table.first_column + person_at), row[person_at], error))
    # The IIN column goes: what leaves this function holds no IIN.
    for i in sorted(iin_at, reverse=True):
        del headers[i]
        for r in rows:
            del r[i]
    return out


def best_layout(row: list[str]) -> int:
    """Header-row score for the reader: known columns of either layout, the IIN column included."""
    known = max(len(schema(name).match(row).positions) for name in ("mobility", "cohort"))
    return known + sum(1 for h in row if normalize(str(h).rstrip("* ")) in IIN_HEADERS)

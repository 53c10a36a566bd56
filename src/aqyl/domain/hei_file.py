"""The HEI registry as a file (``aqyl hei export`` writes it, ``aqyl hei import`` reads it back):
its columns, one HEI a row, and the check of every row against the rest of the file and the
registry. The check is all-or-nothing: one wrong cell and no row is taken.

A row whose code is registered changes that HEI (every column as the file gives it: the file is
the registry, not a patch); a new code adds an HEI. HEIs missing from the file are left alone, so
an import never deletes one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from aqyl.domain.classifiers import HEI_PROFILE, HEI_TYPE, REGION
from aqyl.domain.errors import AqylError
from aqyl.domain.heis import CODE_PATTERN, FOUND_BY, HeiDirectory, Identifiers, check_identifiers
from aqyl.domain.heis import Hei as HeiEntry
from aqyl.domain.i18n import Label, normalize
from aqyl.domain.intake.problems import cell_name
from aqyl.domain.intake.values import parse_date
from aqyl.domain.wording import messages

# The file's columns, in order; the header row holds these names (any case).
COLUMNS = (
    "code", "type", "profile", "region", "name_kk", "name_ru", "name_en", "city_kk", "city_ru", "city_en", "aliases",
    "bin", "schac", "erasmus", "pic", "ror", "website", "ministry_code", "active_from", "active_to", "successor",
)
REQUIRED = ("code", "type", "name_kk", "name_ru", "name_en")
ALIAS_SEPARATOR = ";"
UNIQUE = ("code", "bin", "schac", "erasmus")  # a value given twice in the file is refused


def hei_row(hei: HeiEntry) -> list[str]:
    """The HEI's cells in the order of :data:`COLUMNS`."""
    values: dict[str, str] = {
        "code": hei.code, "type": hei.hei_type, "profile": hei.profile, "region": hei.region,
        "name_kk": hei.name.kk, "name_ru": hei.name.ru, "name_en": hei.name.en,
        "city_kk": hei.city.kk, "city_ru": hei.city.ru, "city_en": hei.city.en,
        "aliases": f"{ALIAS_SEPARATOR} ".join(hei.aliases), **hei.ids.values(),
        "active_from": hei.active_from.isoformat() if hei.active_from else "",
        "active_to": hei.active_to.isoformat() if hei.active_to else "", "successor": hei.successor,
    }
    return [values[c] for c in COLUMNS]


@dataclass(frozen=True)
class RowProblem:
    """One wrong cell (or row) of the file, with its address as the spreadsheet shows it."""

    row: int
    column: str
    value: str
    key: str
    params: dict = field(default_factory=dict)
    position: int | None = None

    @property
    def cell(self) -> str:
        return cell_name(self.row, self.position)

    def message(self, lang: str) -> str:
        problem = messages.render(self.key, lang, **{"value": self.value, **self.params})
        if not self.cell:
            return problem
        return messages.render("hei_file_cell", lang, cell=self.cell, problem=problem)

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {"row": self.row, "cell": self.cell, "column": self.column, "value": self.value, "type": self.key,
                "message": self.message(lang)}


@dataclass
class Checked:
    added: list[HeiEntry] = field(default_factory=list)
    changed: list[HeiEntry] = field(default_factory=list)
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)


def missing_columns(headers: list[str]) -> list[str]:
    have = {h.strip().lower() for h in headers}
    return [c for c in REQUIRED if c not in have]


def check_rows(rows: list[tuple[int, dict[str, str]]], positions: dict[str, int], registry: list[HeiEntry]) -> Checked:
    """``rows``: (the row's number, its cells by column name); ``positions``: each column's
    0-based place in the sheet (for the cell's address); ``registry``: the HEIs registered now."""
    out = Checked()
    known = {h.code: h for h in registry}
    parsed: list[tuple[int, HeiEntry]] = []
    first: dict[tuple[str, str], int] = {}

    def problem(row: int, column: str, value: str, key: str, **params: object) -> None:
        out.problems.append(RowProblem(row, column, value, key, params, positions.get(column)))

    for number, cells in rows:
        before = len(out.problems)
        hei = _read_row(number, cells, problem)
        for column in UNIQUE:
            value = normalize(cells.get(column, "")) if column != "code" else cells.get("code", "").strip()
            if not value:
                continue
            if (column, value) in first:
                problem(number, column, cells[column].strip(), "hei_file_twice", first=first[(column, value)])
            else:
                first[(column, value)] = number
        if hei is not None and len(out.problems) == before:
            parsed.append((number, hei))
    codes = set(known) | {h.code for _, h in parsed}
    for number, hei in parsed:
        if hei.successor and hei.successor not in codes:
            problem(number, "successor", hei.successor, "hei_file_no_successor")
        elif hei.successor == hei.code:
            problem(number, "successor", hei.successor, "hei_file_own_successor")
    if out.problems:
        return out
    # Names and identifiers against the HEIs the file leaves alone and each other.
    in_file = {h.code for _, h in parsed}
    directory = HeiDirectory(h for h in registry if h.code not in in_file)
    for number, hei in parsed:
        try:
            directory.add(hei)
        except AqylError as error:
            value = str(error.params.get("value", ""))
            problem(number, _column_of(hei, value), value, error.key, **{k: v for k, v in error.params.items() if k != "value"})
            continue
        old = known.get(hei.code)
        if old is None:
            out.added.append(hei)
        elif hei_row(old) != hei_row(hei):
            out.changed.append(hei)
        else:
            out.unchanged += 1
    return out


def _read_row(number: int, cells: dict[str, str], problem) -> HeiEntry | None:
    text = {c: (cells.get(c) or "").strip() for c in COLUMNS}
    ok = True
    for column in REQUIRED:
        if not text[column]:
            problem(number, column, "", "hei_file_required", column=column)
            ok = False
    if text["code"] and not CODE_PATTERN.match(text["code"]):
        problem(number, "code", text["code"], "bad_hei_code")
        ok = False
    coded: dict[str, str] = {}
    for column, table, default in (("type", HEI_TYPE, ""), ("profile", HEI_PROFILE, "multidisciplinary"),
                                   ("region", REGION, "")):
        if not text[column]:
            coded[column] = default
            continue
        try:
            coded[column] = table.encode(text[column])
        except AqylError as error:
            problem(number, column, text[column], error.key, **{k: v for k, v in error.params.items() if k != "value"})
            ok = False
    ids = Identifiers(*(text[c] for c in ("bin", "schac", "erasmus", "pic", "ror", "website", "ministry_code")))
    for column in ("bin", "schac", "erasmus", "pic", "ror", "website", "ministry_code"):
        try:
            check_identifiers(Identifiers(**{column: text[column]}))
        except AqylError as error:
            problem(number, column, text[column], error.key)
            ok = False
    dates: dict[str, date | None] = {}
    for column in ("active_from", "active_to"):
        dates[column] = parse_date(text[column]) if text[column] else None
        if text[column] and dates[column] is None:
            problem(number, column, text[column], "hei_file_bad_date")
            ok = False
    start, end = dates["active_from"], dates["active_to"]
    if start and end and end <= start:
        problem(number, "active_to", text["active_to"], "hei_file_dates_inverted", start=text["active_from"])
        ok = False
    if not ok:
        return None
    aliases = tuple(a.strip() for a in text["aliases"].split(ALIAS_SEPARATOR) if a.strip())
    hei = HeiEntry(
        code=text["code"], hei_type=coded["type"], profile=coded["profile"], region=coded["region"],
        name=Label(text["name_kk"], text["name_ru"], text["name_en"]),
        city=Label(text["city_kk"], text["city_ru"], text["city_en"]), aliases=aliases,
        active_from=start, active_to=end, successor=text["successor"],
    )
    return replace(hei, ids=check_identifiers(ids))


def _column_of(hei: HeiEntry, value: str) -> str:
    """The column a refused spelling came from (a name, an alias, an identifier or the code)."""
    for column in FOUND_BY:
        if getattr(hei.ids, column) == value:
            return column
    for column, name in zip(("name_kk", "name_ru", "name_en"), hei.name, strict=True):
        if name == value:
            return column
    return "code" if value == hei.code else "aliases"

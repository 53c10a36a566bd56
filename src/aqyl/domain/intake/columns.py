"""The columns of an upload and header matching. Two layouts share the machinery: ``mobility``
(the register's interchange format, ``aqyl/data/import_columns.json``) and ``cohort``
(scholarship holders followed after departure, ``aqyl/data/cohort_columns.json``). A file's
headers may be the canonical English names or the template's headers in any language, or a
listed alias, compared case- and space-insensitively.

This is the one declaration of the mobility record: each column's name, kind, classifier, length
and required-ness (the JSON), and who a column is for (below: ``required`` "staff" or "student").
The import's validation (``aqyl.importers.validate``), the database's CHECK constraints
(``aqyl.store.models``), the bulk write's checks and the API's record fields are built from it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from aqyl.domain.classifiers import CATEGORY
from aqyl.domain.i18n import Label, normalize

Kind = Literal["id", "text", "code", "hei", "period", "date", "year", "count"]
Required = Literal["always", "staff", "student", "never"]
Group = Literal["staff", "student"]


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: Required
    header: Label
    help: Label
    classifier: str = ""
    max_length: int = 0
    aliases: tuple[str, ...] = ()

    def spellings(self) -> list[str]:
        return [self.name, *self.header, *self.aliases]


SCHEMA_FILES = {"mobility": "import_columns.json", "cohort": "cohort_columns.json"}


@dataclass(frozen=True)
class Schema:
    name: str
    columns: tuple[Column, ...]
    # Columns of which at least one must be present (a mobility's period may come from its start date).
    one_of: tuple[tuple[str, ...], ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def header_index(self) -> dict[str, str]:
        return _header_index(self.name)

    def match(self, headers: list[str]) -> HeaderMap:
        index = self.header_index
        found: dict[str, list[int]] = {}
        unknown = []
        for position, header in enumerate(headers):
            text = str(header or "").strip()
            if not text:
                continue  # an empty header is a spare column (or the tail of a merged cell)
            name = index.get(_header_key(text))
            if name is None:
                unknown.append((position, text))
            else:
                found.setdefault(name, []).append(position)
        missing = [c.name for c in self.columns if c.required == "always" and c.name not in found]
        missing += [group[0] for group in self.one_of if not any(name in found for name in group)]
        return HeaderMap(
            positions={name: places[0] for name, places in found.items()},
            unknown=unknown,
            duplicates=[(name, places) for name, places in found.items() if len(places) > 1],
            missing=missing,
        )


@cache
def schema(name: str = "mobility") -> Schema:
    raw = json.loads(resources.files("aqyl.data").joinpath(SCHEMA_FILES[name]).read_text("utf-8"))
    return Schema(name, tuple(
        Column(
            name=c["name"], kind=c["kind"], required=c["required"], header=Label(**c["headers"]), help=Label(**c["help"]),
            classifier=c.get("classifier", ""), max_length=c.get("max_length", 0), aliases=tuple(c.get("aliases", ())),
        )
        for c in raw["columns"]
    ), tuple(tuple(g) for g in raw.get("one_of", ())))


def columns() -> tuple[Column, ...]:
    """The mobility columns (the register's interchange format)."""
    return schema("mobility").columns


def column(name: str, layout: str = "mobility") -> Column:
    return schema(layout).column(name)


def match_headers(headers: list[str]) -> HeaderMap:
    return schema("mobility").match(headers)


@cache
def _header_index(layout: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for c in schema(layout).columns:
        for spelling in c.spellings():
            key = _header_key(spelling)
            if index.setdefault(key, c.name) != c.name:
                raise ValueError(f"header {spelling!r} names both {index[key]!r} and {c.name!r}")
    return index


def _header_key(text: str) -> str:
    # "Start date", "start_date" and "START-DATE" are one header; a trailing "*" marks required.
    return normalize(str(text).replace("_", " ").replace("*", "")).replace("-", " ").strip()


@dataclass
class HeaderMap:
    """Which file column holds which interchange column, and what did not fit."""

    positions: dict[str, int]  # column name -> 0-based position in the file
    unknown: list[tuple[int, str]]  # (position, header) of columns not in the format
    duplicates: list[tuple[str, list[int]]]  # column name -> every position giving it
    missing: list[str]  # required columns absent, and the first of each ``one_of`` group with none present


# --- who a column is for --------------------------------------------------------------------------
# A mobility is a staff member's or a student's. A column required for "staff" must be filled on a
# staff member's row and left empty on a student's; a column required for "student" the other way
# round (today: a degree for staff, a study level for students).
GROUPS: tuple[Group, ...] = ("staff", "student")
STUDENT = "student"  # the one student category; every other category is staff


def categories(group: Group) -> tuple[str, ...]:
    """The category codes of a group, in the classifier's order."""
    return tuple(code for code in CATEGORY.codes if (code == STUDENT) == (group == "student"))


def group_of(category: str) -> Group:
    return "student" if category == STUDENT else "staff"


def other(group: Group) -> Group:
    return "staff" if group == "student" else "student"


def filled_by(group: Group) -> tuple[str, ...]:
    """The mobility columns a group's rows must fill and the other group's rows must leave empty."""
    return tuple(c.name for c in columns() if c.required == group)


def group_columns() -> tuple[Column, ...]:
    """The mobility columns that belong to one group, in the format's order."""
    return tuple(c for c in columns() if c.required in GROUPS)


def record_fields() -> tuple[str, ...]:
    """The fields of a stored mobility record, in the format's order: the register's columns and
    the API's record fields (the HEI as its code)."""
    return tuple(c.name for c in columns())

"""The interchange format's columns (``aqyl/data/import_columns.json``) and header matching:
a file's headers may be the canonical English names or the template's headers in any language,
or a listed alias, compared case- and space-insensitively."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from aqyl.domain.i18n import Label, normalize

Kind = Literal["id", "text", "code", "hei", "period", "date"]
Required = Literal["always", "staff", "student", "never"]


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


@cache
def columns() -> tuple[Column, ...]:
    raw = json.loads(resources.files("aqyl.data").joinpath("import_columns.json").read_text("utf-8"))
    return tuple(
        Column(
            name=c["name"], kind=c["kind"], required=c["required"], header=Label(**c["headers"]), help=Label(**c["help"]),
            classifier=c.get("classifier", ""), max_length=c.get("max_length", 0), aliases=tuple(c.get("aliases", ())),
        )
        for c in raw["columns"]
    )


def column(name: str) -> Column:
    return next(c for c in columns() if c.name == name)


@cache
def _header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in columns():
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
    missing: list[str]  # required columns absent (period and the dates count as one, see below)


def match_headers(headers: list[str]) -> HeaderMap:
    index = _header_index()
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
    missing = [c.name for c in columns() if c.required == "always" and c.name not in found]
    if "period" not in found and "start_date" not in found:
        missing.append("period")  # the period may be derived from the start date, not from nothing
    return HeaderMap(
        positions={name: places[0] for name, places in found.items()},
        unknown=unknown,
        duplicates=[(name, places) for name, places in found.items() if len(places) > 1],
        missing=missing,
    )

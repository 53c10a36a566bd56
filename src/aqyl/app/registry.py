"""The register of HEIs (list, add; the registry as a file both ways; mergers, renames and
closures) and the classifiers (which exist, and one by name)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from aqyl.app.system import CommandError
from aqyl.domain.classifiers import CLASSIFIERS, HEI_PROFILE, HEI_TYPE, REGION
from aqyl.domain.classifiers.base import CodeTable
from aqyl.domain.errors import AqylError, RegistryError
from aqyl.domain.hei_file import COLUMNS, RowProblem, check_rows, hei_row, missing_columns
from aqyl.domain.heis import Hei, Identifiers, check_identifiers
from aqyl.domain.i18n import Label
from aqyl.domain.intake.values import parse_date


@dataclass(frozen=True)
class HeiLine:
    code: str
    hei_type: str
    region: str
    name: Label
    city: Label
    records: int
    ids: Identifiers = Identifiers()
    active_from: date | None = None
    active_to: date | None = None
    successor: str = ""

    def as_dict(self, lang: str) -> dict:
        return {"code": self.code, "hei_type": self.hei_type, "region": self.region, "name": self.name.get(lang),
                "city": self.city.get(lang), "records": self.records, **self.ids.values(),
                "active_from": self.active_from.isoformat() if self.active_from else None,
                "active_to": self.active_to.isoformat() if self.active_to else None,
                "successor": self.successor or None}


def list_heis(search: str = "", hei_type: str | None = None) -> list[HeiLine]:
    """Registered HEIs whose code, name, alias, BIN, SCHAC or Erasmus code contains ``search``, of
    one type (code or label) if given."""
    from aqyl.store.registry import search_heis, to_domain

    rows = search_heis(search, HEI_TYPE.encode(hei_type) if hei_type else None)
    out = []
    for h in rows:
        hei = to_domain(h)
        out.append(HeiLine(hei.code, hei.hei_type, hei.region, hei.name, hei.city, h.n_records, hei.ids,
                           hei.active_from, hei.active_to, hei.successor))
    return out


def add_hei(code: str, hei_type: str, name: Label, *, region: str = "", city: Label | None = None,
            profile: str = "multidisciplinary", aliases: list[str] | None = None,
            ids: Identifiers | None = None, active_from: str = "") -> Hei:
    """Register an HEI from what a user wrote; RegistryError when its code, a name or an
    identifier is taken, or an identifier is not valid (a BIN's check digit…)."""
    from aqyl.store.registry import add_hei as store

    hei = Hei(
        code=code.strip(), hei_type=HEI_TYPE.encode(hei_type), profile=HEI_PROFILE.encode(profile),
        region=REGION.encode(region) if region.strip() else "",
        name=Label(name.kk.strip(), name.ru.strip(), name.en.strip()), city=city or Label("", "", ""),
        aliases=tuple(a.strip() for a in aliases or [] if a.strip()),
        ids=check_identifiers(ids or Identifiers()), active_from=_day(active_from) if active_from.strip() else None,
    )
    store(hei)
    return hei


def _who() -> str:
    return f"cli:{getpass.getuser()}"


def _day(text: str) -> date:
    day = parse_date(text.strip())
    if day is None:
        raise AqylError("hei_file_bad_date", value=text.strip())
    return day


# --- the registry as a file ------------------------------------------------------------------------
def export_heis(out: Path) -> int:
    """Write every registered HEI, every field (``aqyl.domain.hei_file.COLUMNS``), as CSV or XLSX."""
    from aqyl.render.rows import write_table
    from aqyl.store.registry import registry

    kind = out.suffix.lower().lstrip(".")
    if kind not in ("csv", "xlsx"):
        raise AqylError("hei_export_format", file=out.name)
    heis = registry()
    write_table(out, list(COLUMNS), [hei_row(h) for h in heis], kind)
    return len(heis)


@dataclass
class HeiImport:
    file: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    stored: bool = False


def _counts(headers: list[str]) -> int:
    return sum(h.strip().lower() in COLUMNS for h in headers)


def import_heis(path: Path, dry_run: bool = False) -> HeiImport:
    """Check every row of a registry file and, unless ``dry_run`` or any row is wrong, add and
    change its HEIs in one transaction (each audited). Never deletes an HEI."""
    from aqyl.importers.readers import read_table
    from aqyl.store.registry import registry, save_heis

    table = read_table(path, _counts)
    headers = [h.strip().lower() for h in table.headers]
    if missing := missing_columns(headers):
        raise AqylError("hei_file_missing_columns", file=table.name, columns=", ".join(missing))
    places = {name: i for i, name in enumerate(headers) if name in COLUMNS}
    positions = {name: table.first_column + i for name, i in places.items()}
    rows = []
    for record in table.frame.iter_rows(named=True):
        cells = {name: record.get(f"c{i}") or "" for name, i in places.items()}
        if any(v.strip() for v in cells.values()):
            rows.append((int(record["_row"]), cells))
    checked = check_rows(rows, positions, registry())
    result = HeiImport(table.name, len(checked.added), len(checked.changed), checked.unchanged, checked.problems)
    if not checked.problems and not dry_run:
        if checked.added or checked.changed:
            save_heis(checked.added, checked.changed, _who(), table.name)
        result.stored = True
    return result


# --- history ---------------------------------------------------------------------------------------
def _found(text: str):
    from aqyl.store import models as m
    from aqyl.store.registry import directory

    return m.Hei.objects.get(code=directory().encode(text))


def _active_on(hei, on: date, *, first_day: bool = False) -> None:
    """RegistryError unless ``hei`` is active on ``on`` and the day before (``first_day``: an HEI
    opened that very day will do, as the successor a merger makes)."""
    too_early = hei.active_from and (on < hei.active_from if first_day else on <= hei.active_from)
    if too_early or (hei.active_to and on >= hei.active_to):
        span = "–".join(d.isoformat() if d else "…" for d in (hei.active_from, hei.active_to))
        raise RegistryError("hei_not_active_on", code=hei.code, on=on.isoformat(), active=span)


def merge_hei(old: str, into: str, on: str) -> tuple[str, str, date]:
    """``old`` merges into ``into`` on ``on``: it stops being active that day and ``into`` is its
    successor. ``old`` must have been active before that day, ``into`` active on it (a new HEI the
    merger makes may open that day)."""
    from aqyl.store.registry import merge

    day = _day(on)
    old_row, new_row = _found(old), _found(into)
    if old_row.pk == new_row.pk:
        raise RegistryError("hei_merge_self", code=old_row.code)
    _active_on(old_row, day)
    _active_on(new_row, day, first_day=True)
    merge(old_row, new_row, day, _who())
    return old_row.code, new_row.code, day


def rename_hei(code: str, name: Label, on: str) -> tuple[str, Label, date]:
    """New names from ``on``; the former names stay as aliases (files and lookups still find it)."""
    from aqyl.store.registry import rename

    day = _day(on)
    row = _found(code)
    _active_on(row, day)
    new = Label(name.kk.strip(), name.ru.strip(), name.en.strip())
    rename(row, new, day, _who())
    return row.code, new, day


def close_hei(code: str, on: str) -> tuple[str, date]:
    """The HEI stops being active on ``on`` (no successor); its records stay."""
    from aqyl.store.registry import close

    day = _day(on)
    row = _found(code)
    _active_on(row, day)
    close(row, day, _who())
    return row.code, day


def classifier(name: str) -> CodeTable:
    if name not in CLASSIFIERS:
        raise CommandError("unknown_classifier", name=name, known=", ".join(CLASSIFIERS))
    return CLASSIFIERS[name]

"""An open-data release of a half-year: the register's aggregates after disclosure control, as a
Frictionless Data Package (CSV + datapackage.json), a workbook and a methodology note in kk/ru/en.

Tables, for each participant category and direction: partner country × HEI type, field ×
degree (study level for students), HEI × format, each with its row and column totals. Different
tables of one category and direction share only their grand total (they cross different
columns), so protecting each table on its own protects them together.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.db import transaction
from django.db.models import Count

from aqyl.domain.classifiers import CATEGORY, CLASSIFIERS, DIRECTION, half_year, parse_period
from aqyl.domain.disclosure import EMPTY_TABLE, PRIMARY, SECONDARY, TOTAL, Protected, protect
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import LANGUAGES, Label
from aqyl.domain.numbers import collation_key, fmt_int
from aqyl.domain.report.document import Cell, Column, Document, Heading, Paragraph, Row, Table
from aqyl.domain.wording.catalogue import label
from aqyl.files import write_atomically
from aqyl.store import models as m

L = Label
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
SUPPRESSED_MARK = "…"
# name: (row column, column column); "level" is the degree for staff and the study level for students.
TABLES = {"countries": ("partner_country", "hei_type"), "fields": ("field", "level"), "heis": ("hei", "format")}

WORDS = {
    "title": label("release_title"), "total": label("release_total"), "countries": label("release_countries"),
    "fields": label("release_fields"), "heis": label("release_heis"), "hei": label("hei"),
    "level": label("release_level"), "method_heading": label("release_method_heading"),
    "source": label("release_source"), "suppress": label("release_suppress"), "round5": label("release_round5"),
    "withheld": label("release_withheld"), "licence": label("release_licence"),
    "summary_caption": label("release_summary_caption"), "table": label("release_table"),
    "cells": label("release_cells"), "primary": label("release_primary"), "secondary": label("release_secondary"),
}

FIELD_TEXT = {
    "period": label("release_field_period"), "category": label("release_field_category"),
    "direction": label("release_field_direction"), "partner_country": label("release_field_partner_country"),
    "hei_type": label("release_field_hei_type"), "field": label("release_field_field"),
    "level": label("release_field_level"), "hei": label("release_field_hei"),
    "format": label("release_field_format"), "count": label("release_field_count"),
    "flag": label("release_field_flag"), "classifier": label("release_field_classifier"),
    "code": label("code"), "label_kk": label("release_field_label_kk"),
    "label_ru": label("release_field_label_ru"), "label_en": label("release_field_label_en"),
    "table": label("release_field_table"), "row": label("release_field_row"),
    "column": label("release_field_column"), "reason": label("release_field_reason"),
}
RESOURCE_TEXT = {
    "countries": WORDS["countries"], "fields": WORDS["fields"], "heis": WORDS["heis"],
    "codes": label("release_codes"), "suppressed": label("release_suppressed"),
}


class NothingToPublish(AqylError):
    def __init__(self, period: str) -> None:
        self.period = period
        super().__init__("release_empty", period=period)


@dataclass
class ProtectedTable:
    name: str  # countries, fields, heis
    category: str
    direction: str
    table: Protected

    @property
    def key(self) -> str:
        return f"{self.name}/{self.category}/{self.direction}"


@dataclass
class Build:
    period: str
    method: str
    threshold: int
    tables: list[ProtectedTable]
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def summary(self) -> dict:
        out = {}
        for t in self.tables:
            statuses = [s for *_, s in t.table.cells()]
            out[t.key] = {"cells": len(statuses), "primary": statuses.count(PRIMARY),
                          "secondary": statuses.count(SECONDARY), "withheld": EMPTY_TABLE in statuses,
                          "total": int(t.table.values[-1, -1])}
        return out


def _level(category: str) -> str:
    return "study_level" if category == "student" else "degree"


def counts(period: str) -> dict[tuple[str, str, str], dict[tuple[str, str], int]]:
    """(table, category, direction) → {(row, column): trips}, grouped from the current records."""
    heis = {h.id: h for h in m.Hei.objects.all()}
    found: dict[tuple[str, str, str], dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    qs = (m.MobilityRecord.objects.filter(period=period)
          .values_list("category", "direction", "partner_country", "hei_id", "field", "degree", "study_level", "format")
          .annotate(total=Count("id")).order_by())
    for category, direction, country, hei_id, fld, degree, level, fmt, n in qs:
        hei = heis[hei_id]
        found[("countries", category, direction)][(country, hei.hei_type)] += n
        found[("fields", category, direction)][(fld, level if category == "student" else degree)] += n
        found[("heis", category, direction)][(hei.code, fmt)] += n
    return found


def _order(name: str, codes: set[str]) -> list[str]:
    if name == "hei":
        return sorted(codes)
    if name == "partner_country":
        return sorted(codes)
    known = list(CLASSIFIERS[name].codes)
    return sorted(codes, key=lambda c: known.index(c) if c in known else len(known))


def build(period: str, *, threshold: int = 5, method: str = "suppress") -> Build:
    period = half_year(period)
    found = counts(period)
    if not found:
        raise NothingToPublish(period)
    tables = []
    for name, (row_dim, col_dim) in TABLES.items():
        for category in CATEGORY.codes:
            for direction in DIRECTION.codes:
                cells = found.get((name, category, direction))
                if not cells:
                    continue
                col_name = _level(category) if col_dim == "level" else col_dim
                rows = _order(row_dim, {r for r, _ in cells})
                cols = _order(col_name, {c for _, c in cells})
                tables.append(ProtectedTable(name, category, direction,
                                             protect(rows, cols, cells, threshold=threshold, method=method)))
    result = Build(period, method, threshold, tables)
    result.files = _files(result)
    return result


# --- files -----------------------------------------------------------------------------------------
def _csv(header: list[str], rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _field(name: str, kind: str = "string", **extra) -> dict:
    text = FIELD_TEXT[name]
    return {"name": name, "type": kind, "description": text.en, "descriptions": text.as_dict(), **extra}


def _hei_names() -> dict[str, Label]:
    return {h.code: Label(h.name_kk, h.name_ru, h.name_en) for h in m.Hei.objects.all()}


def _classifier(dim: str, category: str) -> str:
    return {"partner_country": "country", "level": _level(category)}.get(dim, dim)


def _label(dim: str, code: str, category: str, heis: dict[str, Label], lang: str) -> str:
    if code == TOTAL:
        return WORDS["total"].get(lang)
    if dim == "hei":
        return heis[code].get(lang) if code in heis else code
    return CLASSIFIERS[_classifier(dim, category)].label(code, lang)


def _files(b: Build) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    heis = _hei_names()
    resources = []
    used: dict[str, set[str]] = defaultdict(set)
    for name, (row_dim, col_dim) in TABLES.items():
        rows = []
        for t in (t for t in b.tables if t.name == name):
            col_name = _level(t.category) if col_dim == "level" else col_dim
            for r, c, _, published, status in t.table.cells():
                rows.append([b.period, t.category, t.direction, r, c, "" if published is None else published, status])
                used[row_dim].add(r)
                used[col_name].add(c)
            used["category"].add(t.category)
            used["direction"].add(t.direction)
        path = f"data/{name}.csv"
        files[path] = _csv(["period", "category", "direction", row_dim, col_dim, "count", "flag"], rows)
        resources.append(_resource(name, path, [
            _field("period"), _field("category"), _field("direction"), _field(row_dim), _field(col_dim),
            _field("count", "integer", constraints={"minimum": 0}),
            _field("flag", constraints={"enum": ["", PRIMARY, SECONDARY, "rounded", EMPTY_TABLE]})],
            ["category", "direction", row_dim, col_dim]))
    code_rows = []
    for dim in ("category", "direction", "partner_country", "hei_type", "field", "degree", "study_level", "format", "hei"):
        for code in sorted(used.get(dim, ())):
            if code == TOTAL:
                continue
            label = heis.get(code, Label(code, code, code)) if dim == "hei" else \
                CLASSIFIERS[_classifier(dim, "")][code].label
            code_rows.append([dim, code, label.kk, label.ru, label.en])
    code_rows.append(["*", TOTAL, *WORDS["total"]])
    files["data/codes.csv"] = _csv(["classifier", "code", "label_kk", "label_ru", "label_en"], code_rows)
    resources.append(_resource("codes", "data/codes.csv", [_field(f) for f in ("classifier", "code", "label_kk", "label_ru",
                                                                            "label_en")], ["classifier", "code"]))
    hidden = [[t.name, t.category, t.direction, r, c, status] for t in b.tables
              for r, c, _, published, status in t.table.cells() if published is None]
    files["data/suppressed.csv"] = _csv(["table", "category", "direction", "row", "column", "reason"], hidden)
    resources.append(_resource("suppressed", "data/suppressed.csv",
                               [_field(f) for f in ("table", "category", "direction", "row", "column", "reason")], None))
    period = parse_period(b.period)
    titles = {lang: WORDS["title"].get(lang).format(period=period.label.get(lang)) for lang in LANGUAGES}
    package = {
        "profile": "tabular-data-package",
        "name": f"aqyl-academic-mobility-{b.period.lower()}",
        "title": titles["en"], "titles": titles,
        "description": _prose("source", b, "en"), "descriptions": {lang: _prose("source", b, lang) for lang in LANGUAGES},
        "licenses": [LICENCE],
        "created": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "keywords": ["academic mobility", "Kazakhstan", "higher education", b.period],
        "disclosure_control": {"method": b.method, "threshold": b.threshold, "tables": b.summary},
        "resources": resources,
    }
    files["datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")
    from aqyl.render.html import render_html
    from aqyl.render.xlsx import render_xlsx

    for lang in LANGUAGES:
        files[f"aqyl-open-{b.period}-{lang}.xlsx"] = render_xlsx(document(b, lang, heis, with_tables=True))
        files[f"methodology-{lang}.html"] = render_html(document(b, lang, heis, with_tables=False)).encode("utf-8")
    return files


def _resource(name: str, path: str, fields: list[dict], key: list[str] | None) -> dict:
    text = RESOURCE_TEXT[name]
    schema = {"fields": fields, "missingValues": [""]}
    if key:
        schema["primaryKey"] = key
    return {"name": name, "path": path, "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "title": text.en, "titles": text.as_dict(), "schema": schema}


def _prose(kind: str, b: Build, lang: str) -> str:
    period = parse_period(b.period)
    if kind == "source":
        return WORDS["source"].get(lang).format(period=period.label.get(lang), date=datetime.now().date().isoformat())
    return ""


def document(b: Build, lang: str, heis: dict[str, Label] | None = None, *, with_tables: bool = True) -> Document:
    """The release as a document: the methodology (and, for the workbook, every table as published)."""
    heis = heis if heis is not None else _hei_names()
    period = parse_period(b.period)
    w = {k: v.get(lang) for k, v in WORDS.items()}
    summary = b.summary
    blocks: list = [Heading(w["method_heading"]), Paragraph(_prose("source", b, lang))]
    if b.method == "round5":
        blocks.append(Paragraph(w["round5"]))
    else:
        blocks.append(Paragraph(w["suppress"].format(t=b.threshold, mark=SUPPRESSED_MARK,
                                                     primary=fmt_int(sum(s["primary"] for s in summary.values()), lang),
                                                     secondary=fmt_int(sum(s["secondary"] for s in summary.values()), lang))))
        withheld = sum(1 for s in summary.values() if s["withheld"])
        if withheld:
            blocks.append(Paragraph(w["withheld"].format(n=withheld, t=b.threshold)))
        blocks.append(Table("suppressed", w["summary_caption"],
                            (Column(w["table"]), Column(w["cells"], "number"), Column(w["primary"], "number"),
                             Column(w["secondary"], "number")),
                            tuple(Row((Cell(_caption(t, lang)), Cell(fmt_int(summary[t.key]["cells"], lang), summary[t.key]["cells"]),
                                       Cell(fmt_int(summary[t.key]["primary"], lang), summary[t.key]["primary"]),
                                       Cell(fmt_int(summary[t.key]["secondary"], lang), summary[t.key]["secondary"])))
                                  for t in b.tables)))
    blocks.append(Paragraph(w["licence"]))
    if with_tables:
        for n, t in enumerate(b.tables, start=1):
            blocks.append(_table(n, t, lang, heis))
    return Document(lang=lang, title=w["title"].format(period=period.label.get(lang)), subtitle=(),
                    blocks=tuple(blocks), footer=f"Aqyl · CC BY 4.0 · {b.period}")


def _caption(t: ProtectedTable, lang: str) -> str:
    return f"{DIRECTION.label(t.direction, lang)} · {CATEGORY.label(t.category, lang)} · {WORDS[t.name].get(lang)}"


def _table(n: int, t: ProtectedTable, lang: str, heis: dict[str, Label]) -> Table:
    row_dim, col_dim = TABLES[t.name]
    p = t.table
    head_name = WORDS["hei"].get(lang) if row_dim == "hei" else CLASSIFIERS[_classifier(row_dim, t.category)].title.get(lang)
    columns = (Column(head_name), *(Column(_label(col_dim, c, t.category, heis, lang), "number") for c in p.columns))
    rows = []
    for i, r in enumerate(p.rows):
        cells = [Cell(_label(row_dim, r, t.category, heis, lang))]
        for j in range(len(p.columns)):
            v = p.published[i][j]
            cells.append(Cell(SUPPRESSED_MARK, None) if v is None else Cell(fmt_int(v, lang), v))
        rows.append(Row(tuple(cells), "total" if r == TOTAL else "data"))
    return Table(f"open_{n}", f"{n}. {_caption(t, lang)}", columns, tuple(rows))


# --- storing and writing ------------------------------------------------------------------------------
def publish(period: str, *, threshold: int = 5, method: str = "suppress", user=None, by: str = "",
            out: Path | None = None) -> tuple[m.Release, Build]:
    """Build the release, store it (the public view serves only stored releases) and, with ``out``,
    write its files there."""
    b = build(period, threshold=threshold, method=method)
    with transaction.atomic():
        release = m.Release.objects.create(period=b.period, created_by=user, created_by_name=by or getattr(user, "username", ""),
                                           method=method, threshold=threshold, summary=b.summary)
        m.ReleaseFile.objects.bulk_create([m.ReleaseFile(release=release, name=name, content=data,
                                                         sha256=hashlib.sha256(data).hexdigest())
                                           for name, data in b.files.items()])
    if out is not None:
        write_files(b.files, out)
    return release, b


def write_files(files: dict[str, bytes], out: Path) -> list[Path]:
    paths = []
    for name, data in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
        paths.append(path)
    return paths


def zip_release(release: m.Release) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for f in release.files.all():
            z.writestr(f.name, bytes(f.content))
    return buffer.getvalue()


def published_tables(release: m.Release) -> dict[str, list[dict]]:
    """The release's CSV tables read back from what was stored (the public view shows only these)."""
    out = {}
    for f in release.files.filter(name__startswith="data/"):
        out[f.name[5:-4]] = list(csv.DictReader(io.StringIO(bytes(f.content).decode("utf-8"))))
    return out


def public_view(release: m.Release, lang: str) -> list[dict]:
    """What the public page shows of a release, per participant category: the published totals by
    direction, and each table's row totals by direction (outgoing, incoming) with a chart of the
    partner countries. Read from the stored CSV files only: the register is never consulted."""
    from aqyl.domain.report.document import Chart, Series

    tables = published_tables(release)
    heis = {r["code"]: Label(r["label_kk"], r["label_ru"], r["label_en"]) for r in tables.get("codes", [])
            if r["classifier"] == "hei"}
    directions = list(DIRECTION.codes)
    out = []
    for category in CATEGORY.codes:
        block: dict = {"code": category, "label": CATEGORY.label(category, lang), "totals": {}, "tables": []}
        for name, (row_dim, col_dim) in TABLES.items():
            lines: dict[str, dict[str, int | None]] = {}
            for r in tables.get(name, []):
                if r["category"] != category or r[col_dim] != TOTAL:
                    continue
                value = int(r["count"]) if r["count"] != "" else None
                if r[row_dim] == TOTAL:
                    block["totals"][r["direction"]] = value
                else:
                    lines.setdefault(r[row_dim], {})[r["direction"]] = value
            if not lines:
                continue

            def shown(code: str, row_dim=row_dim, category=category) -> str:
                if row_dim == "hei":
                    return heis[code].get(lang) if code in heis else code
                return _label(row_dim, code, category, heis, lang)

            ordered = sorted(lines, key=lambda c: (-max((v or 0) for v in lines[c].values()),
                                                   collation_key(shown(c), lang)))
            rows = [[shown(c), *(_cell(lines[c], d, lang) for d in directions)] for c in ordered]
            block["tables"].append({"key": name, "caption": f"{CATEGORY.label(category, lang)} · {WORDS[name].get(lang)}",
                                    "head": WORDS["hei"].get(lang) if row_dim == "hei" else
                                    CLASSIFIERS[_classifier(row_dim, category)].title.get(lang),
                                    "rows": rows})
            if name == "countries":
                # Only fully published rows are drawn: a bar cannot show a suppressed value.
                top = [c for c in ordered if all(lines[c].get(d, 0) is not None for d in directions)][:12]
                block["chart"] = Chart(f"open_{category}", block["tables"][-1]["caption"], "barh",
                                       tuple(shown(c) for c in top),
                                       tuple(Series(DIRECTION.label(d, lang), tuple(lines[c].get(d, 0) for c in top))
                                             for d in directions))
        if block["tables"]:
            block["directions"] = [DIRECTION.label(d, lang) for d in directions]
            block["total_cells"] = [_cell(block["totals"], d, lang) for d in directions]
            block["kpis"] = list(zip(block["directions"], block["total_cells"], strict=True))
            out.append(block)
    return out


def _cell(values: dict, direction: str, lang: str) -> str:
    if direction not in values:
        return "0"
    return SUPPRESSED_MARK if values[direction] is None else fmt_int(values[direction], lang)

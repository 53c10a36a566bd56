"""The records list: filters by every coded column, text search, sorting, and the download of the
filtered list as CSV or XLSX, with labels in the reader's language beside the codes. The caller
passes a queryset already narrowed to what the user may read (``aqyl.web.access.records``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.db.models import Q, QuerySet

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.intake.columns import schema
from aqyl.domain.wording.catalogue import label
from aqyl.render.xlsx import safe_text

# URL parameter → (model field, classifier). Every coded column of a record is a filter.
CODED = {
    "direction": ("direction", "direction"), "category": ("category", "category"),
    "country": ("partner_country", "country"), "programme": ("programme", "programme"), "format": ("format", "format"),
    "degree": ("degree", "degree"), "study_level": ("study_level", "study_level"), "field": ("field", "field"),
    "funding": ("funding", "funding"), "gender": ("gender", "gender"),
    "hei_type": ("hei__hei_type", "hei_type"), "region": ("hei__region", "region"),
}
FILTERS = ("period", "hei", "q", *CODED)
# Sort keys offered on the page (a leading '-' reverses); the id keeps every order stable.
SORTS = {"period": "period", "hei": "hei__code", "direction": "direction", "category": "category",
         "partner": "partner_institution", "country": "partner_country", "programme": "programme",
         "start": "start_date", "end": "end_date", "record_id": "record_id"}
DEFAULT_SORT = "-period"
CODE_SUFFIX = label("export_code_suffix")
HEI_NAME = label("export_hei_name")


def chosen(params) -> dict[str, str]:
    """The filters a request asks for, unknown codes dropped (a stale link shows everything, not an error)."""
    out = {k: (params.get(k) or "").strip() for k in FILTERS}
    for key, (_, name) in CODED.items():
        if out[key] and out[key] not in CLASSIFIERS[name].codes:
            out[key] = ""
    out["q"] = out["q"][:100]
    return out


def filtered(qs: QuerySet, flt: dict[str, str], sort: str = DEFAULT_SORT) -> QuerySet:
    if flt.get("period"):
        qs = qs.filter(period=flt["period"])
    if flt.get("hei"):
        qs = qs.filter(hei__code=flt["hei"])
    for key, (field, _) in CODED.items():
        if flt.get(key):
            qs = qs.filter(**{field: flt[key]})
    if text := flt.get("q"):
        qs = qs.filter(Q(partner_institution__icontains=text) | Q(record_id__icontains=text) | Q(person_id=text)
                       | Q(hei__code__iexact=text))
    key = sort.lstrip("-")
    field = SORTS.get(key, "period")
    direction = "-" if sort.startswith("-") else ""
    return qs.order_by(f"{direction}{field}", "hei__code", "id")


def sort_of(value: str) -> str:
    return value if value.lstrip("-") in SORTS else DEFAULT_SORT


# --- download ----------------------------------------------------------------------------------
def _columns():
    return [c for c in schema("mobility").columns]


def header(lang: str) -> list[str]:
    out = []
    for c in _columns():
        title = c.header.get(lang)
        if c.kind == "code":
            out += [title, f"{title} ({CODE_SUFFIX.get(lang)})"]
        elif c.name == "hei":
            out += [f"{title} ({CODE_SUFFIX.get(lang)})", HEI_NAME.get(lang)]
        else:
            out.append(title)
    return out


def rows(qs: QuerySet, lang: str) -> Iterator[list[str]]:
    """One list of cells per record: each coded column as its label then its code. Plain tuples,
    not model objects: a download of a whole half-year reads every row once."""
    columns = _columns()
    labels = {c.name: {code.code: code.label.get(lang) for code in CLASSIFIERS[c.classifier]}
              for c in columns if c.kind == "code"}
    fields = [f"hei__code\0hei__name_{lang}" if c.name == "hei" else c.name for c in columns]
    flat = [f for spec in fields for f in spec.split("\0")]
    for values in qs.values_list(*flat).iterator(chunk_size=2000):
        cells: list[str] = []
        i = 0
        for c in columns:
            if c.name == "hei":
                cells += [values[i], values[i + 1]]
                i += 2
                continue
            value = values[i]
            i += 1
            value = "" if value is None else str(value)
            if c.kind == "code":
                cells += [labels[c.name].get(value, ""), value]
            else:
                cells.append(value)
        yield cells


def to_csv(qs: QuerySet, lang: str) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # Excel reads UTF-8 only with the byte-order mark
    writer = csv.writer(out)
    writer.writerow(header(lang))
    for cells in rows(qs, lang):
        writer.writerow([safe_text(c) for c in cells])
    return out.getvalue().encode("utf-8")


def to_xlsx(qs: QuerySet, lang: str) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    # Every cell is written as a string: nothing a user typed becomes a formula, link or number.
    # constant_memory: each row goes to a scratch file as it is written, so a whole half-year fits.
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    sheet = book.add_worksheet(label("records").get(lang))
    bold = book.add_format({"bold": True, "bg_color": "#E8EEF5", "border": 1})
    titles = header(lang)
    for j, title in enumerate(titles):
        sheet.write_string(0, j, title, bold)
        sheet.set_column(j, j, max(10, min(40, len(title) + 2)))
    n = 0
    sheet.freeze_panes(1, 0)
    for n, cells in enumerate(rows(qs, lang), start=1):
        for j, cell in enumerate(cells):
            if cell:
                sheet.write_string(n, j, cell)
    sheet.autofilter(0, 0, max(n, 1), len(titles) - 1)
    book.close()
    return out.getvalue()

"""The records: the one parser of a record filter (the records page and the API), the filtered and
sorted list, the download of it as CSV or XLSX with labels in the reader's language beside the
codes, and the periods the pages offer. The caller passes a queryset already narrowed to what the
user may read (``aqyl.web.access.records``)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Q, QuerySet

from aqyl.domain.classifiers import CLASSIFIERS
from aqyl.domain.errors import AqylError
from aqyl.domain.intake.columns import schema
from aqyl.domain.wording import web as _words  # noqa: F401  (the keys below and web_value_too_long)
from aqyl.domain.wording.interface import ui
from aqyl.render.rows import rows_csv, rows_xlsx

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


MAX_VALUE = 100  # characters of one filter value


def record_filter(params, *, strict: bool = False) -> dict[str, str]:
    """The record filter a request asks for (``params``: any mapping of parameter to text).

    The records page (``strict`` False) drops an unknown code, so a stale link shows everything
    rather than an error, and cuts the search text to its length. The API (``strict`` True) keeps
    every value as given, so an unknown code matches no record, and refuses a value that is too
    long with an :class:`AqylError` naming the parameter."""
    out = {k: (params.get(k) or "").strip() for k in FILTERS}
    if strict:
        for key, value in out.items():
            if len(value) > MAX_VALUE:
                raise AqylError("web_value_too_long", field=key, limit=MAX_VALUE)
        return out
    for key, (_, name) in CODED.items():
        if out[key] and out[key] not in CLASSIFIERS[name].codes:
            out[key] = ""
    out["q"] = out["q"][:MAX_VALUE]
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


def by_key(qs: QuerySet) -> QuerySet:
    """The API's order: by the key, so that its cursor pages never skip or repeat a record."""
    return qs.select_related("submission").order_by("id")


# --- what the pages read, narrowed by aqyl.web.access ------------------------------------------
def all_records() -> QuerySet:
    from aqyl.store import models as m

    return m.MobilityRecord.objects.select_related("hei")


def all_submissions() -> QuerySet:
    from aqyl.store import models as m

    return m.Submission.objects.select_related("hei")


def heis(*, only=None, none: bool = False) -> QuerySet:
    """The active HEIs by code; ``only`` (an HEI) alone; ``none``: no HEI."""
    from aqyl.store import models as m

    if none:
        return m.Hei.objects.none()
    if only is not None:
        return m.Hei.objects.filter(pk=only.pk)
    return m.Hei.objects.filter(is_active=True).order_by("code")


# --- periods -----------------------------------------------------------------------------------
def periods() -> list[str]:
    """Periods with current records, newest first."""
    from aqyl.store import models as m

    found = m.Submission.objects.filter(is_current=True).values_list("period", flat=True).distinct()
    return sorted(set(found), reverse=True)


def default_period(hei=None) -> str:
    """The period the dashboard and reports open on: the latest one that most HEIs have submitted
    (the newest is often only begun), or the newest one of the officer's own HEI."""
    from django.db.models import Count

    from aqyl.store import models as m

    subs = m.Submission.objects.filter(is_current=True, period__regex=r"^\d{4}H[12]$")
    if hei is not None:
        subs = subs.filter(hei=hei)
    counts = subs.values("period").annotate(n=Count("hei", distinct=True))
    best = max(counts, key=lambda c: (c["n"], c["period"]), default=None)
    return best["period"] if best else ""


# --- download ----------------------------------------------------------------------------------
def _columns():
    return [c for c in schema("mobility").columns]


def header(lang: str) -> list[str]:
    out = []
    for c in _columns():
        title = c.header.get(lang)
        if c.kind == "code":
            out += [title, f"{title} ({ui('export_code_suffix', lang)})"]
        elif c.name == "hei":
            out += [f"{title} ({ui('export_code_suffix', lang)})", ui("export_hei_name", lang)]
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
    return rows_csv(header(lang), rows(qs, lang))


def to_xlsx(qs: QuerySet, lang: str) -> bytes:
    return rows_xlsx(ui("records", lang), header(lang), rows(qs, lang))

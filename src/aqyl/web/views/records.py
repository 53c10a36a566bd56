"""The records list: filters, search, sorting, pages, and the download of the filtered list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from aqyl.app import records as app
from aqyl.domain.classifiers import CATEGORY, CLASSIFIERS, COUNTRY, DIRECTION, PROGRAMME
from aqyl.domain.i18n import collation_key
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.downloads import attachment
from aqyl.web.views.common import lang_of

HEADS = [("period", "period"), ("direction", "direction"), ("category", "category"), ("hei", "hei"),
         ("partner", "partner"), ("country", "country"), ("programme", "programme"), ("start", "dates")]


@login_required
def records(request):
    access.require_role(request.user, *access.ROLES)
    lang = lang_of(request)
    chosen = app.record_filter(request.GET)
    sort = app.sort_of(request.GET.get("sort", ""))
    qs = app.filtered(access.records(request.user), chosen, sort)
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        stem = "-".join(["aqyl-records", *(v for k, v in chosen.items() if v and k in ("period", "hei"))])
        if fmt == "csv":
            response = HttpResponse(app.to_csv(qs, lang), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
            return response
        return attachment(app.to_xlsx(qs, lang), f"{stem}.xlsx")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    rows = [{
        "period": r.period, "direction": DIRECTION.label(r.direction, lang), "category": CATEGORY.label(r.category, lang),
        "hei": r.hei.code, "hei_name": r.hei.name(lang), "partner": r.partner_institution,
        "country": COUNTRY.label(r.partner_country, lang), "programme": PROGRAMME.label(r.programme, lang),
        "dates": f"{r.start_date or ''} –\n{r.end_date or ''}", "record_id": r.record_id,
        "id": r.id, "editable": access.may_change_hei(request.user, r.hei.code),
    } for r in page.object_list]
    query = urlencode({k: v for k, v in chosen.items() if v})
    sorted_query = urlencode({k: v for k, v in {**chosen, "sort": sort}.items() if v})
    extra = [(key, CLASSIFIERS[name].title.get(lang), sorted(CLASSIFIERS[name].choices(lang), key=lambda x: collation_key(x[1], lang))
              if name in ("country", "region") else CLASSIFIERS[name].choices(lang))
             for key, (_, name) in app.CODED.items() if key not in ("direction", "category", "country")]
    return render(request, "aqyl/records.html", {
        "rows": rows, "page": page, "chosen": chosen, "query": query, "sorted_query": sorted_query,
        "periods": app.periods(),
        "directions": [(c.code, c.label.get(lang)) for c in DIRECTION],
        "categories": [(c.code, c.label.get(lang)) for c in CATEGORY],
        "countries": sorted(((c.code, c.label.get(lang)) for c in COUNTRY), key=lambda x: collation_key(x[1], lang)),
        "heis": [(h.code, f"{h.code} — {h.name(lang)}") for h in access.heis(request.user)],
        "extra": [{"key": k, "label": label, "choices": choices, "value": chosen[k]} for k, label, choices in extra],
        "extra_open": any(chosen[k] for k, _, _ in extra),
        "heads": [{"label": ui(word, lang), "url": "?" + urlencode({k: v for k, v in {
            **chosen, "sort": f"-{key}" if sort == key else key}.items() if v}),
            "mark": ("▼" if sort.startswith("-") else "▲") if sort.lstrip("-") == key else ""} for key, word in HEADS],
        "may_add": access.role_of(request.user) in ("officer", "admin"),
    })

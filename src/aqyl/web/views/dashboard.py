"""The home address, the language switch and the dashboard."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aqyl.app.records import default_period, periods
from aqyl.domain.classifiers import CATEGORY, CLASSIFIERS, COUNTRY, HEI_TYPE, PROGRAMME
from aqyl.domain.wording.interface import ui
from aqyl.web import access
from aqyl.web.middleware import COOKIE, LANGS
from aqyl.web.views.common import lang_of


def home(request):
    if not request.user.is_authenticated:
        return HttpResponseRedirect(reverse("login"))
    if access.role_of(request.user) is None:
        raise PermissionDenied
    return HttpResponseRedirect(reverse("dashboard"))


@require_POST
def set_language(request):
    # POST only: choosing a language changes the profile, and a link or an image must not do that.
    lang = request.POST.get("lang", "")
    target = request.POST.get("next") or "/"
    if not target.startswith("/") or target.startswith("//"):
        target = "/"  # never redirect off the site
    response = HttpResponseRedirect(target)
    if lang in LANGS:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax",
                            secure=settings.SESSION_COOKIE_SECURE, httponly=True)
        profile = getattr(request.user, "aqyl_profile", None) if request.user.is_authenticated else None
        if profile is not None and profile.language != lang:
            profile.language = lang
            profile.save(update_fields=["language"])
    return response


@login_required
def dashboard(request):
    access.require_role(request.user, *access.ROLES)
    lang = lang_of(request)
    known = periods()
    return render(request, "aqyl/dashboard.html", {
        "periods": known, "default_period": default_period(access.hei_of(request.user)),
        "categories": [(c.code, c.label.get(lang)) for c in CATEGORY],
        "hei_types": [(c.code, c.label.get(lang)) for c in HEI_TYPE],
        "programmes": [(c.code, c.label.get(lang)) for c in PROGRAMME],
        "hei": access.hei_of(request.user),
        "labels": _chart_labels(lang),
        # The half-years the trend draws: the last six with data, oldest first.
        "trend_periods": sorted(p for p in known if p[4:5] == "H")[-6:],
    })


def _chart_labels(lang: str) -> dict:
    """Code → label of every classifier the dashboard draws, and alpha-2 → ISO numeric for the map."""
    import pycountry

    names = {name: {c.code: c.label.get(lang) for c in CLASSIFIERS[name]}
             for name in ("hei_type", "format", "degree", "study_level", "field", "programme", "country")}
    numeric = {c.alpha_2: c.numeric for c in pycountry.countries}
    words = {k: ui(k, lang) for k in ("outgoing", "incoming", "both", "countries", "kz_heis", "foreign_heis", "vs",
                                      "no_data", "by_country", "by_hei_type", "by_field", "by_degree",
                                      "by_study_level", "by_format", "by_programme", "world_map", "flows",
                                      "compared_with", "open_records", "trend", "no_data_hint")}
    return {"names": names, "numeric": numeric, "words": words, "kz": COUNTRY.label("KZ", lang)}

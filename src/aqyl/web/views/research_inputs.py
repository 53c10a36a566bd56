"""What the research pages and their API share: the roles, the form values read and checked
(numbers, countries, the forecast's and the gravity model's inputs), the forecast and the what-if
as the pages and the API show them, an uploaded file kept, and a background run's state."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from django.conf import settings

from aqyl.app import jobs
from aqyl.app.countries import country_name, country_option
from aqyl.app.research import run_of
from aqyl.domain.classifiers import COUNTRY
from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import collation_key
from aqyl.domain.wording.interface import ui
from aqyl.web.views.common import lang_of

RESEARCH = ("analyst", "admin")
IMPORT_SOURCES = ("uis", "oecd", "undesa", "canonical")


class BadInput(Exception):
    """A form value a user can fix; its text is shown on the page."""


def whole(query, name: str, default: int | None = None, lo: int = 0, hi: int = 9999) -> int | None:
    raw = (query.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not lo <= value <= hi:
        raise BadInput(name)
    return value


def country(query, name: str, default: str | None = None) -> str | None:
    raw = (query.get(name) or "").strip()
    return country_option(raw) if raw else default


def countries(lang: str) -> list[tuple[str, str]]:
    return sorted(((c.code, c.label.get(lang)) for c in COUNTRY), key=lambda x: collation_key(x[1], lang))


def bad_input(lang: str, error: Exception) -> str:
    if isinstance(error, AqylError):
        return error.message(lang)
    word = FIELD_WORD.get(error.args[0])
    return ui("bad_input", lang, field=ui(word, lang) if word else error.args[0])


# Each form field's word, the keys written out (a key is never built at run time).
FIELD_WORD = {"year": "field_year", "since": "field_since", "until": "field_until", "horizon": "field_horizon",
              "level": "field_level", "top": "field_top", "as_of": "field_as_of", "within": "field_within",
              "start": "field_start", "end": "field_end"}


def save_upload(request, lang: str) -> tuple[Path, str, str] | str:
    """The uploaded file kept under the data folder: (path, name, sha256), or a message."""
    sent = request.FILES.get("file")
    if sent is None:
        return ui("no_file", lang)
    if sent.size > settings.AQYL_MAX_UPLOAD_BYTES:
        return ui("too_big", lang, size=f"{sent.size / 1024 ** 2:,.1f}", limit=settings.AQYL_MAX_UPLOAD_BYTES // 1024 ** 2)
    name = Path(sent.name).name or "upload"
    folder = jobs.results_dir() / "uploads" / uuid.uuid4().hex
    folder.mkdir(parents=True)
    digest = hashlib.sha256()
    with (folder / name).open("wb") as out:
        for chunk in sent.chunks():
            digest.update(chunk)
            out.write(chunk)
    return folder / name, name, digest.hexdigest()


def run_context(request, kind: str) -> dict:
    """The background run named by ?run= (of this kind), for its progress box or its result."""
    raw = request.GET.get("run", "")
    if not raw.isdigit():
        return {}
    run = run_of(int(raw), kind)
    if run is None:
        return {}
    lang = lang_of(request)
    return {"run": run, "run_error": (run.error or {}).get(lang, "") if run.status == "failed" else ""}


LEVELS = (50, 80, 90, 95, 99)


def forecast_inputs(query) -> dict:
    """The forecast form's values (the command line's options), checked."""
    return {"origin": country(query, "origin", "KZ"), "destination": country(query, "destination", "RU"),
            "source": (query.get("source") or "uis")[:32], "since": whole(query, "since", None, 1900, 2100),
            "until": whole(query, "until", None, 1900, 2100), "horizon": whole(query, "horizon", 5, 1, 30),
            "level": whole(query, "level", 80, 1, 99)}


def run_forecast(inputs: dict, lang: str) -> dict:
    """A forecast and what the page and the API show of it; the series' last unbroken run when no
    first year is given."""
    from aqyl.app.flows import beats_naive, pair_series, series_forecast, unbroken_since
    from aqyl.domain.migration.forecast import METHOD_LABELS

    years = [r["year"] for r in pair_series(inputs["origin"], inputs["destination"], inputs["source"])
             if inputs["until"] is None or r["year"] <= inputs["until"]]
    since = inputs["since"] if inputs["since"] is not None else unbroken_since(years)
    result = series_forecast(inputs["origin"], inputs["destination"], inputs["source"], None, since, inputs["until"],
                             inputs["horizon"], inputs["level"])
    p = result.prediction
    ranked = sorted(result.mase.items(), key=lambda kv: kv[1])
    return {
        "since": result.history_years[0], "until": result.history_years[-1], "method": result.method,
        "method_label": METHOD_LABELS[result.method].get(lang), "level": result.level, "beats_naive": beats_naive(result),
        "backtest": [{"method": k, "label": METHOD_LABELS[k].get(lang), "mase": v, "chosen": k == result.method} for k, v in ranked],
        "history": [{"year": y, "count": c} for y, c in zip(result.history_years, result.history, strict=True)],
        "forecast": [{"year": y, "mean": a, "lower": lo, "upper": hi}
                     for y, a, lo, hi in zip(result.years, p.mean, p.lower, p.upper, strict=True)],
    }


def gravity_inputs(query) -> dict:
    """The model's data (source, years) and the what-if, as the command line's --set, --pull and
    --push write it; the form's fields build those strings."""
    sets, pulls, pushes = list(query.getlist("set")), list(query.getlist("pull")), list(query.getlist("push"))
    if query.get("set_cov") and query.get("set_value"):
        pair = f"{query.get('set_origin') or '*'}>{query.get('set_destination') or '*'}"
        sets.append(f"{query['set_cov']}={query['set_value']}:{pair}")
    if query.get("pull_country") and query.get("pull_factor"):
        pulls.append(f"{query['pull_country']}={query['pull_factor']}")
    if query.get("push_country") and query.get("push_factor"):
        pushes.append(f"{query['push_country']}={query['push_factor']}")
    return {"source": (query.get("source") or "uis")[:32], "since": whole(query, "since", None, 1900, 2100),
            "until": whole(query, "until", None, 1900, 2100), "origin": country(query, "origin", "KZ"),
            "year": whole(query, "year", None, 1900, 2100), "set": sets, "pull": pulls, "push": pushes}


def gravity_result(inputs: dict, lang: str) -> dict | None:
    """The kept fit's coefficients and the what-if from it; None while no fit of these flows is kept."""
    from aqyl.app.flows import default_year
    from aqyl.app.gravity import COVARIATE_LABELS, kept_fit, parse_changes, scenario, scenario_table, summary

    fit = kept_fit(inputs["source"], None, inputs["since"], inputs["until"])
    if fit is None:
        return None
    changes = parse_changes(inputs["set"], inputs["pull"], inputs["push"])
    year = inputs["year"]
    if year is None:  # the last year that is not a stub of early reports, if the model has it
        usual = default_year(inputs["origin"], inputs["source"])
        year = usual if usual in fit.years else None
    table = scenario_table(scenario(fit, changes, inputs["origin"], year))
    for r in table["rows"]:
        r["name"] = country_name(r["destination"], lang)
    out = summary(fit)
    for c in out["coefficients"]:
        c["label"] = COVARIATE_LABELS[c["name"]].get(lang)
    return {**out, "scenario": table, "changes": len(changes)}

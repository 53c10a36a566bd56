"""The gravity model of stored flows and its what-if scenarios. A fit is kept (its coefficients in
the run's result, its rows in a file beside the database) and reused until the flows it was fitted
on change; a scenario is then computed at once from the kept fit."""

from __future__ import annotations

import math

import polars as pl

from aqyl.analytics.gravity import (
    COVARIATE_LABELS,
    Change,
    Coefficient,
    GravityFit,
    fit_gravity,
    parse_change,
    what_if,
)
from aqyl.domain.errors import AqylError
from aqyl.store.flows import flows_frame


def gravity_params(source: str, population: str | None = None, since: int | None = None,
                   until: int | None = None) -> dict:
    return {"source": source, "population": population or None, "since": since, "until": until}


def fit_flows(source: str, population: str | None = None, since: int | None = None, until: int | None = None) -> GravityFit:
    frame = flows_frame(source, population, since, until)
    if not frame.height:
        raise AqylError("flows_none_stored", source=source)
    return fit_gravity(frame)


def summary(fit: GravityFit) -> dict:
    """What the page and the API show of a fit (JSON)."""
    return {"observations": fit.observations, "dropped_separated": fit.dropped, "years": fit.years,
            "pseudo_r2": None if math.isnan(fit.pseudo_r2) else fit.pseudo_r2, "unknown_countries": fit.unknown_countries,
            "coefficients": [{**vars(c), "effect_percent": c.effect_percent} for c in fit.coefficients.values()]}


def fit_and_keep(key: str, **params) -> dict:
    """Fit and keep the fit under ``key``; returns its summary."""
    from aqyl.app.jobs import results_dir

    fit = fit_flows(**params)
    fit.data.write_ipc(results_dir() / f"gravity-{key}.arrow")
    return summary(fit)


def kept_fit(source: str, population: str | None = None, since: int | None = None,
             until: int | None = None) -> GravityFit | None:
    """The kept fit of these flows as they are now, or None."""
    from aqyl.app import jobs

    run = jobs.find("gravity", gravity_params(source, population, since, until))
    if run is None or run.status != "done":
        return None
    path = jobs.results_dir() / f"gravity-{run.key}.arrow"
    if not path.exists():
        return None
    s = run.result
    coefficients = {c["name"]: Coefficient(c["name"], c["estimate"], c["std_error"], c["p_value"], c["lower"], c["upper"])
                    for c in s["coefficients"]}
    return GravityFit(coefficients, s["observations"], s["dropped_separated"], s["unknown_countries"], s["years"],
                      s["pseudo_r2"] if s["pseudo_r2"] is not None else float("nan"), pl.read_ipc(path))


def fit_or_kept(source: str, population: str | None = None, since: int | None = None, until: int | None = None) -> GravityFit:
    """The kept fit when the flows have not changed since, else a new one (kept for next time)."""
    from aqyl.app import jobs
    from aqyl.store import models as m

    found = kept_fit(source, population, since, until)
    if found is not None:
        return found
    params = gravity_params(source, population, since, until)
    key = jobs.run_key("gravity", params)
    fit = fit_flows(**params)
    fit.data.write_ipc(jobs.results_dir() / f"gravity-{key}.arrow")
    from django.utils import timezone

    m.AnalysisRun.objects.update_or_create(key=key, defaults={
        "kind": "gravity", "params": params, "status": "done", "done": 1, "total": 1, "result": summary(fit),
        "error": None, "finished_at": timezone.now()})
    return fit


def parse_changes(set_: list[str] | None = None, pull: list[str] | None = None, push: list[str] | None = None) -> list[Change]:
    """What-if changes as the command line (``--set``, ``--pull``, ``--push``) and the form write them."""
    return ([parse_change(x, "set") for x in set_ or [] if x.strip()] + [parse_change(x, "pull") for x in pull or [] if x.strip()]
            + [parse_change(x, "push") for x in push or [] if x.strip()])


def scenario(fit: GravityFit, changes: list[Change], origin: str, year: int | None = None) -> pl.DataFrame:
    """Observed, modelled and scenario flows from ``origin``, largest modelled first."""
    return what_if(fit, changes, year).filter(pl.col("origin") == origin).sort("fitted", descending=True)


def scenario_table(frame: pl.DataFrame, top: int = 15) -> dict:
    """The scenario as rows (with the change in %) and its totals."""
    rows = [{**r, "change": (r["scenario"] / r["fitted"] - 1) * 100 if r["fitted"] else None}
            for r in frame.head(top).iter_rows(named=True)]
    before, after = float(frame["fitted"].sum()), float(frame["scenario"].sum())
    return {"year": int(frame["year"][0]) if frame.height else None, "rows": rows,
            "total": {"count": float(frame["count"].sum()), "fitted": before, "scenario": after,
                      "change": (after / before - 1) * 100 if before else None}}


__all__ = ["COVARIATE_LABELS", "fit_or_kept", "kept_fit", "parse_changes", "scenario", "scenario_table", "summary"]

"""A gravity model of bilateral flows, estimated by PPML with two-way fixed effects.

The model (Santos Silva and Tenreyro's Poisson pseudo-maximum likelihood, with the multilateral
resistance terms of Anderson and van Wincoop absorbed by fixed effects):

    E[flow(o, d, t)] = exp(β₁·ln distance(o, d) + β₂·contiguity + β₃·common language
                           + β₄·both former USSR + α(o, t) + γ(d, t))

α(o, t) is everything about the origin in year t (population, incomes, push factors) and γ(d, t)
everything about the destination (pull factors, its universities' capacity). Only what varies
across pairs is left for the β's. Zero flows stay in the data: PPML is consistent with them,
where a log-linear OLS would have to drop them. Standard errors are clustered by country pair.

The covariates come from ``aqyl/data/country_facts.json`` (capitals' coordinates, land borders,
languages, the fifteen Union republics; source named in the file). pyfixest fits the model; it is
imported only here, when a model is asked for.

A *what-if* changes a covariate for some pairs, or shifts a country's fixed effect, and shows the
flows the model then predicts: with the model multiplicative, the new prediction of a pair is
its fitted flow times exp(β·ΔX + Δα + Δγ). Fixed effects are kept at their fitted values (a
partial equilibrium: the other countries' pull does not adjust).
"""

from __future__ import annotations

import json
import math
import warnings
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
import polars as pl

from aqyl.domain.errors import AqylError
from aqyl.domain.wording.catalogue import label

COVARIATES = ("log_distance", "contiguity", "common_language", "former_ussr")
COVARIATE_LABELS = {
    "log_distance": label("gravity_log_distance"), "contiguity": label("gravity_contiguity"),
    "common_language": label("gravity_common_language"), "former_ussr": label("gravity_former_ussr"),
}
MIN_PAIRS = 30  # fewer pairs than this cannot separate four effects from two-way fixed effects
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


class GravityError(AqylError):
    pass


@cache
def country_facts() -> dict:
    return json.loads(resources.files("aqyl.data").joinpath("country_facts.json").read_text("utf-8"))


def great_circle_km(lat1, lon1, lat2, lon2):
    """Haversine distance between points given in degrees; works on scalars and numpy arrays."""
    lat1, lon1, lat2, lon2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def pair_covariates(pairs: pl.DataFrame) -> pl.DataFrame:
    """Add the gravity covariates to a frame with ``origin`` and ``destination`` (ISO alpha-2).
    Pairs with a country the facts table lacks get nulls."""
    facts = country_facts()
    countries, ussr = facts["countries"], set(facts["former_ussr"])
    table = pl.DataFrame(
        [(iso, f["lat"], f["lon"], f["borders"], f["languages"], iso in ussr) for iso, f in countries.items()],
        schema={"iso": pl.String, "lat": pl.Float64, "lon": pl.Float64, "borders": pl.List(pl.String),
                "languages": pl.List(pl.String), "ussr": pl.Boolean}, orient="row")
    joined = (pairs.join(table.rename(lambda c: f"o_{c}"), left_on="origin", right_on="o_iso", how="left")
              .join(table.rename(lambda c: f"d_{c}"), left_on="destination", right_on="d_iso", how="left"))
    known = pl.col("o_lat").is_not_null() & pl.col("d_lat").is_not_null()
    km = great_circle_km(joined["o_lat"].to_numpy(), joined["o_lon"].to_numpy(),
                         joined["d_lat"].to_numpy(), joined["d_lon"].to_numpy())
    return joined.with_columns(
        pl.Series("distance_km", km).round(1),
        pl.when(known).then(pl.col("o_borders").list.contains(pl.col("destination")).cast(pl.Int8)).alias("contiguity"),
        pl.when(known).then((pl.col("o_languages").list.set_intersection(pl.col("d_languages")).list.len() > 0)
                            .cast(pl.Int8)).alias("common_language"),
        pl.when(known).then((pl.col("o_ussr") & pl.col("d_ussr")).cast(pl.Int8)).alias("former_ussr"),
    ).with_columns(
        # Capitals a few km apart (Vatican–Rome) would give ln 0; 10 km is the floor.
        pl.when(known).then(pl.col("distance_km").clip(lower_bound=10).log()).alias("log_distance"),
    ).drop([c for c in joined.columns if c.startswith(("o_", "d_"))])


@dataclass(frozen=True)
class Coefficient:
    name: str
    estimate: float
    std_error: float  # clustered by pair
    p_value: float
    lower: float  # 95% confidence interval
    upper: float

    @property
    def effect_percent(self) -> float:
        """For a 0/1 covariate: the % change in the flow when it switches on."""
        return (math.exp(self.estimate) - 1) * 100


@dataclass
class GravityFit:
    coefficients: dict[str, Coefficient]
    observations: int  # rows the model used
    dropped: int  # rows dropped because their fixed-effect group has only zero flows (separation)
    unknown_countries: list[str]  # left out: no facts for them
    years: list[int]
    pseudo_r2: float  # squared correlation of fitted and observed flows
    data: pl.DataFrame = field(repr=False)  # rows used, with covariates and ``fitted``


def fit_gravity(flows: pl.DataFrame, covariates: tuple[str, ...] = COVARIATES) -> GravityFit:
    """Fit the model to rows ``year, origin, destination, count`` (the flows store's shape).
    ``other`` destinations and flows within a country are left out; so are countries without
    facts, which the result lists."""
    rows = flows.select("year", "origin", "destination", pl.col("count").cast(pl.Float64)).filter(
        (pl.col("origin") != pl.col("destination")) & (pl.col("destination") != "other") & (pl.col("origin") != "other"))
    if rows.filter(pl.col("count") < 0).height:
        raise GravityError("gravity_negative")
    data = pair_covariates(rows)
    unknown = sorted(set(data.filter(pl.col("log_distance").is_null())["origin"].to_list()
                         + data.filter(pl.col("log_distance").is_null())["destination"].to_list())
                     - set(country_facts()["countries"]))
    data = data.filter(pl.col("log_distance").is_not_null())
    pairs = data.select("origin", "destination").unique().height
    if pairs < MIN_PAIRS or data["count"].sum() <= 0:
        raise GravityError("gravity_too_small", pairs=pairs, need=MIN_PAIRS)
    constant = [c for c in covariates if data[c].n_unique() < 2]
    if constant:  # a covariate that never varies cannot be told apart from the fixed effects
        covariates = tuple(c for c in covariates if c not in constant)
    data = data.with_columns(
        (pl.col("origin") + "_" + pl.col("year").cast(pl.String)).alias("origin_year"),
        (pl.col("destination") + "_" + pl.col("year").cast(pl.String)).alias("destination_year"),
        (pl.col("origin") + "_" + pl.col("destination")).alias("pair"),
    )
    import pandas
    import pyfixest

    # Column by column: polars' to_pandas() would need pyarrow, which the project does not install.
    frame = pandas.DataFrame({c: data[c].to_numpy() for c in ("count", *covariates, "origin_year",
                                                                "destination_year", "pair")})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # separation notices and pandas deprecations: counted below
        fit = pyfixest.fepois(f"count ~ {' + '.join(covariates)} | origin_year + destination_year",
                              data=frame, vcov={"CRV1": "pair"})
    kept = np.asarray(fit._data.index)
    fitted = np.zeros(data.height)
    fitted[kept] = fit.predict(type="response")
    data = data.with_columns(pl.Series("fitted", fitted)).with_row_index("row")
    used = data.filter(pl.col("row").is_in(kept.tolist())).drop("row")
    tidy = fit.tidy()
    coefficients = {str(name): Coefficient(str(name), float(r["Estimate"]), float(r["Std. Error"]), float(r["Pr(>|t|)"]),
                                      float(r["2.5%"]), float(r["97.5%"])) for name, r in tidy.iterrows()}
    observed, predicted = used["count"].to_numpy(), used["fitted"].to_numpy()
    r2 = float(np.corrcoef(observed, predicted)[0, 1] ** 2) if observed.std() > 0 else float("nan")
    return GravityFit(coefficients, used.height, data.height - used.height, unknown,
                      sorted(used["year"].unique().to_list()), r2, used)


@dataclass(frozen=True)
class Change:
    """One change of a what-if scenario.

    ``covariate`` set to ``value`` for the pairs matching ``origin``/``destination`` (None: any);
    ``log_distance`` is given as a distance factor (0.5 = half as far). Or, with
    ``covariate=None``, a country's pull (as destination) or push (as origin) scaled by
    ``factor`` (1.2 = 20% more of every flow to, or from, it)."""

    covariate: str | None
    value: float = 1.0
    origin: str | None = None
    destination: str | None = None


COVARIATE_NAMES = {"distance": "log_distance", **{c: c for c in COVARIATES}}


def parse_change(spec: str, kind: str = "set") -> Change:
    """Read one change as the command line writes it.

    ``set``: ``COVARIATE=VALUE[:ORIGIN>DESTINATION]``, e.g. ``former_ussr=0:KZ>RU`` or
    ``distance=0.5:KZ>*`` (a distance is given as a factor); ``pull`` and ``push``:
    ``COUNTRY=FACTOR``, e.g. ``DE=1.2`` (20% more flows to Germany)."""
    from aqyl.domain.classifiers import CLASSIFIERS

    try:
        target, _, pair = spec.partition(":")
        name, value_text = (part.strip() for part in target.split("=", 1))
        value = float(value_text.replace(",", "."))
        if kind in ("pull", "push"):
            country = CLASSIFIERS["country"].encode(name)
            return Change(None, value, origin=country if kind == "push" else None,
                          destination=country if kind == "pull" else None)
        origin = destination = None
        if pair:
            o, d = (part.strip() for part in pair.split(">", 1))
            origin = None if o in ("", "*") else CLASSIFIERS["country"].encode(o)
            destination = None if d in ("", "*") else CLASSIFIERS["country"].encode(d)
        if name not in COVARIATE_NAMES:
            raise GravityError("gravity_unknown_covariate", name=name, known=list(COVARIATE_NAMES))
        return Change(COVARIATE_NAMES[name], value, origin, destination)
    except (ValueError, AqylError) as error:
        if isinstance(error, GravityError):
            raise
        raise GravityError("gravity_bad_spec", spec=spec, kind=kind) from error


def what_if(fit: GravityFit, changes: list[Change], year: int | None = None) -> pl.DataFrame:
    """Fitted and scenario flows per pair for one year (default: the last fitted one)."""
    year = year if year is not None else fit.years[-1]
    rows = fit.data.filter(pl.col("year") == year)
    if not rows.height:
        raise GravityError("gravity_no_year", year=year, years=fit.years)
    shift = np.zeros(rows.height)
    for change in changes:
        match = np.ones(rows.height, dtype=bool)
        if change.origin:
            match &= (rows["origin"] == change.origin).to_numpy()
        if change.destination:
            match &= (rows["destination"] == change.destination).to_numpy()
        if change.covariate is None:
            if change.value <= 0:
                raise GravityError("gravity_bad_change", change=change.value)
            shift[match] += math.log(change.value)
            continue
        if change.covariate not in fit.coefficients:
            raise GravityError("gravity_unknown_covariate", name=change.covariate, known=list(fit.coefficients))
        beta = fit.coefficients[change.covariate].estimate
        current = rows[change.covariate].to_numpy().astype(float)
        if change.covariate == "log_distance":
            if change.value <= 0:
                raise GravityError("gravity_bad_change", change=change.value)
            new = current + math.log(change.value)
        else:
            new = np.full(rows.height, float(change.value))
        shift[match] += beta * (new - current)[match]
    return rows.select("year", "origin", "destination", "count", "fitted").with_columns(
        (pl.col("fitted") * pl.Series(np.exp(shift))).alias("scenario"))

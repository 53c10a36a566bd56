"""The gravity model: covariates from the shipped facts, recovery of known coefficients from
simulated flows, a statsmodels GLM cross-check, real OECD flows, what-ifs and their errors."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest

from aqyl.analytics.gravity import (
    Change,
    GravityError,
    country_facts,
    fit_gravity,
    great_circle_km,
    pair_covariates,
    parse_change,
    what_if,
)
from conftest import SHARED

TRUE = {"log_distance": -1.1, "contiguity": 0.6, "common_language": 0.9, "former_ussr": 1.5}
# Countries with a neighbour, a shared language and ex-USSR pairs among them, so all four vary.
COUNTRIES = ["KZ", "RU", "KG", "UZ", "TJ", "TM", "BY", "UA", "AM", "AZ", "GE", "MD", "LT", "LV", "EE", "CN", "MN",
             "TR", "IR", "AF", "PK", "IN", "DE", "FR", "GB", "US", "CA", "IT", "ES", "PL", "CZ", "AT", "CH", "NL",
             "BE", "KR", "JP", "MY", "AE", "SA", "EG", "AU", "SE", "FI", "NO", "HU", "RO", "BG", "GR", "PT"]


def simulate(countries: list[str], years: int, seed: int, scale: float = 14.0) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    pairs = pl.DataFrame([(o, d) for o in countries for d in countries if o != d], schema=["origin", "destination"],
                         orient="row")
    pairs = pair_covariates(pairs)
    frames = []
    for year in range(2010, 2010 + years):
        push = {c: rng.normal(0, 1) for c in countries}
        pull = {c: rng.normal(0, 1) for c in countries}
        eta = scale + sum(b * pairs[c].cast(pl.Float64).to_numpy() for c, b in TRUE.items())
        eta += pairs["origin"].replace_strict(push).to_numpy() + pairs["destination"].replace_strict(pull).to_numpy()
        frames.append(pairs.select("origin", "destination").with_columns(
            pl.lit(year).alias("year"), pl.Series("count", rng.poisson(np.exp(eta)).astype(float))))
    return pl.concat(frames)


def test_covariates_of_known_pairs():
    cov = pair_covariates(pl.DataFrame({"origin": ["KZ", "KZ", "KZ", "DE"], "destination": ["RU", "DE", "KG", "AT"]}))
    rows = {(r["origin"], r["destination"]): r for r in cov.iter_rows(named=True)}
    kz_ru = rows[("KZ", "RU")]
    # Astana (51.13 N, 71.43 E) to Moscow (55.75 N, 37.62 E): about 2,270 km along the great circle.
    assert 2_200 < kz_ru["distance_km"] < 2_330
    assert (kz_ru["contiguity"], kz_ru["common_language"], kz_ru["former_ussr"]) == (1, 1, 1)
    assert (rows[("KZ", "DE")]["contiguity"], rows[("KZ", "DE")]["common_language"], rows[("KZ", "DE")]["former_ussr"]) == (0, 0, 0)
    assert rows[("KZ", "KG")]["contiguity"] == 1
    assert (rows[("DE", "AT")]["contiguity"], rows[("DE", "AT")]["common_language"]) == (1, 1)
    assert math.isclose(kz_ru["log_distance"], math.log(kz_ru["distance_km"]), rel_tol=1e-3)


def test_great_circle_is_symmetric_and_a_quarter_meridian_is_10008_km():
    assert great_circle_km(0, 0, 90, 0) == pytest.approx(10_007.5, abs=1)
    assert great_circle_km(51.1, 71.4, 55.75, 37.6) == pytest.approx(great_circle_km(55.75, 37.6, 51.1, 71.4))


def test_facts_table_is_complete_and_borders_are_symmetric():
    facts = country_facts()
    countries = facts["countries"]
    assert len(countries) >= 240 and set(facts["former_ussr"]) <= set(countries) and len(facts["former_ussr"]) == 15
    for iso, f in countries.items():
        assert -90 <= f["lat"] <= 90 and -180 <= f["lon"] <= 180
        for other in f["borders"]:
            assert iso in countries[other]["borders"], (iso, other)
    assert countries["KZ"]["capital"] == "Astana"


def test_recovers_the_coefficients_flows_were_simulated_from():
    fit = fit_gravity(simulate(COUNTRIES, years=4, seed=7))
    assert fit.observations == len(COUNTRIES) * (len(COUNTRIES) - 1) * 4
    for name, truth in TRUE.items():
        c = fit.coefficients[name]
        assert abs(c.estimate - truth) < 0.05, (name, c.estimate)
        assert c.lower < truth < c.upper or abs(c.estimate - truth) < 3 * c.std_error
    assert fit.pseudo_r2 > 0.99


def test_matches_a_statsmodels_glm_with_dummies():
    import statsmodels.api as sm

    flows = simulate(COUNTRIES[:14], years=2, seed=3, scale=6.0)  # small: zeros appear, dummies stay few
    fit = fit_gravity(flows)
    data = fit.data.to_dicts()
    names = list(fit.coefficients)
    origin_fe = sorted({f"{r['origin']}o{r['year']}" for r in data})
    # One destination level per year is dropped: the origin-year dummies already sum to that year.
    dest_fe = sorted({f"{r['destination']}d{r['year']}" for r in data})
    dropped = {min(k for k in dest_fe if k.endswith(str(y))) for y in {r["year"] for r in data}}
    col = {k: i for i, k in enumerate(origin_fe + [k for k in dest_fe if k not in dropped])}
    x = np.zeros((len(data), len(names) + len(col)))
    for i, r in enumerate(data):
        x[i, : len(names)] = [float(r[n]) for n in names]
        for key in (f"{r['origin']}o{r['year']}", f"{r['destination']}d{r['year']}"):
            if key in col:
                x[i, len(names) + col[key]] = 1.0
    y = np.array([r["count"] for r in data])
    glm = sm.GLM(y, x, family=sm.families.Poisson()).fit(tol=1e-12, maxiter=200)
    for j, name in enumerate(names):
        assert fit.coefficients[name].estimate == pytest.approx(glm.params[j], abs=1e-4), name
    np.testing.assert_allclose(fit.data["fitted"].to_numpy(), glm.fittedvalues, rtol=1e-4)


def test_what_if_multiplies_by_the_coefficient():
    fit = fit_gravity(simulate(COUNTRIES, years=2, seed=11))
    beta = fit.coefficients["former_ussr"].estimate
    base = what_if(fit, [])
    assert np.allclose(base["scenario"].to_numpy(), base["fitted"].to_numpy())
    out = what_if(fit, [Change("former_ussr", 0, origin="KZ", destination="RU")]).filter(pl.col("origin") == "KZ")
    kz_ru = out.filter(pl.col("destination") == "RU").row(0, named=True)
    assert kz_ru["scenario"] == pytest.approx(kz_ru["fitted"] * math.exp(-beta))
    others = out.filter(pl.col("destination") != "RU")
    assert np.allclose(others["scenario"].to_numpy(), others["fitted"].to_numpy())
    half = what_if(fit, [Change("log_distance", 0.5, origin="KZ")]).filter(pl.col("origin") == "KZ")
    gamma = fit.coefficients["log_distance"].estimate
    assert np.allclose(half["scenario"].to_numpy(), half["fitted"].to_numpy() * 0.5**gamma)
    pull = what_if(fit, [Change(None, 1.2, destination="DE")])
    to_de = pull.filter(pl.col("destination") == "DE")
    assert np.allclose(to_de["scenario"].to_numpy(), 1.2 * to_de["fitted"].to_numpy())


def test_parse_change_and_its_errors():
    assert parse_change("former_ussr=0:KZ>RU") == Change("former_ussr", 0.0, "KZ", "RU")
    assert parse_change("distance=0,5:Kazakhstan>*") == Change("log_distance", 0.5, "KZ", None)
    assert parse_change("Германия=1.2", "pull") == Change(None, 1.2, None, "DE")
    assert parse_change("KZ=0.8", "push") == Change(None, 0.8, "KZ", None)
    with pytest.raises(GravityError) as e:
        parse_change("former_ussr:KZ>RU")
    assert "--set former_ussr=0:KZ>RU" in e.value.message("en")
    with pytest.raises(GravityError) as e:
        parse_change("gdp=2")
    assert "gdp" in e.value.message("ru") and "common_language" in e.value.message("ru")


def test_errors_say_what_is_wrong():
    tiny = simulate(["KZ", "RU", "KG", "UZ"], years=2, seed=1)
    with pytest.raises(GravityError) as e:
        fit_gravity(tiny)
    assert e.value.key == "gravity_too_small" and "12" in e.value.message("kk")
    with pytest.raises(GravityError):
        fit_gravity(simulate(COUNTRIES[:10], 2, 1).with_columns(pl.lit(-1.0).alias("count")))
    fit = fit_gravity(simulate(COUNTRIES[:10], 2, 1))
    with pytest.raises(GravityError) as e:
        what_if(fit, [], year=1999)
    assert "2010, 2011" in e.value.message("en")
    with pytest.raises(GravityError):
        what_if(fit, [Change(None, 0.0, destination="RU")])


OECD = SHARED / "datasets/oecd-intl-students/OECD_Intl_Student_Enrollment_2013_2019.csv"


@pytest.mark.skipif(not OECD.exists(), reason="shared datasets are not beside the project")
def test_real_oecd_student_flows():
    from aqyl.importers.flows import read_flows

    fit = fit_gravity(read_flows(OECD, "oecd", "").frame)
    c = fit.coefficients
    # Students go less far and more to where their language is spoken; ex-Soviet ties matter.
    assert -1.1 < c["log_distance"].estimate < -0.7 and c["log_distance"].p_value < 0.001
    assert c["common_language"].estimate > 1 and c["former_ussr"].estimate > 1.5
    assert fit.years == list(range(2013, 2020)) and fit.observations > 50_000 and fit.pseudo_r2 > 0.8
    kz = what_if(fit, []).filter(pl.col("origin") == "KZ")
    # PPML's fitted flows add up to the observed ones for every origin-year.
    assert kz["fitted"].sum() == pytest.approx(kz["count"].sum(), rel=1e-5)


def test_gravity_command_with_a_what_if(tmp_path, aqyl):
    import json

    path = tmp_path / "flows.csv"
    simulate(COUNTRIES[:20], years=3, seed=5).with_columns(
        pl.lit("students").alias("population"), pl.lit("canonical").alias("source")
    ).select("year", "origin", "destination", "count", "population", "source").write_csv(path)
    assert aqyl("flows", "import", str(path), "--source", "canonical").returncode == 0
    done = aqyl("migration", "gravity", "--source", "canonical", "--set", "former_ussr=0:KZ>RU", "--pull", "CN=2",
                "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["years"] == [2010, 2011, 2012] and out["observations"] == 20 * 19 * 3
    beta = {c["name"]: c["estimate"] for c in out["coefficients"]}
    assert abs(beta["former_ussr"] - TRUE["former_ussr"]) < 0.1
    rows = {r["destination"]: r for r in out["what_if"]}
    assert rows["RU"]["scenario"] == pytest.approx(rows["RU"]["fitted"] * math.exp(-beta["former_ussr"]))
    assert rows["CN"]["scenario"] == pytest.approx(2 * rows["CN"]["fitted"])
    table = aqyl("migration", "gravity", "--source", "canonical", "--lang", "kk")
    assert table.returncode == 0 and "Ортақ тіл" in table.stdout and "Бақылаулар: 1,140" in table.stdout
    bad = aqyl("migration", "gravity", "--source", "uis", "--lang", "ru")
    assert bad.returncode == 2 and "Сначала загрузите" in bad.stderr and "Traceback" not in bad.stderr
    bad = aqyl("migration", "gravity", "--source", "canonical", "--set", "gdp=2", "--lang", "en")
    assert bad.returncode == 2 and "no covariate “gdp”" in bad.stderr

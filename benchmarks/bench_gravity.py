"""PPML gravity model with origin-year and destination-year fixed effects, at the issue's size.

    .venv/bin/python benchmarks/bench_gravity.py [--countries 200] [--years 20] [--repeat 3]

Flows are simulated from known coefficients over the real covariates of the first --countries
countries of the shipped facts table (every ordered pair, every year: 200 × 199 × 20 = 796,000
rows, 8,000 fixed effects). Timed: ``fit_gravity`` end to end (covariate join, pyfixest fepois
with clustered errors, fitted values), and a what-if on the result. Target (issue 6): ≤ 30 s.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import polars as pl

from aqyl.analytics.gravity import Change, country_facts, fit_gravity, pair_covariates, what_if

TRUE = {"log_distance": -1.0, "contiguity": 0.5, "common_language": 0.8, "former_ussr": 1.2}


def simulate(countries: int, years: int, seed: int = 1) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    isos = list(country_facts()["countries"])[:countries]
    pairs = pair_covariates(pl.DataFrame([(o, d) for o in isos for d in isos if o != d],
                                         schema=["origin", "destination"], orient="row"))
    o_index = pairs["origin"].replace_strict({c: i for i, c in enumerate(isos)}).to_numpy()
    d_index = pairs["destination"].replace_strict({c: i for i, c in enumerate(isos)}).to_numpy()
    base = 8.0 + sum(b * pairs[c].cast(pl.Float64).to_numpy() for c, b in TRUE.items())
    frames = []
    for year in range(2000, 2000 + years):
        eta = base + rng.normal(0, 1.5, countries)[o_index] + rng.normal(0, 1.5, countries)[d_index]
        frames.append(pairs.select("origin", "destination").with_columns(
            pl.lit(year).alias("year"), pl.Series("count", rng.poisson(np.exp(eta)).astype(float))))
    return pl.concat(frames)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    flows = simulate(args.countries, args.years)
    zeros = flows.filter(pl.col("count") == 0).height / flows.height
    print(f"{flows.height:,} rows, {zeros:.0%} zeros, {2 * args.countries * args.years:,} fixed effects")
    fits, scenarios = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        fit = fit_gravity(flows)
        fits.append(time.perf_counter() - started)
        started = time.perf_counter()
        what_if(fit, [Change("former_ussr", 0), Change(None, 1.2, destination="DE")])
        scenarios.append(time.perf_counter() - started)
    for name, c in fit.coefficients.items():
        print(f"  {name:16} {c.estimate:+.4f} (true {TRUE[name]:+.1f}, s.e. {c.std_error:.4f})")
    print(f"fit_gravity: median {statistics.median(fits):.2f} s (runs: {', '.join(f'{t:.2f}' for t in fits)}); "
          f"what-if: {statistics.median(scenarios) * 1000:.0f} ms; {fit.observations:,} rows used, "
          f"{fit.dropped:,} dropped by separation")


if __name__ == "__main__":
    main()

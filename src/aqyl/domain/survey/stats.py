"""The statistics of a survey, on plain numpy arrays (NaN for a missing answer): reliability,
item-total correlations, cross-tabulation and group comparisons. The formulas are the textbook
ones, checked against pingouin and scipy in tests/test_survey.py."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats


@dataclass(frozen=True)
class Alpha:
    alpha: float
    lower: float  # confidence interval (Feldt's F-based interval)
    upper: float
    n: int  # respondents who answered every item (listwise)
    k: int


def cronbach_alpha(answers: np.ndarray, ci: float = 0.95) -> Alpha:
    """Cronbach's alpha of an n × k matrix of scored answers, on the respondents who answered
    every item; the interval after Feldt (1965), as pingouin gives it."""
    complete = answers[~np.isnan(answers).any(axis=1)]
    n, k = complete.shape
    if n < 2 or k < 2:
        return Alpha(float("nan"), float("nan"), float("nan"), n, k)
    total = complete.sum(axis=1).var(ddof=1)
    alpha = k / (k - 1) * (1 - complete.var(axis=0, ddof=1).sum() / total) if total > 0 else float("nan")
    df1, df2 = n - 1, (n - 1) * (k - 1)
    lower = 1 - (1 - alpha) * stats.f.isf((1 - ci) / 2, df1, df2)
    upper = 1 - (1 - alpha) * stats.f.isf(1 - (1 - ci) / 2, df1, df2)
    return Alpha(float(alpha), float(lower), float(upper), n, k)


def item_total(answers: np.ndarray) -> list[tuple[float, float]]:
    """For each item: its corrected item-total correlation (with the sum of the other items) and
    the scale's alpha without it, on complete answers."""
    complete = answers[~np.isnan(answers).any(axis=1)]
    out = []
    for j in range(complete.shape[1]):
        rest = np.delete(complete, j, axis=1)
        r = _pearson(complete[:, j], rest.sum(axis=1))
        out.append((r, cronbach_alpha(rest).alpha if rest.shape[1] >= 2 else float("nan")))
    return out


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 3 or x.std() == 0 or y.std() == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


@dataclass(frozen=True)
class Describe:
    n: int
    missing: int
    mean: float
    sd: float
    median: float


def describe(values: np.ndarray) -> Describe:
    known = values[~np.isnan(values)]
    if not len(known):
        return Describe(0, len(values), float("nan"), float("nan"), float("nan"))
    sd = float(known.std(ddof=1)) if len(known) > 1 else float("nan")
    return Describe(len(known), len(values) - len(known), float(known.mean()), sd, float(np.median(known)))


@dataclass(frozen=True)
class ChiSquare:
    chi2: float
    dof: int
    p: float
    cramers_v: float
    n: int
    small_expected: float  # share of cells expected below 5 (the test is unreliable above 0.2)


def chi_square(table: np.ndarray) -> ChiSquare:
    """Pearson's chi-square test of independence on a contingency table (no continuity
    correction) and Cramér's V. Rows or columns with no answers are dropped first."""
    table = np.asarray(table, dtype=float)
    table = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
    n = int(table.sum())
    if min(table.shape) < 2:
        return ChiSquare(float("nan"), 0, float("nan"), float("nan"), n, float("nan"))
    chi2, p, dof, expected = stats.chi2_contingency(table, correction=False)
    v = float(np.sqrt(chi2 / (n * (min(table.shape) - 1))))
    return ChiSquare(float(chi2), int(dof), float(p), v, n, float((expected < 5).mean()))


@dataclass(frozen=True)
class Comparison:
    test: str  # "welch_t" or "anova"
    statistic: float
    df: tuple[float, ...]
    p: float
    effect: float  # Cohen's d (two groups, pooled SD) or eta squared (more groups)
    effect_name: str


def compare_groups(groups: list[np.ndarray]) -> Comparison | None:
    """Two groups: Welch's t-test with Cohen's d; more: one-way ANOVA with eta squared. Missing
    values are left out; a group with fewer than two answers is not compared."""
    groups = [g[~np.isnan(g)] for g in groups]
    groups = [g for g in groups if len(g) >= 2]
    if len(groups) < 2:
        return None
    if len(groups) == 2:
        x, y = groups
        t = stats.ttest_ind(x, y, equal_var=False)
        vx, vy = x.var(ddof=1), y.var(ddof=1)
        nx, ny = len(x), len(y)
        pooled = np.sqrt(((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2))
        d = (x.mean() - y.mean()) / pooled if pooled > 0 else float("nan")
        dof = (vx / nx + vy / ny) ** 2 / ((vx / nx) ** 2 / (nx - 1) + (vy / ny) ** 2 / (ny - 1))
        return Comparison("welch_t", float(t.statistic), (float(dof),), float(t.pvalue), float(d), "cohen_d")
    f = stats.f_oneway(*groups)
    everything = np.concatenate(groups)
    between = sum(len(g) * (g.mean() - everything.mean()) ** 2 for g in groups)
    total = ((everything - everything.mean()) ** 2).sum()
    df1, df2 = len(groups) - 1, len(everything) - len(groups)
    return Comparison("anova", float(f.statistic), (df1, df2), float(f.pvalue),
                      float(between / total) if total > 0 else float("nan"), "eta_squared")

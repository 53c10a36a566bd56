"""A survey's analysis as one model (plain data, codes not words): scale scores and their
reliability, item descriptives and answer distributions, the choice items' counts, and — split
by a grouping variable — scale means compared across groups and cross-tabulations.

Missing answers, as stated in every output: an empty cell is a missing answer, never a zero.
A respondent's scale score is the mean of their answered items of the scale when they answered
at least half of them (``MIN_ANSWERED``), else missing. Alpha and item-total correlations use the
respondents who answered every item of the scale (listwise). Descriptives, group comparisons and
cross-tabs use every respondent with a value (pairwise).
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np

from aqyl.domain.survey.instrument import Instrument
from aqyl.domain.survey.stats import chi_square, compare_groups, cronbach_alpha, describe, item_total

MIN_ANSWERED = 0.5


def _num(x: float) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), 4)


def scored_matrix(instrument: Instrument, answers: dict[str, list], item_ids: tuple[str, ...]) -> np.ndarray:
    """Respondents × items, reversed items turned round, NaN where unanswered."""
    columns = []
    for item_id in item_ids:
        item = instrument.item(item_id)
        columns.append([np.nan if v is None else instrument.score(item, v) for v in answers[item_id]])
    return np.array(columns, dtype=float).T if columns else np.empty((0, 0))


def scale_scores(matrix: np.ndarray, min_share: float = MIN_ANSWERED) -> np.ndarray:
    answered = (~np.isnan(matrix)).sum(axis=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a respondent with no answer: NaN, as wanted
        means = np.nanmean(matrix, axis=1)
    return np.where(answered >= math.ceil(min_share * matrix.shape[1]), means, np.nan)


def group_values(instrument: Instrument, answers: dict[str, list], group: str) -> list[str | None]:
    derived = next((d for d in instrument.derived if d.id == group), None)
    if derived is None:
        return list(answers[group])
    return [derived.mapping.get(v) if v is not None else None for v in answers[derived.source]]


def analyze(instrument: Instrument, answers: dict[str, list], n: int, by: str | None = None) -> dict[str, Any]:
    present = {i for i, values in answers.items() if any(v is not None for v in values)}
    model: dict[str, Any] = {"instrument": instrument.name, "respondents": n, "by": by,
                             "min_answered": MIN_ANSWERED, "scales": [], "items": [], "choices": []}
    scores: dict[str, np.ndarray] = {}
    for scale in instrument.scales:
        used = tuple(i for i in scale.items if i in present)
        if not used:
            continue
        matrix = scored_matrix(instrument, answers, used)
        scores[scale.id] = scale_scores(matrix)
        alpha = cronbach_alpha(matrix)
        d = describe(scores[scale.id])
        model["scales"].append({
            "scale": scale.id, "items": list(used), "left_out": [i for i in scale.items if i not in used],
            "n": d.n, "missing": d.missing, "mean": _num(d.mean), "sd": _num(d.sd), "median": _num(d.median),
            "alpha": _num(alpha.alpha), "alpha_ci": [_num(alpha.lower), _num(alpha.upper)], "alpha_n": alpha.n,
        })
        for item_id, (r, without) in zip(used, item_total(matrix), strict=True):
            raw = np.array([np.nan if v is None else v for v in answers[item_id]], dtype=float)
            di = describe(raw)
            counts = [int((raw == k).sum()) for k in range(1, instrument.points + 1)]
            model["items"].append({
                "item": item_id, "scale": scale.id, "reversed": instrument.item(item_id).reversed,
                "n": di.n, "missing": di.missing, "mean": _num(di.mean), "sd": _num(di.sd), "median": _num(di.median),
                "counts": counts, "item_total_r": _num(r), "alpha_if_deleted": _num(without),
            })
    for item in instrument.choices:
        if item.id not in present:
            continue
        values = answers[item.id]
        tally: dict[str, int] = {}
        for v in values:
            if v is not None:
                tally[v] = tally.get(v, 0) + 1
        model["choices"].append({"item": item.id, "counts": dict(sorted(tally.items(), key=lambda kv: -kv[1])),
                                 "missing": sum(v is None for v in values)})
    if by:
        model["groups"] = _by_group(instrument, answers, by, scores, present)
    return model


def _by_group(instrument: Instrument, answers: dict[str, list], by: str, scores: dict[str, np.ndarray],
              present: set[str]) -> dict[str, Any]:
    labels = group_values(instrument, answers, by)
    order = [c for c in instrument.group_answers(by).codes if c in set(labels)]
    # A group needs two respondents to have a mean and a spread.
    counts = {g: labels.count(g) for g in order}
    groups = [g for g in order if counts[g] >= 2]
    out: dict[str, Any] = {"by": by, "counts": counts, "compared": groups, "missing": labels.count(None),
                           "scales": [], "crosstabs": []}
    for scale_id, score in scores.items():
        parts = [score[[i for i, g in enumerate(labels) if g == group]] for group in groups]
        result = compare_groups(parts)
        out["scales"].append({
            "scale": scale_id,
            "groups": {g: {"n": describe(p).n, "mean": _num(describe(p).mean), "sd": _num(describe(p).sd)}
                       for g, p in zip(groups, parts, strict=True)},
            "test": None if result is None else {
                "name": result.test, "statistic": _num(result.statistic), "df": [_num(x) for x in result.df],
                "p": _num(result.p), "effect": _num(result.effect), "effect_name": result.effect_name},
        })
    def source_of(item_id: str) -> str:
        return next((d.source for d in instrument.derived if d.id == item_id), item_id)

    for item_id in [i.id for i in instrument.choices] + [d.id for d in instrument.derived]:
        # An item crossed with itself, or with what it is recoded from, tells nothing.
        if source_of(item_id) not in present or source_of(item_id) == source_of(by):
            continue
        values = group_values(instrument, answers, item_id)
        options = [c for c in instrument.group_answers(item_id).codes if c in set(values)]
        table = np.array([[sum(1 for g, v in zip(labels, values, strict=True) if g == group and v == option)
                           for option in options] for group in order], dtype=float)
        if table.size == 0:
            continue
        test = chi_square(table)
        out["crosstabs"].append({
            "item": item_id, "options": options, "groups": order, "table": table.astype(int).tolist(),
            "chi2": _num(test.chi2), "df": test.dof, "p": _num(test.p), "cramers_v": _num(test.cramers_v),
            "n": test.n, "small_expected": _num(test.small_expected),
        })
    return out

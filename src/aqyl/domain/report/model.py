"""Build the report model from counted figures.

Input ("facts") is what a storage adapter counted for each period and direction: a total,
distinct counts, and one {code: count} mapping per breakdown. The model adds what a reader needs:
every classifier code present (zeros where nothing was counted), shares, rankings, growth against
the comparison period, and the two periods' country sets side by side (Table 3 of the note).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aqyl.domain.classifiers import DEGREE, FIELD, FORMAT, HEI_TYPE, STUDY_LEVEL
from aqyl.domain.report.growth import Growth
from aqyl.domain.report.regions import by_group

DIRECTIONS = ("outgoing", "incoming")
BREAKDOWNS = ("by_hei_type", "by_format", "by_degree", "by_study_level", "by_field", "by_country", "by_programme")
# Breakdowns whose every code is shown, zeros included, in classifier order (the note's tables list all
# fields and degrees); the others list only what occurred, largest first.
FULL_CODE_LISTS = {
    "by_hei_type": [c for c in HEI_TYPE.codes if c != "international"],
    "by_format": list(FORMAT.codes),
    "by_degree": list(DEGREE.codes),
    "by_study_level": list(STUDY_LEVEL.codes),
    "by_field": [c for c in FIELD.codes if c != "12"],
}


def share(count: int, total: int) -> float:
    return round(count / total * 100, 1) if total else 0.0


def _breakdown(name: str, counts: Mapping[str, int]) -> dict[str, int]:
    if name in FULL_CODE_LISTS:
        codes = FULL_CODE_LISTS[name] + sorted(set(counts) - set(FULL_CODE_LISTS[name]))
        return {c: int(counts.get(c, 0)) for c in codes}
    return dict(sorted(((c, int(n)) for c, n in counts.items() if n), key=lambda kv: (-kv[1], kv[0])))


def direction_model(facts: Mapping[str, Any]) -> dict[str, Any]:
    total = int(facts["total"])
    model: dict[str, Any] = {"total": total}
    for key in ("kz_heis", "foreign_heis", "countries"):
        if key in facts:
            model[key] = int(facts[key])
    for name in BREAKDOWNS:
        if name in facts:
            model[name] = _breakdown(name, facts[name])
    if "by_hei" in facts:
        model["by_hei"] = sorted(
            (dict(row) for row in facts["by_hei"]),
            key=lambda r: (FULL_CODE_LISTS["by_hei_type"].index(r["hei_type"]) if r["hei_type"] in
                           FULL_CODE_LISTS["by_hei_type"] else 99, -r["count"], r["hei"]),
        )
    model["shares"] = {
        name: {code: share(n, total) for code, n in model[name].items()} for name in BREAKDOWNS if name in model
    }
    if "by_country" in model:
        model["by_group"] = by_group(model["by_country"])
        model["shares"]["by_group"] = {g: share(v["count"], total) for g, v in model["by_group"].items()}
    return model


def build_report(facts: Mapping[str, Mapping[str, Any]], period: str, compare: str | None,
                 meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The report model: ``{"meta": …, "periods": {period: {"outgoing", "incoming", "both"}}, "growth": …,
    "country_sets": …}``. ``facts`` maps a period code to its directions' facts (and "both")."""
    periods: dict[str, Any] = {}
    for code in [period] + ([compare] if compare else []):
        if code not in facts:
            continue
        p = facts[code]
        periods[code] = {d: direction_model(p[d]) for d in (*DIRECTIONS, "both") if d in p}
    report: dict[str, Any] = {"meta": {"period": period, "compare": compare, **(meta or {})}, "periods": periods}
    if compare and compare in periods and period in periods:
        report["growth"] = _growth(periods[compare], periods[period])
        report["country_sets"] = _country_sets(periods[compare]["both"], periods[period]["both"], compare, period)
    return report


def _growth(previous: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for d in (*DIRECTIONS, "both"):
        if d not in previous or d not in current:
            continue
        g: dict[str, Any] = {"total": Growth(previous[d]["total"], current[d]["total"]).as_dict()}
        for name in ("by_hei_type", "by_degree", "by_study_level", "by_format"):
            if name in previous[d] and name in current[d]:
                g[name] = {
                    code: Growth(previous[d][name].get(code, 0), n).as_dict() for code, n in current[d][name].items()
                }
        out[d] = g
    return out


def _country_sets(previous: Mapping[str, Any], current: Mapping[str, Any], prev_code: str, cur_code: str) -> dict:
    before, now = set(previous.get("by_country", {})), set(current.get("by_country", {}))
    return {
        prev_code: sorted(before), cur_code: sorted(now),
        "both": sorted(before & now), "only_" + prev_code: sorted(before - now), "only_" + cur_code: sorted(now - before),
    }

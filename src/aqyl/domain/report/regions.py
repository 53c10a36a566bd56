"""Partner countries grouped as the 2023 note groups them (CIS, Europe, Middle East, Asia, …, with
"far abroad" as every group but the CIS), and the rule that diagnoses a group's change.

The rule, the same in every language and the note's one materiality threshold: compare two shares
exactly (not the rounded ones). A difference of at least STEADY_BAND percentage points up is "gains
weight" ("grew", "higher"), as much down is "loses weight" ("fell"), anything smaller is "holds
steady" ("no marked change", and never "higher"). It decides a group's change between the two
periods (the regions' table and sentences, the conclusion) and the comparison of two directions'
shares (the degrees' "higher share"); the note states it once, in its method paragraph.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

STEADY_BAND = 5.0  # percentage points
OTHER = "other"


@cache
def _data() -> dict[str, Any]:
    return json.loads(resources.files("aqyl.data").joinpath("country_groups.json").read_text("utf-8"))


def groups() -> tuple[str, ...]:
    return tuple(_data()["order"])


def far_abroad() -> tuple[str, ...]:
    return tuple(_data()["far_abroad"])


def group_name(group: str, lang: str) -> str:
    data = _data()
    if group == "far_abroad":
        return data["far_abroad_name"][lang]
    return data["names"][group][lang]


@cache
def _member_of() -> dict[str, str]:
    return {code: g for g, codes in _data()["members"].items() for code in codes}


def group_of(country: str) -> str:
    return _member_of().get(country, OTHER)


def by_group(by_country: Mapping[str, int]) -> dict[str, dict[str, Any]]:
    """Each group with participants: its count and its countries, largest first (ties by code), in
    the groups' fixed order; plus "far_abroad", the sum of every group but the CIS."""
    out: dict[str, dict[str, Any]] = {}
    for g in (*groups(), OTHER):
        members = {c: n for c, n in by_country.items() if n and group_of(c) == g}
        if members:
            ranked = dict(sorted(members.items(), key=lambda kv: (-kv[1], kv[0])))
            out[g] = {"count": sum(members.values()), "countries": ranked}
    far = sum(v["count"] for g, v in out.items() if g != "cis")
    out["far_abroad"] = {"count": far, "countries": {}}
    return out


def material(delta: float) -> str:
    """"gains", "loses" or "steady" for a difference of two shares, in percentage points."""
    if delta >= STEADY_BAND:
        return "gains"
    if delta <= -STEADY_BAND:
        return "loses"
    return "steady"


def share_change(previous: int, previous_total: int, current: int, current_total: int) -> str:
    """A share's change by the rule above, a group new in the period included (its share grew from 0)."""
    if not previous_total or not current_total:
        return "steady"
    return material(current / current_total * 100 - previous / previous_total * 100)


def diagnosis(previous: int, previous_total: int, current: int, current_total: int) -> str:
    """"gains", "loses" or "steady" by the share rule above; "new" when the group had no one before."""
    if not previous_total or not current_total:
        return "steady"
    if previous == 0:
        return "new" if current else "steady"
    return share_change(previous, previous_total, current, current_total)

"""Origin→destination flows: who the sources are, what they count, and how their country names
become ISO codes. The column maps are data (``aqyl/data/flow_sources.json``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from aqyl.domain.classifiers import COUNTRY
from aqyl.domain.i18n import Label, normalize

OTHER = "other"  # the rest of the world, as UIS's "Other countries"


@dataclass(frozen=True)
class FlowSource:
    code: str
    label: Label
    definition: Label
    population: str  # '' when each row says (the canonical format)
    layout: str  # long or wide
    columns: dict[str, str]
    top_n: int | None = None  # the source lists only each origin's N main destinations (UIS: 10)


@cache
def _data() -> dict:
    return json.loads(resources.files("aqyl.data").joinpath("flow_sources.json").read_text("utf-8"))


def sources() -> dict[str, FlowSource]:
    return {code: FlowSource(code, Label(**s["label"]), Label(**s["definition"]), s["population"], s["layout"], s["columns"],
                       s.get("top_n"))
            for code, s in _data()["sources"].items()}


def populations() -> dict[str, Label]:
    return {code: Label(**label) for code, label in _data()["populations"].items()}


@cache
def _fixes() -> dict[str, str]:
    data = _data()
    fixes = {normalize(name): code for name, code in data["names"].items()}
    fixes |= {normalize(name): OTHER for name in data["other"]}
    fixes |= {normalize(name): "" for name in data["not_countries"]}
    return fixes


def country_of(name: str) -> str:
    """ISO alpha-2, ``other`` for the rest of the world, or '' for a region or an aggregate."""
    key = normalize(name)
    if key in _fixes():
        return _fixes()[key]
    return COUNTRY.lookup(name) or ""

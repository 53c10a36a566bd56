"""Countries: all of ISO 3166-1, labelled from CLDR in kk/ru/en, with Kazakhstani overrides.

Parsing accepts alpha-2, alpha-3, numeric codes, CLDR names in the three languages, ISO names
(pycountry) and the aliases in ``aqyl/data/countries.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry
from babel import Locale

from aqyl.domain.classifiers.base import Code, CodeTable
from aqyl.domain.i18n import LANGUAGES, Label


@dataclass(frozen=True)
class Country(Code):
    alpha3: str = ""
    numeric: str = ""


def _data() -> dict:
    return json.loads(resources.files("aqyl.data").joinpath("countries.json").read_text("utf-8"))


@cache
def country_table() -> CodeTable[Country]:
    data = _data()
    territories = {lang: Locale(lang).territories for lang in LANGUAGES}
    overrides: dict[str, dict[str, str]] = data["label_overrides"]
    entries = []
    for iso in pycountry.countries:
        a2 = iso.alpha_2
        names = {lang: overrides.get(a2, {}).get(lang) or territories[lang][a2] for lang in LANGUAGES}
        aliases = {iso.alpha_3, iso.numeric, iso.name}
        aliases |= {getattr(iso, attr) for attr in ("official_name", "common_name") if hasattr(iso, attr)}
        aliases |= {territories[lang][a2] for lang in LANGUAGES}  # CLDR names stay valid after an override
        aliases |= set(data["aliases"].get(a2, []))
        aliases -= set(names.values()) | {a2}
        entries.append(Country(a2, Label(**names), tuple(sorted(aliases)), iso.alpha_3, iso.numeric))
    return CodeTable("country", Label("Ел", "Страна", "Country"), entries)

"""Every classifier of the register, by name (``CLASSIFIERS["country"]``)."""

from __future__ import annotations

from aqyl.domain.classifiers.base import Code, CodeTable
from aqyl.domain.classifiers.countries import Country, country_table
from aqyl.domain.classifiers.periods import Period, academic_year_of, half_year, half_year_of, parse_period
from aqyl.domain.classifiers.tables import (
    CATEGORY,
    DEGREE,
    DIRECTION,
    EMPLOYMENT,
    FIELD,
    FORMAT,
    FUNDING,
    GENDER,
    HEI_PROFILE,
    HEI_TYPE,
    OBLIGATION,
    PROGRAMME,
    PROGRAMME_LEVEL,
    REGION,
    STUDY_LEVEL,
    YES_NO,
    Field,
    Programme,
)

COUNTRY = country_table()

CLASSIFIERS: dict[str, CodeTable] = {
    t.name: t
    for t in (
        HEI_TYPE, HEI_PROFILE, DIRECTION, CATEGORY, FORMAT, DEGREE, STUDY_LEVEL, FIELD, PROGRAMME,
        PROGRAMME_LEVEL, FUNDING, GENDER, REGION, COUNTRY, YES_NO, EMPLOYMENT, OBLIGATION,
    )
}

__all__ = [
    "CATEGORY", "CLASSIFIERS", "COUNTRY", "DEGREE", "DIRECTION", "EMPLOYMENT", "FIELD", "FORMAT", "FUNDING", "GENDER",
    "HEI_PROFILE", "HEI_TYPE", "OBLIGATION", "PROGRAMME", "PROGRAMME_LEVEL", "REGION", "STUDY_LEVEL", "YES_NO",
    "Code", "CodeTable", "Country", "Field", "Period", "Programme",
    "academic_year_of", "half_year", "half_year_of", "parse_period",
]

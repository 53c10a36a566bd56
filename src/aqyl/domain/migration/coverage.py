"""Whether a source's year covers an origin's students abroad. A year is incomplete, against the
year before it, when (1) its total is below half of that year's, (2) that year's main country of
study is missing, or (3) it names fewer than half as many countries of study. UIS's 2021 row for
Kazakhstan names one country (Monaco, 1 student) and its 2020 row lacks Russia: a note written
from either would state as findings what is a gap in the source."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aqyl.domain.classifiers import COUNTRY
from aqyl.domain.i18n import Label as L
from aqyl.domain.migration.flows import OTHER
from aqyl.domain.numbers import fmt_int

SHARE = 0.5  # below half of the year before: of the total, of the countries named

WORDS = {
    "total": L("студенттердің жалпы саны ({total}) {prev} жылғы санның ({previous}) жартысынан аз",
               "общее число студентов ({total}) меньше половины числа за {prev} год ({previous})",
               "the total ({total}) is below half of {prev}'s ({previous})"),
    "leader": L("{prev} жылғы негізгі оқу елі ({country}) көрсетілмеген",
                "нет данных по основной стране обучения {prev} года ({country})",
                "{prev}'s main country of study ({country}) is missing"),
    "named": L("аталған оқу елдері: {named} ({prev} жылы — {previous})",
               "названо стран обучения: {named} (в {prev} году — {previous})",
               "countries of study named: {named} ({previous} in {prev})"),
    "last": L("Соңғы толық жыл — {year}.", "Последний полный год — {year}.", "The last complete year is {year}."),
    "no_last": L("Толық жыл жоқ.", "Полного года нет.", "No year is complete."),
}


def gaps(now: Mapping[str, float], before: Mapping[str, float]) -> list[dict[str, Any]]:
    """What ``now`` lacks against ``before`` (a year's counts by destination): [] when complete,
    and when there is no year before to compare with."""
    if not before or not now:
        return []
    found: list[dict[str, Any]] = []
    total, previous = sum(now.values()), sum(before.values())
    if total < previous * SHARE:
        found.append({"kind": "total", "total": total, "previous": previous})
    named_before = sorted((d for d in before if d != OTHER), key=lambda d: (-before[d], d))
    if named_before and named_before[0] not in now:
        found.append({"kind": "leader", "country": named_before[0]})
    named = sum(1 for d in now if d != OTHER)
    if named < len(named_before) * SHARE:
        found.append({"kind": "named", "named": named, "previous": len(named_before)})
    return found


def last_complete(by_year: Mapping[int, Mapping[str, float]], before: int) -> int | None:
    """The latest year before ``before`` that is complete against its own year before."""
    for year in sorted((y for y in by_year if y < before), reverse=True):
        if not gaps(by_year[year], by_year.get(year - 1, {})):
            return year
    return None


def gap_text(gap: Mapping[str, Any], year: int, lang: str) -> str:
    n = {k: fmt_int(round(v), lang) for k, v in gap.items() if isinstance(v, (int, float))}
    if gap["kind"] == "leader":
        return WORDS["leader"].get(lang).format(prev=year - 1, country=COUNTRY.label(gap["country"], lang))
    key = "total" if gap["kind"] == "total" else "named"
    return WORDS[key].get(lang).format(prev=year - 1, **n)


def gaps_text(found: list[Mapping[str, Any]], year: int, lang: str) -> str:
    """"общее число студентов (1) меньше половины …; названо стран обучения: 1 (в 2020 году — 10)"."""
    return "; ".join(gap_text(g, year, lang) for g in found)


def last_text(year: int | None, lang: str) -> str:
    return WORDS["last"].get(lang).format(year=year) if year is not None else WORDS["no_last"].get(lang)


def refusal_params(found: list[Mapping[str, Any]], year: int, last: int | None) -> dict[str, object]:
    """The fields of the message refusing an incomplete year, each in the three languages."""
    return {"year": year,
            "gaps": L(*(gaps_text(found, year, lang) for lang in ("kk", "ru", "en"))),
            "last": L(*(last_text(last, lang) for lang in ("kk", "ru", "en")))}

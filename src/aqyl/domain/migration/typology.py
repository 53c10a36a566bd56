"""The forms of intellectual migration of seed 003, by rules a reader can check.

Seed 003 names six forms: irreversible external migration, contract migration (trans-migration),
moving out of science into other sectors, pendulum migration (episodic trips on temporary
contracts, projects, lectures), one-time mobility (exchanges, internships) and virtual mobility
(remote work without moving). Its text gives no thresholds; these are ours, applied in this
order, the first rule that holds deciding:

1. **virtual** — the format is online: nobody moved;
2. **sector_change** — the person works outside science and education (after the trip or abroad);
3. **irreversible** — gone at least a year, not back, and no return planned;
4. **contract** — a year or more abroad on a contract with a foreign employer or host;
5. **pendulum** — a trip shorter than a year, or a longer one that ended in return, by someone
   who made more than one in the data;
6. **one_time** — any other trip shorter than a year (an exchange, an internship), or a longer
   one that ended in return (a degree abroad and home again);
7. **unclassified** — what the data cannot tell (a long stay without contract or return data,
   or a fellow still studying).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from aqyl.domain.i18n import Label

FORMS = {
    "virtual": Label("Виртуалды ұтқырлық", "Виртуальная мобильность", "Virtual mobility"),
    "sector_change": Label("Ғылымнан басқа салаға кету", "Уход из науки в другие сферы", "Moving out of science"),
    "irreversible": Label("Қайтарымсыз сыртқы миграция", "Безвозвратная внешняя миграция", "Irreversible external migration"),
    "contract": Label("Келісімшарттық миграция (трансмиграция)", "Контрактная миграция (трансмиграция)",
                      "Contract migration (trans-migration)"),
    "pendulum": Label("Маятникті миграция", "Маятниковая миграция", "Pendulum migration"),
    "one_time": Label("Біржолғы ұтқырлық", "Разовая мобильность", "One-time mobility"),
    "unclassified": Label("Анықталмаған", "Не определено", "Unclassified"),
}
YEAR = 365


@dataclass(frozen=True)
class Episode:
    """One stay abroad (or one remote engagement) as far as the data tells."""

    online: bool = False
    days: int | None = None  # None: dates unknown
    returned: bool | None = None
    return_planned: bool | None = None
    contract_abroad: bool | None = None
    works_outside_science: bool | None = None
    trips_by_person: int = 1  # this person's trips in the data


def form_of(e: Episode) -> str:
    if e.online:
        return "virtual"
    if e.works_outside_science:
        return "sector_change"
    long_stay = e.days is not None and e.days >= YEAR
    if long_stay and e.returned is False and e.return_planned is False:
        return "irreversible"
    if long_stay and e.contract_abroad:
        return "contract"
    if (e.days is not None and e.days < YEAR) or (long_stay and e.returned):
        return "pendulum" if e.trips_by_person > 1 else "one_time"
    return "unclassified"


def count_forms(episodes: Iterable[Episode]) -> dict[str, int]:
    counted = Counter(form_of(e) for e in episodes)
    return {form: counted.get(form, 0) for form in FORMS}

"""Seed 003's forms of intellectual migration, by the documented rules."""

import pytest

from aqyl.domain.migration.typology import FORMS, Episode, count_forms, form_of


@pytest.mark.parametrize("episode, form", [
    (Episode(online=True, days=400, works_outside_science=True), "virtual"),  # nobody moved
    (Episode(days=30, works_outside_science=True), "sector_change"),
    (Episode(days=800, returned=False, return_planned=False), "irreversible"),
    (Episode(days=800, returned=False, return_planned=True, contract_abroad=True), "contract"),
    (Episode(days=400, returned=True, contract_abroad=True), "contract"),
    (Episode(days=14, trips_by_person=3), "pendulum"),
    (Episode(days=90), "one_time"),
    (Episode(days=800, returned=True), "one_time"),  # a degree abroad and home again
    (Episode(days=800, returned=True, trips_by_person=2), "pendulum"),
    (Episode(days=800), "unclassified"),  # away long, nothing known about return
    (Episode(), "unclassified"),
])
def test_rules(episode, form):
    assert form_of(episode) == form


def test_counts_name_every_form_in_three_languages():
    counts = count_forms([Episode(online=True), Episode(days=10), Episode(days=10, trips_by_person=2)])
    assert counts == {"virtual": 1, "sector_change": 0, "irreversible": 0, "contract": 0, "pendulum": 1,
                      "one_time": 1, "unclassified": 0}
    assert all(label.kk and label.ru and label.en for label in FORMS.values())


@pytest.mark.django_db
def test_the_demo_register_by_form():
    from aqyl.store.demo import load_demo
    from aqyl.store.migration import typology
    from aqyl.store.report_data import report_data

    load_demo()
    counts = typology("2023H1")
    online = sum(report_data("2023H1")["periods"]["2023H1"][d]["by_format"].get("online", 0) for d in ("outgoing", "incoming"))
    assert counts["virtual"] == online
    assert sum(counts.values()) == 735
    assert counts["one_time"] + counts["pendulum"] + counts["unclassified"] == 735 - online

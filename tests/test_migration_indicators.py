"""The intellectual-migration indicators on examples computed by hand."""

import doctest

import pytest

from aqyl.domain.migration import indicators as ind
from aqyl.domain.migration.indicators import CohortMember, IndicatorError


def test_worked_examples_in_the_docstring_hold():
    assert doctest.testmod(ind).failed == 0


def test_flows_and_rates():
    assert ind.net_flow(inbound=353, outbound=382) == -29  # staff exchanges, H1 2023
    assert ind.outbound_mobility_ratio(nationals_abroad=3, enrolment_at_home=40) == pytest.approx(7.5)
    assert ind.inbound_mobility_rate(inbound=1, enrolment=8) == pytest.approx(12.5)
    assert ind.brain_drain_rate(emigrants=1, residents=3) == pytest.approx(0.25)
    assert ind.brain_drain_rate(emigrants=0, residents=5) == 0
    assert ind.brain_gain(returnees=6, incoming_specialists=3, outgoing=12) == pytest.approx(0.75)


def test_migration_effectiveness_index_is_0_when_balanced_and_100_when_one_way():
    assert ind.migration_effectiveness_index([(5, 5), (7, 7)]) == 0
    assert ind.migration_effectiveness_index([(0, 9), (4, 0)]) == 100
    # |116-0| + |0-40| + |10-10| = 156 over 116 + 40 + 20 = 176
    assert ind.migration_effectiveness_index([(116, 0), (0, 40), (10, 10)]) == pytest.approx(100 * 156 / 176)


def test_brain_circulation_counts_only_those_who_had_the_time():
    cohort = [
        CohortMember(2015, 2017), CohortMember(2015, 2021), CohortMember(2016, None),
        CohortMember(2017, 2019), CohortMember(2020, 2021),  # left less than 3 years before 2022: not counted
    ]
    # eligible: left by 2019 → 4 people; back within 3 years: 2015→2017, 2017→2019 → 2 of 4
    assert ind.brain_circulation(cohort, within_years=3, as_of=2022) == pytest.approx(0.5)
    assert ind.brain_circulation(cohort, within_years=10, as_of=2030) == pytest.approx(4 / 5)


def test_brain_waste_among_the_employed_whose_match_is_known():
    people = [CohortMember(2015, 2019, True, False), CohortMember(2015, 2019, True, True),
              CohortMember(2015, 2019, True, False), CohortMember(2015, 2019, False, None),
              CohortMember(2015, 2019, True, None)]
    assert ind.brain_waste(people) == pytest.approx(2 / 3)


@pytest.mark.parametrize("call, words", [
    (lambda: ind.outbound_mobility_ratio(5, 0), "zero"),
    (lambda: ind.net_flow(-1, 3), "not negative"),
    (lambda: ind.brain_drain_rate(2.5, 3), "whole number"),
    (lambda: ind.migration_effectiveness_index([]), "zero"),
    (lambda: ind.brain_waste([CohortMember(2015)]), "zero"),
])
def test_undefined_indicators_say_why(call, words):
    with pytest.raises(IndicatorError) as error:
        call()
    assert words in error.value.message("en")
    assert error.value.message("kk") and error.value.message("ru")

"""Forecasts: chosen by back-test, honest about short and gappy series."""

import random

import pytest

from aqyl.domain.migration.forecast import (
    ForecastError,
    backtest,
    beats_naive,
    forecast,
    gain_over_naive,
    series_breaks,
)


def test_a_trend_beats_the_naive_benchmark_and_intervals_hold_the_forecast():
    rng = random.Random(1)
    years = list(range(2000, 2020))
    values = [1000 + 50 * i + rng.gauss(0, 20) for i in range(20)]
    result = forecast(years, values, horizon=5, level=80)
    assert result.years == [2020, 2021, 2022, 2023, 2024]
    assert result.method != "naive" and result.mase[result.method] == min(result.mase.values())
    assert result.mase["naive"] > 2 > 1 > result.mase["drift"]
    p = result.prediction
    assert all(lo < m < hi for lo, m, hi in zip(p.lower, p.mean, p.upper, strict=True))
    assert 2150 < p.mean[-1] < 2300  # the trend goes on: about 1000 + 50 · 24
    widths = [hi - lo for lo, hi in zip(p.lower, p.upper, strict=True)]
    assert widths == sorted(widths)  # uncertainty grows with the horizon


def test_a_flat_series_keeps_the_naive_forecast_when_nothing_beats_it():
    values = [100, 100, 100, 100, 100, 100, 100]
    result = forecast(list(range(2010, 2017)), values, horizon=2)
    assert result.method == "naive" and result.prediction.mean == [100, 100]


def test_backtest_scores_by_hand():
    # naive from origins t=4 and 5 (horizon 1): |5-4|/1 and |6-5|/1 → MASE 1
    assert backtest([1, 2, 3, 4, 5, 6], "naive", 1) == pytest.approx(1.0)
    assert backtest([1, 2, 3, 4, 5, 6], "drift", 1) == pytest.approx(0.0)


@pytest.mark.parametrize("years, values, words", [
    ([2015, 2016, 2017, 2018], [1, 2, 3, 4], "at least 6"),
    ([2000, 2001, 2002, 2004, 2005, 2006, 2007, 2008, 2009, 2010], list(range(10)), "--since 2004 (7 years)"),
    (list(range(2000, 2008)), [1, 2, 3, -4, 5, 6, 7, 8], "negative"),
])
def test_short_gappy_or_bad_series_get_a_message_not_a_fit(years, values, words):
    with pytest.raises(ForecastError) as error:
        forecast(years, values)
    assert words in error.value.message("en")
    assert error.value.message("kk") and error.value.message("ru")


def test_breaks_are_yearly_totals_more_than_doubling_or_halving():
    years = list(range(2008, 2015))
    # UIS's Kazakhstan totals, 2008–2014, as published
    values = [44_218, 33_120, 9_138, 39_734, 39_819, 13_551.9, 66_863.5]
    assert series_breaks(years, values) == [2010, 2011, 2013, 2014]
    assert series_breaks([1, 2, 3], [100, 200, 100]) == []  # exactly double and half are not breaks
    assert series_breaks([1, 2, 3], [100, 201, 100]) == [2, 3]
    assert series_breaks([1, 2], [0, 5]) == [2]


def test_a_forecast_must_beat_the_naive_method_by_a_fifth():
    assert gain_over_naive("drift", {"naive": 3.2, "drift": 2.56}) == pytest.approx(0.2)
    assert beats_naive("drift", {"naive": 1.0, "drift": 0.8})
    assert not beats_naive("drift", {"naive": 1.0, "drift": 0.81})
    assert not beats_naive("naive", {"naive": 0.17, "drift": 0.5})  # the naive method itself is no finding
    assert not beats_naive("ets", {"naive": float("inf"), "ets": 0.5})  # no comparison, no finding

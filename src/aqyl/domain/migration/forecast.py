"""Forecasting a yearly flow series, and saying how good the forecast has been.

Four methods compete: the naive and drift benchmarks, Holt's damped-trend exponential smoothing
(ETS, additive errors) and a small ARIMA with drift chosen by AIC. Each is back-tested from
rolling origins (fit on the first t years, forecast the next ones, for every t from MIN_TRAIN
on) and scored by MASE, the mean absolute error scaled by the in-sample error of the naive
method; the method with the lowest MASE makes the forecast, even when that is a benchmark.
statsmodels is imported only here, when a forecast is asked for.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from aqyl.domain.errors import AqylError
from aqyl.domain.wording.catalogue import label

MIN_TRAIN = 4  # years a method is fitted on before its first back-test forecast
MIN_POINTS = MIN_TRAIN + 2  # so that at least two origins are tested
BACKTEST_ORIGINS = 10
METHODS = ("naive", "drift", "ets", "arima")
METHOD_LABELS = {
    "naive": label("forecast_naive"), "drift": label("forecast_drift"), "ets": label("forecast_ets"),
    "arima": label("forecast_arima"),
}
# When a forecast is a finding (the note says so otherwise, and why):
BREAK_RATIO = 2.0  # a yearly total more than twice, or less than half, the year before's: the
# source's coverage or definition changed (UIS's Kazakhstan 2012→2013→2014: 39,819, 13,552, 66,864)
MIN_GAIN = 0.2  # the best method's MASE must be at least a fifth below the naive method's


class ForecastError(AqylError):
    pass


@dataclass(frozen=True)
class Prediction:
    mean: list[float]
    lower: list[float]  # at the forecast's level
    upper: list[float]


@dataclass(frozen=True)
class Forecast:
    years: list[int]  # the years forecast
    method: str
    level: int  # % of the prediction interval
    prediction: Prediction
    mase: dict[str, float]  # back-test score of every method
    history_years: list[int]
    history: list[float]


def check_series(years: list[int], values: list[float]) -> None:
    """Consecutive years, finite values, enough of them; else a message that says what is wrong."""
    if len(years) != len(values):
        raise ValueError("years and values differ in length")
    if len(values) < MIN_POINTS:
        raise ForecastError("forecast_short", n=len(values), need=MIN_POINTS)
    missing = sorted(set(range(min(years), max(years) + 1)) - set(years))
    if missing:
        since = missing[-1] + 1  # the last unbroken run of years
        raise ForecastError("forecast_gappy", years=", ".join(map(str, missing)), since=since,
                            n=max(years) - since + 1)
    if any(not math.isfinite(v) or v < 0 for v in values):
        raise ForecastError("forecast_bad_value")


def _sigma(residuals: list[float]) -> float:
    residuals = [r for r in residuals if math.isfinite(r)]
    return math.sqrt(sum(r * r for r in residuals) / max(len(residuals), 1))


def _z(level: int) -> float:
    from statistics import NormalDist

    return NormalDist().inv_cdf(0.5 + level / 200)


def _naive(y: list[float], h: int, level: int) -> Prediction:
    s = _sigma([b - a for a, b in pairwise(y)]) * _z(level)
    return Prediction([y[-1]] * h, [y[-1] - s * math.sqrt(k) for k in range(1, h + 1)],
                      [y[-1] + s * math.sqrt(k) for k in range(1, h + 1)])


def _drift(y: list[float], h: int, level: int) -> Prediction:
    n = len(y)
    slope = (y[-1] - y[0]) / (n - 1)
    s = _sigma([b - a - slope for a, b in pairwise(y)]) * _z(level)
    mean = [y[-1] + slope * k for k in range(1, h + 1)]
    width = [s * math.sqrt(k * (1 + k / (n - 1))) for k in range(1, h + 1)]
    return Prediction(mean, [m - w for m, w in zip(mean, width, strict=True)], [m + w for m, w in zip(mean, width, strict=True)])


def _ets(y: list[float], h: int, level: int | None) -> Prediction:
    import pandas as pd
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    fit = ETSModel(pd.Series(y, dtype=float), error="add", trend="add", damped_trend=True).fit(disp=False)
    if level is None:  # the back-test needs the point forecast only
        mean = list(fit.forecast(h))
        return Prediction(mean, mean, mean)
    frame = fit.get_prediction(start=len(y), end=len(y) + h - 1).summary_frame(alpha=1 - level / 100)
    return Prediction(list(frame["mean"]), list(frame["pi_lower"]), list(frame["pi_upper"]))


ARIMA_ORDERS = ((0, 1, 0), (1, 1, 0), (0, 1, 1))


def arima_order(y: list[float]) -> tuple[int, int, int]:
    """The ARIMA order (with drift) of lowest AIC on the whole series; the back-test keeps it."""
    import numpy as np
    from statsmodels.tsa.arima.model import ARIMA

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scored = []
        for order in ARIMA_ORDERS:
            try:
                scored.append((ARIMA(np.asarray(y, dtype=float), order=order, trend="t").fit().aic, order))
            except (ValueError, np.linalg.LinAlgError):
                continue
    return min(scored)[1] if scored else ARIMA_ORDERS[0]


def _arima(y: list[float], h: int, level: int | None, order: tuple[int, int, int] = (0, 1, 0)) -> Prediction:
    import numpy as np
    from statsmodels.tsa.arima.model import ARIMA

    fit = ARIMA(np.asarray(y, dtype=float), order=order, trend="t").fit()
    if level is None:
        mean = list(np.asarray(fit.forecast(h)))
        return Prediction(mean, mean, mean)
    result = fit.get_forecast(h)
    interval = np.asarray(result.conf_int(alpha=1 - level / 100))
    return Prediction(list(np.asarray(result.predicted_mean)), list(interval[:, 0]), list(interval[:, 1]))


_FIT: dict[str, Callable[..., Prediction]] = {  # naive and drift need a level; ETS takes None
    "naive": _naive, "drift": _drift, "ets": _ets, "arima": _arima}


def backtest_origins(n: int) -> int:
    """How many rolling origins :func:`backtest` uses on a series of ``n`` values."""
    return n - max(MIN_TRAIN, n - BACKTEST_ORIGINS)


def backtest(values: list[float], method: str, horizon: int, order: tuple[int, int, int] = (0, 1, 0)) -> float:
    """MASE over rolling origins: fit on the first t values, forecast up to ``horizon`` ahead;
    the last BACKTEST_ORIGINS origins at most (recent accuracy matters most, and it bounds the time)."""
    errors: list[float] = []
    for t in range(len(values) - backtest_origins(len(values)), len(values)):
        train = values[:t]
        scale = sum(abs(b - a) for a, b in pairwise(train)) / (len(train) - 1)
        ahead = values[t:t + horizon]
        predicted = _fit(method, train, len(ahead), None, order).mean
        errors += [abs(a - p) / scale if scale else (0.0 if a == p else math.inf) for a, p in zip(ahead, predicted, strict=True)]
    return sum(errors) / len(errors)


def _fit(method: str, y: list[float], h: int, level: int | None, order: tuple[int, int, int] = (0, 1, 0)) -> Prediction:
    if method in ("naive", "drift"):
        return _FIT[method](y, h, level or 80)
    import numpy as np

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter on short series; the back-test judges
        try:
            return _arima(y, h, level, order) if method == "arima" else _FIT[method](y, h, level)
        except (ValueError, ArithmeticError, np.linalg.LinAlgError):  # a model that cannot be fitted loses
            return Prediction([math.inf] * h, [math.inf] * h, [math.inf] * h)


def forecast(years: list[int], values: list[float], horizon: int = 5, level: int = 80) -> Forecast:
    by_year = sorted(range(len(years)), key=lambda i: years[i])
    years, values = [years[i] for i in by_year], [float(values[i]) for i in by_year]
    check_series(years, values)
    if not 1 <= horizon <= 30 or level not in (50, 80, 90, 95, 99):
        raise ForecastError("forecast_bad_option", horizon=horizon, level=level)
    order = arima_order(values)
    mase = {m: float(backtest(values, m, horizon, order)) for m in METHODS}
    best = min(METHODS, key=lambda m: (mase[m], METHODS.index(m)))
    prediction = _fit(best, values, horizon, level, order)
    return Forecast(list(range(years[-1] + 1, years[-1] + horizon + 1)), best, level, prediction, mase, years, values)


def series_breaks(years: list[int], values: list[float]) -> list[int]:
    """The years whose value is more than BREAK_RATIO times, or less than 1/BREAK_RATIO of, the
    year before's (a year after a zero counts as a break too)."""
    return [y for y, a, b in zip(years[1:], values, values[1:], strict=False)
            if a <= 0 or not 1 / BREAK_RATIO <= b / a <= BREAK_RATIO]


def gain_over_naive(method: str, mase: dict[str, float]) -> float:
    """How much smaller (a share, 0–1) the method's back-test error is than the naive method's;
    0 when the naive method wins or the errors cannot be compared."""
    naive, best = mase["naive"], mase[method]
    if method == "naive" or not (math.isfinite(naive) and math.isfinite(best)) or naive <= 0:
        return 0.0
    return max(0.0, 1 - best / naive)


def beats_naive(method: str, mase: dict[str, float]) -> bool:
    """The back-test supports the method's forecast: its error is clearly below the naive method's."""
    naive, best = mase["naive"], mase[method]
    return method != "naive" and math.isfinite(naive) and naive > 0 and best <= (1 - MIN_GAIN) * naive

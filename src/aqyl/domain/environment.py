"""Numeric settings read from the environment (AQYL_MAX_IMPORT_MB, AQYL_WRITE_WAIT, …): a value
that is not a number, or is out of range, is refused by the variable's name with the form it
allows (an :class:`AqylError`, exit 2), never read as something else or turned into a crash."""

from __future__ import annotations

import math
import os

from aqyl.domain.errors import AqylError


def number_setting(name: str, default: float, *, zero_allowed: bool = False) -> float:
    """The number in the environment variable ``name`` (unset or empty: ``default``); it must be
    greater than 0 (or 0 or more when ``zero_allowed``)."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_allowed):
        example = f"{default:g}"
        raise AqylError("setting_zero_or_more" if zero_allowed else "setting_positive", name=name, value=text,
                        example=example)
    return value

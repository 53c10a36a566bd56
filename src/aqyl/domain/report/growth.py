"""Growth between two periods, as a ratio and a percent, and the one rule that words it.

The wording rule, used by every language: with r = current / previous and n = r rounded,
- r within 5 % of a whole n ≥ 2: "n-fold" ("doubled", "tripled");
- else r at least 90 % of the next whole number n ≥ 2: "nearly n-fold" ("nearly tripled");
- else r above a whole number ≥ 2: "more than n-fold" ("more than doubled");
- a fall to half or less is worded by the same rule on the inverse ratio q = previous / current
  ("fell 245-fold" for 735→3, never "fell by 100 %", which a reader takes to mean zero);
- otherwise a percent up or down; "new" when there was nothing before, "gone" when nothing now.
Percents in prose are computed from the two counts and rounded once, where they are printed.
The 2023 note's own sentences follow it: 313→735 more than doubled, 139→382 nearly tripled,
174→353 doubled.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Growth:
    previous: int
    current: int

    @property
    def ratio(self) -> float | None:
        return self.current / self.previous if self.previous else None

    @property
    def percent(self) -> float | None:
        return (self.current - self.previous) / self.previous * 100 if self.previous else None

    @property
    def wording(self) -> tuple[str, int]:
        """(kind, n): kind is one of new, none, gone, same, up_percent, down_percent, times, nearly_times,
        more_than_times, and times_down, nearly_times_down, more_than_times_down for falls."""
        if self.previous == 0:
            return ("none", 0) if self.current == 0 else ("new", 0)
        if self.current == 0:
            return ("gone", 0)
        r = self.current / self.previous
        if r == 1:
            return ("same", 0)
        if r <= 0.5:
            kind, n = Growth(self.current, self.previous).wording
            return (kind + "_down", n)
        nearest = round(r)
        if nearest >= 2 and abs(r - nearest) <= 0.05 * nearest:
            return ("times", nearest)
        upper = math.ceil(r)
        if upper >= 2 and upper * 0.9 <= r < upper:
            return ("nearly_times", upper)
        if math.floor(r) >= 2:
            return ("more_than_times", math.floor(r))
        return ("up_percent", 0) if r > 1 else ("down_percent", 0)

    def as_dict(self) -> dict:
        kind, n = self.wording
        return {
            "previous": self.previous, "current": self.current,
            "ratio": None if self.ratio is None else round(self.ratio, 2),
            # Exact to four decimals: prose rounds it once, where it is printed (46 → 66 is 43 %, not 44 %).
            "percent": None if self.percent is None else round(self.percent, 4),
            "wording": kind, "times": n,
        }

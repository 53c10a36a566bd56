"""Statistical disclosure control of a two-way table with its row and column totals.

**Suppression** (the default): every cell below the threshold (default 5), totals included, is
suppressed (*primary*); then more cells are suppressed (*secondary*) until no suppressed cell can
be worked out from the published ones. The check is the attacker's own: a linear programme gives
the smallest and largest value each suppressed cell can take given every published cell, the
totals' equations, and what the flags tell (a primary cell lies in 1…threshold−1, a secondary
one is at least the threshold); a cell whose bounds meet is pinned, and one more cell of its row
is suppressed. The grand total is always published; a table whose grand total is itself below
the threshold is suppressed whole. Zeros are published: an empty cell names nobody.

**Rounding to base 5** (``method="round5"``): every cell and total rounded to the nearest
multiple of 5 independently, so totals need not add up; nothing is suppressed.

The table's constraint matrix is that of a transportation problem (totally unimodular), so the
bounds are whole numbers and "not pinned" means at least two possible values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

TOTAL = "_T"  # the SDMX code of a total
PUBLISHED, PRIMARY, SECONDARY, ROUNDED, EMPTY_TABLE = "", "primary", "secondary", "rounded", "table_below_threshold"
METHODS = ("suppress", "round5")


@dataclass
class Protected:
    """A table after disclosure control. ``values`` are the true counts, ``published`` what
    leaves (None where suppressed), ``status`` why: '' published, primary, secondary, rounded,
    table_below_threshold. The last row and column are the totals (code ``_T``)."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: np.ndarray
    published: list[list[int | None]]
    status: list[list[str]]
    method: str
    threshold: int

    def cells(self):
        """(row code, column code, true value, published value, status) for every cell, totals included."""
        for i, r in enumerate(self.rows):
            for j, c in enumerate(self.columns):
                yield r, c, int(self.values[i, j]), self.published[i][j], self.status[i][j]

    def suppressed(self) -> list[tuple[str, str, str]]:
        return [(r, c, s) for r, c, _, p, s in self.cells() if p is None]


def extend(rows: Sequence[str], columns: Sequence[str], counts: Mapping[tuple[str, str], int]) -> np.ndarray:
    """The table with a totals row and column appended."""
    t = np.zeros((len(rows) + 1, len(columns) + 1), dtype=np.int64)
    for i, r in enumerate(rows):
        for j, c in enumerate(columns):
            t[i, j] = counts.get((r, c), 0)
    t[:-1, -1] = t[:-1, :-1].sum(axis=1)
    t[-1, :] = t[:-1, :].sum(axis=0)
    return t


def protect(rows: Sequence[str], columns: Sequence[str], counts: Mapping[tuple[str, str], int], *,
            threshold: int = 5, method: str = "suppress") -> Protected:
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    values = extend(rows, columns, counts)
    codes = ((*tuple(rows), TOTAL), (*tuple(columns), TOTAL))
    if method == "round5":
        rounded: list[list[int | None]] = [[int(5 * ((int(v) + 2) // 5)) for v in line] for line in values]
        return Protected(*codes, values, rounded, [[ROUNDED] * values.shape[1] for _ in range(values.shape[0])],
                         method, threshold)
    if values[-1, -1] < threshold:  # the whole table is one small cell
        return _withheld(codes, values, method, threshold)
    status = np.full(values.shape, PUBLISHED, dtype=object)
    status[(values > 0) & (values < threshold)] = PRIMARY
    status[-1, -1] = PUBLISHED
    safe: set[tuple[int, int]] = set()
    while True:
        changed = _close_lines(values, status)
        if not changed:
            pinned = _first_pinned(values, status, threshold, safe)
            if pinned is None:
                break
            i, j = pinned  # one at a time: the next suppression may protect the others too
            if not (_suppress_one(values, status, i, j, along="row") or _suppress_one(values, status, i, j, along="column")
                    or _suppress_any(values, status)):
                return _withheld(codes, values, method, threshold)  # nothing left to hide behind
    published = [[None if status[i, j] else int(values[i, j]) for j in range(values.shape[1])]
                 for i in range(values.shape[0])]
    return Protected(*codes, values, published, status.tolist(), method, threshold)


def _withheld(codes: tuple[tuple[str, ...], tuple[str, ...]], values: np.ndarray, method: str, threshold: int) -> Protected:
    status = [[EMPTY_TABLE] * values.shape[1] for _ in range(values.shape[0])]
    return Protected(*codes, values, [[None] * values.shape[1] for _ in status], status, method, threshold)


def _suppress_any(values: np.ndarray, status: np.ndarray) -> bool:
    grand = (values.shape[0] - 1, values.shape[1] - 1)
    open_cells = [(int(values[c]), c) for c in np.ndindex(values.shape) if not status[c] and values[c] > 0 and c != grand]
    if open_cells:
        status[min(open_cells)[1]] = SECONDARY
    return bool(open_cells)


def _close_lines(values: np.ndarray, status: np.ndarray) -> bool:
    """A row or column (totals included) with one suppressed cell gives it away by subtraction:
    suppress a second cell there."""
    changed = False
    for i in range(values.shape[0]):
        hidden = [j for j in range(values.shape[1]) if status[i, j]]
        if len(hidden) == 1:
            changed |= _suppress_one(values, status, i, hidden[0], along="row")
    for j in range(values.shape[1]):
        hidden = [i for i in range(values.shape[0]) if status[i, j]]
        if len(hidden) == 1:
            changed |= _suppress_one(values, status, hidden[0], j, along="column")
    return changed


def _suppress_one(values: np.ndarray, status: np.ndarray, i: int, j: int, along: str) -> bool:
    """Suppress the cheapest published non-zero cell in cell (i, j)'s row or column: one whose other
    line already hides a cell (it closes a cycle of hidden cells), else the smallest."""
    grand = (values.shape[0] - 1, values.shape[1] - 1)
    if along == "row":
        line = [(i, k) for k in range(values.shape[1]) if k != j]
    else:
        line = [(k, j) for k in range(values.shape[0]) if k != i]
    candidates = [c for c in line if not status[c] and values[c] > 0 and c != grand]
    if not candidates:
        return False

    def cost(c):
        other = status[:, c[1]] if along == "row" else status[c[0], :]
        return (0 if any(other) else 1, int(values[c]))

    status[min(candidates, key=cost)] = SECONDARY
    return True


class _Programme:
    """The attacker's linear programme over the suppressed cells: every row and column (totals
    included) adds up, published cells are constants, and the flags bound the rest (a primary
    cell lies in 1…threshold−1, a secondary one is at least the threshold)."""

    def __init__(self, values: np.ndarray, status, threshold: int) -> None:
        status = np.asarray(status, dtype=object)
        self.hidden = [(i, j) for i in range(values.shape[0]) for j in range(values.shape[1]) if status[i, j]]
        self.index = {c: n for n, c in enumerate(self.hidden)}
        n_rows, n_cols = values.shape
        equations, rhs = [], []
        lines = [[(i, j) for j in range(n_cols)] for i in range(n_rows)] + \
                [[(i, j) for i in range(n_rows)] for j in range(n_cols)]
        for line in lines:
            *parts, total = line
            a, b = np.zeros(len(self.hidden)), 0.0
            for cell, sign in [(p, 1.0) for p in parts] + [(total, -1.0)]:
                if cell in self.index:
                    a[self.index[cell]] += sign
                else:
                    b -= sign * values[cell]
            if a.any():
                equations.append(a)
                rhs.append(b)
        self.a_eq: np.ndarray | None
        self.b_eq: np.ndarray | None
        self.a_eq, self.b_eq = (np.array(equations), np.array(rhs)) if equations else (None, None)
        self.limits = [(1, threshold - 1) if status[c] == PRIMARY else (threshold, None) if status[c] == SECONDARY
                       else (0, None) for c in self.hidden]

    def extreme(self, cell: tuple[int, int], sense: float) -> float:
        """The smallest (sense 1) or, negated back, the largest (sense −1) value of a suppressed cell."""
        objective = np.zeros(len(self.hidden))
        objective[self.index[cell]] = sense
        found = linprog(objective, A_eq=self.a_eq, b_eq=self.b_eq, bounds=self.limits, method="highs")
        if found.status != 0:
            raise RuntimeError(f"disclosure audit: the linear programme failed ({found.message})")
        return sense * found.fun


def bounds(values: np.ndarray, status, threshold: int) -> dict[tuple[int, int], tuple[float, float]]:
    """The smallest and largest value each suppressed cell can take, given the published cells,
    the totals and the flags."""
    lp = _Programme(values, status, threshold)
    return {c: (lp.extreme(c, 1.0), lp.extreme(c, -1.0)) for c in lp.hidden}


def _first_pinned(values: np.ndarray, status, threshold: int, safe: set) -> tuple[int, int] | None:
    """A suppressed cell the published figures pin to one value, or None. Cells found safe stay
    safe: suppressing more only widens what the attacker must allow."""
    lp = _Programme(values, status, threshold)
    for c in lp.hidden:
        if c in safe or status[c] == EMPTY_TABLE:
            continue
        true = float(values[c])
        if lp.extreme(c, 1.0) < true - 0.5 or lp.extreme(c, -1.0) > true + 0.5:
            safe.add(c)
        else:
            return c
    return None

"""Who has submitted what: the board of a period and the versions of one HEI's submission."""

from __future__ import annotations

from dataclasses import dataclass

from aqyl.store import models as m


@dataclass
class BoardLine:
    hei: m.Hei
    current: m.Submission | None
    versions: int


def board(period: str) -> list[BoardLine]:
    """Every active HEI with its current submission for ``period`` (None: not submitted)."""
    subs = m.Submission.objects.filter(period=period).select_related("hei")
    current = {s.hei_id: s for s in subs if s.is_current}
    versions: dict[int, int] = {}
    for s in subs:
        versions[s.hei_id] = versions.get(s.hei_id, 0) + 1
    heis = m.Hei.objects.filter(is_active=True).order_by("hei_type", "code")
    lines = [BoardLine(h, current.get(h.id), versions.get(h.id, 0)) for h in heis]
    # Submitted first (newest on top), then those still missing.
    return sorted(lines, key=lambda line: (line.current is None, -(line.current.created_at.timestamp() if line.current else 0)))


def history(hei: m.Hei, period: str) -> list[m.Submission]:
    return list(m.Submission.objects.filter(hei=hei, period=period).order_by("-version"))


def compare(old: m.Submission, new: m.Submission) -> dict:
    """What changed between two versions: rows, totals by direction and country, and record IDs
    added, removed or changed (rows without an ID are compared by their counts only)."""
    import polars as pl

    from aqyl.store.register import version_rows

    before, after = version_rows(old), version_rows(new)

    def counts(frame: pl.DataFrame, column: str) -> dict[str, int]:
        return dict(frame.group_by(column).len().iter_rows())

    def changes(column: str) -> dict[str, list[int]]:
        a, b = counts(before, column), counts(after, column)
        return {k: [a.get(k, 0), b.get(k, 0)] for k in sorted(set(a) | set(b)) if a.get(k, 0) != b.get(k, 0)}

    ids_a = {r["record_id"]: r for r in before.filter(pl.col("record_id") != "").to_dicts()}
    ids_b = {r["record_id"]: r for r in after.filter(pl.col("record_id") != "").to_dicts()}
    return {
        "old": old.version, "new": new.version, "rows": [before.height, after.height],
        "by_direction": changes("direction"), "by_country": changes("partner_country"),
        "added": sorted(set(ids_b) - set(ids_a)), "removed": sorted(set(ids_a) - set(ids_b)),
        "changed": sorted(k for k in set(ids_a) & set(ids_b) if ids_a[k] != ids_b[k]),
    }

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

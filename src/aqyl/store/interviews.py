"""Interviews: transcripts, the codebook, coded segments, code frequencies by group and quotes.

Coding happens in whatever tool the researcher likes; segments come in as a table of
(interview, code, quote[, note]) and each quote is found in its transcript (spaces and line
breaks aside), so a segment always points at the words actually said. A file of segments is
stored whole or not at all.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from django.db import transaction

from aqyl.domain.errors import AqylError
from aqyl.domain.i18n import Label
from aqyl.domain.intake.problems import ImportReport, Problem
from aqyl.store import models as m


@dataclass(frozen=True)
class Code:
    id: str
    theme: str
    label: Label
    about: str


@cache
def codebook(name: str = "motives") -> tuple[dict[str, Label], dict[str, Code]]:
    raw = json.loads(resources.files("aqyl.data").joinpath("codebooks", f"{name}.json").read_text("utf-8"))
    themes = {t["id"]: Label(**t["label"]) for t in raw["themes"]}
    return themes, {c["id"]: Code(c["id"], c["theme"], Label(**c["label"]), c["about"]) for c in raw["codes"]}


def add_interview(code: str, language: str, transcript: str, attributes: dict[str, str], replace: bool = False) -> m.Interview:
    found = m.Interview.objects.filter(code=code).first()
    if found is not None and not replace:
        raise AqylError("interview_exists", code=code)
    with transaction.atomic():
        if found is not None:
            found.delete()  # its segments point into the old text
        return m.Interview.objects.create(code=code, language=language, transcript=transcript, attributes=attributes)


def _find(transcript: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``transcript``, whatever the spacing and line breaks."""
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    hit = re.search(pattern, transcript, flags=re.IGNORECASE)
    return None if hit is None else (hit.start(), hit.end())


def store_segments(rows: list[dict[str, str]], name: str = "segments", accept_valid: bool = False) -> ImportReport:
    """Store coded segments (keys interview, code, quote, note; ``_row`` the row number): every
    row is checked first, and nothing is stored when any row is wrong (unless ``accept_valid``)."""
    report = ImportReport(file=name, rows=len(rows))
    _, codes = codebook()
    interviews = {i.code: i for i in m.Interview.objects.filter(code__in={r.get("interview", "") for r in rows})}
    ready = []
    for r in rows:
        row = r.get("_row", 0)
        interview = interviews.get(r.get("interview", "").strip())
        code = r.get("code", "").strip()
        if interview is None:
            report.add(Problem(row, "", r.get("interview", ""), "interview_unknown", params={"value": r.get("interview", "")}))
            continue
        if code not in codes:
            report.add(Problem(row, "", code, "interview_unknown_code", params={"value": code, "known": ", ".join(codes)}))
            continue
        place = _find(interview.transcript, r.get("quote", ""))
        if place is None:
            report.add(Problem(row, "", r.get("quote", "")[:60], "interview_quote_missing",
                               params={"value": r.get("quote", "")[:60], "interview": interview.code}))
            continue
        ready.append(m.CodedSegment(interview=interview, code=code, start=place[0], end=place[1], note=r.get("note", "")))
    report.rejected = report.rows - len(ready)
    report.valid = len(ready)
    if report.errors_total == 0 or accept_valid:
        with transaction.atomic():
            m.CodedSegment.objects.bulk_create(ready, ignore_conflicts=True)
        report.stored = len(ready)
    return report


def frequencies(by: str | None = None) -> dict:
    """For each code: segments and interviews mentioning it, overall and per value of attribute ``by``."""
    interviews = list(m.Interview.objects.all())
    group_of = {i.id: (i.attributes.get(by) or "—") if by else "" for i in interviews}
    groups = sorted(set(group_of.values()))
    size = {g: sum(1 for v in group_of.values() if v == g) for g in groups}
    counts: dict[str, dict] = {}
    for code, interview_id in m.CodedSegment.objects.values_list("code", "interview_id"):
        entry = counts.setdefault(code, {"segments": 0, "interviews": set(), "by": {}})
        entry["segments"] += 1
        entry["interviews"].add(interview_id)
        entry["by"].setdefault(group_of[interview_id], set()).add(interview_id)
    return {
        "interviews": len(interviews), "by": by, "groups": size,
        "codes": [{"code": c, "segments": e["segments"], "interviews": len(e["interviews"]),
                   "by": {g: len(e["by"].get(g, ())) for g in groups}}
                  for c, e in sorted(counts.items(), key=lambda kv: (-len(kv[1]["interviews"]), kv[0]))],
    }


def quotes(code: str) -> list[dict]:
    return [{"interview": s.interview.code, "language": s.interview.language, "attributes": s.interview.attributes,
             "quote": s.quote, "note": s.note}
            for s in m.CodedSegment.objects.filter(code=code).select_related("interview").order_by("interview__code", "start")]


def export_rows(lang: str) -> list[dict]:
    themes, codes = codebook()
    return [{"interview": s.interview.code, "language": s.interview.language, **{f"attr_{k}": v for k, v in s.interview.attributes.items()},
             "code": s.code, "code_label": codes[s.code].label.get(lang) if s.code in codes else s.code,
             "theme": themes[codes[s.code].theme].get(lang) if s.code in codes else "", "quote": s.quote, "note": s.note}
            for s in m.CodedSegment.objects.select_related("interview").order_by("interview__code", "start")]

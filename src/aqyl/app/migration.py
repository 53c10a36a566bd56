"""The student emigration note for a year, written in one language and any formats."""

from __future__ import annotations

from pathlib import Path

from aqyl.domain.errors import AqylError
from aqyl.domain.migration.coverage import refusal_params
from aqyl.domain.migration.emigration import break_hint, write_emigration_note
from aqyl.render import write_report_files
from aqyl.store.emigration import emigration_model


def emigration_note(origin: str, year: int, lang: str, formats: list[str], out: Path, *, source: str | None = None,
                    since: int | None = None, horizon: int = 5, level: int = 80,
                    enrolment: int | None = None, allow_incomplete: bool = False,
                    web: bool = False) -> tuple[list[Path], str] | None:
    """Write the note's files into ``out`` (JSON, the language-neutral model, without a language in
    its name), with the hint to give when the series has a break ("" when none); None when no
    student flows from ``origin`` are stored for ``year``. A year the source covers only in part
    (:mod:`aqyl.domain.migration.coverage`) is refused, naming what it lacks and the last complete
    year, unless ``allow_incomplete``: then every finding carries the caveat. ``web`` says how to
    allow it on the page instead of at the command line."""
    model = emigration_model(origin, year, source=source, since=since, horizon=horizon, level=level, enrolment=enrolment)
    if not model["total"]:
        return None
    found = model["coverage"]["gaps"]
    if found and not allow_incomplete:
        params = refusal_params(found, year, model["coverage"]["last_complete"])
        raise AqylError("emigration_incomplete_web", **params) if web else AqylError("emigration_incomplete", **params)
    doc = write_emigration_note(model, lang, model["meta"]["generated"])
    stem = f"aqyl-emigration-{origin}-{year}"
    paths = write_report_files(model, doc, [f for f in formats if f == "json"], out, stem)
    paths += write_report_files(model, doc, [f for f in formats if f != "json"], out, f"{stem}-{lang}")
    return paths, break_hint(model, lang) or ""


def typology(period: str, category: str | None = None) -> dict[str, int]:
    """A period's mobilities counted by form of intellectual migration (seed 003's typology)."""
    from aqyl.store.migration import typology as count

    return count(period, category)

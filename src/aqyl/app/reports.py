"""Generate the analytical note from the register: count, write the note, render the files.
The one place the CLI, the demo and the web application go through. Also the formats a user
asks for, checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aqyl.app.system import CommandError
from aqyl.domain.classifiers import parse_period

if TYPE_CHECKING:
    from aqyl.store.report_data import ReportFilter


def report_stem(period: str, category: str) -> str:
    return f"aqyl-report-{period.replace('/', '-')}-{category}"


def _persons(data: dict[str, Any], flt: ReportFilter):
    """Person-level indicators for the note's section on persons: only for a note on the whole
    register (they follow people across HEIs) and only when some records carry a person ID."""
    from aqyl.store import models as m
    from aqyl.store.report_data import ReportFilter

    if flt != ReportFilter(category=flt.category) or not m.MobilityRecord.objects.exclude(person_id="").exists():
        return None
    if parse_period(data["meta"]["period"]).kind != "half":  # they count half-years: a year's note goes without
        return None
    from aqyl.app.opendata import kept_persons

    return kept_persons(data["meta"]["period"], 4)


def generate_report(period: str, compare: str | None, flt: ReportFilter, lang: str, formats: list[str],
                    out: Path, generated: date | None = None,
                    authored: dict[str, str] | None = None) -> tuple[list[Path], dict[str, Any]]:
    """Write the note for ``period`` in ``lang`` as each of ``formats`` into ``out``.
    The JSON report model is language-neutral, so its file name carries no language.
    Without ``authored``, the analyst's sections come from the database (aqyl.store.note_texts):
    they are written about the whole register, so a note narrowed by HEI, type, region or
    programme leaves them out rather than state what its own figures may not show."""
    # Imported here: the command line checks its options before it starts Django.
    from aqyl.domain.report.note import write_note
    from aqyl.render import write_report_files
    from aqyl.store.report_data import ReportFilter, report_data

    data = report_data(period, compare, flt)
    stem = report_stem(data["meta"]["period"], flt.category)
    if set(formats) == {"json"}:
        # The JSON file is the report model alone: no note to write, so no sections to read and no
        # person indicators to count (they follow people over the whole register).
        from aqyl.files import output_folder, write_atomically
        from aqyl.render import report_json

        for key in ("compare", "compare_missing"):  # refused as the note refuses it (e.g. 1899H1)
            if data["meta"].get(key):
                parse_period(data["meta"][key])
        output_folder(out)
        path = out / f"{stem}.json"
        write_atomically(path, report_json(data))
        return [path], data
    if authored is None and flt == ReportFilter(category=flt.category):
        from aqyl.store.note_texts import texts_for

        authored = texts_for(flt.category, data["meta"]["period"], lang)
    doc = write_note(data, lang, (generated or date.today()).isoformat(), authored, persons=_persons(data, flt))
    paths = []
    if "json" in formats:
        paths += write_report_files(data, doc, ["json"], out, stem)
    others = [f for f in formats if f != "json"]
    if others:
        paths += write_report_files(data, doc, others, out, f"{stem}-{lang}")
    return paths, data


def note_file(period: str, compare: str | None, flt: ReportFilter, lang: str, fmt: str) -> tuple[bytes, str]:
    """The note as one file (its bytes and name), built once for the register as it is, the
    analyst's sections as they are and today's date, and kept in the shared cache (aqyl.app.cache):
    every worker then hands out the same file."""
    import shutil
    import tempfile

    from aqyl.app.cache import cached
    from aqyl.store.note_texts import texts_stamp

    def build() -> tuple[bytes, str]:
        folder = Path(tempfile.mkdtemp(prefix="aqyl-report-"))
        try:
            paths, _ = generate_report(period, compare, flt, lang, [fmt], folder)
            return paths[0].read_bytes(), paths[0].name
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    from aqyl import config

    parts = (period, compare, flt, lang, fmt, date.today().isoformat(), texts_stamp(), config.organisation_file())
    return cached("note", parts, build)[0]


def check_formats(text: str) -> list[str]:
    """The comma-separated formats asked for, once each, or CommandError naming the unknown ones."""
    from aqyl.render import FORMATS

    formats = list(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise CommandError("bad_formats", unknown=", ".join(unknown) or repr(text), known=", ".join(FORMATS))
    return formats


@dataclass(frozen=True)
class NoteFiles:
    period: str
    paths: list[Path]
    totals: dict[str, int]  # outgoing, incoming, both → records of the period
    seconds: float


def note_files(period: str, compare: str | None, category: str, hei_types: list[str], regions: list[str],
               programmes: list[str], lang: str, formats: list[str], out: Path) -> NoteFiles:
    """The note of ``period`` for a filter given as users write it, and the period's totals."""
    import time

    from aqyl.app.filters import report_filter, report_periods
    from aqyl.app.system import open_database

    period_code, compare_code = report_periods(period, compare)
    open_database(existing=True)
    flt = report_filter(category, hei_types, regions, programmes)
    started = time.perf_counter()
    paths, data = generate_report(period_code, compare_code, flt, lang, formats, out)
    current = data["periods"][period_code]
    return NoteFiles(period_code, paths, {d: current[d]["total"] for d in ("outgoing", "incoming", "both")},
                     time.perf_counter() - started)


def report_model(period: str, compare: str | None, flt: ReportFilter) -> dict[str, Any]:
    """The report model (totals and counts by every grouping) for a period and its comparison period."""
    from aqyl.store.report_data import report_data

    return report_data(period, compare, flt)


def register_stamp() -> object:
    """A value that changes whenever the register does (a cache key of report models)."""
    from aqyl.store.report_data import register_stamp as stamp

    return stamp()

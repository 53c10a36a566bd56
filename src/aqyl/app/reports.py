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
                    out: Path, generated: date | None = None, authored: dict[str, str] | None = None,
                    placeholders: bool = False) -> tuple[list[Path], dict[str, Any]]:
    """Write the note for ``period`` in ``lang`` as each of ``formats`` into ``out``.
    The JSON report model is language-neutral, so its file name carries no language.
    Without ``authored``, the analyst's sections come from the database (aqyl.store.note_texts):
    they are written about the whole register, so a note narrowed by HEI, type, region or
    programme leaves them out rather than state what its own figures may not show. With
    ``placeholders``, a section not written yet keeps its place with a paragraph saying so.
    ``generated`` is the note's date on its title page (today by default)."""
    paths, data, _ = _generate(period, compare, flt, lang, formats, out, generated, authored, placeholders)
    return paths, data


def _generate(period: str, compare: str | None, flt: ReportFilter, lang: str, formats: list[str], out: Path,
              generated: date | None, authored: dict[str, str] | None,
              placeholders: bool) -> tuple[list[Path], dict[str, Any], tuple[str, ...]]:
    # Imported here: the command line checks its options before it starts Django.
    from aqyl.domain.report.note import missing_sections, write_note
    from aqyl.render import write_report_files
    from aqyl.store.report_data import report_data

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
        return [path], data, ()
    if authored is None:
        authored = _authored(flt, data["meta"]["period"], lang)
    doc = write_note(data, lang, (generated or date.today()).isoformat(), authored, persons=_persons(data, flt),
                     placeholders=placeholders)
    paths = []
    if "json" in formats:
        paths += write_report_files(data, doc, ["json"], out, stem)
    others = [f for f in formats if f != "json"]
    if others:
        paths += write_report_files(data, doc, others, out, f"{stem}-{lang}")
    return paths, data, missing_sections(authored)


def _authored(flt: ReportFilter, period: str, lang: str) -> dict[str, str] | None:
    """The analyst's texts the note of ``period`` carries, or None for a narrowed note (it leaves them out)."""
    from aqyl.store.report_data import ReportFilter

    if flt != ReportFilter(category=flt.category):
        return None
    from aqyl.store.note_texts import texts_for

    return texts_for(flt.category, period, lang)


def missing_sections(period: str, category: str, lang: str) -> tuple[str, ...]:
    """The analyst's sections (benefits, recommendations) the note of ``period`` on the whole register
    would lack in ``lang``: no version of the series applies to the period yet."""
    from aqyl.app.filters import report_periods
    from aqyl.domain.report.note import missing_sections as missing
    from aqyl.store.report_data import ReportFilter

    period_code, _ = report_periods(period, None)
    return missing(_authored(ReportFilter(category=category), period_code, lang))


def note_date(text: str | None) -> date | None:
    """The note's date as the user writes it (YYYY-MM-DD), None for none; AqylError for anything else."""
    import re

    from aqyl.domain.errors import AqylError

    if not text or not text.strip():
        return None
    try:  # YYYY-MM-DD only: Python also reads 20240715 and 2024-W28-1, which nobody means here
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            return date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise AqylError("bad_note_date", value=text)


def note_file(period: str, compare: str | None, flt: ReportFilter, lang: str, fmt: str,
              generated: date | None = None, placeholders: bool = False) -> tuple[bytes, str]:
    """The note as one file (its bytes and name), built once for the register as it is, the
    analyst's sections as they are and its date (today by default), and kept in the shared cache
    (aqyl.app.cache): every worker then hands out the same file."""
    import shutil
    import tempfile

    from aqyl.app.cache import cached
    from aqyl.store.note_texts import texts_stamp

    on = generated or date.today()

    def build() -> tuple[bytes, str]:
        folder = Path(tempfile.mkdtemp(prefix="aqyl-report-"))
        try:
            paths, _ = generate_report(period, compare, flt, lang, [fmt], folder, on, placeholders=placeholders)
            return paths[0].read_bytes(), paths[0].name
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    from aqyl import config

    parts = (period, compare, flt, lang, fmt, on.isoformat(), placeholders, texts_stamp(), config.organisation_file())
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
    missing: tuple[str, ...] = ()  # the analyst's sections the note lacks (see missing_sections)


def note_files(period: str, compare: str | None, category: str, hei_types: list[str], regions: list[str],
               programmes: list[str], lang: str, formats: list[str], out: Path, generated: str | None = None,
               placeholders: bool = False) -> NoteFiles:
    """The note of ``period`` for a filter given as users write it, dated ``generated`` (YYYY-MM-DD,
    today by default), the period's totals and the analyst's sections it lacks."""
    import time

    from aqyl.app.filters import report_filter, report_periods
    from aqyl.app.system import open_database

    period_code, compare_code = report_periods(period, compare)
    day = note_date(generated)
    open_database(existing=True)
    flt = report_filter(category, hei_types, regions, programmes)
    started = time.perf_counter()
    paths, data, missing = _generate(period_code, compare_code, flt, lang, formats, out, day, None, placeholders)
    current = data["periods"][period_code]
    return NoteFiles(period_code, paths, {d: current[d]["total"] for d in ("outgoing", "incoming", "both")},
                     time.perf_counter() - started, missing)


def report_model(period: str, compare: str | None, flt: ReportFilter) -> dict[str, Any]:
    """The report model (totals and counts by every grouping) for a period and its comparison period."""
    from aqyl.store.report_data import report_data

    return report_data(period, compare, flt)


def register_stamp() -> object:
    """A value that changes whenever the register does (a cache key of report models)."""
    from aqyl.store.report_data import register_stamp as stamp

    return stamp()

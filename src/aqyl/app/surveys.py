"""Surveys of migration motives: read and check a responses file, analyse it, and write the
report in one language and any formats."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aqyl.domain.errors import AqylError
from aqyl.domain.intake.problems import ImportReport, Problem
from aqyl.domain.survey.analysis import analyze
from aqyl.domain.survey.instrument import Instrument, load_instrument
from aqyl.domain.survey.report import survey_document
from aqyl.importers.readers import RawTable, UnreadableFile
from aqyl.importers.survey import read_mapping, read_responses


@dataclass
class SurveyAnalysis:
    instrument: Instrument
    file: str
    by: str | None
    report: ImportReport
    table: RawTable | None
    n: int
    model: dict[str, Any] | None  # None when no row could be analysed

    def document(self, lang: str):
        assert self.model is not None, "no row could be analysed: there is no report"
        return survey_document(self.instrument, self.model, lang, file=self.file, rejected=self.report.rejected)

    @property
    def stem(self) -> str:
        return f"aqyl-survey-{self.instrument.name}" + (f"-by-{self.by}" if self.by else "")


def check_group(instrument: Instrument, by: str | None) -> None:
    if by is not None and by not in instrument.grouping:
        raise AqylError("survey_unknown_group", group=by, known=", ".join(instrument.grouping))


def analyse_file(path: Path, instrument: str | Instrument = "motives", mapping: Path | None = None, by: str | None = None,
                 accept_valid: bool = False, file_name: str | None = None) -> SurveyAnalysis:
    """Check the file as the importer does and analyse its valid respondents (all rows, or with
    ``accept_valid`` the rows without errors). A file that is no table gives its problem in the
    report and no analysis; a wrong instrument, group or mapping raises AqylError."""
    found = instrument if isinstance(instrument, Instrument) else load_instrument(instrument)
    check_group(found, by)
    name = file_name or path.name
    try:
        result = read_responses(path, found, read_mapping(mapping, found), accept_valid=accept_valid)
    except UnreadableFile as error:
        report = ImportReport(file=name, unreadable=True)
        report.add(Problem(0, "", "", error.key, params=error.params))
        return SurveyAnalysis(found, name, by, report, None, 0, None)
    result.report.file = name
    model = analyze(found, result.answers, result.n, by=by) if result.n else None
    return SurveyAnalysis(found, name, by, result.report, result.table, result.n, model)


def survey_files(analysis: SurveyAnalysis, lang: str, formats: list[str], out: Path) -> list[Path]:
    from aqyl.render import write_report_files

    doc = analysis.document(lang)
    assert analysis.model is not None  # document() has refused otherwise
    paths = write_report_files(analysis.model, doc, [f for f in formats if f == "json"], out, analysis.stem)
    return paths + write_report_files(analysis.model, doc, [f for f in formats if f != "json"], out, f"{analysis.stem}-{lang}")


def instrument(name: str) -> Instrument:
    """A shipped instrument (motives) or one from a JSON file."""
    from aqyl.domain.survey.instrument import load_instrument

    return load_instrument(name)


def questionnaire_bytes(found: Instrument, lang: str, fmt: str) -> bytes:
    """The instrument as a questionnaire in one language, ``fmt`` "csv" or "xlsx"."""
    from aqyl.render.questionnaire import questionnaire_csv, questionnaire_xlsx

    return questionnaire_csv(found, lang) if fmt == "csv" else questionnaire_xlsx(found, lang)


def questionnaire(found: Instrument, lang: str, out: Path) -> None:
    """Write the instrument as a questionnaire in one language: .csv, else .xlsx."""
    from aqyl.files import write_atomically

    write_atomically(out, questionnaire_bytes(found, lang, "csv" if out.suffix.lower() == ".csv" else "xlsx"))


def page_blocks(analysis: SurveyAnalysis, lang: str) -> list:
    """The survey report as the blocks a web page shows."""
    from aqyl.render.html import page_blocks as blocks

    return blocks(analysis.document(lang))

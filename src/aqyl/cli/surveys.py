"""``aqyl survey``: questionnaires on migration motives, and the analysis of their responses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aqyl.app.reports import check_formats
from aqyl.cli.present import LangOption, console, import_summary, print_document
from aqyl.domain.wording.commands import say

survey_app = typer.Typer(help="Surveys on migration motives: questionnaires, responses, scales, reliability.",
                         no_args_is_help=True)
InstrumentOption = Annotated[str, typer.Option("--instrument", help="A shipped instrument (motives) or a JSON file.")]


@survey_app.command("questionnaire")
def survey_questionnaire(
    out: Annotated[Path, typer.Option(help="The file to write: .xlsx (questions and an answer sheet) or .csv.")],
    instrument: InstrumentOption = "motives",
    lang: LangOption = "",
) -> None:
    """Write an instrument as a questionnaire in one language (build a form from it: its answers then
    import without a mapping)."""
    from aqyl.app import surveys

    surveys.questionnaire(surveys.instrument(instrument), lang, out)
    console.print(str(out))


@survey_app.command("analyze")
def survey_analyze(
    responses: Annotated[Path, typer.Argument(help="CSV or XLSX export of a form tool, one row per respondent.")],
    instrument: InstrumentOption = "motives",
    mapping: Annotated[Path | None, typer.Option(help="JSON or CSV mapping of the file's headers (and answers) to items.")] = None,
    by: Annotated[str | None, typer.Option(help="Compare groups: gender, level, funding, funding_type, destination, plan.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, or any of json, docx, html, pdf, xlsx, md (comma-separated).")] = "table",
    out: Annotated[Path, typer.Option(help="Folder for report files (not used by table).")] = Path("."),
    accept_valid: Annotated[bool, typer.Option(help="Analyse the valid rows even when some rows have errors.")] = False,
    errors_xlsx: Annotated[Path | None, typer.Option(help="Write the file back with its problems marked.")] = None,
    lang: LangOption = "",
) -> None:
    """Scale scores, Cronbach's alpha with its interval, item-total correlations, descriptives and,
    with --by, group comparisons (Welch t / ANOVA with effect sizes) and cross-tabs (chi-square, Cramér's V)."""
    from aqyl.app import surveys
    from aqyl.app.imports import write_errors

    found = surveys.instrument(instrument)
    surveys.check_group(found, by)
    formats = ["table"] if fmt.strip() == "table" else check_formats(fmt)
    result = surveys.analyse_file(responses, found, mapping, by, accept_valid)
    report = result.report
    if report.unreadable:
        import_summary([(report, None)], lang, False)
        raise typer.Exit(2)
    if report.problems:
        import_summary([(report, result.table)], lang, False, nothing=say(
            "survey_left_out" if accept_valid else "cli_survey_not_analysed", lang, n=result.n))
    if errors_xlsx is not None and result.table is not None:
        write_errors(errors_xlsx, [(report, result.table)], lang)
    if result.n == 0:
        raise typer.Exit(1)
    if formats == ["table"]:
        print_document(result.document(lang).blocks)
    else:
        for path in surveys.survey_files(result, lang, formats, out):
            console.print(str(path))
    raise typer.Exit(1 if report.errors_total else 0)


def register(app: typer.Typer) -> None:
    app.add_typer(survey_app, name="survey")

"""``aqyl cohorts``: cohorts of scholarship holders (Bolashak, …): return, work-off, employment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aqyl.app.system import open_database
from aqyl.cli.imports import (
    AcceptValid,
    DryRun,
    ErrorsOption,
    ReportOption,
    TemplateOut,
    run_import,
    write_template,
)
from aqyl.cli.present import LangOption, console, err_console, print_json, table

cohorts_app = typer.Typer(help="Cohorts of scholarship holders (Bolashak, …): return, work-off, employment.",
                          no_args_is_help=True)


@cohorts_app.command("import")
def cohorts_import(
    files: Annotated[list[Path], typer.Argument(help="CSV or XLSX files of fellows (see aqyl cohorts template).")],
    accept_valid: AcceptValid = False,
    dry_run: DryRun = False,
    report: ReportOption = None,
    errors_xlsx: ErrorsOption = None,
    user: Annotated[str | None, typer.Option(help="Record the upload as this Aqyl user's.")] = None,
    lang: LangOption = "",
) -> None:
    """Import fellows of scholarship programmes; each programme in a file becomes its new version."""
    run_import(files, "cohort", accept_valid, dry_run, report, errors_xlsx, user, lang)


@cohorts_app.command("template")
def cohorts_template(out: TemplateOut, lang: LangOption = "") -> None:
    """Write the XLSX template for a cohort of fellows in one language."""
    write_template(out, "cohort", lang)


@cohorts_app.command("show")
def cohorts_show(
    cohort: Annotated[str | None, typer.Option(help="One programme (default: every one, and all together).")] = None,
    as_of: Annotated[int | None, typer.Option("--as-of", help="The year the data describe (default: this year).")] = None,
    within: Annotated[int, typer.Option(help="Brain circulation: back within this many years of departure.")] = 5,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    lang: LangOption = "",
) -> None:
    """Indicators of the stored cohorts: graduation, return, circulation, work-off, employment, brain waste, forms."""
    import datetime

    from aqyl.app.cohorts import COHORT_TEXT, indicator_rows, summaries

    open_database()
    year = as_of or datetime.date.today().year
    found = summaries(cohort, year, within)
    if as_json:
        print_json([s.as_dict() for s in found])
        return
    if not found or not found[0].fellows:
        err_console.print(COHORT_TEXT["none"].get(lang))
        raise typer.Exit(1)
    console.print(table(COHORT_TEXT["indicator"].get(lang), *(s.cohort or COHORT_TEXT["all"].get(lang) for s in found),
                        title=str(year), rows=[[label, *values] for label, values in indicator_rows(found, lang, within)]))


def register(app: typer.Typer) -> None:
    app.add_typer(cohorts_app, name="cohorts")

"""``aqyl import`` and ``aqyl template`` (the cohorts' import and template go through the same)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from aqyl.app.system import open_database, refuse_read_only
from aqyl.cli.present import LangOption, console, err_console, import_summary, write_json
from aqyl.domain.wording.commands import say

AcceptValid = Annotated[bool, typer.Option("--accept-valid", help="Store the valid rows even when others are rejected.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Check only; store nothing.")]
ReportOption = Annotated[Path | None, typer.Option(help="Write the validation report as JSON to this file.")]
ErrorsOption = Annotated[Path | None, typer.Option("--errors-xlsx", help="Write the upload with its problems marked to this XLSX.")]
TemplateOut = Annotated[Path, typer.Option(help="Where to write the XLSX template.")]


def import_(
    files: Annotated[list[Path], typer.Argument(help="CSV or XLSX files in the interchange format (or the template).")],
    accept_valid: AcceptValid = False,
    dry_run: DryRun = False,
    report: ReportOption = None,
    errors_xlsx: ErrorsOption = None,
    user: Annotated[str | None, typer.Option(help="Record the submission as this Aqyl user's.")] = None,
    lang: LangOption = "",
) -> None:
    """Import mobility records; exit 0 if every row is valid, 1 if any is rejected, 2 if a file cannot be read or is refused whole."""
    run_import(files, "mobility", accept_valid, dry_run, report, errors_xlsx, user, lang)


def run_import(files: list[Path], layout: str, accept_valid: bool, dry_run: bool, report: Path | None,
               errors_xlsx: Path | None, user: str | None, lang: str) -> None:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from aqyl.app import imports
    from aqyl.files import output_place, reading

    imports.check_settings()
    for path in files:
        reading(path)
    for output in (report, errors_xlsx):  # refused before anything is stored, not after
        if output is not None:
            output_place(output)
    ahead = imports.ReadAhead(files[0], layout) if files else None  # read while the database opens
    open_database()
    if not dry_run:
        refuse_read_only()  # before any file is read, not once per file
    who = imports.storer(user, f"cli:{getpass.getuser()}")
    stages = {"read": say("cli_stage_read", lang), "check": say("cli_stage_check", lang), "store": say("cli_stage_store", lang),
              "wait": say("stage_wait", lang)}
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err_console, transient=True) as bar:
        tasks: dict[str, object] = {}

        def tick(name: str, stage: str, done: int, total: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(f"{name}: {stages['read']}", total=None)
            if stage == "wait":  # another import holds the database: say so above the bar
                bar.console.print(f"{name}: {stages['wait']}")
            bar.update(tasks[name], description=f"{name}: {stages[stage]}", completed=done,
                       total=total if stage == "store" else None)

        results = imports.import_files(files, layout, accept_valid=accept_valid, dry_run=dry_run, who=who,
                                       progress=tick, ahead=ahead)
        for task in tasks.values():
            bar.remove_task(task)
    import_summary(results, lang, dry_run)
    if report is not None:
        write_json(report, imports.report_json(results, lang))
    if errors_xlsx is not None:
        imports.write_errors(errors_xlsx, results, lang)
    raise typer.Exit(imports.exit_code(results))


def template(out: TemplateOut, lang: LangOption = "") -> None:
    """Write the XLSX upload template (headers, drop-down lists and instructions) in one language."""
    write_template(out, "mobility", lang)


def write_template(out: Path, layout: str, lang: str) -> None:
    open_database()
    from aqyl.app import imports

    imports.write_template(out, layout, lang)
    console.print(str(out))


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command()(template)

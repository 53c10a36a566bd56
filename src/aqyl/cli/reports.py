"""``aqyl report``: the half-year analytical note in one language and any formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from aqyl.app.reports import check_formats, note_files
from aqyl.cli.present import LangOption, console, err_console, lines, seconds, table
from aqyl.domain.classifiers import DIRECTION, parse_period
from aqyl.domain.report.note import section_titles
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui

FormatOption = Annotated[str, typer.Option("--format", help="Comma-separated: docx, pdf, html, xlsx, json, md.")]


def report(
    period: Annotated[str, typer.Option(help="Reporting period: 2023H1, 2022/23 or 2023.")],
    compare: Annotated[str | None, typer.Option(help="Comparison period (default: one year earlier).")] = None,
    category: Annotated[str, typer.Option(help="faculty, researcher, staff or student.")] = "faculty",
    hei_type: Annotated[list[str] | None, typer.Option("--hei-type", help="Only these HEI types; repeatable.")] = None,
    region: Annotated[list[str] | None, typer.Option(help="Only HEIs of these regions; repeatable.")] = None,
    programme: Annotated[list[str] | None, typer.Option(help="Only these programmes; repeatable.")] = None,
    fmt: FormatOption = "docx,pdf,html,xlsx,json",
    out: Annotated[Path, typer.Option(help="Folder for the report files.")] = Path("."),
    date: Annotated[str | None, typer.Option("--date", help="The note's date on its title page, YYYY-MM-DD "
                                             "(default: today).")] = None,
    placeholders: Annotated[bool, typer.Option("--placeholders", help="A draft: a visible mark in place of "
                                               "each section an analyst has not written yet.")] = False,
    lang: LangOption = "",
) -> None:
    """Generate the half-year analytical note in the chosen language and formats."""
    made = note_files(period, compare, category, hei_type or [], region or [], programme or [], lang,
                      check_formats(fmt), out, date, placeholders)
    names = {"outgoing": DIRECTION.label("outgoing", lang), "incoming": DIRECTION.label("incoming", lang),
             "both": ui("both", lang)}
    console.print(table(rows=[[names[d], str(n)] for d, n in made.totals.items()],
                        title=parse_period(made.period).label.get(lang), show_header=False))
    lines(*(str(p) for p in made.paths), seconds(made.seconds, lang))
    if not made.totals["both"]:  # files of zeros: said, so that nobody sends them on unread
        err_console.print(f"[yellow]![/yellow] {escape(say('report_no_data', lang, period=made.period))}",
                          highlight=False, soft_wrap=True)
    elif made.missing:  # the analyst's sections not written: never lost without a word
        key = "report_sections_placeholders" if placeholders else "report_sections_missing"
        err_console.print(f"[yellow]![/yellow] {escape(say(key, lang, period=made.period, sections=section_titles(made.missing, lang)))}",
                          highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command()(report)

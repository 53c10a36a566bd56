"""What the command line shows: the consoles, the ``--lang`` option (resolved here, once, for the
command and for the error boundary of :mod:`aqyl.cli.app`), JSON, tables and the import summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from aqyl.config import default_lang
from aqyl.domain.i18n import LANGUAGES
from aqyl.domain.wording.commands import say
from aqyl.domain.wording.interface import ui

console = Console()
err_console = Console(stderr=True)
SHOWN_PROBLEMS = 20
SHOWN_SUBMISSIONS = 10


class _State:
    lang: str | None = None  # the language of the running command, once its --lang is resolved


state = _State()


def resolve_lang(value: str | None) -> str:
    """The language of a command's labels and messages: its --lang, else the default; an unknown
    one exits 2. Every command's --lang goes through here (typer calls it while parsing)."""
    lang = value or default_lang()
    if lang not in LANGUAGES:
        fail(say("bad_lang", default_lang(), value=lang), mark=False)
    state.lang = lang
    return lang


def message_lang(value: str | None) -> str:
    """For a command whose --lang is a text's language: messages in it if it is one of ours."""
    state.lang = value if value in LANGUAGES else default_lang()
    return state.lang


def lang_option(help: str):
    """A command's --lang, resolved by :func:`resolve_lang`."""
    return Annotated[str, typer.Option("--lang", help=help, callback=resolve_lang)]


LANG_HELP = "Language of labels and messages: kk, ru or en."  # in other languages: help_opt_lang
LangOption = lang_option(LANG_HELP)


def fail(text: str, code: int = 2, mark: bool = True) -> typer.Exit:
    """Say why on standard error and stop with ``code``."""
    err_console.print(f"[red]✗[/red] {escape(text)}" if mark else escape(text), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def say_error(text: str) -> None:
    err_console.print(escape(text), highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def write_json(path: Path, data: Any) -> None:
    """A JSON file (the --report, the demo's summary), whole or not at all."""
    from aqyl.files import write_atomically

    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


def seconds(value: float, lang: str) -> str:
    """A duration as the language writes it: "2,4 с" (kk, ru), "2.4 s"."""
    from aqyl.domain.numbers import fmt_num

    return f"{fmt_num(value, lang)}\u00a0{'s' if lang == 'en' else 'с'}"


def lines(*texts: str) -> None:
    for text in texts:
        console.print(text)


def table(*headers: str, rows: list[list[str]] | None = None, **options) -> Table:
    shown = Table(*headers, **options)
    for row in rows or []:
        shown.add_row(*row)
    return shown


def print_document(doc_blocks, compact: bool = False) -> None:
    """A report's blocks on the terminal: headings, paragraphs, lists and tables (charts are for
    files); ``compact``: no blank line before headings, captions centred (a section, not a report)."""
    from aqyl.domain.report.document import Bullets, Heading, Paragraph
    from aqyl.domain.report.document import Table as DocTable

    for block in doc_blocks:
        if isinstance(block, Heading):
            console.print(("" if compact else "\n") + f"[bold]{block.text}[/bold]")
        elif isinstance(block, Paragraph):
            console.print(block.text)
        elif isinstance(block, Bullets):
            console.print(block.lead)
            for item in block.items:
                console.print(f"  • {item}")
        elif isinstance(block, DocTable):
            shown = Table(*(c.header for c in block.columns), title=block.caption,
                           title_justify="center" if compact else "left")
            for row in block.rows:
                shown.add_row(*(c.text for c in row.cells))
            console.print(shown)


def import_summary(results, lang: str, dry_run: bool, nothing: str = "") -> None:
    """An import's summary and problems; ``nothing`` replaces the line said when errors kept
    everything out (a survey analysis stores nothing: it leaves the file unanalysed)."""
    from aqyl.domain.intake.problems import cell_name

    shown = Table(ui("file", lang), ui("rows", lang), ui("valid", lang), ui("rejected", lang), ui("warnings", lang),
                  ui("stored", lang), say("time", lang))
    for r, _ in results:
        shown.add_row(r.file, str(r.rows), str(r.valid), f"[red]{r.rejected}[/red]" if r.rejected else "0",
                      str(r.warnings_total), str(r.stored), seconds(r.seconds, lang))
    console.print(shown)
    for r, _ in results:
        if not r.problems:
            continue
        problems = Table(ui("cell", lang), ui("column", lang), ui("value", lang), ui("what_to_do", lang), title=r.file,
                         show_lines=False)
        ordered = r.shown()
        for p in ordered[:SHOWN_PROBLEMS]:
            colour = "red" if p.severity == "error" else "yellow"
            where = cell_name(p.row, p.position) if p.row else ""
            problems.add_row(where, p.header or p.column, p.value[:40], f"[{colour}]{p.message(lang)}[/{colour}]")
        console.print(problems)
        hidden = r.errors_total + r.warnings_total - min(len(ordered), SHOWN_PROBLEMS)
        if hidden > 0:
            console.print(say("more_problems", lang, n=hidden))
        if r.rejected and not r.stored and not dry_run and not r.unreadable:
            console.print(f"[red]{nothing or say('cli_nothing_stored', lang)}[/red]")
    if dry_run:
        console.print(say("dry_run", lang))
    stored = [s for r, _ in results for s in r.submissions]
    if stored and "cohort" in stored[0]:
        console.print(table(ui("programme", lang), ui("version", lang), ui("stored", lang), ui("rejected", lang),
                            rows=[[s["cohort"], str(s["version"]), str(s["rows"]), str(s["rejected"])] for s in stored],
                            title=say("cohorts_stored", lang)))
    elif stored:
        console.print(table(ui("hei", lang), ui("period", lang), ui("version", lang), ui("stored", lang),
                            ui("rejected", lang), title=say("submissions", lang),
                            rows=[[s["hei"], s["period"], str(s["version"]), str(s["rows"]), str(s["rejected"])]
                                  for s in stored[:SHOWN_SUBMISSIONS]]))
        if len(stored) > SHOWN_SUBMISSIONS:  # a national file holds a thousand: the rest in --report
            console.print(say("more_submissions", lang, n=len(stored) - SHOWN_SUBMISSIONS, total=len(stored),
                              heis=len({s["hei"] for s in stored}), periods=len({s["period"] for s in stored})))
